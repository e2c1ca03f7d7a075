"""Document-level and neighbour prior features of the theme model (ninth session): a
passage is scored together with the other passages of its report. Passages written for
these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relnlp.themes import LabelledPassage, Taxonomy, ThemeClassifier, ThemeModel, train
from relnlp.themes.classifier import RECIPE, document_priors
from relnlp.themes.loading import build_classifier

# One report on a jihadist group: the list item names neither terrorism nor the group.
REPORT = [
    "The militant group claimed two suicide bombings against police stations this spring.",
    "Its cells recruit in prisons and fund themselves through kidnapping for ransom.",
    "Counterterrorism raids by the security forces killed several commanders.",
    "Fighters moved between safe houses in three border districts.",
    "The group's propaganda calls for attacks on foreigners and on religious minorities.",
]
ITEM = 3


def test_document_priors_average_a_group_and_take_the_higher_neighbour() -> None:
    priors = [{"x": 0.1}, {"x": 0.5}, {"x": 0.9}, {"x": 0.4}, {"x": 0.2}]
    mean, near = document_priors(priors, ["a", "a", "a", "b", ""])
    assert [round(m["x"], 3) for m in mean] == [0.5, 0.5, 0.5, 0.4, 0.2]
    # neighbours stay inside the document; a lone passage has none
    assert [n["x"] for n in near] == [0.5, 0.9, 0.5, 0.0, 0.0]
    # without groups the passages are one document
    mean, near = document_priors(priors)
    assert mean[0]["x"] == pytest.approx(0.42) and near[4]["x"] == 0.4


def test_the_packaged_recipe_uses_the_document() -> None:
    clf = build_classifier(Taxonomy.default())
    assert clf.model is not None
    assert clf.model.doc_prior == RECIPE["doc_prior"] > 0
    assert clf.model.near_prior == RECIPE["near_prior"] > 0


def test_a_list_item_is_scored_with_its_report() -> None:
    """The same words score higher for counterterrorism among passages on a jihadist group
    than alone (its neighbours' and the report's prior scores are features)."""
    clf = build_classifier(Taxonomy.default())
    alone = clf.classify(REPORT[ITEM]).scores["counterterrorism"]
    in_report = clf.classify_many(REPORT)[ITEM].scores["counterterrorism"]
    assert in_report > alone


def test_document_features_round_trip_and_older_files_read_without_them(
    tmp_path: Path,
) -> None:
    tax = Taxonomy.default()
    labelled = [
        LabelledPassage(t, ("counterterrorism",) if i != ITEM else (), "report")
        for i, t in enumerate(REPORT)
    ] + [
        LabelledPassage("Exports of grain through the new port doubled.", ("geoeconomics",), "b"),
        LabelledPassage("The ministers met in Astana to discuss transit fees.", (), "b"),
    ]
    model = train(labelled, tax, doc_prior=2.0, near_prior=1.0)
    n = len(tax.ids)
    assert model.n_prior_features == 4 * n  # prior, cue counts, report mean, neighbours
    assert all(len(w) == len(model.vocabulary) + 4 * n for w in model.coef.values())
    loaded = ThemeModel.load(model.save(tmp_path / "m"))
    assert (loaded.doc_prior, loaded.near_prior) == (2.0, 1.0)
    texts = [p.text for p in labelled]
    a = ThemeClassifier(tax, model).classify_many(texts)
    b = ThemeClassifier(tax, loaded).classify_many(texts)
    assert [r.scores for r in a] == [r.scores for r in b]
    # the report-mean columns carry the mean prior x prior_scale x weight
    priors = [r for r, _m in (ThemeClassifier(tax).prior.score(t) for t in texts)]
    X = model.features(texts, priors, None, None, [r.matches for r in a])
    k = len(model.vocabulary) + 2 * n + list(tax.ids).index("geoeconomics")
    mean, _near = document_priors(priors)
    assert X[0, k] == pytest.approx(mean[0]["geoeconomics"] * model.prior_scale * 2.0)
    # a file written before these fields existed has no document columns
    old = train(labelled, tax, doc_prior=0.0, near_prior=0.0)
    path = old.save(tmp_path / "old")
    data = json.loads(path.read_text("utf-8"))
    del data["doc_prior"], data["near_prior"]
    path.write_text(json.dumps(data), "utf-8")
    back = ThemeModel.load(path)
    assert back.doc_prior == 0.0 and back.near_prior == 0.0
    assert back.n_prior_features == 2 * n
