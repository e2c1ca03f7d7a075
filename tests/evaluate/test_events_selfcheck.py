"""The self-labelled dev events (corpora/dev/events_selfcheck.jsonl): well-formed, and
consistent with the dev reports when ../shared/dev is present (skipped otherwise)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from relnlp.events import QUAD_CLASSES

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "corpora" / "dev" / "events_selfcheck.jsonl"
DEV = ROOT.parent / "shared" / "dev" / "reports"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]


def test_labels_are_offsets_only_and_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 100 and {r["split"] for r in rows} == {"tune", "heldout", "heldout2"}
    for r in rows:
        assert set(r) == {"file", "sha256", "split", "start", "end", "events"}  # no text
        assert len(r["sha256"]) == 64 and 0 <= r["start"] < r["end"]
        for g in r["events"]:
            assert r["start"] <= g["start"] < g["end"] <= r["end"]
            assert g["class"] in QUAD_CLASSES
            joint = bool(g["parties"])  # a joint act has no source (it may have a target)
            assert not (joint and g["source"])
            assert not g["source"] or g["source"] != g["target"]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev (the dev reports) is absent")
def test_labels_match_the_dev_reports() -> None:
    import relnlp

    for name in sorted({r["file"] for r in _rows()}):
        path = DEV / name
        want = next(r["sha256"] for r in _rows() if r["file"] == name)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == want, name
        text = relnlp.read(path).text
        for r in _rows():
            if r["file"] == name:
                assert r["end"] <= len(text)
                for g in r["events"]:
                    assert text[g["start"] : g["end"]].strip() == text[g["start"] : g["end"]]
