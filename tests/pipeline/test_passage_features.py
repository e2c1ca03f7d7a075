"""Passage features and their ridge regression (relnlp.tone.passage_features, issue 15)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from relnlp.tone import aggregate as agg
from relnlp.tone.passage_features import FEATURES, Ridge, passage_features

TEXT = (
    "Peru and Ecuador signed a border treaty and agreed to demine the valley.\n\n"
    "Analysts said the junta might expel the observers. Rain fell all week in the hills.\n\n"
    "The museum reopened on Tuesday after the floods."
)


def _col(name: str) -> int:
    return FEATURES.index(name)


def test_features_of_passages(nlp: Any) -> None:
    r = nlp.analyze(TEXT, doc_date="2020-01-01")
    groups = agg._passage_groups(r)
    feats = passage_features(r, groups)
    assert set(feats) == {"cooperation", "tension"}
    coop, tens = feats["cooperation"], feats["tension"]
    assert coop.shape == (len(r.passages), len(FEATURES)) == tens.shape
    # two states named in the first passage, none in the last
    assert coop[0, _col("dyad")] == 1.0 and coop[2, _col("dyad")] == 0.0
    # the first passage's cooperation events are counted on cooperation only
    assert coop[0, _col("events")] > 0 and tens[0, _col("events")] == 0
    assert coop[0, _col("goldstein")] > 0
    # the first passage's `rule` feature is the unfitted aggregation of its sentences
    pairs = [agg._pair(t, "cooperation") for t in groups[0]]
    assert coop[0, _col("rule")] == agg.combine(pairs, 0.5, 0.7)
    # the reported, hedged threat is tension with a hedged share of 1; half the
    # sentences of that passage carry a tension cue; two sentences: log 2
    assert tens[1, _col("hedged")] == 1.0
    assert tens[1, _col("cue_share")] == 0.5
    assert tens[1, _col("length")] == pytest.approx(np.log(2))
    # a passage without cue or event
    assert coop[2, _col("cue_share")] == 0 and coop[2, _col("events")] == 0


def test_ridge_fits_round_trips_and_maps_to_the_bins() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, len(FEATURES)))
    y = np.clip(np.round(1.5 + x[:, 0] - 0.5 * x[:, 4]), 0, 3)
    ridge = Ridge.fit(x, y, 1.0)
    assert ridge.weights[0] > 0 > ridge.weights[4]
    back = Ridge.from_dict(ridge.to_dict())
    assert np.allclose(back.predict(x), ridge.predict(x))
    s = ridge.score(x)
    assert s.min() >= 0 and s.max() <= 1
    # the score is the prediction on the rule feature's scale: ranks kept, least squares
    pred = ridge.predict(x)
    inside = (s > 0) & (s < 1)
    assert np.all(np.diff(s[np.argsort(pred)]) >= 0)
    assert ridge.slope > 0
    line = np.polyfit(pred, x[:, 0], 1)
    assert np.allclose([ridge.slope, ridge.intercept], line)
    assert np.allclose(s[inside], ridge.intercept + ridge.slope * pred[inside])
    bad = ridge.to_dict() | {"features": ["rule"]}
    with pytest.raises(ValueError):
        Ridge.from_dict(bad)


def test_passage_model_with_ridge_is_version_2_and_scores_with_it(nlp: Any) -> None:
    r = nlp.analyze(TEXT, doc_date="2020-01-01")
    n = len(FEATURES)
    # a ridge that reads only the dyad feature: the passage naming two states ranks first
    dyad = Ridge(
        [0.0] * n, [1.0] * n, [1.0 if f == "dyad" else 0.0 for f in FEATURES], 0.5, 1.0, 0.0, 0.25
    )
    params: dict[str, dict[str, Any]] = {
        "cooperation": {"mix": 0.5, "top": 0.7, "ridge": dyad.to_dict()},
        "tension": {"mix": 0.5, "top": 0.7},
    }
    model = agg.PassageModel(params, {"a-report": params})
    text = model.to_json()
    assert '"format_version": 2' in text
    assert agg.PassageModel.from_json(text).params == params
    unfitted = agg.PassageModel({a: {"mix": 0.5, "top": 0.7} for a in agg.AXES})
    assert '"format_version": 1' in unfitted.to_json()
    with pytest.raises(ValueError):
        agg.PassageModel.from_json(text.replace('"format_version": 2', '"format_version": 3'))
    scored = agg._scores_with(r, params)
    plain = agg._scores_with(r, unfitted.params)
    assert scored[0].cooperation == 0.25 * (1.0 + 0.5)
    assert scored[2].cooperation == 0.25 * (0.0 + 0.5)
    # the axis without a ridge keeps the unfitted aggregation
    assert [p.tension for p in scored] == [p.tension for p in plain]
