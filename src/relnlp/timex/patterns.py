"""The pattern table, its literal triggers and the filters that reject non-dates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from relnlp._prefilter import can_match
from relnlp.timex._lexicon import (
    _AD,
    _APPROX,
    _BC,
    _DASH,
    _DAY,
    _FY,
    _MOD,
    _MONTH,
    _NUMWORD,
    _ORDINAL,
    _SPELLED_YEAR,
    _UNIT,
    _UNIT1,
    _WD,
    _YEAR,
)
from relnlp.timex.coordination import MILITARY_LIST
from relnlp.timex.holidays import HOLIDAY
from relnlp.timex.holidays import TRIGGER as HOLIDAY_TRIGGER
from relnlp.timex.lives import CASE_INSENSITIVE as LIVES_CI
from relnlp.timex.lives import PATTERNS as LIVES
from relnlp.timex.lives import TRIGGERS as LIVES_TRIGGERS
from relnlp.timex.periods import CASE_INSENSITIVE as PERIODS_CI
from relnlp.timex.periods import PATTERNS as PERIODS
from relnlp.timex.periods import TRIGGERS as PERIOD_TRIGGERS

# --- the pattern table ----------------------------------------------------------------------

# "over"/"under" a length is "more/less than" only after a verb of lasting ("lasted over a
# week"; "spread over three years" is where): the literal first, then the look-behind.
_LASTING = (
    "for",
    "lasted",
    "lasts",
    "lasting",
    "took",
    "takes",
    "after",
    "within",
    "of",
    "served",
    "spent",
)
_OVER_UNDER = "|".join(
    f"{w}(?:{'|'.join(f'(?<={v} {w})' for v in _LASTING)})" for w in ("over", "under")
)

# "last" is the verb after a modal, "to" or a negation ("could last two years", "expected
# to last three days"): the length alone is the TIMEX3, not "the last two years".
_LAST = (
    "".join(
        f"(?<!{w}\\s)"
        for w in (
            "will",
            "would",
            "could",
            "can",
            "may",
            "might",
            "must",
            "shall",
            "should",
            "to",
            "not",
            "n't",
            "did",
            "does",
            "'ll",
        )
    )
    + "last"
)

# Each pattern is (name, regex). Order matters only for equal-length matches at the same
# position; the scanner always prefers the longest match.
_PATTERNS: list[tuple[str, str]] = [
    # ranges of days: "April 23-24, 2015", "March 5-15", "5-15 March 2015"
    (
        "md_range",
        rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|—)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?(?![\d-])",
    ),
    (
        "dm_range",
        rf"(?P<d1>{_DAY})\s*(?:-|–|—|\s(?:to|until|through)\s)\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    # month ranges: "January – May 2015", "from May to July", "between March and May 2014"
    (
        "mm_range",
        rf"(?P<pre>(?:[Ff]rom|[Bb]etween)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_DASH.replace('to|', 'to|(?P<and>and)|')}(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?",
    ),
    # year ranges: "Between 2001 and 2007", "2001-2007", "from 2005 to 2007"
    (
        "yy_range",
        rf"(?P<pre>(?:[Bb]etween|[Ff]rom)\s+)?(?P<y1>{_YEAR})\s*(?:-|–|—|(?P<and>and)|to|until|through)\s*(?P<y2>{_YEAR}|\d\d)(?![\d-])",
    ),
    # "the first four months of 2015", "the last two days of March", "the last days of April"
    (
        "first_n",
        rf"(?:the\s+)?(?P<which>first|last|final|closing|opening|early)\s+(?:(?P<n>{_NUMWORD})\s+)?(?P<unit>months|days|weeks)\s+of\s+(?:(?P<m>{_MONTH})(?:\s+(?P<my>{_YEAR}))?|(?P<y>{_YEAR}))",
    ),
    # halves: "the first half of August", "second half of 2014", "the second half of the 20th century"
    (
        "half",
        rf"(?:the\s+)?(?P<which>first|second|1st|2nd|latter|former|last)\s+half\s+of\s+(?:(?P<m>{_MONTH})(?:\s+(?P<my>{_YEAR}))?|(?P<y>{_YEAR})|(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|[a-z-]+)\s+century|(?P<yr>the|this|last|next|that)\s+year(?![\w-]))",
    ),
    (
        "quarter",
        rf"(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?<=of\s)(?P<yr>this|last|next)\s+year(?![\w-]))|\bQ(?P<q>[1-4])\s*(?P<y2>{_YEAR})",
    ),
    ("halfcode", rf"\bH(?P<h>[12])\s*(?P<y>{_YEAR})"),
    # full dates
    ("mdy", rf"(?:{_WD},?\s+)?{_MOD}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})(?!\d)"),
    (
        "dmy",
        rf"(?:{_WD},?\s+(?:the\s+)?|the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})(?!\d)",
    ),
    (
        "iso",
        rf"(?<![\d/-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d/-])",
    ),
    ("slash", rf"(?<![\d/.-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})(?![\d/])"),
    ("dots", rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})(?!\d|\.\d)"),
    # month + day without year: "March 19", "Feb. 26", "the 10th of May"
    (
        "md",
        rf"(?:{_WD},?\s+)?{_MOD}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\d,.]*\d{{4}})(?!\d|:\d)"
        r"(?:\s+of\s+(?P<ry>that|the\s+(?:same|following|next|previous))\s+year\b)?",
    ),
    (
        "dm",
        rf"(?:{_WD},?\s+(?:the\s+)?|the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?!\s*,?\s*{_YEAR})"
        r"(?:\s+of\s+(?P<ry>that|the\s+(?:same|following|next|previous))\s+year\b)?",
    ),
    # month (+ year): "November 2013", "early March", "end-of-March", "mid-May"
    (
        "my",
        rf"(?P<which>(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming|[Tt]he\s+(?:following|next|previous))\s+)?{_MOD}(?P<m>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<sy>{_SPELLED_YEAR})|\s+(?P<wy>this|last|next)\s+year|\s+of\s+(?P<ry>that|the\s+(?:same|following|next|previous))\s+year)?(?![\w-])(?!\.?\s+\d{{1,2}}(?![\d:]))",
    ),
    # seasons: "the summer of 2021", "summer 2021", "this summer"
    (
        "season",
        rf"(?:the\s+)?{_MOD}(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})(?:[-–/](?:\d\d)(?![\w-]))?|(?P<sy>{_SPELLED_YEAR})(?![\w-])))",
    ),
    # millennia, turns of centuries, decades of a century, days BC (relnlp.timex.periods)
    *PERIODS,
    # ages ("at the age of 12") and life dates ("(c. 314 – 368)"): relnlp.timex.lives
    *LIVES,
    # two centuries: "the 14th and 15th centuries" (a range: TimeML tags each end)
    (
        "centuries",
        # "the late 19th and early 20th centuries"; "from the 10th to the 13th century"
        rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c1>{_ORDINAL})\s+"
        r"(?:(?P<tothe>to\s+the)|and|to|through|-|–)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
        rf"(?P<c2>{_ORDINAL})\s+(?(tothe)centur(?:ies|y)|centuries)(?:\s+(?P<bc>{_BC})(?!\w))?",
    ),
    # decades and centuries: "the early 1980s", "the 1930s", "the 21st century"
    (
        "decade",
        rf"(?:the\s+)?{_MOD}(?:(?<=of\s)the\s+)?(?:(?:(?<=the\s)|(?<=early\s)|(?<=late\s)|(?<=mid-))(?P<dec3>[1-9]\d0)s\b|(?P<dec>1\d\d0|20[0-9]0)'?s\b|'(?P<dec2>[1-9]0)s\b|(?P<decw>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b)",
    ),
    (
        "century",
        rf"(?:the\s+)?{_MOD}(?:(?<=of\s)the\s+)?(?!(?:this|last|next|past|previous|coming|following|same|that|the)\s)(?P<c>\d{{1,2}}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?(?<=st|nd|rd|th))(?:\s+|-(?=century\s+[a-z]))century(?:\s+(?P<bc>{_BC})(?!\w)|\s+{_AD}(?!\w))?",
    ),
    # ranges of years with one era: "264–241 BC", "98-117 AD" (TimeML tags each end)
    (
        "era_range",
        rf"(?<![\w.,])(?P<y1>[1-9]\d{{0,3}})\s*(?:–|-|—)\s*(?P<y2>[1-9]\d{{0,3}})\s*"
        rf"(?:(?P<bc>{_BC})|{_AD})(?!\w)",
    ),
    # years of any length with an era, "AD 711", "480 BC", "the year 800"
    (
        "era",
        rf"(?:{_MOD}{_APPROX}(?:(?:AD|A\.D\.)\s+(?P<y1>\d{{1,4}})|(?P<y2>\d{{1,4}})\s*(?:(?P<bc>{_BC})|{_AD}))|[Tt]he\s+year\s+(?P<y3>\d{{3,4}}))(?!\w)",
    ),
    ("fy", _FY),
    # bare years (in date contexts only; see _year_context)
    (
        "year",
        rf"{_MOD}{_APPROX}(?:[Ff]iscal\s+)?(?:(?<=[Mm]id-)|(?<![\w/#$.-]))(?P<y>{_YEAR})(?![\w/%]|-(?:\w))",
    ),
    # three-digit years of histories after a preposition: "in 476", "from 618 to 907";
    # "c. 850", "around 850" (near a year the story told: relnlp.timex.normalise)
    (
        "year3",
        r"(?:(?P<approx>(?<![\w.])(?:[Cc]a?\.\s?|[Cc]irca\s+|[Aa]round\s+|[Aa]bout\s+))|(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Ff]rom )|(?<=\b[Uu]ntil )|(?<=\bto )|(?<=\b[Bb]etween )|(?<=\b[Bb]y ))"
        r"(?P<y>[1-9]\d\d)(?![\w/%-]|[,.]\d)",
    ),
    # relative expressions
    (
        "ago",
        rf"(?P<q>(?:about|around|almost|nearly|some|more\s+than|less\s+than|over)\s+)?(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})(?P<orso>\s+or\s+so)?\s+ago",
    ),
    # "two days later", "about 40 years later", "a year before." (before, as an adverb only),
    # "the year before," / "the day after." (adverbs only: "the day after the vote" is not);
    # "a few days later" is left to the vague durations (TimeBank: "a few days" PXD)
    (
        "later",
        rf"(?:(?P<q>(?:about|around|almost|nearly|some|more\s+than|less\s+than|over)\s+)?(?![Ss]everal\s|[Aa]\s+few\s|[Ff]ew\s)(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+(?P<dir>later|earlier|afterwards?|before(?=\s*[,.;:]))"
        r"|(?P<the>[Tt]he)\s+(?P<unit1>day|week|month|year)\s+(?P<dir1>before|after)(?=\s*[,.;:]))(?=[\s,.;:])",
    ),
    (
        "deictic",
        r"(?P<mod>(?:early|late)\s+)?(?:the\s+)?(?P<which>last|next|this|previous|following|coming|same|past)\s+(?P<unit>year|month|week|day|decade|century)\b",
    ),
    ("deictic_day", r"\b(?P<mod>(?:early|late)\s+)?(?P<w>yesterday|tomorrow|today|tonight)\b"),
    # recurring weekdays: "on Mondays", "Tuesday nights", "Friday afternoons" (TimeML SET)
    (
        "weekday_set",
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s|\s+(?P<tod>mornings|afternoons|evenings|nights))(?![\w'-])",
    ),
    (
        "weekday",
        r"\b(?P<mod>(?:early|late)\s+)?(?:(?P<which>last|next|this|every|each)\s+|(?P<rel>the\s+(?:following|next|previous|preceding))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        # "Monday the 13th": the weekday and its day of the month are one date (not when a
        # month follows: "Monday, the 13th of May" is the day-month pattern's)
        rf"(?:,?\s+the\s+(?P<dom>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH}))?",
    ),
    # named holidays: "Thanksgiving Day", "Christmas 1998" (relnlp.timex.holidays)
    ("holiday", HOLIDAY),
    # reference expressions (TimeML PRESENT_REF / PAST_REF / FUTURE_REF)
    (
        "ref",
        r"(?<![\w-])(?P<ref>(?:more\s+|most\s+)?recently|currently|nowadays|these\s+days|at\s+present|"
        r"the\s+(?:recent\s+|distant\s+)?past|(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|"
        r"the\s+near\s+term|soon|(?:right\s+)?now|current|recent|a\s+later\s+date)(?![\w-])",
    ),
    # times of day: "this morning", "last night", "Tuesday evening", "yesterday afternoon"
    (
        "tod",
        rf"(?:(?:(?P<wdmod>(?:early|late)\s+)?(?P<nw>that|the\s+(?:next|following|previous|same))\s+|(?P<the>the)\s+|(?P<wdmod2>(?:early|late)\s+)?(?P<which>this|last|yesterday|tomorrow)\s+|(?P<wdmod3>(?:early|late)\s+)?(?P<wd>{_WD})\s+)"
        r"(?P<mod>(?:early|late|mid)[\s-]+)?(?P<tod>morning|afternoon|evening|night)|(?P<on>overnight)|"
        rf"(?P<mod2>early|late|mid)[\s-]+(?P<tod2>morning|afternoon|evening|night)(?:\s+(?P<wd3>{_WD}|yesterday|today|tomorrow))?)(?![\w-])",
    ),
    # a day of the month the story is in: "on the 18th," (the last month the text gave)
    (
        "dom",
        r"(?<=\b[Oo]n )the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)(?=\s*[,.;]|\s+(?:of\s+(?:that|the\s+same)\s+month)\b"
        r"|\s+(?:the|a|an|he|she|it|they|we|his|her|its|their|[A-Z][a-z]+)\b)",
    ),
    # "the morning of the 18th": a day of the month the story is in, after a part of a day
    (
        "dom_tod",
        r"(?:(?<=morning of )|(?<=afternoon of )|(?<=evening of )|(?<=night of ))"
        r"the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)(?![\w-])",
    ),
    # clock times: "7:15 p.m.", "5 p.m. EST Wednesday", "noon Thursday"
    (
        "clock",
        rf"{_APPROX}(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:[ECMP][SD]T|GMT))?|(?<![\w-])(?P<nm>noon|midday|midnight))"
        rf"(?:,?\s+(?P<wd>{_WD}|yesterday|today|tomorrow))?(?:,?\s+(?P<m>{_MONTH})\s+(?P<d>{_DAY}))?",
    ),
    # dawn and dusk: "at dawn", "by nightfall" (a part of the day, after a preposition)
    (
        "daylight",
        r"(?:(?<=\b[Aa]t )|(?<=\b[Bb]y )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Uu]ntil )|(?<=\b[Tt]ill ))"
        r"(?P<dl>dawn|daybreak|first\s+light|sunrise|dusk|sunset|nightfall)(?![\w-])(?!\s+of\b)",
    ),
    # 24-hour and military clock times, "o'clock": "at 07:48", "0800 hours", "at 4 o'clock"
    (
        "clock24",
        r"(?:(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"
        r"(?:\s+(?P<zone>local\s+time|GMT|UTC|Zulu|hours|hrs|h)\b)?"
        r"|(?<![\d.,])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?P<mil>hours|hrs|h)\b"
        r"|(?<![\w.,])(?P<hw>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"\s+o['’]clock)"
        r"(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night))?",
    ),
    # quarters without a year: "the third quarter", "third-quarter", "the year-earlier quarter"
    (
        "quarter_ny",
        rf"(?:(?P<det>the|this|that)\s+)?(?:(?P<qy>{_YEAR})\s+|(?P<rel>this|last|next)\s+year's\s+)?(?P<adj>(?:(?:comparable|corresponding|latest|most\s+recent|current|"
        r"previous|prior|past|year-earlier|year-ago|fiscal)[\s-]+)*)"
        r"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)?[\s-]*(?P<qn>quarter|period)(?![\w-])"
        # "the quarter a year ago": one expression, the comparison quarter (TimeML)
        r"(?P<yago2>\s+a\s+year\s+(?:ago|earlier))?",
    ),
    # the comparison period of earnings news: "year-earlier profit", "the year ended June 30"
    (
        "yago",
        r"(?P<yago>year-(?:earlier|ago))(?=\s+[a-z])|(?P<fyear>(?:the\s+)?(?:fiscal\s+)?year)(?=\s+(?:ended|ending)\b)",
    ),
    # seasons without a year: "this summer", "last spring", "the early summer"
    (
        "season_ny",
        rf"(?:(?P<which>the\s+(?:following|next|previous|same)|the|this|last|next|that|past)\s+){_MOD}(?P<s>spring|summer|autumn|fall|winter)"
        r"(?:\s+of\s+(?P<ry>that|the\s+(?:same|following|next|previous))\s+year)?(?![\w-])",
    ),
    # years in words: "nineteen ninety-six", "the year two thousand"
    ("spelled_year", rf"(?:the\s+year\s+)?(?P<sy>{_SPELLED_YEAR})(?![\w-])"),
    # ends of years: "year-end", "the end of the year", "the full year", "earlier this month"
    (
        "year_part",
        r"(?:(?P<ye>year[\s-]end|year's\s+end)|(?P<mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:earlier|later|early|late)\s+(?:in\s+)?)"
        r"(?P<det>the|this|that|next|last)\s+(?P<unit>year|month|week|decade|century)|(?P<full>the\s+(?:full|current|whole|entire)\s+(?:fiscal\s+)?year)"
        r"|(?<![\w-])(?P<midc>mid)[\s-]century)(?![\w-])",
    ),
    (
        "weekend",
        r"(?P<which>the|this(?:\s+past|\s+coming)?|last|next|that|past|coming)\s+weekend(?![\w-])",
    ),
    # "that year", "the same month", "later that day", "earlier in the day"
    (
        "that_year",
        r"(?:(?P<lead>later|earlier)\s+(?:in\s+)?)?(?P<det>that(?:\s+same)?|the\s+same|(?<=in\s)the(?=\s+day))"
        r"\s+(?P<unit>year|month|day)(?![\w-])"
        # "at that time", "by that time": TimeML's PAST_REF, or the date just told
        r"|(?:(?<=\b[Aa]t\s)|(?<=\b[Bb]y\s)|(?<=\b[Uu]ntil\s)|(?<=\b[Ss]ince\s))(?P<tt>that\s+time)(?![\w-])",
    ),
    # recurrences: "daily", "each month", "every quarter", "annually"
    (
        "set",
        rf"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly)|(?:each|every|per)\s+(?:(?P<unit>{_UNIT1}|(?P<m>{_MONTH}))"
        rf"|(?:(?P<other>other)|(?P<n>{_NUMWORD}))\s+(?P<units>{_UNIT})|(?P<tod>morning|afternoon|evening|night)|(?P<s>spring|summer|autumn|fall|winter))(?![\w-])",
    ),
    # vague durations: "several years", "a few days", "the past few months", "recent years"
    (
        "vague_dur",
        rf"(?P<det>(?:the\s+)?(?:past|{_LAST}|next|coming|previous|following|first|final)\s+)?"
        r"(?P<q>(?:a\s+few|few|several|many|some|recent|the)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)(?:\s+ahead)?(?![\w-])"
        # "for some time", "for quite some time", "for a while" (TimeBank: "some time" PXM)
        r"|(?<=\b[Ff]or\s)(?P<while>(?:quite\s+)?some\s+time|a\s+while)(?![\w-])",
    ),
    # durations: "10 days", "more than 20 years"; a range keeps its own words ("two to three
    # weeks", "between two and three weeks", as "Between 2001 and 2007"), valued by its start
    (
        "duration",
        rf"(?<!\w)(?P<btw>[Bb]etween\s+(?=[\w.]+\s+and\s+(?!a\s+half)))?(?P<q>(?:no\s+more\s+than|more\s+than|less\s+than|nearly|almost|about|around|some|at\s+least|up\s+to|roughly|approximately|{_OVER_UNDER})\s+)?(?P<det>(?:the\s+)?(?:(?:past|{_LAST}|next|coming|previous|first|final|following|additional|latest)\s+)?|(?:another|an\s+additional)\s+)"
        rf"(?:(?P<half>half\s+(?:a|an))|(?P<n>{_NUMWORD})(?P<andhalf>\s+and\s+a\s+half|\s+1/2|½)?(?:\s+(?:to|or|-|–|(?(btw)and|(?!)))\s+(?P<n2>{_NUMWORD}))?)"
        rf"\s+(?:more\s+)?(?:(?:trading|business|working|calendar)\s+)?(?P<unit>{_UNIT})(?P<unithalf>\s+and\s+a\s+half)?(?![\w-])",
    ),
    # adjectival durations: "a two-year program", "the 10-hour tour", "an 8-month-old truce"
    ("duration_adj", rf"(?P<n>{_NUMWORD}|\d+)-(?P<unit>{_UNIT1})(?:-(?:old|long))?(?![\w-])"),
]

_COMPILED = [(name, re.compile(p)) for name, p in _PATTERNS]
_CI_NAMES = {
    "first_n",
    "half",
    "quarter",
    "season",
    "century",
    "centuries",
    "ago",
    "later",
    "deictic",
    "deictic_day",
    "duration",
    "decade",
    "weekday",
    "weekday_set",
    "ref",
    "tod",
    "clock",
    "clock24",
    "quarter_ny",
    "season_ny",
    "spelled_year",
    "year_part",
    "that_year",
    "set",
    "vague_dur",
    "duration_adj",
    "yago",
    "weekend",
    *PERIODS_CI,
    *LIVES_CI,
}
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
# numbers of a reference, not years: pages, numbers, volumes, paragraphs, sections, articles,
# documents, columns, folios, notes ("pp. 1144-1145", "nos. 1501-1502", "paras. 1990-1995")
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:(?i:nos?|pp?|vols?|paras?|pars?|secs?|arts?|docs?|cols?|fols?|ff|nn?|chs?|"
    r"chaps?|figs?|tabs?)\.|(?i:pages|paragraphs|sections|articles|footnotes|notes|items|"
    r"documents|nos|paras))|§§?|#|\$|€|£|¥)\s*$"
)
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|km|kilomet|met(?:er|re)s?|miles?|tons?|tonnes?|troops|"
    r"years|months|weeks|days|hours|minutes|decades|centuries|"
    r"soldiers|people|persons|dollars|yuan|rubles?|roubles?|euros?|barrels|units|members)\b",
    re.IGNORECASE,
)
# (?<!\S) anchors the bare-domain branch at a word start: without it the scan backtracks
# quadratically over a long run without white space.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<!\S)\S+\.(?:com|org|net|gov|edu|int|cn|ru|jp|pdf|html?)\S*"
)
#: What every match of _URL contains (one of them): a text without any is not scanned.
_URL_NEEDS = (
    "http",
    "www.",
    *(f".{d}" for d in "com org net gov edu int cn ru jp pdf htm".split()),
)
# Month abbreviations without their stop that are also first names or words.
_BARE_ABBREVIATIONS = ("Jan", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Feb", "Apr")
_NAMEY_HYPHEN = re.compile(r"[A-Za-z]-$")


# Each pattern runs only in windows around a cheap literal trigger (a month name, a digit,
# "century", "ago"...): scanning the whole text with every pattern is 20x slower.
_TRIG_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TRIG_DIGIT = r"[0-9][0-9]"
# Triggers have no leading \b, which would defeat the engine's literal-prefix scan.
# name -> (trigger, case-insensitive, chars before, chars after): the margins cover the
# longest stretch of the pattern that can stand before and after its trigger.
_TRIGGERS: dict[str, tuple[str, bool, int, int]] = {
    "md_range": (_TRIG_MONTH, False, 24, 40),
    "dm_range": (_TRIG_MONTH, False, 16, 30),
    "mm_range": (_TRIG_MONTH, False, 50, 50),
    "yy_range": (_TRIG_DIGIT, False, 12, 30),
    "first_n": (r"(?:months|days|weeks)\b", True, 30, 30),
    "half": (r"half", True, 16, 50),
    "quarter": (r"quarter|q[1-4]", True, 16, 20),
    "halfcode": (r"H[12]", False, 2, 10),
    "mdy": (_TRIG_MONTH, False, 40, 24),
    "dmy": (_TRIG_MONTH, False, 26, 24),
    "iso": (_TRIG_DIGIT, False, 6, 12),
    "slash": (r"\d/\d", False, 6, 10),
    "dots": (r"\d\.\d", False, 6, 10),
    "md": (_TRIG_MONTH, False, 40, 40),
    "dm": (_TRIG_MONTH, False, 26, 36),
    "my": (_TRIG_MONTH, False, 30, 48),
    "season": (r"(?:spring|summer|autumn|fall|winter)\b", True, 30, 44),
    "decade": (r"(?:0'?s|ties)\b", True, 50, 2),
    "century": (r"centur", True, 44, 16),
    "centuries": (r"centur", True, 60, 8),
    "era": (r"(?:BC|AD|A\.D|B\.C|CE|C\.E|[Yy]ear)", False, 30, 12),
    "era_range": (r"(?:BC|AD|A\.D|B\.C|CE|C\.E)", False, 24, 6),
    "fy": (r"fy|fiscal", True, 2, 20),
    "year": (_TRIG_DIGIT, False, 40, 8),
    "year3": (_TRIG_DIGIT, False, 8, 4),
    "ago": (r"ago\b", True, 30, 4),
    "later": (r"(?:later|earlier|after(?:wards?)?|before)\b", True, 30, 10),
    "deictic": (r"(?:year|month|week|day|decade|century)\b", True, 30, 2),
    "deictic_day": (r"(?:yesterday|tomorrow|today|tonight)\b", True, 10, 10),
    "weekday_set": (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", True, 2, 16),
    "weekday": (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", True, 16, 16),
    "duration": (
        r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?|millenni)",
        True,
        80,
        12,
    ),
    "ref": (
        r"(?:recent|current|nowadays|these days|present|past|future|near term|soon|now|later date)",
        True,
        12,
        12,
    ),
    "tod": (r"(?:morning|afternoon|evening|night)", True, 24, 20),
    "clock": (r"(?:[ap]\.?m\b|noon|midday|midnight)", True, 20, 36),
    "daylight": (r"(?:dawn|daybreak|first light|sunrise|dusk|sunset|nightfall)", False, 8, 2),
    "clock24": (r"(?:\d:[0-5]\d|\d\d\s*(?:hours|hrs|h)\b|o['’]clock)", True, 12, 30),
    "dom": (r"\d(?:st|nd|rd|th)\b", False, 10, 30),
    "dom_tod": (r"\d(?:st|nd|rd|th)\b", False, 10, 4),
    "quarter_ny": (r"(?:quarter|period)", True, 60, 18),
    "yago": (r"year", True, 12, 16),
    "season_ny": (r"(?:spring|summer|autumn|fall|winter)\b", True, 30, 30),
    "spelled_year": (r"(?:nineteen|eighteen|two thousand)", True, 10, 30),
    "year_part": (r"(?:year|month|week|decade|century)", True, 40, 8),
    "weekend": (r"weekend", True, 12, 2),
    "holiday": (HOLIDAY_TRIGGER, True, 2, 40),
    "that_year": (r"(?:year|month|day|that time)\b", True, 30, 2),
    "set": (
        r"(?:daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|each|every|per)",
        True,
        2,
        32,
    ),
    "vague_dur": (
        r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters|time|while)\b",
        True,
        40,
        2,
    ),
    "duration_adj": (
        r"-(?:day|week|month|year|decade|century|hour|minute|quarter)\b",
        True,
        24,
        10,
    ),
    **PERIOD_TRIGGERS,
    **LIVES_TRIGGERS,
}
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


def _trigger_hits(trig: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of a trigger's matches in ``text``; a text without the strings one of
    which each match holds is not scanned (most triggers find nothing in most reports)."""
    if not can_match(trig, text):
        return []
    return [m.span() for m in trig.finditer(text)]


