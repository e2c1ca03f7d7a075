"""relnlp_tone: cooperation and tension per sentence, passage and report.

Events and timelines: tests/test_events.py.

Sentences are written for these tests (none comes from the seeds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import spacy

import relnlp
from relnlp.errors import ConfigError
from relnlp.tone.lexicon import load_lexicon


def _sent(nlp: Any, text: str) -> pd.Series:
    r = nlp.analyze(text, doc_date="2020-01-01")
    assert len(r.passages) == 1
    return r.passages.iloc[0]


def _rules(nlp: Any, text: str) -> dict[str, Any]:
    """The rules' own scores of a one-sentence text (before the learned model)."""
    s = nlp.analyze(text, doc_date="2020-01-01").sentences
    assert len(s) == 1
    row = s.iloc[0]
    return {
        "cooperation": row["rule_cooperation"],
        "tension": row["rule_tension"],
        "tone_cues": row["tone_cues"],
        "tone_class": row["tone_class"],
    }


def test_cooperation_and_tension_are_separate_axes(nlp: Any) -> None:
    coop_text = "Japan and India signed an agreement to deepen their strategic partnership."
    tens_text = "Japan accused India of violating the treaty and threatened sanctions."
    coop, tens = _sent(nlp, coop_text), _sent(nlp, tens_text)
    assert coop["cooperation"] > 0.5 > coop["tension"]
    assert tens["tension"] > 0.5 > tens["cooperation"]
    assert _rules(nlp, coop_text)["tension"] == 0 and _rules(nlp, coop_text)["cooperation"] > 0.7
    # the rules score both axes of a mixed sentence; the model's probabilities share 1
    mixed = _rules(
        nlp,
        "Brazil and Argentina held a joint exercise while both condemned "
        "the blockade imposed by Chile.",
    )
    assert mixed["cooperation"] > 0.5 and mixed["tension"] > 0.5


def test_joint_counterterrorism_exercise_is_cooperation_not_hostility(nlp: Any) -> None:
    p = _sent(
        nlp, "The two armies held a joint exercise to attack terrorist forces in the mountains."
    )
    assert p["cooperation"] > p["tension"]


@pytest.mark.parametrize(
    ("plain", "negated"),
    [
        ("Germany supported the French proposal.", "Germany did not support the French proposal."),
        (
            "Kenya was very enthusiastic about the plan.",
            "Kenya was not very enthusiastic about the plan.",
        ),
    ],
)
def test_negated_cooperation_turns_into_tension(nlp: Any, plain: str, negated: str) -> None:
    a, b = _rules(nlp, plain), _rules(nlp, negated)
    assert a["cooperation"] > 0.3 and a["tension"] == 0
    assert b["cooperation"] == 0 and b["tension"] > 0
    assert any("[negated" in c for c in b["tone_cues"])
    la, lb = _sent(nlp, plain), _sent(nlp, negated)  # the learned scores follow
    assert lb["cooperation"] < la["cooperation"] and lb["tension"] > la["tension"]


def test_negated_tension_is_not_tension(nlp: Any) -> None:
    a = _rules(nlp, "Norway raised an objection to the plan.")
    b = _rules(nlp, "Norway raised no objection to the plan.")
    assert a["tension"] > 0.3 and b["tension"] == 0 and b["cooperation"] > 0


def test_hedged_and_reported_cues_weigh_less(nlp: Any) -> None:
    firm = _rules(nlp, "Peru will sign the agreement with Chile.")
    hedged = _rules(nlp, "Peru may sign the agreement with Chile.")
    hoped = _rules(nlp, "Peru hoped to sign the agreement with Chile.")
    assert hedged["cooperation"] < firm["cooperation"]
    assert hoped["cooperation"] < firm["cooperation"]
    reported = _rules(nlp, "Officials said that Peru criticized Chile.")
    direct = _rules(nlp, "Peru criticized Chile.")
    assert 0 < reported["tension"] < direct["tension"]
    assert any("reported" in c for c in reported["tone_cues"])


def test_intensifier_raises_the_score(nlp: Any) -> None:
    a = _sent(nlp, "Italy criticized Spain.")
    b = _sent(nlp, "Italy strongly criticized Spain.")
    assert b["tension"] > a["tension"]


