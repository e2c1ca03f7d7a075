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