def _candidates(text: str) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    urls = (
        [(u.start(), u.end()) for u in _URL.finditer(text)]
        if any(w in text for w in _URL_NEEDS)
        else []
    )
    lowered = text.translate(_ASCII_LOWER)
    hits = {
        key: _trigger_hits(trig, lowered if key[1] else text) for key, trig in _TRIGGER_RE.items()
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
    if name == "yy_range" and _NOT_YEAR_BEFORE.search(before):
        return False  # a range of pages or numbers: "pp. 1144-1145", "Nos. 1990-1995"
    if name == "year":
        if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after):
            return False
        if not (_YEAR_BEFORE.search(before) or m.groupdict().get("mod")):
            # A year at the start of a clause ("2015 happens to be") or before a noun.
            # ... or before a name in quotes: "its 1999 "Claim to Fame" contest"
            if not re.match(r"^\s*(?:[,.;:)]|$|[\"“‘']?[A-Z]|[a-z]+)", after):
                return False
    if (
        name == "clock24"
        and (gd.get("mi") and not (gd.get("zone") or gd.get("pod")) or (gd.get("hh") or "1") > "0")
        and not re.search(
            r"\b(?:at|by|until|till|from|after|before|around|about|approximately|to|since)\s+$",
            before,
            re.IGNORECASE,
        )
        and not (gd.get("mil") and MILITARY_LIST.search(before))
    ):
        # "3:2", "the 2:15 train", "1500 hours of work": a score, a ratio or a count
        return False
    if name == "that_year" and (gd.get("det") or "").lower() == "the" and not gd.get("lead"):
        return False  # "in the day" alone is no date; "later in the day" is
    if name == "year3" and not _year3_ok(before, after):
        return False
    if (
        name == "decade"
        and gd.get("decw")
        and re.search(r"\b(?:his|her|their|my|your|our|its|one's)\s+$", before, re.IGNORECASE)
    ):
        return False  # "in his twenties": an age, not the 1920s
    if name in ("duration", "vague_dur") and re.match(r"^['’]?\s*[Ww]ars?\b", after):
        return False  # the name of a war: "the Thirty Years' War", "the Six-Day War"
    if name == "ref":
        w = m.group(0).lower()
        if w in ("future", "recent") and re.match(r"^\s+[a-z]", after):
            return False  # an adjective of a noun ("future earnings"), not a time reference
        if (
            w.endswith("recently")
            and re.search(r"\bas\s+$", before, re.IGNORECASE)
            and re.match(r"^\s+as\b", after)
        ):
            return False  # "as recently as 1995": the date is the year
        if w == "soon" and (
            re.search(r"\bas\s+$", before) or re.match(r"^\s+(?:after|before)\b", after)
        ):
            return re.match(r"^\s+as\s+possible", after) is not None  # "as soon as" joins clauses
    if (
        name == "set"
        and m.group("adv")
        and re.match(r"^\s+[a-z]", after)
        and not re.match(
            r"^\s+(?:in|on|at|to|for|from|since|by|and|or|until|through|during|over)\b", after
        )
    ):
        return False  # "a quarterly dividend", "daily volume": a property, not a recurrence
    if (
        name in ("deictic", "deictic_day")
        and re.fullmatch(r"(?:[A-Z]\w*\s*)+", m.group(0))
        and not re.search(r"(?:^|[.!?]\s*|\n\s*)$", before)
    ):
        return False  # a title in mid-sentence ("This Week" the programme, "VOA Today")
    if name in ("duration", "duration_adj") and (
        re.match(r"^[\s-]*(?:old|of\s+age)\b", after) or m.group(0).lower().endswith("-old")
    ):
        return False  # an age, "52 years old", "a 6-year-old boy": not a TIMEX3 (TimeML)
    if name == "my" and not (
        gd.get("y") or gd.get("sy") or gd.get("which") or gd.get("mod") or gd.get("wy")
    ):
        word = gd.get("m") or ""
        if word in _BARE_ABBREVIATIONS and re.match(r"^\s+[A-Z][a-z]", after):
            return False  # "Jan Kavan": a first name, not a month
    if name == "year" and re.match(r"^\.\d", after):
        return False  # a decimal number: "2082.1"
    if name == "duration":
        halves = gd.get("half") or gd.get("andhalf") or gd.get("unithalf")
        if re.match(r"^\s*(?:ago|later|earlier)\b", after, re.IGNORECASE) and not halves:
            return (
                False  # left to "ago"/"later" (which take no halves: "a minute and a half later")
            )
        if gd.get("unithalf") and (gd.get("n") or "").lower() not in ("a", "an", "one", "1"):
            return False  # "a year and a half" only
        if re.match(r"^-", after) or re.search(r"-$", before):
            return False
    return True


