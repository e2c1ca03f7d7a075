"""Roles beyond the clause's subject and object (issue 15, seventh pass): decisions
("X's decision to <act>"), acts undergone ("came under attack from X", "under pressure
from X"), light verbs of pressure and talks, passive agents the parser attached low, the
author of an act noun in a passive's manner phrase, and the word-order back-off.

Every sentence here was written for these tests; none comes from the seeds, the dev
reports or the coded sentences of the development folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.events._roles import BACKOFF_CONFIDENCE
from tests.test_events import _events


def _by_trigger(nlp: Any, text: str, trigger: str) -> Any:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.split().str[0] == trigger]
    assert len(rows) == 1, ev[["trigger", "source", "target", "type"]]
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("India's decision to ban Chinese apps angered Beijing.", "ban", "India", "China"),
        (
            "Argentina's move to expel Bolivian diplomats surprised observers.",
            "expel",
            "Argentina",
            "Bolivia",
        ),
    ],
)
def test_a_decision_taken_reports_its_act_by_its_possessor(
    nlp: Any, text: str, trigger: str, source: str, target: str
) -> None:
    e = _by_trigger(nlp, text, trigger)
    assert (e["source"], e["target"]) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "India's decision to ban Chinese apps would anger Beijing.",  # a forecast
        "India's plan to ban Chinese apps angered Beijing.",  # an aim, not a decision
    ],
)
def test_a_decision_not_reported_as_taken_is_no_event(nlp: Any, text: str) -> None:
    ev = _events(nlp, text)
    assert "ban" not in set(ev["trigger"]), ev[["trigger", "source", "target"]]


def test_an_attack_undergone_has_the_subject_as_target(nlp: Any) -> None:
    e = _by_trigger(nlp, "The Turkish embassy came under attack from Houthi rebels.", "attack")
    assert e["source"] == "Houthi"
    assert e["target"] == "Turkey"
    assert e["type"] == "material_conflict"


def test_pressure_from_an_actor_framing_a_clause_is_its_own_event(nlp: Any) -> None:
    ev = _events(nlp, "Under pressure from Washington, Panama expelled the Iranian ambassador.")
    got = {(r.trigger, r.source, r.target) for r in ev.itertuples()}
    assert ("pressure", "United States", "Panama") in got
    assert ("expelled", "Panama", "Iran") in got


def test_hit_needs_an_actor_as_its_subject(nlp: Any) -> None:
    assert _events(nlp, "Rising prices hit Egypt hard.").empty


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish embassy came under attack last night.",  # no one named as its source
        "The Turkish embassy would come under attack from Houthi rebels if the talks failed.",
    ],
)
def test_an_act_undergone_needs_a_named_source_and_a_report(nlp: Any, text: str) -> None:
    assert _events(nlp, text).empty


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target", "type_"),
    [
        (
            "Kenya put Somalia under pressure to close the camps.",
            "put",
            "Kenya",
            "Somalia",
            "material_conflict",
        ),
        (
            "Austria put pressure on Hungary over the veto.",
            "put",
            "Austria",
            "Hungary",
            "material_conflict",
        ),
        (
            "Poland opened talks with Lithuania on energy.",
            "opened",
            "Poland",
            "Lithuania",
            "verbal_cooperation",
        ),
        (
            "Russian missiles hit Ukrainian power plants overnight.",
            "hit",
            "Russia",
            "Ukraine",
            "material_conflict",
        ),
        (
            "Macron telephoned Putin on Sunday.",
            "telephoned",
            "Emmanuel Macron",
            "Vladimir Putin",
            "verbal_cooperation",
        ),
        (
            "The Indian prime minister toured Japan in May.",
            "toured",
            "India",
            "Japan",
            "verbal_cooperation",
        ),
        (
            "Washington pressed Seoul to cut imports of Iranian oil.",
            "pressed",
            "United States",
            "South Korea",
            "verbal_conflict",
        ),
        (
            "Hungary sided with Turkey on the veto.",
            "sided",
            "Hungary",
            "Turkey",
            "verbal_cooperation",
        ),
    ],
)
def test_light_verbs_and_verbs_of_the_cameo_lists(
    nlp: Any, text: str, trigger: str, source: str, target: str, type_: str
) -> None:
    e = _by_trigger(nlp, text, trigger)
    assert (e["source"], e["target"], e["type"]) == (source, target, type_)


def test_a_passive_agent_attached_to_a_lower_noun_is_the_source(nlp: Any) -> None:
    e = _by_trigger(nlp, "Greece and Cyprus were invited to the summit by Egypt.", "invited")
    assert e["source"] == "Egypt"
    assert e["target"] == "Greece;Cyprus"


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("Two Iraqi soldiers were killed in a Turkish drone strike.", "killed", "Turkey", "Iraq"),
        (
            "The Omani convoy was attacked by a Saudi air strike near the border.",
            "attacked",
            "Saudi Arabia",
            "Oman",
        ),
    ],
)
def test_the_author_of_an_act_noun_is_the_source_of_a_passive(
    nlp: Any, text: str, trigger: str, source: str, target: str
) -> None:
    e = _by_trigger(nlp, text, trigger)
    assert (e["source"], e["target"]) == (source, target)


def test_a_passive_without_agent_keeps_its_source_empty(nlp: Any) -> None:
    e = _by_trigger(nlp, "Kenyan troops were attacked near the border.", "attacked")
    assert e["source"] is None
    assert e["target"] == "Kenya"


def test_backoff_fills_roles_by_word_order_at_low_confidence(nlp: Any) -> None:
    # the parse cuts the verb off from its subject ("Chad and then ... expelled")
    e = _by_trigger(
        nlp, "Last year Chad and then, in a surprise move, expelled French troops.", "expelled"
    )
    assert (e["source"], e["target"]) == ("Chad", "France")
    assert e["actor_confidence"] == BACKOFF_CONFIDENCE < 0.5


def test_backoff_never_puts_an_actor_on_both_sides(nlp: Any) -> None:
    e = _by_trigger(
        nlp, "Last year Chad and then, in a surprise move, expelled Chadian rebels.", "expelled"
    )
    assert e["source"] == "Chad"
    assert e["target"] is None


@pytest.mark.parametrize(
    "text",
    [
        # an aim, not an act
        "Last year Chad and then, in a surprise move, planned to expel French troops.",
        # a subject that names no actor
        "Last year the paper and then, in a surprise move, expelled French troops.",
    ],
)
def test_backoff_guesses_no_aim_and_no_unnamed_subject(nlp: Any, text: str) -> None:
    assert _events(nlp, text).empty


def test_an_envoy_named_inside_the_posts_to_phrase_is_the_source(nlp: Any) -> None:
    # the parser makes "Pablo Ortiz" the object of "to", "United Nations" its compound
    e = _by_trigger(
        nlp, "Chilean Ambassador to the United Nations Pablo Ortiz met Peruvian officials.", "met"
    )
    assert (e["source"], e["target"]) == ("Pablo Ortiz", "Peru")


def test_a_post_to_a_state_keeps_its_holders_state(nlp: Any) -> None:
    e = _by_trigger(nlp, "The Chilean ambassador to Peru condemned the vote.", "condemned")
    assert e["source"] == "Chile"
