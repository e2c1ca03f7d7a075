"""Anchors: the document date, the narrative anchor and the rules resolving against them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from relnlp.timex._lexicon import _SENT_END
from relnlp.timex.tense import DEADLINE, FUTURE, PAST, PAST_PERFECT, PRESENT
from relnlp.timex.values import Norm, _ymd


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
    last_month: tuple[int, int] | None = None  # last month (of a year) the text gave
    last_decade: int | None = None  # decade (199 for the 1990s) of the last date given
    history: bool = False  # a dated text narrating the past: year-less dates follow its years
    last_clock: tuple[int, int] | None = None  # hour, minute told on ``last_day``

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


# A year-less date up to this many months after the document's date is read as upcoming
# (same year) when its sentence speaks in the present or future; otherwise as past.
_AHEAD = 3
# A deadline ("until Nov. 20", "by February") is the next such date up to about 7 months ahead.
_DEADLINE_AHEAD = 7 * 31
_WILL = re.compile(r"\b(?:will|shall|won't|going\s+to|is\s+to|are\s+to)\b|'ll\b", re.IGNORECASE)
# How far (characters) a named quarter or half sets the granularity of "a year earlier".
_PERIOD_REACH = 400
_PRESENT = re.compile(
    r"\b(?:is|are|will|would|be|'s|payable|due|expires?|begins?|ends?|starts?)\b", re.IGNORECASE
)


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
    tense: str | None = None  # the expression's own tense (relnlp.timex.tense)
    pos: int = 0
    in_chronology: bool = False
    speech: bool = False  # the sentence reports what someone said (news)
    told_at: int = -1  # where the text gave the date ``anchor.narrative_year`` comes from


def _resolve_year(
    ctx: _Ctx, month: int | None, day: int | None, *, tense: bool = True
) -> int | None:
    """Year for a year-less month (and day), by the anchoring rules of the module.

    ``tense=False`` for a period that contains its months (a quarter): its tense says
    nothing about which year.
    """
    a = ctx.anchor
    if ctx.sentence_years:
        return ctx.sentence_years[-1]
    if ctx.in_chronology and a.chronology_year is not None:
        if month is None or a.chronology_month is None:
            return a.chronology_year
        # The year that puts the entry nearest the previous one (chronologies run in
        # order, forwards or backwards: Dec. 30, 2016 -> Jan. 4 is 2017).
        return _nearest_year(a.chronology_year, a.chronology_month, month, (-1, 0, 1))
    if a.narrative_year is not None and (a.history or a.doc_year is None or _story_goes_on(ctx)):
        # an undated text, a dated history, or a dated text narrating an old date it has
        # just given ("In July 1943 ... On 12 July"): the story's year, read forwards ("In
        # December 1943 ... In January" is 1944's)
        told = a.last_month[1] if a.last_month and a.last_month[0] == a.narrative_year else None
        return _nearest_year(a.narrative_year, told, month, (0, 1))
    if a.doc_year is None:
        # nothing told yet: the year the same sentence gives next ("from 10 May to
        # 25 June 1940", "on 3 March and again in April 1861")
        given = re.match(
            r"[^.;!?\n]{0,60}?(?<![\d,.])(1\d{3}|20\d\d)(?![\d,])", ctx.text[ctx.pos :]
        )
        return int(given.group(1)) if given else None
    y = a.doc_year
    said = ctx.tense if ctx.tense is not None or a.doc_day is None else PRESENT
    if said == DEADLINE and ctx.will:
        said = FUTURE  # "the vote will be held by Jan. 15": the next one, however far ahead
    if month is not None and a.doc_month is not None and tense and said is not None:
        moved = _by_tense(said, y, month, day, a)
        if moved is not None:
            return moved
    if month is not None and a.doc_month is not None and not ctx.future:
        later = (month, day or 1) > (a.doc_month, a.doc_day or 31)
        ahead = (month - a.doc_month) % 12
        soon = ahead <= _AHEAD and ctx.present and (later or month < a.doc_month)
        if later and not soon:
            y -= 1
        elif soon and month < a.doc_month:
            y += 1  # "payable Jan. 2" in a November dispatch: the coming January
    return y


def _nearest_year(year: int, told: int | None, month: int | None, steps: tuple[int, ...]) -> int:
    """The year (``year`` + one of ``steps``) that puts ``month`` nearest the month ``told``."""
    if month is None or told is None:
        return year
    return min((year + k for k in steps), key=lambda yy: abs(yy * 12 + month - (year * 12 + told)))


# A text whose own years lie this far before its document date tells a history.
HISTORY_GAP = 10
# How many sentences back an old date still anchors a dated text's year-less dates.
_STORY_REACH = 3
# A sentence about what someone said is news told on its date, whatever year came before.
_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|reported|reports|stated|according\s+to)\b",
    re.IGNORECASE,
)


def _continues_bare_year(ctx: _Ctx) -> bool:
    """Whether a dated text's story plainly goes on after a bare old year (not speech)."""
    if ctx.speech:
        return False
    if re.match(r"(?i)the\s", ctx.text[ctx.pos : ctx.pos + 4]):
        return True
    sentence = _SENT_END.split(ctx.text[ctx.pos : ctx.pos + 200], maxsplit=1)[0]
    opening = ctx.text[max(ctx.told_at, ctx.pos - 120) : ctx.pos]
    opening = _SENT_END.split(opening)[-1]
    return re.search(PAST_PERFECT, opening + sentence, re.IGNORECASE) is not None


