"""Named holidays as dates: "Christmas" 1999-12-25, "Thanksgiving Day" 1999-11-25.

TimeML annotates a holiday's name as a DATE whose value is the day it falls on that year
("Election Day" in a 1998 dispatch is 1998-11-03). Fixed-date holidays have their month
and day; movable ones are computed from the year (the US ones by their weekday rule,
Easter by the Gregorian computus, the Meeus/Jones/Butcher algorithm). The
year comes from the expression ("Christmas 1998") or from the same anchoring rules as a
year-less month and day (:func:`relnlp.timex.anchoring._resolve_year`: the tense it is said
in and the document's date). A holiday used as a name ("the Christmas tree", "Easter
Island") is left alone by the pattern's look-ahead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from relnlp.timex.anchoring import _Ctx, _resolve_year
from relnlp.timex.values import Norm

__all__: list[str] = []

#: name (lower case, one space) -> (month, day) of a fixed-date holiday
_FIXED = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "armistice day": (11, 11),
    "bastille day": (7, 14),
    "may day": (5, 1),
}

# "Christmas" needs no "Day"; the US holidays named by a weekday rule need theirs.
HOLIDAY = (
    r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|"
    r"Hallowe'?en|Valentine's\s+Day|Veterans'?\s+Day|Armistice\s+Day|Bastille\s+Day|May\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|Memorial\s+Day|"
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday)(?![\w'-])"
    r"(?:,?\s+(?P<y>1[5-9]\d\d|20\d\d)(?!\d))?"
    # a name, not the day: "Christmas tree", "Easter Island", "Thanksgiving dinner" stays a
    # date in TimeML only as the day of the feast, so modifiers of other nouns are skipped
    r"(?!\s+(?:Island|Rising|Offensive|tree|trees|card|cards|carol|carols|shopping|sales?|"
    r"season|bonus|lights|party|parties|present|presents|gifts?|decorations?|Parade|Act|"
    r"Accord|Agreement|bombing|bombings|massacre|Uprising)\b)"
)
TRIGGER = (
    r"(?:christmas|new year's|independence day|hallowe|valentine's|veterans|armistice|bastille|"
    r"may day|thanksgiving|election day|labor day|memorial day|king jr|king day|easter|"
    r"good friday)"
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _day_in(name: str, year: int) -> dt.date:
    if name in _FIXED:
        return dt.date(year, *_FIXED[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # fourth Thursday of November (US)
    if name == "election day":
        # the Tuesday after the first Monday of November (US federal elections)
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name.startswith("martin luther king"):
        return _nth_weekday(year, 1, 0, 3)
    sunday = _easter(year)
    if name == "good friday":
        return sunday - dt.timedelta(days=2)
    if name == "easter monday":
        return sunday + dt.timedelta(days=1)
    return sunday


def n_holiday(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A holiday's day in the year stated or resolved from the document's date."""
    name = re.sub(r"\s+", " ", g["hol"].lower())
    name = "halloween" if name.startswith("hallowe") else name
    if g.get("y"):
        return "DATE", _day_in(name, int(g["y"])).isoformat(), None, False
    # the holiday's approximate place in the year decides its year, as for "Nov. 25"
    rough = _day_in(name, ctx.anchor.doc_year or 2000)
    year = _resolve_year(ctx, rough.month, rough.day)
    if year is None:
        return None
    return "DATE", _day_in(name, year).isoformat(), None, True
