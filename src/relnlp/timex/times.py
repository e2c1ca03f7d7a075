"""Times of day (TimeML TIME): parts of a day, clock times, "two hours later"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from relnlp.timex.anchoring import Anchor, _Ctx, _day_relative, _dct_day, _resolve_year
from relnlp.timex.values import Norm, _day, _mod_of, _month, _shift, _valid_day, _ymd

_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _n_tod(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Parts of a day: "this morning" -> 1998-02-06TMO (TIME)."""
    if g.get("on"):
        day = _dct_day(ctx)
        return None if day is None else ("TIME", day + "TNI", None, True)
    which = (g.get("which") or g.get("wd3") or "").lower()
    tod = (g.get("tod") or g["tod2"]).lower()
    if g.get("nw"):
        # "that night", "the next morning": a part of the story's last day (else the
        # document's), the day after it or before it
        nw = g["nw"].lower().split()[-1]
        step = {"next": 1, "following": 1, "previous": -1}.get(nw, 0)
        base = ctx.anchor.last_day
        day = _shift(base, step, "day") if base else _dct_day(ctx, step)
        if day is None:
            return None
        return "TIME", f"{day}T{_TOD[tod]}", _mod_of(g.get("mod") or g.get("wdmod")), True
    wd = g.get("wd") or (
        which.capitalize() if which.endswith("day") and which not in ("yesterday", "today") else ""
    )
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
        if day is None and not which and g.get("the") and ctx.anchor.last_day:
            day = _ymd(*ctx.anchor.last_day)  # "during the night" of an undated story's day
    if day is None:
        return None
    mod = _mod_of(
        g.get("mod") or g.get("mod2") or g.get("wdmod") or g.get("wdmod2") or g.get("wdmod3")
    )
    return "TIME", f"{day}T{_TOD[tod]}", mod, True


def _n_dom(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "on the 18th,": that day of the last month the text gave (else the document's)."""
    a = ctx.anchor
    ym = a.last_month or ((a.doc_year, a.doc_month) if a.doc_month else None)
    d = int(g["d"])
    if ym is None or ym[0] is None or not _valid_day(ym[0], ym[1], d):
        return None
    return "DATE", _ymd(ym[0], ym[1], d), None, True


def story_weekday_dom(weekday: int, dom: int, ctx: _Ctx, start: int) -> Norm:
    """ "(on) Monday the 13th" at ``start`` in a story with no day to count weekdays from.

    The 13th that is that weekday (0 = Monday) in the month the text last gave or one of
    the two after it; that month's 13th when none is; ``XXXX-XX-13`` when the text gave
    no month (the year alone leaves the month open). Only after a preposition of time: "in
    Friday the 13th" (a film) or "Friday the 13th is unlucky" name no day of the story.
    """
    if not re.search(
        r"\b(?:on|by|until|till|from|since|before|after)\s+$",
        ctx.text[max(0, start - 8) : start],
        re.I,
    ):
        return None
    told = ctx.anchor.last_month
    if told is None:
        return "DATE", f"XXXX-XX-{dom:02d}", None, True
    months = [told[0] * 12 + told[1] - 1 + k for k in range(3)]
    for j in months:
        y, mo = j // 12, j % 12 + 1
        if _valid_day(y, mo, dom) and dt.date(y, mo, dom).weekday() == weekday:
            return "DATE", _ymd(y, mo, dom), None, True
    return ("DATE", _ymd(*told, dom), None, True) if _valid_day(*told, dom) else None


def _n_clock(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Clock times on the document's day (or the weekday named): "7:15 p.m." -> T19:15."""
    if g.get("nm"):
        h, mi = (24, 0) if g["nm"].lower() == "midnight" else (12, 0)
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
        if day is None and ctx.anchor.last_day:  # a story without a date: its last day
            day = _ymd(*ctx.anchor.last_day)
    if day is None:
        return None
    return "TIME", f"{day}T{h:02d}:{mi:02d}", "APPROX" if g.get("approx") else None, True


_HOURS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def _n_clock24(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "07:48", "0800 hours", "4 o'clock", "4:30 in the morning": a TIME of the day told."""
    if g.get("hw"):
        hw = g["hw"].lower()
        h, mi = (int(hw) if hw.isdigit() else _HOURS[hw]), 0
    elif g.get("hh"):
        h, mi = int(g["hh"]), int(g["mm"])
    else:
        h, mi = int(g["h"]), int(g["mi"])
    pod = (g.get("pod") or "").lower()
    if h < 12 and (pod in ("afternoon", "evening") or pod == "night" and h >= 6):
        h += 12  # "4 o'clock in the afternoon"
    day = _dct_day(ctx)
    if day is None and ctx.anchor.last_day:  # a story without a date: its last day
        day = _ymd(*ctx.anchor.last_day)
    if day is None:
        return None
    return "TIME", f"{day}T{h:02d}:{mi:02d}", None, True


def _later_clock(a: Anchor, n: int, unit: str) -> Norm:
    """ "two hours later": a TIME from the story's last clock time, else a DURATION."""
    import datetime as dt

    if a.last_day and a.last_clock:
        then = dt.datetime(*a.last_day, *a.last_clock) + (
            dt.timedelta(hours=n) if unit == "hour" else dt.timedelta(minutes=n)
        )
        if then.year >= 1:
            return "TIME", then.strftime("%Y-%m-%dT%H:%M"), None, True
    return "DURATION", f"PT{abs(n)}{'H' if unit == 'hour' else 'M'}", None, False


_DAYLIGHT = {
    "dawn": "MO",
    "daybreak": "MO",
    "first light": "MO",
    "sunrise": "MO",
    "dusk": "EV",
    "sunset": "EV",
    "nightfall": "EV",
}


def _n_daylight(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "at dawn" (TMO), "by nightfall" (TEV): that part of the day told, else of the document's."""
    day = _ymd(*ctx.anchor.last_day) if ctx.anchor.last_day else _dct_day(ctx)
    if day is None:
        return None
    code = _DAYLIGHT[re.sub(r"\s+", " ", g["dl"])]
    return "TIME", f"{day}T{code}", None, True
