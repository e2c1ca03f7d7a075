"""Named events by their head or opening, and EVENT and LAW names on the gold set of
tests/actors/event_law_gold.py (sentences written for these tests, from no corpus;
corpora/GUIDELINES.md section 2: wars, crises, revolutions, summits, conferences, games and
named historical events are EVENT; descriptive phrases and lower-case heads are not)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._laws import find_laws
from relnlp.pipeline._named_events import find_named_events
from tests.actors.event_law_gold import (
    EVENT_LAW_CASES,
    EVENT_LAW_FRESH,
    event_law_rows,
    event_law_scores,
)

_PLACES = frozenset({"Russia", "Ruritania"})


def _names(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    found = find_named_events(text, known.__contains__, _PLACES.__contains__)
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Exports collapsed during the Ruritanian Grain Crisis.", ["Ruritanian Grain Crisis"]),
        ("The Velvet Harbour Uprising was crushed in a week.", ["Velvet Harbour Uprising"]),
        ("Envoys gathered for the Lake Tana Conference in May.", ["Lake Tana Conference"]),
        ("The Third Anglo-Zulu War never happened.", ["Third Anglo-Zulu War"]),
        ("Veterans of the Hundred Years' War were few.", ["Hundred Years' War"]),
        (
            "He fought in the Battle of the Marne and at the Siege of Kut.",
            [
                "Battle of the Marne",
                "Siege of Kut",
            ],
        ),
        ("The Revolution of 1905 weakened the tsar.", ["Revolution of 1905"]),
        (
            "Athletes trained for the Pacific Rim Games and the Winter Olympics.",
            [
                "Pacific Rim Games",
                "Winter Olympics",
            ],
        ),
        # a possessive or an opener is no part of the name
        ("Russia's Ukraine War changed Europe.", ["Ukraine War"]),
        # a head, "of" and the rest of the name; a month ends it
        ("Bolivia lost its coast in the War of the Altiplano.", ["War of the Altiplano"]),
        ("The Dorian War of Secession began slowly.", ["Dorian War of Secession"]),
        ("Envoys flew to the Summit of the Andes in April.", ["Summit of the Andes"]),
        # a possessive after the name is no part of it
        ("The Ruritanian War's veterans marched.", ["Ruritanian War"]),
    ],
)
def test_named_events_by_head(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        # the head goes on into a longer name, or the name sits inside one
        "The International Crisis Group and the War Office disagreed.",
        "Analysts at the Institute for the Study of War said so.",
        "The Museum of the Great Patriotic War reopened.",
        "The Conference on Disarmament met again.",
        # descriptions, lower-case heads and Title Case titles
        "Planners feared the Next War more than the last one.",
        "The Osaka summit and the energy crisis dominated the news.",
        "## The Coming Crisis in Europe",
        "See How the Ukraine War Changed the Balance of Power in Europe, Foreign Affairs.",
        "Storms hit in the Fall of 2021.",
        # a numeral goes on with the name ("World War 2"), left to the gazetteer and model
        "Her uncle served in World War 2.",
        # a possessive inside a name: the whole name is no event
        "Delegates of the Chinese People's Political Consultative Conference met.",
        "The Museum of the War of Secession and the Ministry of War reopened.",
    ],
)
def test_no_named_event(text: str) -> None:
    assert _names(text) == []


def test_year_after_a_name_is_kept_only_where_it_belongs() -> None:
    text = "After the Harbour Crisis of 1911 came the Border Crisis of 1923."
    assert _names(text) == ["Harbour Crisis", "Border Crisis"]
    assert _names(text, frozenset({"Border Crisis of 1923"})) == [
        "Harbour Crisis",
        "Border Crisis of 1923",
    ]


def test_dates_inside_and_after_event_names(nlp: Any) -> None:
    doc = nlp.analyze(
        "Sailors deserted during the War of 1812. Crowds filled the squares during the "
        "Jasmine Revolution of 2011.",
        doc_date="2024-05-01",
    )
    rows = {(r.text, r.label) for r in doc.entities.itertuples()}
    assert {("War of 1812", "EVENT"), ("Jasmine Revolution", "EVENT")} <= rows
    dated = {doc.text[r.start : r.end] for r in doc.dates.itertuples()}
    assert "1812" not in dated and "2011" in dated


def test_treaty_name_stops_before_a_month() -> None:
    text = "Both sides signed the Treaty of Kars in October 1921."
    assert [text[f.start : f.end] for f in find_laws(text)] == ["Treaty of Kars"]


@pytest.fixture(scope="module")
def rows(nlp: Any) -> list[list[tuple[str, str, str]]]:
    return event_law_rows(nlp, EVENT_LAW_CASES)


def test_event_law_gold_scores(rows: list[list[tuple[str, str, str]]]) -> None:
    scores = event_law_scores(rows)
    assert scores["f1"] >= 0.95, scores
    assert scores["alike"] >= 0.85, scores


def test_event_law_fresh_scores(nlp: Any) -> None:
    """The set written after the pass's fixes and scored once before it was kept."""
    got = event_law_rows(nlp, EVENT_LAW_FRESH)
    assert event_law_scores(got, EVENT_LAW_FRESH)["f1"] >= 0.8


def test_world_wars_written_with_numerals(nlp: Any) -> None:
    doc = nlp.analyze(
        "His grandfather flew in World War 2 and his great-uncle died in World War One.",
        doc_date="2024-05-01",
    )
    rows = {(r.text, r.label, r.canonical) for r in doc.entities.itertuples()}
    assert ("World War 2", "EVENT", "World War II") in rows
    assert ("World War One", "EVENT", "World War I") in rows


def test_bodies_with_event_heads_keep_their_label(nlp: Any) -> None:
    doc = nlp.analyze(
        "The East Asia Summit admitted two members, and the Chinese People's Political "
        "Consultative Conference opened in Beijing.",
        doc_date="2024-05-01",
    )
    labels = {r.text: r.label for r in doc.entities.itertuples()}
    assert labels.get("East Asia Summit") == "ORG", labels
    assert "EVENT" not in labels.values(), labels


def test_movements_named_like_events_are_bodies(nlp: Any) -> None:
    doc = nlp.analyze(
        "Extinction Rebellion activists glued themselves to the road while the Southern "
        "Christian Leadership Conference held a vigil.",
        doc_date="2024-05-01",
    )
    labels = {r.text: r.label for r in doc.entities.itertuples()}
    assert labels.get("Extinction Rebellion") == "ORG", labels
    assert labels.get("Southern Christian Leadership Conference") == "ORG", labels


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Meanwhile Gaza War casualties rose again.", "Meanwhile Gaza War"),
        ("However Iran Crisis talks stalled.", "However Iran Crisis"),
        ("Riot Games released a patch for its servers.", "Riot Games"),
        ("He watched Star Wars with his nephews.", "Star Wars"),
    ],
)
def test_openers_companies_and_films_are_no_event_names(nlp: Any, text: str, absent: str) -> None:
    """Review of the tenth session: a sentence-opening adverb is no part of a name;
    "Games" and "Wars" name events only after a sporting, place or nationality word."""
    ents = nlp.analyze(text, doc_date="2024-05-01").entities
    assert (absent, "EVENT") not in set(zip(ents["text"], ents["label"])), ents
