"""A former state is its own country, as a current one is (owner, ninth session).

Event coders code the Soviet Union or Yugoslavia as states; before this, their entities
had no ``country`` and an event between "the Soviet Union" and "Hungary" listed Hungary
alone among its states. Sentences written for this test.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Soviet Union recalled its ambassador in 1961.", "Soviet Union"),
        ("Yugoslavia left the bloc after a long quarrel.", "Yugoslavia"),
        ("East Germany built a wall across the city.", "East Germany"),
    ],
)
def test_former_state_entity_is_its_own_country(nlp: Any, text: str, name: str) -> None:
    ents = nlp.analyze(text).entities
    row = ents[ents.canonical == name]
    assert not row.empty, ents[["text", "canonical"]].values.tolist()
    assert row.country.tolist() == [name]


def test_event_between_a_former_and_a_current_state_lists_both(nlp: Any) -> None:
    ev = nlp.analyze("The Soviet Union sent tanks into Czechoslovakia in August 1968.").events
    assert len(ev) == 1
    assert list(ev.countries.iloc[0]) == ["Soviet Union", "Czechoslovakia"]


def test_current_capital_is_not_a_former_state(nlp: Any) -> None:
    # Berlin is the capital of Germany today; a former state claims no capital.
    ents = nlp.analyze("Officials in Berlin welcomed the vote.").entities
    assert ents[ents.text == "Berlin"].country.tolist() == ["Germany"]
