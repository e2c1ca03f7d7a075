"""TIMEX3 temporal expressions: find them in text and normalise them to values.

The tagger is rule-based, in the tradition of HeidelTime (Strötgen & Gertz, 2013): a set
of patterns, each with a normalisation function, applied longest-match-first. Values follow
ISO-TimeML/TIMEX3 (Pustejovsky et al., 2005; TimeML annotation guidelines 1.2.1):

* DATE: ``2015-03-19``/``2015-03``/``2015``, any year with an era (``0711`` for "AD 711",
  ``BC0480`` for "480 BC", centuries ``BC04``), seasons ``2021-SU``, quarters ``2015-Q1``,
  halves ``2014-H2``, weeks ``2015-W12`` and weekends ``2015-W12-WE``, decades ``198``,
  centuries ``20``, fiscal years ``FY2021``, recurring days ``XXXX-10-01``, references
  ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` ("now", "recently", "the future");
  ranges are ISO intervals ``start/end`` (a relnlp extension: TimeML tags each end);
* TIME: ``2015-03-19T14:00``, parts of a day ``2015-03-19TMO`` (MO, AF, EV, NI);
* DURATION: ``P3Y``, ``P2W``, ``PT4H``, ``P2DE`` (decades), ``PXM`` (unstated length);
* SET: ``XXXX-WXX-1`` (every Monday), ``P1M`` (each month), ``XXXX-XX-XX`` (daily).

``mod`` is START (early, beginning of), MID, END (late, end of), APPROX (about, around)
or, for durations, MORE_THAN/LESS_THAN/EQUAL_OR_MORE.

Spans follow TimeML: a preposition is left out ("in 2015" -> "2015"), the determiner of a
temporal noun phrase is kept ("the third quarter", "the end of April", "the past"), one
that belongs to a noun the expression modifies is not ("the third-quarter loss").

Anchoring year-less and relative expressions (see :class:`Anchor`) follows how reports and
news are written: a year given earlier in the same sentence wins; a chronology entry gives
its year to what it contains; otherwise the document's own date, moved one year back when
a past-tense statement would otherwise land after it (and forward across a year end when
a present-tense sentence names a month up to a quarter ahead). Deictic expressions
("yesterday", "last week", "three days ago", "this morning") count from the document's
date (news: the document creation time, day-precise); narrative ones ("two days later",
"that autumn", "the following year", "the same day") from the last date the text gave.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from relnlp.lang.chars import MONTH_NUMBERS

__all__ = ["Anchor", "Timex", "find_timexes", "is_valid_value", "parse_value"]

# fmt: off
_MONTHS = MONTH_NUMBERS
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "several": 0, "a few": 0, "few": 0,
}
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "nineteenth": 19, "19th": 19,
    "twentieth": 20, "20th": 20, "twenty-first": 21, "21st": 21, "eighteenth": 18,
    "18th": 18, "seventeenth": 17, "17th": 17, "sixteenth": 16, "16th": 16,
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
          "century": "CE", "hour": "H", "minute": "MIN", "second": "S", "quarter": "Q",
          "millennium": "L", "millennia": "L"}
# fmt: on

_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z]))"
)
_YEAR = r"(?:1\d\d\d|20\d\d|2100)"
_BC = r"(?:BCE|BC|B\.C\.E\.|B\.C\.)"
_AD = r"(?:AD|A\.D\.|CE|C\.E\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|through|until)\s*"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMWORD = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.5)?|{_TENS}[\s-]{_ONES}|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a\s+)?hundred|(?:two|three|several)\s+thousand|"
    r"several|a\s+few|few|a\s+couple\s+of|couple\s+of)"
)
_UNIT = r"(?:day|week|month|year|decade|centur(?:y|ie)|hour|minute|quarter|millenni(?:um|a))s?"
_UNIT1 = r"(?:day|week|month|year|decade|century|hour|minute|quarter)"
_SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and)?"
    rf"(?:[\s-]+(?:{_ONES}|ten|eleven|twelve))?)"
)
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|earlier|mid|middle[\s-]+of|late|later|"
    r"beginning[\s-]+of|start[\s-]+of|end[\s-]+of|close[\s-]+of|turn[\s-]+of|dawn[\s-]+of)"
    r"(?:\s+|-(?=[A-Za-z0-9])))?"
)
_APPROX = r"(?P<approx>(?:about|around|approximately|circa|roughly)\s+)?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FY = r"(?:FY|Fiscal\s+Year|fiscal\s+year)\s?'?(?P<fy>\d{4}|\d{2})\b"

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|upcoming|forthcoming|next|plans?|planned|scheduled|expected|"
    r"is\s+to|are\s+to|to\s+be\s+held|looking\s+forward|intends?)\b",
    re.IGNORECASE,
)
# Sentence ends for anchoring: a stop before a capital, a blank line, or the end of a URL
# (a citation's URL closes it; what follows is a new statement).
_SENT_END = re.compile(
    r"[.!?](?:[\"”’)\]]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*\s+(?=[A-Z\"“(\[]|\*)|\n\s*\n|(?:https?://|www\.)\S+\s+"
)


@dataclass(frozen=True)
class Timex:
    """A temporal expression: character span, TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False  # True when the value depends on an anchor (year-less, relative)


@dataclass
class Anchor:
    """The reference points a year-less or relative expression is resolved against."""

    doc_year: int | None = None
    doc_month: int | None = None
    doc_day: int | None = None
    narrative_year: int | None = None  # last explicit year the text gave
    last_day: tuple[int, int, int] | None = None  # last full date the text gave
    chronology_year: int | None = None
    chronology_month: int | None = None
    doc_time: tuple[int, int] | None = None  # hour, minute of a news dispatch

    @classmethod
    def from_value(cls, value: str | None) -> Anchor:
        """Anchor on an ISO doc date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``...THH:MM``).

        Examples
        --------
        >>> a = Anchor.from_value("1998-02-13T09:30")
        >>> (a.doc_year, a.doc_month, a.doc_day, a.doc_time)
        (1998, 2, 13, (9, 30))
        """
        if not value:
            return cls()
        date, _, clock = value.partition("T")
        parts = [int(x) for x in date.split("-")[:3]]
        anchor = cls(*parts + [None] * (3 - len(parts)))  # type: ignore[arg-type]
        if clock:
            hh, mm = clock.split(":")[:2]
            anchor.doc_time = (int(hh), int(mm))
        return anchor


