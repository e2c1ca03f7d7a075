"""Coordinated days ("1 and 2 July", "April 24 and 25"): a TIMEX3 per day, as TimeML tags
them, on sentences written for these tests."""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes


def values(text: str, doc_date: str | None = None) -> list[tuple[str, str]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.value) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "The assembly sat on 7 and 8 March 1790.",
            None,
            [("7", "1790-03-07"), ("8 March 1790", "1790-03-08")],
        ),
        (
            "The ministers will meet on June 11 and 12 in Oslo.",
            "2003-05-30",
            [("June 11", "2003-06-11"), ("12", "2003-06-12")],
        ),
        (
            "Polling took place on October 3, 4 and 5.",
            "2003-10-20",
            [("October 3", "2003-10-03"), ("4", "2003-10-04"), ("5", "2003-10-05")],
        ),
        (
            "Storms hit the coast on September 9 and 10, 1900.",
            None,
            [("September 9", "1900-09-09"), ("10, 1900", "1900-09-10")],
        ),
    ],
)
def test_each_coordinated_day_is_a_date(
    text: str, doc_date: str | None, expected: list[tuple[str, str]]
) -> None:
    assert values(text, doc_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On March 3 and 200 more people left.",  # a count, not a day
        "The index fell 14 and 2 June was quiet.",  # falling numbers are no coordination
        "The vote on May 12 and 40 percent turnout surprised them.",
    ],
)
def test_numbers_that_are_not_days_stay_out(text: str) -> None:
    assert len(values(text, "2003-07-01")) == 1
