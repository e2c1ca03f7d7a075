"""A title of office or rank before a name the model misses, named facilities by head
word and pattern, and the country of a listed city the model calls GPE; on sentences
written for these tests (from no corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._facilities import find_facilities
from tests.actors.test_generalisation import Row, entity_rows

# (sentence, names expected as PERSON, names that must not be PERSON)
TITLE_CASES: list[tuple[str, set[str], set[str]]] = [
    ("On Monday Chancellor Scholz told reporters the talks would go on.", {"Scholz"}, set()),
    ("Queen Margrethe opened the new session of parliament.", {"Margrethe"}, set()),
    ("The cable reached Admiral Tervold late at night.", {"Tervold"}, set()),
    ("Secretary of State Harwood flew home after the meeting.", {"Harwood"}, set()),
    ("The delegation was received by Commissioner Halvorsen.", {"Halvorsen"}, set()),
    ("Both Sergeant Okafor and Corporal Lindqvist were decorated.", {"Okafor"}, set()),
    ("Chancellor Albrecht met Premier Vong in the afternoon.", {"Albrecht", "Vong"}, set()),
    ("Sheikh Tamim received the envoys at the palace.", {"Tamim"}, set()),
    ("Patriarch Kirill and the delegation met in Havana.", {"Kirill"}, {"Patriarch Kirill"}),
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


def test_title_surname_takes_known_canonical(title_rows: list[list[Row]]) -> None:
    """A surname found after a title gets the gazetteer's full name when it knows one."""
    assert ("Scholz", "PERSON", "Olaf Scholz") in title_rows[0]


# (sentence, names expected as FAC, names that must not be FAC)
FACILITY_CASES: list[tuple[str, set[str], set[str]]] = [
    ("The battalion trained at Fort Tarrow before it deployed.", {"Fort Tarrow"}, set()),
    ("Supplies reached Camp Vessing by helicopter on Sunday.", {"Camp Vessing"}, set()),
    ("She grew up in Fort Worth and studied in Austin.", set(), {"Fort Worth"}),
    (
        "Tourists photographed Harlow Castle and Dunmere Abbey.",
        {"Harlow Castle", "Dunmere Abbey"},
        set(),
    ),
    (
        "A fire broke out at the Kestrel Point Refinery overnight.",
        {"Kestrel Point Refinery"},
        set(),
    ),
    (
        "Inspectors visited the Marzan Enrichment Facility twice.",
        {"Marzan Enrichment Facility"},
        set(),
    ),
    (
        "Crowds filled Lindqvist Avenue near the Okoro Tower.",
        {"Lindqvist Avenue", "Okoro Tower"},
        set(),
    ),
    (
        "The Halvard Pipeline Company reported higher losses.",
        set(),
        {"Halvard Pipeline", "Halvard Pipeline Company"},
    ),
]


@pytest.fixture(scope="module")
def facility_rows(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in FACILITY_CASES])


@pytest.mark.parametrize("k", range(len(FACILITY_CASES)), ids=[c[0][:40] for c in FACILITY_CASES])
def test_facility_by_head_or_prefix(facility_rows: list[list[Row]], k: int) -> None:
    got = facility_rows[k]
    _, sites, not_sites = FACILITY_CASES[k]
    fac = {text for text, label, _ in got if label == "FAC"}
    assert sites <= fac, got
    assert not (not_sites & fac), got


def test_find_facilities_installations_and_longer_names() -> None:
    text = (
        "Units left Fort Tarrow and Camp Vessing; the Halvard Pipeline Company and "
        "Fort Worth were not involved, but the Brenn Pipeline was."
    )
    got = [text[f.start : f.end] for f in find_facilities(text, lambda _w: False)]
    assert sorted(got) == ["Brenn Pipeline", "Camp Vessing", "Fort Tarrow"]


def test_city_the_model_calls_gpe_takes_its_country(nlp: Any) -> None:
    """A listed city spaCy already labels GPE gets the country of the list."""
    doc = nlp.analyze("The ministers met in Trondheim on Tuesday.", doc_date="2024-05-01")
    rows = {(r.text, r.label, r.country) for r in doc.entities.itertuples()}
    assert ("Trondheim", "GPE", "Norway") in rows


# (sentence, expected (text, label) pairs, texts that must not be entities of any label)
HEAD_AND_KIN_CASES: list[tuple[str, set[tuple[str, str]], set[str]]] = [
    (
        "According to the Xinhua news agency, the delegation left on Friday.",
        {("Xinhua", "ORG")},
        {"Xinhua news agency"},
    ),
    (
        "The old town is a UNESCO World Heritage Site and attracts many visitors.",
        {("UNESCO", "ORG")},
        {"UNESCO World Heritage Site"},
    ),
    (
        "She moved to Edinburgh with her mother Agnes after the war.",
        {("Agnes", "PERSON"), ("Edinburgh", "GPE")},
        set(),
    ),
    ("Her son Jordan studied law in the capital.", {("Jordan", "PERSON")}, set()),
    (
        "In 1931 she married the geologist Per Lunde; they settled in Bergen.",
        {("Per Lunde", "PERSON")},
        set(),
    ),
]


@pytest.fixture(scope="module")
def head_rows(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in HEAD_AND_KIN_CASES])


@pytest.mark.parametrize(
    "k", range(len(HEAD_AND_KIN_CASES)), ids=[c[0][:40] for c in HEAD_AND_KIN_CASES]
)
def test_generic_org_heads_and_kin_names(head_rows: list[list[Row]], k: int) -> None:
    got = head_rows[k]
    _, expected, absent = HEAD_AND_KIN_CASES[k]
    assert expected <= {(text, label) for text, label, _ in got}, got
    assert not (absent & {text for text, _, _ in got}), got


@pytest.mark.parametrize(
    "text,place",
    [
        ("Governor Abiodun visited the flooded districts of Abeokuta on Sunday.", "Abeokuta"),
        ("Shelling was reported on the outskirts of Kherson overnight.", "Kherson"),
    ],
)
def test_city_after_district_or_outskirts_of(nlp: Any, text: str, place: str) -> None:
    (got,) = entity_rows(nlp, [text])
    assert (place, "GPE") in {(t, label) for t, label, _ in got}, got
