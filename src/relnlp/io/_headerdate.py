"""Find a report's own date in its header (a small, strict subset of date parsing).

Only forms that identify a calendar date or month unambiguously are accepted: numeric
``2/16/2022`` (month-first when the first number can be a month, day-first with dots
``16.07.2021``), ISO ``2022-02-16``, ``February 16, 2022``, ``16 February 2022``,
``February 2022`` and month ranges ``January – May 2015`` (whose end is the report's date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relnlp.lang.chars import DASHES, MONTH_NUMBERS

__all__ = ["HeaderDate", "MONTHS", "find_dates", "month_number"]

MONTHS = MONTH_NUMBERS

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)"
_DASH = rf"\s*[{DASHES}]\s*"

_DATE = re.compile(
    rf"""
    (?P<range>(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_DASH}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR}))
  | (?P<mdy>(?P<a_m>{_MONTH})\s+(?P<a_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<a_y>{_YEAR}))
  | (?P<dmy>(?P<b_d>\d{{1,2}})\s+(?P<b_m>{_MONTH})\s+(?P<b_y>{_YEAR}))
  | (?P<my>(?P<c_m>{_MONTH})\s+(?P<c_y>{_YEAR}))
  | (?P<iso>(?P<i_y>{_YEAR})-(?P<i_m>\d\d)-(?P<i_d>\d\d))
  | (?P<slash>(?P<s_1>\d{{1,2}})/(?P<s_2>\d{{1,2}})/(?P<s_y>{_YEAR}))
  | (?P<dots>(?P<d_d>\d{{1,2}})\.(?P<d_m>\d{{1,2}})\.(?P<d_y>{_YEAR}))
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class HeaderDate:
    """A date found in a document's text: ISO value and its character span."""

    value: str
    start: int
    end: int
    text: str


def month_number(name: str) -> int:
    """Month number of an English month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[name.lower().rstrip(".")]


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    import calendar

    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _value(m: re.Match[str]) -> str | None:
    g = m.group
    kind = m.lastgroup
    if kind == "range":
        return _iso(int(g("y2")), month_number(g("m2")))
    if kind == "mdy":
        return _iso(int(g("a_y")), month_number(g("a_m")), int(g("a_d")))
    if kind == "dmy":
        return _iso(int(g("b_y")), month_number(g("b_m")), int(g("b_d")))
    if kind == "my":
        return _iso(int(g("c_y")), month_number(g("c_m")))
    if kind == "iso":
        return _iso(int(g("i_y")), int(g("i_m")), int(g("i_d")))
    if kind == "slash":
        a, b, y = int(g("s_1")), int(g("s_2")), int(g("s_y"))
        # US order (month first) unless the first number cannot be a month.
        return _iso(y, a, b) if a <= 12 else _iso(y, b, a)
    if kind == "dots":
        return _iso(int(g("d_y")), int(g("d_m")), int(g("d_d")))
    return None


def find_dates(text: str, offset: int = 0) -> list[HeaderDate]:
    """All unambiguous dates in ``text``, with spans shifted by ``offset``.

    Examples
    --------
    >>> [d.value for d in find_dates("FY 2021-#6 2/16/2022")]
    ['2022-02-16']
    >>> [d.value for d in find_dates("Chronology January – May 2015")]
    ['2015-05']
    """
    out = []
    for m in _DATE.finditer(text):
        value = _value(m)
        if value:
            out.append(HeaderDate(value, m.start() + offset, m.end() + offset, m.group(0)))
    return out
