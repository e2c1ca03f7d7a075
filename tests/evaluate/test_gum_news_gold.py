"""The GUM cross-corpus name files parse: well-formed marks, headers, round-trip offsets.

Parsing only: nothing here runs relnlp on the held-out GUM documents.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]
_HEADER = "# doc GUM_news_demo | date 2020-01-02 | coref/tsv commit {} | sentences 1-2 of 9".format(
    "a" * 40
)


def _tool() -> ModuleType:
    return load_file("scripts/gum_news_check.py", "gum_news_check_for_tests")


def _files() -> list[Path]:
    tool = _tool()
    return [*tool.DEVELOPED_FILES, *tool.HELDOUT_FILES]


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_file_is_well_formed(path: Path) -> None:
    assert _tool().check(path) == []


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_offsets_round_trip_and_marks_leave_no_braces(path: Path) -> None:
    for doc in _tool().load(path):
        assert doc.gold, doc.doc_id
        for a, b, kind in doc.gold:
            assert kind in {"person", "place", "organization"}
            surface = doc.text[a:b]
            assert surface and surface == surface.strip(), (doc.doc_id, surface)
        assert not any(c in doc.text for c in "{}|"), doc.doc_id


def test_heldout_covers_three_genres_and_dates() -> None:
    tool = _tool()
    docs = [d for p in tool.HELDOUT_FILES for d in tool.load(p)]
    assert {d.genre for d in docs} == {"news", "bio", "voyage"}
    # Wikinews documents carry their dateline; the others may say 'unknown' (-> None).
    assert all(d.doc_date for d in docs if d.genre == "news")
    assert all(d.doc_date is None for d in docs if d.date == "unknown")
    held = {d.doc_id for d in docs}
    developed = {d.doc_id for p in tool.DEVELOPED_FILES for d in tool.load(p)}
    assert not held & developed


def test_parse_of_a_small_document(tmp_path: Path) -> None:
    f = tmp_path / "g.txt"
    f.write_text(
        _HEADER
        + "\n{Ruritania|place} said {Anna Weiss|person} met the {Fabrikam Board|organization}"
        " of {Ruritanian|-} exporters.\n",
        encoding="utf-8",
    )
    tool = _tool()
    assert tool.check(f) == []
    (doc,) = tool.load(f)
    assert doc.doc_id == "GUM_news_demo" and doc.genre == "news" and doc.doc_date == "2020-01-02"
    assert [(doc.text[a:b], k) for a, b, k in doc.gold] == [
        ("Ruritania", "place"),
        ("Anna Weiss", "person"),
        ("Fabrikam Board", "organization"),
    ]
    assert [doc.text[a:b] for a, b in doc.ignore] == ["Ruritanian"]
    assert tool.label_counts([doc]) == {"person": 1, "place": 1, "organization": 1, "-": 1}


@pytest.mark.parametrize(
    "body, problem",
    [
        ("{Anna Weiss|persn} spoke.", "unknown type"),
        ("{Anna Weiss|person spoke.", "stray brace"),
        ("Anna Weiss|person} spoke.", "stray brace"),
        ("{ Anna Weiss|person} spoke.", "padded surface"),
        ("Nobody spoke.", "no gold name"),
    ],
)
def test_check_flags_broken_marks(tmp_path: Path, body: str, problem: str) -> None:
    f = tmp_path / "g.txt"
    f.write_text(_HEADER + "\n" + body + "\n", encoding="utf-8")
    assert any(problem in p for p in _tool().check(f))


@pytest.mark.parametrize(
    "header, problem",
    [
        (_HEADER.replace("GUM_news_demo", "news demo"), "doc id"),
        (_HEADER.replace("2020-01-02", "January 2020"), "date field"),
        (_HEADER.replace("a" * 40, "abc"), "commit field"),
        (_HEADER.replace("1-2 of 9", "5-2 of 9"), "sentence range"),
        (_HEADER.rsplit(" | ", 1)[0], "4 fields"),
    ],
)
def test_check_flags_broken_headers(tmp_path: Path, header: str, problem: str) -> None:
    f = tmp_path / "g.txt"
    f.write_text(header + "\n{Anna Weiss|person} spoke.\n", encoding="utf-8")
    assert any(problem in p for p in _tool().check(f))


def test_check_flags_a_repeated_document(tmp_path: Path) -> None:
    f = tmp_path / "g.txt"
    block = _HEADER + "\n{Anna Weiss|person} spoke.\n\n"
    f.write_text(block * 2, encoding="utf-8")
    assert any("appears twice" in p for p in _tool().check(f))
