"""Tokenizer and sentence rules for policy prose (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest


def words(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp.nlp(text) if not t.is_space]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed on Feb. 10 in Oslo.", ["Talks", "resumed", "on", "Feb.", "10", "in", "Oslo", "."]),
        ("Lt. Gen. Ana Ruiz spoke.", ["Lt.", "Gen.", "Ana", "Ruiz", "spoke", "."]),
        ("The U.S. Navy left.", ["The", "U.S.", "Navy", "left", "."]),
        ("See pp. 79-84 of No. 69.", ["See", "pp.", "79", "-", "84", "of", "No.", "69", "."]),
        ("Dr. Osei met Amb. Lee on Sept. 3.", ["Dr.", "Osei", "met", "Amb.", "Lee", "on", "Sept.", "3", "."]),
    ],
)
def test_tokenizer_abbreviations(nlp: Any, text: str, expected: list[str]) -> None:
    assert words(nlp, text) == expected


def test_tokenizer_footnote_markers_detached(nlp: Any) -> None:
    assert words(nlp, "as India argued.³ Pakistan¹² disagreed.") == [
        "as", "India", "argued", ".", "³", "Pakistan", "¹²", "disagreed", ".",
    ]  # fmt: skip


def test_tokenizer_hyphenated_given_name_kept_whole(nlp: Any) -> None:
    doc = nlp.nlp("President Kassym-Jomart Tokayev met Moon Jae-in in Seoul.")
    toks = [t.text for t in doc]
    assert "Kassym-Jomart" in toks
    # Names of two actors joined by a hyphen stay apart.
    doc2 = nlp.nlp("The Russia-China summit and the Li-Ivanov talks ended.")
    assert "Russia-China" not in [t.text for t in doc2]


def test_tokenizer_cjk_name_in_parentheses(nlp: Any) -> None:
    assert words(nlp, "Wang Huning (王沪宁) spoke.") == ["Wang", "Huning", "(", "王沪宁", ")", "spoke", "."]


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
