"""The packaged seed gold equals corpora/gold.

The seed figures are tuned on this gold (README), so they are not guarded by floors here:
the regression floors are on held-out figures (tests/evaluate/test_dev_floors.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from relnlp.evaluate import scorecard as sc

ROOT = Path(__file__).resolve().parents[2]


def test_packaged_gold_matches_corpora_gold_and_seeds() -> None:
    docs = {d.doc_id: d for d in sc.load_gold()}
    src = ROOT / "corpora" / "gold"
    if not src.is_dir():
        pytest.skip("not a source checkout")
    assert {p.stem for p in src.glob("*.json")} == set(docs)
    for p in src.glob("*.json"):
        gold = json.loads(p.read_text("utf-8"))
        seed = (ROOT / "corpora" / "seeds" / f"{p.stem}.txt").read_bytes()
        assert hashlib.sha256(seed).hexdigest() == gold["sha256"]
        assert docs[p.stem].entities == gold["entities"]
        assert len(docs[p.stem].entities) > 100 and len(docs[p.stem].dates) > 20
