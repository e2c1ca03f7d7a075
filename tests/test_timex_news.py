"""News conventions of TimeML added for issue 16 (second pass), on sentences written for
these tests (none comes from the seeds, the development reports or TimeBank/AQUAINT).

One test per rule: frequency adverbs as SET periods, named holidays as the day they fall
on, limits "as soon as <day>" looking ahead, and "decided to ... in <month>" said of a
plan (the next such month).
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes

# 2019-06-10 is a Monday.
DCT = "2019-06-10"


def values(text: str, doc_date: str = DCT) -> list[tuple[str, str, str]]:
    return [
        (t.text, t.type, t.value) for t in find_timexes(text, anchor=Anchor.from_value(doc_date))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry crosses the strait daily.", ("daily", "SET", "P1D")),
        ("Inspectors report weekly to the board.", ("weekly", "SET", "P1W")),
        ("The fee is reviewed annually.", ("annually", "SET", "P1Y")),
        ("Readings were logged hourly.", ("hourly", "SET", "PT1H")),
    ],
)
def test_frequency_adverbs_are_set_periods(sentence: str, expected: tuple[str, str, str]) -> None:
    assert values(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "doc_date", "expected"),
    [
        # fourth Thursday of November, the last one before a January dispatch
        ("The fishermen found the raft on Thanksgiving Day.", "2020-01-09", "2019-11-28"),
        # the Tuesday after the first Monday of November, ahead of an October dispatch
        ("Turnout will be high on Election Day.", "2018-10-20", "2018-11-06"),
        # a year given with the holiday wins
        ("The treaty was signed at Christmas 1814.", DCT, "1814-12-25"),
        # Easter by the computus
        ("Pilgrims crowded the square at Easter.", DCT, "2019-04-21"),
        ("The shops closed on New Year's Day.", "2019-01-05", "2019-01-01"),
    ],
)
def test_holidays_are_their_day(sentence: str, doc_date: str, expected: str) -> None:
    found = values(sentence, doc_date)
    assert [(v[1], v[2]) for v in found] == [("DATE", expected)]


def test_holiday_used_as_a_name_is_not_a_date() -> None:
    assert values("Volunteers set up a Christmas tree in the lobby.") == []
    assert values("The ship anchored off Easter Island.") == []
    assert values("Eastern provinces voted for the Christmastide recess.") == []


def test_as_soon_as_a_weekday_looks_ahead() -> None:
    # said on Monday 2019-06-10: the coming Thursday, not the last one
    found = values("The convoy could leave as soon as Thursday, officials said.")
    assert found == [("Thursday", "DATE", "2019-06-13")]


def test_decided_to_is_a_plan_ahead() -> None:
    # "decided" is a past form, but what was decided is to happen: the next March
    found = values("The alliance decided to admit the two states in March.")
    assert found == [("March", "DATE", "2020-03")]


def test_an_initial_does_not_end_the_sentence() -> None:
    # "will" governs the date across "R. Okafor": the next February, not the last one
    found = values("Ms. Lind will replace Anna R. Okafor Feb. 3, after she retires.", "2019-10-20")
    assert found == [("Feb. 3", "DATE", "2020-02-03")]


def test_last_month_and_day_keeps_the_day() -> None:
    # "last Oct. 12" is that day, not the month: the day is part of the expression
    found = values("The bridge collapsed last Oct. 12 in heavy rain.", "2020-03-02")
    assert found == [("Oct. 12", "DATE", "2019-10-12")]


def test_following_and_previous_count_from_the_narrative() -> None:
    text = (
        "The ceasefire was signed on May 4, 2003. The following day, the first convoy "
        "crossed. In August 2004 talks resumed; the following month, they collapsed."
    )
    found = [(t, v) for t, _, v in values(text)]
    assert ("The following day", "2003-05-05") in found
    assert ("the following month", "2004-09") in found


def test_previous_month_without_a_told_date_is_before_the_document() -> None:
    assert values("Exports fell in the previous month.", DCT) == [
        ("the previous month", "DATE", "2019-05")
    ]


def test_a_year_and_quarter_word_is_the_reported_quarter_of_that_year() -> None:
    text = (
        "The brewer's profit doubled in the second quarter. It had lost money in the "
        "2018 quarter, when sales slumped."
    )
    found = [(t, v) for t, _, v in values(text, "2019-08-01")]
    assert found == [("the second quarter", "2019-Q2"), ("the 2018 quarter", "2018-Q2")]


def test_the_past_decade_is_a_duration() -> None:
    assert values("Rents have tripled over the past decade.") == [
        ("the past decade", "DURATION", "P10Y")
    ]
    # "the last decade" stays the calendar decade before the document's (the 2000s)
    assert values("Rents tripled in the last decade.", "2015-05-05")[0][2] == "200"


def test_midday_is_noon_of_the_dispatch_day() -> None:
    assert values("The minister will speak at midday.") == [("midday", "TIME", "2019-06-10T12:00")]


def test_early_weekday_morning_is_one_time_of_that_day() -> None:
    # said on Monday 2019-06-10: the past Saturday
    assert values("Shops were looted early Saturday morning.") == [
        ("early Saturday morning", "TIME", "2019-06-08TMO")
    ]


# --- fifth pass (dates5): 24-hour, military and o'clock times; four-digit counts ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit opens at 09:30 local time.", ("09:30 local time", "TIME", "2005-03-14T09:30")),
        ("Polls close at 21:00 GMT.", ("21:00 GMT", "TIME", "2005-03-14T21:00")),
        ("The patrol left at 0545 hours.", ("0545 hours", "TIME", "2005-03-14T05:45")),
        ("The bells rang at seven o'clock.", ("seven o'clock", "TIME", "2005-03-14T07:00")),
        (
            "The ferry sank at 3 o'clock in the afternoon.",
            ("3 o'clock in the afternoon", "TIME", "2005-03-14T15:00"),
        ),
    ],
)
def test_24_hour_military_and_oclock_times(text: str, expected: tuple[str, str, str]) -> None:
    found = find_timexes(text, anchor=Anchor.from_value("2005-03-14"))
    assert [(t.text, t.type, t.value) for t in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The final score was 3:2 after extra time.",
        "She took the 6:15 train.",
        "The repair took 1200 hours of labour.",
    ],
)
def test_ratios_trains_and_counts_are_no_clock_times(text: str) -> None:
    found = find_timexes(text, anchor=Anchor.from_value("2005-03-14"))
    assert all(t.type != "TIME" for t in found)


def test_a_four_digit_count_of_years_is_a_duration_not_a_year() -> None:
    found = find_timexes("The abbey stood for 1100 years.", anchor=Anchor())
    assert [(t.text, t.type, t.value) for t in found] == [("1100 years", "DURATION", "P1100Y")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire held for two and a half years.", ("two and a half years", "P2Y6M", None)),
        ("The hearing ran an hour and a half.", ("an hour and a half", "PT1H30M", None)),
        ("Talks paused for half a day.", ("half a day", "PT12H", None)),
        ("The truce lasted half a century.", ("half a century", "P50Y", None)),
        ("Repairs will take three to four weeks.", ("three to four weeks", "P3W", None)),
        ("Detention may last up to 90 days.", ("up to 90 days", "P90D", "EQUAL_OR_LESS")),
        ("The blockade lasted for over a month.", ("over a month", "P1M", "MORE_THAN")),
        ("The mission took roughly six weeks.", ("roughly six weeks", "P6W", "APPROX")),
    ],
)
def test_halves_ranges_and_mods_of_durations(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    (found,) = find_timexes(text, anchor=Anchor.from_value("2005-03-14"))
    assert (found.text, found.value, found.mod) == expected


def test_over_a_stretch_of_time_is_no_more_than() -> None:
    # "spread over three years": "over" is where, not "more than"
    (found,) = find_timexes(
        "Payments are spread over three years.", anchor=Anchor.from_value("2005-03-14")
    )
    assert (found.text, found.mod) == ("three years", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The assembly is elected every five years.", ("every five years", "P5Y")),
        ("The ministers meet every other month.", ("every other month", "P2M")),
        ("Guards change every evening.", ("every evening", "XXXX-XX-XXTEV")),
        ("Every winter the pass closes.", ("Every winter", "XXXX-WI")),
        ("Every few weeks a convoy arrives.", ("Every few weeks", "PXW")),
    ],
)
def test_counted_and_part_of_day_recurrences_are_sets(text: str, expected: tuple[str, str]) -> None:
    found = find_timexes(text, anchor=Anchor.from_value("2005-03-14"))
    assert [(t.text, t.type, t.value) for t in found] == [(expected[0], "SET", expected[1])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling resumed early this morning.", ("early this morning", "2005-03-14TMO", "START")),
        ("The envoy left late last night.", ("late last night", "2005-03-13TNI", "END")),
    ],
)
def test_early_or_late_before_a_deictic_part_of_day(
    text: str, expected: tuple[str, str, str]
) -> None:
    (found,) = find_timexes(text, anchor=Anchor.from_value("2005-03-14"))
    assert (found.text, found.value, found.mod) == expected
