"""Entities on security and news sentences written for these tests (from no corpus).

Each sentence checks a general class of names with the packaged gazetteer: state organs
named with a state, a capital or an acronym; metonymy of states; transliteration
variants of places; lists of places; offices after a name; companies of the field; named
formats; regions that are not states. Expected labels and canonicals follow
corpora/GUIDELINES.md sections 2 and 8.
"""

from __future__ import annotations

from typing import Any

import pytest

CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "The Russian Defense Ministry (MoD) said its troops had withdrawn; the MoD later "
        "released footage.",
        [
            ("Russian Defense Ministry", "ORG", "Ministry of Defence of Russia"),
            ("MoD", "ORG", "Ministry of Defence of Russia"),
        ],
    ),
    (
        "The Kazakh Foreign Ministry (MFA) issued a note, and the MFA later clarified it.",
        [
            ("Kazakh Foreign Ministry", "ORG", "Ministry of Foreign Affairs of Kazakhstan"),
            ("MFA", "ORG", "Ministry of Foreign Affairs of Kazakhstan"),
        ],
    ),
    (
        "Beijing's Ministry of National Defense denied the claim within an hour.",
        [
            ("Beijing", "GPE", "Beijing"),
            ("Ministry of National Defense", "ORG", "Ministry of National Defense of China"),
        ],
    ),
    (
        "Moscow's Foreign Ministry summoned the envoy the next morning.",
        [
            ("Moscow", "GPE", "Moscow"),
            ("Foreign Ministry", "ORG", "Ministry of Foreign Affairs of Russia"),
        ],
    ),
    (
        "Pakistan's Foreign Office rejected the statement as baseless.",
        [
            ("Pakistan", "GPE", "Pakistan"),
            ("Foreign Office", "ORG", "Ministry of Foreign Affairs of Pakistan"),
        ],
    ),
    (
        "The Indian Foreign Ministry protested against the new map.",
        [("Indian Foreign Ministry", "ORG", "Ministry of External Affairs of India")],
    ),
    (
        "Kyiv's Defense Ministry and the Ukrainian General Staff published new figures.",
        [
            ("Defense Ministry", "ORG", "Ministry of Defence of Ukraine"),
            ("Ukrainian General Staff", "ORG", "General Staff of the Armed Forces of Ukraine"),
        ],
    ),
    (
        "Shelling was reported overnight in Nikolaev, Chernigov and Lugansk.",
        [
            ("Nikolaev", "GPE", "Mykolaiv"),
            ("Chernigov", "GPE", "Chernihiv"),
            ("Lugansk", "GPE", "Luhansk"),
        ],
    ),
    (
        "Aircraft took off from Gomel, Brest and Mozyr before dawn.",
        [("Gomel", "GPE", "Gomel"), ("Brest", "GPE", "Brest"), ("Mozyr", "GPE", "Mozyr")],
    ),
    (
        "Sumy Oblast and Kyiv Oblast were shelled, and Severodonetsk was encircled.",
        [
            ("Sumy Oblast", "GPE", "Sumy Oblast"),
            ("Kyiv Oblast", "GPE", "Kyiv Oblast"),
            ("Severodonetsk", "GPE", "Sievierodonetsk"),
        ],
    ),
    (
        "Fighting in the Donbas intensified as the Black Sea Fleet blockaded Odessa.",
        [
            ("Donbas", "LOC", "Donbas"),
            ("Black Sea Fleet", "ORG", "Black Sea Fleet"),
            ("Odessa", "GPE", "Odesa"),
        ],
    ),
    (
        "DNR Head Denis Pushilin announced a general mobilisation on television.",
        [("DNR", "GPE", "Donetsk People's Republic"), ("Denis Pushilin", "PERSON", None)],
    ),
    (
        "Talks in the Normandy format stalled, and the White House blamed the Kremlin.",
        [
            ("Normandy format", "EVENT", "Normandy Format"),
            ("White House", "FAC", "White House"),
            ("Kremlin", "FAC", "Kremlin"),
        ],
    ),
    (
        "Russian Airborne Forces (VDV) units landed near Hostomel, and the VDV lost "
        "several helicopters.",
        [
            ("Russian Airborne Forces", "ORG", "Russian Airborne Forces"),
            ("VDV", "ORG", "Russian Airborne Forces"),
            ("Hostomel", "GPE", "Hostomel"),
        ],
    ),
    (
        "Almaz-Antey and Northrop Grumman build radars, while Rheinmetall makes shells.",
        [
            ("Almaz-Antey", "ORG", "Almaz-Antey"),
            ("Northrop Grumman", "ORG", "Northrop Grumman"),
            ("Rheinmetall", "ORG", "Rheinmetall"),
        ],
    ),
    (
        "Deputy Foreign Minister Sergey Ryabkov said the talks with Washington had failed.",
        [
            ("Sergey Ryabkov", "PERSON", "Sergei Ryabkov"),
            ("Washington", "GPE", "Washington, D.C."),
        ],
    ),
    (
        "America and Britain coordinated, and the U.S. envoy briefed the UK cabinet.",
        [
            ("America", "GPE", "United States"),
            ("Britain", "GPE", "United Kingdom"),
            ("U.S.", "GPE", "United States"),
            ("UK", "GPE", "United Kingdom"),
        ],
    ),
    (
        "The PLA Rocket Force and the Eastern Theater Command rehearsed a blockade of Taiwan.",
        [
            ("PLA Rocket Force", "ORG", "People's Liberation Army Rocket Force"),
            ("Eastern Theater Command", "ORG", "Eastern Theater Command"),
            ("Taiwan", "GPE", "Taiwan"),
        ],
    ),
]

