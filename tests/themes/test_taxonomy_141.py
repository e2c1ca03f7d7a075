"""Taxonomy 1.4.1: money or sponsorship from abroad is interference only when it pays for
unrest or an opposition, and "crude" alone is no oil; sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "theme", "tagged"),
    [
        ("The new deep-water berth was financed by foreign lenders.", "color_revolution", False),
        (
            "The draft resolution, sponsored by Washington, passed easily.",
            "color_revolution",
            False,
        ),
        (
            "Officials claimed the street protests were financed from abroad by exiled "
            "oligarchs and foreign intelligence services seeking regime change.",
            "color_revolution",
            True,
        ),
        ("Police defused a crude bomb left outside the bus depot.", "geoeconomics", False),
    ],
)
def test_interference_and_oil_cues(nlp: Any, text: str, theme: str, tagged: bool) -> None:
    row = nlp.analyze(text, doc_date="2024-05-01").passages.iloc[0]
    assert (theme in row["themes"]) is tagged, (row["themes"], row[theme])
