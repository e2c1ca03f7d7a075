"""Date rules of the eighth session's tenth pass, narrowed after its review: a holiday
before a name is still the holiday, "recently ... as" keeps its PAST_REF, numbers in
parentheses after a label in a dated report are no life dates. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from relnlp import load


@pytest.fixture(scope="module")
def dates() -> object:
    return load(only=("dates",))


def _found(nlp: object, text: str, doc_date: str | None) -> list[tuple[str, str, object]]:
    r = nlp.analyze(text, doc_date=doc_date)  # type: ignore[attr-defined]
    return [(x.text, x.value, x.mod) for x in r.dates.itertuples()]


@pytest.mark.parametrize(
    ("text", "doc_date", "want"),
    [
        (
            "On Christmas Eve Zelensky spoke to troops.",
            "2022-12-30",
            ("Christmas Eve", "2022-12-24"),
        ),
        ("On Christmas Day Pope Francis prayed.", "2022-12-30", ("Christmas Day", "2022-12-25")),
        ("At Easter Ukrainian soldiers rested.", "2022-05-01", ("Easter", "2022-04-17")),
        ("Over Thanksgiving Biden called Kyiv.", "2022-12-01", ("Thanksgiving", "2022-11-24")),
        ("He was described recently as a hawk.", "2022-01-01", ("recently", "PAST_REF")),
        ("Hilda (614–680) founded the abbey.", None, ("614–680", "0614/0680")),
    ],
)
def test_found(dates: object, text: str, doc_date: str | None, want: tuple[str, str]) -> None:
    assert [f[:2] for f in _found(dates, text, doc_date)] == [want]


@pytest.mark.parametrize(
    ("text", "doc_date"),
    [
        ("Battalion B (300-400) crossed the river.", "2022-05-01"),
        ("Article Five (200–300) was cited again.", "2022-05-01"),
        ("Prices in Moscow (100–200) rose.", "2023-03-01"),
    ],
)
def test_counts_in_parentheses_are_no_life_dates(dates: object, text: str, doc_date: str) -> None:
    assert _found(dates, text, doc_date) == []


def test_a_title_after_the_is_no_holiday(dates: object) -> None:
    assert [f[0] for f in _found(dates, "She starred in The Christmas Cottage in 2008.", None)] == [
        "2008"
    ]


def test_as_recently_as_keeps_only_the_year(dates: object) -> None:
    assert [f[:2] for f in _found(dates, "It happened as recently as 1995.", "2022-01-01")] == [
        ("1995", "1995")
    ]