def _story_goes_on(ctx: _Ctx) -> bool:
    """Whether a year-less date of a dated text continues the story of an old date it gave.

    TimeML anchors an underspecified date on the nearest preceding date of the discourse
    (HeidelTime's narrative reading) where that date, not the document's, is what the text
    is telling: the last date given lies ten years or more before the document's date, in the
    same paragraph at most ``_STORY_REACH`` sentences back, and the sentence narrates the
    past (no present or future; no speech after a bare year). News background keeps the document date
    ("The firm was founded in 1950. It said on March 2 ..."); weekdays, "last week" and other
    deictic expressions never come here.
    """
    a = ctx.anchor
    if a.doc_year is None or a.narrative_year is None or ctx.told_at < 0:
        return False
    if a.narrative_year > a.doc_year - HISTORY_GAP:
        return False
    if ctx.tense in (PRESENT, FUTURE, DEADLINE) or ctx.will:
        return False
    between = ctx.text[ctx.told_at : ctx.pos]
    # a story told to the month or day goes on through what its people said ("On 22
    # October he told the nation"); a bare year before speech is background
    precise = a.last_month is not None and a.last_month[0] == a.narrative_year
    # a bare old year is background in news: TimeML anchors "In March" after "began in
    # 1991" on the document date (TimeBank: "since 1980. In September" is 1989-09), unless
    # the story plainly goes on: a definite period of it ("In the autumn") or the past
    # perfect ("By March the river had been diverted")
    return not (
        not (precise or _continues_bare_year(ctx))
        or re.search(r"\n[ \t]*\n", between)
        or len(_SENT_END.findall(between)) > _STORY_REACH
    )


def that_time(ctx: _Ctx) -> Norm:
    """ "at that time": the month or day the previous sentence told, else TimeML's PAST_REF.

    A bare year is too coarse to be the time meant (TimeBank's "at the time" is PAST_REF),
    and a date earlier in the same sentence is mostly another time set against it.
    """
    a = ctx.anchor
    between = ctx.text[ctx.told_at : ctx.pos] if ctx.told_at >= 0 else "\n\n"
    told = a.last_month if a.last_month and a.last_month[0] == a.narrative_year else None
    if told is None or "\n" in between or len(_SENT_END.findall(between)) != 1:
        return "DATE", "PAST_REF", None, True
    day = a.last_day if a.last_day is not None and a.last_day[:2] == told else None
    return "DATE", _ymd(*(day or told)), None, True


def _by_tense(tense: str, y: int, month: int, day: int | None, a: Anchor) -> int | None:
    """The year of a year-less date said in ``tense`` (see :mod:`relnlp.timex.tense`).

    Past: the last such date up to the document's; future: the next one from it; present
    (news with a day-precise date only): the next one when it is at most ``_AHEAD`` months
    ahead, else the last; a deadline: the next one up to about seven months ahead. None leaves the decision
    to the default rule of :func:`_resolve_year`.
    """
    assert a.doc_month is not None
    # positions in the year (31-day months; a month alone counts as its middle)
    exact = day is not None and a.doc_day is not None
    here = a.doc_month * 31 + (a.doc_day if exact and a.doc_day is not None else 15)
    there = month * 31 + (day if exact and day is not None else 15)
    if there == here or (not exact and month == a.doc_month):
        return y
    after = there > here
    if tense == FUTURE:
        return y if after else y + 1
    if tense == PAST:
        return y - 1 if after else y
    if a.doc_day is None:
        return None
    ahead = (there - here) % 372  # days, roughly, to the next occurrence
    if tense == DEADLINE:
        nxt = ahead <= _DEADLINE_AHEAD
    else:  # present: the next one only when it is close (news reports more than it announces)
        nxt = ahead <= _AHEAD * 31
    if after:
        return y if nxt else y - 1
    return y + 1 if nxt else y


