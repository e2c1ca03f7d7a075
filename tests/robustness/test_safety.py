"""Safety (issue 10): no unpickling, safe YAML only, nothing fetched, outputs stay in --out.

The network guard here is stricter than the suite-wide one in ``tests/conftest.py``: every
``connect`` (loopback included) and every name lookup is recorded and refused, so a test
fails on any attempt even if the library swallowed the error.
"""

from __future__ import annotations

import ast
import pickle
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import relnlp
from relnlp import TaxonomyError, schemas
from relnlp.themes import ThemeModel
from tests.conftest import ROOT, SEEDS
from tests.robustness._make import BODY, analyze_cli, assert_all_offsets, cli_errors, runner

SRC = ROOT / "src" / "relnlp"
_UNPICKLERS = {
    "pickle",
    "cPickle",
    "_pickle",
    "joblib",
    "dill",
    "cloudpickle",
    "marshal",
    "shelve",
    "torch",
}
_UNSAFE_YAML = {
    "load",
    "load_all",
    "unsafe_load",
    "unsafe_load_all",
    "full_load",
    "full_load_all",
    "Loader",
    "UnsafeLoader",
    "FullLoader",
}


def _sources() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 30  # the scan sees the package
    return files


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def test_safety_no_unpickling_anywhere_in_src() -> None:
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import):
                found += [
                    f"{where} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in _UNPICKLERS
                ]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in _UNPICKLERS:
                    found.append(f"{where} from {node.module} import ...")
            elif isinstance(node, ast.Call):
                name = _dotted(node.func)
                if name.endswith(("read_pickle", ".Unpickler")) or name in ("eval", "exec"):
                    found.append(f"{where} {name}()")
                if (
                    name in ("np.load", "numpy.load")
                    or name.endswith(".load")
                    and any(kw.arg == "allow_pickle" for kw in node.keywords)
                ):
                    allow = [kw for kw in node.keywords if kw.arg == "allow_pickle"]
                    if not allow or not (
                        isinstance(allow[0].value, ast.Constant) and allow[0].value.value is False
                    ):
                        found.append(f"{where} {name}() may unpickle")
    assert found == [], found


def test_safety_yaml_only_through_safe_load() -> None:
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _dotted(node.value) == "yaml":
                if node.attr in _UNSAFE_YAML:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} yaml.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "yaml":
                found += [
                    f"{path.relative_to(ROOT)}:{node.lineno} from yaml import {a.name}"
                    for a in node.names
                    if a.name in _UNSAFE_YAML
                ]
    assert found == [], found


def test_safety_packaged_data_and_models_are_plain_text() -> None:
    """No pickled artefact ships: data and models are JSON/JSONL/TOML/text, and numpy
    arrays (``.npz``) only of plain dtypes, which load with ``allow_pickle=False``."""
    import numpy as np

    files = [p for base in (SRC / "data", ROOT / "models") for p in base.rglob("*") if p.is_file()]
    assert len(files) > 10
    for p in files:
        assert p.suffix.lower() not in {".pkl", ".pickle", ".joblib", ".npy", ".pt"}, p
        head = p.read_bytes()[:2]
        assert not (head[:1] == b"\x80" and head[1:2] in b"\x02\x03\x04\x05"), p  # pickle header
        if p.suffix.lower() == ".npz":
            with np.load(p, allow_pickle=False) as arrays:
                for name in arrays.files:  # every array loads, none holds Python objects
                    assert arrays[name].dtype != object, (p, name)
            continue
        p.read_text("utf-8")  # text, not a binary blob


class _Payload:
    """Unpickling this creates ``marker``: proof that a pickle was executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("layout", ["json_name", "pkl_only", "file_path"])
def test_safety_theme_model_loader_refuses_pickles(tmp_path: Path, layout: str) -> None:
    marker = tmp_path / "executed"
    blob = pickle.dumps(_Payload(marker))
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    if layout == "json_name":  # a pickle where the JSON model should be
        target: Path = model_dir / "themes_model.json"
    elif layout == "pkl_only":  # only a pickle in the model directory
        target = model_dir / "themes_model.pkl"
    else:  # a pickle passed as the model file itself
        target = model_dir / "model.joblib"
    target.write_bytes(blob)
    with pytest.raises(TaxonomyError, match=r"^\[E305\] .*not a relnlp themes model"):
        ThemeModel.load(model_dir if layout != "file_path" else target)
    assert not marker.exists()


def test_safety_theme_model_loader_refuses_foreign_json(tmp_path: Path) -> None:
    (tmp_path / "themes_model.json").write_text('{"format": "sklearn", "coef": []}', "utf-8")
    with pytest.raises(TaxonomyError, match=r"^\[E305\] .*format is not 'relnlp-themes'"):
        ThemeModel.load(tmp_path)
    marker = tmp_path / "executed"
    (tmp_path / "themes_model.json").write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(TaxonomyError, match=r"^\[E305\]"):
        relnlp.load(themes_model=tmp_path)
    assert not marker.exists()


# Network ---------------------------------------------------------------------------------
@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse and record every connection and name lookup (loopback included)."""
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def fn(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"blocked by test: {what}")

        return fn

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == []


