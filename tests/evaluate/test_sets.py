"""relnlp evaluate --set: the seam, the command and skipping sets whose data is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from relnlp.cli import app
from relnlp.evaluate import sets

MINI = Path(__file__).resolve().parents[1] / "data" / "gold_mini"


def test_sets_registry_names_every_set_of_the_command() -> None:
    assert set(sets.SETS) == {
        "seeds",
        "dev",
        "timebank",
        "tone-un",
        "tone-news",
        "events-news",
        "unseen",
    }


def test_run_set_refuses_unknown_names_and_needs_data_for_outside_sets() -> None:
    with pytest.raises(KeyError, match="known: seeds"):
        sets.run_set("nope", None)
    with pytest.raises(sets.SetUnavailable, match="RELNLP_DEV_DATA"):
        sets.run_set("dev", None)


def test_default_data_dir_falls_back_to_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELNLP_DEV_DATA", str(tmp_path / "elsewhere"))
    found = sets.default_data_dir()
    beside = Path(sets.__file__).resolve().parents[3].parent / "shared" / "dev"
    if beside.is_dir():
        assert found == beside  # shared/dev beside the repository comes first
    else:
        monkeypatch.chdir(tmp_path)
        assert sets.default_data_dir() == tmp_path / "elsewhere"


def test_evaluate_unknown_set_is_a_usage_error() -> None:
    res = CliRunner().invoke(app, ["evaluate", "--set", "nope"])
    assert res.exit_code == 2
    assert "unknown evaluation set 'nope'" in res.output


def test_evaluate_missing_data_skips_with_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELNLP_UNSEEN_DATA", str(tmp_path / "no-unseen"))
    res = CliRunner().invoke(
        app, ["evaluate", "--set", "all", "--gold", str(MINI), "--data", str(tmp_path), "--json"]
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    assert payload["sets"]["seeds"]["status"] == "ok"
    for name in ("dev", "timebank", "tone-un", "tone-news", "events-news"):
        assert payload["sets"][name]["status"] == "skipped", payload["sets"][name]
        assert payload["sets"][name]["reason"]
    assert "unseen" not in payload["sets"]  # held out: runs only when named
    skipped = [line for line in res.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 5 and "Traceback" not in res.output
    rows = pd.DataFrame(payload["rows"])
    assert list(rows.columns) == list(sets.COLUMNS)
    assert set(rows["set"]) == {"seeds"}


def test_evaluate_one_missing_set_exits_1_without_traceback(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "--set", "dev", "--data", str(tmp_path)])
    assert res.exit_code == 1
    assert res.stderr.startswith("skipped: set dev: no development reports at")


def test_evaluate_data_must_be_a_folder(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "--set", "dev", "--data", str(tmp_path / "x")])
    assert res.exit_code == 2 and "not a folder" in res.output


def test_seeds_rows_label_the_split_of_every_task(nlp: object) -> None:
    from relnlp.evaluate import seeds

    frame = seeds.run(None, nlp=nlp)
    assert set(frame["set"]) == {"seeds"}
    by_task = dict(zip(frame["task"], frame["split"]))
    assert by_task["entities"] == "tuned" and by_task["themes"] == "leave-one-document-out"
    assert frame.attrs["documents"] == ["000_a36955c7ab553492", "004_880b6a600cf7a9c3"]
    n = dict(zip(frame["task"], frame["n"]))
    assert n["entities"] > 800 and n["cooperation"] == 70
