"""The scorecard end to end on a tiny hand-made gold set (tests/data/gold_mini)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from relnlp.cli import app
from relnlp.evaluate import scorecard as sc
from relnlp.evaluate.baselines import keyword_baseline, vader_baseline
from tests.conftest import DATA

MINI = DATA / "gold_mini"


def test_scorecard_load_gold_checks_hash(tmp_path: Path) -> None:
    docs = sc.load_gold(MINI)
    assert [d.doc_id for d in docs] == ["mini"]
    assert docs[0].text[docs[0].entities[0]["start"] : docs[0].entities[0]["end"]] == "Norway"
    bad = tmp_path / "g"
    shutil.copytree(MINI, bad)
    (bad / "mini.txt").write_text("changed text", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[E014\]"):
        sc.load_gold(bad)


def test_scorecard_perfect_system_scores_one() -> None:
    docs = sc.load_gold(MINI)

    def oracle(d: sc.GoldDoc) -> sc.Prediction:
        return sc.Prediction(
            entities=[dict(e) for e in d.entities],
            dates=[dict(x) for x in d.dates],
            passages=[
                {**p, "cooperation": p["cooperation"] / 3, "tension": p["tension"] / 3}
                for p in d.passages
            ],
        )

    card = sc.scorecard(docs, {"oracle": oracle})
    got = {(r.task, r.metric): r.value for r in card.itertuples()}
    assert got[("entities", "F1 micro (strict)")] == 1.0
    assert got[("entities", "canonical accuracy (matched spans)")] == 1.0
    assert got[("dates", "value F1")] == 1.0
    assert got[("cooperation", "Spearman rho")] == 1.0
    assert got[("tension", "weighted kappa (binned)")] == 1.0


def test_scorecard_relnlp_and_baselines_rows(nlp: Any) -> None:
    docs = sc.load_gold(MINI)
    card = sc.scorecard(
        docs,
        {
            "relnlp": sc.relnlp_system(nlp),
            "keywords": keyword_baseline(),
            "vader": vader_baseline(),
        },
    )
    systems = set(card["system"])
    assert systems == {"relnlp", "keywords", "vader"}
    rel = card[card.system == "relnlp"]
    assert {"entities", "dates", "themes", "cooperation", "tension"} <= set(rel["task"])
    # VADER reads "praised" as positive and "accused" as negative on this text.
    vad = {(r.task, r.metric): r.value for r in card[card.system == "vader"].itertuples()}
    assert vad[("cooperation", "Spearman rho")] == 1.0
    wide = sc.wide(card)
    assert list(wide.columns) == ["task", "metric", "relnlp", "keywords", "vader"]
    assert not wide.duplicated(["task", "metric"]).any()


def test_scorecard_cli_json(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(MINI), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["sets"]["seeds"] == {"status": "ok", "reason": "", "documents": ["mini"]}
    assert any(r["system"] == "relnlp" and r["metric"] == "F1 micro (strict)" for r in data["rows"])
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "none")])
    assert res.exit_code == 2
