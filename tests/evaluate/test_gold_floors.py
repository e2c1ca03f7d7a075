"""Regression floors on the packaged gold corpus (figures in README, measured 2026-11-25).

Each floor sits a little below the measured value, so a change that makes relnlp worse on
the gold fails here. Themes are scored with the held-out fold models (leave-one-document-
out), never with the model trained on the report being scored.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from relnlp.evaluate import scorecard as sc

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {
    ("entities", "F1 micro (strict)"): 0.92,
    ("entities", "canonical accuracy (matched spans)"): 0.95,
    ("dates", "extraction F1 (strict)"): 0.96,
    ("dates", "value F1"): 0.95,
    # themes-v2 (issue 18) is trained on the seeds and six development reports and selected
    # on pooled leave-one-document-out macro-F1 over all eight (0.831, was 0.710): on the two
    # seeds alone it scores 0.862, below the seeds-only themes-v1 (0.909, selected on them).
    ("themes", "F1 macro"): 0.85,
    ("cooperation", "Spearman rho"): 0.55,
    ("tension", "Spearman rho"): 0.70,
}


@pytest.fixture(scope="module")
def card(nlp: Any) -> dict[tuple[str, str], float]:
    docs = sc.load_gold()
    df = sc.scorecard(docs, {"relnlp": sc.relnlp_system(nlp)})
    return {(r.task, r.metric): r.value for r in df.itertuples()}


@pytest.mark.parametrize(("key", "floor"), list(FLOORS.items()), ids=lambda v: str(v))
def test_gold_score_floor(card: dict[tuple[str, str], float], key: tuple[str, str], floor: float) -> None:
    assert card[key] >= floor, f"{key}: {card[key]:.3f} < floor {floor}"


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