CASES += [
    (
        "Moscow recognised the Donetsk and Luhansk People's Republics after a long speech.",
        [
            ("Donetsk", "GPE", "Donetsk People's Republic"),
            ("Luhansk People's Republics", "GPE", "Luhansk People's Republic"),
        ],
    ),
    (
        "Artillery hit towns in the Kherson and Zaporizhzhia oblasts overnight.",
        [
            ("Kherson", "GPE", "Kherson Oblast"),
            ("Zaporizhzhia", "GPE", "Zaporizhzhia Oblast"),
        ],
    ),
]

CASES += [
    (
        "The Russian-Belarusian Union Resolve 2022 exercise ended before the invasion.",
        [
            ("Russian", "NORP", "Russian"),
            ("Belarusian", "NORP", "Belarusian"),
            ("Union Resolve 2022", "EVENT", "Union Resolve 2022"),
        ],
    ),
    (
        "Coastal batteries fired Neptune missiles at the cruiser near Snake Island.",
        [("Neptune", "PRODUCT", "R-360 Neptune"), ("Snake Island", "LOC", "Snake Island")],
    ),
]

CASES += [
    (
        "As S. Lavrov wrote in 2019, Lavrov and V. Putin never doubted Mao Tse-tung's legacy.",
        [
            ("S. Lavrov", "PERSON", "Sergei Lavrov"),
            ("Lavrov", "PERSON", "Sergei Lavrov"),
            ("V. Putin", "PERSON", "Vladimir Putin"),
            ("Mao Tse-tung", "PERSON", "Mao Zedong"),
        ],
    ),
]

CASES += [
    (
        "Battalions waited in Belarus, Crimea, and Voronezh, Kursk, and Bryansk Oblasts.",
        [
            ("Crimea", "GPE", "Crimea"),
            ("Voronezh", "GPE", "Voronezh Oblast"),
            ("Kursk", "GPE", "Kursk Oblast"),
            ("Bryansk Oblasts", "GPE", "Bryansk Oblast"),
        ],
    ),
]

CASES += [
    (
        "Ukraine's Armed Forces held the line while China's Navy and Russia's General Staff "
        "watched.",
        [
            ("Armed Forces", "ORG", "Armed Forces of Ukraine"),
            ("Navy", "ORG", "People's Liberation Army Navy"),
            ("General Staff", "ORG", "General Staff of the Armed Forces of the Russian Federation"),
        ],
    ),
    (
        "The U.S.-led coalition and U.S.-China talks were discussed in the Indian Army journal.",
        [
            ("U.S.", "GPE", "United States"),
            ("China", "GPE", "China"),
            ("Indian Army", "ORG", "Indian Army"),
        ],
    ),
]

CASES += [
    (
        "The Organization of Islamic Cooperation and the Gulf Cooperation Council met in Doha.",
        [
            ("Organization of Islamic Cooperation", "ORG", "Organisation of Islamic Cooperation"),
            ("Gulf Cooperation Council", "ORG", "Gulf Cooperation Council"),
        ],
    ),
]
NOT_ENTITIES = {"GLONASS", "BeiDou", "GPS", "Starlink"}
CASES += [
    (
        "SpaceX shipped Starlink terminals, and drones switched from GPS to GLONASS or BeiDou.",
        [("SpaceX", "ORG", "SpaceX")],
    ),
]

NOT_PERSONS = {"DNR Head", "Head", "Luhansk People's Republics"}


Row = tuple[str, str, str]


def entity_rows(nlp: Any, texts: list[str]) -> list[list[Row]]:
    """(text, label, canonical) of every entity of each text (shared with test_concepts)."""
    docs = [nlp.analyze(text, doc_date="2024-05-01") for text in texts]
    return [[(r.text, r.label, r.canonical) for r in d.entities.itertuples()] for d in docs]


def assert_entities(got: list[Row], expected: list[Row], *, every_hit: bool = False) -> None:
    """Each expected name is found with its label and canonical (on its first mention, or
    on every mention with ``every_hit``)."""
    for text, label, canonical in expected:
        hits = [g for g in got if g[0] == text]
        assert hits, f"{text!r} not found in {got}"
        assert hits[0][1] == label, f"{text!r}: {hits[0]} expected {label}"
        if canonical is not None:
            checked = hits if every_hit else hits[:1]
            assert all(h[2] == canonical for h in checked), f"{text!r}: {hits} expected {canonical}"


@pytest.fixture(scope="module")
def found(nlp: Any) -> list[list[Row]]:
    return entity_rows(nlp, [text for text, _ in CASES])


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_sentence_entities(found: list[list[Row]], k: int) -> None:
    got = found[k]
    assert_entities(got, CASES[k][1])
    assert not [g for g in got if g[1] == "PERSON" and g[0] in NOT_PERSONS]
    assert not [g for g in got if g[0] in NOT_ENTITIES]


def test_no_list_or_verb_inside_a_name(found: list[list[tuple[str, str, str]]]) -> None:
    names = [g[0] for doc in found for g in doc]
    assert not [n for n in names if ", " in n or n.endswith(("blockaded", "lost"))]
