"""Events, eleventh pass: one pronoun resolution for the strict and the loose pass, an
event whose "they" stays unresolved never in place of a resolved one, appeals to no one
named aimed at the target of the act they ask for, and fewer false events (negated acts
that did not happen, participles that only describe).

Every sentence here was written for these tests; none comes from the seeds or the dev data.
"""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.events._clauses import _skip_clause
from tests.events._parses import built
from tests.test_events import _events, _one


def test_a_pronoun_source_takes_the_group_named_in_the_sentence_before(nlp: Any) -> None:
    text = (
        "Our envoy met Hezbollah commanders in Beirut. They promised him that they will "
        "attack all militias in Syria, including ISIS."
    )
    ev = _events(nlp, text)
    second = ev[ev["start"] >= text.index("They")]
    assert len(second) >= 1
    assert set(second["source"]) == {"Hezbollah"}


def test_a_pronoun_source_takes_the_group_named_earlier_in_the_sentence(nlp: Any) -> None:
    text = "The minister spoke with Hamas officials; they assured her that they would free them."
    ev = _events(nlp, text)
    assert "Hamas" in set(ev["source"].dropna())


def test_an_unresolved_pronoun_event_does_not_replace_a_resolved_one(nlp: Any) -> None:
    e = _one(nlp, "Ethiopia promised that they will stop all attacks on Eritrea.")
    assert (e["source"], e["trigger"]) == ("Ethiopia", "promised")


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        (
            "Egypt called on the international community to isolate Israel.",
            "Israel",
            None,
        ),
        (
            "Kenya's parliament called on the world community to cut Sudan off from "
            "international banking.",
            "Sudan",
            "verbal_conflict",
        ),
    ],
)
def test_an_appeal_to_no_one_named_is_aimed_at_the_target_of_the_act_asked_for(
    nlp: Any, text: str, target: str, kind: str | None
) -> None:
    e = _one(nlp, text)
    assert e["trigger"] == "called on" and e["target"] == target
    if kind is not None:
        assert e["type"] == kind  # asking for a hostile act is a demand


def test_an_appeal_takes_no_target_from_an_adjunct_of_the_act_asked_for(nlp: Any) -> None:
    text = (
        "The Foreign Minister of Brazil called on all parties to show restraint during a "
        "meeting with the president of Kenya."
    )
    ev = _events(nlp, text)
    appeal = ev[ev["trigger"] == "called on"]
    assert len(appeal) == 1 and appeal.iloc[0]["target"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Brazil did not recognize the new government of Bolivia.",
        "Chile failed to give Peru a loan.",
    ],
)
def test_a_negated_act_that_did_not_happen_is_no_event(nlp: Any, text: str) -> None:
    assert _events(nlp, text).empty


@pytest.mark.parametrize(
    "text",
    [
        "Brazil refused to recognize the new government of Bolivia.",
        "Chile and Peru failed to reach an agreement on fishing rights.",
    ],
)
def test_a_refusal_or_failed_talks_stay_verbal_conflict(nlp: Any, text: str) -> None:
    assert _one(nlp, text)["type"] == "verbal_conflict"


def test_a_conjunct_of_a_participle_modifier_in_a_recommendation_is_no_clause() -> None:
    # "Peru must be a partner fostering trade and supporting reforms"
    doc = built(
        [
            "Peru",
            "must",
            "be",
            "a",
            "partner",
            "fostering",
            "trade",
            "and",
            "supporting",
            "reforms",
        ],
        [2, 2, 2, 4, 2, 4, 5, 5, 5, 8],
        ["nsubj", "aux", "ROOT", "det", "attr", "acl", "dobj", "cc", "conj", "dobj"],
        tags=["NNP", "MD", "VB", "DT", "NN", "VBG", "NN", "CC", "VBG", "NNS"],
    )
    assert _skip_clause(doc[5]) and _skip_clause(doc[8])


def test_a_conjunct_of_a_participle_modifier_in_a_reported_act_stays_a_clause() -> None:
    # "Peru published articles praising Chile and blaming Bolivia"
    doc = built(
        ["Peru", "published", "articles", "praising", "Chile", "and", "blaming", "Bolivia"],
        [1, 1, 1, 2, 3, 3, 3, 6],
        ["nsubj", "ROOT", "dobj", "acl", "dobj", "cc", "conj", "dobj"],
        tags=["NNP", "VBD", "NNS", "VBG", "NNP", "CC", "VBG", "NNP"],
    )
    assert not _skip_clause(doc[6])


def test_a_participle_coordinated_with_an_adjective_is_no_clause() -> None:
    # "Mali offered a new and convincing plan"
    doc = built(
        ["Mali", "offered", "a", "new", "and", "convincing", "plan"],
        [1, 1, 6, 6, 3, 3, 1],
        ["nsubj", "ROOT", "det", "amod", "cc", "conj", "dobj"],
        tags=["NNP", "VBD", "DT", "JJ", "CC", "VBG", "NN"],
    )
    assert _skip_clause(doc[5])
    assert not _skip_clause(doc[1])


def test_a_conjunct_of_a_reported_act_stays_a_clause() -> None:
    # "Iran armed and trained rebels"
    doc = built(
        ["Iran", "armed", "and", "trained", "rebels"],
        [1, 1, 1, 1, 3],
        ["nsubj", "ROOT", "cc", "conj", "dobj"],
        tags=["NNP", "VBD", "CC", "VBD", "NNS"],
    )
    assert not _skip_clause(doc[3])
