"""The context a passage is read in: its section heading and, for list items, the lead-in.

A short passage often states its theme only through where it stands: a bullet under
"Sanctions and trade" or after "The corridor's backers include:" says little by itself. The
classifier therefore reads, beside the passage, the heading of the section it belongs to
and, for a short passage that follows a lead-in ending with a colon (or another item of
the same list), that lead-in sentence.

Headings are found in the text between passages (where the report's structure puts
headings, captions and bylines): the last short line there that is not a caption, an
image, a link or front matter. The same function serves training (raw gold text and gold
passage spans) and analysis (the markup-free view and the reader's passages), so the
model sees the same kind of context in both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["SHORT_WORDS", "passage_contexts"]

#: A passage of fewer words than this borrows its list lead-in.
SHORT_WORDS = 60
_MAX_HEADING_WORDS = 14
_MARKUP = re.compile(r"^[#>*_\s-]+|[*_]+$")
_NOT_HEADING = re.compile(
    r"▲|!\[|https?://|\{%|<[a-z/]|^\w+\s*:(?:\s|$)|^[-=]{3,}$|^\d+\.?$|^\[\d+\]", re.I
)
_ITEM = re.compile(r"^\s*(?:[-*•▪◦]|\d+[.)])\s+")
_WORD = re.compile(r"\w+")


def _heading(gap: str) -> str | None:
    found = None
    for line in gap.splitlines():
        raw = line.strip()
        if not raw or _NOT_HEADING.search(raw):
            continue
        clean = _MARKUP.sub("", raw).strip()
        if _NOT_HEADING.search(clean):
            continue
        n = len(_WORD.findall(clean))
        if 0 < n <= _MAX_HEADING_WORDS and not clean.endswith((".", ";", ",")):
            found = clean
    return found


def _lead_in(text: str) -> str:
    """The last sentence of a passage (the lead-in to a list that follows it)."""
    body = text.strip()
    parts = re.split(r"(?<=[.!?])\s+", body)
    return parts[-1] if parts else body


def passage_contexts(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """For each passage span of ``text``, its section heading and list lead-in.

    Parameters
    ----------
    text : str
        The text the spans index.
    spans : sequence of (int, int)
        Passage character spans, in text order.

    Returns
    -------
    list of str
        One context string per span ("" when there is none).

    Examples
    --------
    >>> t = "Trade ties\\n\\nThe partners include:\\n\\n- a rail link to the port\\n"
    >>> passage_contexts(t, [(12, 33), (35, 60)])
    ['Trade ties', 'Trade ties | The partners include:']
    """
    out: list[str] = []
    heading: str | None = None
    prev_end = 0
    prev_text = ""
    lead: str | None = None
    for a, b in spans:
        gap = text[prev_end:a] if a >= prev_end else ""
        found = _heading(gap)
        if found is not None:
            heading = found
            lead = None
        passage = text[a:b]
        words = len(_WORD.findall(passage))
        if prev_text.rstrip().endswith(":"):
            lead = _lead_in(prev_text)
        elif not (_ITEM.match(prev_text) and _ITEM.match(passage)):
            lead = None  # only a run of list items keeps the lead-in
        parts = [heading] if heading else []
        if lead and words < SHORT_WORDS:
            parts.append(lead)
        out.append(" | ".join(parts))
        prev_end, prev_text = b, passage
    return out
