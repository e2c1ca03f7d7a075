"""Sentence-boundary constraints for policy prose, set before the parser runs.

spaCy's parser respects sentence starts that are already set. This component

* forces a sentence start at the first word of every block (text after a blank line), so
  sentences never run across paragraphs, headings or chronology entries;
* forbids one after an abbreviation that never ends a sentence ("Lt. Gen. Khalil",
  "pp. 79-84", "No. 69"), after a month abbreviation before a number ("Feb. 10"), after the
  number of a numbered heading ("1. Afghanistan issue"), and at a footnote marker
  ("... in failure.⁵"), which belongs to the sentence it closes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from relnlp.lang.abbreviations import MONTHS, NO_BREAK_AFTER
from relnlp.lang.chars import BLANK_LINE as _BLANK_LINE
from relnlp.lang.chars import SUPERSCRIPT_DIGITS

__all__ = ["SentenceGuard"]

_MONTHS = frozenset(MONTHS)
_SUPER = frozenset(SUPERSCRIPT_DIGITS)


class SentenceGuard:
    """Pre-parser component that sets sentence-start constraints (see module docstring)."""

    def __init__(self, nlp: Language | None = None, name: str = "relnlp_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        block_start = True  # the next word starts a block
        block_first = -1  # index of the block's first word
        gap = ""  # white space seen since the previous word
        prev = None
        for tok in doc:
            if tok.is_space:
                gap += tok.text + tok.whitespace_
                continue
            if prev is not None and _BLANK_LINE.search(prev.whitespace_ + gap):
                block_start = True
            if block_start:
                if tok.i > 0:
                    tok.is_sent_start = True
                block_first = tok.i
                block_start = False
            elif tok.text and all(c in _SUPER for c in tok.text):
                tok.is_sent_start = False
            elif prev is not None and (
                prev.text in NO_BREAK_AFTER or (prev.text in _MONTHS and tok.like_num)
            ):
                tok.is_sent_start = False
            elif (
                prev is not None
                and prev.text in (".", ")")
                and prev.i == block_first + 1
                and doc[block_first].like_num
            ):
                tok.is_sent_start = False
            gap = ""
            prev = tok
        return doc
