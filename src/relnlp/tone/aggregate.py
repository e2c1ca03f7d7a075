"""Passage and report scores, dated events and dyad timelines from sentence tone.

Aggregation (documented in the README). Every sentence has a score on each axis (the
``sentences`` table's ``cooperation`` and ``tension``: the learned model's probability of
a cooperation or a conflict class, :mod:`relnlp.tone.model`); passages and reports are
built from them alone:

* **passage** score on each axis: ``0.7 * max(s) + 0.3 * (1 - prod(1 - 0.6 * s))`` over its
  sentences' scores ``s``: the strongest sentence, lifted by how many others agree (the 0-3
  scales rate how strongly a passage states cooperation or tension, not how often). Here
  a sentence's ``s`` is the mean of its learned score (whether it reports cooperation or
  conflict at all) and its rules' score (``rule_cooperation`` / ``rule_tension``: how
  strongly its cues state it, weighted on the 0-3 scale of the annotation guidelines),
  because the passage scales rate strength; without the learned model both are the same;
* **report** score: the mean of its passage scores weighted by passage length; a text
  with no passage (a single line without a full stop is read as a title) is scored as
  one passage made of all its sentences;
* **Goldstein-like net score** (-10..+10): the mean of the cues' CAMEO/Goldstein values
  weighted by their effective weights (negated cues count with half the opposite value),
  over the sentences of a passage or report; 0 when there is no cue.

``events``: sentences that carry at least one cue and a date (a DATE expression in the
sentence, else the date of the chronology entry they belong to). ``timeline`` averages the
events of a dyad per calendar period.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from relnlp.pipeline.tone import SentenceTone

if TYPE_CHECKING:
    from relnlp.analyzer import Report

__all__ = ["events", "passage_scores", "report_scores", "sentence_tones", "timeline"]

DAMP = 0.6


def sentence_tones(report: Report) -> list[SentenceTone]:
    """The sentence scores stored on the report's Doc (empty when tone is off)."""
    return [SentenceTone(*t) for t in report.doc.user_data.get("rel_tone", [])]


def _combine(scores: Sequence[float]) -> float:
    if not scores:
        return 0.0
    keep = math.prod(1 - DAMP * s for s in scores)
    return round(0.7 * max(scores) + 0.3 * (1 - keep), 4)


def _passage_groups(report: Report) -> list[list[SentenceTone]]:
    spans = report.doc.user_data.get("rel_passages") or []
    tones = sentence_tones(report)
    starts = [a for a, _b in spans]
    groups: list[list[SentenceTone]] = [[] for _ in spans]
    for st in tones:
        i = int(np.searchsorted(starts, st.start, side="right")) - 1
        if 0 <= i < len(spans) and st.start < spans[i][1]:
            groups[i].append(st)
    return groups


def passage_scores(report: Report) -> list[tuple[float, float, list[str]]]:
    """(cooperation, tension, cues) per passage of ``report.document``."""
    n = len(report.document.passages)
    if "rel_tone" not in report.doc.user_data:
        return [(0.0, 0.0, [])] * n
    groups = _passage_groups(report)
    if len(groups) != n:
        return [(0.0, 0.0, [])] * n
    return [
        (_combine([_strength(s, "cooperation") for s in g]),
         _combine([_strength(s, "tension") for s in g]), [c for s in g for c in s.cues])
        for g in groups
    ]  # fmt: skip


def _strength(st: SentenceTone, axis: str) -> float:
    """A sentence's contribution to its passage's score on ``axis`` (see the module doc)."""
    if axis == "cooperation":
        return (st.cooperation + st.rule_cooperation) / 2
    return (st.tension + st.rule_tension) / 2


def _goldstein(tones: Iterable[SentenceTone]) -> float:
    """Mean sentence Goldstein value, weighted by the sentence's total cue strength."""
    num = den = 0.0
    for st in tones:
        if st.goldstein is None:
            continue
        w = st.cooperation + st.tension
        num += st.goldstein * w
        den += w
    return round(num / den, 3) if den else 0.0


def report_scores(report: Report) -> tuple[float, float, float]:
    """(cooperation, tension, goldstein) of the whole report."""
    ps = passage_scores(report)
    lengths = [p.end - p.start for p in report.document.passages]
    total = sum(lengths)
    if not ps or not total:
        # No passage (a one-line text read as a title, a list of headings): the
        # report's sentences form its only passage, so every text gets a score.
        tones = sentence_tones(report)
        if not tones:
            return 0.0, 0.0, 0.0
        return (_combine([_strength(t, "cooperation") for t in tones]),
                _combine([_strength(t, "tension") for t in tones]), _goldstein(tones))  # fmt: skip
    coop = sum(c * n for (c, _t, _x), n in zip(ps, lengths)) / total
    tens = sum(t * n for (_c, t, _x), n in zip(ps, lengths)) / total
    return round(coop, 4), round(tens, 4), _goldstein(sentence_tones(report))


def _parties(report: Report, a: int, b: int) -> list[str]:
    """Canonical names of the actors in doc span [a, b) and the states they belong to."""
    out: list[str] = []
    for s, e, label, canonical, _role, _aff, _src, country in report.doc.user_data.get(
        "rel_entities", []
    ):
        if a <= s and e <= b and label in {"PERSON", "ORG", "GPE", "NORP"}:
            out.append(str(canonical))
            if country:
                out.append(str(country))
    return list(dict.fromkeys(out))