def _year3_ok(before: str, after: str) -> bool:
    """Whether a three-digit number after a preposition is a year ("in 476", "from 618 to 907").

    It must end a clause or stand before a new phrase (a determiner, a pronoun, a capitalised
    word, a range's other end); "one in 500", "rose to 300" and "in 200 cases" are counts.
    """
    if re.search(
        r"(?:\b(?:one|out|\d+(?:\.\d+)?)\s+in|\b(?:up|down|rose|fell|increased|"
        r"decreased|climbed|dropped|grew|jumped|amounted))\s+$",
        before,
        re.IGNORECASE,
    ):
        return False
    if re.search(r"\b[Bb]y\s+$", before) and not re.search(
        r"(?:^|[.;:,]\s*|\b(?:and|but)\s+)[Bb]y\s+$", before
    ):
        return False  # "rose by 300", "was won by 300": a count; "By 850, ..." a year
    if re.search(r"\b(?:[Ff]rom|[Bb]etween)\s+$", before) and not re.match(
        r"^\s*(?:to|until|and|-|–)\s*[1-9]\d{1,3}\b", after
    ):
        return False  # "from 360" alone compares quantities ("450 stores from 360")
    if re.search(r"\bto\s+$", before) and not re.search(
        r"\b[Ff]rom\s+(?:(?:AD|A\.D\.)\s+)?[1-9]\d{0,3}(?:\s+(?:AD|A\.D\.|CE))?\s+to\s+$", before
    ):
        return False
    return bool(
        re.match(
            r"^(?:\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:the|a|an|he|she|it|they|we|his|her|its|their|at|when|"
            r"this|that|there|[A-Z][a-z]+)\b|\s+(?:to|and|until)\s+[1-9]\d{2,3}\b)",
            after,
        )
    )
