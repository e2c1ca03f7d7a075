"""color_revolution vocabulary of taxonomy 1.3.0 (1.3.1: less one pattern, review) (ninth session), on sentences written for
these tests: interference by other means, regime security, the one-word spelling of the
non-interference principle, and what stays out of the theme."""

from __future__ import annotations

import pytest

from relnlp.themes import Taxonomy, ThemeClassifier
from relnlp.themes.features import PriorScorer

THEME = "color_revolution"


def _matched(text: str) -> list[str]:
    """Surface strings of the theme's cue and pattern matches in ``text``."""
    _scores, found = PriorScorer(Taxonomy.default()).score(text)
    return [text[m.start : m.end] for m in found if m.theme == THEME and m.kind != "exclude"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council warned that no state may intervene in the internal affairs of its "
            "neighbours.",
            "intervene in the internal affairs",
        ),
        ("Both capitals restated their attachment to noninterference.", "noninterference"),
        (
            "Diplomats were expelled for running influence operations before the referendum.",
            "influence operations",
        ),
        (
            "The ministry traced a disinformation campaign aimed at the coalition government.",
            "disinformation campaign",
        ),
        (
            "Sanctions, the junta feared, could bring internal destabilisation to the army.",
            "internal destabilisation",
        ),
        (
            "Voters worried about the spread of a pro-Western agenda among the deputies.",
            "pro-Western agenda",
        ),
        (
            "Analysts expect outside pressure to undermine the party’s grip on power.",
            "undermine the party’s grip on power",
        ),
        (
            "State media called the 2011 protests a Jasmine Revolution staged from abroad.",
            "Jasmine Revolution",
        ),
    ],
)
def test_interference_vocabulary_is_evidence(text: str, expected: str) -> None:
    assert expected in _matched(text)


@pytest.mark.parametrize(
    "text",
    [
        # separatist fighters, not a political agenda inside a state
        "Pro-Russian forces shelled the railway junction overnight.",
        # an intervention in a market is economic policy
        "The central bank's intervention in the domestic currency market lifted the rouble.",
        # a military intervention abroad, with no domestic politics named
        "The alliance debated whether to intervene in the civil war.",
    ],
)
def test_neighbouring_phrases_are_not_evidence(text: str) -> None:
    assert _matched(text) == []


def test_a_passage_on_foreign_influence_operations_is_tagged() -> None:
    clf = ThemeClassifier(Taxonomy.default())  # the prior alone, no trained model
    text = (
        "Officials in the capital accused two embassies of financing influence operations "
        "and a disinformation campaign meant to weaken the government's grip on power."
    )
    assert THEME in clf.classify(text).themes
