"""Entities in archival diplomatic documents (cables, memoranda, source notes), on
sentences written for these tests (from no corpus).

Checks the apparatus of documentary editions (classification lines, source notes, glued
footnotes, cross-references, a person's papers) and the period's cable abbreviations and
command designators, with labels and canonicals of corpora/GUIDELINES.md sections 2 and 8.
"""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.gazetteer import load_gazetteer
from relnlp.pipeline._archival import find_embassies, is_cross_reference, non_name
from tests.actors.test_generalisation import Row, assert_entities, entity_rows

CASES: list[tuple[str, list[Row]]] = [
    (
        "Telegram From the Embassy in Greece to the Department of StateSource: Department "
        "of State, Central Files, 781.00/5-1259. Secret; Priority. Repeated to Ankara.",
        [("Department of State", "ORG", "United States Department of State")],
    ),
    (
        "CINCPAC and USCINCEUR were informed, and COMUSKOREA will report to CINCLANT.",
        [
            ("CINCPAC", "ORG", "United States Indo-Pacific Command"),
            ("USCINCEUR", "ORG", "United States European Command"),
            ("COMUSKOREA", "ORG", "United States Forces Korea"),
            ("CINCLANT", "ORG", "United States Atlantic Command"),
        ],
    ),
    (
        "The GRC told the USG on Monday that ChiCom batteries had shelled the supply convoy.",
        [
            ("GRC", "ORG", "Government of the Republic of China"),
            ("USG", "ORG", "Federal government of the United States"),
            ("ChiCom", "NORP", "Chinese Communist"),
        ],
    ),
    (
        "The Soviet Government protested, and the Chinese Communists repeated their threat.",
        [
            ("Soviet Government", "ORG", "Government of the Soviet Union"),
            ("Chinese Communists", "NORP", "Chinese Communist"),
        ],
    ),
    (
        "Source: Truman Library, Acheson Papers, memoranda of conversation. Acheson "
        "discussed the cable with the President.",
        [
            ("Truman Library", "ORG", "Harry S. Truman Presidential Library and Museum"),
            ("Acheson", "PERSON", "Dean Acheson"),
        ],
    ),
    (
        "Secretary Dulles met Ambassador JonesSee Document 40. before he flew to Beirut.",
        [("Dulles", "PERSON", "John Foster Dulles"), ("Beirut", "GPE", "Beirut")],
    ),
    (
        "The air force offered six F-86 fighters and two T-33 trainers to the Chinese "
        "Nationalists.",
        [
            ("F-86", "PRODUCT", "North American F-86 Sabre"),
            ("T-33", "PRODUCT", "Lockheed T-33"),
            ("Chinese Nationalists", "NORP", "Chinese Nationalist"),
        ],
    ),
    (
        "Your instructions follow. Tell Nasser that the convoy will sail at dawn. Assure "
        "Chamoun of our support.",
        [("Nasser", "PERSON", "Gamal Abdel Nasser"), ("Chamoun", "PERSON", "Camille Chamoun")],
    ),
    (
        "Airgram From the Embassy in Greece to the Department of State. The Turkish Embassy "
        "delivered a note, and the Iranian Embassy in Baghdad confirmed it.",
        [
            ("Embassy in Greece", "ORG", "Embassy of the United States, Athens"),
            ("Turkish Embassy", "ORG", "Embassy of Turkey, Washington, D.C."),
            ("Iranian Embassy in Baghdad", "ORG", "Embassy of Iran, Baghdad"),
        ],
    ),
    (
        "Instructions will be given to you by Admiral Radford. HMG agreed that in Phase II "
        "the LCMs would sail from Okinawa.",
        [
            ("Radford", "PERSON", None),  # the rank is no part of the name
            ("HMG", "ORG", "Government of the United Kingdom"),
            ("LCMs", "PRODUCT", "Landing Craft Mechanized"),
        ],
    ),
]
NOT_ENTITIES = {
    "Phase II",
    "Admiral Radford",
    "Secret",
    "Telegram",
    "Central Files",
    "Central",
    "Repeated",
    "See",
    "Document 40",
}


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_archival_entities(found: list[list[Row]], k: int) -> None:
    got = found[k]
    assert_entities(got, CASES[k][1])
    assert not [g for g in got if g[0] in NOT_ENTITIES]
    assert not [
        g
        for g in got
        if "Source" in g[0]
        or g[0].endswith(("Papers", "See"))
        or g[0].startswith(("Tell ", "Assure "))
    ]


def test_archival_words() -> None:
    assert non_name("Top Secret") and non_name("Noforn") and non_name("Document 125")
    assert is_cross_reference("Part 2") and not is_cross_reference("Resolution 242")
    assert not non_name("Department of State") and non_name("GDP", {"GDP"})
    assert non_name("Phase II") and non_name("Foreign Relations")


def test_embassy_needs_a_known_owner_or_place() -> None:
    text = "The Embassy replied. The American Embassy agreed. The Embassy in Xanadu wrote."
    assert [text[f.start : f.end] for f in find_embassies(text, load_gazetteer())] == []


def test_rank_and_surname() -> None:
    import spacy

    from relnlp.pipeline._archival import rank_and_surname

    nlp = spacy.blank("en")
    assert rank_and_surname(nlp("Admiral Burke agreed"), 0, 2)
    assert rank_and_surname(nlp("Ambassador Rankin agreed"), 0, 2)
    assert not rank_and_surname(nlp("Secretary General agreed"), 0, 2)
    assert not rank_and_surname(nlp("General Assembly agreed"), 0, 2)
    assert not rank_and_surname(nlp("Admiral Burke Jones agreed"), 0, 3)


def test_archival_span() -> None:
    import spacy

    from relnlp.pipeline._archival import archival_span

    nlp = spacy.blank("en")
    doc = nlp("as ordered in CINCLANT 041530Z and NAVY 778812 today")
    assert archival_span(doc, 3, 5) == (3, 4) and archival_span(doc, 6, 8) == (6, 7)
    doc = nlp("under Article IV of the North Atlantic Treaty and Section 2 of the Act")
    assert doc[archival_span(doc, 1, 8)[0] : 8].text == "North Atlantic Treaty"
    doc = nlp("Article 5 of the treaty applies")
    assert archival_span(doc, 0, 5) == (0, 5)  # no capitalised name after "of the"
