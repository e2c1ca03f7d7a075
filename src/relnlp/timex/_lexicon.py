"""Word tables and regular-expression pieces shared by the TIMEX3 patterns."""

from __future__ import annotations

import re

from relnlp.lang.chars import MONTH_NUMBERS

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
    "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14, "fifteenth": 15,
    "15th": 15, "twenty-second": 22, "22nd": 22,
}
#: an ordinal as digits or as one of the words above ("21st", "twenty-first")
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(
    sorted((w for w in _ORDINALS if not w[0].isdigit()), key=len, reverse=True)
) + r")(?![\w-])"
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
    rf"(?:(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|[1-9]\d{{0,4}})(?:\.5)?|{_TENS}[\s-]{_ONES}|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a\s+)?hundred|(?:two|three|several)\s+thousand|"
    r"several|a\s+few|few|a\s+couple\s+of|couple\s+of)"
)
_UNIT = r"(?:day|week|fortnight|month|year|decade|centur(?:y|ie)|hour|minute|quarter|millenni(?:um|a))s?"
_UNIT1 = r"(?:day|week|month|year|decade|century|hour|minute|quarter)"
_SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and)?"
    rf"(?:[\s-]+(?:{_ONES}|ten|eleven|twelve))?)"
)
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:(?:early|mid)[\s-]+to[\s-]+(?:mid|late)|early|earlier|mid|middle[\s-]+of|late|later|"
    r"beginning[\s-]+of|start[\s-]+of|end[\s-]+of|close[\s-]+of|turn[\s-]+of|dawn[\s-]+of)"
    r"(?:\s+|-(?=[A-Za-z0-9])))?"
)
_APPROX = r"(?P<approx>(?:[Aa]bout|[Aa]round|[Aa]pproximately|[Cc]irca|[Rr]oughly)\s+|(?<![\w.])(?:c|ca)\.\s*(?=\d))?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FY = r"(?:FY|Fiscal\s+Year|fiscal\s+year)\s?'?(?P<fy>\d{4}|\d{2})\b"

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|upcoming|forthcoming|next|plans?|planned|scheduled|expected|"
    r"is\s+to|are\s+to|to\s+be\s+held|looking\s+forward|intends?)\b",
    re.IGNORECASE,
)
# Sentence ends for anchoring: a stop (not of a title or "vs.") before a capital, a blank line, or the end of a URL
# (a citation's URL closes it; what follows is a new statement).
_SENT_END = re.compile(
    # (?=...): the characters a match can start with, tested before the lookbehinds (else
    # all of them run at every character of the report, ten times slower)
    r"(?=[.!?\nhw])(?:"
    r"(?<!\bvs)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    # an initial ("Daniel P. Davison") or a title abbreviation does not end a sentence
    r"(?<!\b[A-Z])(?<!\bJr)(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\bCapt)(?<!\bProf)"
    r"[.!?](?:[\"”’)\]]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*\s+(?=[A-Z\"“(\[]|\*)|\n\s*\n|(?:https?://|www\.)\S+\s+"
    r")"
)