def test_no_cue_no_score(nlp: Any) -> None:
    p = _rules(nlp, "The museum opened a new wing on Tuesday.")
    assert p["cooperation"] == 0 and p["tension"] == 0 and list(p["tone_cues"]) == []
    assert p["tone_class"] == "neutral"


def test_report_scores_and_goldstein(nlp: Any) -> None:
    r = nlp.analyze(
        "Chile and Peru signed a treaty of friendship.\n\nBolivia threatened Chile with war.",
        doc_date="2020-01-01",
    )
    d = r.documents.iloc[0]
    assert 0 < d["cooperation"] <= 1 and 0 < d["tension"] <= 1
    assert -10 <= d["goldstein"] <= 10
    calm = nlp.analyze("Chile and Peru signed a treaty of friendship.").documents.iloc[0]
    assert calm["goldstein"] > d["goldstein"] and calm["goldstein"] > 0


def test_tone_component_in_a_plain_spacy_pipeline() -> None:
    nlp = spacy.load(relnlp.load().model)
    nlp.add_pipe("relnlp_tone")
    doc = nlp("France and Germany signed a treaty. France later accused Germany of spying.")
    sents = list(doc.sents)
    assert sents[0]._.rel_cooperation > 0.5 and sents[1]._.rel_tension > 0.5
    assert sents[1]._.rel_source == "France" and sents[1]._.rel_target == "Germany"


def test_user_lexicon_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "lex.jsonl"
    bad.write_text('{"cue": "handshake", "axis": "friendship", "weight": 0.5}\n', "utf-8")
    with pytest.raises(ConfigError, match=r"^\[E107\].*lex.jsonl, line 1.*'axis'"):
        load_lexicon((bad,))
    good = tmp_path / "ok.jsonl"
    good.write_text('{"cue": "handshake", "axis": "cooperation", "weight": 0.5, "kind": "noun"}\n')
    lex = load_lexicon((good,))
    assert any(c.cue == "handshake" for c in lex.candidates("handshake"))


@pytest.mark.parametrize(
    "text",
    [
        "Teams from Egypt and Brazil competed in the international air-combat contest near Ryazan.",
        "Chinese crews took part in the tank racing competition for the third year.",
        "Kenya hosted the regional shooting contest for army snipers in March.",
        "An Indian team won the competition ahead of the Mongolian crews.",
    ],
)
def test_sport_and_skill_contests_are_not_rivalry(nlp: Any, text: str) -> None:
    r = _rules(nlp, text)
    assert r["tension"] == 0, r["tone_cues"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Turkey compete for influence in the South Caucasus.",
        "Competition between the two powers for ports in the region is intensifying.",
    ],
)
def test_rivalry_between_states_stays_tension(nlp: Any, text: str) -> None:
    assert _rules(nlp, text)["tension"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "The navy bought four airborne early warning aircraft from Sweden.",
        "The contract covers twelve attack helicopters and their spare parts.",
    ],
)
def test_equipment_names_are_not_acts(nlp: Any, text: str) -> None:
    assert _rules(nlp, text)["tension"] == 0, _rules(nlp, text)["tone_cues"]


def test_warnings_and_attacks_as_acts_stay_tension(nlp: Any) -> None:
    assert _rules(nlp, "Ankara warned Athens against drilling near the islands.")["tension"] > 0
    assert _rules(nlp, "Rebels attacked a convoy near the border.")["tension"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "Repeated copying of Brazilian engine designs is a major sore spot for both governments.",
        "Visa rules have become a constant irritant in relations between Lima and Quito.",
        "The pipeline tariff caused friction between the two capitals.",
        "Fishing rights remain a bone of contention between the neighbours.",
        "The theft of satellite designs angered officials in Seoul.",
    ],
)
def test_friction_nouns_are_tension(nlp: Any, text: str) -> None:
    assert _rules(nlp, text)["tension"] >= 0.45


