"""Anchoring by tense (relnlp.timex.tense) and the rules added with it, on sentences written
for these tests (none comes from the seeds, the development reports or TimeBank/AQUAINT).

Each test pins one rule: which occurrence of a year-less date or a bare weekday a news
sentence means, read from how it is said, and the TimeML values of the expressions added
in the same change (recurring weekdays, spelled years after a month, decades and centuries
counted from the document's date, "N more years").
"""

from __future__ import annotations

import pytest

from relnlp.timex import Anchor, find_timexes
from relnlp.timex.tense import DEADLINE, FUTURE, PAST, PRESENT, local_tense

# 2019-06-10 is a Monday.
DCT = "2019-06-10"


def values(text: str, doc_date: str = DCT) -> list[tuple[str, str, str]]:
    return [
        (t.text, t.type, t.value) for t in find_timexes(text, anchor=Anchor.from_value(doc_date))
    ]


def tense_of(sentence: str, expression: str) -> str | None:
    at = sentence.index(expression)
    return local_tense(sentence, 0, len(sentence), at, at + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("The refinery closed in September.", "September", PAST),
        ("The refinery will reopen in March.", "March", FUTURE),
        ("Dividends will be paid Jan. 15 to holders of record.", "Jan. 15", FUTURE),
        ("The vote had been scheduled for Friday.", "Friday", PAST),
        ("Bids are accepted until Aug. 2.", "Aug. 2", DEADLINE),
        ("The agency has cut rates in April.", "April", PRESENT),
        ("No tanker has docked since Feb. 3.", "Feb. 3", PAST),
        ("Officials will review the May 28 collapse.", "May 28", PRESENT),
        ("In March, the mill was sold.", "March", PAST),
        ("Ferries in March.", "March", None),
    ],
)
def test_local_tense_reads_the_nearest_cue(
    sentence: str, expression: str, tense: str | None
) -> None:
    assert tense_of(sentence, expression) == tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # said in the past: the last such month before the document's date
        ("The refinery closed in September.", ("September", "DATE", "2018-09")),
        # said in the future: the next one
        ("The refinery will reopen in March.", ("March", "DATE", "2020-03")),
        ("Dividends will be paid Jan. 15 to holders of record.", ("Jan. 15", "DATE", "2020-01-15")),
        # a deadline a few months ahead is ahead
        ("Bids are accepted until Aug. 2.", ("Aug. 2", "DATE", "2019-08-02")),
        ("Bids are accepted until Dec. 20.", ("Dec. 20", "DATE", "2019-12-20")),
        # present tense: ahead only when close
        ("The new tariff takes effect July 1.", ("July 1", "DATE", "2019-07-01")),
        ("The agency has cut rates in April.", ("April", "DATE", "2019-04")),
        # "since" looks back, whatever else the sentence says
        ("No tanker has docked since Feb. 3, and none will.", ("Feb. 3", "DATE", "2019-02-03")),
        # a day naming an event is the nearer occurrence
        ("Officials will review the May 28 collapse.", ("May 28", "DATE", "2019-05-28")),
    ],
)
def test_year_less_dates_follow_their_tense(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text)[0] == expected


def test_a_title_abbreviation_does_not_cut_the_sentence_its_tense_is_read_from() -> None:
    # the verb after "vs." decides: January before an October report, not the next one
    text = "In January, a week after the Ortiz vs. Lang ruling, the court adjourned."
    assert values(text, "2019-10-25")[0] == ("January", "DATE", "2019-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said Thursday that talks would continue.",
            ("Thursday", "DATE", "2019-06-06"),
        ),
        ("The committee is scheduled to vote Wednesday.", ("Wednesday", "DATE", "2019-06-12")),
        ("The offer had been scheduled to expire Friday.", ("Friday", "DATE", "2019-06-07")),
        (
            "The port stays closed until 6 p.m. Thursday.",
            ("6 p.m. Thursday", "TIME", "2019-06-13T18:00"),
        ),
    ],
)
def test_weekdays_follow_their_tense(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text)[0] == expected


