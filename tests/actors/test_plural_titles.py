"""A plural title before a list of names announces each of them as a person (owner, ninth
session): "Presidents Aliyev and Pashinyan" gave no entity at all before. Sentences
written for this test."""

from __future__ import annotations

from typing import Any

import pytest


def _people(nlp: Any, text: str) -> list[str]:
    ents = nlp.analyze(text).entities
    return ents[ents.label == "PERSON"].text.tolist()


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Presidents Tokayev and Mirziyoyev met in Samarkand.", ["Tokayev", "Mirziyoyev"]),
        ("Generals Okafor and Diallo inspected the depot.", ["Okafor", "Diallo"]),
        (
            "Foreign Ministers Halvorsen, Tanaka and Mbeki signed the note.",
            ["Halvorsen", "Tanaka", "Mbeki"],
        ),
    ],
)
def test_names_after_a_plural_title_are_people(nlp: Any, text: str, people: list[str]) -> None:
    assert _people(nlp, text) == people


def test_plural_title_alone_names_no_one(nlp: Any) -> None:
    assert _people(nlp, "The Presidents met in Samarkand on Friday.") == []


def test_list_breaks_at_a_lower_case_word(nlp: Any) -> None:
    # The list ends at "said": "Brandt Logistics" after it has no title before it.
    found = _people(nlp, "Generals Okafor and Diallo said Brandt Logistics would supply it.")
    assert found == ["Okafor", "Diallo"]
