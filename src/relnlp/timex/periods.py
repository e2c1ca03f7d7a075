"""Long periods and days of antiquity: millennia, turns of centuries, decades of a century.

TIMEX3 writes a period by the digits its years share (TimeML guidelines 1.2.1, as for
decades ``199`` and centuries ``19``): a millennium is one digit, "the 2nd millennium"
``1`` (the years 1000-1999), "the 3rd millennium BC" ``BC2`` (3000-2001 BC), as a
century BC is ``BC07`` for "the 8th century BC". "This millennium", "the next millennium"
count from the document's (or the story's) year.

"The turn of the century" is the years around a century's first year: ``1900`` with mod
APPROX for "the turn of the 20th century" (HeidelTime has no rule for it; TimeML gives an
approximate point a ``mod``); unqualified, it is the turn nearest the anchor's year, "the
turn of the last century" the one before it.

"The first decade of the 21st century" is the decade ``200``; "the last decade of the
19th century" ``189``; "the last quarter of the 19th century" its decades ``187/189`` (as
relnlp writes "the second half of the 19th century" ``185/189``).

A day of a year with an era is a full date: "the 15th of March, 44 BC" ``BC0044-03-15``,
"19 August AD 14" ``0014-08-19``.
"""

from __future__ import annotations

import re
from typing import Any

from relnlp.timex._lexicon import _AD, _BC, _DAY, _MOD, _MONTH, _ORDINAL
from relnlp.timex.anchoring import _Ctx, _story_goes_on
from relnlp.timex.values import Norm, _day, _mod_of, _month, _ordinal, _valid_day

__all__: list[str] = []

_ORD = _ORDINAL  # "2nd", "second"; never any word that ends like one ("forward")

#: (name, regex) of the patterns this module normalises; the table puts them before the
#: centuries so that their longer reading wins a tie.
PATTERNS: list[tuple[str, str]] = [
    (
        "millennium",
        rf"(?:the\s+)?{_MOD}(?:(?P<which>this|next|last|previous|past|current|new|coming)\s+|(?P<n>{_ORD})\s+)"
        rf"millennium(?:\s+(?P<bc>{_BC})(?!\w)|\s+{_AD}(?!\w))?",
    ),
    (
        "turn",
        r"(?:the\s+)?turn\s+of\s+the\s+(?:(?P<which>last|previous|past|this|current|new)\s+|"
        rf"(?P<n>{_ORD})\s+)?(?P<unit>century|millennium)(?![\w-])",
    ),
    (
        "decade_of",
        r"(?:the\s+)?(?P<d>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        rf"last|final|closing|opening)\s+decade\s+of\s+the\s+(?P<c>{_ORD})\s+century(?![\w-])",
    ),
    (
        "century_quarter",
        r"(?:the\s+)?(?P<q>first|second|third|fourth|final|last)\s+quarter\s+of\s+the\s+"
        rf"(?P<c>{_ORD})\s+century(?![\w-])",
    ),
    (
        "era_day",
        rf"(?:the\s+)?(?:(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})),?\s+"
        rf"(?:(?P<y>[1-9]\d{{0,3}})\s*(?:(?P<bc>{_BC})|{_AD})|(?:AD|A\.D\.)\s+(?P<ya>[1-9]\d{{0,3}}))(?!\w)",
    ),
]

#: name -> (trigger, case-insensitive, chars before, chars after), as in the pattern table
TRIGGERS: dict[str, tuple[str, bool, int, int]] = {
    "millennium": (r"millennium", True, 24, 12),
    "turn": (r"turn of the", True, 4, 30),
    "decade_of": (r"decade of the", True, 16, 30),
    "century_quarter": (r"quarter of the", True, 16, 30),
    "era_day": (r"(?:BC|AD|A\.D|B\.C|CE|C\.E)", False, 36, 12),
}
#: patterns matched without regard to case
CASE_INSENSITIVE = {"millennium", "turn", "decade_of", "century_quarter"}

_DECADE_ORD = {"last": 10, "final": 10, "closing": 10, "opening": 1}


def _anchor_year(ctx: _Ctx) -> int | None:
    a = ctx.anchor
    if a.narrative_year is not None and (a.history or _story_goes_on(ctx)):
        return a.narrative_year
    return a.doc_year if a.doc_year is not None else a.narrative_year


def n_millennium(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the 2nd millennium BC" -> BC1; "the next millennium" from the anchor's year."""
    if g.get("n"):
        n = _ordinal(g["n"])
        if not n or not 1 <= n <= (10 if g.get("bc") else 3):
            return None
        return "DATE", f"{'BC' if g.get('bc') else ''}{n - 1}", _mod_of(g.get("mod")), False
    year = _anchor_year(ctx)
    if year is None or year <= 0:
        return None
    which = g["which"].lower()
    current = year // 1000
    step = {"next": 1, "coming": 1, "last": -1, "previous": -1, "past": -1}.get(which, 0)
    if which == "new":
        # said around its turn only: the one about to begin or just begun
        if 100 < year % 1000 < 900:
            return None
        step = 1 if year % 1000 >= 900 else 0
    digit = current + step
    return None if not 0 <= digit <= 9 else ("DATE", str(digit), None, True)


def n_turn(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the turn of the 20th century" -> 1900 APPROX; unqualified, the nearest turn."""
    size = 1000 if g["unit"].lower() == "millennium" else 100
    if g.get("n"):
        n = _ordinal(g["n"])
        if not n or not 1 < n <= (3 if size == 1000 else 22):
            return None
        return "DATE", f"{(n - 1) * size:04d}", "APPROX", False
    year = _anchor_year(ctx)
    if year is None or year <= 0:
        return None
    nearest = (year + size // 2) // size * size
    if (g.get("which") or "").lower() in ("last", "previous", "past"):
        nearest -= size
    return None if nearest <= 0 else ("DATE", f"{nearest:04d}", "APPROX", True)


def n_decade_of(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the first decade of the 21st century" -> 200; "the last decade of the 19th" -> 189."""
    c = _ordinal(g["c"])
    d = _DECADE_ORD.get(g["d"].lower()) or _ordinal(g["d"])
    if not c or not d or not 1 <= c <= 21 or not 1 <= d <= 10:
        return None
    return "DATE", f"{(c - 1) * 10 + d - 1:03d}", None, False


def n_century_quarter(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the last quarter of the 19th century" -> 187/189 (its decades, as for halves)."""
    c = _ordinal(g["c"])
    q = {"final": 4, "last": 4}.get(g["q"].lower()) or _ordinal(g["q"])
    if not c or not q or not 1 <= c <= 21 or not 1 <= q <= 4:
        return None
    lo = (c - 1) * 100 + (q - 1) * 25
    return "DATE", f"{lo // 10:03d}/{(lo + 24) // 10:03d}", None, False


def n_era_day(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the 15th of March, 44 BC" -> BC0044-03-15; "19 August AD 14" -> 0014-08-19."""
    mo = _month(g.get("m") or g["m2"])
    d = _day(g.get("d") or g["d2"])
    y = int(g.get("y") or g["ya"])
    bc = bool(g.get("bc"))
    if not 1 <= y <= (9999 if bc else 2100) or not _valid_day(None if bc else y, mo, d):
        return None
    return "DATE", f"{'BC' if bc else ''}{y:04d}-{mo:02d}-{d:02d}", None, False
