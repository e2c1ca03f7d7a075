"""Sentences written for these tests (from no corpus): titles of rank before a monarch's
name and the regnal number after it; initials before a surname; a university named with
its campus, and a body housed at a university; bodies named in Italian or Spanish;
currency codes; companies and media of the gazetteer; squares, mosques and mountains named with an
Arabic, Persian or Turkish head; palaces, cemeteries, opera houses and
boulevards (corpora/GUIDELINES.md: titles are no part of a person's name; buildings and
named sites are FAC)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._name_forms import initials_person
from tests.actors.test_generalisation import Row, assert_entities, entity_rows

# (text, expected (text, label, canonical or None), forbidden (text, label))
CASES: list[tuple[str, list[Row], set[tuple[str, str]]]] = [
    (
        "The treaty was signed by Tsar Alexander II in Warsaw in 1861.",
        [("Alexander II", "PERSON", None), ("Warsaw", "GPE", None)],
        {("Tsar Alexander II", "PERSON"), ("Tsar Alexander", "PERSON")},
    ),
    (
        "After the war Tsar Mikhail I granted the family an estate near Tula.",
        [("Mikhail I", "PERSON", None)],
        {("Tsar Mikhail", "PERSON"), ("Mikhail", "PERSON")},
    ),
    (
        "Pope Gregory XIII reformed the calendar in 1582.",
        [("Gregory XIII", "PERSON", None)],
        {("Pope Gregory XIII", "PERSON")},
    ),
    (
        "Dame Judith Orwell opened the new wing of the hospital.",
        [("Judith Orwell", "PERSON", None)],
        {("Dame Judith Orwell", "PERSON")},
    ),
    (
        "The Tsar refused to meet the delegation from Riga.",
        [("Riga", "GPE", None)],
        {("Tsar", "PERSON"), ("Tsar", "ORG")},
    ),
    (
        "After the dinner with Anna Kovacs I went home early.",
        [("Anna Kovacs", "PERSON", None)],
        {("Anna Kovacs I", "PERSON")},
    ),
    (
        "She studied at the University of Texas at Austin before moving to Ohio.",
        [("University of Texas at Austin", "ORG", None)],
        {("University of Texas", "ORG"), ("Austin", "GPE")},
    ),
    (
        "The prints were shown at the Halvorsen Museum of Art at Carleton College in Minnesota.",
        [("Halvorsen Museum of Art", "ORG", None), ("Carleton College", "ORG", None)],
        {("Halvorsen Museum of Art at Carleton College", "ORG")},
    ),
    (
        "J.R. Tolliver, the company's treasurer, said the fund had grown.",
        [("J.R. Tolliver", "PERSON", None)],
        {("J.R. Tolliver", "ORG")},
    ),
    (
        "Students from the Liceo Cavour and the Instituto Ortega marched on Friday.",
        [("Liceo Cavour", "ORG", None), ("Instituto Ortega", "ORG", None)],
        {("Ortega", "PERSON")},
    ),
    (
        "The Fundación Telefónica lent three paintings to the exhibition.",
        [("Fundación Telefónica", "ORG", None)],
        {("Fundación Telefónica", "LOC")},
    ),
    (
        "A taxi to the centre costs about IRR 300,000 at night.",
        [],
        {("IRR", "ORG")},
    ),
    (
        "The claim spread from Wikinews to Twitter before Apple denied it.",
        [("Wikinews", "ORG", "Wikinews"), ("Apple", "ORG", "Apple Inc.")],
        set(),
    ),
    (
        "Crowds filled Meydan Tahrir after the speech, and rebels held Jebel Marra.",
        [("Meydan Tahrir", "FAC", None), ("Jebel Marra", "LOC", None)],
        {("Meydan Tahrir", "PERSON"), ("Jebel Marra", "PERSON")},
    ),
    (
        "Tourists visit Masjid Negara and Burj Khalifa; we walked to the Masjid-e Jameh of "
        "Yazd at dawn, and shepherds fled towards Kuh-e Sultan.",
        [
            ("Masjid Negara", "FAC", None),
            ("Burj Khalifa", "FAC", None),
            ("Masjid-e Jameh of Yazd", "FAC", None),
            ("Kuh-e Sultan", "LOC", None),
        ],
        set(),
    ),
    (
        "Thousands joined the Maidan Revolution in Kyiv.",
        [],
        {("Maidan Revolution", "FAC")},
    ),
    (
        "He was buried at Sosnovka Cemetery outside the town.",
        [("Sosnovka Cemetery", "FAC", None)],
        set(),
    ),
    (
        "The concert took place in the Sydney Opera House last week.",
        [("Sydney Opera House", "FAC", None)],
        {("Sydney Opera House", "ORG")},
    ),
    (
        "The envoy was received at the Vorontsov Palace in Alupka.",
        [("Vorontsov Palace", "FAC", None)],
        {("Vorontsov Palace", "ORG")},
    ),
    (
        "Traffic was halted along Kirov Boulevard for the parade.",
        [("Kirov Boulevard", "FAC", None)],
        {("Kirov", "PERSON")},
    ),
]


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_name_form(found: list[list[Row]], k: int) -> None:
    got = found[k]
    assert_entities(got, CASES[k][1])
    assert not {(g[0], g[1]) for g in got} & CASES[k][2], got


def test_initials_person() -> None:
    import spacy

    blank = spacy.blank("en")
    assert initials_person(blank("J.R. Tolliver")[:])
    assert initials_person(blank("W. E. McAllister")[:])
    assert not initials_person(blank("U.N. Security Council")[:])
    assert not initials_person(blank("Tolliver")[:])


def test_known_abbreviations_are_no_initials(nlp: Any) -> None:
    # "U.S." and "U.N." are names the gazetteer knows, not a person's initials.
    gaz = nlp.nlp.get_pipe("relnlp_actors").gazetteer
    doc = nlp.nlp("Shares of U.S. Steel and U.N. Women rose.")
    assert not initials_person(doc[2:4], gaz)
    assert not initials_person(doc[5:7], gaz)
    assert initials_person(nlp.nlp("A note from J.R. Tolliver arrived.")[3:5], gaz)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After meeting President Macron I told reporters the talks went well.", "Macron"),
        ("After talks with Prime Minister Modi I flew home.", "Modi"),
    ],
)
def test_a_pronoun_after_a_titled_name_is_no_regnal_number(nlp: Any, text: str, name: str) -> None:
    got = {text[r.start : r.end] for r in nlp.analyze(text).entities.itertuples()}
    assert name in got and f"{name} I" not in got, got


def test_coordinated_company_stays_an_organisation(nlp: Any) -> None:
    from relnlp.pipeline._actor_base import Mention
    from relnlp.pipeline._name_forms import coordinated_people

    tagger = nlp.nlp.get_pipe("relnlp_actors")
    doc = nlp.nlp("Ana Quiroga and Vellmar Motors executives met in Lyon.")
    people = [Mention(0, 2, "PERSON", "Ana Quiroga", "spacy", 2.0)]
    guess = Mention(3, 5, "ORG", "Vellmar Motors", "spacy", 2.0)
    got = coordinated_people(doc, [*people, guess], tagger.gazetteer, tagger.common_words)
    assert ("Vellmar Motors", "ORG") in {(doc[m.start : m.end].text, m.label) for m in got}


def test_heading_name_keeps_the_given_name(nlp: Any) -> None:
    # A heading is no passage; the surname alone was found again there ("Berglund").
    text = (
        "Tomas Berglund: A Conversation with the Painter\n\nYou moved to Lisbon last year. "
        "I did, said Tomas Berglund, and I paint every day there."
    )
    got = [(text[r.start : r.end], r.label) for r in nlp.analyze(text).entities.itertuples()]
    assert got[0] == ("Tomas Berglund", "PERSON"), got
    assert ("Berglund", "PERSON") not in got, got


def test_surname_stays_with_the_first_person_named(nlp: Any) -> None:
    # Two people share a surname: the lone surname is the subject named first, not the
    # relative named later; the fullest form of one person still upgrades that person.
    text = (
        "Ingrid Halvorsen (1901-1980) was a Norwegian sculptor. Halvorsen trained in Oslo. "
        "In 1930 she met the painter Olav Halvorsen, a distant cousin."
    )
    got = [(text[r.start : r.end], r.canonical) for r in nlp.analyze(text).entities.itertuples()]
    assert ("Halvorsen", "Ingrid Halvorsen") in got, got
    assert ("Halvorsen", "Olav Halvorsen") not in got, got
    text = "Evan Smith spoke first. Evan A. Smith, the envoy, said that Smith had no mandate."
    got = [(text[r.start : r.end], r.canonical) for r in nlp.analyze(text).entities.itertuples()]
    assert ("Smith", "Evan A. Smith") in got, got


def test_coordinated_people(nlp: Any) -> None:
    from relnlp.pipeline._actor_base import Mention
    from relnlp.pipeline._name_forms import coordinated_people

    tagger = nlp.nlp.get_pipe("relnlp_actors")
    doc = nlp.nlp(
        "His cousins Hedda Brekke and Alexander Holm met Oxford Dictionary and Jane Austen."
    )

    def at(text: str) -> tuple[int, int]:
        span = next(s for s in (doc[i : i + 2] for i in range(len(doc))) if s.text == text)
        return span.start, span.end

    people = [Mention(*at(n), "PERSON", n, "spacy", 2.0) for n in ("Alexander Holm", "Jane Austen")]
    guess = Mention(*at("Oxford Dictionary"), "ORG", "Oxford Dictionary", "spacy", 2.0)
    got = coordinated_people(doc, [*people, guess], tagger.gazetteer, tagger.common_words)
    names = {(doc[m.start : m.end].text, m.label) for m in got}
    assert ("Hedda Brekke", "PERSON") in names, names  # missed by the model: found
    assert ("Oxford Dictionary", "ORG") in names, names  # a common noun ends it: left alone
    guess = Mention(*at("Hedda Brekke"), "ORG", "Hedda Brekke", "spacy", 2.0)
    got = coordinated_people(doc, [guess, *people], tagger.gazetteer, tagger.common_words)
    assert ("Hedda Brekke", "PERSON") in {(doc[m.start : m.end].text, m.label) for m in got}
