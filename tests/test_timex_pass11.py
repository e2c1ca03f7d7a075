"""Issue 16, eleventh pass: the other weekdays of "every Monday and Thursday", "for some
time", a year-less month after a bare old year in dated news, "would soon" in a past
narrative, "Monday the 13th" and vague "many decades later". Sentences written for these
tests (none comes from the seeds, the development reports, TimeBank/AQUAINT or the GUM
documents).
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes

DCT = "2014-06-18"


def found(text: str, doc_date: str | None = None) -> list[tuple[str, str, str, str | None]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The ferry to the island runs every Tuesday and Saturday.",
            [("every Tuesday", "XXXX-WXX-2"), ("Saturday", "XXXX-WXX-6")],
        ),
        (
            "Each Monday, Wednesday or Friday the choir rehearsed in the crypt.",
            [("Each Monday", "XXXX-WXX-1"), ("Wednesday", "XXXX-WXX-3"), ("Friday", "XXXX-WXX-5")],
        ),
        (
            "Inspectors call every Sunday and Thursday morning.",
            [("every Sunday", "XXXX-WXX-7"), ("Thursday morning", "XXXX-WXX-4TMO")],
        ),
    ],
)
def test_weekdays_listed_after_every_are_the_same_set(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    got = found(sentence, DCT)
    assert [(t, v) for t, _, v, _ in got] == expected
    assert {kind for _, kind, _, _ in got} == {"SET"}


def test_a_weekday_not_listed_after_every_stays_a_date() -> None:
    # a dated weekday after the list, and a weekday in another clause, keep their dates
    got = found("The ferry runs every Tuesday; on Saturday, 21 June it will not.", DCT)
    assert [(t, k) for t, k, _, _ in got] == [
        ("every Tuesday", "SET"),
        ("Saturday, 21 June", "DATE"),
    ]
    got = found("He fished every Sunday. The storm came on Thursday.", DCT)
    assert got[1][:3] == ("Thursday", "DATE", "2014-06-12")


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The two courts had argued over the will for some time.", "some time"),
        ("Grain prices have been falling for quite some time.", "quite some time"),
        ("The envoy rested in the port for a while before sailing on.", "a while"),
    ],
)
def test_for_some_time_is_a_vague_duration(sentence: str, span: str) -> None:
    assert found(sentence, DCT) == [(span, "DURATION", "PXM", None)]


def test_some_time_without_for_is_not_a_duration() -> None:
    assert found("At some time the ledger was lost.", DCT) == []
    assert found("It took some time to count the votes.", DCT) == []


def test_year_less_month_after_a_bare_old_year_takes_the_news_date() -> None:
    # anniversary news: the old year is background, "In May" is this year's May (TimeBank
    # practice: "since 1980. In September" in a 1989 dispatch is 1989-09)
    text = "The dam burst in 1964. In May, survivors laid wreaths at the valley church."
    assert [v for _, _, v, _ in found(text, DCT)] == ["1964", "2014-05"]


def test_year_less_month_after_an_old_month_continues_the_story() -> None:
    # a story told to the month goes on: "In June" after "In April 1964" is 1964's June
    text = "The dam burst in April 1964. In June, engineers began to rebuild it."
    assert [v for _, _, v, _ in found(text, DCT)] == ["1964-04", "1964-06"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the past perfect carries the old story on
        ("The canal was dug in 1825. By April the first barges had passed.", "1825-04"),
        # a definite period of the story's year
        ("The chapel burned in 1702. In the spring it was rebuilt.", "1702-SP"),
    ],
)
def test_a_bare_old_year_still_anchors_a_story_that_plainly_goes_on(
    text: str, expected: str
) -> None:
    assert found(text, DCT)[-1][2] == expected


def test_speech_after_a_bare_old_year_keeps_the_news_date() -> None:
    text = "The mine closed in 1985. In March, the mayor said it had been a mistake."
    assert found(text, DCT)[-1][:3] == ("March", "DATE", "2014-03")


@pytest.mark.parametrize(
    "text",
    [
        "The poet settled in Ravenna in 1318. He would soon fall ill.",
        "In 1662 the bishop was soon to leave for the coast.",
        "The duke would very soon regret the treaty.",
    ],
)
def test_the_future_of_a_told_past_is_no_future_ref(text: str) -> None:
    # an undated history: "soon" is soon after the story's time, not the reader's future
    assert all(v != "FUTURE_REF" for _, _, v, _ in found(text))


@pytest.mark.parametrize(
    ("text", "doc_date"),
    [
        ("The ministers said they would soon publish the figures.", DCT),  # news
        ("The harbour will soon be dredged.", None),  # a plain future
    ],
)
def test_soon_ahead_of_the_report_stays_future_ref(text: str, doc_date: str | None) -> None:
    assert ("soon", "DATE", "FUTURE_REF", None) in found(text, doc_date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday names the 13th of the story's month, or of the month after it
        ("The strike began in March 1911. On Monday the 13th the mills closed.", "1911-03-13"),
        ("The strike began in March 1911. On Thursday the 13th the mills closed.", "1911-04-13"),
        # only a year told: the month stays open
        ("The strike began in 1911. On Monday the 13th the mills closed.", "XXXX-XX-13"),
    ],
)
def test_weekday_and_day_of_the_month_in_an_undated_story(text: str, expected: str) -> None:
    got = found(text)
    assert got[-1][0].endswith("the 13th") and got[-1][1:3] == ("DATE", expected)


def test_weekday_and_day_of_the_month_as_a_title_is_no_date() -> None:
    assert found("The actor was cast in Friday the 13th.") == []


@pytest.mark.parametrize("doc_date", [DCT, None])
def test_weekdays_listed_with_a_slash(doc_date: str | None) -> None:
    # also in an undated text, where a bare "Friday" has no date of its own
    got = found("New episodes air every Tuesday / Friday on the station.", doc_date)
    assert [(t, k, v) for t, k, v, _ in got] == [
        ("every Tuesday", "SET", "XXXX-WXX-2"),
        ("Friday", "SET", "XXXX-WXX-5"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the previous sentence told a day or a month: that is the time meant
        ("The fort fell on 9 August 1757. By that time the garrison was starving.", "1757-08-09"),
        ("The fort fell in August 1757. At that time the garrison was starving.", "1757-08"),
        # a bare year is too coarse; no date at all: TimeML's PAST_REF
        ("The fort fell in 1757. At that time the garrison was starving.", "PAST_REF"),
        ("At that time the garrison was starving.", "PAST_REF"),
    ],
)
def test_at_that_time(text: str, expected: str) -> None:
    assert found(text)[-1] == ("that time", "DATE", expected, None)


def test_that_time_without_a_preposition_of_time_is_not_tagged() -> None:
    assert found("The envoy recalled that time fondly.", DCT) == []


@pytest.mark.parametrize("doc_date", [DCT, None])
def test_every_weekday_keeps_its_part_of_the_day(doc_date: str | None) -> None:
    got = found("The quiz is held every Thursday night and Sunday.", doc_date)
    assert [(t, k, v) for t, k, v, _ in got] == [
        ("every Thursday night", "SET", "XXXX-WXX-4TNI"),
        ("Sunday", "SET", "XXXX-WXX-7"),
    ]
