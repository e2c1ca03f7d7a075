"""Issue 16, tenth pass: biographies and histories (ages, life dates, "c."/"around" with a
three-digit year, "about 40 years later"), "soon" in a past narrative, "as recently as",
a year before a quoted name, a holiday inside a title, and the GUM time scorer. Sentences
written for these tests (none comes from the seeds, the development reports, TimeBank/AQUAINT
or the GUM documents).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from relnlp.timex import Anchor, find_timexes
from tests._files import load_file

ROOT = Path(__file__).resolve().parents[1]
DCT = "2011-11-16"


def found(text: str, doc_date: str | None = None) -> list[tuple[str, str, str, str | None]]:
    anchor = Anchor.from_value(doc_date) if doc_date else Anchor()
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an age said as a phrase of its own is a DURATION (the preposition stays out)
        ("She took holy orders at the age of nineteen.", [("the age of nineteen", "P19Y")]),
        ("By the age of 12 he played the organ in church.", [("the age of 12", "P12Y")]),
        ("The painter, aged 63, left for Rome.", [("aged 63", "P63Y")]),
        ("He had studied the lute from age eight.", [("age eight", "P8Y")]),
        ("Lambs aged 10 weeks were sold at the fair.", [("aged 10 weeks", "P10W")]),
    ],
)
def test_ages_are_durations(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, typ, v, _ in found(sentence) if typ == "DURATION"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Age 40 was the median in the survey.",  # a table heading, no preposition
        "The retirement age of 65 was raised.",  # an age limit, no "the age of"
        "See page 12 and the stage 3 report.",  # "age" inside another word
        "A 52-year-old farmer and his son, 20 years old, were hurt.",  # TimeBank: no TIMEX3
    ],
)
def test_what_is_no_age(sentence: str) -> None:
    assert [t for t, typ, _, _ in found(sentence) if typ == "DURATION"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "mod"),
    [
        ("Gregory of Nyssa (c. 335 – 395) wrote on the soul.", "0335/0395", "APPROX"),
        ("The abbess Hilda (614–680) founded the house.", "0614/0680", None),
        ("Bishop Ulrich (c. 1120–1184) built the nave.", "1120/1184", "APPROX"),
    ],
)
def test_life_dates_in_parentheses(sentence: str, value: str, mod: str | None) -> None:
    assert [(v, m) for _, typ, v, m in found(sentence) if typ == "DATE"] == [(value, mod)]


def test_life_dates_follow_timeml_ends() -> None:
    from relnlp.timex.timeml import timeml_spans

    text = "The chronicler Widukind (c. 925 – 973) served at Corvey."
    ts = [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
        for t in find_timexes(text, anchor=Anchor())
    ]
    assert [(text[t["start"] : t["end"]], t["value"]) for t in timeml_spans(text, ts)] == [
        ("c. 925", "0925"),
        ("973", "0973"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The fort held (300–400) men.",  # no name before the parenthesis: a count
        "The Ardennes (500–900) were fought over.",  # a range longer than a life or reign
    ],
)
def test_what_are_no_life_dates(sentence: str) -> None:
    assert [v for _, typ, v, _ in found(sentence) if typ == "DATE"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 612 the abbey burned; it was rebuilt around 640.",
            [("612", "0612", None), ("around 640", "0640", "APPROX")],
        ),
        ("The chapel was consecrated c. 780 at the ford.", [("c. 780", "0780", "APPROX")]),
        ("The relics came circa 905, and the town grew.", [("circa 905", "0905", "APPROX")]),
    ],
)
def test_approximate_three_digit_years(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(t, v, m) for t, _, v, m in found(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "doc_date"),
    [
        ("The hall seats around 500, and about 300 came.", None),  # counts, no story year
        ("The regiment had about 700 in 2010.", DCT),  # far from the year the text tells
    ],
)
def test_around_a_count_is_no_year(sentence: str, doc_date: str | None) -> None:
    assert [
        t for t, _, _, _ in found(sentence, doc_date) if t.startswith(("around", "about"))
    ] == []


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        (
            "The mill opened in 1822. About 40 years later it closed.",
            "About 40 years later",
            "1862",
            "APPROX",
        ),
        (
            "The treaty was signed in 1648; some 30 years later war resumed.",
            "some 30 years later",
            "1678",
            "APPROX",
        ),
        (
            "The canal was dug in 1790 and widened more than 60 years later.",
            "more than 60 years later",
            "1850",
            "AFTER",
        ),
    ],
)
def test_modified_offsets_of_a_story(sentence: str, span: str, value: str, mod: str) -> None:
    assert (span, "DATE", value, mod) in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("In 1640 the harvest failed, and riots soon spread to the towns.", "1640"),
        ("The duke fell ill in 1703 and soon died.", "1703"),
    ],
)
def test_soon_in_a_past_narrative_is_no_future(sentence: str, year: str) -> None:
    assert [t for t, _, _, _ in found(sentence)] == [year]


def test_soon_ahead_stays_future() -> None:
    assert ("soon", "DATE", "FUTURE_REF", None) in found("The port will reopen soon.", DCT)


def test_as_recently_as_a_date() -> None:
    assert [t for t, _, _, _ in found("The ferry ran as recently as 1987.")] == ["1987"]
    assert ("recently", "DATE", "PAST_REF", None) in found("The ferry has recently stopped.", DCT)


def test_a_year_before_a_quoted_name() -> None:
    assert [(t, v) for t, _, v, _ in found('She won the paper\'s 1997 "Young Writer" prize.')] == [
        ("1997", "1997")
    ]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("He starred in The Christmas Ballroom that winter.", []),
        ("The band played Easter Parade Blues at the fair.", []),
        ("The shops closed on Christmas Day and reopened.", ["Christmas Day"]),
        ("They went to Easter Sunday Mass in the cathedral.", ["Easter Sunday"]),
    ],
)
def test_a_holiday_inside_a_title(sentence: str, spans: list[str]) -> None:
    assert [t for t, _, _, _ in found(sentence, DCT)] == spans


# -- the GUM time scorer ------------------------------------------------------------------


def _checker() -> ModuleType:
    return load_file("scripts/time_gum_check.py", "time_gum_check")


def _tx(text: str, span: str, value: str) -> dict[str, object]:
    start = text.index(span)
    return {
        "start": start,
        "end": start + len(span),
        "text": span,
        "type": "DATE",
        "value": value,
        "mod": None,
    }


def _write_gold(path: Path) -> None:
    bio = "Ada Brook\n\nAda Brook (born 3 May 1901) sailed in 1925. Two years later she wrote."
    news = "Port reopens\n\nMonday, June 6, 2016\n\nThe port reopened on Friday."
    docs = [
        {
            "doc": "GUM_bio_x",
            "genre": "bio",
            "dct": None,
            "text": bio,
            "timexes": [
                _tx(bio, "3 May 1901", "1901-05-03"),
                _tx(bio, "1925", "1925"),
                _tx(bio, "Two years later", "1927"),
            ],
        },
        {
            "doc": "GUM_news_x",
            "genre": "news",
            "dct": "2016-06-06",
            "text": news,
            "timexes": [
                _tx(news, "Monday, June 6, 2016", "2016-06-06"),
                _tx(news, "Friday", "2016-06-03"),
            ],
        },
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_gum_scorer_scores_per_genre(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = _checker()
    path = tmp_path / "tiny.jsonl"
    _write_gold(path)
    gold = mod.read_gold(path)
    assert [(g, d.dct) for g, d in gold] == [("bio", ""), ("news", "2016-06-06")]
    rows, preds, _secs = mod.score(gold, mod.relnlp_timebank())
    assert sorted(rows) == ["all", "bio", "news"]
    assert rows["bio"]["n_gold"] == 3 and rows["news"]["n_gold"] == 2 and rows["all"]["n_gold"] == 5
    assert rows["all"]["value_f1"] == pytest.approx(1.0)
    assert mod.errors(gold[0][1], preds[0]) == []
    assert mod.main(["--file", str(path), "--no-baselines"]) == 0
    assert "| all | relnlp | 5 | 5 | 1.000 |" in capsys.readouterr().out


def test_gum_scorer_rejects_bad_offsets_and_errors_on_heldout(tmp_path: Path) -> None:
    mod = _checker()
    path = tmp_path / "bad.jsonl"
    doc = {
        "doc": "d",
        "genre": "bio",
        "dct": None,
        "text": "In 1925 she sailed.",
        "timexes": [{"start": 0, "end": 4, "text": "1925", "type": "DATE", "value": "1925"}],
    }
    # "In 1925"[0:4] is "In 1", not "1925"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="offsets"):
        mod.read_gold(path)
    with pytest.raises(SystemExit):
        mod.main(["--heldout", "--errors"])


def test_gum_scorer_lists_misses_and_extras() -> None:
    from relnlp.evaluate.timebank import TimeDoc

    mod = _checker()
    doc = TimeDoc(
        "d",
        "In 1925 and 1926.",
        "",
        [{"start": 3, "end": 7, "text": "1925", "type": "DATE", "value": "1925"}],
    )
    pred = [
        {"start": 3, "end": 7, "type": "DATE", "value": "1924"},
        {"start": 12, "end": 16, "type": "DATE", "value": "1926"},
    ]
    assert mod.errors(doc, pred) == [
        "  gold '1925'=1925 DATE -> '1925'=1924",
        "  extra '1926'=1926 DATE",
    ]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        # a decimal length is kept as ISO 8601 writes it (it was cut to its integer part)
        ("The overhaul took 1.5 years.", "1.5 years", "P1.5Y", None),
        ("Exports stalled for 3.5 months.", "3.5 months", "P3.5M", None),
        ("The hearing lasted more than 4.5 hours.", "more than 4.5 hours", "PT4.5H", "MORE_THAN"),
        # a range of lengths keeps its start's value and no mod (TimeBank is split on it)
        ("The convoy waited four to five days.", "four to five days", "P4D", None),
        ("Repairs need between 1.5 and 2 years.", "between 1.5 and 2 years", "P1.5Y", None),
        (
            "Payment is due in about two to three weeks.",
            "about two to three weeks",
            "P2W",
            "APPROX",
        ),
    ],
)
def test_decimal_lengths_and_length_ranges(sentence: str, span: str, value: str, mod: str) -> None:
    assert (span, "DURATION", value, mod) in found(sentence, DCT)


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("In his twenties the poet lived in Lyon.", []),
        ("By her late thirties she ran the estate.", []),
        ("Jazz spread quickly in the twenties.", ["the twenties"]),
    ],
)
def test_an_age_decade_is_no_date(sentence: str, spans: list[str]) -> None:
    assert [t for t, _, _, _ in found(sentence)] == spans
