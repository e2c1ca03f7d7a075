"""Acronym detection: "long form (SHORT)" and "SHORT (long form)".

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text" (PSB 2003; 96% precision, 82% recall on their corpus):
a parenthesised short form is matched character by character, from its end, against the
words before the parenthesis; the first character of the short form must start a word.
Adapted to policy prose: a short form must contain a capital letter (so "(1)", "(iv)",
"(see above)" are never acronyms), hyphens and slashes split words ("Russia-India-China
(RIC)"), a parenthesis may hold the short form followed by a comma and a gloss
("(SSC, 国家安全委员会)"), and a leading article is not part of the long form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Acronym", "find_acronyms", "find_mentions"]

_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
_SHORT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-/']{0,9}$")
_WORD = re.compile(r"[^\s\-/]+")
_LEADING = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|this|that|of|and|by|to|in)\s+)+", re.IGNORECASE
)


@dataclass(frozen=True)
class Acronym:
    """A definition found in the text: the short form, the long form and their spans."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def _is_short_form(s: str) -> bool:
    if not _SHORT.match(s) or not any(c.isupper() for c in s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 2:
        return False
    # Roman numerals and ordinary capitalised words are not acronyms.
    if re.fullmatch(r"[IVXLC]+", s) or (s[0].isupper() and s[1:].islower() and len(s) > 3):
        return False
    return True


def _best_long_form(short: str, long: str) -> int | None:
    """Start index in ``long`` of the shortest suffix that explains ``short`` (S&H 2003)."""
    s_chars = [c.lower() for c in short if c.isalnum()]
    si = len(s_chars) - 1
    li = len(long) - 1
    while si >= 0:
        c = s_chars[si]
        while li >= 0 and (
            long[li].lower() != c or (si == 0 and li > 0 and long[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return None
        si -= 1
        li -= 1
    # Extend back to the start of the word.
    start = li + 1
    while start > 0 and long[start - 1].isalnum():
        start -= 1
    return start


# "Defense Ministry (MoD)", "Foreign Ministry (MFA)": the short form spells the organ's
# long form ("Ministry of Defense"), the text writes it topic first.
_TOPIC_MINISTRY = re.compile(r"\b([A-Z][a-z]+) Ministry$")
_TOPIC_LONG = {"Foreign": "Foreign Affairs", "External": "External Affairs"}


def _reordered_long_form(short: str, long: str) -> int | None:
    """Start index in ``long`` of a "<Topic> Ministry" long form whose short form spells
    "Ministry of <Topic>" ("Russian Defense Ministry (MoD)"), else None."""
    m = _TOPIC_MINISTRY.search(long)
    if m is None:
        return None
    topic = _TOPIC_LONG.get(m.group(1), m.group(1))
    rel = _best_long_form(short, f"{long[: m.start()]}Ministry of {topic}")
    if rel is None:
        return None
    return min(rel, m.start())


def _candidate_long(text: str, end: int, n_short: int) -> tuple[int, str]:
    """The words before ``end`` that may hold a long form: min(|A| + 5, |A| * 2) words."""
    limit = min(n_short + 5, n_short * 2)
    start = end
    words = 0
    for m in reversed(list(_WORD.finditer(text, max(0, end - 200), end))):
        # Stop at a sentence or clause boundary.
        between = text[m.end() : start]
        if re.search(r"[.;:!?]\s|[()\[\]]", between) and start != end:
            break
        start = m.start()
        words += 1
        if words >= limit:
            break
    return start, text[start:end]


_SHORT_BEFORE = re.compile(r"([A-Za-z0-9][A-Za-z0-9&.\-/']{1,9})$")


def find_acronyms(text: str) -> list[Acronym]:
    """Acronym definitions in ``text``, in order.

    Examples
    --------
    >>> [(a.short, a.long) for a in find_acronyms(
    ...     "the Collective Security Treaty Organization (CSTO) met; item (1) and (iv).")]
    [('CSTO', 'Collective Security Treaty Organization')]
    >>> [(a.short, a.long) for a in find_acronyms("NATO (North Atlantic Treaty Organization) grew.")]
    [('NATO', 'North Atlantic Treaty Organization')]
    """
    out: list[Acronym] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        inner_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        first = re.split(r"[,;]\s*", inner, maxsplit=1)[0].strip()
        # Case 1: long form (SHORT[, gloss])
        if _is_short_form(first):
            before_end = m.start()
            while before_end > 0 and text[before_end - 1] == " ":
                before_end -= 1
            cstart, cand = _candidate_long(text, before_end, len(first))
            rel = _best_long_form(first, cand)
            if rel is None:
                rel = _reordered_long_form(first, cand)
            if rel is not None:
                long = cand[rel:].strip().strip("\"“”‘’'")
                lead = _LEADING.match(long)
                if lead:
                    long = long[lead.end() :]
                lstart = cstart + cand.index(long, rel) if long else -1
                words = len(_WORD.findall(long))
                if long and words >= 2 and len(long) > len(first):
                    out.append(
                        Acronym(
                            first,
                            long,
                            inner_start,
                            inner_start + len(first),
                            lstart,
                            lstart + len(long),
                        )
                    )
                    continue
        # Case 2: SHORT (long form)
        # The short form is at most 10 characters before the parenthesis (white space
        # aside): search that window only, not the whole text before it (quadratic).
        stop = m.start()
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
        window = max(0, stop - 10)
        pre = _SHORT_BEFORE.search(text, window, stop)
        if pre and _is_short_form(pre.group(1)) and len(_WORD.findall(inner)) >= 2:
            short = pre.group(1)
            # In this order the parenthesis is the long form: it must explain the short
            # form, and is taken whole.
            if _best_long_form(short, inner) is not None and inner[:1].isupper():
                out.append(
                    Acronym(
                        short,
                        inner,
                        pre.start(1),
                        pre.end(1),
                        inner_start,
                        inner_start + len(inner),
                    )
                )
    return out


def find_mentions(text: str, short: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of a short form (case-sensitive), e.g. every later "AIIB"."""
    pat = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?![\w])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]
