"""Coordinated days: "1 and 2 July", "April 24 and 25", "May 5, 6 and 8, 1990".

Military clock times in a list share the "hours" of the last one: "at 0940, 1215 and 1830
hours" is three TIMEs (:func:`military_lists`), not two years and a time.

TimeML tags each day of a coordination as its own TIMEX3; the bare numbers ("1", "25")
take the month and year of the date they are coordinated with. The days must rise ("24
and 25"), which keeps counts ("3 and 5 May" is fine, "12 and 3 June" is not read) out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relnlp.timex._lexicon import _YEAR
from relnlp.timex.values import Timex

_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# numbers before a day-first date: "1 and", "24, 25 and", "between 10 and"
_BEFORE = re.compile(rf"(?<![\w.,/$-])(?P<list>{_NUM}(?:\s*,\s*{_NUM})*)\s*,?\s+(?:and|or|&)\s+$")
# numbers after a month-first date: " and 25", ", 25 and 26", " and 6, 1990"
_AFTER = re.compile(
    rf"^(?P<list>(?:\s*,\s*{_NUM})*\s*,?\s+(?:and|or|&)\s+{_NUM})(?:,\s+(?P<y>{_YEAR}))?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|to|and|of|for|the|a|with|when|as|after|before|"
    r"[A-Z])\b)"
)
_DAY_VALUE = re.compile(r"(?P<ym>(?:\d{4}|XXXX)-\d\d)-(?P<d>\d\d)")
_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
#: a list of four-digit clock times before the last one's "hours": "at 0940, 1215 and "
MILITARY_LIST = re.compile(
    rf"\b(?:at|by|between|from)\s+(?P<list>{_HHMM}(?:\s*,\s*{_HHMM})*)\s*,?\s+(?:and|or|to)\s+$",
    re.IGNORECASE,
)
_MILITARY = re.compile(rf"{_HHMM}\s*(?:hours|hrs|h)", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"(?P<day>.+)T\d\d:\d\d")


def _days(span: str, offset: int) -> list[tuple[int, int, int]]:
    """(start, end, day) of each number in ``span`` (text offsets from ``offset``)."""
    return [
        (offset + m.start(), offset + m.end(), int(re.sub(r"\D", "", m.group(0))))
        for m in re.finditer(_NUM, span)
    ]


def _rising(days: list[int]) -> bool:
    return all(a < b for a, b in zip(days, days[1:], strict=False))


def coordinated_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add a TIMEX3 for each bare day coordinated with a full date.

    Parameters
    ----------
    text : str
        The text the expressions were found in.
    timexes : list of Timex
        Its expressions, in text order.

    Returns
    -------
    list of Timex
        The same expressions plus one per coordinated day, in text order; a year written
        after the last day ("May 5 and 6, 1990") becomes part of it and dates all the days.

    Examples
    --------
    >>> from relnlp.timex import Anchor, find_timexes
    >>> [(t.text, t.value) for t in find_timexes("Talks on 1 and 2 July 1863.", anchor=Anchor())]
    [('1', '1863-07-01'), ('2 July 1863', '1863-07-02')]
    """
    out: list[Timex] = []
    drop: set[int] = set()  # start offsets of bare years absorbed into a coordination
    taken = [(t.start, t.end) for t in timexes]
    for t in timexes:
        v = _DAY_VALUE.fullmatch(t.value) if t.type == "DATE" else None
        if v is None:
            out.append(t)
            continue
        day = int(v.group("d"))
        if t.text[:1].isdigit():  # day first: "1 and 2 July"
            m = _BEFORE.search(text[max(0, t.start - 40) : t.start])
            if m is not None:
                base = max(0, t.start - 40) + m.start("list")
                days = _days(m.group("list"), base)
                if _rising([d for *_, d in days] + [day]) and not any(
                    a < e and s < b for s, e, _ in days for a, b in taken
                ):
                    out += [
                        Timex(s, e, text[s:e], "DATE", f"{v.group('ym')}-{d:02d}", None, True)
                        for s, e, d in days
                    ]
            out.append(t)
            continue
        m = _AFTER.match(text[t.end : t.end + 60])
        if m is None or not t.text[:1].isalpha():
            out.append(t)
            continue
        days = _days(m.group("list"), t.end)
        if not _rising([day] + [d for *_, d in days]):
            out.append(t)
            continue
        ym = v.group("ym")
        if m.group("y"):  # "May 5 and 6, 1990": the year dates every day
            ym = f"{m.group('y')}{ym[4:]}"
            t = replace(t, value=f"{ym}-{day:02d}")
            drop.add(t.end + m.start("y"))
        out.append(t)
        for i, (s, e, d) in enumerate(days):
            if i == len(days) - 1 and m.group("y"):
                e = t.end + m.end("y")
            out.append(Timex(s, e, text[s:e], "DATE", f"{ym}-{d:02d}", None, True))
    out = [t for t in out if t.start not in drop or not re.fullmatch(r"\d{4}", t.value)]
    return sorted(out, key=lambda t: t.start)


def military_lists(text: str, timexes: list[Timex]) -> list[Timex]:
    """Read the numbers listed before "N hours" as clock times of the same day.

    Parameters
    ----------
    text : str
        The text the expressions were found in.
    timexes : list of Timex
        Its expressions, in text order.

    Returns
    -------
    list of Timex
        The expressions with each listed number a TIME (what was read there before, a
        year or nothing, is dropped), in text order.

    Examples
    --------
    >>> from relnlp.timex import Anchor, find_timexes
    >>> s = "Shells fell at 0610, 0745 and 2200 hours."
    >>> [t.value for t in find_timexes(s, anchor=Anchor.from_value("2003-04-02"))]
    ['2003-04-02T06:10', '2003-04-02T07:45', '2003-04-02T22:00']
    """
    added: list[Timex] = []
    for t in timexes:
        v = _CLOCK_VALUE.fullmatch(t.value) if t.type == "TIME" else None
        if v is None or not _MILITARY.fullmatch(t.text):
            continue
        lo = max(0, t.start - 60)
        m = MILITARY_LIST.search(text[lo : t.start])
        if m is None:
            continue
        for n in re.finditer(_HHMM, m.group("list")):
            s, e = lo + m.start("list") + n.start(), lo + m.start("list") + n.end()
            hhmm = n.group(0)
            value = f"{v.group('day')}T{hhmm[:2]}:{hhmm[2:]}"
            added.append(Timex(s, e, hhmm, "TIME", value, None, True))
    if not added:
        return timexes
    spans = [(a.start, a.end) for a in added]
    kept = [t for t in timexes if not any(s < t.end and t.start < e for s, e in spans)]
    return sorted(kept + added, key=lambda t: t.start)
