"""Issue 18, twelfth pass: a known place after a title, hyphenated surnames after a title,
regnal numbers that end a sentence, and landforms by their generic word; on sentences
written for these tests (from no corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._landforms import find_landforms
from tests.actors.test_generalisation import Row, entity_rows

# (sentence, rows expected (text, label, canonical or None), rows that must not appear)
CASES: list[tuple[str, list[tuple[str, str, str | None]], set[tuple[str, str]]]] = [
    # 1. a known place after a title needs more name evidence to be a person
    (
        "The treaty was signed in Paris by Ambassador Paris.",
        [("Paris", "GPE", "Paris")],
        {("Paris", "PERSON")},
    ),
    ("The envoy sent a note to Ambassador London.", [("London", "GPE", "London")], set()),
    (
        "We thank Ambassador Harold Paris for his help. Later Ambassador Paris flew home.",
        [("Harold Paris", "PERSON", "Harold Paris")],
        {("Paris", "GPE")},
    ),
    # 2. a hyphenated surname after a title stays whole
    (
        "The talks with Dr. Velasquez-Orue ended at noon.",
        [("Velasquez-Orue", "PERSON", None)],
        {("Velasquez", "PERSON")},
    ),
    (
        "The cable from Dr. Velasquez-Orue reached the ministry.",
        [("Velasquez-Orue", "PERSON", None)],
        {("Dr. Velasquez-Orue", "FAC")},
    ),
    ("General Ruiz-Tagle inspected the troops.", [("Ruiz-Tagle", "PERSON", None)], set()),
    # 3. a regnal number that ends a sentence leaves the full stop out
    (
        "The court historian wrote of Shah Abbas I.",
        [("Abbas I", "PERSON", None)],
        {("Shah Abbas I.", "PERSON"), ("Abbas I.", "PERSON")},
    ),
    (
        "The reforms were begun under Peter I. Later tsars kept them.",
        [("Peter I", "PERSON", None)],
        {("Peter I. Later", "PERSON")},
    ),
    ("The wars of Charles V. The peace came late.", [("Charles V", "PERSON", None)], set()),
    ("He met John I. Smith at the fair.", [("John I. Smith", "PERSON", None)], set()),
    ("The talks were led by the U.S.", [("U.S.", "GPE", "United States")], set()),
    (
        "The letter was signed by Martin Luther King Jr.",
        [("Martin Luther King Jr.", "PERSON", None)],
        set(),
    ),
    # 4. mountains, lakes, capes, gulfs and straits are LOC; museums stay ORG
    (
        "The village lies below Mount Olympus and Mount Ararat.",
        [("Mount Olympus", "LOC", None), ("Mount Ararat", "LOC", None)],
        set(),
    ),
    (
        "The road passes Mt. Elgon and Lake Orsen on the way north.",
        [("Mt. Elgon", "LOC", "Mount Elgon"), ("Lake Orsen", "LOC", None)],
        {("Elgon", "ORG")},
    ),
    (
        "The navy patrols the Gulf of Tarvik and the Strait of Velmar.",
        [("Gulf of Tarvik", "LOC", None), ("Strait of Velmar", "LOC", None)],
        {("Gulf", "LOC"), ("Tarvik", "ORG")},
    ),
    (
        "The expedition sailed past Cape Velden into open water.",
        [("Cape Velden", "LOC", None)],
        set(),
    ),
    (
        "The ship docked in Cape Town before it sailed into the Bay of Bengal.",
        [("Cape Town", "GPE", None), ("Bay of Bengal", "LOC", None)],
        set(),
    ),
    (
        "Congress passed the Gulf of Tonkin Resolution.",
        [("Gulf of Tonkin Resolution", "LAW", None)],
        set(),
    ),
    (
        "The paintings hang in the Metropolitan Museum of Art and the National Gallery.",
        [("Metropolitan Museum of Art", "ORG", None), ("National Gallery", "ORG", None)],
        set(),
    ),
]


@pytest.fixture(scope="module")
def rows(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_case(rows: list[list[Row]], k: int) -> None:
    got = rows[k]
    _, expected, forbidden = CASES[k]
    pairs = {(text, label) for text, label, _ in got}
    for text, label, canonical in expected:
        assert (text, label) in pairs, got
        if canonical is not None:
            assert (text, label, canonical) in got, got
    assert not (forbidden & pairs), got


def test_landform_before_head_of_body(nlp: Any) -> None:
    """A landform's name that runs on into the head of a body, a building, a document or an
    administrative unit (in lower case too) is no landform."""
    gaz = nlp.nlp.get_pipe("relnlp_actors").gazetteer
    text = (
        "She was treated at Mount Sinai Hospital and studied at Lake Forest College; "
        "the Mount Tarsel district lies east, and the Gulf of Varn Resolution passed."
    )
    assert list(find_landforms(text, gaz)) == []
    other = "Ferries cross Lake Varn daily."
    assert [other[f.start : f.end] for f in find_landforms(other, gaz)] == ["Lake Varn"]
