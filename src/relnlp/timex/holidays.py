"""Named holidays as dates: "Christmas" 1999-12-25, "Thanksgiving Day" 1999-11-25.

TimeML annotates a holiday's name as a DATE whose value is the day it falls on that year
("Election Day" in a 1998 dispatch is 1998-11-03). Fixed-date holidays have their month
and day; movable ones are computed from the year (the US ones by their weekday rule,
Easter by the Gregorian computus, the Meeus/Jones/Butcher algorithm, and the feasts
counted from it: Ash Wednesday, Palm Sunday, Pentecost...). The Islamic feasts follow the
arithmetic (tabular) Hijri calendar, which the announced dates match within a day or two:
"Eid al-Fitr" is 1 Shawwal, "Ramadan" the month itself (an interval, ``start/end``).
"Victory Day" is left out: its day depends on the country (9 May in Russia, 3 September in
China, 30 April in Vietnam); "VE Day" is 8 May. The
year comes from the expression ("Christmas 1998") or from the same anchoring rules as a
year-less month and day (:func:`relnlp.timex.anchoring._resolve_year`: the tense it is said
in and the document's date). A holiday used as a name ("the Christmas tree", "Easter
Island", a title such as "The Christmas Cottage") is left alone by the pattern's look-ahead.
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
    "boxing day": (12, 26),
    "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17),
    "all saints' day": (11, 1),
    "remembrance day": (11, 11),
    "ve day": (5, 8),
    "v-e day": (5, 8),
    "international women's day": (3, 8),
    "orthodox christmas": (1, 7),
}
#: days after (or before) Easter Sunday of the feasts counted from it
_FROM_EASTER = {
    "ash wednesday": -46,
    "palm sunday": -7,
    "maundy thursday": -3,
    "holy thursday": -3,
    "good friday": -2,
    "holy saturday": -1,
    "easter monday": 1,
    "ascension day": 39,
    "ascension thursday": 39,
    "pentecost": 49,
    "pentecost sunday": 49,
    "whit sunday": 49,
    "whitsunday": 49,
    "whitsun": 49,
    "whit monday": 50,
}
#: (month, weekday, n) of holidays named by a weekday rule (US; n = -1 for the last)
_NTH = {
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
    "president's day": (2, 0, 3),
    "washington's birthday": (2, 0, 3),
    "columbus day": (10, 0, 2),
}
#: (month, day) of the Hijri calendar, and the length of a feast that spans days
_ISLAMIC = {
    "ramadan": (9, 1),
    "ramazan": (9, 1),
    "eid al-fitr": (10, 1),
    "eid al-adha": (12, 10),
    "ashura": (1, 10),
    "islamic new year": (1, 1),
    "hijri new year": (1, 1),
}
_ISLAMIC_EPOCH = 227015  # 1 Muharram AH 1 as a proleptic Gregorian ordinal (16 July 622 Julian)

# "Christmas" needs no "Day"; the US holidays named by a weekday rule need theirs.
HOLIDAY = (
    r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|"
    r"Hallowe'?en|Valentine's\s+Day|Veterans'?\s+Day|Armistice\s+Day|Bastille\s+Day|May\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|Memorial\s+Day|"
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|"
    r"Black\s+Friday|Boxing\s+Day|St(?:\.|aint)?\s+Patrick's\s+Day|All\s+Saints'\s+Day|"
    r"Remembrance\s+Day|V-?E\s+Day|International\s+Women's\s+Day|Orthodox\s+Christmas|"
    r"Ash\s+Wednesday|Palm\s+Sunday|Maundy\s+Thursday|Holy\s+(?:Thursday|Saturday)|"
    r"Ascension\s+(?:Day|Thursday)|Pentecost(?:\s+Sunday)?|Whit\s*(?:sun(?:day)?|Sunday|Monday)|"
    r"Mother's\s+Day|Father's\s+Day|Presidents'?\s+Day|President's\s+Day|Washington's\s+Birthday|"
    r"Columbus\s+Day|Ramadan|Ramazan|Eid\s+(?:al|ul|el)[-\s](?:Fitr|Adha)|Ashura|"
    r"(?:Islamic|Hijri)\s+New\s+Year)(?![\w'-])"
    r"(?:,?\s+(?P<y>1[5-9]\d\d|20\d\d)(?!\d))?"
    # a name, not the day: "Christmas tree", "Easter Island", "Thanksgiving dinner" stays a
    # date in TimeML only as the day of the feast, so modifiers of other nouns are skipped
    r"(?!\s+(?:Island|Rising|Offensive|tree|trees|card|cards|carol|carols|shopping|sales?|"
    r"season|bonus|lights|party|parties|present|presents|gifts?|decorations?|Parade|Act|"
    r"Accord|Agreement|bombing|bombings|massacre|Uprising)\b)"
    # (a title, "The Christmas Cottage", is left out in n_holiday)
)
# a title in title case: "The" or an opening quote before the holiday, a capitalised word after
_TITLE_BEFORE = re.compile(r"(?:\bThe|[\"“‘'])\s*$")
_TITLE_AFTER = re.compile(r"\s+[A-Z][a-z]")
TRIGGER = (
    r"(?:christmas|new year's|independence day|hallowe|valentine's|veterans|armistice|bastille|"
    r"may day|thanksgiving|election day|labor day|memorial day|king jr|king day|easter|"
    r"good friday|black friday|boxing day|patrick's|all saints|remembrance day|"
    r"e day|women's day|orthodox christmas|ash wednesday|palm sunday|maundy|holy th|holy sa|"
    r"ascension|pentecost|whit|mother's day|father's day|presidents|president's day|"
    r"washington's birthday|columbus day|ramadan|ramazan|eid |ashura|new year)"
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


def _islamic_day(name: str, year: int) -> dt.date | None:
    """The Gregorian day in ``year`` of an Islamic feast (the first if the year has two)."""
    month, day = _ISLAMIC[name]
    guess = (year - 622) * 33 // 32
    for h in range(guess - 1, guess + 3):
        if h < 1:
            continue
        ordinal = _ISLAMIC_EPOCH - 1 + (h - 1) * 354 + (3 + 11 * h) // 30
        found = dt.date.fromordinal(ordinal + 29 * (month - 1) + month // 2 + day)
        if found.year == year:
            return found
    return None


def _day_in(name: str, year: int) -> dt.date | None:
    if name in _FIXED:
        return dt.date(year, *_FIXED[name])
    if name in _ISLAMIC:
        return _islamic_day(name, year)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # fourth Thursday of November (US)
    if name == "black friday":
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1)
    if name == "election day":
        # the Tuesday after the first Monday of November (US federal elections)
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name in _NTH:
        return _nth_weekday(year, *_NTH[name])
    if name.startswith("martin luther king"):
        return _nth_weekday(year, 1, 0, 3)
    return _easter(year) + dt.timedelta(days=_FROM_EASTER.get(name, 0))


def _value(name: str, day: dt.date) -> str:
    """A day, or for Ramadan the month it opens (30 days in the arithmetic calendar)."""
    if name in ("ramadan", "ramazan"):
        return f"{day.isoformat()}/{(day + dt.timedelta(days=29)).isoformat()}"
    return day.isoformat()


# "Tariq Ramadan", "Ramadan Shallah": a family or given name, not the month
_NAME_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:In|During|Since|Before|After|Until|By|Holy|Through)\b)[A-Z][a-z]+\s+$"
)


def _canonical(raw: str) -> str:
    name = re.sub(r"\s+", " ", raw.lower())
    name = "halloween" if name.startswith("hallowe") else name
    name = re.sub(r"^eid (?:al|ul|el)[- ]", "eid al-", name)
    name = re.sub(r"^whit ?sun$", "whitsun", name)
    return (
        name.replace("whitsunday", "whit sunday")
        .replace("ve day", "v-e day")
        .replace("v-v-e", "v-e")
    )


def n_holiday(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A holiday's day in the year stated or resolved from the document's date."""
    name = _canonical(g["hol"])
    if _TITLE_BEFORE.search(ctx.text[max(0, m.start() - 5) : m.start()]) and _TITLE_AFTER.match(
        ctx.text, m.end()
    ):
        return None  # a title: "The Christmas Cottage", "'Easter Parade"
    if name in ("ramadan", "ramazan") and (
        _NAME_BEFORE.search(ctx.text[max(0, m.start() - 30) : m.start()])
        or re.match(r"\s+[A-Z][a-z]", ctx.text[m.end() : m.end() + 3])
    ):
        return None
    if g.get("y"):
        day = _day_in(name, int(g["y"]))
        return None if day is None else ("DATE", _value(name, day), None, False)
    # the holiday's approximate place in the year decides its year, as for "Nov. 25"
    rough = _day_in(name, ctx.anchor.doc_year or 2000)
    if rough is None:
        return None
    year = _resolve_year(ctx, rough.month, rough.day)
    day = None if year is None else _day_in(name, year)
    if day is None:
        return None
    return "DATE", _value(name, day), None, True
