"""The theme classifier: prior, trained model, evidence, pipeline integration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import relnlp
from relnlp.cli import app
from relnlp.errors import TaxonomyError
from relnlp.themes import LabelledPassage, Taxonomy, ThemeClassifier, ThemeModel, train

# Passages written for these tests; none is in the taxonomy or the seeds.
ENERGY_UNSEEN = [
    "Moscow will raise crude oil deliveries to Chinese refineries under a new supply deal.",
    "The liquefied natural gas terminal on the Yamal peninsula shipped its first cargo to Asia.",
    "Electricity grids and nuclear power plants were on the agenda of the energy ministers.",
]
NOT_ENERGY = [
    "The two presidents discussed the situation on the Korean peninsula.",
    "Students protested against the new education law in the capital.",
    "The court postponed the hearing until the following week.",
]


def _energy_taxonomy() -> Taxonomy:
    return Taxonomy.default().add_theme(
        "energy",
        description="Energy relations: oil, crude, natural gas, LNG, electricity, nuclear "
        "power, refineries, energy supply and energy ministers.",
        cues=["pipeline", "natural gas"],
        examples=["The pipeline will carry natural gas from Siberian fields to the border."],
    )


def test_new_theme_from_a_script_classifies_unseen_passages_at_once() -> None:
    clf = ThemeClassifier(_energy_taxonomy())
    for text in ENERGY_UNSEEN:
        r = clf.classify(text)
        assert "energy" in r.themes, (text, r.scores)
    for text in NOT_ENERGY:
        assert "energy" not in clf.classify(text).themes, text
    # "crude oil ... supply deal" shares only description words with the theme.
    r = clf.classify(ENERGY_UNSEEN[0])
    assert not any(e.startswith('energy: "') for e in r.evidence)


def test_default_themes_have_evidence_for_their_labels() -> None:
    clf = ThemeClassifier(Taxonomy.default())
    r = clf.classify(
        "Security services arrested members of an extremist cell planning a "
        "terrorist attack; the SCO's anti-terrorism structure shared intelligence."
    )
    assert r.themes == ("counterterrorism",)
    assert any('counterterrorism: "extremist"' == e for e in r.evidence)
    r = clf.classify("The couple walked along the river at dusk.")
    assert r.themes == () and r.evidence == ()


def test_training_moves_scores_towards_the_labels(tmp_path: Path) -> None:
    tax = _energy_taxonomy()
    # Labelled passages whose energy vocabulary is absent from the definition.
    labelled = [
        LabelledPassage(
            "Gazprom and CNPC agreed on the price formula for Siberian deliveries.", ("energy",)
        ),
        LabelledPassage(
            "Rosneft will sell a stake in Vankor to an Indian consortium.", ("energy",)
        ),
        LabelledPassage(
            "Gazprom cut deliveries through Ukraine after a price quarrel.", ("energy",)
        ),
        LabelledPassage("Rosneft signed offtake agreements with Asian buyers.", ("energy",)),
        LabelledPassage("The delegation visited a museum in Kazan.", ()),
        LabelledPassage("The envoy met opposition leaders in Minsk.", ()),
    ]
    probe = "Gazprom and Rosneft compete for Asian customers."
    before = ThemeClassifier(tax).classify(probe).scores["energy"]
    model = train(labelled, tax)
    after = ThemeClassifier(tax, model).classify(probe).scores["energy"]
    assert after > before
    # Saved as plain JSON, and loads back to the same scores.
    path = model.save(tmp_path / "m")
    assert json.loads(path.read_text("utf-8"))["format"] == "relnlp-themes"
    again = ThemeClassifier(tax, ThemeModel.load(tmp_path / "m")).classify(probe).scores
    assert again["energy"] == pytest.approx(after, abs=1e-4)


def test_bad_model_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "themes_model.json").write_text('{"format": "sklearn-pickle"}', "utf-8")
    with pytest.raises(TaxonomyError, match=r"^\[E305\]"):
        ThemeModel.load(tmp_path)
    (tmp_path / "themes_model.json").write_bytes(b"\x80\x04\x95")  # a pickle header
    with pytest.raises(TaxonomyError, match=r"^\[E305\]"):
        ThemeModel.load(tmp_path)


def test_cli_train_refuses_unknown_themes_before_training(tmp_path: Path) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        json.dumps({"text": "Gas deal.", "themes": ["geoeconomics"]})
        + "\n"
        + json.dumps({"text": "Drones.", "themes": ["drones"]})
        + "\n",
        "utf-8",
    )
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["themes", "train", str(labels), "--out", str(out)])
    assert res.exit_code == 2 and "E303" in res.output and "'drones'" in res.output
    assert not out.exists()


def test_cli_train_and_load_themes_model(tmp_path: Path) -> None:
    tax = _energy_taxonomy()
    tax_path = tax.save(tmp_path / "tax.toml")
    rows = [{"text": t, "themes": ["energy"]} for t in ENERGY_UNSEEN] + [
        {"text": t, "themes": []} for t in NOT_ENERGY
    ]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(
        app, ["themes", "train", str(labels), "--out", str(out), "--taxonomy", str(tax_path)]
    )
    assert res.exit_code == 0, res.output
    nlp = relnlp.load(taxonomy=tax_path, themes_model=out)
    r = nlp.analyze("Oil and gas exports rose.\n\nThe museum reopened after repairs.")
    # Energy trade is also geoeconomics in the default taxonomy; the museum is neither.
    assert "energy" in r.passages["themes"].iloc[0] and r.passages["themes"].iloc[1] == []
    assert "energy" in r.passages.columns and r.meta["themes"][-1] == "energy"
    assert r.documents["share_energy"].iloc[0] > 0


def test_cli_train_uses_the_packaged_models_recipe(tmp_path: Path) -> None:
    """A user retraining with ``relnlp themes train`` gets the settings the packaged model
    was trained with (feature scale, cue-match counts, context prior, C)."""
    from relnlp.themes.loading import packaged_model_path

    shipped = ThemeModel.load(packaged_model_path())
    rows = [
        (
            "Customs officers cleared the first freight train on the new rail link.",
            ["geoeconomics"],
        ),
        ("Gunmen bombed a checkpoint; police blamed an extremist network.", ["counterterrorism"]),
        ("The orchestra toured three cities in the spring.", []),
    ]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps({"text": t, "themes": th}) for t, th in rows), "utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["themes", "train", str(labels), "--out", str(out)])
    assert res.exit_code == 0, res.output
    mine = ThemeModel.load(out)
    assert mine.prior_scale == shipped.prior_scale
    assert mine.cue_hits is shipped.cue_hits and mine.context_prior is shipped.context_prior
    assert mine.info["C"] == shipped.info["C"]
    assert mine.n_prior_features == shipped.n_prior_features


def test_load_with_taxonomy_object_adds_a_column() -> None:
    nlp = relnlp.load(taxonomy=_energy_taxonomy())
    r = nlp.analyze("A new pipeline will carry natural gas to China.")
    assert "energy" in r.passages["themes"].iloc[0]
    assert r.passages["energy"].iloc[0] >= 0.5
    assert any("pipeline" in e for e in r.passages["evidence"].iloc[0])


def test_tfidf_without_sklearn_equals_sklearn_vectorizer() -> None:
    """The packaged model's features are computed without importing scikit-learn; they
    must be what scikit-learn's TfidfVectorizer gives with the same vocabulary and idf."""
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    from relnlp.themes.classifier import _analyzer
    from relnlp.themes.features import _stop
    from relnlp.themes.loading import packaged_model_path

    assert _stop() == ENGLISH_STOP_WORDS
    model = ThemeModel.load(packaged_model_path())
    seeds = Path(__file__).resolve().parents[2] / "corpora" / "seeds"
    texts = [b for p in sorted(seeds.glob("*.txt")) for b in p.read_text("utf-8").split("\n\n")]
    texts += ["", "the of and", "Terrorists! terrorism, TERRORISM; sanctions sanctioned."]
    vec = TfidfVectorizer(
        analyzer=_analyzer,
        sublinear_tf=True,
        vocabulary={t: i for i, t in enumerate(model.vocabulary)},
    )
    vec.fit([""])
    vec.idf_ = model.idf
    want = vec.transform(texts).toarray()
    got = model._tfidf(texts).toarray()
    assert got.shape == want.shape and np.abs(want).sum() > 10
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


