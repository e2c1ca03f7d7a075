"""Report context must not erase a theme a passage states plainly (issue 18, themes5).

The sentences below were written for these tests; the digest data
(benchmarks/results/themes_mixed_digests.json) was written for the mixed-digest check.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from relnlp.themes import Taxonomy, ThemeClassifier
from relnlp.themes.classifier import RECIPE, LabelledPassage, ThemeModel, guard_context, train
from relnlp.themes.loading import build_classifier, packaged_model_path

DIGESTS = Path(__file__).resolve().parents[2] / "benchmarks/results/themes_mixed_digests.json"

# A trade-and-transport digest with one counterterrorism paragraph (the third).
TRADE_DIGEST = [
    "The finance ministers agreed to raise the capital of the regional development bank and "
    "to open new credit lines for exporters.",
    "Customs officials said the new border terminal would double the number of lorries "
    "carrying goods between the two markets.",
    "Officers arrested two brothers accused of preparing a bombing at a concert hall; "
    "prosecutors said they had pledged allegiance to a jihadist network.",
    "The state oil company signed a ten-year supply contract with a refinery on the coast, "
    "priced in the buyer's currency.",
    "Freight volumes on the southern railway rose sharply as shippers avoided the strait.",
]

needs_model = pytest.mark.skipif(packaged_model_path() is None, reason="no packaged model")


def test_guard_cues_floors_only_themes_with_own_cues() -> None:
    doc, alone = np.array([0.1, 0.1, 0.7]), np.array([0.9, 0.9, 0.3])
    out = guard_context(doc, alone, np.array([True, False, True]), "cues")
    assert out.tolist() == [0.9, 0.1, 0.7]


def test_guard_raise_and_none() -> None:
    doc, alone = np.array([0.1, 0.7]), np.array([0.9, 0.3])
    assert guard_context(doc, alone, np.array([False, False]), "raise").tolist() == [0.9, 0.7]
    assert guard_context(doc, alone, np.array([True, True]), "").tolist() == [0.1, 0.7]


def test_guard_cap_limits_log_odds_shift() -> None:
    out = guard_context(np.array([0.01, 0.99]), np.array([0.5, 0.5]), np.array([0, 0]), "cap:2")
    z = np.log(out / (1 - out))
    assert np.allclose(z, [-2.0, 2.0])


def test_guard_unknown_raises() -> None:
    with pytest.raises(ValueError):
        guard_context(np.array([0.5]), np.array([0.5]), np.array([True]), "lower")


@needs_model
def test_packaged_model_uses_the_cue_guard() -> None:
    clf = build_classifier()
    assert clf.model is not None and clf.model.context_guard == RECIPE["context_guard"] == "cues"


@needs_model
def test_plain_counterterrorism_paragraph_survives_a_trade_digest() -> None:
    clf = build_classifier()
    alone = clf.classify(TRADE_DIGEST[2])
    assert "counterterrorism" in alone.themes
    together = clf.classify_many(TRADE_DIGEST)
    assert "counterterrorism" in together[2].themes
    assert all("geoeconomics" in together[i].themes for i in (0, 3, 4))


@needs_model
def test_without_guard_the_report_pulls_the_paragraph_down() -> None:
    # The shipped recipe before the guard (documents the problem the guard fixes).
    clf = build_classifier()
    assert clf.model is not None
    alone = clf.classify(TRADE_DIGEST[2]).scores["counterterrorism"]
    clf.model.context_guard = ""
    together = clf.classify_many(TRADE_DIGEST)[2].scores["counterterrorism"]
    assert together < alone - 0.1


@needs_model
def test_digest_never_scores_a_cued_theme_below_the_passage_alone() -> None:
    clf = build_classifier()
    digests = json.loads(DIGESTS.read_text("utf-8"))["digests"]
    for d in digests:
        texts = [p["text"] for p in d["passages"]]
        for text, res in zip(texts, clf.classify_many(texts)):
            alone = clf.classify(text)
            for m in {m.theme for m in res.matches if m.kind != "exclude"}:
                assert res.scores[m] >= alone.scores[m] - 1e-4, (d["id"], m, text)


def test_guard_is_saved_and_old_files_load_without_it(tmp_path: Path) -> None:
    tax = Taxonomy.default()
    labelled = [
        LabelledPassage("Militants attacked a police station with rifles.", ("counterterrorism",)),
        LabelledPassage("The bank lent money for a new port.", ("geoeconomics",)),
    ]
    model = train(labelled, tax, context_guard="raise")
    back = ThemeModel.load(model.save(tmp_path / "m"))
    assert back.context_guard == "raise"
    data = json.loads((tmp_path / "m" / "themes_model.json").read_text("utf-8"))
    del data["context_guard"]
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "themes_model.json").write_text(json.dumps(data), "utf-8")
    assert ThemeModel.load(tmp_path / "old").context_guard == ""
    assert ThemeClassifier(tax, back).classify("A plain sentence.").themes == ()


# Taxonomy 1.4.0: news wording of the three themes (sentences written for these tests).
NEWS_WORDING = [
    ("Detectives foiled a bomb plot against the parliament building.", "counterterrorism"),
    (
        "Three members of an Islamist cell were charged after police found detonators.",
        "counterterrorism",
    ),
    ("Commandos raided a hideout in the hills and seized rifles.", "counterterrorism"),
    ("A roadside bomb hit the convoy outside the provincial capital.", "counterterrorism"),
    ("The teenager had been radicalised online within a few months.", "counterterrorism"),
    ("Armed Islamists overran two villages in the north last week.", "counterterrorism"),
    ("The ministry said the rallies were orchestrated from abroad.", "color_revolution"),
    ("Officials blamed a foreign hand for the riots in the capital.", "color_revolution"),
    ("The governor accused rival states of fomenting unrest in the province.", "color_revolution"),
    ("Beijing tightened export controls on gallium and graphite.", "geoeconomics"),
    ("The two states agreed to settle bilateral payments in national currencies.", "geoeconomics"),
    ("The IMF approved a bailout after months of talks.", "geoeconomics"),
    ("Gas deliveries through the transit country stopped in January.", "geoeconomics"),
]


@pytest.mark.parametrize(("text", "theme"), NEWS_WORDING)
def test_news_wording_is_a_cue(text: str, theme: str) -> None:
    res = ThemeClassifier(Taxonomy.default()).classify(text)
    assert any(m.theme == theme and m.kind != "exclude" for m in res.matches), res.evidence
    if packaged_model_path() is not None:
        assert theme in build_classifier().classify(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The air force dropped bombs on the bridge across the river.", "counterterrorism"),
        ("The officers pledged allegiance to the new king.", "counterterrorism"),
        ("The council renewed the arms embargo on the junta.", "geoeconomics"),
        ("Cells in the leaves turn sugar into starch.", "counterterrorism"),
    ],
)
def test_news_wording_is_not_overread(text: str, theme: str) -> None:
    res = ThemeClassifier(Taxonomy.default()).classify(text)
    assert not any(m.theme == theme and m.kind != "exclude" for m in res.matches), res.evidence


@pytest.mark.parametrize(
    ("text", "theme", "found"),
    [
        ("Interest rates rose again in March.", "counterterrorism", False),
        ("Officers of RATS met in Tashkent.", "counterterrorism", True),
        ("The minister promised a swift reply.", "geoeconomics", False),
        ("The banks were cut off from SWIFT.", "geoeconomics", True),
        ("Isis claimed the attack in a statement.", "counterterrorism", True),
    ],
)
def test_acronym_cues_match_only_capitals(text: str, theme: str, found: bool) -> None:
    res = ThemeClassifier(Taxonomy.default()).classify(text)
    cues = {text[m.start : m.end] for m in res.matches if m.theme == theme and m.kind == "cue"}
    assert bool(cues & {"RATS", "SWIFT", "Isis", "rates", "swift"}) == found, cues