def test_passage_aggregation_parameters_and_held_out_folds(nlp: Any) -> None:
    from relnlp.tone import aggregate as agg

    # mix 0.5, top 0.7: the strongest sentence lifted by a noisy-or of the others
    assert agg.combine([(0.8, 0.4)], 0.5, 0.7) == round(0.7 * 0.6 + 0.3 * (0.6 * 0.6), 4)
    assert agg.combine([], 0.5, 0.7) == 0.0
    assert agg.combine([(0.9, 0.0), (0.1, 0.0)], 1.0, 1.0) == 0.9
    assert agg.combine([(0.9, 0.0)], 0.0, 1.0) == 0.0  # the rule score alone
    model = agg.packaged_passage_model()
    assert model is not None
    assert agg.PassageModel.from_json(model.to_json()).params == model.params
    for axis in ("cooperation", "tension"):
        assert 0 <= model.params[axis]["mix"] <= 1 and 0 <= model.params[axis]["top"] <= 1
    doc_id = sorted(model.folds)[0]
    r = nlp.analyze(
        "Lima and Quito signed a border accord. Both armies then withdrew.\n\n"
        "Protests against the accord turned violent in the capital.",
        doc_id=doc_id,
        doc_date="2020-01-01",
    )
    held = agg.held_out_passage_scores(r, doc_id)
    assert held is not None and len(held) == len(r.passages)
    assert agg.held_out_passage_scores(r, "a-report-the-model-never-saw") is None
    # the shipped scores are those of the shipped parameters
    assert [round(c, 4) for c in r.passages["cooperation"]] == [
        c for c, _t, _x in agg._scores_with(r, model.params)
    ]


def test_passage_model_is_used_only_with_the_packaged_sentence_model() -> None:
    from relnlp.tone import aggregate as agg

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    tone = nlp.add_pipe("relnlp_tone", config={"model": None})
    assert tone.model_kind == "rules"  # type: ignore[attr-defined]
    doc = nlp("Egypt and Jordan signed a water accord.")
    assert doc.user_data["rel_tone_model"] == "rules"
    assert agg.DEFAULT_PARAMS["cooperation"] == {"mix": 0.5, "top": 0.7}


@pytest.mark.parametrize(
    "text",
    [
        "Delegates of the Trilateral Maritime Dialogue arrived in Manila on Monday.",
        "Engineers inspected the Northern Friendship Pipeline near the border.",
    ],
)
def test_capitalised_names_are_not_cues(nlp: Any, text: str) -> None:
    r = _rules(nlp, text)
    assert r["cooperation"] == 0 and r["tension"] == 0, r["tone_cues"]


def test_cues_beside_capitalised_names_and_in_headings_still_count(nlp: Any) -> None:
    assert (
        _rules(nlp, "The Baltic Grid Authority cooperated with Finnish regulators.")["cooperation"]
        > 0
    )
    from relnlp.pipeline.tone import title_case_names

    doc = nlp.analyze("Lima And Quito Deepen Border Cooperation").doc
    assert title_case_names(doc) == []  # a heading: capitals say nothing there


def test_an_arms_race_entered_is_not_a_sport(nlp: Any) -> None:
    assert _rules(nlp, "Both navies entered an arms race after the border clash.")["tension"] > 0


def test_a_sentence_over_passage_breaks_scores_every_passage_it_covers(nlp: Any) -> None:
    # spaCy reads the list as one sentence; its items are passages of their own. Each
    # item passage must get the sentence (before, only the first did; the others scored 0).
    from relnlp import records
    from relnlp.io._document import Document
    from relnlp.tone.aggregate import _passage_groups

    text = (
        "# Demands\n\nThe ministry demanded that the neighbour\n\n"
        "- withdraw its tanks from the border;\n"
        "- end the military pact with its ally; and\n"
        "- admit sanctions inspectors or face an armed attack.\n\n"
        "The talks ended without an agreement.\n"
    )
    r = nlp.analyze(Document.from_text(text, format="md"))
    spans, tones = records.passages(r.doc), records.sentence_tones(r.doc)
    assert any(sum(1 for p in spans if p.start < s.end and s.start < p.end) > 1 for s in tones), (
        "the test needs a sentence that runs over a passage break"
    )
    assert all(_passage_groups(r))
    assert (r.passages["tension"] > 0).all()
