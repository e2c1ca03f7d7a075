"""Normalisation: each pattern match to its TIMEX3 type, value and mod."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from relnlp.timex._lexicon import _NUMBERS, _SEASONS, _WD
from relnlp.timex.anchoring import (
    _PERIOD_REACH,
    _WEEKDAYS,
    Anchor,
    _clock_shift,
    _Ctx,
    _day_relative,
    _dct_day,
    _recurring,
    _resolve_year,
    _story_goes_on,
    that_time,
)
from relnlp.timex.durations import _n_duration, _n_duration_adj, _n_set, _n_vague, _n_weekday_set
from relnlp.timex.holidays import n_holiday
from relnlp.timex.lives import n_age, n_lifespan
from relnlp.timex.periods import (
    n_century_quarter,
    n_decade_of,
    n_era_day,
    n_millennium,
    n_turn,
)
from relnlp.timex.tense import DEADLINE, PAST, future_in_the_past
from relnlp.timex.times import (
    _later_clock,
    _n_clock,
    _n_clock24,
    _n_daylight,
    _n_dom,
    _n_tod,
    story_weekday_dom,
)
from relnlp.timex.values import (
    Norm,
    _add_years,
    _day,
    _mod_of,
    _month,
    _number,
    _ordinal,
    _shift,
    _spelled_year,
    _valid_day,
    _year,
    _ymd,
)


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
        unit = g["unit"].lower()
        if not g.get("n"):
            # "the last days of April 1945", "the first months of 1942": the start or end
            # of the period named
            edge = "START" if g["which"].lower() in ("first", "opening", "early") else "END"
            if g.get("y"):
                return "DATE", g["y"], edge, False
            if g.get("m") and unit in ("days", "weeks"):
                mo = _month(g["m"])
                y = int(g["my"]) if g.get("my") else _resolve_year(ctx, mo, None)
                return "DATE", _ymd(y, mo), edge, not g.get("my")
            return None
        if g["which"].lower() not in ("first", "last", "final"):
            return None
        n = _number(g["n"])
        if not n:
            return None
        if g.get("y") and unit == "months" and n <= 12:
            y = int(g["y"])
            return (
                "DATE",
                (
                    f"{_ymd(y, 1)}/{_ymd(y, n)}"
                    if g["which"].lower() == "first"
                    else f"{_ymd(y, 13 - n)}/{_ymd(y, 12)}"
                ),
                None,
                False,
            )
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
        if g.get("yr"):
            # "the first half of next year" counts from the document's date; "of the year"
            # and "of that year" refer back to the year the text is about (TimeML: anaphoric)
            story = ctx.anchor.narrative_year
            if g["yr"].lower() in ("the", "that") and story is not None and story > 0:
                return "DATE", f"{story:04d}-H{1 if first else 2}", None, True
            year = _n_year_part({"det": g["yr"], "unit": "year"}, m, ctx)
            if year is None or not re.fullmatch(r"\d{4}", year[1]):
                return None
            return "DATE", f"{year[1]}-H{1 if first else 2}", None, True
        c = _ordinal(g["c"]) if g.get("c") else None
        if c:
            base = (c - 1) * 100
            lo, hi = (base, base + 49) if first else (base + 50, base + 99)
            return "DATE", f"{lo // 10:03d}/{hi // 10:03d}", None, False
        return None
    if name == "quarter":
        if g.get("q"):
            return "DATE", f"{int(g['y2']):04d}-Q{g['q']}", None, False
        q = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
            "final": 4,
            "last": 4,
        }[g["which"].lower()]
        if g.get("yr"):  # "the first quarter of next year"
            year = _n_year_part({"det": g["yr"], "unit": "year"}, m, ctx)
            if year is None or not re.fullmatch(r"\d{4}", year[1]):
                return None
            return "DATE", f"{year[1]}-Q{q}", None, True
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
        if g.get("ry"):  # "10 January of the following year": the year the story names
            ry = _told_year(a, None, g["ry"].split()[-1])
            return None if not _valid_day(ry, mo, d) else ("DATE", _ymd(ry, mo, d), mod, True)
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
        if g.get("y") or g.get("sy"):
            yr: int | None = int(g["y"]) if g.get("y") else _spelled_year(g["sy"])
        elif g.get("ry") or which.startswith("the "):
            # "March of that year", "the following March": from the story's last date
            yr = _told_year(a, mo, (g.get("ry") or which).split()[-1])
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
        return "DATE", _ymd(yr, mo), mod, not (g.get("y") or g.get("sy"))
    if name == "season":
        ys = int(g["y"]) if g.get("y") else _spelled_year(g["sy"])
        return None if ys is None else ("DATE", f"{ys:04d}-{_SEASONS[g['s'].lower()]}", mod, False)
    if name == "decade":
        if g.get("dec3"):
            # "the 900s": the tenth century ("09"); "the 790s": a decade ("079"); a dated
            # text that is no history means a number range ("shares traded in the 600s")
            d3 = g["dec3"]
            if a.doc_year is not None and not a.history:
                return None
            return "DATE", f"0{d3[0]}" if d3.endswith("00") else f"0{d3[:2]}", mod, False
        if g.get("dec"):
            if g["dec"].endswith("00") and g["dec"] < "2000":
                return "DATE", g["dec"][:2], mod, False  # "the 1800s": the century (18)
            return "DATE", g["dec"][:3], mod, False
        # "the '80s", "the nineties": the decade of the 20th century (how news writes them)
        tens = int(g["dec2"][0]) if g.get("dec2") else _NUMBERS[g["decw"].lower()[:-3] + "y"] // 10
        return "DATE", f"19{tens}", mod, False
    if name == "century":
        c = _ordinal(g["c"])
        if not c or not 1 <= c <= 22:
            return None
        return "DATE", f"{'BC' if g.get('bc') else ''}{c - 1:02d}", mod, False
    if name == "centuries":
        c1, c2 = _ordinal(g["c1"]), _ordinal(g["c2"])
        cbc = "BC" if g.get("bc") else ""
        if cbc:  # "the 6th and 5th centuries BC" count down
            c1, c2 = c2, c1
        if not c1 or not c2 or not 1 <= c1 < c2 <= 22:
            return None
        if cbc:
            c1, c2 = c2, c1
        return "DATE", f"{cbc}{c1 - 1:02d}/{cbc}{c2 - 1:02d}", None, False
    if name == "era_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        ebc = "BC" if g.get("bc") else ""
        if y2 < 100 <= y1 and not ebc:
            return None  # "1990-95 AD"? a count, not two years
        if (y1 <= y2) if ebc else (y1 >= y2):
            return None  # BC years count down, AD years up
        return "DATE", f"{ebc}{y1:04d}/{ebc}{y2:04d}", mod, False
    if name == "era":
        y = int(g.get("y1") or g.get("y2") or g.get("y3") or 0)
        if not 1 <= y <= (9999 if g.get("bc") else 2100):  # "3000 BC", not "AD 3000"
            return None
        return "DATE", f"{'BC' if g.get('bc') else ''}{y:04d}", mod, False
    if name == "fy":
        fy = g["fy"]
        y = int(fy) if len(fy) == 4 else 2000 + int(fy)
        return "DATE", f"FY{y:04d}", None, False
    if name == "year":
        return "DATE", g["y"], mod, False
    if name == "year3":
        if (
            a.doc_year is not None
            and not a.history
            and re.search(r"\b[Bb]y\s+$", ctx.text[max(0, m.start() - 4) : m.start()])
        ):
            return None  # "By 500, the crowd had left": in news a count, in histories a year
        near = (g.get("approx") or "").strip().lower() in ("around", "about")
        if near and (a.narrative_year is None or abs(a.narrative_year - int(g["y"])) > 200):
            return None  # "around 500" is a count unless the story is in that century
        # the first end of a range of years before Christ: "from 431 to 404 BC"
        bc = re.match(r"\s+(?:to|and|until|-|–)\s+\d{1,4}\s*(?:BCE?|B\.C\.)", ctx.text[m.end() :])
        return "DATE", f"{'BC' if bc else ''}{int(g['y']):04d}", mod, False
    if name in ("ago", "later"):
        if g.get("q"):
            mod = {
                "about": "APPROX",
                "around": "APPROX",
                "some": "APPROX",
                "almost": "APPROX",
                "nearly": "APPROX",
                "more than": "BEFORE",
                "over": "BEFORE",
                "less than": "AFTER",
            }.get(re.sub(r"\s+", " ", g["q"].lower().strip()))
            if name == "later" and mod and g["dir"].lower() in ("later", "afterwards", "afterward"):
                mod = {"BEFORE": "AFTER", "AFTER": "BEFORE"}.get(mod, mod)  # counted forward
        elif g.get("orso"):  # "a week or so ago"
            mod = "APPROX"
        if g.get("the"):  # "the year before,": one unit
            g = {**g, "n": "one", "unit": g["unit1"], "dir": g["dir1"]}
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        unit = "century" if unit == "centurie" else unit
        if unit == "fortnight":  # "a fortnight later": two weeks
            unit, n = "week", (n or 0) * 2
        pivot: tuple[int | None, int | None, int | None]
        if name == "ago":  # counted back from the document's date
            pivot = (a.doc_year, a.doc_month, a.doc_day)
            sign = -1
        else:  # "two days later": from the last date the text gave, else the document's
            pivot = (a.narrative_year, None, None)  # "five years later": the last year told
            if (
                a.last_day
                and a.last_day[0] == a.narrative_year
                and unit in ("day", "week", "month")
            ):
                pivot = a.last_day  # the last date given was a day of that year
            elif a.last_month and a.last_month[0] == a.narrative_year and unit == "month":
                pivot = (*a.last_month, None)  # "In March 1848 ... Six months later"
            if pivot[0] is None:
                pivot = (a.doc_year, a.doc_month, a.doc_day)
            sign = -1 if g["dir"].lower() in ("earlier", "before") else 1
        if n and unit in ("hour", "minute") and name == "later":
            return _later_clock(a, sign * n, unit)
        if not n:
            return ("DATE", "PAST_REF", None, True) if name == "ago" else None
        if unit in ("hour", "minute") and name == "ago":
            return _clock_shift(a, n, unit, mod)
        lp = ctx.last_period
        if unit == "year" and lp is not None and ctx.pos - lp[2] < _PERIOD_REACH and sign < 0:
            return "DATE", f"{lp[0] - n:04d}-{lp[1]}", mod, True
        value = _shift(pivot, sign * n, unit)
        if value is None and name == "later" and pivot[0] and unit in ("day", "week") and n < 4:
            # "two weeks later" after "that spring": the story's year is all that is known
            value = _year(pivot[0])
        return None if value is None else ("DATE", value, mod, True)
    if name == "deictic":
        which, unit = g["which"].lower(), g["unit"].lower()
        if which == "same" and unit == "day" and a.last_day:
            return "DATE", _ymd(*a.last_day), None, True
        if which == "same" and unit == "month":
            return _n_that_year(g, m, ctx)  # "the same month": the month of the last date told
        if which == "next" and _narrative_next(m, unit, ctx):
            # "the next day", "the next year" of a story: the one after the date it told
            which = "following"
        if which in ("following", "previous") and unit == "week" and a.last_day:
            value = _shift(a.last_day, 1 if which == "following" else -1, "week")
            return None if value is None else ("DATE", value, mod, True)
        if which in ("following", "previous") and unit in ("day", "month"):
            # narrative: "the following month" is the one after the last month the text
            # gave ("In March ... The following month": April), "the previous day" the day
            # before the last date it gave; the document's date when the text gave none
            step = 1 if which == "following" else -1
            if unit == "day" and a.last_month and (a.last_day or (0, 0))[:2] != a.last_month:
                # the last date told is a month ("In March 1943 ... The next day"): the day
                # is not known, its month is (as "two weeks later" after "that spring")
                return "DATE", _ymd(*a.last_month), mod, True
            told: tuple[int | None, int | None, int | None] = (a.doc_year, a.doc_month, a.doc_day)
            if unit == "day" and a.last_day:
                told = a.last_day
            elif unit == "month" and a.last_month:
                told = (*a.last_month, None)
            value = _shift(told, step, unit)
            return None if value is None else ("DATE", value, mod, True)
        if which == "same" and unit == "year" and a.narrative_year:
            return "DATE", _year(a.narrative_year), None, True
        if unit in ("decade", "century") and which == "past":
            # "the past decade": the ten years up to now, a duration as "the past three
            # years" is in TimeML, not the calendar decade before this one
            return "DURATION", "P10Y" if unit == "decade" else "P100Y", mod, False
        if unit in ("decade", "century") and which in ("following", "previous"):
            # "the following decade" of a story: the one after the decade of its last year
            step = 1 if which == "following" else -1
            if unit == "decade" and a.last_decade is not None:
                return "DATE", f"{a.last_decade + step:03d}", mod, True
            if unit == "century" and a.narrative_year is not None and a.narrative_year > 0:
                return "DATE", f"{a.narrative_year // 100 + step:02d}", mod, True
            return None
        if unit in ("decade", "century"):
            # "the last decade" said in 1998: the 1980s (198), "this century": 19
            if a.doc_year is None or which not in (
                "last",
                "past",
                "previous",
                "this",
                "next",
                "coming",
            ):
                return None
            size = 10 if unit == "decade" else 100
            step = {"last": -1, "past": -1, "previous": -1, "this": 0}.get(which, 1)
            return "DATE", str(a.doc_year // size + step), mod, True
        if unit == "year":
            ref = a.narrative_year if which in ("following", "previous") else a.doc_year
            if ref is None:
                return None
            delta = {
                "last": -1,
                "previous": -1,
                "past": -1,
                "next": 1,
                "following": 1,
                "coming": 1,
                "this": 0,
            }.get(which)
            if delta is None:
                return None
            return "DATE", _year(_add_years(ref, delta)), mod, True
        if unit == "week" and a.doc_year is not None and a.doc_month is not None and a.doc_day:
            import datetime as dt

            delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(
                which
            )
            if delta is None:
                return None
            day = dt.date(a.doc_year, a.doc_month, a.doc_day) + dt.timedelta(weeks=delta)
            iso = day.isocalendar()
            return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}", mod, True
        if unit == "month" and a.doc_year is not None and a.doc_month is not None:
            delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(
                which
            )
            if delta is None:
                return None
            k = a.doc_year * 12 + (a.doc_month - 1) + delta
            return "DATE", _ymd(k // 12, k % 12 + 1), mod, True
        return None
    if name == "weekday" and (g.get("which") or "").lower() in ("every", "each"):
        return "SET", f"XXXX-WXX-{_WEEKDAYS.index(g['wd'].lower()) + 1}", None, False
    if name in ("deictic_day", "weekday"):
        res = _day_relative(name, g, ctx)
        if res is not None and g.get("dom"):
            res = _weekday_dom(res, int(g["dom"]), ctx)
        elif g.get("dom") and not (g.get("which") or g.get("rel")):
            res = story_weekday_dom(_WEEKDAYS.index(g["wd"].lower()), int(g["dom"]), ctx, m.start())
        return res if res is None or res[2] else (res[0], res[1], mod, res[3])
    if name in _MORE:
        return _MORE[name](g, m, ctx)
    if name == "duration":
        return _n_duration(g, m, ctx)
    return None


def _weekday_dom(res: Norm, dom: int, ctx: _Ctx) -> Norm:
    """ "Monday the 13th": the 13th that is a Monday nearest the day the weekday alone gives,
    on the same side of the document's date (a past weekday stays past); the weekday's own
    value when no such day lies within six months."""
    if res is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", res[1]):
        return None
    day = dt.date.fromisoformat(res[1])
    a = ctx.anchor
    dated = a.doc_year is not None and a.doc_month is not None and a.doc_day is not None
    ref = dt.date(a.doc_year, a.doc_month, a.doc_day) if dated else None  # type: ignore[arg-type]
    cands = []
    for k in range(-6, 7):
        j = day.year * 12 + day.month - 1 + k
        if _valid_day(j // 12, j % 12 + 1, dom):
            c = dt.date(j // 12, j % 12 + 1, dom)
            if c.weekday() == day.weekday() and (ref is None or (c <= ref) == (day <= ref)):
                cands.append(c)
    if not cands:
        return res
    best = min(cands, key=lambda c: abs((c - day).days))
    return res[0], best.isoformat(), res[2], res[3]


_REF = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "current": "PRESENT_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "near term": "FUTURE_REF",
    "later date": "FUTURE_REF",
}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _n_ref(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """Reference expressions: TimeML's PRESENT_REF, PAST_REF and FUTURE_REF."""
    w = re.sub(r"\s+", " ", g["ref"].lower())
    if w == "soon" and ctx.tense == PAST:
        return None  # "problems soon arose": soon after the story's time, not the DCT's future
    if w == "soon" and future_in_the_past(
        ctx.text, m.start(), m.end(), ctx.anchor.doc_year is None or ctx.anchor.history
    ):
        return None  # "he would soon die" in a history: soon after the story's time
    for key, val in _REF.items():
        if w.endswith(key):
            return "DATE", val, None, True
    return "DATE", "PAST_REF", None, True  # recently, the past, recent