def test_an_exclusion_caps_the_trained_model_too() -> None:
    """A model fitted to labels that contradict the taxonomy's exclusion cannot tag the
    excluded passage; the same words without the exclusion keep the model's score."""
    tax = Taxonomy.default().add_theme(
        "shipping", cues=["cargo", "freight"], exclude=["cargo of weapons"]
    )
    labelled = [
        LabelledPassage("A cargo of weapons left the port for the rebels.", ("shipping",)),
        LabelledPassage("A cargo of weapons was seized at sea.", ("shipping",)),
        LabelledPassage("Freight rates for grain rose sharply.", ("shipping",)),
        LabelledPassage("The minister opened a school.", ()),
        LabelledPassage("The parliament debated the budget.", ()),
    ]
    model = train(labelled, tax, C=10.0)
    clf = ThemeClassifier(tax, model)
    r = clf.classify("Coast guards stopped a cargo of weapons bound for the militia.")
    assert "shipping" not in r.themes and r.scores["shipping"] < clf.threshold
    assert 'shipping: not "cargo of weapons"' in r.evidence
    assert "shipping" in clf.classify("Coast guards inspected the grain cargo and freight.").themes


# Sentences written for the cue-count features (sixth session); none is in the gold.
CUE_TEXTS = [
    "Insurgents and terrorist cells crossed the border; the counterterrorism centre "
    "tracked the extremists.",
    "The development bank financed a railway and a trade corridor to the port.",
    "Kazakhstan bought helicopters and air defence systems in an arms deal.",
    "The orchestra played in the old town square.",
]


