"""Passage features for the fitted passage scores (fifth session, issue 15).

A passage's features on one axis, all computed from what relnlp already extracts and
meaningful in any report (no word of any annotated report):

* ``rule``: the unfitted passage score (``mix`` 0.5, ``top`` 0.7 over the sentences
  overlapping the passage, :func:`relnlp.tone.aggregate.combine`);
* ``max_learned`` / ``max_rule``: the strongest sentence's learned and rule score;
* ``cue_share``: the share of the passage's sentences with a cue on the axis;
* ``events``: log(1 + number of the passage's events of the axis' quad classes; the
  event extractor codes no negated or hypothetical act); ``material``: the share of
  them that are material; ``goldstein``: their strongest absolute Goldstein-like value / 10;
* ``dyad``: 1 when the passage names two or more distinct states;
* ``hedged``: the share of the axis' cues marked hedged or reported;
* ``length``: log(number of sentences).

Ninth session: a ridge may also read each feature relative to its report
(:func:`centred`: minus its mean over the report's passages, :data:`CENTRED`), beside
the raw features, so that a report's level and a passage's place within it get their
own weights (the cooperation regression shipped).

:class:`Ridge` holds a ridge regression on these features (standardised) that predicts
the 0-3 gold scale; :meth:`Ridge.score` maps it linearly onto the scale of the unfitted
rule's score (the line fitted from prediction to ``rule`` on the training passages, no
gold), so that a fitted axis stays comparable with an unfitted one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from relnlp.records import SentenceTone
    from relnlp.report import Report

__all__ = [
    "AXIS_CLASSES",
    "CENTRED",
    "CONTRAST",
    "DAMP",
    "EXTRA_FEATURES",
    "FEATURES",
    "Ridge",
    "centred",
    "combine",
    "extra_features",
    "passage_features",
]

#: How much each further sentence lifts a passage in the noisy-or of the passage score.
DAMP = 0.6

FEATURES = (
    "rule",
    "max_learned",
    "max_rule",
    "cue_share",
    "events",
    "material",
    "goldstein",
    "dyad",
    "hedged",
    "length",
)
#: The features relative to their report (ninth session, :func:`centred`).
CENTRED = tuple(f"{f}-report" for f in FEATURES)
#: Further candidate features (sixth session, :func:`extra_features`), all meaningful in
#: any report:
#:
#: * ``other_events``: log(1 + number of the passage's events of the *other* axis);
#: * ``event_share``: the share of the passage's sentences holding an event of the axis;
#: * ``worst``: the most hostile event of the passage, ``-min(goldstein, 0) / 10``
#:   (the same on both axes);
#: * ``contrast``: the share of the sentences with a cue on the axis that hold a
#:   contrast or concession marker (:data:`CONTRAST`: "but", "however", "despite" ...);
#: * ``heading``: the strongest weight of a one-word cue of the axis among the words of
#:   the passage's section heading (its lexicon cues, plural ``-s`` folded).
EXTRA_FEATURES = ("other_events", "event_share", "worst", "contrast", "heading")
#: Contrast and concession markers (one word or two).
CONTRAST = frozenset(
    {
        "but",
        "however",
        "despite",
        "although",
        "though",
        "yet",
        "nevertheless",
        "nonetheless",
        "whereas",
        "notwithstanding",
        "in spite",
        "even as",
        "even so",
    }
)
#: The quad classes that count for each axis.
AXIS_CLASSES = {
    "cooperation": ("verbal_cooperation", "material_cooperation"),
    "tension": ("verbal_conflict", "material_conflict"),
}


def _combine(scores: Sequence[float], top: float = 0.7) -> float:
    if not scores:
        return 0.0
    keep = math.prod(1 - DAMP * s for s in scores)
    return round(top * max(scores) + (1 - top) * (1 - keep), 4)


def combine(tones: Sequence[tuple[float, float]], mix: float, top: float) -> float:
    """A passage's score on one axis from its sentences' (learned, rule) scores:
    ``top * max(s) + (1 - top) * (1 - prod(1 - DAMP * s))`` with
    ``s = mix * learned + (1 - mix) * rule``.

    Parameters
    ----------
    tones : sequence of (float, float)
        The (learned, rule) scores of the passage's sentences on one axis.
    mix, top : float
        The weight of the learned score, and of the strongest sentence.

    Returns
    -------
    float
        The passage score in [0, 1] (0 without sentences), rounded to 4 digits.
    """
    return _combine([mix * a + (1 - mix) * b for a, b in tones], top)


def _pair(st: SentenceTone, axis: str) -> tuple[float, float]:
    if axis == "cooperation":
        return st.cooperation, st.rule_cooperation
    return st.tension, st.rule_tension


def _axis_features(
    group: Sequence[SentenceTone],
    axis: str,
    types: Sequence[str],
    goldstein: Sequence[float],
    n_states: int,
) -> list[float]:
    pairs = [_pair(t, axis) for t in group]
    cues = [c for t in group for c in t.cues if c.startswith(axis)]
    n = max(1, len(group))
    quads = AXIS_CLASSES[axis]
    acts = [(t, g) for t, g in zip(types, goldstein) if t in quads]
    strongest = [abs(g) for _, g in acts if not math.isnan(g)]
    return [
        combine(pairs, 0.5, 0.7),
        max((x for x, _ in pairs), default=0.0),
        max((y for _, y in pairs), default=0.0),
        sum(any(c.startswith(axis) for c in t.cues) for t in group) / n,
        math.log1p(len(acts)),
        sum(t.startswith("material") for t, _ in acts) / len(acts) if acts else 0.0,
        max(strongest, default=0.0) / 10,
        float(n_states >= 2),
        sum("hedged" in c or "reported" in c for c in cues) / len(cues) if cues else 0.0,
        math.log(n),
    ]


def passage_features(
    report: Report, groups: Sequence[Sequence[SentenceTone]]
) -> dict[str, np.ndarray]:
    """The features (:data:`FEATURES`) of each passage, an array per axis.

    Parameters
    ----------
    report : Report
        The analysed report (its ``events`` and ``entities`` tables are read).
    groups : sequence of sequences of SentenceTone
        The sentences of each passage (:func:`relnlp.tone.aggregate._passage_groups`).

    Returns
    -------
    dict of str to numpy.ndarray
        ``{axis: array of shape (n_passages, len(FEATURES))}``.
    """
    n = len(groups)
    types: list[list[str]] = [[] for _ in range(n)]
    gold: list[list[float]] = [[] for _ in range(n)]
    states: list[set[str]] = [set() for _ in range(n)]
    ev = report.events
    if len(ev):
        for pid, t, g in zip(ev["passage_id"], ev["type"], ev["goldstein"]):
            if pid is None or pid != pid or not isinstance(t, str):
                continue
            if 0 <= int(pid) < n:
                types[int(pid)].append(t)
                gold[int(pid)].append(float(g) if g is not None else math.nan)
    ents = report.entities
    if len(ents):
        for pid, c in zip(ents["passage_id"], ents["country"]):
            if pid is None or pid != pid or not (isinstance(c, str) and c):
                continue
            if 0 <= int(pid) < n:
                states[int(pid)].add(c)
    out: dict[str, np.ndarray] = {}
    for axis in AXIS_CLASSES:
        rows = [
            _axis_features(groups[i], axis, types[i], gold[i], len(states[i])) for i in range(n)
        ]
        out[axis] = np.array(rows, dtype=float).reshape(n, len(FEATURES))
    return out


def _has_contrast(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in CONTRAST for w in words) or any(
        f"{a} {b}" in CONTRAST for a, b in zip(words, words[1:])
    )


def _heading_weight(heading: str, axis: str, cues: dict[str, dict[str, float]]) -> float:
    best = 0.0
    for w in re.findall(r"[a-z]+", heading.lower()):
        for form in (w, w[:-1] if w.endswith("s") else w):
            best = max(best, cues[axis].get(form, 0.0))
    return best


def _one_word_cues() -> dict[str, dict[str, float]]:
    from relnlp.tone.lexicon import load_lexicon

    out: dict[str, dict[str, float]] = {"cooperation": {}, "tension": {}}
    for cues in load_lexicon().by_first.values():
        for c in cues:
            if len(c.lemmas) == 1 and c.axis in out:
                out[c.axis][c.lemmas[0]] = max(out[c.axis].get(c.lemmas[0], 0.0), c.weight)
    return out


def extra_features(
    report: Report, groups: Sequence[Sequence[SentenceTone]]
) -> dict[str, np.ndarray]:
    """The candidate features :data:`EXTRA_FEATURES` of each passage, an array per axis.

    Parameters
    ----------
    report : Report
        The analysed report (its ``events`` and ``passages`` tables are read).
    groups : sequence of sequences of SentenceTone
        The sentences of each passage.

    Returns
    -------
    dict of str to numpy.ndarray
        ``{axis: array of shape (n_passages, len(EXTRA_FEATURES))}``.
    """
    n = len(groups)
    evs: list[list[tuple[str, float, int]]] = [[] for _ in range(n)]
    ev = report.events
    if len(ev):
        for pid, t, g, a in zip(ev["passage_id"], ev["type"], ev["goldstein"], ev["start"]):
            if pid is None or pid != pid or not isinstance(t, str) or not 0 <= int(pid) < n:
                continue
            evs[int(pid)].append((t, float(g) if g is not None else math.nan, int(a)))
    pas = report.passages
    headings = [str(s) if isinstance(s, str) else "" for s in pas["section"]] if len(pas) else []
    headings += [""] * (n - len(headings))
    text = report.doc.text
    cues = _one_word_cues()
    out: dict[str, np.ndarray] = {}
    for axis, quads in AXIS_CLASSES.items():
        other = AXIS_CLASSES["tension" if axis == "cooperation" else "cooperation"]
        rows = []
        for i in range(n):
            group = groups[i]
            m = max(1, len(group))
            mine = [e for e in evs[i] if e[0] in quads]
            cued = [t for t in group if any(c.startswith(axis) for c in t.cues)]
            gs = [g for _t, g, _a in evs[i] if not math.isnan(g)]
            rows.append(
                [
                    math.log1p(sum(e[0] in other for e in evs[i])),
                    min(1.0, len({a for _t, _g, a in mine}) / m),
                    -min(min(gs, default=0.0), 0.0) / 10,
                    sum(_has_contrast(text[t.start : t.end]) for t in cued) / len(cued)
                    if cued
                    else 0.0,
                    _heading_weight(headings[i], axis, cues),
                ]
            )
        out[axis] = np.array(rows, dtype=float).reshape(n, len(EXTRA_FEATURES))
    return out


def centred(x: np.ndarray) -> np.ndarray:
    """``x`` (one report's passages, :data:`FEATURES` columns) followed by each column
    minus its mean over the rows (:data:`CENTRED`)."""
    x = np.asarray(x, dtype=float)
    mid = x - x.mean(axis=0) if len(x) else x
    return np.hstack([x, mid])


@dataclass
class Ridge:
    """A ridge regression on standardised passage features (one axis)."""

    mean: list[float]
    scale: list[float]
    weights: list[float]
    offset: float
    penalty: float
    #: ``score = clip(intercept + slope x predict)``: the least-squares line from the
    #: prediction to the unfitted rule's score (feature ``rule``) on the training
    #: passages, so that the fitted axis keeps the rule's scale and stays comparable with
    #: the other axis (fitted without the gold).
    intercept: float = 0.0
    slope: float = 0.25
    #: The columns read: :data:`FEATURES`, or :data:`FEATURES` then :data:`CENTRED`.
    features: tuple[str, ...] = FEATURES

    def inputs(self, x: np.ndarray) -> np.ndarray:
        """The columns this ridge reads from one report's :data:`FEATURES` rows."""
        return centred(x) if self.features == FEATURES + CENTRED else np.asarray(x)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The predicted 0-3 gold scale of each row of ``x``."""
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        return np.asarray(z @ np.asarray(self.weights) + self.offset, dtype=float)

    def score(self, x: np.ndarray) -> np.ndarray:
        """The prediction on the unfitted rule's [0, 1] scale:
        ``intercept + slope x predicted``, clipped to [0, 1]."""
        return np.clip(self.intercept + self.slope * self.predict(x), 0.0, 1.0)

    @classmethod
    def fit(
        cls, x: np.ndarray, y: np.ndarray, penalty: float, features: tuple[str, ...] = FEATURES
    ) -> Ridge:
        """Fit on ``x`` (columns ``features``: :data:`FEATURES`, or with :data:`CENTRED`
        after them, each report centred on its own) and gold ``y`` (0-3) with an L2
        ``penalty``."""
        mean = x.mean(0)
        scale = x.std(0)
        scale[scale == 0] = 1.0
        z = (x - mean) / scale
        w = np.linalg.solve(z.T @ z + penalty * np.eye(z.shape[1]), z.T @ (y - y.mean()))
        pred = z @ w + y.mean()
        slope, intercept = np.polyfit(pred, x[:, FEATURES.index("rule")], 1)
        return cls(
            [float(v) for v in mean],
            [float(v) for v in scale],
            [float(v) for v in w],
            float(y.mean()),
            float(penalty),
            float(intercept),
            float(slope),
            tuple(features),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (with the feature names)."""
        return {
            "features": list(self.features),
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "offset": self.offset,
            "penalty": self.penalty,
            "intercept": self.intercept,
            "slope": self.slope,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ridge:
        """Read :meth:`to_dict`'s output.

        Raises
        ------
        ValueError
            When the features are neither :data:`FEATURES` nor :data:`FEATURES` then
            :data:`CENTRED`.
        """
        features = tuple(data.get("features", []))
        if features not in (FEATURES, FEATURES + CENTRED):
            raise ValueError("passage ridge over other features than relnlp's")
        return cls(
            [float(v) for v in data["mean"]],
            [float(v) for v in data["scale"]],
            [float(v) for v in data["weights"]],
            float(data["offset"]),
            float(data.get("penalty", 0.0)),
            float(data.get("intercept", 0.0)),
            float(data.get("slope", 0.25)),
            features,
        )
