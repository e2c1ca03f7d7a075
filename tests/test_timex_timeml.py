"""TimeML's view of ranges (relnlp.timex.timeml), on sentences written for these tests."""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes
from relnlp.timex.timeml import timeml_spans


def timeml(text: str, doc_date: str = "2003-05-14") -> list[tuple[str, str, str]]:
    found = [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
        for t in find_timexes(text, anchor=Anchor.from_value(doc_date))
    ]
    return [(text[t["start"] : t["end"]], t["type"], t["value"]) for t in timeml_spans(text, found)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Imports doubled between 1971 and 1979.",
            [("1971", "DATE", "1971"), ("1979", "DATE", "1979")],
        ),
        (
            "The dam was built from 1931 to 1936.",
            [("1931", "DATE", "1931"), ("1936", "DATE", "1936")],
        ),
        (
            "Rainfall dropped in the first six months of 2001.",
            [("the first six months", "DURATION", "P6M"), ("2001", "DATE", "2001")],
        ),
    ],
)
def test_a_range_is_the_timex3_of_each_end(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timeml(text) == expected


def test_other_dates_are_left_as_they_are() -> None:
    text = "The board met on 3 March 2002 and again in the second half of 2002."
    assert timeml(text) == [
        ("3 March 2002", "DATE", "2002-03-03"),
        ("the second half of 2002", "DATE", "2002-H2"),
    ]
