"""Wars and treaties named after their parties joined by hyphens (EVENT, LAW), settlements
named "Peace of <place>", and a season word that opens an event's name is no date; on
sentences written for these tests (from no corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._laws import find_compound_names
from tests.actors.test_generalisation import entity_rows

# (sentence, (name, label) expected, names that must not be entities)
CASES: list[tuple[str, tuple[str, str], set[str]]] = [
    (
        "Historians still argue about the Franco-Prussian War and its legacy.",
        ("Franco-Prussian War", "EVENT"),
        {"Prussian"},
    ),
    (
        "Veterans of the Polish-Soviet War met in the square.",
        ("Polish-Soviet War", "EVENT"),
        {"Polish", "Soviet"},
    ),
    (
        "Cadets studied the Second Sino-Japanese War in their first term.",
        ("Second Sino-Japanese War", "EVENT"),
        set(),
    ),
    (
        "Beijing cited the Sino-Soviet Treaty during the dispute.",
        ("Sino-Soviet Treaty", "LAW"),
        {"Sino-Soviet"},
    ),
    (
        "Lawyers in Dublin debated the Anglo-Irish Agreement again.",
        ("Anglo-Irish Agreement", "LAW"),
        set(),
    ),
    (
        "The Peace of Westphalia is often called the birth of sovereignty.",
        ("Peace of Westphalia", "LAW"),
        {"Westphalia"},
    ),
]


@pytest.fixture(scope="module")
def rows(nlp: Any) -> list[list[tuple[str, str, str]]]:
    return entity_rows(nlp, [c[0] for c in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[1][0] for c in CASES])
def test_compound_war_and_treaty_names(rows: list[list[tuple[str, str, str]]], k: int) -> None:
    _text, (name, label), absent = CASES[k]
    got = {(t, lab) for t, lab, _c in rows[k]}
    assert (name, label) in got, got
    assert not absent & {t for t, _l in got}, got


def test_only_names_and_combining_forms_make_a_compound() -> None:
    known = {"Iran", "Iraq", "Prussian"}.__contains__
    text = (
        "The Iran-Iraq War ended in 1988. Anti-Drug Pact talks stalled; a Post-War Treaty "
        "draft and the Franco-Prussian War of 1870 were cited."
    )
    found = [(text[f.start : f.end], f.label) for f in find_compound_names(text, known)]
    assert found == [("Iran-Iraq War", "EVENT"), ("Franco-Prussian War of 1870", "EVENT")]


def test_a_season_opening_an_event_name_is_no_date(nlp: Any) -> None:
    rep = nlp.analyze(
        "The Winter War began in November 1939 and ended in March 1940.", doc_date="2020-01-01"
    )
    assert list(rep.dates["text"]) == ["November 1939", "March 1940"]
    assert ("Winter War", "EVENT") in set(zip(rep.entities["text"], rep.entities["label"]))


def test_a_season_before_a_name_that_is_not_its_own_stays_a_date(nlp: Any) -> None:
    rep = nlp.analyze(
        "In the winter the Red Army regrouped near the border.", doc_date="1940-06-01"
    )
    assert "the winter" in list(rep.dates["text"])