def _n_quarter(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A quarter without a year: of the year being reported on (news: the DCT's)."""
    a = ctx.anchor
    adj = (g.get("adj") or "").lower()
    which = (g.get("which") or "").lower()
    det = (g.get("det") or "").lower()
    if not (which or det or adj.strip() or g.get("rel") or g.get("qy")):
        return None  # bare "quarter": a district, a fourth part ("last year's quarter" is one)
    ago = (
        "year-earlier" in adj
        or "year-ago" in adj
        or "comparable" in adj
        or "corresponding" in adj
        or bool(g.get("yago2"))
    )
    if not which and (g.get("qy") or g.get("rel")) and a.doc_year is not None:
        # "the 1988 quarter", "last year's quarter": the quarter being reported on (the last
        # one the text named, else the one before the document's), in the year given
        lp = ctx.last_period
        if lp is not None and ctx.pos - lp[2] < _PERIOD_REACH and lp[1].startswith("Q"):
            reported: str | None = f"{lp[0]:04d}-{lp[1]}"
        else:
            reported = _shift((a.doc_year, a.doc_month, 1), -1, "quarter")
        if reported is None:
            return None
        q_code = reported.split("-")[1]
        # "last year's quarter" said in March 2004 of the fourth quarter of 2003: 2002-Q4
        y = (
            int(g["qy"])
            if g.get("qy")
            else int(reported[:4]) + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        )
        return "DATE", f"{y:04d}-{q_code}", None, not g.get("qy")
    if g["qn"].lower() == "period" and (which or not (ago or "latest" in adj)):
        return None  # a period is a quarter only as the reporting period of earnings news
    if which and (g.get("qy") or g.get("rel")):
        q = _ordinal(which) or 0
        if not 1 <= q <= 4 or a.doc_year is None and not g.get("qy"):
            return None
        y = (
            int(g["qy"])
            if g.get("qy")
            else (a.doc_year or 0) + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        )
        return "DATE", f"{y:04d}-Q{q}", None, not g.get("qy")
    if which:
        q = _ordinal(which) or 0
        if not 1 <= q <= 4:
            return None
        yq = _resolve_year(ctx, 3 * q - 2, 1, tense=False)
        if yq is None:
            return None
        return "DATE", f"{yq - ago:04d}-Q{q}", None, True
    if a.doc_year is None or a.doc_month is None:
        return None
    # "this quarter", and "the quarter" as a deadline ("expects a deal by the end of the
    # quarter"): the current one; else the one reported on (news: "sales rose in the
    # quarter", also "results for the quarter will be released")
    ahead = ctx.tense == DEADLINE
    current = "current" in adj or det == "this" or (det == "the" and not ago and ahead)
    value = _shift((a.doc_year, a.doc_month, 1), (0 if current else -1) - 4 * ago, "quarter")
    return None if value is None else ("DATE", value, None, True)


def _told_year(a: Anchor, month: int | None, rel: str) -> int | None:
    """The year of "March of that year" / "the following March" in a story.

    ``rel`` is that/same (the story's year), following/next or previous (the first such
    month after, or the last before, the month the story is in; with a year alone, the
    year after or before it). The document's date stands in for a story not yet told.
    """
    told: tuple[int | None, int | None] = a.last_month or (
        (a.narrative_year, None) if a.narrative_year is not None else (a.doc_year, a.doc_month)
    )
    if told[0] is None:
        return None
    if rel in ("that", "same"):
        return told[0]
    step = -1 if rel == "previous" else 1
    if month is not None and told[1] is not None and (month - told[1]) * step > 0:
        return told[0]
    return _add_years(told[0], step)


def _n_season(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """A season without a year: "this summer", "last spring" (the document's year)."""
    a = ctx.anchor
    code = _SEASONS[g["s"].lower()]
    which = re.sub(r"\s+", " ", g["which"].lower())
    if g["s"].lower() == "fall" and ctx.text[m.end() : m.end() + 4].lower() == " of ":
        return None  # "the fall of the Wall"
    y: int | None
    if g.get("ry"):  # "the autumn of that year", "the spring of the following year"
        y = _told_year(a, None, g["ry"].split()[-1])
    elif which.startswith("the ") and which != "the same":
        # "the following spring": the first such season after the story's last date (the
        # document's without one), "the previous winter" the last one before it
        told = a.last_month or (
            (a.narrative_year, None) if a.narrative_year is not None else (a.doc_year, a.doc_month)
        )
        if told[0] is None:
            return None
        start = _SEASON_MONTH[code]
        if which == "the previous":
            y = told[0] if told[1] is not None and start < told[1] else _add_years(told[0], -1)
        else:
            y = told[0] if told[1] is not None and start > told[1] else _add_years(told[0], 1)
    elif which in ("that", "the same"):
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
    return "DATE", f"{_year(y)}-{code}", _mod_of(g.get("mod")), True


def _n_spelled(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    y = _spelled_year(g["sy"])
    return None if y is None or not 1000 <= y <= 2100 else ("DATE", f"{y:04d}", None, False)


def _n_year_part(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "year-end", "the end of the year", "earlier this month", "the full year"."""
    a = ctx.anchor
    det, unit = (g.get("det") or "").lower(), (g.get("unit") or "").lower()
    mod = _mod_of(g.get("mod"))
    if g.get("midc"):  # "by mid-century": the middle of the century of the story (or now)
        unit, mod = "century", "MID"
    if unit in ("decade", "century"):
        # "by the end of the decade": the decade (century) of the story's last year in a
        # history or an undated text, else of the document's ("199" END, "19" START)
        story = det == "that" or a.history or a.doc_year is None or _story_goes_on(ctx)
        y = a.narrative_year if story else a.doc_year
        if y is None and a.last_decade is not None:  # "the early 1850s ... by mid-century"
            y = a.last_decade * 10
        if y is None or y < 1 or det in ("next", "last"):
            return None
        return "DATE", f"{y // 10:03d}" if unit == "decade" else f"{y // 100:02d}", mod, True
    if det == "that" or a.doc_year is None:
        # "later that month", "the end of that year": the period of the story's last date
        # (a text without a document date reads "the end of the year" so too)
        if det in ("next", "last") or g.get("ye") or g.get("full"):
            return None
        if unit == "year" and a.narrative_year is not None:
            return "DATE", _year(a.narrative_year), mod, True
        if unit == "month" and a.last_month is not None:
            return "DATE", _ymd(*a.last_month), mod, True
        week = _shift(a.last_day, 0, "week") if a.last_day is not None else None
        if unit == "week" and week is not None:
            return "DATE", week, mod, True
        if a.doc_year is None:
            return None
    assert a.doc_year is not None
    if g.get("ye"):
        return "DATE", f"{a.doc_year:04d}", "END", True
    if g.get("full"):
        return "DATE", f"{a.doc_year:04d}", None, True
    delta = {"next": 1, "last": -1}.get(det, 0)
    if unit == "year":
        return "DATE", f"{a.doc_year + delta:04d}", mod, True
    value = _shift((a.doc_year, a.doc_month, a.doc_day), delta, unit)
    return None if value is None else ("DATE", value, mod, True)


def _n_that_year(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "that year", "the same month": the narrative anchor."""
    a = ctx.anchor
    if g.get("tt"):
        return that_time(ctx)
    unit = g["unit"].lower()
    if unit == "day":
        if a.last_day:
            return "DATE", _ymd(*a.last_day), None, True
        day = _dct_day(ctx) if g.get("lead") else None  # news: "later in the day" is today
        return None if day is None else ("DATE", day, None, True)
    if unit == "month":
        ym = a.last_day[:2] if a.last_day else a.last_month
        return ("DATE", _ymd(*ym), None, True) if ym else None
    y = a.narrative_year or a.doc_year
    return None if y is None else ("DATE", _year(y), None, True)


def _n_weekend(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "the weekend", "next weekend": the ISO week of that weekend, ``1998-W07-WE``."""
    import datetime as dt

    day = _dct_day(ctx)
    if day is None:
        return None
    today = dt.date.fromisoformat(day)
    which = g["which"].lower().split()[-1]  # "this past weekend": the past one
    ahead = which in ("next", "coming") or (
        which in ("the", "this") and (ctx.future or today.weekday() >= 5)
    )
    sat = today + dt.timedelta(
        days=(5 - today.weekday()) % 7 if ahead else -((today.weekday() - 5) % 7)
    )
    if which == "next" and sat - today < dt.timedelta(days=2):
        sat += dt.timedelta(days=7)
    iso = sat.isocalendar()
    return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}-WE", None, True


def _n_yago(g: dict[str, Any], m: re.Match[str], ctx: _Ctx) -> Norm:
    """ "year-earlier profit": the reporting quarter a year back; "the year ended ...": P1Y."""
    a = ctx.anchor
    if g.get("fyear"):
        return "DURATION", "P1Y", None, False
    if a.doc_year is None or a.doc_month is None:
        return None
    value = _shift((a.doc_year, a.doc_month, 1), -5, "quarter")
    return None if value is None else ("DATE", value, None, True)


def _narrative_next(m: re.Match[str], unit: str, ctx: _Ctx) -> bool:
    """Whether "next <unit>" counts from the story's last date, not the document's.

    "The next day" always does (tomorrow is "tomorrow"); "the next year/month/week" does
    in a text without a document date, or when told in the past tense about a year other
    than the document's ("He left in 1987 and returned the next year"). "Next year" without
    the article is deictic in news (the document's next year) unless the text has no date.
    """
    a = ctx.anchor
    if unit == "day":
        return m.group(0).lower().split()[-2] == "next"
    told = a.last_decade if unit == "decade" else a.narrative_year
    if told is None or unit not in ("year", "month", "week", "decade", "century"):
        return False
    if a.doc_year is None:
        return True
    the = re.search(r"\bthe\s+next\b", m.group(0), re.IGNORECASE) is not None
    return the and ctx.tense == PAST and a.narrative_year != a.doc_year


_MORE = {
    "ref": _n_ref,
    "yago": _n_yago,
    "weekend": _n_weekend,
    "tod": _n_tod,
    "clock": _n_clock,
    "clock24": _n_clock24,
    "daylight": _n_daylight,
    "dom": _n_dom,
    "dom_tod": _n_dom,
    "quarter_ny": _n_quarter,
    "season_ny": _n_season,
    "spelled_year": _n_spelled,
    "year_part": _n_year_part,
    "that_year": _n_that_year,
    "set": _n_set,
    "vague_dur": _n_vague,
    "duration_adj": _n_duration_adj,
    "weekday_set": _n_weekday_set,
    "holiday": n_holiday,
    "millennium": n_millennium,
    "turn": n_turn,
    "decade_of": n_decade_of,
    "era_day": n_era_day,
    "century_quarter": n_century_quarter,
    "age": n_age,
    "lifespan": n_lifespan,
}
