"""``find_timexes``: scan, choose the longest matches, normalise and anchor in text order."""

from __future__ import annotations

import re

from relnlp.timex._lexicon import _FUTURE
from relnlp.timex.anchoring import (
    _PRESENT,
    _SPEECH,
    _WILL,
    HISTORY_GAP,
    Anchor,
    _Ctx,
    _sentences,
    _update_anchor,
)
from relnlp.timex.coordination import coordinated_days, coordinated_sets, military_lists
from relnlp.timex.normalise import _normalise
from relnlp.timex.patterns import _COMPILED, _candidates, _keep
from relnlp.timex.tense import local_tense
from relnlp.timex.values import Timex


def _strip_the(text: str, start: int, name: str = "") -> tuple[str, int]:
    """Drop a leading preposition: spans hold the expression only (TimeML).

    TimeML keeps the determiner of a temporal noun phrase ("the third quarter", "the end
    of April", "the past") but not one that belongs to a noun the expression modifies
    ("the third-quarter loss", "the 10th of May ceremony" -> the day alone).
    """
    m = re.match(r"(?:(?:on|On|in|In|at|At)\s+(?!least))+", text)
    if m:
        text, start = text[m.end() :], start + m.end()
    if (
        name in ("dm", "dmy")
        or (name == "quarter_ny" and re.search(r"-quarter$", text))
        or (name == "century" and re.search(r"-century$", text))
    ):
        m = re.match(r"(?:the|The|that|That|this|This)\s+", text)
        if m:
            return text[m.end() :], start + m.end()
    return text, start


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
    anchor.history = anchor.history or _is_history(anchor, chosen)
    sentences = _sentences(text)
    out: list[Timex] = []
    si = 0
    current_sent = (-1, -1)
    ctx = _Ctx(text, anchor)
    part_of_day: tuple[int, str] | None = None  # "the morning of" waiting for its day
    clock: tuple[int, int, re.Match[str]] | None = None  # "10 p.m. on" waiting for its day
    for k, (s, e, name, m) in enumerate(chosen):
        while si < len(sentences) - 1 and sentences[si][1] <= s:
            si += 1
        if sentences[si] != current_sent:
            current_sent = sentences[si]
            ctx.sentence_years = []
            ctx.future = bool(_FUTURE.search(text[current_sent[0] : current_sent[1]]))
            ctx.present = bool(_PRESENT.search(text[current_sent[0] : current_sent[1]]))
            ctx.will = bool(_WILL.search(text[current_sent[0] : current_sent[1]]))
            ctx.speech = bool(_SPEECH.search(text[current_sent[0] : current_sent[1]]))
        ctx.tense = local_tense(text, current_sent[0], current_sent[1], s, e)
        ctx.in_chronology = any(a <= s < b for a, b in chronology)
        ctx.pos = s
        if name == "tod" and _of_a_day(m, text, chosen[k + 1 : k + 2]):
            part_of_day = (s, m.group("tod").lower())
            continue
        if (
            (
                name in ("clock", "clock24", "daylight")
                or name == "tod"
                and m.group("tod2")
                and not m.group("wd3")  # "mid-afternoon on Saturday", "late evening on 4 May"
            )
            and _on_a_day(m, text, chosen[k + 1 : k + 2])
        ):
            clock = (s, e, m)  # "10 p.m. on 2 March": read once its day is known
            continue
        res = _normalise(name, m, ctx)
        if res is None:
            part_of_day = None
            if clock is not None:  # its day is no date after all: the clock time alone
                _clock_on(out, clock, None, ctx)
                clock = None
            continue
        typ, value, mod, anchored = res
        span_text, span_start = _strip_the(text[s:e], s, name)
        if part_of_day is not None:
            # "the morning of 18 June 1815", "the night of the 14th": one TIME (TimeML)
            if typ == "DATE" and _DAY_VALUE.fullmatch(value):
                span_start, typ = part_of_day[0], "TIME"
                span_text = text[span_start : s + len(text[s:e].rstrip(" ,"))]
                value = f"{value}T{_TOD_CODE[part_of_day[1]]}"
            part_of_day = None
        pre = m.groupdict().get("pre")
        if pre and name in ("mm_range", "yy_range") and pre.lower().startswith("from"):
            span_text, span_start = span_text[len(pre) :], span_start + len(pre)
        span_text = span_text.rstrip(" ,")
        approx = _OR_SO.match(text, span_start + len(span_text))
        if approx is not None and typ in ("DATE", "DURATION"):
            # "the next two years or so": the approximation is part of the expression
            span_text = text[span_start : approx.end()]
            mod = mod or "APPROX"
        out.append(
            Timex(span_start, span_start + len(span_text), span_text, typ, value, mod, anchored)
        )
        if typ in ("DATE", "TIME"):
            # A comparison point ("a year earlier", "a year ago", "year-earlier") is not
            # where the narrative stands: two in a row both count from the period discussed.
            if not _looks_back(name, m):
                _update_anchor(ctx, value, anchored, any(a == s for a, _ in chronology))
        if clock is not None:
            _clock_on(
                out, clock, value if typ == "DATE" and _DAY_VALUE.fullmatch(value) else None, ctx
            )
            clock = None
    listed = coordinated_sets(text, coordinated_days(text, out))
    return _clock_of_day(text, military_lists(text, listed))