def test_cue_count_features_ignore_excluded_matches() -> None:
    """``cue_counts`` counts a theme's cues and patterns, never its exclusion matches."""
    from relnlp.themes.classifier import cue_counts
    from relnlp.themes.features import PriorScorer

    tax = Taxonomy.default().add_theme(
        "shipping", cues=["cargo", "freight"], exclude=["cargo of weapons"]
    )
    prior = PriorScorer(tax)
    _s, found = prior.score("Freight rates rose and the cargo ships waited.")
    assert cue_counts(found).get("shipping") == 2
    _s, found = prior.score("A cargo of weapons was seized.")
    assert any(m.kind == "exclude" for m in found)
    assert cue_counts(found).get("shipping", 0) == 0


def test_cue_count_model_round_trips_and_old_files_still_load(tmp_path: Path) -> None:
    import numpy as np

    tax = Taxonomy.default()
    labelled = [
        LabelledPassage(CUE_TEXTS[0], ("counterterrorism",)),
        LabelledPassage(CUE_TEXTS[1], ("geoeconomics",)),
        LabelledPassage(CUE_TEXTS[2], ()),
        LabelledPassage(CUE_TEXTS[3], ()),
    ]
    model = train(labelled, tax, prior_scale=1.0, cue_hits=True, doc_prior=0.0, near_prior=0.0)
    assert model.n_prior_features == 2 * len(tax.ids)
    assert all(len(w) == len(model.vocabulary) + 2 * len(tax.ids) for w in model.coef.values())
    loaded = ThemeModel.load(model.save(tmp_path / "m"))
    assert loaded.cue_hits and loaded.prior_scale == 1.0
    a = ThemeClassifier(tax, model).classify_many(CUE_TEXTS)
    b = ThemeClassifier(tax, loaded).classify_many(CUE_TEXTS)
    assert [r.scores for r in a] == [r.scores for r in b]
    # The cue-count columns carry the counts: log(1 + n) per theme, after the prior columns.
    X = model.features(CUE_TEXTS[:1], [{}], None, None, [a[0].matches])
    k = len(model.vocabulary) + len(tax.ids) + list(tax.ids).index("counterterrorism")
    # four cues (insurgents, terrorist, counterterrorism, extremists) and two patterns
    # (counter-terror..., and "terrorist cells" since taxonomy 1.4.0)
    assert X[0, k] == pytest.approx(np.log1p(6))
    # A file written before these fields existed reads as prior_scale 3, no cue counts.
    old = train(labelled, tax, prior_scale=3.0, cue_hits=False, doc_prior=0.0, near_prior=0.0)
    path = old.save(tmp_path / "old")
    data = json.loads(path.read_text("utf-8"))
    del data["prior_scale"], data["cue_hits"]
    path.write_text(json.dumps(data), "utf-8")
    back = ThemeModel.load(path)
    assert back.prior_scale == 3.0 and not back.cue_hits
    want = ThemeClassifier(tax, old).classify_many(CUE_TEXTS)
    assert [r.scores for r in ThemeClassifier(tax, back).classify_many(CUE_TEXTS)] == [
        r.scores for r in want
    ]


def test_a_theme_added_by_a_script_falls_back_to_the_prior_with_the_packaged_model() -> None:
    """The packaged model does not know a user's theme: that theme is scored by the prior
    alone, and the default themes score exactly as without it."""
    from relnlp.themes.features import PriorScorer
    from relnlp.themes.loading import build_classifier

    tax = _energy_taxonomy()
    clf = build_classifier(tax)
    assert clf.model is not None and "energy" not in clf.model.coef
    texts = ENERGY_UNSEEN + NOT_ENERGY + CUE_TEXTS
    got = clf.classify_many(texts)
    plain = build_classifier(Taxonomy.default()).classify_many(texts)
    prior = PriorScorer(tax).score_many(texts)
    for r, p, q in zip(got, plain, prior):
        assert r.scores["energy"] == round(q["energy"], 4)
        assert {t: v for t, v in r.scores.items() if t != "energy"} == p.scores
    assert all("energy" in r.themes for r in got[: len(ENERGY_UNSEEN)])
