"""LAW patterns (relnlp.pipeline._laws) and LAW heads, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.pipeline._laws import find_laws


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hanoi adopted its Eleventh Five-Year Socio-Economic Plan in 2016.",
            "Eleventh Five-Year Socio-Economic Plan",
        ),
        ("Delhi drafted the 12th Five-Year Plan slowly.", "12th Five-Year Plan"),
        (
            "They cited Security Council Resolution 1540 on proliferation.",
            "Security Council Resolution 1540",
        ),
        (
            "Both sides kept the Agreement on Border Defence Cooperation of 2013 alive.",
            "Agreement on Border Defence Cooperation",
        ),
        (
            "The Treaty of Amity and Cooperation in Southeast Asia binds members.",
            "Treaty of Amity and Cooperation in Southeast Asia",
        ),
    ],
)
def test_find_laws(text: str, name: str) -> None:
    assert [text[m.start : m.end] for m in find_laws(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty on arms control stalled.",
        "A five-year plan was announced.",
        "The resolution passed 12-3.",
    ],
)
def test_find_laws_needs_a_name(text: str) -> None:
    assert list(find_laws(text)) == []


def test_analyser_law_names(nlp: Any) -> None:
    df = nlp.analyze(
        "Hanoi adopted the Eleventh Five-Year Socio-Economic Plan, recalled the Anti-Secession "
        "Law of its neighbour and debated the Kellogg-Briand Pact again."
    ).entities
    got = set(zip(df["text"], df["label"]))
    assert ("Eleventh Five-Year Socio-Economic Plan", "LAW") in got
    assert ("Anti-Secession Law", "LAW") in got
    assert any(t.endswith("Pact") and lab == "LAW" for t, lab in got)