def events(report: Report) -> dict[str, list[Any]]:
    """Columns of the ``events`` table: dated sentences that carry a cue."""
    from relnlp import schemas

    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["events"]}
    timexes = [t for t in report.doc.user_data.get("rel_timex", []) if t[2] == "DATE"]
    chron = report.doc.user_data.get("rel_chronology", [])
    passage_themes = report.doc.user_data.get("rel_passage_themes") or []
    spans = report.doc.user_data.get("rel_passages") or []
    starts = [a for a, _b in spans]
    for k, st in enumerate(t for t in sentence_tones(report) if t.cues):
        date = next(((v, cs, ce) for cs, ce, _t, v, _m, _a in timexes
                     if st.start <= cs and ce <= st.end and not v.startswith("XXXX")), None)  # fmt: skip
        if date is None:
            for ca, cb in chron:
                if ca <= st.start < cb:
                    date = next(((v, cs, ce) for cs, ce, _t, v, _m, _a in timexes
                                 if ca <= cs < cb), None)  # fmt: skip
                    break
        if date is None:
            continue
        pi = int(np.searchsorted(starts, st.start, side="right")) - 1
        themes = list(passage_themes[pi][3]) if 0 <= pi < len(passage_themes) else []
        a, b = report.raw_span(st.start, st.end)
        da, db = report.raw_span(date[1], date[2])
        rows["doc_id"].append(report.doc_id)
        rows["event_id"].append(k)
        rows["start"].append(a)
        rows["end"].append(b)
        rows["text"].append(report.text[a:b])
        rows["date"].append(date[0])
        rows["date_text"].append(report.text[da:db])
        rows["source"].append(st.source)
        rows["target"].append(st.target)
        rows["parties"].append(_parties(report, st.start, st.end))
        rows["cooperation"].append(st.cooperation)
        rows["tension"].append(st.tension)
        rows["goldstein"].append(st.goldstein if st.goldstein is not None else 0.0)
        rows["themes"].append(themes)
        rows["cues"].append(list(st.cues))
        rows["passage_id"].append(report.passage_of(a))
    return rows


_FREQ_NEED = {"Y": 1, "A": 1, "Q": 2, "M": 2, "W": 3, "D": 3}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:-(\d{2}))?")


def _period_start(value: str, freq: str) -> pd.Timestamp | None:
    """The start of a TIMEX3 value if it is at least as fine as ``freq``."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year, mid, day = m.group(1), m.group(2), m.group(3)
    fine = 1
    month = 1
    if mid and mid.isdigit():
        fine, month = 2, int(mid)
    elif mid and mid.startswith("Q"):
        fine, month = (2 if freq in {"Q", "Y", "A"} else 1), 3 * int(mid[1]) - 2
    if day:
        fine = 3
    if fine < _FREQ_NEED.get(freq[:1].upper(), 2):
        return None
    return pd.Timestamp(int(year), month, int(day) if day else 1)


def timeline(
    reports: Iterable[Report] | pd.DataFrame,
    dyad: tuple[str, str] | None = None,
    freq: str = "M",
) -> pd.DataFrame:
    """Cooperation and tension of a dyad per period, from the reports' events.

    Parameters
    ----------
    reports : iterable of Report, or an ``events`` DataFrame
    dyad : (str, str), optional
        Two actors (canonical names or states, e.g. ``("China", "Russia")``); an event
        counts when both are among its parties. ``None``: all events.
    freq : str
        A pandas period alias: ``"M"`` (month), ``"Q"``, ``"Y"``, ``"W"``, ``"D"``. Events
        dated more coarsely than ``freq`` (a bare year for a monthly series) are left out.

    Returns
    -------
    pandas.DataFrame
        Indexed by period, with ``cooperation``, ``tension`` and ``goldstein`` (means) and
        ``n_events``.
    """
    if isinstance(reports, pd.DataFrame):
        ev = reports
    else:
        from relnlp import schemas

        frames = [r.events for r in reports]
        ev = pd.concat(frames, ignore_index=True) if frames else schemas.empty_table("events")
    if dyad is not None and len(ev):
        a, b = dyad
        keep = ev["parties"].map(lambda ps: a in list(ps) and b in list(ps))
        ev = ev[keep]
    ts = ev["date"].map(lambda v: _period_start(str(v), freq)) if len(ev) else pd.Series([])
    ev = ev.assign(_t=ts).dropna(subset=["_t"]) if len(ev) else ev
    cols = ["cooperation", "tension", "goldstein", "n_events"]
    if not len(ev):
        return pd.DataFrame(columns=cols, index=pd.PeriodIndex([], freq=freq, name="period"))
    period = pd.PeriodIndex(pd.to_datetime(ev["_t"]), freq=freq, name="period")
    g = ev.assign(period=period).groupby("period")
    out = g[["cooperation", "tension", "goldstein"]].mean()
    out["n_events"] = g.size()
    full = pd.period_range(out.index.min(), out.index.max(), freq=freq, name="period")
    out = out.reindex(full)
    out["n_events"] = out["n_events"].fillna(0).astype("int64")
    return out[cols]
