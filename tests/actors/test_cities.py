"""World cities (GeoNames) relabelled or found in locative contexts, and "Shah" as a
title before a regnal name; on sentences written for these tests (from no corpus)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from relnlp.pipeline._cities import city_country
from tests.actors.test_generalisation import Row, entity_rows

# (sentence, names expected as GPE, names that must not be GPE)
CITY_CASES: list[tuple[str, set[str], set[str]]] = [
    ("After the summit the minister flew on to Bergen for talks.", {"Bergen"}, set()),
    ("The two delegations travelled from Bergen to Lund by train.", {"Bergen", "Lund"}, set()),
    ("Residents of the town of Tromsø protested against the new road.", {"Tromsø"}, set()),
    ("The workshop took place near Kristiansand in early June.", {"Kristiansand"}, set()),
    ("A small consulate opened in Tampere, Finland, last year.", {"Tampere"}, set()),
    ("Florence told the committee she would resign.", set(), {"Florence"}),
    ("The senators met in Jackson's office on Tuesday.", set(), {"Jackson"}),
    ("Paris Hilton attended the launch.", set(), {"Paris Hilton", "Paris"}),
    ("New Gains In Reading And Writing Among Young Pupils", set(), {"Reading"}),
    ("Mobile phones were banned; mobile networks went down.", set(), {"Mobile"}),
]


@pytest.fixture(scope="module")
def city_rows(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in CITY_CASES])


@pytest.mark.parametrize("k", range(len(CITY_CASES)), ids=[c[0][:40] for c in CITY_CASES])
def test_city_in_locative_context(city_rows: list[list[Row]], k: int) -> None:
    got = city_rows[k]
    _, places, not_places = CITY_CASES[k]
    gpe = {text for text, label, _ in got if label == "GPE"}
    assert places <= gpe, got
    assert not gpe & not_places, got


def test_city_found_unseen_gets_its_country(nlp: Any) -> None:
    doc = nlp.analyze("The envoy drove from Oslo to Drammen the same evening.")
    rows = doc.entities[doc.entities.text == "Drammen"]
    assert list(rows.label) == ["GPE"] and list(rows.country) == ["Norway"]


def test_city_list_names_its_source_and_country() -> None:
    path = resources.files("relnlp") / "data" / "places" / "world_cities.v1.jsonl"
    meta = json.loads(path.read_text("utf-8").split("\n", 1)[0])["_meta"]
    assert meta["licence"] == "CC-BY-4.0" and "GeoNames" in meta["attribution"]
    assert city_country("Aarhus") == (True, "Denmark")
    assert city_country("Arhus") == (True, "Denmark")  # the ASCII form
    assert city_country("Bergen")[0]  # Norway and the Netherlands: no single country
    assert city_country("Bergen")[1] is None
    assert not city_country("Narnia")[0]


SHAH_CASES: list[tuple[str, str]] = [
    ("The truce was signed by Shah Tahmasp I in 1555.", "Tahmasp I"),
    ("Shah Suleiman II was crowned in the old palace.", "Suleiman II"),
    ("The envoy was received by Shah Ismail I at dawn.", "Ismail I"),
]


@pytest.mark.parametrize("text,person", SHAH_CASES, ids=[c[1] for c in SHAH_CASES])
def test_shah_before_a_regnal_name_is_a_title(nlp: Any, text: str, person: str) -> None:
    got = entity_rows(nlp, [text])[0]
    assert (person, "PERSON") in {(t, lab) for t, lab, _ in got}, got
    assert not any(t.startswith("Shah") for t, _, _ in got), got


def test_shah_without_a_regnal_number_stays_in_the_name(nlp: Any) -> None:
    got = entity_rows(nlp, ["Interior Minister Ravi Shah addressed the rally in the morning."])[0]
    assert ("Ravi Shah", "PERSON") in {(t, lab) for t, lab, _ in got}, got


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Talks were held in Drammen. They ended late.", [("Drammen", "Norway")]),
        # written in lower case elsewhere in the document: a word, not a name
        ("Talks were held in Mobile. A mobile clinic came too.", []),
        # a heading in title case: capitals mean nothing
        ("Delegates Gather Again In Drammen Before Summer Recess", []),
    ],
)
def test_unseen_cities_on_a_doc_without_entities(text: str, found: list[tuple[str, str]]) -> None:
    import spacy

    from relnlp.gazetteer import load_gazetteer
    from relnlp.pipeline._actor_base import Mention
    from relnlp.pipeline._cities import unseen_cities

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    gaz = load_gazetteer()
    got = unseen_cities(doc, [], gaz)
    assert [(m.canonical, m.country) for m in got] == found
    assert all(m.label == "GPE" and doc[m.start : m.end].text == m.canonical for m in got)
    # a name already among the candidates is not found again
    taken = [Mention(m.start, m.end, "ORG", m.canonical, "test", 1.0, None) for m in got]
    assert unseen_cities(doc, taken, gaz) == []