_OR_SO = re.compile(r"\s+or\s+so\b(?!\s+(?:ago|later|earlier))")
# "noon the next day", "at 0600 that day": a clock time and the day it is on, no preposition
_OF_DAY = re.compile(r"(?:the\s+(?:next|following|previous|same)|that(?:\s+same)?)\s+day", re.I)
_CLOCK_PART = re.compile(r"T(?:\d\d:\d\d|MO|AF|EV|NI)$")


def _clock_of_day(text: str, out: list[Timex]) -> list[Timex]:
    """Join a clock time to the narrative day right after it: one TIME (TimeML)."""
    merged: list[Timex] = []
    for t in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == "TIME"
            and t.type == "DATE"
            and _DAY_VALUE.fullmatch(t.value)
            and _OF_DAY.fullmatch(t.text)
            and re.fullmatch(r",?\s+", text[prev.end : t.start])
            and (clock := _CLOCK_PART.search(prev.value)) is not None
        ):
            span = text[prev.start : t.end]
            merged[-1] = Timex(
                prev.start, t.end, span, "TIME", t.value + clock.group(0), prev.mod, True
            )
            continue
        merged.append(t)
    return merged


def _on_a_day(
    m: re.Match[str], text: str, following: list[tuple[int, int, str, re.Match[str]]]
) -> bool:
    """Whether a clock time without its own day is followed by "on" and a day."""
    if not following or m.groupdict().get("wd") or m.groupdict().get("m"):
        return False
    s, e, name, _m = following[0]
    if name in ("deictic", "that_year") and _OF_DAY.fullmatch(text[s:e]):
        return re.fullmatch(r",?\s+", text[m.end() : s]) is not None  # "noon the next day"
    return name in _DAY_PATTERNS and re.fullmatch(r",?\s+on\s+", text[m.end() : s]) is not None


def _clock_on(
    out: list[Timex], clock: tuple[int, int, re.Match[str]], day: str | None, ctx: _Ctx
) -> None:
    """Put "10 p.m." of "10 p.m. on 2 March 1943" on that day (``None``: as read alone).

    The clock time goes in before the TIMEX3 the text gave last (kept in text order).
    """
    s, e, m = clock
    ctx.pos = s
    gd = m.groupdict()
    name = (
        "tod"
        if "tod2" in gd
        else "clock24"
        if "hw" in gd
        else "daylight"
        if "dl" in gd
        else "clock"
    )
    res = _normalise(name, m, ctx)
    hhmm = re.search(r"T(?:\d\d:\d\d|MO|AF|EV|NI)$", res[1]) if res else None
    if day and hhmm is None:  # a story's day without its year: "11 a.m. on 11 November"
        anchor = ctx.anchor
        ctx.anchor = Anchor.from_value(day.replace("XXXX", "2000"))
        res = _normalise(name, m, ctx)
        ctx.anchor = anchor
        hhmm = re.search(r"T(?:\d\d:\d\d|MO|AF|EV|NI)$", res[1]) if res else None
    if res is None or hhmm is None:
        return
    value = day + hhmm.group(0) if day else res[1]
    span = ctx.text[s:e].rstrip(" ,")
    at = len(out) - 1 if out and out[-1].start > s else len(out)
    out.insert(at, Timex(s, s + len(span), span, "TIME", value, res[2], True))
    if day:
        _update_anchor(ctx, value, True, False)


_TOD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")
_DAY_PATTERNS = ("mdy", "dmy", "md", "dm", "dom", "dom_tod", "iso", "weekday")


def _of_a_day(
    m: re.Match[str], text: str, following: list[tuple[int, int, str, re.Match[str]]]
) -> bool:
    """Whether "the morning" is followed by "of" and a day: "the morning of 18 June"."""
    if not following or not m.groupdict().get("the"):
        return False
    s, _e, name, _m = following[0]
    return name in _DAY_PATTERNS and re.fullmatch(r"\s+of\s+", text[m.end() : s]) is not None


def _looks_back(name: str, m: re.Match[str]) -> bool:
    """Whether a match is a comparison point counted back ("a year earlier", "two years ago")."""
    if name in ("ago", "yago") or name == "quarter_ny" and m.group("yago2"):
        return True
    return name == "later" and (m.groupdict().get("dir") or "").lower() in ("earlier", "before")


def _is_history(anchor: Anchor, chosen: list[tuple[int, int, str, re.Match[str]]]) -> bool:
    """Whether a text that came with a document date narrates the past.

    When nearly all the years a dated text states (at least three, 90 %) lie ten years or more
    before its date, it narrates the past (a history, a chronicle, an obituary's life story):
    year-less dates then follow the years the text gives, as HeidelTime's narrative mode
    reads them, not the date the document was written or retrieved. Deictic expressions
    ("today", "this year", "last week", weekdays) still count from the document's date.
    """
    if anchor.doc_year is None:
        return False
    years = [
        int(y)
        for _s, _e, name, m in chosen
        if name in ("year", "year3", "mdy", "dmy", "my", "season", "era")
        for y in (m.groupdict().get("y") or m.groupdict().get("y1") or m.groupdict().get("y2"),)
        if y and y.isdigit()
    ]
    old = sum(1 for y in years if y <= anchor.doc_year - HISTORY_GAP)
    return len(years) >= 3 and old >= 0.9 * len(years)
