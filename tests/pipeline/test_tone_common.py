"""The leave-one-document-out helpers shared by the tone scripts (scripts/tone_common.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tc():
    return load_file("scripts/tone_common.py", "tone_common")


DOCS = np.array(["a"] * 4 + ["b"] * 4 + ["c"] * 4)
NAMES = ["a", "b", "c"]


def test_rho_of_a_constant_is_zero(tc):
    assert tc.rho([1, 1, 1], [1, 2, 3]) == 0.0
    assert tc.rho([1, 2, 3], [2, 4, 9]) == pytest.approx(1.0)


def test_lodo_never_trains_on_the_report_it_scores(tc):
    seen = []

    def fit_predict(tr, te):
        seen.append((set(DOCS[tr]), set(DOCS[te])))
        return np.full(int(te.sum()), float(tr.sum()))

    held = tc.lodo(DOCS, NAMES, fit_predict)
    assert seen == [({"b", "c"}, {"a"}), ({"a", "c"}, {"b"}), ({"a", "b"}, {"c"})]
    assert held.tolist() == [8.0] * 12
    # ``within`` narrows the training reports
    seen.clear()
    tc.lodo(DOCS, ["a"], fit_predict, within=DOCS != "c")
    assert seen == [({"b"}, {"a"})]


def test_grid_fit_chooses_on_the_training_reports_only(tc):
    y = np.array([0, 1, 2, 3] * 3, dtype=float)
    # setting "up" ranks a and b right and c backwards; "down" the reverse
    up = np.array([0, 1, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0], dtype=float)
    scores = {"up": up, "down": -up}
    held, chosen = tc.grid_lodo(lambda c: scores[c], ["down", "up"], y, DOCS, NAMES)
    # leaving c out, "up" wins on a and b and is used on c, where it is backwards
    assert chosen[2] == "up"
    assert tc.rho(held[DOCS == "c"], y[DOCS == "c"]) == pytest.approx(-1.0)


def test_nested_picks_what_holds_on_the_other_reports(tc):
    y = np.array([0, 1, 2, 3] * 3, dtype=float)
    good = y.copy()
    good[DOCS == "c"] = y[DOCS == "c"][::-1]  # right on a and b, wrong on c
    only_c = -y.copy()
    only_c[DOCS == "c"] = y[DOCS == "c"]  # wrong on a and b, right on c
    cands = [lambda tr, te: good[te], lambda tr, te: only_c[te]]
    held, chosen = tc.nested(cands, y, DOCS, NAMES)
    # leaving c out, the inner folds on a and b prefer ``good``, which is wrong on c
    assert chosen["c"] == 0
    assert tc.rho(held[DOCS == "c"], y[DOCS == "c"]) == pytest.approx(-1.0)


def test_table_row_lists_every_fold(tc):
    y = np.array([0, 1, 2, 3] * 3, dtype=float)
    fig = tc.figures(y, y, DOCS, DOCS != "a", NAMES)
    assert fig["pooled"] == 1.0 and list(fig["per_fold"]) == NAMES
    assert tc.table_row("tension", "x", fig).count("|") == 4 + len(NAMES) + 1
    assert len(tc.table_head(NAMES)) == 2


def test_file_weights_give_each_file_the_same_total():
    tt = load_file("scripts/train_tone.py", "train_tone")
    files = ["big"] * 6 + ["small"] * 2
    w = tt.file_weights(files)
    assert w[:6].sum() == pytest.approx(w[6:].sum())
    assert w.mean() == pytest.approx(1.0)
    # one file (a cross-corpus fit) or none: no weights, the fit is unchanged
    assert tt.file_weights(["big"] * 3) is None and tt.file_weights(None) is None


def test_at_scale_weighs_the_syntax_terms_and_the_model_reads_them_as_fitted():
    from relnlp.tone.model import SYNTAX_SEP

    tt = load_file("scripts/train_tone.py", "train_tone")
    rows = [
        ("The envoys signed the accord.", "v:sign q:verbal_cooperation", "verbal_cooperation"),
        ("The envoys signed a new accord.", "v:sign q:verbal_cooperation", "verbal_cooperation"),
        ("The navy shelled the port.", "v:shell q:material_conflict", "material_conflict"),
        ("The navy shelled a port again.", "v:shell q:material_conflict", "material_conflict"),
        ("The council noted the report.", "v:note", "neutral"),
        ("The council noted a report.", "v:note", "neutral"),
    ]
    masked = [t + SYNTAX_SEP + s for t, s, _y in rows]
    y = [c for _t, _s, c in rows]
    feats = np.zeros((len(rows), 6))
    base = "words+rules+syntax+verbclass+events"
    plain = tt.fit(masked, feats, y, system=base, C=3.0)
    scaled = tt.fit(masked, feats, y, system=f"{base}, @ x3", C=3.0)
    assert plain.vocabulary == scaled.vocabulary
    at = np.array([t.startswith("@") for t in plain.vocabulary])
    assert at.any() and (~at).any()
    assert np.allclose(scaled.idf[at], 3.0 * plain.idf[at])
    assert np.allclose(scaled.idf[~at], plain.idf[~at])
    # the saved idf carries the factor: the @ terms' share of a row grows
    share = [(m.tfidf(masked[:1]).toarray()[0][at] ** 2).sum() for m in (plain, scaled)]
    assert share[1] > share[0]
    # every scaled system keeps the extracted events' terms of the system it scales
    assert set(tt.AT_SCALE) <= tt.EVENT_SYSTEMS
