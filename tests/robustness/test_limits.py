"""Per-document time budget (issue 10): ``relnlp.load(time_budget_s=...)`` and E017.

The budget is checked between steps (after reading, after each parsed chunk or spaCy
batch, after each report-level component), never inside one. Steps are slowed down here
by patching a component class, so the tests do not depend on the machine's speed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

import relnlp
from relnlp import ConfigError, InputError
from relnlp.pipeline.dates import DateTagger
from relnlp.pipeline.sentences import SentenceGuard

TEXT = "Chile and Peru met in Lima on 3 March 2015. They signed a fisheries deal."


def _slow(monkeypatch: pytest.MonkeyPatch, cls: type, seconds: float) -> None:
    original = cls.__call__

    def slow_call(self: Any, doc: Any) -> Any:
        time.sleep(seconds)
        return original(self, doc)

    monkeypatch.setattr(cls, "__call__", slow_call)


@pytest.mark.parametrize("bad", [0, -1.5, "10", True, float("nan")])
def test_limits_time_budget_must_be_positive_seconds(bad: Any) -> None:
    with pytest.raises(ConfigError, match=r"^\[E106\] Parameter 'time_budget_s' must be"):
        relnlp.load(time_budget_s=bad)


def test_limits_time_budget_reuses_the_loaded_pipeline(nlp: Any) -> None:
    timed = relnlp.load(time_budget_s=30)
    assert timed is relnlp.load(time_budget_s=30.0)
    assert timed.nlp is nlp.nlp and timed.time_budget_s == 30.0
    assert nlp.time_budget_s is None  # the default: no limit


def test_limits_time_budget_stops_between_components(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    timed = relnlp.load(time_budget_s=0.5)
    _slow(monkeypatch, DateTagger, 1.0)
    with pytest.raises(InputError, match=r"^\[E017\] Document 'd1': analysis stopped") as info:
        timed.analyze(TEXT, doc_id="d1")
    err = info.value
    assert err.code == "E017" and err.doc_id == "d1" and err.budget == 0.5
    assert err.step == "the relnlp_dates component" and err.elapsed > 0.5
    assert "time budget of 0.5 s (time_budget_s)" in str(err)
    assert "checked between steps" in str(err)
    # Without a budget the same slow step completes; the analyser is still usable.
    assert len(nlp.analyze(TEXT).dates) == 1


def test_limits_time_budget_stops_after_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    chunked = relnlp.load(chunk_chars=2000)
    timed = relnlp.load(chunk_chars=2000, time_budget_s=1.0)
    assert timed.nlp is chunked.nlp
    text = "\n\n".join([TEXT * 20] * 5)  # five chunks of about 1,500 characters
    _slow(monkeypatch, SentenceGuard, 0.3)  # runs inside spaCy, once per chunk
    with pytest.raises(InputError, match=r"^\[E017\]") as info:
        timed.analyze(text, doc_id="long")
    assert info.value.step.startswith("parsing (chunk ")


def test_limits_time_budget_counts_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import relnlp.analyzer

    p = tmp_path / "r.md"
    p.write_text(TEXT, "utf-8")
    real_read = relnlp.analyzer.read

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(relnlp.analyzer, "read", slow_read)
    with pytest.raises(InputError, match=r"^\[E017\] Document 'r'") as info:
        relnlp.load(time_budget_s=0.3).analyze(p)
    assert info.value.step == "reading"


def test_limits_time_budget_is_per_document_in_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other documents' steps and the caller's own time are not charged to a document."""
    timed = relnlp.load(time_budget_s=1.0)
    _slow(monkeypatch, DateTagger, 0.6)  # each document's own time: about 0.6 s
    got = []
    # Both documents go to spaCy in one batch; the second is prepared before the first
    # is yielded, yet neither the first one's components nor the caller count for it.
    for report in timed.pipe([TEXT, "Iran and Iraq met in Baghdad on 3 March 2015."]):
        got.append(report.doc_id)
        time.sleep(1.2)  # the caller's work between reports
    assert len(got) == 2


@pytest.mark.issue(10)
def test_issue10_spacy_batches_are_bounded_in_characters(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of 16 chunks of 100,000 characters needed 3 GB; a batch now holds at most
    BATCH_CHARS characters (or one chunk), and short reports still go 16 at a time."""
    from relnlp import analyzer

    monkeypatch.setattr(analyzer, "BATCH_CHARS", 5000)  # scaled down: 1/40
    small = relnlp.load(chunk_chars=2500)
    seen: list[tuple[int, int]] = []
    real_pipe = small.nlp.pipe

    def spy(texts: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("as_tuples"):
            texts = list(texts)
            seen.append((len(texts), sum(len(t) for t, _c in texts)))
            assert kwargs["batch_size"] == len(texts)
        return real_pipe(texts, *args, **kwargs)

    monkeypatch.setattr(small.nlp, "pipe", spy)
    short = "Iran and Iraq met in Baghdad on 3 March 2015.\n\n"
    long = short * 100  # 4,800 characters: two chunks
    got = list(small.pipe([long, short, long] + [short] * 40, batch_size=16))
    assert [len(r.text) for r in got] == [len(long), len(short), len(long)] + [len(short)] * 40
    assert all(n == 1 or chars <= 5000 for n, chars in seen), seen
    assert max(n for n, _c in seen) == 16  # short reports: the caller's batch size
    assert sum(n for n, _c in seen) == 2 + 1 + 2 + 40  # every chunk parsed once


def test_char_batches_groups_by_count_and_characters() -> None:
    from relnlp.analyzer import _char_batches

    items = [("a" * n, k) for k, n in enumerate([5, 5, 5, 2, 1, 1, 1, 1])]
    groups = [[k for _t, k in g] for g in _char_batches(items, 3, 12, 5)]
    assert groups == [[0, 1], [2, 3, 4], [5, 6, 7]]  # a next item of up to 5 always fits
    assert [[k for _t, k in g] for g in _char_batches(items[:2], 3, 4, 5)] == [[0], [1]]
    assert list(_char_batches([], 3, 12, 5)) == []


def test_char_batches_never_read_ahead_and_keep_what_came_before_an_error() -> None:
    from relnlp.analyzer import _char_batches

    read: list[int] = []

    def items() -> Any:
        for k in range(3):
            read.append(k)
            yield ("abc", k)
        raise ValueError("unreadable")

    gen = _char_batches(items(), 2, 100, 10)
    assert [k for _t, k in next(gen)] == [0, 1] and read == [0, 1]  # item 2 not read yet
    assert [k for _t, k in next(gen)] == [2]  # read before the error: still handed over
    with pytest.raises(ValueError, match="unreadable"):
        next(gen)


def test_pipe_yields_every_report_read_before_a_bad_item(nlp: Any) -> None:
    texts = [f"Report {i}: Russia and China met in Moscow." for i in range(5)] + [None, "later"]
    got = []
    with pytest.raises(TypeError, match="E001"):
        for r in nlp.pipe(texts, batch_size=16):
            got.append(r.text)
    assert got == texts[:5]
