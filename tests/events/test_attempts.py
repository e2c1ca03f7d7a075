"""Whether a clause reports an act: attempts in the past ("sought to", "tried to"), the
implicative "was able to", a clause after a speaker's label ("Name: ..."), and the author's
cross-references ("as noted above").

Every sentence here was written for these tests; none comes from the seeds or the dev data.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_events import _events


def _triggers(nlp: Any, text: str) -> list[str]:
    return [str(t).split()[0] for t in _events(nlp, text)["trigger"]]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("In March al-Shabaab sought to bomb a Kenyan army base.", "bomb", "al-Shabaab", "Kenya"),
        (
            "The Taliban tried to convince Pakistan to reopen the border.",
            "convince",
            "Taliban",
            "Pakistan",
        ),
        ("In 2019 Kenya was able to arrest Ahmed Hassan.", "arrest", "Kenya", "Ahmed Hassan"),
        ("Mary Smith: Russia invaded Georgia on 8 August.", "invaded", "Russia", "Georgia"),
    ],
)
def test_an_act_undertaken_is_an_event(
    nlp: Any, text: str, trigger: str, source: str, target: str
) -> None:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.split().str[0] == trigger]
    assert len(rows) == 1, ev[["trigger", "source", "target"]]
    assert rows.iloc[0]["source"] == source
    assert rows.iloc[0]["target"] == target


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab still seeks to bomb Kenyan army bases.",  # an aim, in the present
        "Al-Shabaab is able to bomb Kenyan army bases.",  # a capability
        "Al-Shabaab was not able to bomb the Kenyan army base.",
        "Al-Shabaab struggled to bomb the Kenyan army base.",
    ],
)
def test_an_aim_or_a_capability_is_no_event(nlp: Any, text: str) -> None:
    assert "bomb" not in _triggers(nlp, text)


def test_the_authors_cross_reference_is_no_event(nlp: Any) -> None:
    text = "As discussed above, Kenya imposed sanctions on Somalia in May."
    assert _triggers(nlp, text) == ["imposed"]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # a clause stated as a fact is reported, as is its act
        (
            "Tensions rose after the fact that Kenyan authorities cracked down on al-Shabaab in May.",
            "cracked",
            "Kenya",
            "al-Shabaab",
        ),
        # a state's media and intelligence act for it
        ("Chinese state media granted Ukraine airtime.", "granted", "China", "Ukraine"),
        (
            "In 2021 the Kenyan police busted several al-Shabaab cells.",
            "busted",
            "Kenya",
            "al-Shabaab",
        ),
    ],
)
def test_facts_media_and_busts(nlp: Any, text: str, trigger: str, source: str, target: str) -> None:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.split().str[0] == trigger]
    assert len(rows) == 1, ev[["trigger", "source", "target"]]
    assert rows.iloc[0]["source"] == source
    assert rows.iloc[0]["target"] == target


def test_a_claim_that_is_no_fact(nlp: Any) -> None:
    text = "Tensions rose after the claim that Kenyan authorities cracked down on al-Shabaab."
    assert "cracked" not in _triggers(nlp, text)
