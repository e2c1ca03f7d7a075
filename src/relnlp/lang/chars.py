"""Character classes and small word lists shared by the readers, the tokenizer and the rules.

One place per fact (spaCy keeps its own in ``lang/char_classes.py``): the modules that
need a blank line, a superscript digit, an apostrophe variant or a month name import it
from here. Importing this module is cheap (no spaCy).
"""

from __future__ import annotations

import re

__all__ = [
    "APOSTROPHES",
    "BLANK_LINE",
    "DASHES",
    "LINE_ENDS_SENTENCE",
    "DOUBLE_QUOTES",
    "FROM_SUPERSCRIPT",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_NUMBERS",
    "POSSESSIVE_S",
    "SUPERSCRIPT_DIGITS",
    "TO_SUPERSCRIPT",
]

#: A blank line: a line break, horizontal white space only, another line break. Paragraphs
#: end there.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")

#: Superscript digits, as footnote markers are written (``¹²³``), 0 to 9 in order.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
#: ``str.translate`` tables between ASCII and superscript digits.
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

#: Apostrophe variants found in reports saved from the web, word processors and PDFs
#: (typographic, modifier letter, prime, grave and acute accents used as apostrophes);
#: the ASCII one first.
APOSTROPHES = ("'", "\u2019", "\u2018", "`", "\u02bc", "\u2032", "\u00b4", "\u201b")
#: Double-quote variants (typographic, low-9, double prime), to be read as ``"``.
DOUBLE_QUOTES = ("\u201c", "\u201d", "\u201e", "\u2033")
#: Hyphen-minus, en dash and em dash (ranges and asides).
DASHES = "-\u2013\u2014"

#: English month names, January first.
#: A line that ends a sentence: terminal punctuation or a colon, then a closing quote or
#: bracket at most (line-joining decisions of the plain-text and PDF readers).
LINE_ENDS_SENTENCE = re.compile(r"[.!?:\u201d\"\u2019)]\s*$")

#: The possessive clitic as spaCy splits it off a name, straight or typographic apostrophe.
POSSESSIVE_S = ("'s", "\u2019s")

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Their usual abbreviations (without the period; "May" has none).
MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
#: Month number of each lower-cased name and abbreviation.
MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): k for k, name in enumerate(MONTH_NAMES, 1)},
    **{
        abbr.lower(): MONTH_NAMES.index(next(n for n in MONTH_NAMES if n.startswith(abbr[:3]))) + 1
        for abbr in MONTH_ABBREVIATIONS
    },
}
