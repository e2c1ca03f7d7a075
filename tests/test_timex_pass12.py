"""A date after "until"/"through" that a past state lasted up to is past, and "the
quarter" as a deadline is the current quarter; sentences written for these tests."""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes

NOV = Anchor.from_value("2025-11-12")


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor=NOV)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ceasefire held until the spring.", ("the spring", "2025-SP")),
        ("The blockade lasted through March.", ("March", "2025-03")),
        ("She served as ambassador until February.", ("February", "2025-02")),
        ("Negotiations dragged on into April.", ("April", "2025-04")),
        ("The old tariffs remained in force until June.", ("June", "2025-06")),
    ],
)
def test_a_past_state_up_to_a_date_is_past(text: str, want: tuple[str, str]) -> None:
    assert _values(text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # deadlines stay ahead of the report, whatever their verb
        ("The ministry extended the consultation until Jan. 15.", ("Jan. 15", "2026-01-15")),
        ("The truce will hold until the spring.", ("the spring", "2026-SP")),
        ("Bids are due until Feb. 3, officials said.", ("Feb. 3", "2026-02-03")),
        # a verb of lasting that is no simple past (review): scheduled, not told
        ("The vote will be held by Jan. 15.", ("Jan. 15", "2026-01-15")),
        ("Talks are to be held until Friday.", ("Friday", "2025-11-14")),
        ("The envoy will have served until March.", ("March", "2026-03")),
    ],
)
def test_deadlines_still_look_ahead(text: str, want: tuple[str, str]) -> None:
    assert _values(text) == [want]


def test_the_quarter_as_a_deadline_is_the_current_quarter() -> None:
    assert _values("Officials expect a deal by the end of the quarter.") == [
        ("the quarter", "2025-Q4")
    ]
    # without a deadline, earnings news reports on the last quarter
    assert _values("Sales rose in the quarter.") == [("the quarter", "2025-Q3")]


def test_a_deadline_in_the_future_tense_is_the_next_one_however_far() -> None:
    """Review: in May, "will be held by Jan. 15" was last January (deadlines looked only
    about seven months ahead); a future auxiliary makes it the next one."""
    may = Anchor.from_value("2024-05-01")
    found = [
        (t.text, t.value) for t in find_timexes("The vote will be held by Jan. 15.", anchor=may)
    ]
    assert found == [("Jan. 15", "2025-01-15")]
    # without a future auxiliary the deadline rule stands: the nearest within reach
    found = [(t.text, t.value) for t in find_timexes("Bids are due until Jan. 15.", anchor=may)]
    assert found == [("Jan. 15", "2024-01-15")]
