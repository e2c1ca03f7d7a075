"""Hand-built parses for tests of the event rules: a Doc with the words, heads,
dependencies and tags (or parts of speech) a test gives, so that a rule is tested on the
parse it is written for, whatever the statistical parser makes of the sentence."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab  # with English lexical attributes (lower_ ...)
#: The coarse part of speech of a Penn tag (a form of "be" is an auxiliary, as in spaCy).
_POS = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "DT": "DET"}
_POS |= {"MD": "AUX", "CC": "CCONJ", "JJ": "ADJ", "IN": "ADP", "RP": "ADP", "PRP": "PRON"}
_POS |= {tag: "VERB" for tag in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")}
_POS |= {",": "PUNCT", ".": "PUNCT", "TO": "PART", "RB": "ADV", "CD": "NUM"}
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being"})


def built(
    words: list[str],
    heads: list[int],
    deps: list[str],
    *,
    tags: list[str] | None = None,
    pos: list[str] | None = None,
    lemmas: list[str] | None = None,
) -> Doc:
    """A Doc of ``words`` with absolute ``heads``; ``pos`` defaults to the parts of speech
    of ``tags``."""
    if pos is None and tags is not None:
        pos = [
            "AUX" if w.lower() in _BE and t.startswith("VB") else _POS[t]
            for w, t in zip(words, tags, strict=True)
        ]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
