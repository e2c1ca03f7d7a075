"""Scoring functions for the gold corpus (span P/R/F1, value accuracy, kappa, Spearman).

All span scores follow the conventions of CoNLL/TempEval: *strict* means identical start
and end (and label, where labels are scored); *relaxed* means the spans overlap (TempEval-3
"relaxed match"). Value F1 counts a prediction as correct when it overlaps a gold span and
carries the same TIMEX3 value (TempEval-3 "value F1").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PRF",
    "bin_scores",
    "match_relaxed",
    "multilabel_f1",
    "prf",
    "quadratic_kappa",
    "span_prf",
    "spearman",
    "value_scores",
]

Span = Mapping[str, Any]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (self.n_pred + self.n_gold) if self.n_pred + self.n_gold else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    """A :class:`PRF` from counts.

    Examples
    --------
    >>> round(prf(3, 4, 6).f1, 3)
    0.6
    """
    return PRF(tp, n_pred, n_gold)


def _overlaps(a: Span, b: Span) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def match_relaxed(pred: Sequence[Span], gold: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one overlap matching, greedy by overlap length (each span used once).

    Pairs are ``(pred index, gold index)``; a span overlaps another when their character
    ranges share at least one character.

    >>> match_relaxed([{"start": 0, "end": 5}, {"start": 2, "end": 12}],
    ...               [{"start": 3, "end": 10}, {"start": 20, "end": 22}])
    [(1, 0)]
    """
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _overlaps(p, g):
                ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
                cands.append((-ov, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def span_prf(
    pred: Sequence[Span],
    gold: Sequence[Span],
    *,
    label: str | None = "label",
    relaxed: bool = False,
    only_label: str | None = None,
) -> PRF:
    """Span P/R/F1.

    Parameters
    ----------
    pred, gold : sequences of mappings with ``start``, ``end`` (and ``label``)
    label : str or None
        Key of the label that must also match; ``None`` scores spans only.
    relaxed : bool
        Overlap instead of identical boundaries.
    only_label : str, optional
        Score only spans with this label (per-label rows).

    Examples
    --------
    >>> g = [{"start": 0, "end": 5, "label": "GPE"}, {"start": 10, "end": 14, "label": "ORG"}]
    >>> p = [{"start": 0, "end": 5, "label": "GPE"}, {"start": 10, "end": 13, "label": "ORG"}]
    >>> span_prf(p, g).f1, span_prf(p, g, relaxed=True).f1
    (0.5, 1.0)
    """
    if only_label is not None and label is not None:
        pred = [p for p in pred if p[label] == only_label]
        gold = [g for g in gold if g[label] == only_label]
    if relaxed:
        pairs = match_relaxed(pred, gold)
        tp = sum(1 for i, j in pairs if label is None or pred[i][label] == gold[j][label])
    else:

        def key(s: Span) -> tuple[Any, ...]:
            return (s["start"], s["end"]) + ((s[label],) if label else ())

        gold_keys = {key(g) for g in gold}
        tp = len({key(p) for p in pred} & gold_keys)
    return PRF(tp, len(pred), len(gold))


def value_scores(pred: Sequence[Span], gold: Sequence[Span]) -> dict[str, float]:
    """TIMEX3 value accuracy (on relaxed matches) and value F1 (TempEval-3).

    Examples
    --------
    >>> g = [{"start": 0, "end": 5, "value": "2015-03"}, {"start": 9, "end": 12, "value": "2014"}]
    >>> p = [{"start": 0, "end": 5, "value": "2015-03"}, {"start": 9, "end": 11, "value": "2013"}]
    >>> value_scores(p, g)
    {'value_accuracy': 0.5, 'value_f1': 0.5, 'matched': 2}
    """
    pairs = match_relaxed(pred, gold)
    correct = sum(1 for i, j in pairs if pred[i].get("value") == gold[j].get("value"))
    return {
        "value_accuracy": correct / len(pairs) if pairs else 0.0,
        "value_f1": PRF(correct, len(pred), len(gold)).f1,
        "matched": len(pairs),
    }


def multilabel_f1(
    pred: Sequence[Iterable[str]], gold: Sequence[Iterable[str]], labels: Sequence[str]
) -> dict[str, float]:
    """Per-label F1 over items, and their macro average (key ``"macro"``).

    Examples
    --------
    >>> multilabel_f1([["a"], [], ["a", "b"]], [["a"], ["b"], ["a"]], ["a", "b"])
    {'a': 1.0, 'b': 0.0, 'macro': 0.5}
    """
    out: dict[str, float] = {}
    for lab in labels:
        tp = sum(1 for p, g in zip(pred, gold) if lab in p and lab in g)
        n_p = sum(1 for p in pred if lab in p)
        n_g = sum(1 for g in gold if lab in g)
        out[lab] = PRF(tp, n_p, n_g).f1
    out["macro"] = sum(out[lab] for lab in labels) / len(labels) if labels else 0.0
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho; ``None`` when either side is constant (rho undefined).

    Examples
    --------
    >>> spearman([0.1, 0.5, 0.9], [0, 1, 3])
    1.0
    """
    from scipy.stats import spearmanr

    if len(set(x)) < 2 or len(set(y)) < 2:
        return None
    return float(spearmanr(x, y).statistic)


def bin_scores(scores: Sequence[float], *, levels: int = 4) -> list[int]:
    """Map scores in [0, 1] to the 0..levels-1 scale (equal-width bins).

    Examples
    --------
    >>> bin_scores([0.0, 0.2, 0.5, 0.99, 1.0])
    [0, 0, 2, 3, 3]
    """
    return [min(levels - 1, max(0, int(s * levels))) for s in scores]


def quadratic_kappa(a: Sequence[int], b: Sequence[int], *, levels: int = 4) -> float | None:
    """Cohen's kappa with quadratic weights; ``None`` when undefined.

    Examples
    --------
    >>> quadratic_kappa([0, 1, 2, 3], [0, 1, 2, 3])
    1.0
    """
    from sklearn.metrics import cohen_kappa_score

    if not a or (len(set(a)) < 2 and len(set(b)) < 2):
        return None
    return float(cohen_kappa_score(a, b, weights="quadratic", labels=list(range(levels))))
