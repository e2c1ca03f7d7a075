"""TIMEX3 tagging and normalisation, on sentences written for these tests.

None of these sentences comes from the seed reports or the development texts; each test
pins one rule of :mod:`relnlp.timex` (value, type, mod or span convention) as TimeML 1.2.1
states it. Seed behaviour is guarded by the gold scorecard, not here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relnlp.timex import Anchor, find_timexes, is_valid_value

# 2019-06-10 is a Monday.
DCT = "2019-06-10"


def tag(text: str, doc_date: str | None = DCT) -> list[tuple[str, str, str | None]]:
    return [
        (t.text, t.value, t.mod) for t in find_timexes(text, anchor=Anchor.from_value(doc_date))
    ]


def typed(text: str, doc_date: str | None = DCT) -> list[tuple[str, str, str]]:
    return [
        (t.text, t.type, t.value) for t in find_timexes(text, anchor=Anchor.from_value(doc_date))
    ]


# --- calendar points ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys arrived on April 2.", [("April 2", "2019-04-02", None)]),
        (
            "The dam opened on October 14, 2003 near Lhasa.",
            [("October 14, 2003", "2003-10-14", None)],
        ),
        ("Shipping resumed Aug. 21, 2011.", [("Aug. 21, 2011", "2011-08-21", None)]),
        ("From 3 November 2012 the levy applied.", [("3 November 2012", "2012-11-03", None)]),
        ("Minutes dated 11/23/2017.", [("11/23/2017", "2017-11-23", None)]),
        ("Minutes dated 23.11.2017.", [("23.11.2017", "2017-11-23", None)]),
        ("Valid from 2018-09-30.", [("2018-09-30", "2018-09-30", None)]),
        ("The pact of February 2009 expired.", [("February 2009", "2009-02", None)]),
        ("Back in 1974 the port was small.", [("1974", "1974", None)]),
        (
            "Shipments doubled in the third quarter of 2012.",
            [("the third quarter of 2012", "2012-Q3", None)],
        ),
        ("Output dipped in the first half of 2016.", [("the first half of 2016", "2016-H1", None)]),
        ("A rivalry born in the 19th century.", [("the 19th century", "18", None)]),
        ("The FY2017 appropriation passed.", [("FY2017", "FY2017", None)]),
        ("In the autumn of 2008 banks failed.", [("the autumn of 2008", "2008-FA", None)]),
        ("Its spring 2013 campaign stalled.", [("spring 2013", "2013-SP", None)]),
        ("Sugar exports boomed in the 1920s.", [("the 1920s", "192", None)]),
    ],
)
def test_timex_points(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


def test_timex_weekday_before_a_date_is_one_expression() -> None:
    assert tag("The ferry sails on Thursday, June 20.") == [
        ("Thursday, June 20", "2019-06-20", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1930s and the nineties were hard.", [("The 1930s", "193"), ("the nineties", "199")]),
        ("Music of the '60s lived on.", [("the '60s", "196")]),
        ("Tunnels dug in mid-1997 flooded.", [("mid-1997", "1997")]),
        (
            "They spoke of nineteen eighty-four and the year two thousand.",
            [("nineteen eighty-four", "1984"), ("the year two thousand", "2000")],
        ),
    ],
)
def test_timex_decades_and_years_in_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a, b) for a, b, _ in tag(text)] == expected


# --- ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hearings ran on September 3-7.", [("September 3-7", "2018-09-03/2018-09-07", None)]),
        ("The fair ran May 14-16, 2012.", [("May 14-16, 2012", "2012-05-14/2012-05-16", None)]),
        ("Between 1991 and 1995, output fell.", [("Between 1991 and 1995", "1991/1995", None)]),
        ("He governed from 1960-1968.", [("1960-1968", "1960/1968", None)]),
        (
            "Fishing was banned from July to September.",
            [("July to September", "2018-07/2018-09", None)],
        ),
        (
            "Imports in the first five months of 2013.",
            [("the first five months of 2013", "2013-01/2013-05", None)],
        ),
        (
            "Rain fell in the second half of February.",
            [("the second half of February", "2019-02-16/2019-02-28", None)],
        ),
    ],
)
def test_timex_ranges(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


def test_timex_years_joined_by_and_are_two_years_not_a_range() -> None:
    assert tag("Floods hit in 1993 and 1995.") == [("1993", "1993", None), ("1995", "1995", None)]


# --- mod ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ice formed in early December.", [("early December", "2018-12", "START")]),
        ("Work paused at the end of January.", [("the end of January", "2019-01", "END")]),
        ("Elections in mid-October.", [("mid-October", "2018-10", "MID")]),
        ("Prices fell in late 2009.", [("late 2009", "2009", "END")]),
        ("A drought in around 1985 hurt farms.", [("around 1985", "1985", "APPROX")]),
        ("The late 18th century saw reforms.", [("The late 18th century", "17", "END")]),
        ("Rain fell late yesterday.", [("late yesterday", "2019-06-09", "END")]),
    ],
)
def test_timex_mods(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert tag(text) == expected


# --- durations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege lasted three years.", [("three years", "DURATION", "P3Y")]),
        ("Talks went on for two weeks.", [("two weeks", "DURATION", "P2W")]),
        ("The vote took four hours.", [("four hours", "DURATION", "PT4H")]),
        ("A 90-minute debate followed.", [("90-minute", "DURATION", "PT90M")]),
        ("A six-month moratorium began.", [("six-month", "DURATION", "P6M")]),
        ("Stocks rose over the past two quarters.", [("the past two quarters", "DURATION", "P2Q")]),
        ("Repairs may take a few months.", [("a few months", "DURATION", "PXM")]),
        ("Peace held for several decades.", [("several decades", "DURATION", "PXDE")]),
        (
            "It has grown over the last twenty-five years.",
            [("the last twenty-five years", "DURATION", "P25Y")],
        ),
        ("Trading halted for eight trading days.", [("eight trading days", "DURATION", "P8D")]),
    ],
)
def test_timex_durations_have_values(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert typed(text) == expected


def test_timex_duration_mods() -> None:
    found = find_timexes("The tribunal sat for more than a decade, then for less than two years.")
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("more than a decade", "P1DE", "MORE_THAN"),
        ("less than two years", "P2Y", "LESS_THAN"),
    ]


def test_timex_ages_are_not_durations() -> None:
    assert tag("The governor, 61 years old, resigned.") == []


# --- times of day ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy left this morning.", [("this morning", "TIME", "2019-06-10TMO")]),
        ("Shelling resumed last night.", [("last night", "TIME", "2019-06-09TNI")]),
        ("The summit ends Friday evening.", [("Friday evening", "TIME", "2019-06-07TEV")]),
        ("Polls closed at 8:30 p.m.", [("8:30 p.m.", "TIME", "2019-06-10T20:30")]),
        (
            "The decree will take effect at noon Wednesday.",
            [("noon Wednesday", "TIME", "2019-06-12T12:00")],
        ),
        ("Sirens sounded overnight.", [("overnight", "TIME", "2019-06-10TNI")]),
    ],
)
def test_timex_times_of_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert typed(text) == expected


# --- sets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The committee meets every Thursday.", [("every Thursday", "SET", "XXXX-WXX-4")]),
        ("Inspectors report each month.", [("each month", "SET", "P1M")]),
        ("The festival is held each August.", [("each August", "SET", "XXXX-08")]),
        ("The data are published annually.", [("annually", "SET", "P1Y")]),
        ("Patrols run daily.", [("daily", "SET", "P1D")]),
        ("Aid worth $40 million a year flows in.", [("a year", "SET", "P1Y")]),
    ],
)
def test_timex_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert typed(text) == expected


def test_timex_adjectival_frequency_word_is_not_a_set() -> None:
    assert typed("The board raised its quarterly dividend.") == []


# --- quarters and fiscal years without a year ------------------------------------------------------


def test_timex_quarters_take_the_reporting_year() -> None:
    dct = "2007-11-05"
    assert typed("Profits fell in the third quarter.", dct) == [
        ("the third quarter", "DATE", "2007-Q3")
    ]
    # adjectival use: the determiner belongs to the noun it modifies
    assert typed("The bank posted a third-quarter loss.", dct) == [
        ("third-quarter", "DATE", "2007-Q3")
    ]
    assert typed("Sales rose from the year-ago quarter.", dct) == [
        ("the year-ago quarter", "DATE", "2006-Q3")
    ]
    assert typed("Margins shrank in the quarter.", dct) == [("the quarter", "DATE", "2007-Q3")]
    assert typed("Revenue in fiscal 2006 rose.", dct) == [("fiscal 2006", "DATE", "2006")]


def test_timex_earnings_comparison_periods() -> None:
    dct = "2007-11-05"
    assert typed("Profit beat the year-earlier period.", dct) == [
        ("the year-earlier period", "DATE", "2006-Q3")
    ]
    assert typed("It compares with year-ago sales of $3 million.", dct) == [
        ("year-ago", "DATE", "2006-Q3")
    ]
    assert typed("Revenue for the fiscal year ended June 30 rose.", dct) == [
        ("the fiscal year", "DURATION", "P1Y"),
        ("June 30", "DATE", "2007-06-30"),
    ]
    assert typed("A trial period began.", dct) == []


# --- reference expressions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The envoy is now in Cairo.", "PRESENT_REF"),
        ("Ministers currently disagree.", "PRESENT_REF"),
        ("Tensions eased recently.", "PAST_REF"),
        ("In the past, the strait was closed.", "PAST_REF"),
        ("The treaty will matter in the future.", "FUTURE_REF"),
        ("A ruling is expected soon.", "FUTURE_REF"),
    ],
)
def test_timex_reference_expressions(text: str, value: str) -> None:
    assert [v for _, v, _ in tag(text)] == [value]


def test_timex_reference_words_used_as_adjectives_or_conjunctions_are_not_timexes() -> None:
    assert tag("Future elections and recent floods were discussed.") == []
    assert tag("They left as soon as the ceasefire began.") == []


# --- anchoring: news (document creation time) ----------------------------------------------------------


def test_timex_news_relative_days_weeks_and_months() -> None:
    text = (
        "The envoy arrived on Tuesday and left today. Talks resume next month. "
        "A truce was signed three weeks ago, and another ten days ago."
    )
    got = tag(text, "2021-10-13")  # a Wednesday
    assert got == [
        ("Tuesday", "2021-10-12", None),
        ("today", "2021-10-13", None),
        ("next month", "2021-11", None),
        ("three weeks ago", "2021-W38", None),
        ("ten days ago", "2021-10-03", None),
    ]
    # Without a day-precise document date, weekdays are not resolved (and not guessed).
    assert tag("They met on Tuesday.", "2021-10") == []


def test_timex_last_weekday_said_on_that_weekday_is_a_week_back() -> None:
    assert tag("The minister resigned last Wednesday.", "2021-10-13") == [
        ("last Wednesday", "2021-10-06", None)
    ]


def test_timex_upcoming_date_in_a_present_tense_sentence_crosses_the_year_end() -> None:
    # A November dispatch: "payable Jan. 15" is the coming January.
    assert tag("The dividend is payable Jan. 15.", "2011-11-20") == [
        ("Jan. 15", "2012-01-15", None)
    ]
    # A past-tense sentence about a later month still reads it as last year's.
    assert tag("The ministers met on Dec. 2.", "2011-11-20") == [("Dec. 2", "2010-12-02", None)]


def test_timex_last_month_name_and_month_this_year() -> None:
    assert tag("The law passed last March.", DCT) == [("last March", "2019-03", None)]
    assert tag("The law passed last August.", DCT) == [("last August", "2018-08", None)]
    assert tag("Prices rose in April last year.", DCT) == [("April last year", "2018-04", None)]


def test_timex_seasons_and_weekends_from_the_document_date() -> None:
    assert tag("Fighting ebbed this winter.", "2019-02-14") == [("this winter", "2019-WI", None)]
    assert tag("Rebels regrouped over the weekend.", "2019-02-14") == [
        ("the weekend", "2019-W06-WE", None)
    ]


# --- anchoring: narratives -------------------------------------------------------------------------


def test_timex_narrative_years_later() -> None:
    assert tag("The canal opened in 1869. Seven years later Britain bought shares.") == [
        ("1869", "1869", None),
        ("Seven years later", "1876", None),
    ]


def test_timex_narrative_days_later_from_the_last_full_date() -> None:
    assert tag("The revolt began on 14 July 1789. Two days later the fortress fell.") == [
        ("14 July 1789", "1789-07-14", None),
        ("Two days later", "1789-07-16", None),
    ]


def test_timex_narrative_the_following_year_and_that_autumn() -> None:
    text = "The armistice came in 1953. That autumn prisoners returned. The following year talks failed."
    assert tag(text) == [
        ("1953", "1953", None),
        ("That autumn", "1953-FA", None),
        ("The following year", "1954", None),
    ]


def test_timex_narrative_same_day() -> None:
    assert tag("Troops crossed on March 3, 1921. On the same day the cabinet fell.") == [
        ("March 3, 1921", "1921-03-03", None),
        ("the same day", "1921-03-03", None),
    ]


def test_timex_anchor_same_sentence_year_wins() -> None:
    assert tag("The dispute started in 2004 with a border incident in November.") == [
        ("2004", "2004", None),
        ("November", "2004-11", None),
    ]


def test_timex_anchor_past_event_not_after_report_date() -> None:
    # A report dated March 2020 narrating past events: "October" is October 2019 ...
    assert tag("Protests spread in October.", "2020-03") == [("October", "2019-10", None)]
    # ... unless the sentence speaks of the future.
    assert tag("The parties will vote in October.", "2020-03") == [("October", "2020-10", None)]


def test_timex_chronology_entries_anchor_their_dates() -> None:
    text = "Nov. 28, 2008: Ceasefire agreed.\n\nJan. 9: Talks break down on Jan. 11."
    entries = [(0, 32), (34, len(text))]
    got = [
        (t.text, t.value)
        for t in find_timexes(text, anchor=Anchor.from_value("2009-06"), chronology=entries)
    ]
    assert got == [
        ("Nov. 28, 2008", "2008-11-28"),
        ("Jan. 9", "2009-01-09"),
        ("Jan. 11", "2009-01-11"),
    ]


def test_timex_recurring_day() -> None:
    assert tag("Crowds gather for the Jan. 26 holiday.") == [("Jan. 26", "XXXX-01-26", None)]


# --- not temporal expressions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The 40th anniversary fell on a holiday weekend.",
        "Professor Mar Lopez and Dr. Jun Ito spoke.",
        "The 1,200-meter runway takes 15 million tonnes.",
        "See No. 14, pp. 301-322 of the annual review.",
        "Source: https://example.net/2017/03-04/brief.html",
        "The Vostok-2018 drills and Sea Breeze-2021 followed.",
        "Officials may resign. May they succeed.",
        "The index closed at 2041.7 points.",
    ],
)
def test_timex_not_dates(text: str) -> None:
    assert [
        t for t in find_timexes(text, anchor=Anchor.from_value("2019-06")) if t.type == "DATE"
    ] == []


def test_timex_march_is_a_month_like_any_other() -> None:
    assert tag("March was the wettest month.", "2019-06") == [("March", "2019-03", None)]


# --- properties -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_timex_never_crashes_and_values_are_valid(text: str) -> None:
    for t in find_timexes(text, anchor=Anchor.from_value("2015-05-04")):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert is_valid_value(t.value), t


_date_words = st.lists(
    st.sampled_from(
        [
            "June 4",
            "in 2011",
            "early April",
            "the winter of 2009",
            "Mar. 8, 2014",
            "5/30/2019",
            "July 11-12",
            "between 1999 and 2003",
            "late 2016",
            "the 1970s",
            "three days later",
            "this morning",
            "each week",
            "a few years",
            "now",
            ", ",
            " and ",
            ". ",
            "the meeting",
            "\n\n",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_date_words, st.sampled_from([None, "2016", "2016-09", "2020-01-31"]))
def test_timex_values_valid_and_spans_in_text(text: str, doc_date: str | None) -> None:
    for t in find_timexes(text, anchor=Anchor.from_value(doc_date)):
        assert text[t.start : t.end] == t.text
        assert is_valid_value(t.value), t
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_timex_a_year_earlier_keeps_the_quarter_just_named() -> None:
    text = "Profit in the second quarter rose to $4 million from $3 million a year earlier."
    assert tag(text, "2007-08-01") == [
        ("the second quarter", "2007-Q2", None),
        ("a year earlier", "2006-Q2", None),
    ]
    # with no quarter named nearby, the year alone
    assert tag("Profit rose from $3 million a year earlier.", "2007-08-01") == [
        ("a year earlier", "2006", None)
    ]


def test_timex_weekdays_look_ahead_only_with_a_future_auxiliary() -> None:
    dct = "2021-10-13"  # a Wednesday
    assert tag("The minister said on Friday that talks were expected.", dct) == [
        ("Friday", "2021-10-08", None)
    ]
    assert tag("The minister will speak on Friday.", dct) == [("Friday", "2021-10-15", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The city fell in 455 AD.", [("455 AD", "0455")]),
        ("Troy burned around 1180 BC, they say.", [("around 1180 BC", "BC1180")]),
        ("Coins from AD 64 survive.", [("AD 64", "0064")]),
        ("A temple built in 520 B.C.E. stood.", [("520 B.C.E.", "BC0520")]),
        ("A charter of 1086 lists the manors.", [("1086", "1086")]),
        ("Pilgrims came in the year 999.", [("the year 999", "0999")]),
        ("Bronze spread in the 3rd century BC.", [("the 3rd century BC", "BC02")]),
        ("Castles rose in the 12th century.", [("the 12th century", "11")]),
    ],
)
def test_timex_any_year_and_eras(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a, b) for a, b, _ in tag(text)] == expected


def test_timex_news_time_of_dispatch() -> None:
    assert typed("The blast came two hours ago.", "2003-05-20T14:10") == [
        ("two hours ago", "TIME", "2003-05-20T12:10")
    ]
    # a date without a time: an hour-precise value is not guessed
    assert typed("The blast came two hours ago.", "2003-05-20") == []
