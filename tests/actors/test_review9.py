"""Fixes from the ninth session's review; the sentences are the reviewer's own, written
for the review (none from the seeds or dev texts)."""

from __future__ import annotations

from typing import Any

import pytest


def _ents(nlp: Any, text: str) -> list[tuple[str, str]]:
    ents = nlp.analyze(text, doc_date="2024-05-01").entities
    return list(zip(ents.text, ents.label, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "Protesters blocked the Reliance refinery.",
        "The Adani power plant closed for repairs.",
    ],
)
def test_a_company_before_a_plant_or_refinery_is_no_facility_name(nlp: Any, text: str) -> None:
    assert not [e for e in _ents(nlp, text) if e[1] == "FAC"]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Cardinal Health Partners bought the clinic.", "Health Partners"),
        ("We met at the Duke of York pub.", "Duke of York"),
        ("She won the Duke of Edinburgh Award in 2019.", "Duke of Edinburgh"),
    ],
)
def test_a_title_name_that_modifies_a_head_is_no_person(nlp: Any, text: str, wrong: str) -> None:
    assert (wrong, "PERSON") not in _ents(nlp, text)


def test_a_title_held_of_a_territory_still_names_a_person(nlp: Any) -> None:
    assert ("Earl of Derby", "PERSON") in _ents(nlp, "The Earl of Derby opened the bridge.")
