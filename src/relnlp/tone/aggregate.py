"""Passage and report scores, dated events and dyad timelines from sentence tone.

Aggregation (documented in the README). Every sentence has a score on each axis (the
``sentences`` table's ``cooperation`` and ``tension``: the learned model's probability of
a cooperation or a conflict class, :mod:`relnlp.tone.model`); passages and reports are
built from them alone:

* **passage** score on each axis: ``top * max(s) + (1 - top) * (1 - prod(1 - 0.6 * s))``
  over its sentences' strengths ``s`` (the sentences that overlap it: one that runs
  over a passage break counts in each passage it covers): the strongest sentence,
  lifted by how many others agree (the 0-3 scales rate how strongly a passage states
  cooperation or tension, not how often). A sentence's strength mixes its learned score (whether it reports
  cooperation or conflict at all) with its rules' score (``rule_cooperation`` /
  ``rule_tension``: how strongly its cues state it, on the 0-3 scale of the annotation
  guidelines): ``s = mix * learned + (1 - mix) * rule``. ``mix`` and ``top`` per axis
  come from ``models/tone-v1/passage_model.json`` (:class:`PassageModel`), fitted by
  ``scripts/train_passages.py`` to the gold passages of the annotated reports with leave
  one document out; it also keeps, for each of those reports, the parameters fitted
  without it, so evaluation never scores a report with parameters fitted to it
  (:func:`held_out_passage_scores`). Without that file, or with sentence scores of
  another model, ``mix = 0.5`` and ``top = 0.7`` (the rule before fitting). On an axis
  where the file holds a ``ridge`` (format version 2; cooperation in the shipped file),
  the passage score is instead a ridge regression on passage features
  (:mod:`relnlp.tone.passage_features`: the rule's score, the strongest sentence, the
  share of sentences with cues, the passage's events, two or more states named, hedged
  cues, length; in the shipped cooperation ridge also each of them relative to its
  mean over the report's passages, ninth session) mapped to [0, 1];
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

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from relnlp import records
from relnlp.records import SentenceTone
from relnlp.tone.passage_features import DAMP, Ridge, _pair, combine, passage_features

# ``combine`` and ``_pair`` live in relnlp.tone.passage_features (its features use them);
# they are part of this module's interface too.

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = [
    "DAMP",
    "DEFAULT_PARAMS",
    "PassageModel",
    "combine",
    "PassageTone",
    "held_out_passage_scores",
    "passage_scores",
    "report_scores",
    "sentence_tones",
]

AXES = ("cooperation", "tension")
#: The aggregation's parameters per axis before any fitting.
DEFAULT_PARAMS: dict[str, dict[str, float]] = {a: {"mix": 0.5, "top": 0.7} for a in AXES}
PASSAGE_FILE = "passage_model.json"


@dataclass
class PassageModel:
    """Fitted passage aggregation: ``params[axis] = {"mix": ..., "top": ...}``, with
    ``"ridge"`` (a :class:`relnlp.tone.passage_features.Ridge` as a dict) when the
    passage features' regression is adopted on that axis (format version 2);
    ``folds[doc_id]`` the same fitted without that report; ``info`` the card's figures."""

    params: dict[str, dict[str, Any]]
    folds: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": "relnlp-tone-passages",
                "format_version": 2 if _has_ridge(self.params) else 1,
                "params": self.params,
                "folds": self.folds,
                "info": self.info,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> PassageModel:
        data = json.loads(text)
        if data.get("format") != "relnlp-tone-passages" or data.get("format_version") not in (
            1,
            2,
        ):
            raise ValueError("not a relnlp passage model of format version 1 or 2")
        return cls(data["params"], data.get("folds", {}), data.get("info", {}))


@lru_cache(maxsize=1)
def packaged_passage_model() -> PassageModel | None:
    """The passage model beside the packaged sentence model (``None`` without one).

    Raises
    ------
    relnlp.errors.ResourceError
        E109 when the file exists but is not a passage model of this version.
    """
    from relnlp.errors import Errors, ResourceError
    from relnlp.tone.model import packaged_dir

    try:
        f = packaged_dir() / PASSAGE_FILE
    except ResourceError:
        return None
    if not f.is_file():
        return None
    try:
        return PassageModel.from_json(f.read_text("utf-8"))
    except (ValueError, KeyError) as exc:
        raise ResourceError(Errors.E109.format(path=str(f), problem=str(exc)), name=str(f)) from exc


def _has_ridge(params: dict[str, dict[str, Any]]) -> bool:
    return any("ridge" in p for p in params.values())


