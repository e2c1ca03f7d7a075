"""Determinism (issue 10): the same input and settings give byte-identical tables.

Checked within a process (two runs), between ``pipe(n_process=1)`` and ``n_process=2``,
between fresh processes with different hash seeds (set and dict orders differ there), and
for the files the CLI writes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import relnlp
from relnlp import schemas
from tests.conftest import ROOT, SEEDS
from tests.robustness._make import analyze_cli

SEED = SEEDS / "004_880b6a600cf7a9c3.txt"
SMALL = [
    "Russia and China signed a gas deal in Moscow on May 8, 2015. NATO protested.",
    "## Talks\n\nIran and Iraq met in Baghdad.<sup>1</sup>\n\n¹ Reuters, 3 March 2015.",
    "Kazakhstan hedged between Moscow and Beijing; Xi Jinping visited Astana in 2013.",
]

DIGESTS = """
import hashlib, io, json, sys
import relnlp
r = relnlp.load().analyze(relnlp.read(sys.argv[1]))
out = {"json": hashlib.sha256(r.to_json().encode()).hexdigest()}
for name, df in r.tables().items():
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    out[name] = hashlib.sha256(buf.getvalue()).hexdigest()
print(json.dumps(out))
"""


def _digests(report: Any) -> dict[str, str]:
    out = {"json": hashlib.sha256(report.to_json().encode()).hexdigest()}
    for name, df in report.tables().items():
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        out[name] = hashlib.sha256(buf.getvalue()).hexdigest()
    return out


def test_determinism_two_runs_in_one_process(nlp: Any) -> None:
    doc = relnlp.read(SEED)
    first, second = nlp.analyze(doc), nlp.analyze(relnlp.read(SEED))
    assert first.to_json() == second.to_json()
    assert _digests(first) == _digests(second)
    assert set(_digests(first)) == {"json", *schemas.TABLES}


def test_determinism_one_and_two_processes(nlp: Any) -> None:
    one = [r.to_json() for r in nlp.pipe(SMALL, n_process=1)]
    two = [r.to_json() for r in nlp.pipe(SMALL, n_process=2)]
    assert one == two


def test_determinism_across_processes_and_hash_seeds(nlp: Any) -> None:
    procs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore"}
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", DIGESTS, str(SEED)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    here = _digests(nlp.analyze(relnlp.read(SEED)))
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert json.loads(out.strip().splitlines()[-1]) == here


def test_determinism_cli_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert analyze_cli(out, SEED).exit_code == 0
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(f"{t}.parquet" for t in schemas.TABLES)
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
