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

from spacy.attrs import IS_SPACE, LIKE_NUM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from relnlp.lang.abbreviations import MONTHS, NO_BREAK_AFTER
from relnlp.lang.chars import BLANK_LINE as _BLANK_LINE
from relnlp.lang.chars import SUPERSCRIPT_DIGITS
from relnlp.pipeline import strings_of

__all__ = ["SentenceGuard"]

_MONTHS = frozenset(MONTHS)


class SentenceGuard:
    """Pre-parser component that sets sentence-start constraints (see module docstring)."""

    def __init__(self, nlp: Language | None = None, name: str = "relnlp_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Token attributes from one array (no Token object per word); a Token is made only
        # where a constraint is set.
        cols = doc.to_array([IS_SPACE, LIKE_NUM, SPACY]).reshape(len(doc), 3).tolist()
        texts = strings_of(doc, doc.to_array(ORTH)).tolist() if len(doc) else []
        # whether a blank line lies in a word's own trailing white space alone (no gap)
        blank = {w: bool(_BLANK_LINE.search(w)) for w in ("", " ")}
        block_start = True  # the next word starts a block
        block_first = -1  # index of the block's first word
        gap = ""  # white space seen since the previous word
        prev = -1  # index of the previous word
        for i, (space, like_num, spacy) in enumerate(cols):
            text = texts[i]
            if space:
                gap += text + (" " if spacy else "")
                continue
            if prev >= 0:
                ws = " " if cols[prev][2] else ""
                if blank[ws] if not gap else _BLANK_LINE.search(ws + gap):
                    block_start = True
            if block_start:
                if i > 0:
                    doc[i].is_sent_start = True
                block_first = i
                block_start = False
            elif text and not text.strip(SUPERSCRIPT_DIGITS):  # superscripts only
                doc[i].is_sent_start = False
            elif prev >= 0 and (
                texts[prev] in NO_BREAK_AFTER or (texts[prev] in _MONTHS and like_num)
            ):
                doc[i].is_sent_start = False
            elif (
                prev >= 0
                and texts[prev] in (".", ")")
                and prev == block_first + 1
                and cols[block_first][1]
            ):
                doc[i].is_sent_start = False
            gap = ""
            prev = i
        return doc
