"""The literal prefilter of the timex trigger scans (relnlp.timex._prefilter)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relnlp.timex import patterns
from relnlp.timex._prefilter import may_match, required_strings


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("fortnight", {"fortnight"}),
        (r"(?:dusk|dawn)\b", {"dusk", "dawn"}),
        (r"Q[34] of", {"Q3 of", "Q4 of"}),
        (r"(?:sols?|lunar cycle)", {"sol", "lunar cycle"}),
        (r"\d+ (?:aeons|eras)", {" aeons", " eras"}),
        (r"(?=the )epoch", {"epoch"}),
    ],
)
def test_required_strings_read_off_the_pattern(pattern: str, expected: set[str]) -> None:
    assert required_strings(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d\d",  # no literal at all
        r"(?:era|\d+)",  # one alternative holds no literal
        r"(?:aeon)?s",  # the literal is optional; "s" alone is too short to test
        r"(?i)jubilee",  # case-insensitive: the letters are not literal
        r"(?i:jubilee)",
        r"(a)\1",  # a back-reference
    ],
)
def test_patterns_without_required_strings_are_always_scanned(pattern: str) -> None:
    assert required_strings(pattern) is None
    assert may_match(required_strings(pattern), "")


_WORDS = ["fortnight", "dusk", "dawn", "Q3", "Q4", " of", "sol", "sols", "lunar", " cycle"]
_PATTERNS = [
    "fortnight",
    r"(?:dusk|dawn)\b",
    r"Q[34] of",
    r"(?:sols?|lunar cycle)",
    r"(?:fort|for)night|dusk",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*_WORDS, " ", "x", "3", "-"]), max_size=12),
    st.sampled_from(_PATTERNS),
)
def test_a_text_without_the_strings_has_no_match(parts: list[str], pattern: str) -> None:
    text = "".join(parts)
    if re.search(pattern, text):
        assert may_match(required_strings(pattern), text)


def test_trigger_hits_equal_a_full_scan() -> None:
    text = (
        "On Tuesday the envoys met at dawn; by the 3rd quarter of the fiscal year the "
        "talks, held twice weekly since 1994, had resumed. No date is named here."
    )
    lowered = text.translate(patterns._ASCII_LOWER)
    skipped = 0
    for key, trig in patterns._TRIGGER_RE.items():
        target = lowered if key[1] else text
        full = [m.span() for m in trig.finditer(target)]
        assert patterns._trigger_hits(key, trig, target) == full
        skipped += not may_match(patterns._TRIGGER_NEEDS[key], target)
    assert skipped > 0  # the sentence lacks some triggers' strings: they were not scanned