# --- values -------------------------------------------------------------------------------


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _ymd(y: int | None, m: int | None = None, d: int | None = None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12:
        return False
    last = calendar.monthrange(y if y is not None else 2000, m)[1]
    return 1 <= d <= last


_TIME_OF_DAY = r"(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))"
_POINT = (
    r"(?:\d{4}(?:-(?:\d{2}(?:-\d{2}(?:" + _TIME_OF_DAY + r")?)?|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}(?:-WE)?))?"
    r"|\d{3}|\d{2}|BC\d{4}|BC\d{2}|FY\d{4}|XXXX(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX)(?:TNI)?)?|-QX|-WXX)?|XXXX-WXX-[1-7])"
)
_DURATION = r"P(?:(?:\d+|X)(?:Y|M|W|D|DE|CE|Q|L)|T(?:\d+|X)(?:H|M|S))"
_REFS = r"(?:PRESENT_REF|PAST_REF|FUTURE_REF)"
_VALUE = re.compile(rf"^(?:{_POINT}(?:/{_POINT})?|{_DURATION}|{_REFS})$")


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value this module can produce.

    Examples
    --------
    >>> is_valid_value("2015-03-05/2015-03-15"), is_valid_value("2015-13")
    (True, False)
    """
    if not _VALUE.match(value):
        return False
    for part in value.split("/"):
        m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", part)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12:
                return False
            if m.group(3) and not _valid_day(y, mo, int(m.group(3))):
                return False
    return True


def parse_value(value: str) -> tuple[str, ...]:
    """Split a value into its points (one for a point, two for an interval)."""
    return tuple(value.split("/"))


# --- the pattern table ----------------------------------------------------------------------

# Each pattern is (name, regex). Order matters only for equal-length matches at the same
# position; the scanner always prefers the longest match.
_PATTERNS: list[tuple[str, str]] = [
    # ranges of days: "April 23-24, 2015", "March 5-15", "5-15 March 2015"
    ("md_range", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|—)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?(?![\d-])"),
    ("dm_range", rf"(?P<d1>{_DAY})\s*(?:-|–|—)\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    # month ranges: "January – May 2015", "from May to July", "between March and May 2014"
    ("mm_range", rf"(?P<pre>(?:[Ff]rom|[Bb]etween)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_DASH.replace('to|', 'to|(?P<and>and)|')}(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?"),
    # year ranges: "Between 2001 and 2007", "2001-2007", "from 2005 to 2007"
    ("yy_range", rf"(?P<pre>(?:[Bb]etween|[Ff]rom)\s+)?(?P<y1>{_YEAR})\s*(?:-|–|—|(?P<and>and)|to|until|through)\s*(?P<y2>{_YEAR}|\d\d)(?![\d-])"),
    # "the first four months of 2015", "the last two days of March"
    ("first_n", rf"(?:the\s+)?(?P<which>first|last|final)\s+(?P<n>{_NUMWORD})\s+(?P<unit>months|days|weeks)\s+of\s+(?:(?P<m>{_MONTH})(?:\s+(?P<my>{_YEAR}))?|(?P<y>{_YEAR}))"),
    # halves: "the first half of August", "second half of 2014", "the second half of the 20th century"
    ("half", rf"(?:the\s+)?(?P<which>first|second|1st|2nd|latter|former)\s+half\s+of\s+(?:(?P<m>{_MONTH})(?:\s+(?P<my>{_YEAR}))?|(?P<y>{_YEAR})|(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|[a-z-]+)\s+century)"),
    ("quarter", rf"(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter\s+(?:of\s+)?(?P<y>{_YEAR})|\bQ(?P<q>[1-4])\s*(?P<y2>{_YEAR})"),
    ("halfcode", rf"\bH(?P<h>[12])\s*(?P<y>{_YEAR})"),
    # full dates
    ("mdy", rf"(?:{_WD},?\s+)?{_MOD}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})(?!\d)"),
    ("dmy", rf"(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})(?!\d)"),
    ("iso", rf"(?<![\d/-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d/-])"),
    ("slash", rf"(?<![\d/.-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})(?![\d/])"),
    ("dots", rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})(?!\d|\.\d)"),
    # month + day without year: "March 19", "Feb. 26", "the 10th of May"
    ("md", rf"(?:{_WD},?\s+)?{_MOD}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\d,.]*\d{{4}})(?!\d|:\d)"),
    ("dm", rf"(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?!\s*,?\s*{_YEAR})"),
    # month (+ year): "November 2013", "early March", "end-of-March", "mid-May"
    ("my", rf"(?P<which>(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+)?{_MOD}(?P<m>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<wy>this|last|next)\s+year)?(?![\w-])"),
    # seasons: "the summer of 2021", "summer 2021", "this summer"
    ("season", rf"(?:the\s+)?{_MOD}(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))"),
    # decades and centuries: "the early 1980s", "the 1930s", "the 21st century"
    ("decade", rf"(?:the\s+)?{_MOD}(?:(?P<dec>1[5-9]\d0|20[0-9]0)'?s\b|'(?P<dec2>[1-9]0)s\b|(?P<decw>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b)"),
    ("century", rf"(?:the\s+)?{_MOD}(?P<c>\d{{1,2}}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+century(?:\s+(?P<bc>{_BC})(?!\w)|\s+{_AD}(?!\w))?"),
    # years of any length with an era, "AD 711", "480 BC", "the year 800"
    ("era", rf"(?:{_MOD}{_APPROX}(?:(?:AD|A\.D\.)\s+(?P<y1>\d{{1,4}})|(?P<y2>\d{{1,4}})\s*(?:(?P<bc>{_BC})|{_AD}))|[Tt]he\s+year\s+(?P<y3>\d{{3,4}}))(?!\w)"),
    ("fy", _FY),
    # bare years (in date contexts only; see _year_context)
    ("year", rf"{_MOD}{_APPROX}(?:[Ff]iscal\s+)?(?:(?<=[Mm]id-)|(?<![\w/#$.-]))(?P<y>{_YEAR})(?![\w/%]|-(?:\w))"),
    # relative expressions
    ("ago", rf"(?P<q>(?:about|around|almost|nearly|some|more\s+than|less\s+than|over)\s+)?(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+ago"),
    ("later", rf"(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+(?P<dir>later|earlier)(?=[\s,.;:])"),
    ("deictic", r"(?P<mod>(?:early|late)\s+)?(?:the\s+)?(?P<which>last|next|this|previous|following|coming|same|past)\s+(?P<unit>year|month|week|day)\b"),
    ("deictic_day", r"\b(?P<mod>(?:early|late)\s+)?(?P<w>yesterday|tomorrow|today|tonight)\b"),
    ("weekday", r"\b(?P<mod>(?:early|late)\s+)?(?:(?P<which>last|next|this|every|each)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    # reference expressions (TimeML PRESENT_REF / PAST_REF / FUTURE_REF)
    ("ref", r"(?<![\w-])(?P<ref>(?:more\s+|most\s+)?recently|currently|nowadays|these\s+days|at\s+present|"
            r"the\s+(?:recent\s+|distant\s+)?past|(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|"
            r"the\s+near\s+term|soon|(?:right\s+)?now|current|recent|a\s+later\s+date)(?![\w-])"),
    # times of day: "this morning", "last night", "Tuesday evening", "yesterday afternoon"
    ("tod", rf"(?:(?:(?P<the>the)\s+|(?P<which>this|last|yesterday|tomorrow)\s+|(?P<wd>{_WD})\s+)"
            r"(?P<mod>(?:early|late|mid)[\s-]+)?(?P<tod>morning|afternoon|evening|night)|(?P<on>overnight)|"
            rf"(?P<mod2>early|late|mid)[\s-]+(?P<tod2>morning|afternoon|evening|night)(?:\s+(?P<wd3>{_WD}|yesterday|today|tomorrow))?)(?![\w-])"),
    # clock times: "7:15 p.m.", "5 p.m. EST Wednesday", "noon Thursday"
    ("clock", rf"{_APPROX}(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:[ECMP][SD]T|GMT))?|(?<![\w-])(?P<nm>noon|midnight))"
              rf"(?:,?\s+(?P<wd>{_WD}|yesterday|today|tomorrow))?(?:,?\s+(?P<m>{_MONTH})\s+(?P<d>{_DAY}))?"),
    # quarters without a year: "the third quarter", "third-quarter", "the year-earlier quarter"
    ("quarter_ny", rf"(?:(?P<det>the|this|that)\s+)?(?:(?P<qy>{_YEAR})\s+|(?P<rel>this|last|next)\s+year's\s+)?(?P<adj>(?:(?:comparable|corresponding|latest|most\s+recent|current|"
                   r"previous|prior|past|year-earlier|year-ago|fiscal)[\s-]+)*)"
                   r"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)?[\s-]*(?P<qn>quarter|period)(?![\w-])"),
    # the comparison period of earnings news: "year-earlier profit", "the year ended June 30"
    ("yago", r"(?P<yago>year-(?:earlier|ago))(?=\s+[a-z])|(?P<fyear>(?:the\s+)?(?:fiscal\s+)?year)(?=\s+(?:ended|ending)\b)"),
    # seasons without a year: "this summer", "last spring", "the early summer"
    ("season_ny", rf"(?:(?P<which>the|this|last|next|that|past)\s+){_MOD}(?P<s>spring|summer|autumn|fall|winter)(?![\w-])"),
    # years in words: "nineteen ninety-six", "the year two thousand"
    ("spelled_year", rf"(?:the\s+year\s+)?(?P<sy>{_SPELLED_YEAR})(?![\w-])"),
    # ends of years: "year-end", "the end of the year", "the full year", "earlier this month"
    ("year_part", r"(?:(?P<ye>year[\s-]end|year's\s+end)|(?P<mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:earlier|later)\s+(?:in\s+)?)"
                  r"(?P<det>the|this|that|next|last)\s+(?P<unit>year|month|week)|(?P<full>the\s+(?:full|current|whole|entire)\s+year))(?![\w-])"),
    ("weekend", r"(?P<which>the|this|last|next|that|past)\s+weekend(?![\w-])"),
    ("that_year", r"(?P<det>that|the\s+same)\s+(?P<unit>year|month|day)(?![\w-])"),
    # recurrences: "daily", "each month", "every quarter", "annually"
    ("set", rf"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly)|(?:each|every|per)\s+(?P<unit>{_UNIT1}|(?P<m>{_MONTH}))(?![\w-])"),
    # vague durations: "several years", "a few days", "the past few months", "recent years"
    ("vague_dur", r"(?P<det>(?:the\s+)?(?:past|last|next|coming|previous|following|first|final)\s+)?"
                  r"(?P<q>(?:a\s+few|few|several|many|some|recent|the)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)(?:\s+ahead)?(?![\w-])"),
    # durations: "10 days", "more than 20 years"
    ("duration", rf"(?P<q>(?:no\s+more\s+than|more\s+than|less\s+than|nearly|almost|about|around|some|at\s+least|up\s+to)\s+)?(?P<det>(?:the\s+)?(?:(?:past|last|next|coming|previous|first|final|following|additional|latest)\s+)?|(?:another|an\s+additional)\s+)(?P<n>{_NUMWORD})\s+(?:(?:trading|business|working|calendar)\s+)?(?P<unit>{_UNIT})(?![\w-])"),
    # adjectival durations: "a two-year program", "the 10-hour tour", "an 8-month-old truce"
    ("duration_adj", rf"(?P<n>{_NUMWORD}|\d+)-(?P<unit>{_UNIT1})(?:-(?:old|long))?(?![\w-])"),
]

_COMPILED = [(name, re.compile(p)) for name, p in _PATTERNS]
_CI_NAMES = {"first_n", "half", "quarter", "season", "century", "ago", "later", "deictic",
             "deictic_day", "duration", "decade", "weekday", "ref", "tod", "clock", "quarter_ny",
             "season_ny", "spelled_year", "year_part", "that_year", "set", "vague_dur",
             "duration_adj", "yago", "weekend"}  # fmt: skip
_COMPILED = [
    (n, re.compile(p.pattern, re.IGNORECASE) if n in _CI_NAMES else p) for n, p in _COMPILED
]

# "May" is also a modal verb: as a month it needs a date-like neighbour.
_MAY_OK_BEFORE = re.compile(
    r"(?:\b(?:in|of|early|late|mid|since|until|by|from|through|to|between|and|during|"
    r"last|next|this|end|beginning|before|after)\s*-?|[-–—])\s*$",
    re.IGNORECASE,
)
# A bare year is a date after a preposition, or as a modifier of a noun phrase.
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|by|until|till|before|after|from|of|during|throughout|for|to|"
    r"around|about|circa|early|late|mid|the|its|their|his|her|our|and|or|between|through|"
    r"than|year|years|spring|summer|autumn|fall|winter|end|beginning)\s*-?|[(,;:–—]|^)\s*$",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = re.compile(r"(?:No\.|Nos\.|pp?\.|Vol\.|vol\.|#|\$|€|£|¥)\s*$")
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|km|kilomet|met(?:er|re)s?|miles?|tons?|tonnes?|troops|"
    r"soldiers|people|persons|dollars|yuan|rubles?|roubles?|euros?|barrels|units|members)\b",
    re.IGNORECASE,
)
# (?<!\S) anchors the bare-domain branch at a word start: without it the scan backtracks
# quadratically over a long run without white space.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+\.(?:com|org|net|gov|edu|int|cn|ru|jp|pdf|html?)\S*")
_NAMEY_HYPHEN = re.compile(r"[A-Za-z]-$")


def _number(s: str) -> int | None:
    """The number a numeral stands for; None for a vague one ("several", "a few")."""
    s = re.sub(r"[\s-]+", " ", s.lower().strip())
    if s in ("a couple of", "couple of"):
        return 2
    if s.endswith(" thousand"):
        n = _number(s[: -len(" thousand")])
        return n * 1000 if n else None
    if s in _NUMBERS:
        return _NUMBERS[s] or None
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]  # "twenty four"
    try:
        return int(float(s.replace(",", "")))
    except ValueError:
        return None


def _spelled_year(s: str) -> int | None:
    """A year said in words: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = re.sub(r"[\s-]+", " ", s.lower()).replace(" and ", " ").split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(words[2:])
        return 2000 + (_number(rest) or 0 if rest else 0)
    century = _NUMBERS.get(words[0])
    if century is None:
        return None
    rest = " ".join(words[1:])
    if rest == "hundred":
        return century * 100
    n = _number(rest)
    return century * 100 + n if n is not None and n < 100 else None


def _ordinal(s: str) -> int | None:
    s = s.lower()
    if s in _ORDINALS:
        return _ORDINALS[s]
    m = re.match(r"(\d+)", s)
    return int(m.group(1)) if m else None


def _mod_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if "mid" in w or "middle" in w:
        return "MID"
    if "early" in w or "earlier" in w or "beginning" in w or "start" in w or "dawn" in w:
        return "START"
    if "late" in w or "end" in w or "close" in w or "turn" in w:
        return "END"
    return None


def _strip_the(text: str, start: int, name: str = "") -> tuple[str, int]:
    """Drop a leading preposition: spans hold the expression only (TimeML).

    TimeML keeps the determiner of a temporal noun phrase ("the third quarter", "the end
    of April", "the past") but not one that belongs to a noun the expression modifies
    ("the third-quarter loss", "the 10th of May ceremony" -> the day alone).
    """
    m = re.match(r"(?:(?:on|On|in|In|at|At)\s+(?!least))+", text)
    if m:
        text, start = text[m.end() :], start + m.end()
    if name in ("dm", "dmy") or (name == "quarter_ny" and re.search(r"-quarter$", text)):
        m = re.match(r"(?:the|The|that|That|this|This)\s+", text)
        if m:
            return text[m.end() :], start + m.end()
    return text, start


# A year-less date up to this many months after the document's date is read as upcoming
# (same year) when its sentence speaks in the present or future; otherwise as past.
_AHEAD = 3
_WILL = re.compile(r"\b(?:will|shall|won't|going\s+to|is\s+to|are\s+to)\b|'ll\b", re.IGNORECASE)
# How far (characters) a named quarter or half sets the granularity of "a year earlier".
_PERIOD_REACH = 400
_PRESENT = re.compile(r"\b(?:is|are|will|would|be|'s|payable|due|expires?|begins?|ends?|starts?)\b",
                      re.IGNORECASE)


@dataclass
class _Ctx:
    text: str
    anchor: Anchor
    sentence_years: list[int] = field(default_factory=list)
    future: bool = False
    present: bool = False
    # the last quarter or half the text named, and where: "a year earlier" right after
    # "the third quarter" is that quarter a year back (HeidelTime's granularity rule)
    last_period: tuple[int, str, int] | None = None
    will: bool = False  # the sentence has a future auxiliary (weekdays then look ahead)
    pos: int = 0
    in_chronology: bool = False


def _resolve_year(ctx: _Ctx, month: int | None, day: int | None) -> int | None:
    """Year for a year-less month (and day), by the anchoring rules of the module."""
    a = ctx.anchor
    if ctx.sentence_years:
        return ctx.sentence_years[-1]
    if ctx.in_chronology and a.chronology_year is not None:
        if month is None or a.chronology_month is None:
            return a.chronology_year
        # The year that puts the entry nearest the previous one (chronologies run in
        # order, forwards or backwards: Dec. 30, 2016 -> Jan. 4 is 2017).
        last = a.chronology_year * 12 + a.chronology_month
        return min(
            (a.chronology_year + k for k in (-1, 0, 1)),
            key=lambda yy: abs(yy * 12 + month - last),
        )
    if a.doc_year is None:
        return a.narrative_year
    y = a.doc_year
    if month is not None and a.doc_month is not None and not ctx.future:
        later = (month, day or 1) > (a.doc_month, a.doc_day or 31)
        ahead = (month - a.doc_month) % 12
        soon = ahead <= _AHEAD and ctx.present and (later or month < a.doc_month)
        if later and not soon:
            y -= 1
        elif soon and month < a.doc_month:
            y += 1  # "payable Jan. 2" in a November dispatch: the coming January
    return y


def _normalise(name: str, m: re.Match[str], ctx: _Ctx) -> tuple[str, str, str | None, bool] | None:
    """(type, value, mod, anchored) for a match, or None when it is not a date."""
    g = m.groupdict()
    mod = _mod_of(g.get("mod"))
    if g.get("approx"):
        mod = "APPROX"
    a = ctx.anchor
    if name == "md_range":
        mo, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
        y = int(g["y"]) if g.get("y") else _resolve_year(ctx, mo, d1)
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return "DATE", f"{_ymd(y, mo, d1)}/{_ymd(y, mo, d2)}", None, not g.get("y")
    if name == "dm_range":
        mo, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
        y = int(g["y"]) if g.get("y") else _resolve_year(ctx, mo, d1)
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return "DATE", f"{_ymd(y, mo, d1)}/{_ymd(y, mo, d2)}", None, not g.get("y")
    if name == "mm_range":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y2 = int(g["y2"]) if g.get("y2") else None
        y1 = int(g["y1"]) if g.get("y1") else y2
        if y2 is None:
            y1 = y2 = _resolve_year(ctx, m1, None)
        if y1 is None or y2 is None or (y1, m1) >= (y2, m2):
            return None
        return "DATE", f"{_ymd(y1, m1)}/{_ymd(y2, m2)}", None, not g.get("y2")
    if name == "yy_range":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 100:
            return None
        return "DATE", f"{y1:04d}/{y2:04d}", None, False
    if name == "first_n":
        n = _number(g["n"])
        unit = g["unit"].lower()
        if not n:
            return None
        if g.get("y") and unit == "months" and n <= 12:
            y = int(g["y"])
            return "DATE", (f"{_ymd(y, 1)}/{_ymd(y, n)}" if g["which"].lower() == "first"
                            else f"{_ymd(y, 13 - n)}/{_ymd(y, 12)}"), None, False  # fmt: skip
        if g.get("m") and unit == "days":
            mo = _month(g["m"])
            y = int(g["my"]) if g.get("my") else _resolve_year(ctx, mo, None)
            last = calendar.monthrange(y or 2000, mo)[1]
            if n > last:
                return None
            if g["which"].lower() == "first":
                return "DATE", f"{_ymd(y, mo, 1)}/{_ymd(y, mo, n)}", None, not g.get("my")
            return "DATE", f"{_ymd(y, mo, last - n + 1)}/{_ymd(y, mo, last)}", None, not g.get("my")
        return None
    if name == "half":
        first = g["which"].lower() in ("first", "1st", "former")
        if g.get("y"):
            return "DATE", f"{int(g['y']):04d}-H{1 if first else 2}", None, False
        if g.get("m"):
            mo = _month(g["m"])
            y = int(g["my"]) if g.get("my") else _resolve_year(ctx, mo, None)
            last = calendar.monthrange(y or 2000, mo)[1]
            span = (1, 15) if first else (16, last)
            return "DATE", f"{_ymd(y, mo, span[0])}/{_ymd(y, mo, span[1])}", None, not g.get("my")
        c = _ordinal(g["c"]) if g.get("c") else None
        if c:
            base = (c - 1) * 100
            lo, hi = (base, base + 49) if first else (base + 50, base + 99)
            return "DATE", f"{lo // 10:03d}/{hi // 10:03d}", None, False
        return None
    if name == "quarter":
        if g.get("q"):
            return "DATE", f"{int(g['y2']):04d}-Q{g['q']}", None, False
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}[g["which"].lower()]  # fmt: skip
        return "DATE", f"{int(g['y']):04d}-Q{q}", None, False
    if name == "halfcode":
        return "DATE", f"{int(g['y']):04d}-H{g['h']}", None, False
    if name in ("mdy", "dmy", "iso"):
        mo = _month(g["m"]) if not g["m"].isdigit() else int(g["m"])
        d, y = _day(g["d"]), int(g["y"])
        if not _valid_day(y, mo, d):
            return None
        return "DATE", _ymd(y, mo, d), mod, False
    if name == "slash":
        x, z, y = int(g["a"]), int(g["b"]), int(g["y"])
        mo, d = (x, z) if x <= 12 else (z, x)
        if not _valid_day(y, mo, d):
            return None
        return "DATE", _ymd(y, mo, d), None, False
    if name == "dots":
        d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
        if not _valid_day(y, mo, d):
            return None
        return "DATE", _ymd(y, mo, d), None, False
    if name in ("md", "dm"):
        mo, d = _month(g["m"]), _day(g["d"])
        if _recurring(ctx.text, m):
            if not _valid_day(None, mo, d):
                return None
            return "DATE", _ymd(None, mo, d), None, False
        y = _resolve_year(ctx, mo, d)
        wd = re.match(_WD, m.group(0))
        if wd and y is not None and not ctx.sentence_years:
            # "Thursday, June 20": the nearest year in which that day is that weekday
            import datetime as dt

            want = _WEEKDAYS.index(wd.group(0).lower())
            for cand in (y, y + 1, y - 1):
                if _valid_day(cand, mo, d) and dt.date(cand, mo, d).weekday() == want:
                    y = cand
                    break
        if not _valid_day(y, mo, d):
            return None
        return "DATE", _ymd(y, mo, d), mod, True
    if name == "my":
        mo = _month(g["m"])
        which = re.sub(r"\s+", " ", (g.get("which") or g.get("wy") or "").lower().strip())
        if g.get("y"):
            yr: int | None = int(g["y"])
        elif which and a.doc_year is not None:
            # "last May": the most recent May before the document's month (TimeML);
            # "May last year": May of the previous year.
            yr = a.doc_year
            if g.get("wy"):
                yr += {"last": -1, "next": 1}.get(which, 0)
            elif which in ("last", "this past") and a.doc_month is not None and mo >= a.doc_month:
                yr -= 1
            elif which in ("next", "this coming") and a.doc_month is not None and mo <= a.doc_month:
                yr += 1
        else:
            yr = _resolve_year(ctx, mo, None)
        return "DATE", _ymd(yr, mo), mod, not g.get("y")
    if name == "season":
        return "DATE", f"{int(g['y']):04d}-{_SEASONS[g['s'].lower()]}", mod, False
    if name == "decade":
        if g.get("dec"):
            return "DATE", g["dec"][:3], mod, False
        # "the '80s", "the nineties": the decade of the 20th century (how news writes them)
        tens = int(g["dec2"][0]) if g.get("dec2") else _NUMBERS[g["decw"].lower()[:-3] + "y"] // 10
        return "DATE", f"19{tens}", mod, False
    if name == "century":
        c = _ordinal(g["c"])
        if not c or not 1 <= c <= 22:
            return None
        return "DATE", f"{'BC' if g.get('bc') else ''}{c - 1:02d}", mod, False
    if name == "era":
        y = int(g.get("y1") or g.get("y2") or g.get("y3") or 0)
        if not 1 <= y <= 2100 or (g.get("bc") and y > 9999):
            return None
        return "DATE", f"{'BC' if g.get('bc') else ''}{y:04d}", mod, False
    if name == "fy":
        fy = g["fy"]
        y = int(fy) if len(fy) == 4 else 2000 + int(fy)
        return "DATE", f"FY{y:04d}", None, False
    if name == "year":
        return "DATE", g["y"], mod, False
    if name in ("ago", "later"):
        if g.get("q"):
            mod = {"about": "APPROX", "around": "APPROX", "some": "APPROX", "almost": "APPROX",
                   "nearly": "APPROX", "more than": "BEFORE", "over": "BEFORE",
                   "less than": "AFTER"}.get(re.sub(r"\s+", " ", g["q"].lower().strip()))  # fmt: skip
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        unit = "century" if unit == "centurie" else unit
        pivot: tuple[int | None, int | None, int | None]
        if name == "ago":  # counted back from the document's date
            pivot = (a.doc_year, a.doc_month, a.doc_day)
            sign = -1
        else:  # "two days later": from the last date the text gave, else the document's
            pivot = (a.narrative_year, None, None)  # "five years later": the last year told
            if a.last_day and a.last_day[0] == a.narrative_year and unit in ("day", "week", "month"):
                pivot = a.last_day  # the last date given was a day of that year
            if pivot[0] is None:
                pivot = (a.doc_year, a.doc_month, a.doc_day)
            sign = 1 if g["dir"].lower() == "later" else -1
        if not n:
            return ("DATE", "PAST_REF", None, True) if name == "ago" else None
        if unit in ("hour", "minute") and name == "ago":
            return _clock_shift(a, n, unit, mod)
        lp = ctx.last_period
        if unit == "year" and lp is not None and ctx.pos - lp[2] < _PERIOD_REACH and sign < 0:
            return "DATE", f"{lp[0] - n:04d}-{lp[1]}", mod, True
        value = _shift(pivot, sign * n, unit)
        return None if value is None else ("DATE", value, mod, True)
    if name == "deictic":
        which, unit = g["which"].lower(), g["unit"].lower()
        if which == "same" and unit == "day" and a.last_day:
            return "DATE", _ymd(*a.last_day), None, True
        if which == "same" and unit == "year" and a.narrative_year:
            return "DATE", f"{a.narrative_year:04d}", None, True
        if unit == "year":
            ref = a.narrative_year if which in ("following", "previous") else a.doc_year
            if ref is None:
                return None
            delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "following": 1,
                     "coming": 1, "this": 0}.get(which)  # fmt: skip
            if delta is None:
                return None
            return "DATE", f"{ref + delta:04d}", mod, True
        if unit == "week" and a.doc_year is not None and a.doc_month is not None and a.doc_day:
            import datetime as dt

            delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(which)
            if delta is None:
                return None
            day = dt.date(a.doc_year, a.doc_month, a.doc_day) + dt.timedelta(weeks=delta)
            iso = day.isocalendar()
            return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}", mod, True
        if unit == "month" and a.doc_year is not None and a.doc_month is not None:
            delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(which)
            if delta is None:
                return None
            k = a.doc_year * 12 + (a.doc_month - 1) + delta
            return "DATE", _ymd(k // 12, k % 12 + 1), mod, True
        return None
    if name == "weekday" and (g.get("which") or "").lower() in ("every", "each"):
        return "SET", f"XXXX-WXX-{_WEEKDAYS.index(g['wd'].lower()) + 1}", None, False
    if name in ("deictic_day", "weekday"):
        res = _day_relative(name, g, ctx)
        return res if res is None or res[2] else (res[0], res[1], mod, res[3])
    if name in _MORE:
        return _MORE[name](g, m, ctx)
    if name == "duration":
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        unit = "century" if unit == "centurie" else unit
        if not n:
            return "DURATION", f"P{'T' if unit in ('hour', 'minute', 'second') else ''}X{_UNITS[unit][0]}", None, False
        qual = (g.get("q") or "").lower().strip()
        dmod = {"more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
                "less than": "LESS_THAN", "under": "LESS_THAN", "nearly": "APPROX",
                "almost": "APPROX", "about": "APPROX", "around": "APPROX",
                "some": "APPROX"}.get(re.sub(r"\s+", " ", qual))  # fmt: skip
        code = _UNITS[unit]
        before = ctx.text[max(0, m.start() - 24) : m.start()]
        if g["n"].lower() in ("a", "an") and re.search(
            r"(?:\d|million|billion|trillion|times|once|twice|thrice)\W*$", before, re.IGNORECASE
        ):
            return "SET", f"P1{code}", None, False  # "$115 million a year", "twice a year"
        return "DURATION", _period(n, unit), dmod, False
    return None


def _period(n: int | str, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration: P3Y, P2W, PT4H, PT30M; ``n`` may be "X" (unknown)."""
    code = _UNITS[unit]
    if code in ("H", "MIN", "S"):
        return f"PT{n}{code[0]}"
    return f"P{n}{code}"


def _shift(base: tuple[int | None, int | None, int | None], n: int, unit: str) -> str | None:
    """The ``unit``-precise value ``n`` units from ``base`` (year, month, day)."""
    import datetime as dt

    y, mo, d = base
    if y is None:
        return None
    if unit in ("day", "week"):
        if mo is None or d is None:
            return None
        day = dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        if unit == "day":
            return day.isoformat()
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        if mo is None:
            return None
        k = y * 12 + mo - 1 + n
        return _ymd(k // 12, k % 12 + 1)
    if unit == "quarter":
        if mo is None:
            return None
        k = y * 4 + (mo - 1) // 3 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    step = {"year": 1, "decade": 10, "century": 100}.get(unit)
    if step is None:
        return None
    return f"{y + n * step:04d}"


def _clock_shift(a: Anchor, n: int, unit: str, mod: str | None) -> Norm:
    """"two hours ago" from a document time (TIME), or None without one."""
    import datetime as dt

    if a.doc_time is None or a.doc_year is None or a.doc_month is None or a.doc_day is None:
        return None
    now = dt.datetime(a.doc_year, a.doc_month, a.doc_day, *a.doc_time)
    then = now - dt.timedelta(hours=n) if unit == "hour" else now - dt.timedelta(minutes=n)
    return "TIME", then.strftime("%Y-%m-%dT%H:%M"), mod, True


def _dct_day(ctx: _Ctx, delta: int = 0) -> str | None:
    import datetime as dt

    a = ctx.anchor
    if a.doc_year is None or a.doc_month is None or a.doc_day is None:
        return None
    return (dt.date(a.doc_year, a.doc_month, a.doc_day) + dt.timedelta(days=delta)).isoformat()


_REF = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "these days": "PRESENT_REF", "at present": "PRESENT_REF", "current": "PRESENT_REF",
        "future": "FUTURE_REF", "soon": "FUTURE_REF", "near term": "FUTURE_REF",
        "later date": "FUTURE_REF"}  # fmt: skip
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
Norm = tuple[str, str, str | None, bool] | None


def _n_ref(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Reference expressions: TimeML's PRESENT_REF, PAST_REF and FUTURE_REF."""
    w = re.sub(r"\s+", " ", g["ref"].lower())
    for key, val in _REF.items():
        if w.endswith(key):
            return "DATE", val, None, True
    return "DATE", "PAST_REF", None, True  # recently, the past, recent


def _n_tod(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Parts of a day: "this morning" -> 1998-02-06TMO (TIME)."""
    if g.get("on"):
        day = _dct_day(ctx)
        return None if day is None else ("TIME", day + "TNI", None, True)
    which = (g.get("which") or g.get("wd3") or "").lower()
    tod = (g.get("tod") or g["tod2"]).lower()
    wd = g.get("wd") or (which.capitalize() if which.endswith("day") and which not in ("yesterday", "today") else "")
    if wd:
        res = _day_relative("weekday", {"wd": wd, "which": ""}, ctx)
        day = res[1] if res else None
    else:
        delta = {"yesterday": -1, "tomorrow": 1}.get(which, 0)
        if which == "last" and tod in ("night", "evening"):
            delta = -1
        elif which == "last":
            return None
        day = _dct_day(ctx, delta)
    if day is None:
        return None
    return "TIME", f"{day}T{_TOD[tod]}", _mod_of(g.get("mod") or g.get("mod2")), True


def _n_clock(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Clock times on the document's day (or the weekday named): "7:15 p.m." -> T19:15."""
    if g.get("nm"):
        h, mi = (12, 0) if g["nm"].lower() == "noon" else (24, 0)
    else:
        h, mi = int(g["h"]) % 12, int(g.get("mi") or 0)
        if g["ap"].lower().startswith("p"):
            h += 12
    wd = (g.get("wd") or "").lower()
    if g.get("m"):
        mo, d = _month(g["m"]), _day(g["d"])
        y = _resolve_year(ctx, mo, d)
        day = _ymd(y, mo, d) if _valid_day(y, mo, d) else None
    elif wd in ("yesterday", "today", "tomorrow"):
        day = _dct_day(ctx, {"yesterday": -1, "today": 0, "tomorrow": 1}[wd])
    elif wd:
        res = _day_relative("weekday", {"wd": wd, "which": ""}, ctx)
        day = res[1] if res else None
    else:
        day = _dct_day(ctx)
    if day is None:
        return None
    return "TIME", f"{day}T{h:02d}:{mi:02d}", "APPROX" if g.get("approx") else None, True


def _n_quarter(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A quarter without a year: of the year being reported on (news: the DCT's)."""
    a = ctx.anchor
    adj = (g.get("adj") or "").lower()
    which = (g.get("which") or "").lower()
    det = (g.get("det") or "").lower()
    if not which and not det and not adj.strip():
        return None  # bare "quarter": a district, a fourth part
    ago = "year-earlier" in adj or "year-ago" in adj or "comparable" in adj or "corresponding" in adj
    if g["qn"].lower() == "period" and (which or not (ago or "latest" in adj)):
        return None  # a period is a quarter only as the reporting period of earnings news
    if which and (g.get("qy") or g.get("rel")):
        q = _ordinal(which) or 0
        if not 1 <= q <= 4 or a.doc_year is None and not g.get("qy"):
            return None
        y = int(g["qy"]) if g.get("qy") else (a.doc_year or 0) + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return "DATE", f"{y:04d}-Q{q}", None, not g.get("qy")
    if which:
        q = _ordinal(which) or 0
        if not 1 <= q <= 4:
            return None
        yq = _resolve_year(ctx, 3 * q - 2, 1)
        if yq is None:
            return None
        return "DATE", f"{yq - ago:04d}-Q{q}", None, True
    if a.doc_year is None or a.doc_month is None:
        return None
    current = "current" in adj or det == "this"
    value = _shift((a.doc_year, a.doc_month, 1), (0 if current else -1) - 4 * ago, "quarter")
    return None if value is None else ("DATE", value, None, True)


def _n_season(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A season without a year: "this summer", "last spring" (the document's year)."""
    a = ctx.anchor
    code = _SEASONS[g["s"].lower()]
    which = g["which"].lower()
    if g["s"].lower() == "fall" and ctx.text[m.end() : m.end() + 4].lower() == " of ":
        return None  # "the fall of the Wall"
    if which == "that":
        y = a.narrative_year
    elif which == "this":
        y = ctx.sentence_years[-1] if ctx.sentence_years else a.doc_year
    else:
        y = _resolve_year(ctx, _SEASON_MONTH[code], 1)
        if y is not None and a.doc_month is not None and not ctx.sentence_years:
            if which in ("last", "past") and _SEASON_MONTH[code] >= a.doc_month:
                y = min(y, (a.doc_year or y) - 1)
            elif which == "next" and _SEASON_MONTH[code] <= a.doc_month:
                y = (a.doc_year or y) + 1
    if y is None:
        return None
    return "DATE", f"{y:04d}-{code}", _mod_of(g.get("mod")), True


def _n_spelled(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    y = _spelled_year(g["sy"])
    return None if y is None or not 1000 <= y <= 2100 else ("DATE", f"{y:04d}", None, False)


def _n_year_part(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """"year-end", "the end of the year", "earlier this month", "the full year"."""
    a = ctx.anchor
    if a.doc_year is None:
        return None
    if g.get("ye"):
        return "DATE", f"{a.doc_year:04d}", "END", True
    if g.get("full"):
        return "DATE", f"{a.doc_year:04d}", None, True
    det, unit = g["det"].lower(), g["unit"].lower()
    mod = _mod_of(g.get("mod"))
    delta = {"next": 1, "last": -1}.get(det, 0)
    if det == "that" and unit == "year" and a.narrative_year is not None:
        return "DATE", f"{a.narrative_year:04d}", mod, True
    if unit == "year":
        return "DATE", f"{a.doc_year + delta:04d}", mod, True
    value = _shift((a.doc_year, a.doc_month, a.doc_day), delta, unit)
    return None if value is None else ("DATE", value, mod, True)


def _n_that_year(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """"that year", "the same month": the narrative anchor."""
    a = ctx.anchor
    unit = g["unit"].lower()
    if unit == "day":
        return ("DATE", _ymd(*a.last_day), None, True) if a.last_day else None
    if unit == "month":
        if a.last_day:
            return "DATE", _ymd(a.last_day[0], a.last_day[1]), None, True
        return None
    y = a.narrative_year or a.doc_year
    return None if y is None else ("DATE", f"{y:04d}", None, True)


def _n_set(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Recurrences (TimeML SET): "daily" XXXX-XX-XX, "each month" P1M, "each July" XXXX-07."""
    adv = (g.get("adv") or "").lower()
    if adv:
        value = {"daily": "XXXX-XX-XX", "nightly": "XXXX-XX-XXTNI", "weekly": "XXXX-WXX",
                 "monthly": "XXXX-XX", "annually": "XXXX", "yearly": "XXXX",
                 "quarterly": "XXXX-QX", "hourly": "PT1H"}[adv]  # fmt: skip
        return "SET", value, None, False
    if g.get("m"):
        return "SET", _ymd(None, _month(g["m"])), None, False
    return "SET", _period(1, g["unit"].lower()), None, False


def _n_vague(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Durations of unstated length: "several years" PXY, "a few hours" PTXH."""
    if not (g.get("det") or g.get("q")):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:for|within|in|over|after|of|took|takes|lasted)\s+$", before):
            return None
    if ctx.text[m.end() : m.end() + 12].lstrip().startswith("ago"):
        return None
    unit = g["unit"].lower()[:-1]
    unit = "century" if unit == "centurie" else unit
    det = re.sub(r"^the\s+", "", (g.get("det") or "").lower()).strip()
    q = (g.get("q") or "").lower().strip()
    if q in ("recent", "") and (q or det) and det in ("", "past", "coming", "next", "last"):
        # "recent years", "coming months", "past decades": a stretch of the past or the
        # future with no length stated is a reference, not a duration (TimeML)
        return "DATE", "FUTURE_REF" if det in ("coming", "next") else "PAST_REF", None, True
    return "DURATION", _period("X", unit), None, False


def _n_duration_adj(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Adjectival durations: "a two-year program" P2Y, "a 10-hour tour" PT10H."""
    n = _number(g["n"])
    unit = g["unit"].lower()
    if not n or unit not in _UNITS:
        return None
    return "DURATION", _period(n, unit), None, False


def _n_weekend(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """"the weekend", "next weekend": the ISO week of that weekend, ``1998-W07-WE``."""
    import datetime as dt

    day = _dct_day(ctx)
    if day is None:
        return None
    today = dt.date.fromisoformat(day)
    which = g["which"].lower()
    ahead = which == "next" or (which in ("the", "this") and (ctx.future or today.weekday() >= 5))
    sat = today + dt.timedelta(days=(5 - today.weekday()) % 7 if ahead else -((today.weekday() - 5) % 7))
    if which == "next" and sat - today < dt.timedelta(days=2):
        sat += dt.timedelta(days=7)
    iso = sat.isocalendar()
    return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}-WE", None, True


def _n_yago(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """"year-earlier profit": the reporting quarter a year back; "the year ended ...": P1Y."""
    a = ctx.anchor
    if g.get("fyear"):
        return "DURATION", "P1Y", None, False
    if a.doc_year is None or a.doc_month is None:
        return None
    value = _shift((a.doc_year, a.doc_month, 1), -5, "quarter")
    return None if value is None else ("DATE", value, None, True)


_MORE = {"ref": _n_ref, "yago": _n_yago, "weekend": _n_weekend, "tod": _n_tod, "clock": _n_clock, "quarter_ny": _n_quarter,
         "season_ny": _n_season, "spelled_year": _n_spelled, "year_part": _n_year_part,
         "that_year": _n_that_year, "set": _n_set, "vague_dur": _n_vague,
         "duration_adj": _n_duration_adj}  # fmt: skip


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day_relative(name: str, g: dict[str, Any], ctx: _Ctx) -> tuple[str, str, str | None, bool] | None:
    """Yesterday/tomorrow and weekdays, from a day-precise report date (news datelines)."""
    import datetime as dt

    a = ctx.anchor
    if a.doc_year is None or a.doc_month is None or a.doc_day is None:
        return None
    today = dt.date(a.doc_year, a.doc_month, a.doc_day)
    if name == "deictic_day":
        w = g["w"].lower()
        day = today + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
        if w == "tonight":
            return "TIME", day.isoformat() + "TNI", None, True
        return "DATE", day.isoformat(), None, True
    target = _WEEKDAYS.index(g["wd"].lower())
    which = (g.get("which") or "").lower()
    diff = target - today.weekday()
    if which == "last" and diff % 7 == 0:
        diff = -7  # "last Wednesday" said on a Wednesday: a week ago
    elif which == "next" or (ctx.will and which != "last"):
        diff = diff % 7 or (7 if which == "next" else 0)
    elif which == "this":
        pass
    else:  # past narration: the most recent such day, today included
        diff = -((-diff) % 7)
    return "DATE", (today + dt.timedelta(days=diff)).isoformat(), None, True


def _recurring(text: str, m: re.Match[str]) -> bool:
    """A day named as a recurring holiday: "the Oct. 1 celebration", "every May 9"."""
    before = text[max(0, m.start() - 20) : m.start()].lower()
    after = text[m.end() : m.end() + 30].lower()
    return bool(
        re.search(r"\b(?:every|each|annual|annually)\s+$", before)
        or re.match(r"^\s*(?:celebrations?|holiday|national\s+day|commemorations?)\b", after)
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


# Each pattern runs only in windows around a cheap literal trigger (a month name, a digit,
# "century", "ago"...): scanning the whole text with every pattern is 20x slower.
_TRIG_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TRIG_DIGIT = r"[0-9][0-9]"
# Triggers have no leading \b, which would defeat the engine's literal-prefix scan.
# name -> (trigger, case-insensitive, chars before, chars after): the margins cover the
# longest stretch of the pattern that can stand before and after its trigger.
_TRIGGERS: dict[str, tuple[str, bool, int, int]] = {
    "md_range": (_TRIG_MONTH, False, 24, 40), "dm_range": (_TRIG_MONTH, False, 16, 30),
    "mm_range": (_TRIG_MONTH, False, 50, 50), "yy_range": (_TRIG_DIGIT, False, 12, 30),
    "first_n": (r"(?:months|days|weeks)\b", True, 30, 30),
    "half": (r"half", True, 16, 50), "quarter": (r"quarter|q[1-4]", True, 16, 16),
    "halfcode": (r"H[12]", False, 2, 10), "mdy": (_TRIG_MONTH, False, 40, 24),
    "dmy": (_TRIG_MONTH, False, 16, 24), "iso": (_TRIG_DIGIT, False, 6, 12),
    "slash": (r"\d/\d", False, 6, 10), "dots": (r"\d\.\d", False, 6, 10),
    "md": (_TRIG_MONTH, False, 40, 20), "dm": (_TRIG_MONTH, False, 16, 12),
    "my": (_TRIG_MONTH, False, 30, 20),
    "season": (r"(?:spring|summer|autumn|fall|winter)\b", True, 30, 16),
    "decade": (r"(?:0'?s|ties)\b", True, 40, 2), "century": (r"centur", True, 44, 16),
    "era": (r"(?:BC|AD|A\.D|B\.C|CE|C\.E|[Yy]ear)", False, 30, 12),
    "fy": (r"fy|fiscal", True, 2, 20), "year": (_TRIG_DIGIT, False, 40, 8),
    "ago": (r"ago\b", True, 30, 4), "later": (r"(?:later|earlier)\b", True, 30, 8),
    "deictic": (r"(?:year|month|week|day)\b", True, 30, 2),
    "deictic_day": (r"(?:yesterday|tomorrow|today|tonight)\b", True, 10, 10),
    "weekday": (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", True, 16, 2),
    "duration": (r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?|millenni)", True, 70, 4),
    "ref": (r"(?:recent|current|nowadays|these days|present|past|future|near term|soon|now|later date)", True, 12, 12),
    "tod": (r"(?:morning|afternoon|evening|night)", True, 24, 20),
    "clock": (r"(?:[ap]\.?m\b|noon|midnight)", True, 20, 36),
    "quarter_ny": (r"(?:quarter|period)", True, 60, 2),
    "yago": (r"year", True, 12, 16),
    "season_ny": (r"(?:spring|summer|autumn|fall|winter)\b", True, 30, 2),
    "spelled_year": (r"(?:nineteen|eighteen|two thousand)", True, 10, 30),
    "year_part": (r"(?:year|month|week)", True, 40, 8),
    "weekend": (r"weekend", True, 8, 2),
    "that_year": (r"(?:year|month|day)\b", True, 12, 2),
    "set": (r"(?:daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|each|every|per)", True, 2, 16),
    "vague_dur": (r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b", True, 40, 2),
    "duration_adj": (r"-(?:day|week|month|year|decade|century|hour|minute|quarter)\b", True, 24, 10),
}  # fmt: skip
# Case-insensitive triggers run on an ASCII-lower-cased copy (same length, same offsets).
_TRIGGER_RE = {(t, ci): re.compile(t) for t, ci, _, _ in _TRIGGERS.values()}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _windows(hits: list[tuple[int, int]], n: int, before: int, after: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in hits:
        a, b = max(0, s - before), min(n, e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _candidates(text: str) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    lowered = text.translate(_ASCII_LOWER)
    hits = {
        key: [m.span() for m in trig.finditer(lowered if key[1] else text)]
        for key, trig in _TRIGGER_RE.items()
    }
    for name, pat in _COMPILED:
        seen: set[tuple[int, int]] = set()
        trig, ci, before, after = _TRIGGERS[name]
        for a, b in _windows(hits[(trig, ci)], len(text), before, after):
            for m in pat.finditer(text, a, b):
                s, e = m.span()
                if e <= s or (s, e) in seen or any(x <= s < y for x, y in urls):
                    continue
                seen.add((s, e))
                yield s, e, name, m


def _keep(name: str, m: re.Match[str], text: str) -> bool:
    s, e = m.span()
    before = text[max(0, s - 40) : s]
    after = text[e : e + 40]
    if _NAMEY_HYPHEN.search(before) or re.match(r"^-?[A-Za-z]", after) and name == "year":
        return False
    if re.match(r"^-\d", after) or re.search(r"\d[-/]$", before):
        return False
    gd = m.groupdict()
    if gd.get("and") and not (gd.get("pre") or "").lower().startswith("between"):
        return False  # "1990 and 1991" are two years; "between 1990 and 1991" is a range
    month_word = m.groupdict().get("m") or m.groupdict().get("m1")
    if (
        month_word == "May"
        and name in ("my", "mm_range")
        and not m.groupdict().get("y")
        and not m.groupdict().get("pre")
        and not m.groupdict().get("which")
    ):
        # "May" is also the modal verb, capitalised at a sentence start: as a bare month it
        # needs a date-like neighbour. (The same guard on "March" was measured on the
        # development reports and TimeBank: it only rejected true months, so it is gone.)
        if not _MAY_OK_BEFORE.search(before) and not m.groupdict().get("mod"):
            return False
    if name == "year":
        if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after):
            return False
        if not (_YEAR_BEFORE.search(before) or m.groupdict().get("mod")):
            # A year at the start of a clause ("2015 happens to be") or before a noun.
            if not re.match(r"^\s*(?:[,.;:)]|$|[A-Z]|[a-z]+)", after):
                return False
    if name == "ref":
        w = m.group(0).lower()
        if w in ("future", "recent") and re.match(r"^\s+[a-z]", after):
            return False  # an adjective of a noun ("future earnings"), not a time reference
        if w == "soon" and (re.search(r"\bas\s+$", before) or re.match(r"^\s+(?:after|before)\b", after)):
            return re.match(r"^\s+as\s+possible", after) is not None  # "as soon as" joins clauses
    if name == "set" and m.group("adv") and re.match(r"^\s+[a-z]", after) and not re.match(
        r"^\s+(?:in|on|at|to|for|from|since|by|and|or|until|through|during|over)\b", after
    ):
        return False  # "a quarterly dividend", "daily volume": a property, not a recurrence
    if name in ("deictic", "deictic_day") and re.fullmatch(r"(?:[A-Z]\w*\s*)+", m.group(0)) and not re.search(
        r"(?:^|[.!?]\s*|\n\s*)$", before
    ):
        return False  # a title in mid-sentence ("This Week" the programme, "VOA Today")
    if name in ("duration", "duration_adj") and re.match(r"^[\s-]*(?:old|of\s+age)\b", after):
        return False  # an age: "52 years old"
    if name == "year" and re.match(r"^\.\d", after):
        return False  # a decimal number: "2082.1"
    if name == "duration":
        if re.match(r"^\s*(?:ago|later|earlier)\b", after, re.IGNORECASE):
            return False
        if re.match(r"^-", after) or re.search(r"-$", before):
            return False
    return True


def find_timexes(
    text: str,
    *,
    anchor: Anchor | None = None,
    chronology: list[tuple[int, int]] | None = None,
) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    Parameters
    ----------
    text : str
        Plain text (markup removed).
    anchor : Anchor, optional
        The report's date and the narrative state; updated as expressions are read.
    chronology : list of (start, end), optional
        Spans of chronology entries (their dates anchor what they contain).

    Returns
    -------
    list of Timex
        Non-overlapping, in text order.

    Examples
    --------
    >>> [(t.text, t.value, t.mod) for t in find_timexes(
    ...     "Talks on March 5-15 and in early September.", anchor=Anchor.from_value("2015-05"))]
    [('March 5-15', '2015-03-05/2015-03-15', None), ('early September', '2014-09', 'START')]
    """
    anchor = anchor or Anchor()
    chronology = chronology or []
    # Longest match wins; ties go to the earlier pattern in the table.
    order = {name: i for i, (name, _) in enumerate(_COMPILED)}
    cands = sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0]), order[c[2]]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for s, e, name, m in cands:
        if s < last_end:
            continue
        if not _keep(name, m, text):
            continue
        chosen.append((s, e, name, m))
        last_end = e
    sentences = _sentences(text)
    out: list[Timex] = []
    si = 0
    current_sent = (-1, -1)
    ctx = _Ctx(text, anchor)
    for s, e, name, m in chosen:
        while si < len(sentences) - 1 and sentences[si][1] <= s:
            si += 1
        if sentences[si] != current_sent:
            current_sent = sentences[si]
            ctx.sentence_years = []
            ctx.future = bool(_FUTURE.search(text[current_sent[0] : current_sent[1]]))
            ctx.present = bool(_PRESENT.search(text[current_sent[0] : current_sent[1]]))
            ctx.will = bool(_WILL.search(text[current_sent[0] : current_sent[1]]))
        ctx.in_chronology = any(a <= s < b for a, b in chronology)
        ctx.pos = s
        res = _normalise(name, m, ctx)
        if res is None:
            continue
        typ, value, mod, anchored = res
        span_text, span_start = _strip_the(text[s:e], s, name)
        pre = m.groupdict().get("pre")
        if pre and name in ("mm_range", "yy_range") and pre.lower().startswith("from"):
            span_text, span_start = span_text[len(pre) :], span_start + len(pre)
        span_text = span_text.rstrip(" ,")
        out.append(Timex(span_start, span_start + len(span_text), span_text, typ, value, mod, anchored))
        if typ == "DATE":
            _update_anchor(ctx, value, anchored, any(a == s for a, _ in chronology))
    return out


def _update_anchor(ctx: _Ctx, value: str, anchored: bool, chronology_head: bool) -> None:
    period = re.match(r"^(\d{4})-((?:Q[1-4]|H[12]))$", value)
    if period:
        ctx.last_period = (int(period.group(1)), period.group(2), ctx.pos)
    first = value.split("/")[-1]
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", first)
    if not m:
        return
    y = int(m.group(1))
    if not anchored:  # only a year the text states anchors the rest of its sentence
        ctx.sentence_years.append(y)
    ctx.anchor.narrative_year = y
    if m.group(3):
        ctx.anchor.last_day = (y, int(m.group(2)), int(m.group(3)))
    if chronology_head:  # only an entry's own date moves the chronology's year
        ctx.anchor.chronology_year = y
        if m.group(2):
            ctx.anchor.chronology_month = int(m.group(2))