def _clock_shift(a: Anchor, n: int, unit: str, mod: str | None) -> Norm:
    """ "two hours ago" from a document time (TIME), or None without one."""
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


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day_relative(
    name: str, g: dict[str, Any], ctx: _Ctx
) -> tuple[str, str, str | None, bool] | None:
    """Yesterday/tomorrow and weekdays, from a day-precise report date (news datelines)."""
    import datetime as dt

    a = ctx.anchor
    if name == "weekday" and g.get("rel"):
        return _weekday_from_told(g, a)
    if a.doc_year is None or a.doc_month is None or a.doc_day is None:
        if name == "weekday" and a.doc_year is None and a.last_day and a.last_day[0] > 0:
            # a story without a date: the first such weekday after the last day it told
            # ("On Saturday, 4 June ... On Monday": 6 June), as the story moves on
            told = dt.date(*a.last_day)
            ahead = (_WEEKDAYS.index(g["wd"].lower()) - told.weekday()) % 7 or 7
            return "DATE", (told + dt.timedelta(days=ahead)).isoformat(), None, True
        if name == "deictic_day" and a.doc_year is None and g["w"].lower() == "today":
            # an undated text (a history): "today" is the present it is read in, not a day
            return "DATE", "PRESENT_REF", None, False
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
    elif which == "next" or (
        which != "last" and (ctx.tense == FUTURE or (ctx.will and ctx.tense != PAST) or _until(ctx))
    ):
        diff = diff % 7 or (7 if which == "next" else 0)
    elif which == "this":
        pass
    else:  # past narration: the most recent such day, today included
        diff = -((-diff) % 7)
    return "DATE", (today + dt.timedelta(days=diff)).isoformat(), None, True


def _weekday_from_told(g: dict[str, Any], a: Anchor) -> tuple[str, str, None, bool] | None:
    """ "The following Monday", "the previous Friday": the first such day after (before) the
    last day the text told, else the document's date; never that day itself."""
    import datetime as dt

    if a.last_day and a.last_day[0] > 0:
        told = dt.date(*a.last_day)
    elif a.doc_year is not None and a.doc_month is not None and a.doc_day is not None:
        told = dt.date(a.doc_year, a.doc_month, a.doc_day)
    else:
        return None
    diff = _WEEKDAYS.index(g["wd"].lower()) - told.weekday()
    back = g["rel"].lower().split()[-1] in ("previous", "preceding")
    diff = -((-diff) % 7 or 7) if back else diff % 7 or 7
    return "DATE", (told + dt.timedelta(days=diff)).isoformat(), None, True


def _until(ctx: _Ctx) -> bool:
    """A weekday after "until" or "as soon as" is a limit ahead ("until 9 a.m. Tuesday").

    So is one after "by" in a clause said of what is to come ("they would withdraw by
    Friday", "will be done by Monday"); "had left by Friday" stays in the past.
    """
    if ctx.tense != DEADLINE:
        return False
    before = ctx.text[max(0, ctx.pos - 60) : ctx.pos]
    if re.search(
        r"\b(?:until|till|as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", before[-20:], re.I
    ) or re.search(r"\b(?:runs|lasts|continues)\s+(?:through|thru|to)\s+$", before[-24:], re.I):
        return True  # "the fair runs through Saturday": the end of something under way
    return bool(
        re.search(r"\bby\s+$", before)
        and re.search(
            r"\b(?:will|would|shall|'ll|expected\s+to|plans?\s+to|aims?\s+to)\b", before, re.I
        )
        and not re.search(r"\b(?:had|have|has)\b", before, re.I)
    )


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


def _update_anchor(ctx: _Ctx, value: str, anchored: bool, chronology_head: bool) -> None:
    period = re.match(r"^(\d{4})-((?:Q[1-4]|H[12]))$", value)
    if period:
        ctx.last_period = (int(period.group(1)), period.group(2), ctx.pos)
    first = value.split("/")[-1]
    if re.fullmatch(r"\d{3}", first):  # "the 1460s": "the following decade" is the 1470s
        ctx.anchor.last_decade = int(first)
        return
    bc = re.match(r"^BC(\d{4})(?:-\d\d-\d\d)?$", first)
    if bc:  # "49 BC": "five years later" counts on in the historical years (44 BC)
        ctx.anchor.narrative_year = -int(bc.group(1))
        ctx.anchor.last_month = ctx.anchor.last_day = None
        return
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", first)
    if not m:
        return
    y = int(m.group(1))
    ctx.told_at = ctx.pos
    if not anchored:  # only a year the text states anchors the rest of its sentence
        ctx.sentence_years.append(y)
    ctx.anchor.narrative_year = y
    ctx.anchor.last_decade = y // 10
    # a coarser date the text moves on to ("In 1941 ...") no longer holds the last day or
    # month it gave: "the next day" must not count from a date outside the new period
    last_day, last_month = ctx.anchor.last_day, ctx.anchor.last_month
    if last_day and (last_day[0] != y or (m.group(2) and last_day[1] != int(m.group(2)))):
        ctx.anchor.last_day = None
    if last_month and last_month[0] != y:
        ctx.anchor.last_month = None
    if m.group(2):
        ctx.anchor.last_month = (y, int(m.group(2)))
    if m.group(3):
        ctx.anchor.last_day = (y, int(m.group(2)), int(m.group(3)))
    clock = re.search(r"T(\d\d):(\d\d)", first)
    ctx.anchor.last_clock = (int(clock.group(1)), int(clock.group(2))) if clock else None
    if chronology_head:  # only an entry's own date moves the chronology's year
        ctx.anchor.chronology_year = y
        if m.group(2):
            ctx.anchor.chronology_month = int(m.group(2))
