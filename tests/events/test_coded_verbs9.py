"""CAMEO verb-list sweep (issue 15, ninth pass): common news-wire verbs of the codebook's
root classes, and the split of "protest" into an official complaint (CAMEO 114) and a
street protest (14).

Every sentence here was written for these tests; none comes from the seeds, the dev
reports or the coded sentences of the development folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_events import _events


def _rows(nlp: Any, text: str, trigger: str) -> Any:
    ev = _events(nlp, text)
    return ev[ev["trigger"].str.split().str[0] == trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "type_"),
    [
        (
            "Chile proposed talks with Bolivia on the water dispute.",
            "proposed",
            "036",
            "verbal_cooperation",
        ),
        (
            "Ghana suggested talks with Togo on the border dispute.",
            "suggested",
            "02",
            "verbal_cooperation",
        ),
        (
            "The IMF approved a loan to Sri Lanka in March.",
            "approved",
            "07",
            "material_cooperation",
        ),
        (
            "The Australian government approved the trade agreement with India.",
            "approved",
            "051",
            "verbal_cooperation",
        ),
        (
            "Peru applauded Ecuador for the prisoner release.",
            "applauded",
            "051",
            "verbal_cooperation",
        ),
        (
            "The Iranian navy intercepted a Panamanian tanker near Bahrain.",
            "intercepted",
            "17",
            "material_conflict",
        ),
        ("Vietnam turned down China's offer of joint patrols.", "turned", "12", "verbal_conflict"),
        (
            "Armenia assailed Azerbaijan over the border shelling.",
            "assailed",
            "11",
            "verbal_conflict",
        ),
        ("Russia moved troops to the Belarusian border.", "moved", "15", "material_conflict"),
        ("Lithuania withdrew its ambassador from China.", "withdrew", "16", "material_conflict"),
        (
            "Ukrainian forces repelled a Russian assault near Bakhmut.",
            "repelled",
            "19",
            "material_conflict",
        ),
        ("Ethiopia and Eritrea resumed talks in Nairobi.", "resumed", "04", "verbal_cooperation"),
    ],
)
def test_swept_verbs(nlp: Any, text: str, trigger: str, cameo: str, type_: str) -> None:
    rows = _rows(nlp, text, trigger)
    assert len(rows) == 1, _events(nlp, text)[["trigger", "cameo", "source", "target"]]
    assert rows.iloc[0]["cameo"] == cameo
    assert rows.iloc[0]["type"] == type_


@pytest.mark.parametrize(
    "text",
    [
        "Japan protested to China over the incursion near the Senkaku islands.",
        "The Indian foreign ministry protested to Nepal about the new map.",
        "Beijing protested against the Japanese decision.",
    ],
)
def test_official_protest_is_a_complaint(nlp: Any, text: str) -> None:
    rows = _rows(nlp, text, "protested")
    assert len(rows) == 1, _events(nlp, text)[["trigger", "cameo", "source", "target"]]
    assert rows.iloc[0]["cameo"] == "114"
    assert rows.iloc[0]["type"] == "verbal_conflict"


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan teachers protested against the government of Kenya in Nairobi.",
        "Egyptian students protested against Israel outside the embassy.",
        # a state named on the protester is not the state protesting
        "An Ohio man protested the Chinese tariffs outside the embassy.",
    ],
)
def test_street_protest_stays_a_protest(nlp: Any, text: str) -> None:
    rows = _rows(nlp, text, "protested")
    assert len(rows) == 1, _events(nlp, text)[["trigger", "cameo", "source", "target"]]
    assert rows.iloc[0]["cameo"] == "14"
    assert rows.iloc[0]["type"] == "material_conflict"


@pytest.mark.parametrize(
    "text",
    [
        "This suggests that Serbia will recognise Kosovo soon.",
        "The figures suggest that Turkey expanded trade with Iraq.",
        "Several Russian raids on Ukraine suggest a plan to encircle Kharkiv.",
    ],
)
def test_an_authors_suggestion_is_no_event(nlp: Any, text: str) -> None:
    assert _rows(nlp, text, "suggests").empty
    assert _rows(nlp, text, "suggest").empty
