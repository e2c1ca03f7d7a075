"""Entities of jihadist groups, Afghan and Pakistani places and Taliban-era names, on
sentences written for these tests (from no corpus).

Canonicals are English Wikipedia titles as written, en dash included (corpora/GUIDELINES.md
section 8, fourth and fifth sessions): religions and their followers are NORP with the
adjective; a regime's name for its state is the state.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.actors.test_generalisation import Row, assert_entities, entity_rows

CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Analysts say ISKP recruited in Peshawar while the ISI watched.",
        [
            ("ISKP", "ORG", "Islamic State – Khorasan Province"),
            ("ISI", "ORG", "Inter-Services Intelligence"),
        ],
    ),
    (
        "A spokesman for the Islamic State in Khorasan Province denied any role in the raid.",
        [
            (
                "Islamic State in Khorasan Province",
                "ORG",
                "Islamic State – Khorasan Province",
            ),
        ],
    ),
    (
        "Fighters of the Tehreek-e-Taliban Pakistan crossed into Bajaur at night.",
        [
            ("Tehreek-e-Taliban Pakistan", "ORG", "Pakistani Taliban"),
            ("Bajaur", "GPE", "Bajaur District"),
        ],
    ),
    (
        "The road from Mazar to Termez reopened in May.",
        [("Mazar", "GPE", "Mazar-i-Sharif")],
    ),
    (
        "Convoys left Pul-i-Khumri for Mazar-i Sharif before dawn.",
        [
            ("Pul-i-Khumri", "GPE", "Pul-e Khumri"),
            ("Mazar-i Sharif", "GPE", "Mazar-i-Sharif"),
        ],
    ),
    (
        "Preachers who spread Islam among the Khawarij were expelled from the valley.",
        [
            ("Islam", "NORP", "Islamic"),
            ("Khawarij", "NORP", "Kharijite"),
        ],
    ),
    (
        "The delegation met officials of the Islamic Emirate in Kabul.",
        [("Islamic Emirate", "GPE", "Afghanistan"), ("Kabul", "GPE", "Kabul")],
    ),
    (
        "Many Helmandi farmers moved north after the drought.",
        [("Helmandi", "NORP", "Helmandi")],
    ),
    (
        "Recruiters of the group opened pages on Facebook and YouTube last year.",
        [("Facebook", "ORG", "Facebook"), ("YouTube", "ORG", "YouTube")],
    ),
    (
        "A report by US Forces Afghanistan put the militants' strength at 2,000.",
        [
            (
                "US Forces Afghanistan",
                "ORG",
                "United States Forces – Afghanistan",
            )
        ],
    ),
]


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_jihadist_and_afghan_names(found: list[list[Row]], k: int) -> None:
    assert_entities(found[k], CASES[k][1])


def test_en_dash_kept_in_canonical(nlp: Any) -> None:
    """Wikipedia titles with an en dash keep it ("China–Pakistan Economic Corridor")."""
    rows = entity_rows(nlp, ["Work on the China-Pakistan Economic Corridor slowed."])[0]
    assert any(r[2] == "China–Pakistan Economic Corridor" for r in rows), rows


REGIME_CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "The Taliban took Kabul in 2021. Since then the Emirate has courted Chinese investors.",
        [("Emirate", "GPE", "Afghanistan"), ("Chinese", "NORP", "Chinese")],
    ),
    (
        "The Islamic State lost Mosul in 2017, and the Caliphate shrank to a few villages.",
        [("Caliphate", "ORG", "Islamic State"), ("Mosul", "GPE", "Mosul")],
    ),
    (
        "The Afghan Taliban hosted a delegation from Doha.",
        [("Afghan", "NORP", "Afghan"), ("Taliban", "ORG", "Taliban")],
    ),
    (
        "Out in the mountains, these Khawarij Daesh hide in caves.",
        [("Khawarij", "NORP", "Kharijite"), ("Daesh", "ORG", "Islamic State")],
    ),
    (
        "Pakistani Salafism grew in the 1990s, and preachers called music un-Islamic.",
        [
            ("Pakistani", "NORP", "Pakistani"),
            ("Salafism", "NORP", "Salafi"),
            ("Islamic", "NORP", "Islamic"),
        ],
    ),
]


@pytest.mark.parametrize("k", range(len(REGIME_CASES)), ids=[c[0][:40] for c in REGIME_CASES])
def test_regime_names_and_adjective_before_group(nlp: Any, k: int) -> None:
    text, expected = REGIME_CASES[k]
    assert_entities(entity_rows(nlp, [text])[0], expected)


def test_regime_word_needs_the_movement_and_stays_in_longer_names(nlp: Any) -> None:
    """Without the Taliban named, "Emirate" is not Afghanistan; inside a longer name it is
    no name of its own."""
    rows = entity_rows(
        nlp, ["The Emirate of Sharjah opened a port while the Emirate grew richer."]
    )[0]
    assert not [r for r in rows if r[2] == "Afghanistan"], rows
    rows = entity_rows(nlp, ["The Taliban met envoys of the Emirate of Sharjah."])[0]
    assert not [r for r in rows if r[0] == "Emirate"], rows


def test_islamic_common_nouns_are_no_names(nlp: Any) -> None:
    """Transliterated Islamic terms are common nouns, capitalised or not."""
    rows = entity_rows(
        nlp,
        [
            "Traders moved the Zakat through Hawala networks, and the Ulema blessed the "
            "Mujahidin who guarded Kandahar."
        ],
    )[0]
    assert [r[0] for r in rows] == ["Kandahar"], rows


def test_exhibits_intelligence_disciplines_and_coins_are_no_names(nlp: Any) -> None:
    """A report's own figure ("Graph 3"), an intelligence discipline (OSINT) and a
    cryptocurrency (Monero) name no actor."""
    rows = entity_rows(
        nlp,
        [
            "Seizures rose in Kandahar (see Graph 3), and OSINT researchers traced gifts "
            "paid in Monero and Bitcoin. Table 2 gives the totals."
        ],
    )[0]
    assert [r[0] for r in rows] == ["Kandahar"], rows


def test_word_platforms_only_in_platform_context(nlp: Any) -> None:
    """ "Telegram" and "Signal" are ORG before a platform noun or after "on"; a telegram
    numbered in a document title and "Signal intelligence" are no platform."""
    rows = entity_rows(
        nlp,
        [
            "Last spring a new Telegram channel opened, and its admins also posted on Signal.",
            "The envoys met on Telegram Street in Tallinn.",
        ],
    )
    assert ("Telegram", "ORG", "Telegram") in rows[0], rows[0]
    assert ("Signal", "ORG", "Signal") in rows[0], rows[0]
    assert not [r for r in rows[1] if r[0] == "Telegram"], rows[1]


def test_short_acronym_opening_another_name(nlp: Any) -> None:
    """ "IS" is the Islamic State alone, not when it opens a bank's name or another
    acronym glued by a hyphen and a letter; "EU-UK" stays two names."""
    rows = entity_rows(
        nlp, ["IS fighters fled while IS-J cells and IS Bank clients stayed; the EU-UK deal held."]
    )[0]
    assert ("IS", "ORG", "Islamic State") in rows, rows
    assert [r for r in rows if r[2] == "Islamic State"] == [("IS", "ORG", "Islamic State")], rows
    assert ("EU", "ORG", "European Union") in rows and ("UK", "GPE", "United Kingdom") in rows
