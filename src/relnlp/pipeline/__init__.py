"""relnlp's spaCy components. Import :mod:`relnlp.pipeline.factories` to register them."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import IDX, LENGTH, ORTH, SPACY

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["char_tokens", "distinct_words", "doc_text", "parsed_text", "span_texts", "strings_of"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, which joins every token: the analyser computes it once per report and
    hands it to the report-level components (:func:`relnlp.records.set_text`)."""
    from relnlp import records

    text = records.text(doc)
    if text is not None and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


def span_texts(doc: Doc) -> Callable[[int, int], str]:
    """A function of ``(start, end)`` that returns ``doc[start:end].text`` without building
    the Span: a slice of the report's text at the tokens' offsets (a Span and the join of
    its tokens cost some twenty times more). Read while the Doc's tokens stay the same;
    the offsets are read once per Doc while they do (:func:`_token_table`)."""
    table = _token_table(doc)
    if table.text is None or table.starts is None or table.lengths is None:
        table.text = doc_text(doc)
        table.starts = doc.to_array(IDX).tolist()
        table.lengths = doc.to_array(LENGTH).tolist()
    text, starts, lengths = table.text, table.starts, table.lengths

    def span_text(start: int, end: int) -> str:
        return text[starts[start] : starts[end - 1] + lengths[end - 1]] if start < end else ""

    return span_text


def char_tokens(doc: Doc) -> Callable[[int, int], tuple[int, int] | None]:
    """A function of character offsets ``(start, end)`` that returns the token range of
    ``doc.char_span(start, end, alignment_mode="expand")`` (``None`` where it gives
    ``None``) without building the Span: one bisect per offset on the tokens' offsets
    (``IDX``, ``LENGTH``, ``SPACY`` arrays read once per call). Read while the Doc's
    tokens stay the same."""
    arr = doc.to_array([IDX, LENGTH, SPACY]).reshape(len(doc), 3).astype(np.int64)
    starts = arr[:, 0].tolist()
    text_end = arr[:, 0] + arr[:, 1]
    ends = text_end.tolist()  # where each token's text ends
    reach = (text_end + arr[:, 2]).tolist()  # ... and its trailing space

    def token_at(char: int) -> int:
        # spaCy's token_by_char: the token whose text or trailing space holds ``char``
        i = bisect.bisect_right(starts, char) - 1
        return i if i >= 0 and starts[i] <= char < reach[i] else -1

    def tokens(start: int, end: int) -> tuple[int, int] | None:
        a, b = token_at(start), token_at(end - 1)
        if a < 0 or b < 0:
            return None
        if start == ends[a]:  # the trailing space is not part of the token
            a += 1
        return a, b + 1

    return tokens


def parsed_text(doc: Doc, text: str) -> str:
    """``doc.text`` without joining every token, given the text ``doc`` was parsed from.

    Parameters
    ----------
    doc : Doc
        The parse.
    text : str
        The text spaCy parsed into ``doc`` (its chunks joined).

    Returns
    -------
    str
        ``text`` when its length is where ``doc``'s last token ends (both empty for an
        empty Doc): the tokens hold the text exactly, so it is ``doc.text``. Otherwise
        ``doc.text``.
    """
    if not len(doc):
        return text if text == "" else doc.text
    last = doc[-1]
    return text if len(text) == last.idx + len(last.text_with_ws) else doc.text


def strings_of(
    doc: Doc, ids: np.ndarray[Any, Any], transform: Callable[[str], str] | None = None
) -> np.ndarray[Any, np.dtype[np.object_]]:
    """The strings of an array of string-store ids (e.g. a ``Doc.to_array`` column), looked
    up (and ``transform``-ed) once per distinct id; id 0 is ""."""
    if ids.size == 0:
        return np.empty(0, dtype=object)
    uniq, inverse = np.unique(ids, return_inverse=True)
    table = np.empty(len(uniq), dtype=object)
    strings = doc.vocab.strings
    for k, h in enumerate(uniq.tolist()):
        text = strings[h] if h else ""
        table[k] = transform(text) if transform is not None else text
    return table[inverse.ravel()]


class _TokenTable:
    """What several rules read of a Doc's tokens: the token texts (``ORTH``) and, once
    asked for, the Doc's text, the tokens' offsets and lengths and the distinct words."""

    __slots__ = ("inverse", "lengths", "n", "orth", "starts", "tensor", "text", "words")

    def __init__(self, doc: Doc, orth: np.ndarray[Any, Any]) -> None:
        self.n = len(doc)
        self.orth = orth
        self.tensor = _tensor_of(doc)
        self.text: str | None = None
        self.starts: list[int] | None = None
        self.lengths: list[int] | None = None
        self.words: list[str] | None = None
        self.inverse: np.ndarray[Any, Any] | None = None


def _tensor_of(doc: Doc) -> Any:
    """``doc.tensor`` when it holds rows (else ``None``)."""
    tensor = doc.tensor
    return tensor if getattr(tensor, "size", 0) else None


#: The token table of each Doc, kept while its tokens are the same (see _token_table).
_TABLES: weakref.WeakKeyDictionary[Doc, _TokenTable] = weakref.WeakKeyDictionary()


def _token_table(doc: Doc) -> _TokenTable:
    """The Doc's :class:`_TokenTable`, read anew when its tokens changed.

    The tokens are the same while the number of tokens and the token texts (``ORTH``)
    are: a merge or a split changes the texts, and no retokenisation leaves them as they
    were. Reading ``ORTH`` costs about what each of the arrays it saves does, so a Doc
    whose ``tensor`` holds rows is trusted without it while the tensor is the same
    object: spaCy's retokenizer resizes the tensor of a merged or split Doc into a new
    array (tests/pipeline/test_speed_helpers.py checks that it still does).
    """
    hit = _TABLES.get(doc)
    if hit is not None and hit.n == len(doc):
        if hit.tensor is not None and doc.tensor is hit.tensor:
            return hit
        orth = doc.to_array(ORTH)
        if np.array_equal(hit.orth, orth):
            hit.tensor = _tensor_of(doc)
            return hit
    else:
        orth = doc.to_array(ORTH)
    table = _TABLES[doc] = _TokenTable(doc, orth)
    return table


def distinct_words(doc: Doc) -> tuple[list[str], np.ndarray[Any, Any]]:
    """The distinct token texts of ``doc`` (in string-id order) and, for each token, the
    index of its text in that list: a scan that tests each word once reads them from
    here. Computed once while the Doc's tokens stay the same (a retokenised Doc is read
    anew)."""
    table = _token_table(doc)
    if table.words is None or table.inverse is None:
        uniq, inverse = np.unique(table.orth, return_inverse=True)
        strings = doc.vocab.strings
        table.words = [strings[h] for h in uniq.tolist()]
        table.inverse = inverse
    return table.words, table.inverse
