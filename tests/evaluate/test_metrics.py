"""Metrics on small hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from relnlp.evaluate import metrics as m


def S(start: int, end: int, label: str = "X", **kw: object) -> dict[str, object]:
    return {"start": start, "end": end, "label": label, **kw}


def test_metrics_span_prf_strict_relaxed_and_labels() -> None:
    gold = [S(0, 6, "GPE"), S(10, 16, "PERSON"), S(20, 30, "ORG")]
    pred = [S(0, 6, "GPE"), S(10, 16, "ORG"), S(21, 30, "ORG"), S(40, 44, "GPE")]
    r = m.span_prf(pred, gold)
    assert (r.tp, r.n_pred, r.n_gold) == (1, 4, 3)
    assert r.precision == pytest.approx(0.25) and r.recall == pytest.approx(1 / 3)
    assert r.f1 == pytest.approx(2 / 7)
    assert m.span_prf(pred, gold, label=None).tp == 2  # spans only
    assert m.span_prf(pred, gold, relaxed=True).tp == 2  # GPE + overlapping ORG
    assert m.span_prf(pred, gold, label=None, relaxed=True).tp == 3
    assert m.span_prf(pred, gold, only_label="GPE").f1 == pytest.approx(2 / 3)


def test_metrics_relaxed_matching_is_one_to_one() -> None:
    gold = [S(0, 10)]
    pred = [S(0, 4), S(5, 10)]  # two fragments of one gold span ("March 5" and "15")
    r = m.span_prf(pred, gold, relaxed=True)
    assert (r.tp, r.n_pred, r.n_gold) == (1, 2, 1)


def test_metrics_value_scores() -> None:
    gold = [S(0, 10, value="2015-03-05/2015-03-15"), S(20, 25, value="2015")]
    pred = [S(0, 7, value="2015-03-05"), S(20, 25, value="2015"), S(30, 35, value="2016")]
    v = m.value_scores(pred, gold)
    assert v["matched"] == 2 and v["value_accuracy"] == 0.5
    assert v["value_f1"] == pytest.approx(2 * 1 / (3 + 2))


def test_metrics_multilabel_f1_and_macro() -> None:
    gold = [["ct"], ["ct", "geo"], [], ["geo"]]
    pred = [["ct"], ["geo"], ["ct"], []]
    f = m.multilabel_f1(pred, gold, ["ct", "geo"])
    assert f["ct"] == pytest.approx(0.5)  # tp 1, 2 predicted, 2 gold: 2*1/(2+2)
    assert f["geo"] == pytest.approx(2 / 3)  # tp 1, 1 predicted, 2 gold: 2*1/(1+2)
    assert f["macro"] == pytest.approx((0.5 + 2 / 3) / 2)


def test_metrics_rank_and_agreement() -> None:
    assert m.spearman([0.0, 0.2, 0.4, 0.9], [0, 1, 2, 3]) == pytest.approx(1.0)
    assert m.spearman([0.9, 0.4, 0.2, 0.0], [0, 1, 2, 3]) == pytest.approx(-1.0)
    assert m.spearman([0.0, 0.0, 0.0], [0, 1, 2]) is None
    assert m.bin_scores([0.0, 0.24, 0.25, 0.5, 0.74, 0.75, 1.0]) == [0, 0, 1, 2, 2, 3, 3]
    assert m.quadratic_kappa([0, 1, 2, 3], [0, 1, 2, 3]) == pytest.approx(1.0)
    # One step off on one item of four: quadratic weights penalise it lightly.
    k = m.quadratic_kappa([0, 1, 2, 3], [0, 1, 2, 2])
    assert 0.8 < k < 1.0
    assert m.quadratic_kappa([3, 2, 1, 0], [0, 1, 2, 3]) == pytest.approx(-1.0)


def test_date_spans_are_mapped_to_the_gold_convention_for_every_system() -> None:
    from relnlp.evaluate.scorecard import project_date_span

    text = "It ended at the end of April and in the summer."
    a = text.index("the end")
    assert project_date_span(text, a, a + len("the end of April")) == (a + 4, a + 16)
    b = text.index("summer")
    assert project_date_span(text, b, b + 6) == (b, b + 6)
    # A bare "the" is never emptied.
    t = text.index("the summer")
    assert project_date_span(text, t, t + 3) == (t, t + 3)
