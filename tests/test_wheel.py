"""The wheel carries everything: build it, install it in a fresh venv, run from elsewhere.

The fresh venv gets relnlp from the wheel only; its third-party dependencies are taken
from the test environment through a path file (so the test needs no network), and a
``sitecustomize`` in the venv makes every non-loopback connection fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BLOCK_NET = """
import socket
_real = socket.socket.connect
def _connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in ("127.0.0.1", "::1", "localhost"):
        raise OSError("network blocked by the wheel test")
    return _real(self, address)
socket.socket.connect = _connect
"""


@pytest.mark.wheel
def test_wheel_installs_and_runs_offline_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        timeout=600,
    )
    wheel = next(dist.glob("relnlp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "relnlp/py.typed" in names
    assert "relnlp/models/README.md" in names  # models/ is mapped into the wheel
    assert not any(n.startswith(("corpora/", "tests/")) for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    # Dependencies from this environment; appended after the venv's own site-packages.
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (site / "sitecustomize.py").write_text(BLOCK_NET)

    work = tmp_path / "elsewhere"
    work.mkdir()
    report = work / "r.md"
    report.write_text(
        "# Border Talks\n\nPutin met Xi in Moscow on May 8, 2015.\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    code = (
        "import relnlp, pathlib; "
        "assert pathlib.Path(relnlp.__file__).is_relative_to(pathlib.Path(r'%s')), relnlp.__file__; "
        "r = relnlp.load().analyze('Putin met Xi in Moscow on May 8, 2015.'); "
        "assert r.meta['themes_model'] == 'themes-v2', r.meta; "  # packaged model found
        "from relnlp.evaluate.scorecard import load_gold; assert len(load_gold()) == 2; "
        "print(r.entities[['text','label']].to_string())"
    ) % site
    out = subprocess.run(
        [str(py), "-c", code], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert "Putin" in out.stdout and "Moscow" in out.stdout
    cli = subprocess.run(
        [str(py), "-m", "relnlp", "analyze", "r.md", "--out", "tables"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert cli.returncode == 0, cli.stderr
    assert (work / "tables" / "entities.parquet").exists()
