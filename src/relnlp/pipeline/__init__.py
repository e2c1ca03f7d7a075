"""relnlp's spaCy components. Import :mod:`relnlp.pipeline.factories` to register them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["doc_text", "parsed_text", "strings_of"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, which joins every token: the analyser computes it once per report and
    hands it to the report-level components (:func:`relnlp.records.set_text`)."""
    from relnlp import records

    text = records.text(doc)
    if text is not None and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


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
