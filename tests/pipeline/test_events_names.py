"""Named historical events, summits and conferences (issue 18, entities): the gazetteer's
entries and the head rule for model spans, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.gazetteer import Gazetteer, load_gazetteer
from tests.pipeline.test_canonical import ents


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Rape of Nanking", "Nanjing Massacre"),
        ("Bolshevik Revolution", "October Revolution"),
        ("Manchurian Incident", "Mukden Incident"),
        ("Sochi Olympics", "2014 Winter Olympics"),
        ("MCIS", "Moscow Conference on International Security"),
        ("Siege of Mariupol", "Battle of Mariupol"),
    ],
)
def test_gazetteer_event_aliases(gaz: Gazetteer, surface: str, canonical: str) -> None:
    hit = gaz.lookup(surface)
    assert hit is not None and hit.label == "EVENT" and hit.canonical == canonical


def test_gazetteer_russian_revolution_is_not_the_october_revolution(gaz: Gazetteer) -> None:
    # Wikipedia titles the 1917 revolution as a whole apart from its October phase.
    hit = gaz.lookup("Russian Revolution")
    assert hit is not None and hit.canonical == "Russian Revolution"


def test_analyser_historical_events_by_gazetteer(nlp: Any) -> None:
    got = ents(
        nlp,
        "Tokyo's textbooks still say little about the Rape of Nanking, while Moscow "
        "celebrates the Bolshevik Revolution every November.",
    )
    assert ("Rape of Nanking", "EVENT", "Nanjing Massacre") in got
    assert ("Bolshevik Revolution", "EVENT", "October Revolution") in got


def test_analyser_historical_events_by_head(nlp: Any) -> None:
    # Names the gazetteer does not hold: the head word makes them events.
    got = ents(
        nlp,
        "Archivists compared the Kronstadt Rebellion with the Novocherkassk Massacre and "
        "the Jinan Incident.",
    )
    labels = {t: lab for t, lab, _ in got}
    assert labels.get("Kronstadt Rebellion") == "EVENT"
    assert labels.get("Novocherkassk Massacre") == "EVENT"
    assert labels.get("Jinan Incident") == "EVENT"


def test_analyser_body_named_after_a_war_stays_org(nlp: Any) -> None:
    got = ents(nlp, "Analysts at the Institute for the Study of War mapped the front line.")
    assert ("Institute for the Study of War", "ORG", "Institute for the Study of War") in got


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Qing Dynasty", "Qing dynasty"),
        ("Austro-Hungarian Empire", "Austria-Hungary"),
        ("Third Reich", "Nazi Germany"),
        ("Presidential Executive Office", "Presidential Administration of Russia"),
    ],
)
def test_gazetteer_former_states_and_organ_aliases(
    gaz: Gazetteer, surface: str, canonical: str
) -> None:
    hit = gaz.lookup(surface)
    assert hit is not None and hit.canonical == canonical


def test_analyser_former_state_is_gpe(nlp: Any) -> None:
    got = ents(nlp, "Trade with the Qing Dynasty passed through Kyakhta for a century.")
    assert ("Qing Dynasty", "GPE", "Qing dynasty") in got


def test_analyser_abbreviations_of_ordinary_notions_are_no_actors(nlp: Any) -> None:
    got = ents(
        nlp,
        "Exporters said an SME may need AI tools, while LNG and FDI flows to Kazakhstan grew.",
    )
    assert [t for t, _, _ in got] == ["Kazakhstan"]


def test_analyser_topic_ministry_the_model_misses(nlp: Any) -> None:
    # After a list of organs the model leaves "Georgian Interior Ministry" as NORP alone.
    got = ents(
        nlp,
        "Lithuania's Defence Ministry and Estonia's Ministry of Defence met the Georgian "
        "Interior Ministry.",
    )
    assert ("Georgian Interior Ministry", "ORG", "Ministry of Interior of Georgia") in got


def test_analyser_acronym_defined_in_the_text_wins_over_the_gazetteer(nlp: Any) -> None:
    # The gazetteer's "GDI" is a Chinese initiative; here the text defines another body.
    got = ents(
        nlp,
        "Agents of the General Directorate of Intelligence (GDI) searched the market, and "
        "the GDI later denied it.",
    )
    assert [(t, lab, c) for t, lab, c in got if t == "GDI"] == [
        ("GDI", "ORG", "General Directorate of Intelligence")
    ] * 2


def test_analyser_religious_groups_are_norp(nlp: Any) -> None:
    got = ents(nlp, "Sufis and Salafis in the valley disagree with the Deobandi clerics.")
    labels = {t: (lab, c) for t, lab, c in got}
    assert labels.get("Salafis") == ("NORP", "Salafi")
    assert labels.get("Sufis") == ("NORP", "Sufi")
    assert labels.get("Deobandi") == ("NORP", "Deobandi")


def test_analyser_afghan_provinces(nlp: Any) -> None:
    # Provinces by their Wikipedia titles; the bare name of a province is GPE, not PERSON.
    got = ents(nlp, "Aid convoys left Nuristan for Paktika and then crossed into Zabul.")
    assert ("Nuristan", "GPE", "Nuristan Province") in got
    assert ("Paktika", "GPE", "Paktika Province") in got
    assert ("Zabul", "GPE", "Zabul Province") in got


def test_analyser_language_names_are_no_actors(nlp: Any) -> None:
    got = ents(
        nlp, "Leaflets in Pashto and Dari, and broadcasts in Urdu, reached Russian speakers."
    )
    assert [(t, lab) for t, lab, _ in got] == [("Russian", "NORP")]
