"""Gazetteer phrase matching without building a spaCy Doc per gazetteer surface.

spaCy's ``PhraseMatcher`` wants each pattern as a ``Doc``: for the packaged gazetteer
that is about 10,000 calls of the tokenizer and as many new lexemes at every load (about
0.3 s, the largest cost of :func:`relnlp.load` beyond spaCy's own). The matcher only
compares token texts (``attr="ORTH"``), so :class:`PhraseIndex` keeps each pattern as a
tuple of token-text hashes and finds the same matches, in the same order.

The token texts of the packaged surfaces are computed once, when the data is built
(``scripts/build_gazetteer_tokens.py`` writes ``data/derived/gazetteer_tokens.json``),
for one tokenizer: the file records a key of that tokenizer's rules and patterns
(:func:`tokenizer_key`). At load, surfaces the file does not cover (the user's
gazetteers, or a tokenizer with another key) are tokenised then, so the result never
depends on the file being current, only the load time does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import ORTH
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PhraseIndex", "pattern_tokens", "tokenizer_key"]

#: The packaged token file, relative to ``relnlp/data``.
TOKENS_FILE = "derived/gazetteer_tokens.json"


class PhraseIndex:
    """Token sequences to find in a Doc, matched on token text (like spaCy's
    ``PhraseMatcher(vocab, attr="ORTH")`` with one key).

    Parameters
    ----------
    sequences : iterable of sequences of str
        Each pattern's token texts; empty ones are ignored.
    """

    def __init__(self, sequences: Iterable[Sequence[str]]) -> None:
        self._patterns: set[tuple[int, ...]] = set()
        lengths: dict[int, set[int]] = {}
        for seq in sequences:
            key = tuple(get_string_id(t) for t in seq)
            if key:
                self._patterns.add(key)
                lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {k: tuple(sorted(v)) for k, v in lengths.items()}

    def __len__(self) -> int:
        return len(self._patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` token offsets of every match: by start, then by length (the
        order of ``PhraseMatcher``), overlapping ones included."""
        orths = cast(list[int], doc.to_array([ORTH]).ravel().tolist()) if len(doc) else []
        n = len(orths)
        out: list[tuple[int, int]] = []
        patterns, lengths = self._patterns, self._lengths
        for i, first in enumerate(orths):
            lens = lengths.get(first)
            if lens is None:
                continue
            for k in lens:
                if i + k > n:
                    break
                if k == 1 or tuple(orths[i : i + k]) in patterns:
                    out.append((i, i + k))
        return out


def _describe(fn: Callable[..., Any] | None) -> str | None:
    """A stable description of a tokenizer function (None if it cannot be described)."""
    if fn is None:
        return "none"
    described = getattr(fn, "_relnlp_key", None)
    if isinstance(described, str):
        return described
    pattern = getattr(getattr(fn, "__self__", None), "pattern", None)
    if isinstance(pattern, str):
        return f"{getattr(fn, '__name__', '?')}:{pattern}"
    return None


def tokenizer_key(nlp: Language) -> str | None:
    """A digest of everything that decides how ``nlp``'s tokenizer splits a string: its
    special cases, affix and match patterns and settings; ``None`` when one of its
    functions is not a regular expression relnlp can describe (then nothing is reused)."""
    from spacy.about import __version__ as spacy_version

    tok: Any = nlp.tokenizer
    parts: list[Any] = [spacy_version, getattr(tok, "faster_heuristics", None)]
    for name in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        described = _describe(getattr(tok, name, None))
        if described is None:
            return None
        parts.append(described)
    rules = sorted(
        (k, [{str(a): v for a, v in sorted(d.items())} for d in subs])
        for k, subs in (tok.rules or {}).items()
    )
    parts.append(rules)
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _packaged_tokens(key: str | None) -> dict[str, list[str]]:
    """The packaged surface -> token texts table, if it was built for tokenizer ``key``."""
    from importlib import resources

    if key is None:
        return {}
    path = resources.files("relnlp") / "data" / TOKENS_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("tokenizer_key") != key:
        return {}
    tokens = data.get("tokens")
    return tokens if isinstance(tokens, dict) else {}


def pattern_tokens(nlp: Language, surfaces: Sequence[str]) -> list[list[str]]:
    """Token texts of each surface as ``nlp``'s tokenizer splits it (from the packaged
    table where it applies, else by tokenising it now)."""
    known = _packaged_tokens(tokenizer_key(nlp))
    out: list[list[str]] = []
    for sf in surfaces:
        toks = known.get(sf)
        if toks is None:
            toks = [t.text for t in nlp.make_doc(sf)]
        out.append(toks)
    return out
