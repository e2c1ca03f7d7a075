"""The command line as users reach it (typer's runner and a real subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import relnlp
from relnlp import schemas
from relnlp.cli import app

runner = CliRunner()


def test_cli_version() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0
    assert res.output.strip() == f"relnlp {relnlp.__version__}"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_cli_analyze_writes_tables(tmp_path: Path, seed_paths: dict[str, Any], fmt: str) -> None:
    out = tmp_path / "out"
    res = runner.invoke(
        app, ["analyze", *map(str, seed_paths.values()), "--out", str(out), "--format", fmt]
    )
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{t}.{fmt}" for t in schemas.TABLES)
    if fmt == "parquet":
        ents = pd.read_parquet(out / "entities.parquet")
        # documents are named as relnlp batch names them: the file stem, then a hash
        assert {i.rsplit("-", 1)[0] for i in ents["doc_id"]} == set(seed_paths)


def test_cli_bad_files_reported_and_others_processed(
    tmp_path: Path, seed_paths: dict[str, Any]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "missing.txt"
    good = seed_paths["004_880b6a600cf7a9c3"]
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "relnlp",
            "analyze",
            str(missing),
            str(empty),
            str(binary),
            str(good),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert any(str(missing) in e and "[E002]" in e for e in errors)
    assert any(str(empty) in e and "[E013]" in e for e in errors)
    assert any(str(binary) in e and "[E008]" in e for e in errors)
    docs = pd.read_parquet(out / "documents.parquet")
    assert [i.rsplit("-", 1)[0] for i in docs["doc_id"]] == ["004_880b6a600cf7a9c3"]


def test_cli_usage_errors_exit_2(tmp_path: Path, seed_paths: dict[str, Any]) -> None:
    good = str(seed_paths["004_880b6a600cf7a9c3"])
    res = runner.invoke(app, ["analyze", good, "--out", str(tmp_path), "--format", "xlsx"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["analyze", good, "--out", str(tmp_path), "--model", "xx_none"])
    assert res.exit_code == 2 and "[E101]" in res.output


def test_cli_summary(tmp_path: Path, seed_paths: dict[str, Any]) -> None:
    res = runner.invoke(
        app,
        ["analyze", str(seed_paths["000_a36955c7ab553492"]), "--out", str(tmp_path), "--summary"],
    )
    assert res.exit_code == 0
    assert "China-Russia Relations: All Still Quiet in the East" in res.output
    assert "chronology 16" in res.output
