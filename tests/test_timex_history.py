"""Narrative anchoring of histories (issue 16, third pass), on sentences written for these
tests (none comes from the seeds, the development reports or TimeBank/AQUAINT).

One test per rule: "the next day/year" and "that night" count from the last date the story
gave; "later that month" is that date's month; BC years count on across the missing year 0;
a coarser date the text moves to drops the day it gave before.
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes


def values(text: str, doc_date: str | None = None) -> list[tuple[str, str, str]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.type, t.value) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The garrison surrendered on 4 June 1642. The next day the town was looted.",
            ("The next day", "DATE", "1642-06-05"),
        ),
        (
            "The envoy landed in 1588 and sailed home the next year.",
            ("the next year", "DATE", "1589"),
        ),
        (
            "The mill burned on 30 December 1700. The next week the owners rebuilt it.",
            ("The next week", "DATE", "1701-W01"),
        ),
    ],
)
def test_the_next_day_or_year_follows_the_story(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text)[-1] == expected


def test_the_next_year_in_news_follows_the_story_only_in_the_past_tense() -> None:
    # a 2010 dispatch: a past story told about 2004 moves on from 2004 ...
    told = "The plant opened in 2004 and closed the next year."
    assert values(told, "2010-03-01")[-1] == ("the next year", "DATE", "2005")
    # ... while a forecast counts from the dispatch
    plan = "Exports grew in 2004; officials expect a rise next year."
    assert values(plan, "2010-03-01")[-1] == ("next year", "DATE", "2011")


def test_that_night_and_the_next_morning_are_parts_of_the_told_day() -> None:
    text = "The storm struck on 9 August 1856. That night the dikes broke. The next morning the water fell."
    assert values(text)[1:] == [
        ("That night", "TIME", "1856-08-09TNI"),
        ("The next morning", "TIME", "1856-08-10TMO"),
    ]


def test_later_that_month_is_the_month_of_the_told_date() -> None:
    text = "The strike began on 12 May 1926. Later that month the miners stood alone."
    assert values(text)[-1][:3] == ("Later that month", "DATE", "1926-05")
    # in a dated news text too: "that month" is the story's, not the dispatch's
    news = "The plant shut on Sept. 3. Later that month it reopened."
    assert values(news, "2001-11-20")[-1] == ("Later that month", "DATE", "2001-09")


def test_years_before_christ_count_on_without_a_year_zero() -> None:
    text = "The colony was founded in 47 BC. Five years later it rebelled."
    assert values(text) == [
        ("47 BC", "DATE", "BC0047"),
        ("Five years later", "DATE", "BC0042"),
    ]
    across = "The fort was built in 3 BC. Five years later it was abandoned."
    assert values(across)[-1] == ("Five years later", "DATE", "0003")


def test_the_following_year_after_a_bc_year() -> None:
    assert values("The siege of the port ended in 212 BC. The following year the army left.")[
        -1
    ] == ("The following year", "DATE", "BC0211")


def test_a_coarser_date_drops_the_day_told_before() -> None:
    # after "in 1763" the story is no longer on 10 February 1762: "the next day" has no anchor
    text = (
        "The talks opened on 10 February 1762. In 1763 a treaty followed; the next day is unknown."
    )
    assert ("the next day", "DATE", "1762-02-11") not in values(text)
