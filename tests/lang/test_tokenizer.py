"""Tokenizer and sentence rules for policy prose (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest


def words(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp.nlp(text) if not t.is_space]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks resumed on Feb. 10 in Oslo.",
            ["Talks", "resumed", "on", "Feb.", "10", "in", "Oslo", "."],
        ),
        (
            "The U.S.-led talks and U.K.-France ties.",
            ["The", "U.S.", "-", "led", "talks", "and", "U.K.", "-", "France", "ties", "."],
        ),
        ("Lt. Gen. Ana Ruiz spoke.", ["Lt.", "Gen.", "Ana", "Ruiz", "spoke", "."]),
        ("The U.S. Navy left.", ["The", "U.S.", "Navy", "left", "."]),
        ("See pp. 79-84 of No. 69.", ["See", "pp.", "79", "-", "84", "of", "No.", "69", "."]),
        (
            "Recruits drifted away from ISIS-K. Few stayed, said John F. Ward.",
            [
                "Recruits",
                "drifted",
                "away",
                "from",
                "ISIS",
                "-",
                "K",
                ".",
                "Few",
                "stayed",
                ",",
                "said",
                "John",
                "F.",
                "Ward",
                ".",
            ],
        ),
        (
            "Dr. Osei met Amb. Lee on Sept. 3.",
            ["Dr.", "Osei", "met", "Amb.", "Lee", "on", "Sept.", "3", "."],
        ),
    ],
)
def test_tokenizer_abbreviations(nlp: Any, text: str, expected: list[str]) -> None:
    assert words(nlp, text) == expected


def test_tokenizer_footnote_markers_detached(nlp: Any) -> None:
    assert words(nlp, "as India argued.³ Pakistan¹² disagreed.") == [
        "as",
        "India",
        "argued",
        ".",
        "³",
        "Pakistan",
        "¹²",
        "disagreed",
        ".",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the talk with Minister OkaforSee Document 12. on trade",
            ["the", "talk", "with", "Minister", "Okafor", "See", "Document", "12", "."],
        ),
        ("a map (enclosedNot printed.) of the", ["a", "map", "(", "enclosed", "Not", "printed"]),
        ("to the Consul (Varga)Source: Central Files.", ["Consul", "(", "Varga", ")", "Source"]),
        ("Sofia, May 2, 1961.Drafted by Brandt.", ["1961", ".", "Drafted", "by", "Brandt"]),
    ],
)
def test_tokenizer_glued_frus_footnotes_split(nlp: Any, text: str, expected: list[str]) -> None:
    toks = words(nlp, text)
    at = toks.index(expected[0])
    assert toks[at : at + len(expected)] == expected


@pytest.mark.parametrize("word", ["McDonald", "DeSantis", "iPhone", "SeeSaw", "Nottingham"])
def test_tokenizer_camel_case_names_not_split(nlp: Any, word: str) -> None:
    assert words(nlp, f"They met {word} there.") == ["They", "met", word, "there", "."]


def test_glued_footnote_leaves_the_name_an_entity(nlp: Any) -> None:
    rep = nlp.analyze(
        "On May 3 the envoy met Ambassador HendersonSee Document 40. in Athens.",
        doc_date="1961-06-01",
    )
    assert "Henderson" in set(rep.entities["text"])


def test_tokenizer_hyphenated_given_name_kept_whole(nlp: Any) -> None:
    doc = nlp.nlp("President Kassym-Jomart Tokayev met Moon Jae-in in Seoul.")
    toks = [t.text for t in doc]
    assert "Kassym-Jomart" in toks
    # Names of two actors joined by a hyphen stay apart.
    doc2 = nlp.nlp("The Russia-China summit and the Li-Ivanov talks ended.")
    assert "Russia-China" not in [t.text for t in doc2]


def test_tokenizer_cjk_name_in_parentheses(nlp: Any) -> None:
    assert words(nlp, "Wang Huning (王沪宁) spoke.") == [
        "Wang",
        "Huning",
        "(",
        "王沪宁",
        ")",
        "spoke",
        ".",
    ]


@pytest.mark.parametrize(
    ("text", "n_sents"),
    [
        ("Gen. Tanaka met Col. Ito on Oct. 2. They agreed.", 2),
        ("Cited in Foreign Policy, No. 12, pp. 5-9. Later work disagreed.", 2),
        ("The note ended here.⁴ A new sentence began.", 2),
        ("1. Energy and security\n\nThe first part.", 2),
        ("Heading without stop\n\nBody text follows here.", 2),
    ],
)
def test_sentences_respect_abbreviations_and_blocks(nlp: Any, text: str, n_sents: int) -> None:
    sents = [s.text.strip() for s in nlp.nlp(text).sents if s.text.strip()]
    assert len(sents) == n_sents, sents


def _in_place(nlp: Any) -> Any:
    """relnlp's rules added to ``nlp.tokenizer`` one by one through spaCy's setters (the
    slow way ``customize_tokenizer`` replaced): the reference for the built tokenizer."""
    from spacy.attrs import NORM, ORTH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from relnlp.lang.abbreviations import ALL
    from relnlp.lang.tokenizer import _ABBR_HYPHEN, _SYMBOL_RUN, SUPERSCRIPTS

    tok = nlp.tokenizer
    for abbr in ALL:
        tok.add_special_case(abbr, [{ORTH: abbr, NORM: abbr}])
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            tok.add_special_case(cap, [{ORTH: cap, NORM: cap}])
    sup = f"[{SUPERSCRIPTS}]+"
    tok.suffix_search = compile_suffix_regex([sup, *nlp.Defaults.suffixes]).search
    tok.prefix_search = compile_prefix_regex([sup, *nlp.Defaults.prefixes]).search
    tok.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _ABBR_HYPHEN]).finditer
    old = tok.token_match
    tok.token_match = lambda text: _SYMBOL_RUN.match(text) or (old(text) if old else None)
    return tok


def test_built_tokenizer_equals_rules_added_in_place() -> None:
    from pathlib import Path

    import spacy

    from relnlp.about import DEFAULT_MODEL
    from relnlp.lang import customize_tokenizer
    from relnlp.lang.abbreviations import ALL

    built = spacy.load(
        DEFAULT_MODEL,
        exclude=["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler", "lemmatizer"],
    )
    customize_tokenizer(built)
    customize_tokenizer(built)  # idempotent
    ref = spacy.load(
        DEFAULT_MODEL,
        exclude=["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler", "lemmatizer"],
    )
    reference = _in_place(ref)
    assert built.tokenizer.rules == reference.rules
    texts = [
        " ".join(f"({a}) {a}, {a.upper()}. {a[:1].upper() + a[1:]}" for a in ALL),
        "Deal signed⁴ ⁵in May;¹² '(((('  ----  &&&& e-mail: a@b.org https://x.org/a?b=1 U.S.-led",
        "He said: \u201cNo.\u201d  Then\tleft\n\nA.B.C. Corp. (Ltd.) pp.12-14 vs. etc.) No.5",
    ]
    seeds = Path(__file__).resolve().parents[2] / "corpora" / "seeds"
    texts += [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    assert len(texts) > 3
    for text in texts:
        got = [(t.text, t.whitespace_, t.norm_) for t in built.tokenizer(text)]
        want = [(t.text, t.whitespace_, t.norm_) for t in reference(text)]
        assert got == want
