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

Events (who did what to whom) are extracted in :mod:`relnlp.events`; timelines are built
in :mod:`relnlp.timelines`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from relnlp import records
from relnlp.records import SentenceTone

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["PassageTone", "passage_scores", "report_scores", "sentence_tones"]

DAMP = 0.6


class PassageTone(NamedTuple):
    """A passage's scores (see the module docstring) and the cues of its sentences."""

    cooperation: float
    tension: float
    cues: list[str]


def sentence_tones(report: Report) -> list[SentenceTone]:
    """The sentence scores stored on the report's Doc (empty when tone is off)."""
    return records.sentence_tones(report.doc) or []


def _combine(scores: Sequence[float]) -> float:
    if not scores:
        return 0.0
    keep = math.prod(1 - DAMP * s for s in scores)
    return round(0.7 * max(scores) + 0.3 * (1 - keep), 4)


def _passage_groups(report: Report) -> list[list[SentenceTone]]:
    spans = records.passages(report.doc)
    tones = sentence_tones(report)
    starts = [p.start for p in spans]
    groups: list[list[SentenceTone]] = [[] for _ in spans]
    for st in tones:
        i = int(np.searchsorted(starts, st.start, side="right")) - 1
        if 0 <= i < len(spans) and st.start < spans[i].end:
            groups[i].append(st)
    return groups


def passage_scores(report: Report) -> list[PassageTone]:
    """The tone of each passage of ``report.document``."""
    n = len(report.document.passages)
    if records.sentence_tones(report.doc) is None:
        return [PassageTone(0.0, 0.0, [])] * n
    groups = _passage_groups(report)
    if len(groups) != n:
        return [PassageTone(0.0, 0.0, [])] * n
    return [
        PassageTone(cooperation=_combine([_strength(s, "cooperation") for s in g]),
                    tension=_combine([_strength(s, "tension") for s in g]),
                    cues=[c for s in g for c in s.cues])
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
    coop = sum(p.cooperation * n for p, n in zip(ps, lengths)) / total
    tens = sum(p.tension * n for p, n in zip(ps, lengths)) / total
    return round(coop, 4), round(tens, 4), _goldstein(sentence_tones(report))
