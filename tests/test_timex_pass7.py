"""Issue 16, seventh pass: the futurate present of news, "last" as a verb before a length,
comparison quarters of earnings news and narrative months and years, on sentences written
for these tests (none comes from the seeds, the development reports or TimeBank/AQUAINT).
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
    ("sentence", "value"),
    [
        # a scheduled event in the present tense looks ahead (TimeML: the tense decides)
        ("The two presidents meet separately Friday with the mediators.", "2011-11-18"),
        ("Delegates reconvene again Monday after a recess.", "2011-11-21"),
        ("The cabinet votes Thursday on the fuel subsidy.", "2011-11-17"),
        ("The foreign secretary travels to New Delhi on Sunday.", "2011-11-20"),
        ("The commission arrives in Kabul on Saturday, aides say.", "2011-11-19"),
    ],
)
def test_futurate_present_weekday_looks_ahead(sentence: str, value: str) -> None:
    assert [v for _, _, v, _ in found(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the noun, the past, the infinitive after a plan told in the past perfect: not futurate
        ("Officials counted the votes Monday.", "2011-11-14"),
        ("The envoy's visit to Cairo on Monday was brief.", "2011-11-14"),
        ("The two sides did not meet Tuesday.", "2011-11-15"),
        ("The hearing had been scheduled to open Monday.", "2011-11-14"),
        ("The ministers met again Friday in Oslo.", "2011-11-11"),
        # a past verb before it: the word is a noun after an adjective or a noun
        ("The premier began a state visit Monday.", "2011-11-14"),
        ("The party held a snap vote Monday.", "2011-11-14"),
    ],
)
def test_futurate_present_needs_a_finite_present_verb(sentence: str, value: str) -> None:
    assert [v for _, _, v, _ in found(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The negotiations could last two to three years.", ("two to three years", "P2Y")),
        ("The blockade is expected to last six more weeks.", ("six more weeks", "P6W")),
        ("The truce did not last ten days.", ("ten days", "P10D")),
        ("Fuel shortages may last several months.", ("several months", "PXM")),
    ],
)
def test_last_as_a_verb_stays_out_of_the_span(sentence: str, expected: tuple[str, str]) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == [expected]


def test_last_as_an_adjective_keeps_its_span() -> None:
    assert [t for t, *_ in found("Exports doubled over the last three years.")] == [
        "the last three years"
    ]
    assert [t for t, *_ in found("In the last few months the currency fell.")] == [
        "the last few months"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the comparison quarter of earnings news is one expression (TimeML), a year back
        (
            "The lender lost $4 million in the quarter a year earlier.",
            [("the quarter a year earlier", "2010-Q3")],
        ),
        (
            "Revenue for the period a year ago was $9 million.",
            [("the period a year ago", "2010-Q3")],
        ),
        (
            "Third-quarter profit rose, and the third quarter a year earlier was weaker.",
            [("Third-quarter", "2011-Q3"), ("the third quarter a year earlier", "2010-Q3")],
        ),
    ],
)
def test_quarter_a_year_ago_is_one_expression(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, v) for t, _, v, _ in found(sentence)] == expected


def test_last_years_quarter_is_the_reported_quarter_a_year_back() -> None:
    # said in February 2012 of the fourth quarter of 2011: "last year's quarter" is 2010-Q4
    assert found("Margins were thinner than in last year's quarter.", "2012-02-08") == [
        ("last year's quarter", "DATE", "2010-Q4", None)
    ]
    assert found("Sales in the second quarter beat last year's quarter.") == [
        ("the second quarter", "DATE", "2011-Q2", None),
        ("last year's quarter", "DATE", "2010-Q2", None),
    ]
    assert found("The Latin quarter was quiet.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The duke was crowned in 1189. Early that year, the barons revolted.",
            ("Early that year", "1189", "START"),
        ),
        (
            "The fleet sailed in 1588. Late that year, the storms came.",
            ("Late that year", "1588", "END"),
        ),
        (
            "The envoy reached Vienna in April 1683, and the same month the siege began.",
            ("the same month", "1683-04", None),
        ),
        (
            "The bridge opened on 12 October 1876 and flooded the same month.",
            ("the same month", "1876-10", None),
        ),
    ],
)
def test_narrative_month_and_year_with_their_modifier(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert [(t, v, mod) for t, _, v, mod in found(text, None)][-1] == expected


def test_early_and_late_of_a_deictic_period_in_news() -> None:
    assert found("Prices peaked late this month.") == [
        ("late this month", "DATE", "2011-11", "END")
    ]


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # counted from the last day the text told, never that day itself
        (
            "The armistice was signed on Monday, 3 March 1862. The following Monday the "
            "garrison marched out.",
            None,
            ("The following Monday", "1862-03-10"),
        ),
        (
            "The fort fell on 3 March 1862; the previous Monday it had been shelled.",
            None,
            ("the previous Monday", "1862-02-24"),
        ),
        (
            "The blast came on Nov. 4, and the following Saturday the market reopened.",
            DCT,
            ("the following Saturday", "2011-11-05"),
        ),
        # without a day told, from the document's date (a Wednesday)
        ("The board had met the preceding Friday.", DCT, ("the preceding Friday", "2011-11-11")),
    ],
)
def test_following_and_previous_weekday(
    text: str, doc_date: str | None, expected: tuple[str, str]
) -> None:
    assert [(t, v) for t, _, v, _ in found(text, doc_date)][-1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rates should stay flat for the next two years or so.",
            ("the next two years or so", "P2Y"),
        ),
        ("The ferry sank a month or so ago.", ("a month or so ago", "2011-10")),
        ("The canal was dug in 1850 or so.", ("1850 or so", "1850")),
    ],
)
def test_or_so_is_an_approximation_inside_the_span(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert [(t, v, mod) for t, _, v, mod in found(sentence)] == [(*expected, "APPROX")]


def test_today_in_an_undated_history_is_the_present() -> None:
    text = "The abbey burned in 1537. Today only the gatehouse stands."
    assert found(text, None) == [
        ("1537", "DATE", "1537", None),
        ("Today", "DATE", "PRESENT_REF", None),
    ]
    # with a document date it is that day; "yesterday" without one stays unresolved
    assert found("Today the council votes.") == [("Today", "DATE", "2011-11-16", None)]
    assert found("Yesterday the abbey burned.", None) == []