def test_comparison_points_do_not_chain() -> None:
    # "a year earlier" twice in a row: both count from the quarter discussed, not from
    # each other (the second is not 2017)
    text = (
        "Sales rose 4% in the second quarter. A year earlier they had fallen. "
        "Costs were lower than a year earlier."
    )
    assert [v for _, _, v in values(text)] == ["2019-Q2", "2018-Q2", "2018-Q2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The market opens on Saturdays.", [("Saturdays", "SET", "XXXX-WXX-6")]),
        ("Choirs rehearse Tuesday evenings.", [("Tuesday evenings", "SET", "XXXX-WXX-2TEV")]),
        (
            "Prices peaked in March nineteen ninety-one.",
            [("March nineteen ninety-one", "DATE", "1991-03")],
        ),
        (
            "Snow closed it in the winter of nineteen eighty-two.",
            [("the winter of nineteen eighty-two", "DATE", "1982-WI")],
        ),
        ("Growth was slow over the last decade.", [("the last decade", "DATE", "200")]),
        ("Few such bridges were built this century.", [("this century", "DATE", "20")]),
        (
            "Sales in the current fiscal year will rise.",
            [("the current fiscal year", "DATE", "2019")],
        ),
        (
            "The lease runs for at least 15 more years.",
            [("at least 15 more years", "DURATION", "P15Y")],
        ),
        ("The feud lasted a few decades.", [("a few decades", "DURATION", "PXDE")]),
        (
            "Losses narrowed in the last half of 2017.",
            [("the last half of 2017", "DATE", "2017-H2")],
        ),
        # ages are not durations in TimeML; a bare "Jan" before a name is the name
        ("A 9-year-old girl and a 40-year-old driver were hurt.", []),
        ("Jan Novak and Oct Berg met the mayor.", []),
    ],
)
def test_values_added_with_the_tense_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


def test_a_limit_told_in_the_past_perfect_lies_before_the_report() -> None:
    # "until <day>, <subject> had ...": the limit is a past reference time
    assert tense_of("Until Wednesday, the ministry had not named a winner.", "Wednesday") == PAST
    assert values("Until Wednesday, the ministry had not named a winner.")[-1] == (
        "Wednesday",
        "DATE",
        "2019-06-05",
    )
    # a limit in the present or future stays ahead of the report
    assert tense_of("The border stays closed until Wednesday.", "Wednesday") == DEADLINE
    assert values("The border stays closed until Wednesday.")[-1][2] == "2019-06-12"
    # a past perfect elsewhere in the sentence does not move the limit
    sentence = "The loan, which had been expected, is to be repaid by February."
    assert tense_of(sentence, "February") == DEADLINE


def test_a_plan_reported_in_the_past_tense_keeps_its_date_near_the_report() -> None:
    # "was scheduled for July" in a June report: the coming July, not last year's
    sentence = "The envoy said the signing was scheduled for July, but no day was set."
    assert tense_of(sentence, "July") == PRESENT
    assert ("July", "DATE", "2019-07") in values(sentence)
    # the past perfect still puts the plan behind the report
    assert tense_of("The signing had been scheduled for July.", "July") == PAST


# --- fifth pass (dates5): a plan or an order reported in the past -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2019-06-10: August is two months ahead, the act announced is to come
        ("The insurer announced a deal to buy the lender in August.", "2019-08"),
        ("The judge ordered the minister to appear on July 2.", "2019-07-02"),
        ("Lawmakers summoned the envoy to testify in July.", "2019-07"),
        # far ahead, the nearest such date is the last one
        ("The court asked both sides to file papers in March.", "2019-03"),
    ],
)
def test_a_plan_or_order_reported_in_the_past_reads_as_the_present(
    text: str, expected: str
) -> None:
    assert values(text)[-1][2] == expected


def test_a_past_act_with_to_is_still_past() -> None:
    # "sold shares to investors": no plan, no order; August is last year's
    assert values("The bank sold shares to investors in August.")[-1][2] == "2018-08"


def test_cue_look_ahead_keeps_every_cue() -> None:
    """The cue pattern's leading look-ahead only rejects positions no cue can start at:
    its matches equal those of the same pattern without it."""
    import re
    import string
    import sys

    from relnlp.timex.tense import _CUE

    prefix = _CUE.pattern[: _CUE.pattern.index("(?:") + 3]
    assert prefix.startswith("(?=") and _CUE.pattern.endswith(")")
    bare = re.compile(_CUE.pattern[len(prefix) : -1], _CUE.flags)
    sentences = [
        "They'll decide; WE'LL see. The board WILL vote and Ministers Said it was done.",
        "Delegates wo n't sign, and he won't either: the 2nd-round vote is to be held.",
        "The ferry, which sailed (reportedly) at 06:40, had docked; re-opened ports say so.",
        "Officials asked the two sides to resume talks; a deal to swap prisoners looms.",
        "\u212aiev \u017fAID it. \u0130T WAS a re-routed convoy that May might delay.",
        "unrelated 'quoted' words, under_scores and x1ed tokens, then ed. and 'll alone",
    ]
    for s in sentences:
        for lo in range(0, len(s), 7):  # windows cut mid-word as well
            window = s[lo:]
            assert [(m.span(), m.groupdict()) for m in _CUE.finditer(window)] == [
                (m.span(), m.groupdict()) for m in bare.finditer(window)
            ]
    # every character that a letter of the pattern matches (ignoring case) passes the
    # look-ahead at a word start: derived over all of Unicode
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    head = re.compile(prefix[:-3], _CUE.flags)
    for letter in string.ascii_lowercase:
        found = re.compile(letter, _CUE.flags).findall(everything)
        assert len(found) >= 2 and all(head.match(c) for c in found), letter
