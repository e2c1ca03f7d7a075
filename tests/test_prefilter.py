"""The literal prefilter of regular-expression scans (relnlp._prefilter): the timex
triggers and the theme patterns."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relnlp._prefilter import _FOLDS_TO_ASCII, can_match, folded, may_match, required_strings
from relnlp.timex import patterns


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
        r"(?i:jubilee)",  # a case-insensitive group in a case-sensitive pattern
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
        assert patterns._trigger_hits(trig, target) == full
        skipped += not can_match(trig, target)
    assert skipped > 0  # the sentence lacks some triggers' strings: they were not scanned


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"Arms Embargo", re.IGNORECASE, {"arms embargo"}),
        (r"(?i)Jubilee", 0, {"jubilee"}),
        (r"(?i)(?:Blockade|quarantine)s?", 0, {"blockade", "quarantine"}),
        (r"[Ss]ea [Ll]ane", re.IGNORECASE, {"sea lane"}),
        (r"naïve", re.IGNORECASE, None),  # a non-ASCII string: no folded form to test
        (r"tariff (?-i:WTO)", re.IGNORECASE, {"tariff "}),  # the inline group is not read
    ],
)
def test_case_insensitive_patterns_give_lower_case_strings(
    pattern: str, flags: int, expected: set[str] | None
) -> None:
    assert required_strings(pattern, flags) == expected


def test_folded_text_is_withheld_where_a_letter_folds_from_beyond_ascii() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if letter.fullmatch(c)]
    assert found == [
        c for c in map(chr, range(0x80, sys.maxunicode + 1)) if _FOLDS_TO_ASCII.fullmatch(c)
    ]
    assert folded("The Naval Blockade") == "the naval blockade"
    assert folded("a \u017fhip") is None  # long s matches "s" without being one


@pytest.mark.parametrize(
    "text",
    [
        "The ARMS EMBARGO held.",
        "An arms embargo and a Blockade.",
        "No such words here.",
        "Shipping lanes: the SEA LANE is closed; quarantines followed.",
        "A \u017fea lane, written with a long s.",
        "Kelvin: \u212aarms embargo",
    ],
)
def test_can_match_never_skips_a_text_with_a_match(text: str) -> None:
    for pattern in [
        re.compile(r"arms embargo", re.IGNORECASE),
        re.compile(r"(?:blockade|quarantine)s?", re.IGNORECASE),
        re.compile(r"[Ss]ea [Ll]ane", re.IGNORECASE),
        re.compile(r"EMBARGO"),
    ]:
        if pattern.search(text):
            assert can_match(pattern, text, folded(text))
    assert not can_match(re.compile("embargo", re.IGNORECASE), "Talks.", folded("Talks."))


def test_theme_patterns_find_what_a_full_scan_finds() -> None:
    from relnlp.themes.features import PriorScorer
    from relnlp.themes.taxonomy import Taxonomy

    tax = Taxonomy.default()
    scorer = PriorScorer(tax)
    text = (
        "Ministers warned of REGIME CHANGE and Western-backed groups; bilateral trade "
        "reached $4.2 billion after the S-400 purchase, despite economic sanctions."
    )
    pats = [(t.id, p) for t in tax.themes for p in tax.patterns(t.id)]
    full = sorted(
        (tid, p.pattern, m.start(), m.end())
        for tid, p in pats
        for m in p.finditer(text)
        if m.end() > m.start()
    )
    got = sorted(
        (m.theme, m.cue, m.start, m.end)
        for m in scorer._pattern_matches(text, folded(text), tax.patterns, "pattern")
    )
    assert got == full and len(full) >= 4
    assert any(not can_match(p, text, folded(text)) for _tid, p in pats)  # some not run
