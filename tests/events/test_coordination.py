"""Who did what to whom: actors coordinated inside one noun phrase ("the Abkhaz and South
Ossetian republics", "Macron and Foreign Minister Le Drian") and in what a statement is
about ("warned that Ethiopia and Eritrea ...").

Every sentence here was written for these tests; none comes from the seeds or the dev data.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_events import _events


def _side(v: Any) -> set[str]:
    return set(v.split(";")) if isinstance(v, str) and v else set()


def _at(nlp: Any, text: str, trigger: str) -> dict[str, Any]:
    rows = [e for e in _events(nlp, text).to_dict("records") if e["trigger"].split()[0] == trigger]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        (
            "Iranian officials praised Hamas and Hezbollah leadership for the ceasefire.",
            "praised",
            {"Iran"},
            {"Hamas", "Hezbollah"},
        ),
        (
            "Nigerian President Bola Tinubu recognized the Somaliland and Puntland governments.",
            "recognized",
            {"Bola Tinubu"},
            {"Somaliland", "Puntland"},
        ),
    ],
)
def test_names_coordinated_before_a_head_are_all_actors(
    nlp: Any, text: str, trigger: str, source: set[str], target: set[str]
) -> None:
    e = _at(nlp, text, trigger)
    assert _side(e["source"]) == source
    assert _side(e["target"]) == target


def test_a_statement_is_aimed_at_every_actor_coordinated_in_its_first_phrase(nlp: Any) -> None:
    e = _at(
        nlp,
        "Kenya's foreign minister said that Uganda wants to recognize Abkhazia and Kosovo.",
        "said",
    )
    assert _side(e["target"]) == {"Uganda"}
    e = _at(
        nlp,
        "Kenya's foreign minister warned that Ethiopia and Eritrea were massing troops.",
        "warned",
    )
    assert _side(e["source"]) == {"Kenya"}
    assert _side(e["target"]) == {"Ethiopia", "Eritrea"}


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # a verb in the past tense shares no "to" or modal with the verb it is conjoined to
        (
            "Kenyan officials justified the raid as necessary to protect Kenyan citizens"
            " and falsely accused Somalia on 3 May.",
            "accused",
            {"Kenya"},
            {"Somalia"},
        ),
        (
            "Paul Kagame said the border must be respected and urged Uganda to withdraw its troops.",
            "urged",
            {"Paul Kagame"},
            {"Uganda"},
        ),
    ],
)
def test_a_finite_conjunct_is_a_clause_of_its_own(
    nlp: Any, text: str, trigger: str, source: set[str], target: set[str]
) -> None:
    e = _at(nlp, text, trigger)
    assert _side(e["source"]) == source
    assert _side(e["target"]) == target


def test_a_base_form_conjunct_shares_the_modal(nlp: Any) -> None:
    rows = _events(nlp, "Uganda might protest and sanction Kenya.")
    assert not len(rows)


def test_a_nationality_on_an_act_names_its_author_as_target(nlp: Any) -> None:
    # another event in the sentence: the clause's own roles must give the target
    e = _at(
        nlp,
        "Vietnam met Japan on Monday, and the Philippines denounced Chinese incursions.",
        "denounced",
    )
    assert e["source"] == "Philippines"
    assert e["target"] == "China"


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # military assets act for the state whose nationality they bear
        (
            "Russian warplanes bombed Ukrainian positions on Tuesday.",
            "bombed",
            {"Russia"},
            {"Ukraine"},
        ),
        # verbs of the CAMEO codebook: breaking off relations, firing missiles
        (
            "Venezuela broke off diplomatic relations with Colombia.",
            "broke",
            {"Venezuela"},
            {"Colombia"},
        ),
        ("Iran fired ballistic missiles at Iraqi bases in January.", "fired", {"Iran"}, {"Iraq"}),
    ],
)
def test_assets_and_codebook_verbs(
    nlp: Any, text: str, trigger: str, source: set[str], target: set[str]
) -> None:
    e = _at(nlp, text, trigger)
    assert _side(e["source"]) == source
    assert _side(e["target"]) == target


def test_warships_of_two_states_hold_a_joint_drill(nlp: Any) -> None:
    e = _at(nlp, "Chinese and Russian warships held joint drills in the Sea of Japan.", "held")
    assert set(e["parties"]) == {"China", "Russia"}
    assert not e["source"] and not e["target"]


def test_soviet_stands_for_the_soviet_union(nlp: Any) -> None:
    e = _at(nlp, "Soviet troops invaded Hungary in November 1956.", "invaded")
    assert e["source"] == "Soviet Union"
    assert e["target"] == "Hungary"


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target", "parties"),
    [
        (
            "Narendra Modi assured Joe Biden that India would buy more gas.",
            "assured",
            {"Narendra Modi"},
            {"Joe Biden"},
            None,
        ),
        (
            "Russian and Belarusian troops began joint exercises near the Polish border.",
            "began",
            set(),
            set(),
            {"Russia", "Belarus"},
        ),
    ],
)
def test_assurances_and_exercises_begun(
    nlp: Any, text: str, trigger: str, source: set[str], target: set[str], parties: Any
) -> None:
    e = _at(nlp, text, trigger)
    assert _side(e["source"]) == source
    assert _side(e["target"]) == target
    if parties is not None:
        assert set(e["parties"]) == parties
