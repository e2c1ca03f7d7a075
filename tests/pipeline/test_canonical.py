"""Canonical names built by rule (relnlp.pipeline._canonical), on sentences written for
these tests: the functions alone with the packaged gazetteer, then the full analyser."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import pytest

from relnlp.gazetteer import Gazetteer, load_gazetteer
from relnlp.pipeline._canonical import (
    division_canonical,
    organ_canonical,
    singular_group,
    slash_canonical,
    variant_person,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def ents(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    df = nlp.analyze(text).entities
    return list(zip(df["text"], df["label"], df["canonical"]))


@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        (
            "Mongolian Ministry of Road and Transport",
            None,
            "Ministry of Road and Transport of Mongolia",
        ),
        ("Kyrgyz Foreign Ministry", None, "Ministry of Foreign Affairs of Kyrgyzstan"),
        ("Armenia Ministry of Health", None, "Ministry of Health of Armenia"),
        ("Ghanaian Government", None, "Government of Ghana"),
        ("Ministry of Agriculture", "Nepal", "Ministry of Agriculture of Nepal"),
        ("Finance Ministry", "United Kingdom", "Ministry of Finance of the United Kingdom"),
        (
            "Ministry of Foreign Affairs of the Republic of Kazakhstan",
            None,
            "Ministry of Foreign Affairs of Kazakhstan",
        ),
    ],
)
def test_organ_canonical_puts_the_state_after_the_organ(
    gaz: Gazetteer, text: str, state: str | None, expected: str
) -> None:
    got = organ_canonical(text, gaz, state=state)
    assert got is not None and got[0] == expected


@pytest.mark.parametrize(
    "text", ["Mongolian Academy of Sciences", "Ministry of Agriculture", "Kyrgyz herders"]
)
def test_organ_canonical_leaves_other_names(gaz: Gazetteer, text: str) -> None:
    assert organ_canonical(text, gaz) is None


def test_division_canonical(gaz: Gazetteer) -> None:
    assert division_canonical("Kandahar", "province", gaz) == "Kandahar Province"
    assert division_canonical("Sughd", "district", gaz) == "Sughd District"
    assert division_canonical("Kursk", "region", gaz) == "Kursk Oblast"  # the gazetteer's title
    # A variant spelling the gazetteer knows of a district takes its title.
    assert division_canonical("Shotul", "district", gaz) == "Shutul District"
    assert division_canonical("Badakhshan", "district", gaz) == "Badakhshan District"
    assert division_canonical("Dakar", "region", gaz) is None  # a region's title varies
    assert division_canonical("Kandahar", "port", gaz) is None


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("Houthis", "Houthi"),
        ("neo-Nazis", "neo-Nazi"),
        ("Alawites", "Alawite"),
        ("Swiss", "Swiss"),
        ("Americans", "American"),
    ],
)
def test_singular_group(gaz: Gazetteer, plural: str, singular: str) -> None:
    assert singular_group(plural, gaz) == singular


def test_slash_canonical_takes_the_known_alternative(gaz: Gazetteer) -> None:
    hit = slash_canonical("Heilongjiang/Amur River", gaz)
    assert hit is not None and (hit.canonical, hit.label) == ("Amur River", "LOC")
    assert slash_canonical("Foo/Bar River", gaz) is None


def test_variant_person(gaz: Gazetteer) -> None:
    assert variant_person(["Aleksei", "Novak"], gaz) == "Alexander Novak"
    assert variant_person(["Maria", "Novak"], gaz) is None  # another given name
    assert variant_person(["Alexei", "Nowakowski"], gaz) is None


def test_no_disambiguation_brackets_in_packaged_canonicals() -> None:
    # The guidelines take the Wikipedia title without its bracket ("Ministry of Defence
    # (United Kingdom)" is "Ministry of Defence of the United Kingdom").
    base = resources.files("relnlp") / "data" / "gazetteer"
    bad = []
    for res in base.iterdir():
        for line in res.read_text("utf-8").splitlines()[1:]:
            c = json.loads(line)["canonical"]
            if re.search(r"\([A-Za-z ]{2,}\)$", c):
                bad.append(c)
    assert bad == []


# -- the analyser ------------------------------------------------------------------------


def test_analyser_organs_named_with_their_state(nlp: Any) -> None:
    got = ents(
        nlp,
        "Officials of the Tajik Ministry of Energy met Kazakhstan's Ministry of Transport "
        "and the Iranian Government in Dushanbe on Tuesday.",
    )
    assert ("Tajik Ministry of Energy", "ORG", "Ministry of Energy of Tajikistan") in got
    assert ("Kazakhstan", "GPE", "Kazakhstan") in got
    assert ("Ministry of Transport", "ORG", "Ministry of Transport of Kazakhstan") in got
    assert ("Iranian Government", "ORG", "Government of Iran") in got


def test_analyser_possessive_state_split_from_a_known_organ(nlp: Any) -> None:
    got = ents(nlp, "Farmers protested after Uzbekistan’s Foreign Ministry issued a note.")
    assert ("Uzbekistan", "GPE", "Uzbekistan") in got
    assert ("Foreign Ministry", "ORG", "Ministry of Foreign Affairs of Uzbekistan") in got


def test_analyser_province_head_names_the_division(nlp: Any) -> None:
    got = ents(nlp, "Floods hit Kandahar province last spring, and later the city of Kandahar.")
    assert ("Kandahar", "GPE", "Kandahar Province") in got
    assert ("Kandahar", "GPE", "Kandahar") in got


def test_analyser_spelling_variant_of_a_known_person(nlp: Any) -> None:
    got = ents(
        nlp, "Deputy Prime Minister Aleksei Novak spoke in Baku. Novak said oil output would rise."
    )
    assert ("Aleksei Novak", "PERSON", "Alexander Novak") in got
    assert ("Novak", "PERSON", "Alexander Novak") in got


def test_analyser_meeting_is_an_event(nlp: Any) -> None:
    got = ents(nlp, "Delegates gathered for the CSTO Defence Ministers' Meeting in Minsk.")
    assert any(label == "EVENT" and text.endswith("Meeting") for text, label, _ in got)


def test_analyser_long_official_name_is_one_org(nlp: Any) -> None:
    got = ents(
        nlp,
        "She was appointed head of the Propaganda Department of the CPC's Central Committee "
        "in 2019 and later joined the Supreme Command of the Mongolian People's Army.",
    )
    names = {t: (lab, can) for t, lab, can in got}
    assert names.get("Propaganda Department of the CPC's Central Committee") == (
        "ORG",
        "Propaganda Department of the Central Committee of the Communist Party of China",
    )
    assert "CPC" not in names


def test_analyser_ordinary_words_in_a_cited_title_are_no_names(nlp: Any) -> None:
    # spaCy alone reads "Phone" as ORG, "Growing Involvement" as GPE, "Disputes" as PERSON.
    text = (
        'Notes: 1. Anna Petrova, "Tokayev Discusses Water Security with Mirziyoyev on the Phone", '
        "Astana Times, 4 May 2023. 2. Li Ming, \"Beijing's Growing Involvement in the Pamirs: Border "
        'Disputes and Quiet Diplomacy", Asia Review, 2020.'
    )
    got = ents(nlp, text)
    labels = {t: lab for t, lab, _ in got}
    assert labels.get("Beijing") == "GPE" and labels.get("Mirziyoyev") == "PERSON"
    assert not {"Phone", "Growing Involvement", "Disputes"} & set(labels)
    from relnlp.pipeline._actor_base import _quoted_titles

    assert len(_quoted_titles(text)) == 2 and not _quoted_titles("He said “we will see” and left.")


def test_analyser_military_units_are_org_with_their_ordinal(nlp: Any) -> None:
    got = ents(
        nlp,
        "Troops of the Eastern Military District and the 36th Combined Arms Army "
        "crossed the river at dawn.",
    )
    labels = {t: lab for t, lab, _ in got}
    assert labels.get("Eastern Military District") == "ORG"
    assert labels.get("36th Combined Arms Army") == "ORG"


def test_analyser_acronym_of_a_state_organ(nlp: Any) -> None:
    got = ents(
        nlp,
        "The Georgian Ministry of Internal Affairs (MIA) detained two men. "
        "The MIA later released them.",
    )
    assert (
        "Georgian Ministry of Internal Affairs",
        "ORG",
        "Ministry of Internal Affairs of Georgia",
    ) in got
    assert ("MIA", "ORG", "Ministry of Internal Affairs of Georgia") in got


def test_analyser_towns_read_as_people_are_places(nlp: Any) -> None:
    got = ents(
        nlp,
        "Shelling hit Krasnohorivka and Velyka Novosilka again, and a convoy moved toward "
        "Orikhiv. Journalist Pavel Ostrovsk said the road was closed.",
    )
    labels = {t: lab for t, lab, _ in got}
    assert labels.get("Krasnohorivka") == "GPE"
    assert labels.get("Velyka Novosilka") == "GPE"
    assert labels.get("Orikhiv") == "GPE"
    # a person named in full stays a person, whatever the ending of the surname
    assert labels.get("Pavel Ostrovsk") == "PERSON"


def test_analyser_lower_case_heads_after_a_name(nlp: Any) -> None:
    got = ents(
        nlp,
        "Trucks waited at the Torkham border crossing and at Sangan railway station. "
        "Elders of the Durrani clan met in the morning.",
    )
    assert ("Torkham", "FAC", "Torkham border crossing") in got
    assert ("Sangan", "FAC", "Sangan railway station") in got
    assert ("Durrani", "NORP", "Durrani") in got


def test_analyser_dateline_in_capitals(nlp: Any) -> None:
    got = ents(
        nlp,
        "TBILISI, Georgia — Protesters gathered again on Sunday.\n"
        "ULAANBAATAR (Reuters) - Coal exports rose.\nTHE report was late.",
    )
    assert ("TBILISI", "GPE", "Tbilisi") in got
    assert ("ULAANBAATAR", "GPE", "Ulaanbaatar") in got
    assert not any(t == "THE" for t, _l, _c in got)
