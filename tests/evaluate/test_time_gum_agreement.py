"""scripts/time_gum_agreement.py: agreement figures and disagreement lists on written records."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The fair opened on Monday and ran for three weeks, as in early 1999."


def _tool() -> ModuleType:
    return load_file("scripts/time_gum_agreement.py", "time_gum_agreement_for_tests")


def _tx(surface: str, typ: str, value: str, mod: str | None = None) -> dict[str, Any]:
    start = TEXT.index(surface)
    end = start + len(surface)
    return {"start": start, "end": end, "text": surface, "type": typ, "value": value, "mod": mod}


def _record(*timexes: dict[str, Any]) -> dict[str, Any]:
    return {"doc": "GUM_news_demo", "dct": "2001-02-07", "text": TEXT, "timexes": list(timexes)}


A = _record(
    _tx("Monday", "DATE", "2001-02-05"),
    _tx("three weeks", "DURATION", "P3W"),
    _tx("early 1999", "DATE", "1999", "START"),
)
B = _record(
    _tx("Monday", "DATE", "2001-02-05"),
    _tx("weeks", "DURATION", "PXW"),
    _tx("early 1999", "DATE", "1999"),
    _tx("fair", "DATE", "XXXX"),
)


def test_scores_count_strict_relaxed_value_and_mod() -> None:
    s = _tool().agreement([A], [B])
    assert (s["n_gold"], s["n_pred"]) == (3, 4)
    assert s["strict_f1"] == pytest.approx(2 * 2 / 7)
    assert s["relaxed_f1"] == pytest.approx(2 * 3 / 7)
    assert s["type_accuracy"] == 1.0
    assert s["value_accuracy"] == pytest.approx(2 / 3)
    assert s["value_mod_accuracy"] == pytest.approx(1 / 3)


def test_identical_annotations_agree_fully() -> None:
    s = _tool().agreement([A], [A])
    assert s["strict_f1"] == s["relaxed_f1"] == s["value_mod_accuracy"] == 1.0


def test_disagreements_name_each_kind() -> None:
    lines = _tool().disagreements(A, B)
    assert len(lines) == 3
    assert any("only B" in x and "'fair'" in x for x in lines)
    assert any("differ" in x and "'three weeks'" in x and "'weeks'" in x for x in lines)
    assert any("differ" in x and "START" in x for x in lines)
    assert not any("Monday" in x for x in lines)


def test_main_refuses_different_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps(A) + "\n", encoding="utf-8")
    b.write_text(json.dumps({**B, "text": TEXT.upper()}) + "\n", encoding="utf-8")
    assert _tool().main([str(a), str(b)]) == 1
    b.write_text(json.dumps(B) + "\n", encoding="utf-8")
    assert _tool().main([str(a), str(b), "--list"]) == 0
    assert "| **pooled** | 3 | 4 |" in capsys.readouterr().out
