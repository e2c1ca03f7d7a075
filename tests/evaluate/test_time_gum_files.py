"""The GUM time gold files (corpora/time_gum/*.jsonl) are well formed.

Parsing only: nothing here runs relnlp on the held-out GUM documents. Format:
corpora/time_gum/README.md and GUIDELINES.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "corpora" / "time_gum"

TYPES = {"DATE", "TIME", "DURATION", "SET"}
# TIMEX3 mods as the gold tool knows them ("" there is no mod; None here)
MODS = {None} | (load_file("corpora/tools/gold.py", "gold_tool").MODS - {""})
_CALENDAR = re.compile(
    r"(?:BC)?[\dX]{1,4}"
    r"(?:-(?:\d\d|XX|SP|SU|FA|WI|Q[1-4X]|H[12X]|W(?:\d\d|XX))"
    r"(?:-(?:\d\d|XX|WE|[1-7]))?)?"
    r"(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT))?"
)
_DURATION = re.compile(r"P(?:(?:\d+|X)(?:Y|M|W|D|DE|CE|ML))*(?:T(?:(?:\d+|X)[HMS])+)?")
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_SOURCE = re.compile(r"amir-zeldes/gum dep/(GUM_\w+)\.conllu@[0-9a-f]{40}")
_DCT = re.compile(r"\d{4}-\d\d-\d\d")
_LICENCES = {"bio": "CC BY-SA (Wikipedia)", "news": "CC BY 2.5 (Wikinews)"}


def _value_ok(kind: str, value: str) -> bool:
    if value in _REFS:
        return kind == "DATE"
    if _DURATION.fullmatch(value) and value != "P":
        return kind in {"DURATION", "SET"}
    return kind != "DURATION" and _CALENDAR.fullmatch(value) is not None


def _timex_problems(text: str, timex: dict[str, Any], previous_end: int) -> list[str]:
    where = f"timex {timex.get('text')!r} at {timex.get('start')}"
    start, end = timex.get("start"), timex.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{where}: bad offsets"]
    problems = []
    if text[start:end] != timex.get("text"):
        problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}")
    if start < previous_end:
        problems.append(f"{where}: overlaps or is out of order")
    if timex.get("type") not in TYPES:
        problems.append(f"{where}: type {timex.get('type')!r}")
    if not _value_ok(str(timex.get("type")), str(timex.get("value"))):
        problems.append(f"{where}: value {timex.get('value')!r} for {timex.get('type')}")
    if timex.get("mod") not in MODS:
        problems.append(f"{where}: mod {timex.get('mod')!r}")
    return problems


def line_problems(line: str) -> list[str]:
    """Everything wrong with one line of a time_gum file (empty list: the line is fine)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return [f"not JSON: {error}"]
    problems = []
    source = _SOURCE.fullmatch(str(record.get("source")))
    if source is None or source.group(1) != record.get("doc"):
        problems.append(f"source {record.get('source')!r} does not name {record.get('doc')!r}")
    genre = record.get("genre")
    if genre not in _LICENCES or record.get("licence") != _LICENCES[genre]:
        problems.append(f"genre {genre!r} / licence {record.get('licence')!r}")
    dct = record.get("dct")
    if not (dct is None or (isinstance(dct, str) and _DCT.fullmatch(dct))):
        problems.append(f"dct {dct!r}")
    text = record.get("text")
    if not isinstance(text, str) or not text:
        return [*problems, "no text"]
    previous_end = 0
    for timex in record.get("timexes", []):
        problems += _timex_problems(text, timex, previous_end)
        previous_end = max(previous_end, int(timex.get("end") or 0))
    return problems


def _lines() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found.append((path.name, number, line))
    return found


def test_heldout_file_is_present() -> None:
    assert (GOLD_DIR / "heldout.jsonl").is_file()


@pytest.mark.parametrize("name,number,line", _lines(), ids=lambda v: str(v)[:40])
def test_line_is_well_formed(name: str, number: int, line: str) -> None:
    assert line_problems(line) == [], f"{name}:{number}"


def test_documents_are_not_repeated() -> None:
    docs = [json.loads(line)["doc"] for _, _, line in _lines()]
    assert len(docs) == len(set(docs))


_GOOD = {
    "doc": "GUM_news_demo",
    "genre": "news",
    "source": "amir-zeldes/gum dep/GUM_news_demo.conllu@" + "0" * 40,
    "licence": "CC BY 2.5 (Wikinews)",
    "dct": "2001-02-03",
    "text": "Talks resumed on Monday after three weeks, in early 1999 and every year since.",
    "timexes": [
        {
            "start": 17,
            "end": 23,
            "text": "Monday",
            "type": "DATE",
            "value": "2001-01-29",
            "mod": None,
        },
        {
            "start": 30,
            "end": 41,
            "text": "three weeks",
            "type": "DURATION",
            "value": "P3W",
            "mod": None,
        },
        {
            "start": 46,
            "end": 56,
            "text": "early 1999",
            "type": "DATE",
            "value": "1999",
            "mod": "START",
        },
        {"start": 61, "end": 71, "text": "every year", "type": "SET", "value": "P1Y", "mod": None},
    ],
}


def test_a_written_good_line_passes() -> None:
    assert line_problems(json.dumps(_GOOD)) == []


@pytest.mark.parametrize(
    "field,bad",
    [
        ("start", 18),
        ("type", "EVENT"),
        ("value", "last Monday"),
        ("value", "P3W"),
        ("mod", "ROUGHLY"),
    ],
)
def test_a_broken_timex_is_caught(field: str, bad: object) -> None:
    record = json.loads(json.dumps(_GOOD))
    record["timexes"][0][field] = bad
    assert line_problems(json.dumps(record)) != []


def test_a_broken_record_is_caught() -> None:
    assert line_problems("{not json") != []
    for field, bad in [("source", "somewhere"), ("dct", "Monday"), ("licence", "CC0")]:
        record = dict(_GOOD, **{field: bad})
        assert line_problems(json.dumps(record)) != [], field
