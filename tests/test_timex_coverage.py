"""Issue 16, sixth pass: expression families a hand-written tagger such as HeidelTime covers,
on sentences written for these tests (none comes from the seeds, the development reports or
TimeBank/AQUAINT).

Millennia, turns of centuries, decades of a century, days BC, holidays (movable Christian
feasts, US weekday-rule holidays, Islamic feasts by the arithmetic Hijri calendar), and the
news and narrative forms the audit found missing.
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes, is_valid_value

# 2019-06-10 is a Monday.
DCT = "2019-06-10"


def found(text: str, doc_date: str | None = DCT) -> list[tuple[str, str, str, str | None]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Copper smelting spread in the fourth millennium BC.",
            ("the fourth millennium BC", "BC3"),
        ),
        (
            "Farming reached the valley in the 6th millennium BCE.",
            ("the 6th millennium BCE", "BC5"),
        ),
        ("Monasteries flourished in the first millennium AD.", ("the first millennium AD", "0")),
        ("The chronicle covers the second millennium.", ("the second millennium", "1")),
    ],
)
def test_ordinal_millennia_are_one_digit(sentence: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


def test_relative_millennia_count_from_the_document_year() -> None:
    assert found("Planners look to the next millennium.")[0][2] == "3"
    assert found("Cities grew over the past millennium.")[0][2] == "1"
    assert found("The new millennium began with hope.", "2001-03-01")[0][2] == "2"
    assert found("Banks prepared for the new millennium.", "1998-03-01")[0][2] == "2"
    # far from its turn, "the new millennium" is no period the writer can mean
    assert found("The new millennium began with hope.", "2150-03-01") == []


def test_millennium_values_are_valid() -> None:
    for value in ("3", "BC3", "BC0044-03-15"):
        assert is_valid_value(value)


@pytest.mark.parametrize(
    ("sentence", "doc_date", "value"),
    [
        ("Rail lines multiplied at the turn of the 20th century.", DCT, "1900"),
        ("The port declined after the turn of the century.", DCT, "2000"),
        ("The port declined after the turn of the century.", "1893-05-01", "1900"),
        ("The port declined after the turn of the century.", "1821-05-01", "1800"),
        ("Its walls date from the turn of the last century.", DCT, "1900"),
        ("Prices doubled around the turn of the millennium.", DCT, "2000"),
    ],
)
def test_turn_of_the_century_is_its_first_year_approximately(
    sentence: str, doc_date: str, value: str
) -> None:
    (hit,) = found(sentence, doc_date)
    assert hit[1:] == ("DATE", value, "APPROX")
    assert hit[0].startswith("the turn of the")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Growth slowed in the first decade of the 21st century.", "200"),
        ("Strikes spread in the last decade of the nineteenth century.", "189"),
        ("The canal opened in the third decade of the 20th century.", "192"),
    ],
)
def test_decade_of_a_century(sentence: str, expected: str) -> None:
    assert [f[2] for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The consul was murdered on the 15th of March, 44 BC.",
            ("the 15th of March, 44 BC", "BC0044-03-15"),
        ),
        ("The siege ended on August 2, 216 B.C., at dawn.", ("August 2, 216 B.C.", "BC0216-08-02")),
        ("The emperor died on 19 August AD 14 in Nola.", ("19 August AD 14", "0014-08-19")),
    ],
)
def test_a_day_with_an_era_is_one_date(sentence: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in found(sentence, None)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "doc_date", "expected"),
    [
        ("Bishops gathered on Ash Wednesday.", DCT, "2019-03-06"),
        ("Crowds filled the square on Palm Sunday 2016.", DCT, "2016-03-20"),
        ("The synod closes at Pentecost.", "2021-03-01", "2021-05-23"),
        ("Stores opened early on Black Friday.", "2019-12-02", "2019-11-29"),
        ("The minister spoke on Presidents' Day.", "2019-03-01", "2019-02-18"),
        ("The veterans marched on VE Day.", DCT, "2019-05-08"),
        ("Ferries stopped running on Boxing Day.", "2020-01-06", "2019-12-26"),
    ],
)
def test_more_holidays_are_their_day(sentence: str, doc_date: str, expected: str) -> None:
    assert [(f[1], f[2]) for f in found(sentence, doc_date)] == [("DATE", expected)]


@pytest.mark.parametrize(
    ("sentence", "doc_date", "expected"),
    [
        # the arithmetic calendar: Ramadan AH 1440 opened on 6 May 2019
        ("Markets closed early during Ramadan.", DCT, "2019-05-06/2019-06-04"),
        ("The truce was agreed before Ramadan 2024.", DCT, "2024-03-11/2024-04-09"),
        ("Prisoners were released for Eid al-Fitr.", DCT, "2019-06-05"),
        ("Families will travel for Eid ul-Adha.", DCT, "2019-08-12"),
    ],
)
def test_islamic_feasts_follow_the_hijri_calendar(
    sentence: str, doc_date: str, expected: str
) -> None:
    assert [f[2] for f in found(sentence, doc_date)] == [expected]


def test_ramadan_as_a_name_is_no_date() -> None:
    assert found("The lecture by Tariq Ramadan was cancelled.") == []
    assert found("Ramadan Abdullah was named deputy.") == []
    # whose Victory Day? 9 May in Moscow, 3 September in Beijing: no day without the country
    assert found("Veterans marched on Victory Day.") == []
    assert [f[0] for f in found("During Ramadan the curfew was lifted.")] == ["Ramadan"]


# --- news and narrative forms ---------------------------------------------------------------


def test_this_past_and_this_coming_weekend_keep_this() -> None:
    assert found("Rebels regrouped this past weekend near the border.") == [
        ("this past weekend", "DATE", "2019-W23-WE", None)
    ]
    assert found("Voters go to the polls this coming weekend.") == [
        ("this coming weekend", "DATE", "2019-W24-WE", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Output fell in the first half of the year.", ("the first half of the year", "2019-H1")),
        (
            "Hiring will pick up in the second half of next year.",
            ("the second half of next year", "2020-H2"),
        ),
        ("Debt rose in the second half of last year.", ("the second half of last year", "2018-H2")),
    ],
)
def test_half_of_the_year_named_by_a_deictic(sentence: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The blockade lasted a fortnight.", ("a fortnight", "DURATION", "P2W")),
        ("Voting ran for two fortnights.", ("two fortnights", "DURATION", "P4W")),
        ("A fortnight ago the bridge reopened.", ("A fortnight ago", "DATE", "2019-W22")),
    ],
)
def test_a_fortnight_is_two_weeks(sentence: str, expected: tuple[str, str, str]) -> None:
    assert [f[:3] for f in found(sentence)] == [expected]


def test_a_clock_time_then_the_story_s_next_day_is_one_time() -> None:
    story = (
        "On 9 April 1917 the division attacked. It reached the ridge at noon the next day. "
        "Two hours later the guns fell silent."
    )
    assert found(story, None) == [
        ("9 April 1917", "DATE", "1917-04-09", None),
        ("noon the next day", "TIME", "1917-04-10T12:00", None),
        ("Two hours later", "TIME", "1917-04-10T14:00", None),
    ]
    told = "The order came on 20 March 2003. The column left at 0430 hours that day."
    assert found(told, "2003-03-25")[1][:3] == (
        "0430 hours that day",
        "TIME",
        "2003-03-20T04:30",
    )


def test_a_clock_time_with_a_preposition_before_the_day_stays_apart() -> None:
    # "the next day" after "on" is its own DATE: only the bare juxtaposition joins
    assert [f[0] for f in found("They left at noon and returned the next day.")] == [
        "noon",
        "the next day",
    ]


def test_military_times_in_a_list_share_their_hours() -> None:
    assert found("Patrols reported contact at 0215, 0940 and 1605 hours.", "2004-11-08") == [
        ("0215", "TIME", "2004-11-08T02:15", None),
        ("0940", "TIME", "2004-11-08T09:40", None),
        ("1605 hours", "TIME", "2004-11-08T16:05", None),
    ]
    # years listed before a duration in hours are not clock times
    assert [f[1] for f in found("Between 1998 and 2003 the crews logged 1200 hours.")][:1] == [
        "DATE"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hearing is set for Thursday.", "2019-06-13"),
        ("A final vote is set for Friday, the speaker said.", "2019-06-14"),
        # a record set on a day is past
        ("The record was set on Saturday.", "2019-06-08"),
    ],
)
def test_set_for_a_weekday_looks_ahead(sentence: str, expected: str) -> None:
    assert [f[2] for f in found(sentence)] == [expected]


def test_half_of_the_year_refers_back_to_the_year_told() -> None:
    text = "In 2016 the economy shrank. Exports fell in the second half of the year."
    assert found(text)[-1][:3] == ("the second half of the year", "DATE", "2016-H2")
    # "this year" is the document's, whatever the story told
    text = "In 2016 the economy shrank. Exports will rise in the second half of this year."
    assert found(text)[-1][2] == "2019-H2"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rates will fall in the first quarter of next year.",
            ("the first quarter of next year", "2020-Q1"),
        ),
        (
            "Orders slumped in the fourth quarter of last year.",
            ("the fourth quarter of last year", "2018-Q4"),
        ),
    ],
)
def test_quarter_of_a_deictic_year(sentence: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Investment peaked in the mid-to-late 1970s.", ("the mid-to-late 1970s", "197", "MID")),
        ("Inflation eased in the early-to-mid 1990s.", ("the early-to-mid 1990s", "199", "START")),
    ],
)
def test_two_part_modifiers_keep_the_decade(sentence: str, expected: tuple[str, str, str]) -> None:
    assert [(f[0], f[2], f[3]) for f in found(sentence)] == [expected]


def test_a_part_of_the_day_on_a_named_day_is_read_on_that_day() -> None:
    assert found("Shelling resumed in mid-afternoon on Saturday.")[0][1:] == (
        "TIME",
        "2019-06-08TAF",
        "MID",
    )
    assert found("The liner sank late evening on 4 May 1941.", None)[0][1:3] == (
        "TIME",
        "1941-05-04TEV",
    )


# 2019-06-12 is a Wednesday.
WED = "2019-06-12"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the futurate present of a scheduled event
        ("The congress opens Thursday in the old capital.", ["2019-06-13"]),
        ("The summit begins on Monday in Vienna.", ["2019-06-17"]),
        ("The fair opens Thursday and runs through Saturday.", ["2019-06-13", "2019-06-15"]),
        # a limit in a clause about what is to come
        ("Rebels said Sunday they would withdraw by Friday.", ["2019-06-09", "2019-06-14"]),
        ("The repairs will be finished by Monday.", ["2019-06-17"]),
        # guards: told in the past, a limit in the past perfect
        ("The congress opened Thursday in the old capital.", ["2019-06-06"]),
        ("The troops had withdrawn by Friday.", ["2019-06-07"]),
    ],
)
def test_weekdays_of_plans_and_schedules(sentence: str, expected: list[str]) -> None:
    assert [f[2] for f in found(sentence, WED)] == expected


# --- histories ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The guilds ruled the town from the 11th to the 14th century.",
            ("the 11th to the 14th century", "10/13"),
        ),
        (
            "Villas spread in the late 2nd and early 3rd centuries.",
            ("the late 2nd and early 3rd centuries", "01/02"),
        ),
        (
            "Trade grew in the last quarter of the 18th century.",
            ("the last quarter of the 18th century", "177/179"),
        ),
        (
            "Iron reached the coast in the early 1st millennium BC.",
            ("the early 1st millennium BC", "BC0"),
        ),
    ],
)
def test_ranges_and_parts_of_centuries(sentence: str, expected: tuple[str, str]) -> None:
    assert [(f[0], f[2]) for f in found(sentence, None)] == [expected]


def test_a_singular_century_after_and_is_the_second_end_only() -> None:
    # "between the 9th and 10th century": no range reading in the singular after "and"
    assert [f[0] for f in found("The fort was built between the 9th and 10th century.", None)] == [
        "10th century"
    ]


def test_a_bc_story_counts_on_from_its_day() -> None:
    story = "The consul was murdered on 15 March 44 BC. Two days later the senate met."
    assert [f[2] for f in found(story, None)] == ["BC0044-03-15", "BC0044"]


def test_a_word_ending_like_an_ordinal_opens_no_range_of_centuries() -> None:
    # "forward" and "toward" end like "3rd": a longer reading must not swallow the century
    assert found("Look forward to the 22nd century, planners said.", None)[0][:3] == (
        "the 22nd century",
        "DATE",
        "21",
    )
    assert [f[0] for f in found("Jump forward to the third millennium.", None)] == [
        "the third millennium"
    ]
