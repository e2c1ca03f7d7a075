"""TIMEX3 tagging and normalisation, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relnlp.timex import Anchor, find_timexes, is_valid_value


def tag(text: str, doc_date: str | None = "2019-06-10") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in find_timexes(text, anchor=Anchor.from_value(doc_date))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on March 19.", [("March 19", "2019-03-19", None)]),
        ("It was signed on July 9, 2014 in Minsk.", [("July 9, 2014", "2014-07-09", None)]),
        ("Talks began Feb. 10, 2015.", [("Feb. 10, 2015", "2015-02-10", None)]),
        ("From 1 April 2015 the rules changed.", [("1 April 2015", "2015-04-01", None)]),
        ("Dated 2/16/2022.", [("2/16/2022", "2022-02-16", None)]),
        ("Dated 16.07.2021.", [("16.07.2021", "2021-07-16", None)]),
        ("Effective 2015-05-01.", [("2015-05-01", "2015-05-01", None)]),
        ("Signed on the 10th of May.", [("10th of May", "2019-05-10", None)]),
        ("The treaty of November 2013 lapsed.", [("November 2013", "2013-11", None)]),
        ("In 1998 he moved.", [("1998", "1998", None)]),
        ("Exports fell in the first quarter of 2015.", [("first quarter of 2015", "2015-Q1", None)]),
        ("Growth slowed in the second half of 2014.", [("second half of 2014", "2014-H2", None)]),
        ("It began in the early 1980s.", [("early 1980s", "198", "START")]),
        ("A rivalry of the 21st century.", [("21st century", "20", None)]),
        ("The FY 2021 budget.", [("FY 2021", "FY2021", None)]),
        ("In the summer of 2021 troops left.", [("summer of 2021", "2021-SU", None)]),
        ("Its winter 2018 offensive failed.", [("winter 2018", "2018-WI", None)]),
    ],
)
def test_timex_points(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congress sat on March 5-15.", [("March 5-15", "2019-03-05/2019-03-15", None)]),
        ("Drills ran April 23-24, 2015.", [("April 23-24, 2015", "2015-04-23/2015-04-24", None)]),
        ("Between 2001 and 2007, he led.", [("Between 2001 and 2007", "2001/2007", None)]),
        ("He served from 2005-2007.", [("2005-2007", "2005/2007", None)]),
        ("The survey ran from May to July.", [("May to July", "2019-05/2019-07", None)]),
        ("Chronology January – May 2015", [("January – May 2015", "2015-01/2015-05", None)]),
        ("Trade in the first four months of 2015.", [("first four months of 2015", "2015-01/2015-04", None)]),
        ("Fighting in the first half of August.", [("first half of August", "2018-08-01/2018-08-15", None)]),
        ("Prices peaked in the last two days of March.", [("last two days of March", "2019-03-30/2019-03-31", None)]),
    ],
)
def test_timex_ranges(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates met in early March.", [("early March", "2019-03", "START")]),
        ("Work stopped at the end of April.", [("end of April", "2019-04", "END")]),
        ("A visit in mid-May.", [("mid-May", "2019-05", "MID")]),
        ("Rates rose in late 2021.", [("late 2021", "2021", "END")]),
        ("Inflation in about 1990 was high.", [("about 1990", "1990", "APPROX")]),
        ("Before the end-of-March deadline.", [("end-of-March", "2019-03", "END")]),
        ("The beginning of 2016 was calm.", [("beginning of 2016", "2016", "START")]),
    ],
)
def test_timex_mods(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


def test_timex_relative_expressions() -> None:
    assert tag("A century ago, 100 years ago, the empire fell.")[-1] == ("100 years ago", "1919", None)
    assert tag("They met in 2010. Five years later they signed.") == [
        ("2010", "2010", None), ("Five years later", "2015", None),
    ]  # fmt: skip
    assert tag("Last year the tariffs rose.") == [("Last year", "2018", None)]
    assert tag("The vote was on Feb. 26. On the same day a debate opened.") == [
        ("Feb. 26", "2019-02-26", None), ("same day", "2019-02-26", None),
    ]  # fmt: skip


def test_timex_news_relative_days_and_months() -> None:
    text = ("Ministers agreed on Tuesday and met again yesterday. They will meet next month "
            "and on Friday. He left last Monday.")  # fmt: skip
    got = tag(text, "2021-10-12")  # a Tuesday
    assert got == [
        ("Tuesday", "2021-10-12", None), ("yesterday", "2021-10-11", None),
        ("next month", "2021-11", None), ("Friday", "2021-10-15", None),
        ("last Monday", "2021-10-11", None),
    ]  # fmt: skip
    # Without a day-precise report date, weekdays are not resolved (and not guessed).
    assert tag("They met on Tuesday.", "2021-10") == []


def test_timex_frequencies_are_sets() -> None:
    found = find_timexes("Moscow paid $115 million a year and met twice a month.")
    assert [(t.text, t.type, t.value) for t in found] == [("a year", "SET", "P1Y"), ("a month", "SET", "P1M")]


def test_timex_durations_are_not_dates() -> None:
    found = find_timexes("He vanished for 10 days after more than 20 years in office.")
    assert [(t.text, t.type, t.value, t.mod) for t in found] == [
        ("10 days", "DURATION", "P10D", None),
        ("more than 20 years", "DURATION", "P20Y", "MORE_THAN"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The 70th anniversary and a one-year anniversary.",
        "A last-minute deal after a 90-minute meeting.",
        "Professor Jun Kumakura wrote it.",
        "The 2,300-meter bridge carries 20 million tons.",
        "See No. 69, pp. 79-84 of the journal.",
        "Source: https://example.org/2021/07-18/report.html",
        "The Zapad/Interaction-2021 exercise and Naval Coordination-2015.",
        "Russia may join. March madness gripped investors.",
        "V-Day parades were held in recent years and in the coming months.",
    ],
)
def test_timex_not_dates(text: str) -> None:
    assert [t for t in find_timexes(text, anchor=Anchor.from_value("2015-05")) if t.type == "DATE"] == []


def test_timex_anchor_same_sentence_year_wins() -> None:
    assert tag("They began in 2010 with a state visit in September.") == [
        ("2010", "2010", None), ("September", "2010-09", None),
    ]  # fmt: skip


def test_timex_anchor_past_event_not_after_report_date() -> None:
    # A report dated February 2022 narrating past events: "August" is August 2021.
    got = tag("Troops gathered in the first half of August.", "2022-02-16")
    assert got == [("first half of August", "2021-08-01/2021-08-15", None)]
    # ... unless the sentence speaks of the future.
    got = tag("The leaders will meet in September.", "2022-02-16")
    assert got == [("September", "2022-09", None)]


def test_timex_anchor_flashback_does_not_capture_later_sentences() -> None:
    text = "The first round was held on July 9, 2014. The next visit is on May 8-10."
    assert tag(text, "2015-05")[-1] == ("May 8-10", "2015-05-08/2015-05-10", None)


def test_timex_chronology_entries_anchor_their_dates() -> None:
    text = "Dec. 30, 2016: Talks end.\n\nJan. 4: Talks resume on Jan. 5."
    entries = [(0, 25), (27, len(text))]
    got = [(t.text, t.value) for t in find_timexes(text, anchor=Anchor.from_value("2017-03"), chronology=entries)]
    assert got == [("Dec. 30, 2016", "2016-12-30"), ("Jan. 4", "2017-01-04"), ("Jan. 5", "2017-01-05")]


def test_timex_chronology_year_not_moved_by_history_inside_an_entry() -> None:
    text = "Feb. 2, 2015: The forum, first held in 2002, met.\n\nFeb. 10: Talks."
    entries = [(0, 49), (51, len(text))]
    got = [(t.text, t.value) for t in find_timexes(text, anchor=Anchor.from_value("2015-05"), chronology=entries)]
    assert got[-1] == ("Feb. 10", "2015-02-10")


def test_timex_recurring_day() -> None:
    assert tag("Parades mark the Oct. 1 celebration.") == [("Oct. 1", "XXXX-10-01", None)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_timex_never_crashes_and_values_are_valid(text: str) -> None:
    for t in find_timexes(text, anchor=Anchor.from_value("2015-05")):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert is_valid_value(t.value), t


_date_words = st.lists(
    st.sampled_from(["March 19", "in 2015", "early May", "the summer of 2021", "Feb. 3, 2016",
                     "2/16/2022", "April 23-24", "between 2001 and 2007", "late 2014", "the 1990s",
                     ", ", " and ", ". ", "the talks", "\n\n"]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_date_words, st.sampled_from([None, "2015", "2015-05", "2022-02-16"]))
def test_timex_values_round_trip_and_spans_in_text(text: str, doc_date: str | None) -> None:
    for t in find_timexes(text, anchor=Anchor.from_value(doc_date)):
        assert text[t.start : t.end] == t.text
        assert is_valid_value(t.value), t
        # A formatted value parses back to itself (point or interval).
        parts = t.value.split("/")
        assert "/".join(parts) == t.value and all(parts)


def test_timex_weeks_and_recurring_weekdays() -> None:
    from relnlp.timex import Anchor, find_timexes

    text = "Talks resume next week. Every Monday, envoys meet. Last week was calm."
    got = [(t.text, t.type, t.value) for t in find_timexes(text, anchor=Anchor.from_value("2023-10-03"))]
    assert got == [("next week", "DATE", "2023-W41"), ("Monday", "SET", "XXXX-WXX-1"),
                   ("Last week", "DATE", "2023-W39")]  # fmt: skip