EVIL = "http://evil.example"
PAGE = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "{EVIL}/xxe">]>
<html><head><base href="{EVIL}/"><meta http-equiv="refresh" content="0; url={EVIL}/go">
<link rel="stylesheet" href="{EVIL}/s.css"><link rel="preload" href="{EVIL}/f.woff">
<script src="{EVIL}/x.js"></script><style>@import url({EVIL}/i.css);</style>
<title>Offline</title></head><body>
<h1>Fisheries Talks</h1>
<p>Chile and Peru met in Lima on 3 March 2015. <img src="{EVIL}/x.png" srcset="{EVIL}/2x.png 2x">
<a href="{EVIL}/page">The communique</a> was short &xxe;.</p>
<iframe src="{EVIL}/frame"></iframe><object data="{EVIL}/o.swf"></object>
<embed src="{EVIL}/e.swf"><video><source src="{EVIL}/v.mp4"></video>
<svg><image href="{EVIL}/i.svg"/></svg>
<p style="background:url({EVIL}/bg.png)">Bolivia joined the talks.</p>
</body></html>"""


def test_safety_html_reader_fetches_nothing(
    tmp_path: Path, nlp: Any, no_sockets: list[str]
) -> None:
    p = tmp_path / "page.html"
    p.write_text(PAGE, "utf-8")
    d = relnlp.read(p)
    assert "Chile and Peru met in Lima on 3 March 2015." in d.text
    assert "Bolivia joined the talks." in d.text and "The communique was short" in d.text
    assert "evil.example" not in d.text
    r = nlp.analyze(d)
    assert_all_offsets(r)
    r.to_json()
    assert {"Chile", "Peru", "Bolivia"} <= set(r.entities["text"])


def test_safety_pdf_with_links_fetches_nothing(tmp_path: Path, no_sockets: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    p = tmp_path / "links.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    for i, line in enumerate(BODY):
        c.drawString(60, 800 - 16 * i, line)
    c.linkURL(f"{EVIL}/pdf", (60, 700, 300, 720))
    c.showPage()
    c.save()
    assert "TANAP" in relnlp.read(p).text


def test_safety_whole_seed_analysis_with_sockets_blocked(
    tmp_path: Path, no_sockets: list[str]
) -> None:
    seed = SEEDS / "004_880b6a600cf7a9c3.txt"
    fresh = relnlp.load(chunk_chars=60_000)  # a load of its own, under the guard
    r = fresh.analyze(relnlp.read(seed))
    assert_all_offsets(r)
    tables = r.tables()
    assert all(len(tables[name]) for name in ("tokens", "entities", "dates", "passages"))
    r.to_json()
    res = analyze_cli(tmp_path / "out", seed)
    assert res.exit_code == 0 and cli_errors(res) == [], res.output


# Output paths ------------------------------------------------------------------------------
HOSTILE = [
    "..txt",
    "...txt",
    "..\\..\\evil.txt",
    "%2e%2e%2fevil.txt",
    " spaced out .md",
    "new\nline.txt",
    "évil☃.md",
    "x" * 200 + ".txt",
    "..md",
]


def _tree(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_safety_cli_outputs_stay_inside_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inbox = tmp_path / "in" / "sub"
    inbox.mkdir(parents=True)
    paths = []
    for i, name in enumerate(HOSTILE):
        p = inbox / name
        p.write_text(f"Report {i}\n\nChile and Peru met in Lima on 3 March 2015.\n", "utf-8")
        paths.append(p)
    outside = tmp_path / "elsewhere" / "target.txt"
    outside.parent.mkdir()
    outside.write_text("Bolivia joined the talks in La Paz on 4 March 2015.\n", "utf-8")
    (inbox / "link.txt").symlink_to(outside)
    paths += [inbox / "link.txt", Path("in/sub/../sub/..txt")]
    before = _tree(tmp_path)

    res = analyze_cli(Path("out"), *paths, args=("--format", "csv"))
    assert res.exit_code == 0 and cli_errors(res) == [], res.output
    new = _tree(tmp_path) - before
    out = (tmp_path / "out").resolve()
    assert all(p.resolve() == out or out in p.resolve().parents for p in new), sorted(new)
    assert {p.name for p in out.iterdir()} == {f"{t}.csv" for t in schemas.TABLES}
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert len(docs) == len(paths)
    # Stems are values in the tables (made safe, as relnlp batch names documents), never
    # parts of an output path.
    from relnlp.batch._plan import input_documents

    assert set(docs["doc_id"]) == {d.doc_id for d in input_documents(paths)}

    before = _tree(tmp_path)
    res = runner.invoke(app_batch(), ["batch", "in", "--out", "out_batch", "--no-progress"])
    assert res.exit_code == 0, res.output
    new = _tree(tmp_path) - before
    out_b = (tmp_path / "out_batch").resolve()
    assert new and all(p.resolve() == out_b or out_b in p.resolve().parents for p in new)


def app_batch() -> Any:
    from relnlp.cli import app

    return app
