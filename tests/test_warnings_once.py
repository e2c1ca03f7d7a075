"""A warning repeated for every document of a pipe or batch call is given once, counted
(issue 19); a single-text call keeps its own warning."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from relnlp.cli import app
from relnlp.errors import RelnlpWarning

# Year-less dates and no report date: nothing can anchor them (W201). Written for this test.
UNDATED = [
    "The envoys of both capitals resumed their talks on June 3.",
    "A ceasefire monitoring mission was deployed on 14 October.",
    "Finance ministers agreed on a new credit line on August 21.",
    "Border crossings reopened on 2 February after the floods.",
]


def _caught(fn: Any) -> tuple[Any, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    return result, [w for w in caught if issubclass(w.category, RelnlpWarning)]


def test_pipe_warns_once_per_call_with_a_count(nlp: Any) -> None:
    reports, caught = _caught(lambda: list(nlp.pipe(UNDATED)))
    assert len(reports) == len(UNDATED)
    assert len(caught) == 1, [str(w.message) for w in caught]
    w = caught[0].message
    assert str(w).startswith("[W201]") and "3 more document(s) of this call" in str(w)
    assert isinstance(w, RelnlpWarning) and w.count == len(UNDATED)
    # Documents with a date given raise nothing; only the undated ones are counted.
    items = [(t, None, "2020-01-01" if i % 2 else None) for i, t in enumerate(UNDATED)]
    _r, caught = _caught(lambda: list(nlp.pipe(items, as_tuples=True)))
    assert [w.message.count for w in caught] == [2]


def test_single_text_calls_keep_their_warning(nlp: Any) -> None:
    for text in UNDATED[:2]:
        _r, caught = _caught(lambda text=text: nlp.analyze(text, doc_id="one"))
        assert len(caught) == 1
        msg = str(caught[0].message)
        assert msg.startswith("[W201]") and "'one'" in msg and "more document" not in msg
    _r, caught = _caught(lambda: list(nlp.pipe(UNDATED[:1])))
    assert len(caught) == 1 and "more document" not in str(caught[0].message)


def test_batch_call_warns_once_per_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(UNDATED):
        (src / f"note{i}.txt").write_text(text + "\n", encoding="utf-8")
    res = CliRunner().invoke(
        app, ["batch", str(src), "--out", str(tmp_path / "out"), "--only", "dates", "--no-progress"]
    )
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("warning:")]
    assert lines == [
        f"warning: [W218] W201 was given for {len(UNDATED)} document(s) of this "
        "batch call; the counts per code are in manifest.json (counts.warnings)."
    ]
    from relnlp import batch

    with pytest.warns(RelnlpWarning, match=r"\[W218\] W201 .* 4 document"):
        batch.run([src], tmp_path / "api", only="dates", progress=False)
