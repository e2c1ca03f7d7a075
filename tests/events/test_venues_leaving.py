"""Events, owner's ninth-session fixes: a venue after "at" is where an act happens, not
its target; the state a force or mission leaves is the target of a withdrawal; taking
back advisers or experts reduces relations (CAMEO 16); ratifying an accession.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_events import _check_roles, _one


@pytest.mark.parametrize(
    "text",
    [
        "Premier Ito and Chancellor Brandt met at the Frankfurt airport in May 1971.",
        "Ilham Aliyev and Nikol Pashinyan met at the Ankara summit on Friday.",
    ],
)
def test_a_venue_after_at_is_no_target(nlp: Any, text: str) -> None:
    e = _one(nlp, text)
    assert e["target"] is None, e


def test_an_aimed_at_object_stays_a_target(nlp: Any) -> None:
    e = _one(nlp, "Egyptian soldiers fired at Israeli positions near the canal.")
    assert e["target"] == "Israel"


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Armenia withdrew its troops from Azerbaijan in 1994.", "Armenia", "Azerbaijan"),
        ("Cuba pulled its forces out of Angola.", "Cuba", None),
        ("Vietnam withdrew its army from Cambodia in 1989.", "Vietnam", "Cambodia"),
    ],
)
def test_the_state_left_is_the_target_of_a_withdrawal(
    nlp: Any, text: str, source: str, target: str | None
) -> None:
    _check_roles(nlp, text, source, target)


def test_withdrawing_advisers_reduces_relations(nlp: Any) -> None:
    e = _one(nlp, "In 1972 Egypt withdrew its Soviet military advisers from the country.")
    assert e["cameo"] == "16" and e["type"] == "material_conflict"
    e = _one(nlp, "Bulgaria withdrew its experts from Albania.")
    assert (e["cameo"], e["target"]) == ("16", "Albania")


def test_withdrawing_troops_stays_de_escalation(nlp: Any) -> None:
    e = _one(nlp, "Vietnam withdrew its army from Cambodia in 1989.")
    assert e["cameo"][:2] == "08"


def test_ratifying_an_accession_is_an_event(nlp: Any) -> None:
    e = _one(nlp, "The Turkish parliament ratified Finland's accession to the alliance.")
    assert e["cameo"][:2] == "05"


def test_an_attack_at_a_venue_keeps_its_target(nlp: Any) -> None:
    # review: the venue filter is for meeting and speaking, not for violence
    e = _one(nlp, "Azerbaijani drones struck at the Stepanakert airport on Sunday.")
    assert e["target"] is not None


def test_a_person_acting_on_their_own_state_is_no_body_of_it(nlp: Any) -> None:
    # review: the own-state rule is for bodies of a state ("the Foreign Ministry
    # recalled Turkey's envoy"), not for people ("the dissident accused Belarus")
    e = _one(nlp, "Svetlana Tikhanovskaya accused Belarus of jailing her husband.")
    assert e["target"] == "Belarus"
