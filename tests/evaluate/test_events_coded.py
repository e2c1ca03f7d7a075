"""The events-news evaluation set: halves by line parity and the figures of a half, on a
file written here (the set itself needs ../shared/dev)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relnlp.evaluate.events_coded import read_half, score, strongest


def _tsv(tmp_path: Path) -> Path:
    p = tmp_path / "coded.tsv"
    p.write_text(
        "text\tlabel\n"
        "A met B.\tverbal_cooperation\n"  # row 1: odd
        "A shelled B.\tmaterial_conflict\n"  # row 2: even
        "A said so.\tstatement\n"  # row 3: odd
        "A sent aid to B.\tmaterial_cooperation\n"  # row 4: even
        "Nothing happened.\tmaterial_conflict\n",  # row 5: odd
        "utf-8",
    )
    return p


def test_halves_split_by_line_parity(tmp_path: Path) -> None:
    p = _tsv(tmp_path)
    assert [r[0] for r in read_half(p, "even")] == [2, 4]
    assert [r[0] for r in read_half(p, "odd")] == [1, 3, 5]
    assert [r[0] for r in read_half(p, "odd", sample=2)] == [1, 3]


def _ev(type_: str, gold: float, source: str | None, target: str | None) -> dict[str, object]:
    parties = [a for a in (source, target) if a]
    return {
        "type": type_,
        "goldstein": gold,
        "source": source,
        "target": target,
        "parties": parties,
        "cameo": "04" if gold > 0 else "19",
    }


def test_score_counts_found_class_and_actors(tmp_path: Path) -> None:
    rows = read_half(_tsv(tmp_path), "odd")
    preds = [
        [_ev("verbal_cooperation", 1.0, "A", "B")],  # found, right class, both actors
        [],  # a statement: not among the quad sentences
        [_ev("verbal_cooperation", 1.0, "A", None), _ev("material_conflict", -10.0, "A", None)],
    ]
    figs = score(rows, preds)
    assert figs["n_quad"] == 2
    assert figs["found"] == 1.0
    assert figs["class"] == 1.0  # the strongest event of row 5 is the material conflict
    assert figs["actors"] == pytest.approx(0.5)
    assert figs["statement_found"] == 0.0
    assert strongest([]) is None
