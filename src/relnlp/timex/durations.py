"""Durations and recurrences (TimeML DURATION and SET)."""

from __future__ import annotations

import re
from typing import Any

from relnlp.timex._lexicon import _SEASONS, _UNITS
from relnlp.timex.anchoring import _Ctx
from relnlp.timex.values import Norm, _month, _number, _period, _ymd

# half of each unit, as the next smaller unit(s) of an ISO 8601 duration
_HALF = {
    "year": ("Y", "6M"),
    "month": ("M", "15D"),
    "week": ("W", "3DT12H"),
    "day": ("D", "T12H"),
    "hour": ("TH", "30M"),
    "minute": ("TM", "30S"),
}


def _and_a_half(n: int, unit: str) -> str | None:
    """``n`` and a half ``unit``s as a TIMEX3 duration: (2, "year") -> ``P2Y6M``."""
    if unit in ("decade", "century"):
        return f"P{(n * 2 + 1) * (5 if unit == 'decade' else 50)}Y"
    if unit not in _HALF:
        return None
    code, half = _HALF[unit]
    if code.startswith("T"):
        return f"PT{n}{code[1]}{half}" if n else f"PT{half}"
    whole = f"{n}{code}" if n else ""
    return f"P{whole}{half}"


def _n_duration(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Durations with a length: "10 days" P10D, "more than 20 years" P20Y MORE_THAN."""
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    n = 0 if g.get("half") else _number(g["n"])
    if unit == "fortnight":  # "a fortnight" P2W
        unit, n = "week", (n or 0) * 2
        if g.get("half") or g.get("andhalf") or g.get("unithalf"):
            return None
    qual = (g.get("q") or "").lower().strip()
    dmod = {
        "more than": "MORE_THAN",
        "over": "MORE_THAN",
        "at least": "EQUAL_OR_MORE",
        "less than": "LESS_THAN",
        "under": "LESS_THAN",
        "up to": "EQUAL_OR_LESS",
        "no more than": "EQUAL_OR_LESS",
        "nearly": "APPROX",
        "almost": "APPROX",
        "about": "APPROX",
        "around": "APPROX",
        "some": "APPROX",
        "roughly": "APPROX",
        "approximately": "APPROX",
    }.get(re.sub(r"\s+", " ", qual))
    # A range of lengths ("two to three weeks") keeps its start's value and no mod: TimeBank
    # is split on it (EQUAL_OR_MORE once, no mod for "the next 12 to 18 months").
    if g.get("half") or g.get("andhalf") or g.get("unithalf"):
        # "half a year" P6M, "two and a half years" P2Y6M, "an hour and a half" PT1H30M
        value = _and_a_half(n or 0, unit)
        return None if value is None else ("DURATION", value, dmod, False)
    if not n:
        return "DURATION", _period("X", unit), None, False  # "a few decades": PXDE
    code = _UNITS[unit]
    before = ctx.text[max(0, m.start() - 24) : m.start()]
    rate = re.search(
        r"(?:(?P<num>\d[\d,.]*)\s*(?:%|percent|per\s*cent)?(?:\s+[a-z]+s)?|million|billion|"
        r"trillion|times|once|twice|thrice)\s*$",
        before,
        re.IGNORECASE,
    )
    if (
        g["n"].lower() in ("a", "an")
        and rate
        # "40,000 passengers a year" is a rate; "in May 1891, a year late" is not
        and not re.fullmatch(r"1\d{3}|20\d\d", (rate.group("num") or "").rstrip(",."))
    ):
        return "SET", f"P1{code}", None, False  # "$115 million a year", "twice a year"
    if re.fullmatch(r"\d+\.5", g["n"].strip()):
        return "DURATION", _period(g["n"].strip(), unit), dmod, False  # "1.5 years" P1.5Y
    return "DURATION", _period(n, unit), dmod, False
    return None


_TOD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _n_set(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Recurrences (TimeML SET): "daily" P1D, "each month" P1M, "each July" XXXX-07.

    A frequency adverb's value is the period it recurs with, as TimeML writes a SET's value
    (TimeBank: "daily" P1D, "weekly" P1W, "quarterly" P3M, "annually" P1Y); only a part of
    the day, which has no period of its own, keeps the underspecified date ("nightly").
    """
    adv = (g.get("adv") or "").lower()
    if adv:
        value = {
            "daily": "P1D",
            "nightly": "XXXX-XX-XXTNI",
            "weekly": "P1W",
            "monthly": "P1M",
            "annually": "P1Y",
            "yearly": "P1Y",
            "quarterly": "P3M",
            "hourly": "PT1H",
        }[adv]
        return "SET", value, None, False
    if g.get("m"):
        return "SET", _ymd(None, _month(g["m"])), None, False
    if g.get("tod"):  # "every morning": the part of any day
        return "SET", f"XXXX-XX-XXT{_TOD_CODE[g['tod'].lower()]}", None, False
    if g.get("s"):  # "every summer"
        return "SET", f"XXXX-{_SEASONS[g['s'].lower()]}", None, False
    if g.get("units"):  # "every two years" P2Y, "every other week" P2W
        unit = g["units"].lower().rstrip("s")
        unit = "century" if unit == "centurie" else unit
        n = 2 if g.get("other") else _number(g["n"])
        return "SET", _period(n or "X", unit), None, False  # "every few years" PXY
    return "SET", _period(1, g["unit"].lower()), None, False


def _n_vague(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Durations of unstated length: "several years" PXY, "a few hours" PTXH."""
    if g.get("while"):
        return "DURATION", "PXM", None, False  # "for some time": TimeBank's PXM
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


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_OF_DAY = {"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}


def _n_weekday_set(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Recurring weekdays: "on Mondays" XXXX-WXX-1, "Tuesday nights" XXXX-WXX-2TNI (SET)."""
    day = _WEEKDAY_NAMES.index(g["wd"].lower()) + 1
    tod = _PART_OF_DAY[g["tod"].lower()] if g.get("tod") else ""
    return "SET", f"XXXX-WXX-{day}" + (f"T{tod}" if tod else ""), None, False
