"""Sentences written for these tests (from no corpus): facilities named by their head
(bases, power plants, launch sites, dams, canals, ports, squares), historical events by
their head, treaties coordinated with treaties, numbered resolutions and dated acts,
islands named as places, and "Washington" after George Washington (corpora/GUIDELINES.md
sections 2 and 8: FAC for buildings, sites and transport infrastructure; islands that are
not states are LOC; a lone surname is the person unless it is a place in its context)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from relnlp.pipeline._facilities import facility_name, find_facilities
from relnlp.pipeline._laws import find_laws, find_place_laws
from tests.actors.test_generalisation import Row, assert_entities, entity_rows

CASES: list[tuple[str, list[Row], set[Row]]] = [
    (
        # Bases: the pattern, and the gazetteer's English Wikipedia title.
        "Tankers refuelled over the sea after leaving Morón Air Base, and two frigates "
        "returned to Sevastopol Naval Base while bombers stayed at Hmeimim Air Base.",
        [
            ("Morón Air Base", "FAC", "Morón Air Base"),
            ("Sevastopol Naval Base", "FAC", "Sevastopol Naval Base"),
            ("Hmeimim Air Base", "FAC", "Khmeimim Air Base"),
        ],
        {("Sevastopol", "GPE", "Sevastopol")},
    ),
    (
        # A nationality or religious adjective is no part of a site's name.
        "Engineers lengthened the runway of the Chinese Air Base at Ream, officials said, "
        "and a Sunni Mosque nearby was closed.",
        [("Chinese", "NORP", "Chinese")],
        {("Chinese Air Base", "FAC", "Chinese Air Base"), ("Sunni Mosque", "FAC", "Sunni Mosque")},
    ),
    (
        "Inspectors visited the Ostrovets Nuclear Power Plant and later the Zhytomyr "
        "Thermal Power Plant, then flew on to the Vostochny Cosmodrome.",
        [
            ("Ostrovets Nuclear Power Plant", "FAC", "Belarusian Nuclear Power Plant"),
            ("Zhytomyr Thermal Power Plant", "FAC", None),
            ("Vostochny Cosmodrome", "FAC", "Vostochny Cosmodrome"),
        ],
        set(),
    ),
    (
        "Grain left through the Port of Constanta, and barges used the Corinth Canal "
        "before the Nurek Dam was repaired.",
        [
            ("Port of Constanta", "FAC", "Port of Constanta"),
            ("Corinth Canal", "FAC", "Corinth Canal"),
            ("Nurek Dam", "FAC", "Nurek Dam"),
        ],
        set(),
    ),
    (
        # Gazetteer sites with their English Wikipedia titles.
        "Airborne troops landed at Hostomel Airport; later the delegation dined in the Great "
        "Hall of the People and flew out past the Kaesong Industrial Complex.",
        [
            ("Hostomel Airport", "FAC", "Antonov Airport"),
            ("Great Hall of the People", "FAC", "Great Hall of the People"),
            ("Kaesong Industrial Complex", "FAC", "Kaesong Industrial Region"),
        ],
        set(),
    ),
    (
        "The final was played at Olympic Stadium, mourners met at St. Mary's Cathedral and "
        "the Sultan Ahmed Mosque, and the dissident stayed in Lefortovo Prison.",
        [
            ("Olympic Stadium", "FAC", None),
            ("St. Mary's Cathedral", "FAC", None),
            ("Sultan Ahmed Mosque", "FAC", None),
            ("Lefortovo Prison", "FAC", None),
        ],
        set(),
    ),
    (
        "Crowds filled Independence Square in the capital while the Strait of Malacca "
        "stayed open to shipping.",
        [
            ("Independence Square", "FAC", None),
            ("Strait of Malacca", "LOC", None),
        ],
        set(),
    ),
    (
        "Historians compare the Tet Offensive with the Suez Crisis, the Congress of Vienna "
        "with the Berlin Conference, and the Winter War with the Falklands War.",
        [
            ("Tet Offensive", "EVENT", "Tet Offensive"),
            ("Suez Crisis", "EVENT", "Suez Crisis"),
            ("Congress of Vienna", "EVENT", "Congress of Vienna"),
            ("Winter War", "EVENT", "Winter War"),
            ("Falklands War", "EVENT", "Falklands War"),
        ],
        set(),
    ),
    (
        "The Treaty of Paris and the Camp David Accords were signed decades apart, and "
        "Resolution 678 preceded UNSCR 687.",
        [
            ("Treaty of Paris", "LAW", None),
            ("Camp David Accords", "LAW", "Camp David Accords"),
            ("Resolution 678", "LAW", "United Nations Security Council Resolution 678"),
            ("UNSCR 687", "LAW", "United Nations Security Council Resolution 687"),
        ],
        {("Treaty of Paris and the Camp David Accords", "LAW", None)},
    ),
    (
        # Treaties named after a place, where the model tags the place alone.
        "Negotiators revived the Nairobi Protocol and drafted the Doha Communique, and the "
        "Tripartite Statement ended the shelling.",
        [
            ("Nairobi Protocol", "LAW", "Nairobi Protocol"),
            ("Doha Communique", "LAW", None),
            ("Tripartite Statement", "LAW", None),
        ],
        {("Nairobi", "GPE", "Nairobi")},
    ),
    (
        "Marines landed on Okinawa for the drill, and the assembly of Okinawa Prefecture "
        "objected; ferries linked Hokkaido with Honshu, and Sardinia with Corsica.",
        [
            ("Okinawa", "LOC", "Okinawa Island"),
            ("Okinawa Prefecture", "GPE", "Okinawa Prefecture"),
            ("Hokkaido", "LOC", "Hokkaido"),
            ("Honshu", "LOC", "Honshu"),
            ("Sardinia", "LOC", "Sardinia"),
            ("Corsica", "LOC", "Corsica"),
        ],
        {("Okinawa", "GPE", "Okinawa")},
    ),
    (
        # A history: the lone surname after the full name is the general ...
        "George Washington led the army through the winter of 1777. Washington's officers "
        "doubted him, but Washington held the camp until spring.",
        [("George Washington", "PERSON", "George Washington")],
        {("Washington", "GPE", "Washington, D.C.")},
    ),
    (
        # ... but the capital after a preposition of place or coordinated with capitals.
        "George Washington is on the dollar bill. The envoys met in Washington, and "
        "Washington and Ottawa signed the accord.",
        [("George Washington", "PERSON", "George Washington")],
        {("Washington", "PERSON", "George Washington")},
    ),
]


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_sites_events_sentence(found: list[list[Row]], k: int) -> None:
    got = found[k]
    assert_entities(got, CASES[k][1])
    assert not set(got) & CASES[k][2], got


def test_washington_person_in_history(found: list[list[Row]]) -> None:
    got = next(f for f, c in zip(found, CASES) if c[0].startswith("George Washington led"))
    lone = [g for g in got if g[0] == "Washington"]
    assert len(lone) == 2 and all(g[1] == "PERSON" for g in lone), got


def test_washington_place_after_preposition(found: list[list[Row]]) -> None:
    got = next(f for f, c in zip(found, CASES) if c[0].startswith("George Washington is"))
    lone = [g for g in got if g[0] == "Washington"]
    assert len(lone) == 2 and all(g[1] == "GPE" for g in lone), got


def test_find_facilities_pattern() -> None:
    text = (
        "At Lajes Field and Souda Bay Naval Base, the Russian Naval Base plan, the Port of "
        "Aden. Naval Base and Air Base alone name nothing."
    )
    got = [text[f.start : f.end] for f in find_facilities(text, {"Russian"}.__contains__)]
    assert got == ["Souda Bay Naval Base", "Port of Aden"], got


def test_find_facilities_leaves_out_openers_and_owners() -> None:
    text = (
        "Yesterday Misrata Air Base was shelled. Turkey's Izmir Naval Base is busy. On "
        "Tuesday Bishkek International Airport closed."
    )
    got = [text[f.start : f.end] for f in find_facilities(text, {"Turkish"}.__contains__)]
    assert got == ["Misrata Air Base", "Izmir Naval Base", "Bishkek International Airport"], got


def test_facility_name_heads() -> None:
    doc = spacy.blank("en")("Kozloduy Nuclear Power Plant Port of Aden Power Plant Dam")
    assert facility_name(doc[0:4])
    assert facility_name(doc[4:7])
    assert not facility_name(doc[7:9])  # the head alone
    assert not facility_name(doc[9:10])


def test_find_laws_coordination_and_years() -> None:
    text = (
        "The Treaty of Rome and the Lisbon Treaty differ. The Clean Air Act of 1970 passed. "
        "Memorandum of Conversation between the two ministers."
    )
    got = [(text[f.start : f.end], f.canonical) for f in find_laws(text)]
    assert ("Treaty of Rome", "Treaty of Rome") in got, got
    assert ("Clean Air Act of 1970", "Clean Air Act of 1970") in got, got
    assert not [g for g in got if "Lisbon" in g[0] and "Rome" in g[0]], got
    assert not [g for g in got if g[0].startswith("Memorandum")], got


def test_year_inside_a_law_name_is_no_date(nlp: Any) -> None:
    report = nlp.analyze(
        "Parliament amended the Merchant Shipping Act of 1894 in May 1995.", doc_date="2000-01-01"
    )
    assert ("Merchant Shipping Act of 1894", "LAW") in {
        (r.text, r.label) for r in report.entities.itertuples()
    }, report.entities
    assert list(report.dates["text"]) == ["May 1995"], report.dates


def test_find_place_laws_needs_a_known_place() -> None:
    text = "The Lome Convention, the Free Trade Agreement and the Quito Declaration."
    got = [text[f.start : f.end] for f in find_place_laws(text, {"Lome", "Quito"}.__contains__)]
    assert got == ["Lome Convention", "Quito Declaration"], got
