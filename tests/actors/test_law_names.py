"""Treaties, doctrines and initiatives of the field as LAW, on sentences written for these
tests (from no corpus); names from general lists (English Wikipedia titles), guidelines 2:
treaties, agreements and named policy initiatives are LAW."""

from __future__ import annotations

from typing import Any

import pytest

from tests.actors.test_generalisation import Row, assert_entities, entity_rows

CASES: list[tuple[str, list[Row]]] = [
    (
        "Ankara invoked the Montreux Convention to close the straits to warships.",
        [("Montreux Convention", "LAW", "Montreux Convention Regarding the Regime of the Straits")],
    ),
    (
        "Moscow quit the Black Sea Grain Initiative in July, and Kyiv appealed to the UN.",
        [("Black Sea Grain Initiative", "LAW", "Black Sea Grain Initiative")],
    ),
    (
        "Warsaw hosted the Three Seas Initiative summit, praised by supporters of the "
        "Proliferation Security Initiative.",
        [
            ("Three Seas Initiative", "LAW", "Three Seas Initiative"),
            ("Proliferation Security Initiative", "LAW", "Proliferation Security Initiative"),
        ],
    ),
    (
        "Critics compared the Carter Doctrine with the newer Kagame Doctrine.",
        [("Carter Doctrine", "LAW", "Carter Doctrine"), ("Kagame Doctrine", "LAW", None)],
    ),
    (
        "The 1994 Agreed Framework froze Pyongyang's reactor, and the Panmunjom Declaration "
        "followed decades later.",
        [
            ("Agreed Framework", "LAW", "Agreed Framework"),
            ("Panmunjom Declaration", "LAW", "Panmunjom Declaration"),
        ],
    ),
    (
        "Beijing cites the Five Principles of Peaceful Coexistence; Washington cites the "
        "Six Assurances and the Taiwan Travel Act.",
        [
            ("Five Principles of Peaceful Coexistence", "LAW", None),
            ("Six Assurances", "LAW", "Six Assurances"),
            ("Taiwan Travel Act", "LAW", "Taiwan Travel Act"),
        ],
    ),
    (
        "The NATO-Russia Founding Act and the Atlantic Charter were both cited.",
        [
            (
                "NATO-Russia Founding Act",
                "LAW",
                "Founding Act on Mutual Relations, Cooperation and Security between NATO "
                "and the Russian Federation",
            ),
            ("Atlantic Charter", "LAW", "Atlantic Charter"),
        ],
    ),
]


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_law_names(found: list[list[Row]], k: int) -> None:
    assert_entities(found[k], CASES[k][1])


def test_no_possessive_doctrine(nlp: Any) -> None:
    got = entity_rows(nlp, ["Russia's Military Doctrine of the Russian Federation changed."])[0]
    assert not [g for g in got if g[1] == "LAW" and "'s" in g[0]], got
