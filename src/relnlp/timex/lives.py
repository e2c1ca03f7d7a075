"""Ages and life dates of biographies and histories.

An age said as a phrase of its own is a TIMEX3 DURATION of the years lived (TimeML; the
GUM time guidelines, E1): "at the age of twelve" -> "the age of twelve" ``P12Y``, "aged
40" ``P40Y``, "from age six" ``P6Y``, "aged 18 months" ``P18M``. The preposition stays
out of the extent. An age as an adjective of a person ("a 44-year-old man", "52 years
old") is no TIMEX3 in TimeBank and is left alone (:func:`relnlp.timex.patterns._keep`).
A bare "age N" needs a preposition before it ("from age six"), as "Age 30-39" heads a table.

Life dates and reigns in parentheses after a name are two years, "Theodorus of Tabennese
(c. 314 – 368)", "Hilda (614–680)": years of three digits, which a bare number is too ambiguous to
be read as elsewhere, and "c." (circa) before either end; the range is one interval
``0314/0368`` with mod APPROX, which TimeML writes as a DATE per end
(:func:`relnlp.timex.timeml.timeml_spans`). Four-digit life dates without "c." are the
year ranges' ("(1667–1748)").
"""

from __future__ import annotations

import re
from typing import Any

from relnlp.timex._lexicon import _ONES, _TENS
from relnlp.timex.anchoring import _Ctx
from relnlp.timex.values import Norm, _number

__all__: list[str] = []

_AGE_N = (
    rf"\d{{1,3}}|{_TENS}(?:[\s-]{_ONES})?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_CIRCA = r"(?:c|ca)\.\s*|circa\s+"

#: (name, regex) of the patterns this module normalises
PATTERNS: list[tuple[str, str]] = [
    (
        "age",
        rf"(?<![\w-])(?P<lead>the\s+age\s+of|aged|age)\s+(?P<n>{_AGE_N})"
        r"(?:\s+(?P<unit>years?|months?|weeks?|days?)(?:\s+old)?)?(?![\w-])",
    ),
    (
        "lifespan",
        rf"(?<=[^\W\d_] \()(?P<approx>{_CIRCA})?(?P<y1>[1-9]\d{{2,3}})\s*[-\u2013\u2014]\s*"
        rf"(?P<approx2>{_CIRCA})?(?P<y2>[1-9]\d{{2,3}})(?=\))",
    ),
]
#: name -> (trigger, case-insensitive, chars before, chars after), as in the pattern table
TRIGGERS: dict[str, tuple[str, bool, int, int]] = {
    "age": (r"age", True, 4, 30),
    "lifespan": (r"[0-9][0-9]", False, 10, 16),
}
#: patterns matched without regard to case
CASE_INSENSITIVE = {"age"}

_AGE_BEFORE = re.compile(
    r"\b(?:at|from|by|until|till|before|after|since|under|over|to|around|about|of)\s+$",
    re.IGNORECASE,
)
# the parenthesis follows a name: "Hilda (614–680)", "Ramesses II (c. 1303 – 1213)"
_NAME_BEFORE = re.compile(r"[A-Z][^\W\d_]*\s\($")
_UNIT_CODE = {"year": "Y", "month": "M", "week": "W", "day": "D"}


def n_age(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the age of twelve" -> P12Y, "aged 18 months" -> P18M; a bare "age N" after a preposition."""
    lead = re.sub(r"\s+", " ", g["lead"].lower())
    if lead == "age" and not _AGE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    n = _number(g["n"])
    unit = (g.get("unit") or "year").lower().rstrip("s")
    if not n or (unit == "year" and n > 130):
        return None
    return "DURATION", f"P{n}{_UNIT_CODE[unit]}", None, False


def n_lifespan(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "(c. 314 – 368)" -> 0314/0368 APPROX: life dates or a reign, at most 125 years long."""
    y1, y2 = int(g["y1"]), int(g["y2"])
    if not y1 < y2 <= y1 + 125:
        return None
    if not _NAME_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None  # "held (300–400) men": a count, not the dates of a name
    mod = "APPROX" if g.get("approx") or g.get("approx2") else None
    a = ctx.anchor
    if mod is None and y1 < 1000 and a.doc_year is not None:
        # "Article Five (200–300)" in a dated report is a count; an ancient life needs its
        # era told nearby ("... in 640. Hilda (614–680) ...")
        if a.narrative_year is None or abs(a.narrative_year - y1) > 200:
            return None
    return "DATE", f"{y1:04d}/{y2:04d}", mod, False
