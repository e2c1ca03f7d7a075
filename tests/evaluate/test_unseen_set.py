"""The ``unseen`` set: its own data folder, its gold format, and the rows it returns."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from relnlp.evaluate import sets, unseen

# Written for this test: two short paragraphs, one on terrorism, one on trade.
TEXT = (
    "Regional security services arrested twelve members of a jihadist cell that was "
    "planning bombings, and the interior ministries agreed to share intelligence on "
    "foreign fighters.\n\n"
    "The two governments signed a trade agreement that lowers tariffs on grain and "
    "opens a new rail freight route for exporters.\n"
)


def _passage(start: int, end: int, block: int, theme: str, coop: int) -> dict[str, object]:
    return {
        "start": start,
        "end": end,
        "kind": "paragraph",
        "blocks": [block],
        "themes": [theme],
        "cooperation": coop,
        "tension": 1,
    }


def _write_set(root: Path, events: list[dict[str, object]] | None = None) -> Path:
    (root / "reports").mkdir(parents=True)
    (root / "reports" / "r1.md").write_text(TEXT, "utf-8", newline="")
    cut = TEXT.index("\n\n")
    gold = root / "gold"
    gold.mkdir()
    doc = {
        "doc_id": "r1",
        "doc_date": "2024-05-01",
        "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        "n_chars": len(TEXT),
        "file": "r1.md",
        "layers": ["passages"] + (["events"] if events is not None else []),
        "entities": [],
        "dates": [],
        "passages": [
            _passage(0, cut, 1, "counterterrorism", 2),
            _passage(cut + 2, len(TEXT) - 1, 2, "geoeconomics", 3),
        ],
        **({"events": events} if events is not None else {}),
    }
    (gold / "r1.json").write_text(json.dumps(doc), "utf-8")
    return gold


def test_unseen_set_reads_its_own_folder_and_labels_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    gold = _write_set(tmp_path)
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path))
    frame = unseen.run(None, nlp=nlp, gold=gold)
    assert set(frame["set"]) == {"unseen"} and set(frame["split"]) == {unseen.SPLIT}
    assert frame.attrs["documents"] == ["r1"]
    themes = frame[frame["task"] == "themes"]
    # relnlp and the keyword dictionary side by side, on the two gold passages.
    assert {"relnlp", "keywords"} <= set(themes["system"])
    assert set(themes["n"].dropna()) == {2}
    assert not frame[frame["task"] == "entities"].shape[0]  # no entity layer annotated


def test_unseen_set_is_skipped_with_a_reason_when_texts_are_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = _write_set(tmp_path / "x")
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path / "elsewhere"))
    with pytest.raises(sets.SetUnavailable, match="no unseen reports at"):
        unseen.run(None, gold=gold)
    # A text that is not the one annotated is an input error, not a silent score.
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path / "x"))
    (tmp_path / "x" / "reports" / "r1.md").write_text(TEXT + "changed", "utf-8")
    with pytest.raises(Exception, match="sha256|differs|E014"):
        unseen.run(None, gold=gold)


def test_run_set_does_not_need_the_development_folder_for_unseen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path / "none"))
    with pytest.raises(sets.SetUnavailable, match="unseen"):
        sets.run_set("unseen", None)


def test_unseen_events_are_scored_beside_the_first_two_names_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    at = TEXT.index("signed")
    event = {
        "start": at,
        "end": at + len("signed"),
        "text": "signed",
        "class": "verbal_cooperation",
        "source": "",
        "target": "",
        "parties": ["-"],
        "date": "",
    }
    gold = _write_set(tmp_path, events=[event])
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path))
    frame = unseen.run(None, nlp=nlp, gold=gold)
    ev = frame[frame["task"] == "events"]
    assert set(ev["set"]) == {"unseen"} and set(ev["split"]) == {unseen.SPLIT}
    assert {"relnlp", "first-two-names"} <= set(ev["system"])
    assert set(ev["n"][ev["metric"].str.contains("all gold")]) == {1}
