"""Weapons, exercises, quote variants, headings and given names (issue 18).

Sentences written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.gazetteer import load_gazetteer, normalise_quotes, quote_variants
from relnlp.pipeline._military import find_designators, find_exercises
from relnlp.schemas import ENTITY_LABELS


def _spans(found: Any, text: str) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.label, f.canonical) for f in found]


@pytest.mark.issue(18)
def test_military_designators_take_the_family_canonical() -> None:
    text = (
        "Batteries of S-400 guarded the base where Su-35S and MiG-31BM jets, a J-16, "
        "two Type 052D destroyers and a Lada-class boat were seen; G-20 and P-5 are not arms."
    )
    got = _spans(find_designators(text), text)
    assert ("S-400", "PRODUCT", "S-400") in got
    assert ("Su-35S", "PRODUCT", "Sukhoi Su-35") in got
    assert ("MiG-31BM", "PRODUCT", "Mikoyan MiG-31") in got
    assert ("J-16", "PRODUCT", "J-16") in got
    assert ("Type 052D", "PRODUCT", "Type 052D") in got
    assert ("Lada-class", "PRODUCT", "Lada-class") in got
    assert not any(s in ("G-20", "P-5") for s, _l, _c in got)


@pytest.mark.issue(18)
def test_military_exercises_keep_their_year_and_need_a_series_or_a_drill() -> None:
    text = (
        "Troops from six states joined Tsentr-2019. The fleets sailed for Joint Sea 2021 "
        "off Vladivostok. Their staffs planned Steel Shield 2024, a drill on the steppe. "
        "Growth slowed in March 2024. The plan Vision 2030 was praised."
    )
    got = [s for s, _l, _c in _spans(find_exercises(text), text)]
    assert got[:3] == ["Tsentr-2019", "Joint Sea 2021", "Steel Shield 2024"]
    assert "March 2024" not in got and "Vision 2030" not in got


def test_gazetteer_quote_variants_are_one_surface() -> None:
    g = load_gazetteer()
    for q in ("'", "\u2019", "\u2018", "`", "\u02bc", "\u2032"):
        hit = g.lookup(f"People{q}s Republic of China")
        assert hit is not None and hit.canonical == "China", q
    assert normalise_quotes("Xi\u2019s") == "Xi's"
    assert len(quote_variants("People's Republic")) >= 6


def test_gazetteer_products_are_packaged_and_labelled() -> None:
    g = load_gazetteer()
    assert "PRODUCT" in ENTITY_LABELS
    hit = g.lookup("HIMARS")
    assert hit is not None and hit.label == "PRODUCT"
    hit = g.lookup("Bayraktar TB2")
    assert hit is not None and hit.canonical == "Bayraktar TB2"


@pytest.mark.issue(18)
def test_actors_weapons_exercises_and_headings(nlp: Any) -> None:
    text = (
        "### Arms Transfers and Joint Drills\n\n"
        "In 2019 Moscow shipped Su-30 fighters and Pantsir launchers to the People\u2019s "
        "Republic of China, and a Russian Kilo submarine followed. The two navies then held "
        "Joint Sea 2019 in the Yellow Sea.\n\n"
        "### Outlook\n\n"
        "Analyst Thomas Keller expects more such drills, and Thomas said the next "
        "round could come in 2025.\n\nBy Anna Lindqvist\n"
    )
    r = nlp.analyze(text, doc_id="t18", doc_date="2024-05-01")
    got = {(row.text, row.label, row.canonical) for row in r.entities.itertuples()}
    assert ("Su-30", "PRODUCT", "Sukhoi Su-30") in got
    assert ("Pantsir", "PRODUCT", "Pantsir") in got
    assert ("Kilo", "PRODUCT", "Kilo-class") in got
    assert ("Russian", "NORP", "Russian") in got
    assert ("People\u2019s Republic of China", "GPE", "China") in got
    assert ("Joint Sea 2019", "EVENT", "Joint Sea 2019") in got
    assert ("Thomas", "PERSON", "Thomas Keller") in got
    texts = {t for t, _l, _c in got}
    assert not texts & {"Arms Transfers and Joint Drills", "Joint Drills", "Outlook"}
    assert ("Anna Lindqvist", "PERSON", "Anna Lindqvist") in got  # a byline is a name
    # The year inside the exercise's name is no date; the other years are.
    dates = set(r.dates["text"])
    assert "2019" in dates and "2025" in dates
    assert not any(
        row.start >= text.index("Joint Sea") and row.end <= text.index("Joint Sea") + 14
        for row in r.dates.itertuples()
    )


def test_military_corridors_keep_their_head() -> None:
    from relnlp.pipeline._military import find_corridors

    text = (
        "Freight on the Trans-Siberian railway and the East-West Highway grew; the railway slowed."
    )
    got = _spans(find_corridors(text), text)
    assert got == [
        ("Trans-Siberian railway", "FAC", "Trans-Siberian Railway"),
        ("East-West Highway", "FAC", "East-West Highway"),
    ]


@pytest.mark.issue(18)
def test_actors_descriptive_events_and_links(nlp: Any) -> None:
    text = (
        "After the annexation of Crimea, freight on the Baku-Tbilisi railroad fell, and the "
        "war in Ukraine cut it again.\n"
    )
    r = nlp.analyze(text, doc_id="t18b", doc_date="2024-05-01")
    got = {(row.text, row.label) for row in r.entities.itertuples()}
    assert ("Crimea", "GPE") in got and ("Ukraine", "GPE") in got
    assert not any(label == "EVENT" for _t, label in got)  # descriptive, not names
    assert ("Baku", "GPE") in got and ("Tbilisi", "GPE") in got


def test_exercise_with_a_lettered_year_keeps_the_letter() -> None:
    text = (
        "The navy staged Joint Sword-2023B drills east of the island; a 2023 budget paid for them."
    )
    found = [text[m.start : m.end] for m in find_exercises(text)]
    assert found == ["Joint Sword-2023B"]
