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

from relnlp.timex._lexicon import _WD, _YEAR
from relnlp.timex.anchoring import _WEEKDAYS
from relnlp.timex.durations import _TOD_CODE
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
# "every Monday", "each Friday evening": a recurring weekday that can head a list
_EVERY_WEEKDAY = re.compile(r"(?:every|each)\s", re.IGNORECASE)
_WEEKDAY_SET = re.compile(r"XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?")
_PART_AFTER = re.compile(r"\s+(?P<part>morning|afternoon|evening|night)(?![\w-])")
# the next weekday of the list, with its part of the day: ", Thursday", " / Friday evening"
_LISTED_WEEKDAY = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&)\s+|/\s*)"
    rf"(?P<day>(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?)(?![\w-])"
)


def _days(span: str, offset: int) -> list[tuple[int, int, int]]:
    """(start, end, day) of each number in ``span`` (text offsets from ``offset``)."""
    return [
        (offset + m.start(), offset + m.end(), int(re.sub(r"\D", "", m.group(0))))
        for m in re.finditer(_NUM, span)
    ]


def _rising(days: list[int]) -> bool:
    return all(a < b for a, b in zip(days, days[1:], strict=False))


def _search_before(
    text: str, end: int, pattern: re.Pattern[str], width: int
) -> tuple[int, re.Match[str] | None]:
    """``pattern`` searched in the ``width`` characters before ``end``, and where they start."""
    lo = max(0, end - width)
    return lo, pattern.search(text[lo:end])


def _by_start(timexes: list[Timex]) -> list[Timex]:
    return sorted(timexes, key=lambda t: t.start)


def _day(text: str, start: int, end: int, year_month: str, day: int) -> Timex:
    """The TIMEX3 of a bare day number coordinated with a date of ``year_month``."""
    return Timex(start, end, text[start:end], "DATE", f"{year_month}-{day:02d}", None, True)


def _listed_before(
    text: str, t: Timex, v: re.Match[str], taken: list[tuple[int, int]]
) -> list[Timex]:
    """The days listed before a day-first date ("1 and" of "1 and 2 July"), rising, untagged."""
    lo, m = _search_before(text, t.start, _BEFORE, 40)
    if m is None:
        return []
    days = _days(m.group("list"), lo + m.start("list"))
    if not _rising([d for *_, d in days] + [int(v.group("d"))]) or any(
        a < e and s < b for s, e, _ in days for a, b in taken
    ):
        return []
    return [_day(text, s, e, v.group("ym"), d) for s, e, d in days]


def _listed_after(text: str, t: Timex, v: re.Match[str]) -> tuple[Timex, list[Timex], int | None]:
    """The days listed after a month-first date (" and 25" of "April 24 and 25").

    Returns the date (re-dated by a year written after the last day), the listed days and
    the offset of that year (its own TIMEX3 is then dropped), else None.
    """
    m = _AFTER.match(text[t.end : t.end + 60])
    if m is None or not t.text[:1].isalpha():
        return t, [], None
    day = int(v.group("d"))
    days = _days(m.group("list"), t.end)
    if not _rising([day] + [d for *_, d in days]):
        return t, [], None
    ym = v.group("ym")
    year_at = None
    if m.group("y"):  # "May 5 and 6, 1990": the year dates every day
        ym = f"{m.group('y')}{ym[4:]}"
        year_at = t.end + m.start("y")
        days[-1] = (days[-1][0], t.end + m.end("y"), days[-1][2])
        t = replace(t, value=f"{ym}-{day:02d}")
    return t, [_day(text, s, e, ym, d) for s, e, d in days], year_at


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
        if v is not None and t.text[:1].isdigit():  # day first: "1 and 2 July"
            out += _listed_before(text, t, v, taken)
        elif v is not None:
            t, days, year_at = _listed_after(text, t, v)
            out += days
            if year_at is not None:
                drop.add(year_at)
        out.append(t)
    return _by_start([t for t in out if t.start not in drop or not re.fullmatch(r"\d{4}", t.value)])


def _in_place_of(timexes: list[Timex], added: list[Timex]) -> list[Timex]:
    """``timexes`` with ``added`` in place of the expressions they overlap, in text order."""
    if not added:
        return timexes
    spans = [(a.start, a.end) for a in added]
    kept = [t for t in timexes if not any(s < t.end and t.start < e for s, e in spans)]
    return _by_start(kept + added)


def coordinated_sets(text: str, timexes: list[Timex]) -> list[Timex]:
    """Read the weekdays listed after "every <weekday>" as the same SET.

    "every Wednesday and Thursday" recurs on both days: TimeML tags "every Wednesday"
    (``XXXX-WXX-3``) and "Thursday" (``XXXX-WXX-4``), not a Thursday near the anchor. A
    listed weekday that is part of a longer date ("Monday, 3 May") ends the list.

    Parameters
    ----------
    text : str
        The text the expressions were found in.
    timexes : list of Timex
        Its expressions, in text order.

    Returns
    -------
    list of Timex
        The expressions, each weekday listed after a recurring one a SET, in text order.

    Examples
    --------
    >>> from relnlp.timex import Anchor, find_timexes
    >>> s = "Ferries sail every Monday, Wednesday or Friday."
    >>> [t.value for t in find_timexes(s, anchor=Anchor.from_value("2003-04-02"))]
    ['XXXX-WXX-1', 'XXXX-WXX-3', 'XXXX-WXX-5']
    """
    added: list[Timex] = []
    for t in timexes:
        if not (
            t.type == "SET" and _EVERY_WEEKDAY.match(t.text) and _WEEKDAY_SET.fullmatch(t.value)
        ):
            continue
        end = t.end
        tod = _PART_AFTER.match(text, end)
        if tod is not None and "T" not in t.value:  # "every Tuesday night" XXXX-WXX-2TNI
            end = tod.end()
            code = _TOD_CODE[tod.group("part").lower()]
            added.append(replace(t, end=end, text=text[t.start : end], value=f"{t.value}T{code}"))
        while (m := _LISTED_WEEKDAY.match(text, end)) is not None:
            s, e = m.span("day")
            if any(o.start < e and s < o.end and not s <= o.start <= o.end <= e for o in timexes):
                break  # "every Sunday and Monday, 3 May": a date of its own
            part = m.group("part")
            value = f"XXXX-WXX-{_WEEKDAYS.index(m.group('wd').lower()) + 1}"
            value += f"T{_TOD_CODE[part.lower()]}" if part else ""
            added.append(Timex(s, e, text[s:e], "SET", value, None, False))
            end = e
    return _in_place_of(timexes, added)


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
        lo, m = _search_before(text, t.start, MILITARY_LIST, 60)
        if m is None:
            continue
        for n in re.finditer(_HHMM, m.group("list")):
            s, e = lo + m.start("list") + n.start(), lo + m.start("list") + n.end()
            hhmm = n.group(0)
            value = f"{v.group('day')}T{hhmm[:2]}:{hhmm[2:]}"
            added.append(Timex(s, e, hhmm, "TIME", value, None, True))
    return _in_place_of(timexes, added)