class PassageTone(NamedTuple):
    """A passage's scores (see the module docstring) and the cues of its sentences."""

    cooperation: float
    tension: float
    cues: list[str]


def sentence_tones(report: Report) -> list[SentenceTone]:
    """The sentence scores stored on the report's Doc (empty when tone is off)."""
    return records.sentence_tones(report.doc) or []


def _passage_groups(report: Report) -> list[list[SentenceTone]]:
    """The sentences of each passage: every sentence that overlaps it. A sentence that
    runs over a passage break (spaCy reads a list whose items are lines, or a heading and
    its paragraph, as one sentence) belongs to each passage it overlaps, so no passage
    is left without the sentence that holds its text."""
    spans = records.passages(report.doc)
    tones = sentence_tones(report)
    starts = [p.start for p in spans]
    groups: list[list[SentenceTone]] = [[] for _ in spans]
    for st in tones:
        i = max(0, int(np.searchsorted(starts, st.start, side="right")) - 1)
        while i < len(spans) and spans[i].start < max(st.end, st.start + 1):
            if st.start < spans[i].end:
                groups[i].append(st)
            i += 1
    return groups


def _params(report: Report) -> dict[str, dict[str, Any]]:
    """The packaged fitted parameters when the Doc's sentence scores come from the
    packaged sentence model (they were fitted on its scores), else the defaults."""
    if records.tone_model(report.doc) == "packaged":
        model = packaged_passage_model()
        if model is not None:
            return model.params
    return DEFAULT_PARAMS


def _scores_with(report: Report, params: dict[str, dict[str, Any]]) -> list[PassageTone]:
    n = len(report.document.passages)
    if records.sentence_tones(report.doc) is None:
        return [PassageTone(0.0, 0.0, [])] * n
    groups = _passage_groups(report)
    if len(groups) != n:
        return [PassageTone(0.0, 0.0, [])] * n
    fitted: dict[str, list[float]] = {}
    if _has_ridge(params) and n:
        feats = passage_features(report, groups)
        for axis in AXES:
            if "ridge" in params[axis]:
                ridge = Ridge.from_dict(params[axis]["ridge"])
                x = ridge.inputs(feats[axis])
                fitted[axis] = [round(float(v), 4) for v in ridge.score(x)]
    return [
        PassageTone(
            cooperation=fitted["cooperation"][i]
            if "cooperation" in fitted
            else _strength(g, "cooperation", params),
            tension=fitted["tension"][i]
            if "tension" in fitted
            else _strength(g, "tension", params),
            cues=[c for s in g for c in s.cues],
        )
        for i, g in enumerate(groups)
    ]


def passage_scores(report: Report) -> list[PassageTone]:
    """The tone of each passage of ``report.document``."""
    return _scores_with(report, _params(report))


def held_out_passage_scores(report: Report, doc_id: str) -> list[PassageTone] | None:
    """Passage scores with the parameters fitted without report ``doc_id`` (``None``
    when the packaged passage model was not fitted on it, or the Doc's sentence scores
    are not the packaged model's: then the shipped scores are already held out)."""
    model = packaged_passage_model()
    if records.tone_model(report.doc) != "packaged" or model is None:
        return None
    if doc_id not in model.folds:
        return None
    return _scores_with(report, model.folds[doc_id])


def _strength(group: Sequence[SentenceTone], axis: str, params: dict[str, dict[str, Any]]) -> float:
    """A passage's score on ``axis`` from its sentences (see the module doc)."""
    p = params[axis]
    return combine([_pair(s, axis) for s in group], p["mix"], p["top"])


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


def report_scores(
    report: Report, passages: list[PassageTone] | None = None
) -> tuple[float, float, float]:
    """(cooperation, tension, goldstein) of the whole report.

    ``passages``: its :func:`passage_scores`, when the caller has them already.
    """
    ps = passage_scores(report) if passages is None else passages
    lengths = [p.end - p.start for p in report.document.passages]
    total = sum(lengths)
    if not ps or not total:
        # No passage (a one-line text read as a title, a list of headings): the
        # report's sentences form its only passage, so every text gets a score.
        tones = sentence_tones(report)
        if not tones:
            return 0.0, 0.0, 0.0
        params = _params(report)
        return (
            _strength(tones, "cooperation", params),
            _strength(tones, "tension", params),
            _goldstein(tones),
        )
    coop = sum(p.cooperation * n for p, n in zip(ps, lengths)) / total
    tens = sum(p.tension * n for p, n in zip(ps, lengths)) / total
    return round(coop, 4), round(tens, 4), _goldstein(sentence_tones(report))
