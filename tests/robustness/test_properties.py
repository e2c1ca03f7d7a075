"""Properties the output contract promises, on generated input (issue 10, hypothesis).

For any text: the analysis returns (never crashes), every row of every table satisfies
``text[start:end] == row.text`` within bounds, passages, sentences and tokens do not
overlap, theme scores and cooperation/tension lie in [0, 1]. The TIMEX3 normaliser reads
back every value it writes. The readers return offsets inside the text they return, and
raise nothing but ``InputError`` on arbitrary bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import relnlp
from relnlp import InputError
from relnlp.timex import Anchor, find_timexes, is_valid_value, parse_value
from tests.robustness._make import assert_all_offsets, doc_offsets_in_bounds

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

# Text strategies ----------------------------------------------------------------------------
_PIECES = [
    *"ab Zq.,;:!?-*_#<>/\\[]()`&$^'\"|~+=%@{}",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u0301",
    "é",
    "栗战书",
    "Лавров",
    "مرحبا",
    "😀",
    "¹",
    "²³",
    "⁴",
    "<sup>1</sup>",
    "<sup>",
    "</sup>",
    "**",
    "## ",
    "> ",
    "- ",
    "1. ",
    "[^2]",
    "[^2]: ",
    "&amp;",
    "&#8212;",
    "&nope;",
    "<!-- x -->",
    "<b>",
    "</i>",
    "[link](http://x.io/a_b)",
    "<https://x.io>",
    "![img](a.png)",
    "\\$",
    "U.S.",
    "Feb. 3",
    "May 8, 2015",
    "2015",
    "in 2014",
    "the 1990s",
    "Q3 2019",
    ": ",
    "Russia",
    "China",
    "Putin",
    "NATO",
    "Kazakhstan",
    "the Kremlin",
    "Xi Jinping",
]
messy_text = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)

_SENTENCES = [
    "Russia and China signed a cooperation agreement on energy in Moscow on May 8, 2015.",
    "NATO condemned the missile strike near Kharkiv.",
    "Kazakhstan hedged between Moscow and Beijing.",
    "Xi Jinping met Vladimir Putin and praised the strategic partnership.",
    "Terrorists attacked a checkpoint in Xinjiang, and police detained suspects.",
    "Protesters in Tbilisi demanded new elections, calling it a colour revolution.",
    "The pipeline deal raised gas exports and trade with Turkmenistan.",
    "Washington imposed sanctions on Iran after talks collapsed.",
    "The summit was postponed.",
    "Sergei Lavrov (Сергей Лавров) said relations had never been better.",
    "Turkey did not threaten Greece; it only warned of tensions in the Aegean.",
]
_SEPARATORS = [" ", "\n", "\n\n", "\r\n\r\n", "\r\r", "\n\n## Heading\n\n", "¹ ", "\n\n¹ Note. "]
policy_text = st.lists(
    st.tuples(st.sampled_from(_SENTENCES), st.sampled_from(_SEPARATORS)), max_size=10
).map(lambda parts: "".join(s + sep for s, sep in parts))

any_text = st.one_of(st.text(max_size=300), messy_text, policy_text)


def _check_report(text: str, r: Any) -> None:
    assert r.text == text
    assert_all_offsets(r)
    for name in ("passages", "sentences", "tokens"):
        df = r.tables()[name].sort_values("start")
        spans = list(zip(df["start"], df["end"]))
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), (name, spans)
    unit = [*r.meta["themes"], "cooperation", "tension"]
    for name, cols in (
        ("passages", unit),
        ("events", ["cooperation", "tension"]),
        ("documents", ["cooperation", "tension"]),
    ):
        df = r.tables()[name]
        for col in cols:
            vals = df[col].dropna()
            assert ((vals >= 0) & (vals <= 1)).all(), (name, col, vals.tolist())
    for name in ("events", "documents"):
        vals = r.tables()[name]["goldstein"].dropna()
        assert ((vals >= -10) & (vals <= 10)).all(), (name, vals.tolist())


@pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")  # W201 on undated text
@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(text=any_text, dated=st.booleans())
def test_properties_analysis_never_crashes_and_keeps_its_contract(
    nlp: Any, text: str, dated: bool
) -> None:
    r = nlp.analyze(text, doc_date="2016-03-01" if dated else None)
    _check_report(text, r)


@pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")
@settings(max_examples=10, deadline=None, suppress_health_check=FIXTURES)
@given(parts=st.lists(policy_text, min_size=2, max_size=4))
def test_properties_chunked_analysis_keeps_offsets(parts: list[str]) -> None:
    """Texts cut into 2,000-character chunks (mid-paragraph when needed)."""
    text = "".join(p * 3 for p in parts)
    r = relnlp.load(chunk_chars=2000).analyze(text, doc_date="2016-03-01")
    _check_report(text, r)


# TIMEX3 round trip ----------------------------------------------------------------------------
_ABBR = {
    1: "Jan.",
    2: "Feb.",
    3: "Mar.",
    4: "Apr.",
    6: "Jun.",
    7: "Jul.",
    8: "Aug.",
    9: "Sept.",
    10: "Oct.",
    11: "Nov.",
    12: "Dec.",
}
_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_SEASON = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


@st.composite
def timex_values(draw: Any) -> tuple[str, str]:
    """A TIMEX3 value and one way reports write it."""
    y = draw(st.integers(1600, 2099))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, calendar.monthrange(y, m)[1]))
    day = dt.date(y, m, d)
    month = calendar.month_name[m]
    kind = draw(
        st.sampled_from(
            [
                "mdy",
                "dmy",
                "abbr",
                "iso",
                "dots",
                "slash",
                "my",
                "year",
                "quarter",
                "qcode",
                "half",
                "season",
                "years",
                "days",
            ]
        )
    )
    if kind == "mdy":
        return day.isoformat(), f"on {month} {d}, {y}"
    if kind == "dmy":
        return day.isoformat(), f"on {d} {month} {y}"
    if kind == "abbr":
        assume(m != 5)
        return day.isoformat(), f"on {_ABBR[m]} {d}, {y}"
    if kind == "iso":
        return day.isoformat(), f"on {day.isoformat()}"
    if kind == "dots":
        return day.isoformat(), f"on {d:02d}.{m:02d}.{y}"
    if kind == "slash":
        assume(d > 12 or d == m)  # unambiguous day/month order
        return day.isoformat(), f"on {m}/{d}/{y}"
    if kind == "my":
        return f"{y:04d}-{m:02d}", f"in {month} {y}"
    if kind == "year":
        return f"{y:04d}", f"in {y}"
    q = draw(st.integers(1, 4))
    if kind == "quarter":
        return f"{y:04d}-Q{q}", f"in the {_ORD[q]} quarter of {y}"
    if kind == "qcode":
        return f"{y:04d}-Q{q}", f"in Q{q} {y}"
    if kind == "half":
        h = draw(st.integers(1, 2))
        return f"{y:04d}-H{h}", f"in the {_ORD[h]} half of {y}"
    if kind == "season":
        code = draw(st.sampled_from(sorted(_SEASON)))
        return f"{y:04d}-{code}", f"in the {_SEASON[code]} of {y}"
    if kind == "years":
        y2 = draw(st.integers(y + 1, min(y + 100, 2100)))
        return f"{y:04d}/{y2:04d}", f"between {y} and {y2}"
    d2 = draw(st.integers(d, calendar.monthrange(y, m)[1]))
    assume(d2 > d)
    return f"{day.isoformat()}/{dt.date(y, m, d2).isoformat()}", f"on {month} {d}-{d2}, {y}"


@settings(max_examples=400, deadline=None)
@given(case=timex_values(), anchor=st.sampled_from([None, "2015", "2022-02-16"]))
def test_properties_timex_reads_back_its_own_values(case: tuple[str, str], anchor: Any) -> None:
    value, written = case
    assert is_valid_value(value) and "/".join(parse_value(value)) == value
    text = f"The ministers met {written}. Nothing else happened."
    found = [t for t in find_timexes(text, anchor=Anchor.from_value(anchor)) if t.type == "DATE"]
    assert [t.value for t in found] == [value], (written, found)
    assert text[found[0].start : found[0].end] == found[0].text


_DATE_WORDS = [
    "March 19",
    "in 2015",
    "early May",
    "the summer of 2021",
    "Feb. 3, 2016",
    "2/16/2022",
    "April 23-24",
    "between 2001 and 2007",
    "late 2014",
    "the 1990s",
    "the 21st century",
    "last year",
    "two years ago",
    "five years later",
    "Tuesday",
    "10 days",
    "FY2021",
    ", ",
    " and ",
    ". ",
    "the talks",
    "\n\n",
    "Oct. 1 celebrations",
    "first half of August",
]


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(_DATE_WORDS), max_size=14).map("".join),
    anchor=st.sampled_from([None, "2015", "2015-05", "2021-10-12"]),
)
def test_properties_timex_values_are_valid_and_stable(text: str, anchor: Any) -> None:
    """Every value is a valid TIMEX3 value, and the same input gives the same values."""
    first = find_timexes(text, anchor=Anchor.from_value(anchor))
    for t in first:
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        assert is_valid_value(t.value) and "/".join(parse_value(t.value)) == t.value, t
    assert find_timexes(text, anchor=Anchor.from_value(anchor)) == first


# Readers ----------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")  # W202 on guessed code pages
@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(
    data=st.one_of(st.binary(max_size=400), messy_text.map(lambda s: s.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_properties_readers_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    p = tmp_path / f"r{suffix}"
    p.write_bytes(data)
    try:
        doc = relnlp.read(p)
    except InputError as exc:
        assert exc.code is not None and exc.code.startswith("E0")
        return
    doc.text.encode("utf-8")  # valid Unicode: no lone surrogates
    doc_offsets_in_bounds(doc)


@pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")
@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES)
@given(text=st.one_of(st.text(max_size=300), messy_text), suffix=st.sampled_from([".txt", ".md"]))
def test_properties_text_readers_return_the_file_verbatim(
    tmp_path: Path, text: str, suffix: str
) -> None:
    assume(text.strip() and "\x00" not in text and not text.startswith("\ufeff"))
    p = tmp_path / f"r{suffix}"
    p.write_bytes(text.encode("utf-8"))
    doc = relnlp.read(p)
    assert doc.text == text
    doc_offsets_in_bounds(doc)


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(tail=st.binary(max_size=300))
def test_properties_pdf_reader_on_arbitrary_bytes(tmp_path: Path, tail: bytes) -> None:
    p = tmp_path / "r.pdf"
    p.write_bytes(b"%PDF-1.4\n" + tail)
    with pytest.raises(InputError, match=r"^\[E00[67]\] "):
        relnlp.read(p)


def test_properties_scores_checked_are_not_all_zero(nlp: Any) -> None:
    """The [0, 1] checks above see real scores: the policy sentences produce them."""
    r = nlp.analyze(" ".join(_SENTENCES), doc_date="2016-03-01")
    pas = r.passages
    assert pas["cooperation"].max() > 0 and pas["tension"].max() > 0
    assert max(pas[t].max() for t in r.meta["themes"]) > 0
    assert not any(math.isnan(v) for v in pas["cooperation"])
