"""Issue 16, ninth pass: "Monday the 13th", the futurate present with an object ("holds
elections Sunday") and numbers of a reference read as years ("nos. 1501-1502"), on sentences
written for these tests (none comes from the seeds, the development reports or
TimeBank/AQUAINT).
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes

# 2011-11-16 is a Wednesday.
DCT = "2011-11-16"


def found(text: str, doc_date: str | None = DCT) -> list[tuple[str, str, str, str | None]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # TimeML: the weekday and its day of the month are one DATE, the day both name
        ("The ceasefire collapsed on Monday the 14th.", "Monday the 14th", "2011-11-14"),
        ("The envoys met on Sunday the 30th in Geneva.", "Sunday the 30th", "2011-10-30"),
        ("The talks will resume on Friday, the 9th.", "Friday, the 9th", "2011-12-09"),
        ("Parliament was recalled on Tuesday the 1st.", "Tuesday the 1st", "2011-11-01"),
        # with the month after it, the whole is one day-month date (it was cut in two)
        (
            "The council sits on Friday, the 18th of November.",
            "Friday, the 18th of November",
            "2011-11-18",
        ),
        (
            "A vote is set for Wednesday, the 23rd of November.",
            "Wednesday, the 23rd of November",
            "2011-11-23",
        ),
    ],
)
def test_weekday_with_its_day_of_month(sentence: str, span: str, value: str) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == [(span, value)]


def test_weekday_with_its_day_searches_the_months_around() -> None:
    # the last 31st that was a Wednesday before a Wednesday 16 November 2011: 31 August
    assert [v for _, _, v, _ in found("The strike ended on Wednesday the 31st.")] == ["2011-08-31"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a scheduled event in the present tense, with its object, looks ahead
        ("The ruling party holds primaries Sunday.", "2011-11-20"),
        ("The bloc opens its annual summit Friday.", "2011-11-18"),
        ("The prime minister hosts a donor conference on Saturday.", "2011-11-19"),
        ("The foreign minister visits Ankara on Thursday.", "2011-11-17"),
        ("The opposition stages a rally Saturday in the capital.", "2011-11-19"),
    ],
)
def test_futurate_present_with_object_looks_ahead(sentence: str, value: str) -> None:
    assert [v for _, _, v, _ in found(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # past tense, a relative clause whose verb is another, a noun: unchanged
        ("The ruling party held primaries Sunday.", "2011-11-13"),
        ("The envoy who hosts the forum said Monday that talks stalled.", "2011-11-14"),
        ("Its congress opened Friday.", "2011-11-11"),
        ("The group that stages the festival announced Tuesday a new venue.", "2011-11-15"),
        ("The party's holds on the budget ended Monday.", "2011-11-14"),
    ],
)
def test_futurate_object_counter_examples(sentence: str, value: str) -> None:
    assert [v for _, _, v, _ in found(sentence)] == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "See nos. 1501-1502 and paras. 1990-1995 of the draft.",
        "The text of §§ 1901-1903 is in docs. 1880-1881.",
        "Compare sections 1745-1750 with arts. 1801-1803.",
        "The annex lists items 1920-1925.",
    ],
)
def test_reference_numbers_are_not_years(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # a volume's years and ordinary year ranges stay dates
        ("See FRUS, vol. 12, 1961-1963, p. 44.", [("1961-1963", "1961/1963")]),
        ("Output rose from 1990 to 1995.", [("1990 to 1995", "1990/1995")]),
        ("The treaty of 1907 was renewed.", [("1907", "1907")]),
    ],
)
def test_year_ranges_after_reference_numbers_unchanged(
    sentence: str, spans: list[tuple[str, str]]
) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == spans


@pytest.mark.parametrize(
    ("text", "doc_date", "value"),
    [
        # the last date told is a month: the day after it is not known, its month is
        ("In June 1812 the army crossed the Niemen. The next day it marched on.", DCT, "1812-06"),
        ("In June 1812 the army crossed the Niemen. The following day it rained.", None, "1812-06"),
        ("The treaty was signed in May 1955. The previous day envoys met.", DCT, "1955-05"),
        # a day told, then a month: the month is the last date told
        (
            "On 3 May 1936 the vote was held. In June the cabinet fell. The next day it met.",
            None,
            "1936-06",
        ),
    ],
)
def test_next_day_after_a_month_told(text: str, doc_date: str | None, value: str) -> None:
    last = found(text, doc_date)[-1]
    assert last[0].lower().endswith(" day") and last[2] == value


@pytest.mark.parametrize(
    ("text", "doc_date", "value"),
    [
        # a day told: the day after it; news without a told date: the DCT's next day
        ("On 3 May 1936 the vote was held. The next day the cabinet fell.", None, "1936-05-04"),
        ("The talks ended. The following day the envoys left.", DCT, "2011-11-17"),
    ],
)
def test_next_day_after_a_day_unchanged(text: str, doc_date: str | None, value: str) -> None:
    last = found(text, doc_date)[-1]
    assert last[0].lower().endswith(" day") and last[2] == value


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a range of lengths keeps its own words, as "two to three weeks" (valued by its start)
        (
            "The repairs will take between two and three weeks.",
            "between two and three weeks",
            "P2W",
        ),
        ("He spent between 10 and 12 years in exile.", "between 10 and 12 years", "P10Y"),
    ],
)
def test_between_duration_range(sentence: str, span: str, value: str) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == [(span, value)]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # "between" that is no range of lengths stays out
        (
            "The gap between two and a half years of talks narrowed.",
            "two and a half years",
            "P2Y6M",
        ),
        ("A lull between two weeks of shelling ended.", "two weeks", "P2W"),
    ],
)
def test_between_not_a_duration_range(sentence: str, span: str, value: str) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == [(span, value)]
