"""A title of office or rank before a name the model misses, and named facilities by head
word and pattern; on sentences written for these tests (from no corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.actors.test_generalisation import Row, entity_rows

# (sentence, names expected as PERSON, names that must not be PERSON)
TITLE_CASES: list[tuple[str, set[str], set[str]]] = [
    ("On Monday Chancellor Scholz told reporters the talks would go on.", {"Scholz"}, set()),
    ("Queen Margrethe opened the new session of parliament.", {"Margrethe"}, set()),
    ("The cable reached Admiral Tervold late at night.", {"Tervold"}, set()),
    ("Secretary of State Harwood flew home after the meeting.", {"Harwood"}, set()),
    ("The delegation was received by Commissioner Halvorsen.", {"Halvorsen"}, set()),
    ("Both Sergeant Okafor and Corporal Lindqvist were decorated.", {"Okafor"}, set()),
    (
        "The resolution passed the General Assembly although General Motors lobbied.",
        set(),
        {"Assembly", "Motors", "General Assembly", "General Motors"},
    ),
    ("Fans of the Premier League watched the final on television.", set(), {"League"}),
    ("Chancellor Meets Farmers In Bavaria", set(), {"Meets", "Meets Farmers"}),
]


@pytest.fixture(scope="module")
def title_rows(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in TITLE_CASES])


@pytest.mark.parametrize("k", range(len(TITLE_CASES)), ids=[c[0][:40] for c in TITLE_CASES])
def test_title_before_name(title_rows: list[list[Row]], k: int) -> None:
    got = title_rows[k]
    _, people, not_people = TITLE_CASES[k]
    person = {text for text, label, _ in got if label == "PERSON"}
    assert people <= person, got
    assert not (not_people & person), got


def test_title_surname_takes_known_canonical(nlp: Any) -> None:
    """A surname found after a title gets the gazetteer's full name when it knows one."""
    (got,) = entity_rows(nlp, ["In the morning Chancellor Scholz spoke to the press."])
    assert ("Scholz", "PERSON", "Olaf Scholz") in got
