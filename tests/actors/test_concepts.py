"""Ideas, slogans, former-state phrases and acronym definitions on sentences written for
these tests (from no corpus); expected labels and canonicals follow corpora/GUIDELINES.md
sections 2 and 8 ("Russkiy Mir" = "Russian World" -> NORP "Russian"; lower-case generic
heads are no part of a name; an acronym keeps the gazetteer's canonical)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.actors.test_generalisation import Row, assert_entities, entity_rows

CASES: list[tuple[str, list[tuple[str, str, str]], set[str]]] = [
    (
        "Moscow says the Russian World (Russkiy Mir) reaches every Russian speaker.",
        [
            ("Moscow", "GPE", "Moscow"),
            ("Russian", "NORP", "Russian"),
            ("Russkiy", "NORP", "Russian"),
        ],
        {"Russian World", "Russkiy Mir"},
    ),
    (
        "Officials defended the idea of the Russian World against the near abroad's critics.",
        [("Russian", "NORP", "Russian")],
        {"Russian World", "near abroad"},
    ),
    (
        "Observers toured the former Soviet Union and the post-Soviet space for a month.",
        [("Soviet Union", "GPE", "Soviet Union"), ("Soviet", "NORP", "Soviet")],
        {"former Soviet Union", "Soviet space"},
    ),
    (
        "Armies of the Soviet bloc marched, and the post-Soviet bloc later split apart.",
        [("Soviet", "NORP", "Soviet")],
        {"Soviet bloc"},
    ),
    (
        "The North Atlantic Treaty Organization (NATO) met in Oslo, and NATO then adjourned.",
        [
            ("North Atlantic Treaty Organization", "ORG", "NATO"),
            ("NATO", "ORG", "NATO"),
        ],
        set(),
    ),
    (
        "Xi Jinping praised the Chinese Dream while the Russian Navy sailed past Qingdao.",
        [("Chinese", "NORP", "Chinese"), ("Russian Navy", "ORG", None)],
        {"Chinese Dream"},
    ),
    (
        "Tokayev kept quiet, but Putin's Kazakh counterpart spoke on Moldovan Independence Day.",
        [
            ("Putin", "PERSON", "Vladimir Putin"),
            ("Kazakh", "NORP", "Kazakh"),
            ("Moldovan", "NORP", "Moldovan"),
        ],
        {"Putin's Kazakh", "Moldovan Independence Day"},
    ),
    (
        "Similar Russian claims were heard in Minsk, where all-Russian unity is a slogan.",
        [("Russian", "NORP", "Russian"), ("Minsk", "GPE", "Minsk")],
        {"Similar Russian", "all-Russian"},
    ),
    (
        "In Batumi the ruling Georgian Dream party lost votes, yet Georgian Dream kept power.",
        [("Georgian Dream", "ORG", "Georgian Dream")],
        {"Georgian Dream party"},
    ),
    (
        "In 2023 Putin approved the Concept of the Foreign Policy of the Russian Federation.",
        [
            (
                "Concept of the Foreign Policy of the Russian Federation",
                "LAW",
                "Concept of the Foreign Policy of the Russian Federation",
            )
        ],
        {"Russian Federation"},
    ),
    (
        "Minsk adopted the Military Doctrine of the Republic of Belarus; critics saw a Strategy "
        "of Tension.",
        [("Military Doctrine of the Republic of Belarus", "LAW", None)],
        {"Strategy of Tension"},
    ),
    (
        "Its Westward turn, the call for de-Nazification and fears of Latinization were debated.",
        [],
        {"Westward", "de-Nazification", "Latinization", "Nazification"},
    ),
    (
        "Some opening words here.\n\nTHE CONTEXT BEHIND RUSSIA’S POLICY IN KAZAKHSTAN\n\n"
        "Astana kept calm.\n",
        [("RUSSIA", "GPE", "Russia"), ("KAZAKHSTAN", "GPE", "Kazakhstan")],
        set(),
    ),
    (
        "Tanks rolled after the 2008 Russo-Georgian War, and Putin announced a pivot to the East.",
        [("Russo-Georgian War", "EVENT", "Russo-Georgian War"), ("East", "LOC", "East")],
        {"2008 Russo-Georgian War", "pivot to the East"},
    ),
    (
        "Envoys of the Baltic countries met a fellow of the U.S. Institute of Peace at the "
        "Russo-Georgian border.",
        [
            ("Baltic", "NORP", "Baltic"),
            ("U.S. Institute of Peace", "ORG", "United States Institute of Peace"),
            ("Russo-Georgian", "NORP", None),
        ],
        {"Baltic countries"},
    ),
    (
        "The Security Council of the Russian Federation met on Friday. Weeks later, the "
        "Security Council issued a statement.",
        [("Security Council", "ORG", "Security Council of Russia")],
        set(),
    ),
    (
        "A court in Novorossiysk shut the Russo-Kazakh Caspian Pipeline Consortium’s terminal.",
        [
            ("Russo-Kazakh", "NORP", None),
            ("Caspian Pipeline Consortium", "ORG", "Caspian Pipeline Consortium"),
        ],
        {"Russo-Kazakh Caspian Pipeline Consortium"},
    ),
    (
        "Floods hit Western Ukraine while snow fell in the Russian Far East.",
        [("Western Ukraine", "LOC", None), ("Russian Far East", "LOC", None)],
        set(),
    ),
]


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_concepts(found: list[list[Row]], k: int) -> None:
    got = found[k]
    assert_entities(got, CASES[k][1], every_hit=True)
    wrong = [g for g in got if g[0] in CASES[k][2]]
    assert not wrong, f"not names: {wrong}"
