"""Ninth session (issue 15): the passage summary features and the label-noise pruning of
the tone scripts, and the shipped sentence model against its own model card."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tc():
    return load_file("scripts/tone_common.py", "tone_common")


@pytest.fixture(scope="module")
def p9(tc):
    return load_file("scripts/tone_passages9.py", "tone_passages9")


def _noisy_three_classes(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """60 rows per class; class c fires columns 2c and 2c+1; six labels flipped."""
    y = np.repeat(np.arange(3), 60)
    x = rng.random((180, 6)) * 0.2
    for c in range(3):
        x[y == c, 2 * c : 2 * c + 2] += 1.0
    flipped = [3, 17, 70, 95, 130, 171]
    y = y.copy()
    for i in flipped:
        y[i] = (y[i] + 1) % 3
    return x, y, flipped


def test_confident_rows_drop_the_flipped_labels(tc):
    x, y, flipped = _noisy_three_classes(np.random.default_rng(0))
    kept = tc.confident_rows(x, y, {"prune": 5}, seed=1)
    dropped = sorted(set(range(len(y))) - set(kept.tolist()))
    assert set(flipped) <= set(dropped)
    assert len(dropped) <= 2 * len(flipped)  # the clean rows stay


def test_confident_rows_cap_drops_the_least_probable_first(tc):
    x, y, flipped = _noisy_three_classes(np.random.default_rng(0))
    kept = tc.confident_rows(x, y, {"prune": 5, "prune_max": 2 / 180}, seed=1)
    dropped = set(range(len(y))) - set(kept.tolist())
    assert len(dropped) == 2 and dropped <= set(flipped)


def test_average_fit_gives_probabilities(tc):
    x, y, _ = _noisy_three_classes(np.random.default_rng(2))
    p = tc.average_fit(x, y, {"nbw": 0.5})(x[:5])
    assert p.shape == (5, 3) and np.allclose(p.sum(1), 1.0)


def test_summary_features_of_a_written_passage(p9):
    # four sentences: two clear cooperation, one negated cooperation cue, one neutral
    pairs = {
        "cooperation": [(0.9, 0.8), (0.6, 0.2), (0.1, 0.0), (0.3, 0.6)],
        "tension": [(0.05, 0.0), (0.2, 0.0), (0.7, 0.5), (0.1, 0.0)],
    }
    classes = ["material_cooperation", "verbal_cooperation", "neutral", "verbal_conflict"]
    cues = [
        ['cooperation: "joint exercise" 0.80'],
        [],
        [],
        ['cooperation: "agreement" [negated] 0.60'],
    ]
    f = dict(zip(p9.SUMMARY, p9.summary_features(pairs, classes, cues, 0.25, "cooperation")))
    assert f["share_learned"] == 0.5 and f["share_rule"] == 0.5
    assert f["mean_learned"] == pytest.approx(0.475)
    assert f["class_share"] == 0.5 and f["material_class"] == 0.25
    assert f["negated_share"] == 0.25 and f["position"] == 0.25
    assert f["other_max_learned"] == 0.7
    assert f["top2"] == pytest.approx((0.85 + 0.45) / 2)
    t = dict(zip(p9.SUMMARY, p9.summary_features(pairs, classes, cues, 0.25, "tension")))
    assert t["class_share"] == 0.25 and t["negated_share"] == 0.0
    assert t["other_max_learned"] == 0.9


def test_summary_features_of_an_empty_passage(p9):
    f = p9.summary_features({"cooperation": [], "tension": []}, [], [], 0.0, "tension")
    assert f == [0.0] * len(p9.SUMMARY)


def _dev() -> Path | None:
    from relnlp.evaluate import sets

    return sets.default_data_dir()


@pytest.mark.skipif(
    _dev() is None or not (_dev() / "tone" / "news_cameo_train.tsv").is_file(),  # type: ignore[operator]
    reason="../shared/dev/tone is absent (development data lives beside the repository)",
)
def test_shipped_model_reproduces_its_card_on_heldout_news():
    """The pipeline, scoring the held-out news rows the card names, gives the AUC the
    card (meta.json, written by scripts/train_tone.py) reports for the shipped model."""
    from relnlp.evaluate import sets

    meta = json.loads((ROOT / "models" / "tone-v1" / "meta.json").read_text())
    card = meta["figures"][f"{meta['system']}|heldout:news"]["auc"]
    df = sets.run_set("tone-news", _dev(), baselines=False)
    held = df[(df["split"] == "heldout") & (df["metric"] == "auc")].set_index("system")
    assert held.loc["relnlp", "value"] == pytest.approx(card, abs=0.01)


def test_stacked_fit_learns_from_out_of_fold_probabilities(tc):
    x, y, flipped = _noisy_three_classes(np.random.default_rng(3))
    clean = np.repeat(np.arange(3), 60)
    extra = np.zeros((len(y), 1))
    model = tc.stacked_fit(x, y, extra, {"stack": 5}, seed=1)
    p = model(x, extra)
    assert p.shape == (180, 3) and np.allclose(p.sum(1), 1.0)
    # the flipped rows are predicted as what their features say, not as their label
    assert (p.argmax(1)[flipped] == clean[flipped]).all()
    # an extra column that marks class 2 is read by the second level: a row without
    # any first-level evidence goes to class 2 when it is set, not otherwise
    informative = (clean == 2).astype(float)[:, None] * 5
    model = tc.stacked_fit(x, clean, informative, {"stack": 5}, seed=1)
    blank = np.zeros((1, x.shape[1]))
    assert model(blank, np.array([[5.0]])).argmax() == 2
    assert model(blank, np.array([[0.0]])).argmax() != 2


def test_within_report_centres_each_report_on_its_own(p9):
    x = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 0.0], [5.0, 2.0]])
    docs = np.array(["a", "a", "b", "b"])
    out = p9.within_report(x, docs)
    assert out.tolist() == [[-1.0, -10.0], [1.0, 10.0], [0.0, -1.0], [0.0, 1.0]]
    assert x[0, 0] == 1.0  # the input is not changed


# --- the cooperation ridge reads the passage features relative to their report -------

REPORT = (
    "Chile and Bolivia opened a joint customs post and agreed to share river data.\n\n"
    "The ministry printed a new map of the coastal roads.\n\n"
    "Farmers in the valley planted barley after the late frost."
)


def test_centred_keeps_the_raw_columns_and_centres_their_copies():
    from relnlp.tone.passage_features import CENTRED, FEATURES, centred

    x = np.arange(30, dtype=float).reshape(3, 10)
    out = centred(x)
    assert out.shape == (3, 20) and len(CENTRED) == len(FEATURES) == 10
    assert (out[:, :10] == x).all()
    assert np.allclose(out[:, 10:].mean(0), 0.0) and out[0, 10] == -10.0
    assert centred(np.zeros((0, 10))).shape == (0, 20)


def test_a_centred_ridge_scores_a_passage_against_its_own_report(nlp):
    from relnlp.tone import aggregate as agg
    from relnlp.tone.passage_features import CENTRED, FEATURES, Ridge, centred, passage_features

    cols = FEATURES + CENTRED
    n = len(cols)
    # reads only the dyad feature relative to the report: the passage naming two states
    # scores above the report's mean, the others below it
    w = [1.0 if f == "dyad-report" else 0.0 for f in cols]
    ridge = Ridge([0.0] * n, [1.0] * n, w, 0.5, 1.0, 0.0, 0.25, cols)
    back = Ridge.from_dict(ridge.to_dict())
    assert back.features == cols and back.inputs(np.zeros((2, 10))).shape == (2, 20)
    with pytest.raises(ValueError):
        Ridge.from_dict(ridge.to_dict() | {"features": list(CENTRED)})
    r = nlp.analyze(REPORT, doc_date="2021-05-01")
    params = {
        "cooperation": {"mix": 0.5, "top": 0.7, "ridge": ridge.to_dict()},
        "tension": {"mix": 0.5, "top": 0.7},
    }
    scored = agg._scores_with(r, params)
    dyad = passage_features(r, agg._passage_groups(r))["cooperation"][:, FEATURES.index("dyad")]
    assert dyad.tolist() == [1.0, 0.0, 0.0]
    mean = dyad.mean()
    assert [p.cooperation for p in scored] == pytest.approx(
        [0.25 * (d - mean + 0.5) for d in dyad], abs=1e-4
    )
    assert centred(dyad[:, None]).shape == (3, 2)


def test_the_shipped_passage_model_reads_centred_features_on_cooperation_only():
    from relnlp.tone.aggregate import packaged_passage_model
    from relnlp.tone.passage_features import CENTRED, FEATURES

    model = packaged_passage_model()
    assert model is not None
    assert tuple(model.params["cooperation"]["ridge"]["features"]) == FEATURES + CENTRED
    assert "ridge" not in model.params["tension"]
    # every fold was fitted the same way, without its report
    assert all(
        tuple(f["cooperation"]["ridge"]["features"]) == FEATURES + CENTRED
        for f in model.folds.values()
    )
