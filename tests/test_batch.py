"""Batch jobs (issue 8): resume after a kill, error isolation, engines, --only, determinism."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from relnlp import batch, schemas
from relnlp.cli import app
from relnlp.errors import ConfigError, InputError
from tests.conftest import SEEDS

runner = CliRunner()
CHUNK = 2
N_DOCS = 12
ALL = [*schemas.TABLES, batch.ERRORS_TABLE]

# Seed reports carry a date; the made-up ones do not, so W201 is expected and counted.
pytestmark = pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")


def _paragraphs() -> list[str]:
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        out.extend(b.strip() for b in p.read_text(encoding="utf-8").split("\n\n"))
    return [b for b in out if len(b) > 200]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve short reports made of seed paragraphs, in a folder with a subfolder."""
    paras = _paragraphs()
    root = tmp_path_factory.mktemp("corpus") / "reports"
    (root / "sub").mkdir(parents=True)
    for i in range(N_DOCS):
        picked = [paras[(i * 5 + k * 7) % len(paras)] for k in range(3)]
        text = f"Report {i}\n\n" + "\n\n".join(picked) + "\n"
        (root / ("sub" if i % 3 == 0 else ".") / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    """An uninterrupted local run, in this process."""
    out = tmp_path_factory.mktemp("ref") / "out"
    res = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    assert (res.documents, res.failed, res.chunks_run) == (N_DOCS, 0, N_DOCS // CHUNK)
    return out


def _assert_same_tables(a: Path, b: Path, names: list[str] = ALL) -> None:
    for name in names:
        pd.testing.assert_frame_equal(
            batch.read_table(a, name), batch.read_table(b, name), obj=name
        )


def test_batch_layout_manifest_and_ids(reference: Path, corpus: Path) -> None:
    for name in ALL:
        parts = sorted((reference / name).glob("part-*.parquet"))
        assert len(parts) == N_DOCS // CHUNK, name
    assert len(list((reference / "_done").glob("*.json"))) == N_DOCS // CHUNK
    man = json.loads((reference / "manifest.json").read_text())
    assert man["status"] == "complete"
    assert man["tables"] == ALL
    assert man["model_version"] and man["taxonomy_version"] and man["relnlp_version"]
    assert man["counts"]["documents"] == N_DOCS and man["counts"]["failed"] == 0
    assert man["counts"]["rows"]["documents"] == N_DOCS
    assert man["timings"]["tokens_per_second"] > 0
    docs = batch.read_table(reference, "documents")
    assert docs["doc_id"].is_unique and docs["doc_id"].is_monotonic_increasing
    # Ids: file stem + hash of (path relative to the input folder, content); stable.
    assert docs["doc_id"].str.match(r"^r\d\d-[0-9a-f]{12}$").all()
    again = [d.doc_id for c in batch.plan([corpus], chunk_size=CHUNK) for d in c.docs]
    assert again == docs["doc_id"].tolist()
    # The folder reads as plain Parquet datasets too (parts share one schema).
    ents = pd.read_parquet(reference / "entities")
    assert len(ents) == len(batch.read_table(reference, "entities")) > 0


def test_batch_read_table_matches_analyze(reference: Path, corpus: Path, nlp: Any) -> None:
    import relnlp

    docs = batch.read_table(reference, "documents")
    row = docs.iloc[0]
    report = nlp.analyze(relnlp.read(row["path"]), doc_id=row["doc_id"])
    for name in ("entities", "passages", "dates"):
        got = batch.read_table(reference, name)
        got = got[got["doc_id"] == row["doc_id"]].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, report.tables()[name], obj=name)


def _batch_cmd(corpus: Path, out: Path, *, chunk: int = CHUNK, n_process: int = 1) -> list[str]:
    """The ``relnlp batch`` command line the subprocess tests run."""
    cmd = [sys.executable, "-m", "relnlp", "batch", str(corpus), "--out", str(out)]
    cmd += ["--chunk-size", str(chunk), "--no-progress"]
    return cmd + (["--n-process", str(n_process)] if n_process != 1 else [])


def test_batch_killed_then_resumed_equals_uninterrupted(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    cmd = _batch_cmd(corpus, out)
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 120
    done = out / "_done"
    while time.monotonic() < deadline and proc.poll() is None:
        if done.is_dir() and any(done.glob("*.json")):
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, log.read_text()
    committed = {p.stem for p in done.glob("*.json")}
    assert 0 < len(committed) < N_DOCS // CHUNK
    man = json.loads((out / "manifest.json").read_text())
    assert man["status"] == "running"
    # A part written by a chunk that never committed (as if killed between parts and
    # marker), with a row that must not survive.
    pending = next(c for c in man["chunks"] if c not in committed)
    bogus = batch.read_table(reference, "entities").head(1)
    bogus.loc[:, "text"] = "BOGUS"
    bogus.to_parquet(out / "entities" / f"part-{pending}.parquet")
    assert "BOGUS" not in set(batch.read_table(out, "entities")["text"])

    res = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    assert res.chunks_run == N_DOCS // CHUNK - len(committed)
    assert res.manifest["counts"]["chunks_resumed"] == len(committed)
    _assert_same_tables(out, reference)
    ents = pd.read_parquet(out / "entities")
    assert "BOGUS" not in set(ents["text"]) and len(ents) == len(batch.read_table(out, "entities"))
    assert not (out / "_lock.json").exists()
    assert not list(out.rglob(".*.tmp"))
    # Rerunning a finished job does nothing and changes nothing.
    again = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    assert again.chunks_run == 0
    _assert_same_tables(out, reference)


def _pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(60, 800, "Turkey and Azerbaijan opened the TANAP pipeline in 2018.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_batch_bad_files_become_error_rows_cli_exit_1(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "mixed"
    src.mkdir()
    goods = sorted(corpus.glob("r0[1-5].txt"))
    assert len(goods) >= 3
    for p in goods:
        (src / p.name).write_bytes(p.read_bytes())
    (src / "empty.txt").write_text("")
    (src / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (src / "cut.pdf").write_bytes(_pdf_bytes()[:400])
    out = tmp_path / "out"
    res = runner.invoke(
        app, ["batch", str(src), "--out", str(out), "--chunk-size", "2", "--no-progress"]
    )
    assert res.exit_code == 1, res.output
    errors = batch.read_table(out, "errors")
    assert list(errors.columns) == ["doc_id", "path", "error_type", "code", "message"]
    by_file = {Path(p).name: (t, c) for p, t, c in errors[["path", "error_type", "code"]].values}
    assert by_file["empty.txt"] == ("InputError", "E013")
    assert by_file["blob.txt"] == ("InputError", "E008")
    assert by_file["cut.pdf"][0] == "InputError" and by_file["cut.pdf"][1] in ("E006", "E007")
    assert len(errors) == 3
    docs = batch.read_table(out, "documents")
    assert sorted(Path(p).name for p in docs["path"]) == [p.name for p in goods]
    assert set(docs["doc_id"]).isdisjoint(errors["doc_id"])
    assert sum("error:" in ln for ln in res.output.splitlines()) == 3
    n = len(goods)
    assert f"{n} of {n + 3} document(s) analysed, 3 failed" in res.output


def test_batch_cli_exit_0_and_usage_errors_exit_2(corpus: Path, tmp_path: Path) -> None:
    one = str(corpus / "r01.txt")
    res = runner.invoke(
        app, ["batch", one, "--out", str(tmp_path / "ok"), "--only", "dates", "--no-progress"]
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["batch", one, "--out", str(tmp_path / "a"), "--only", "nope"])
    assert res.exit_code == 2 and "[E104]" in res.output
    res = runner.invoke(app, ["batch", one, "--out", str(tmp_path / "b"), "--engine", "spark"])
    assert res.exit_code == 2 and "[E104]" in res.output
    res = runner.invoke(app, ["batch", str(tmp_path / "*.none"), "--out", str(tmp_path / "c")])
    assert res.exit_code == 2 and "[E401]" in res.output
    res = runner.invoke(app, ["batch", one, "--out", str(tmp_path / "d"), "--chunk-size", "0"])
    assert res.exit_code == 2 and "[E106]" in res.output
    # Same folder, other settings: refused rather than mixed.
    res = runner.invoke(app, ["batch", one, "--out", str(tmp_path / "ok"), "--only", "entities"])
    assert res.exit_code == 2 and "[E402]" in res.output
    res = runner.invoke(app, ["batch", one, "--out", str(tmp_path / "e"), "--model", "xx_none"])
    assert res.exit_code == 2 and "[E101]" in res.output


def test_batch_only_restricts_tables_and_pipeline(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "only"
    res = batch.run([corpus], out, chunk_size=CHUNK, only="entities,dates", progress=False)
    assert res.failed == 0
    written = sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("_"))
    assert written == ["dates", "entities", "errors"]
    man = res.manifest
    assert man["tables"] == ["entities", "dates", "errors"]
    # entities read POS and lemmas (actor rules): only the report-level components go
    assert {"relnlp_themes", "relnlp_tone"} <= set(man["settings"]["exclude"])
    assert "relnlp_themes" not in man["spacy_pipeline"]
    _assert_same_tables(out, reference, ["entities", "dates", "errors"])
    with pytest.raises(ConfigError, match=r"\[E104\]"):
        batch.read_table(out, "tokens")
    assert batch.components_to_exclude(["events"]) == ()


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_batch_two_processes_equal_one(
    corpus: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    """Workers forked with the coordinator's pipeline (Linux) and spawned ones that load
    their own (elsewhere) write the same bytes as one process."""
    import multiprocessing

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start!r} start method on this platform")
    monkeypatch.setattr(batch._engines, "START_METHOD", start)
    monkeypatch.setattr(batch._run, "START_METHOD", start)
    out = tmp_path / "np2"
    res = batch.run([corpus], out, chunk_size=CHUNK, n_process=2, progress=False)
    assert (res.documents, res.failed, res.chunks_run) == (N_DOCS, 0, N_DOCS // CHUNK)
    _assert_same_tables(out, reference)
    # Not only equal tables: the same bytes, part by part.
    for name in ALL:
        for p in (reference / name).glob("part-*.parquet"):
            assert (out / name / p.name).read_bytes() == p.read_bytes(), (name, p.name)


@pytest.mark.dask
def test_batch_dask_local_cluster_equals_local(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "dask"
    res = batch.run([corpus], out, chunk_size=CHUNK, engine="dask", progress=False)
    assert (res.documents, res.failed, res.chunks_run) == (N_DOCS, 0, N_DOCS // CHUNK)
    assert res.manifest["settings"]["engine"] == "dask"
    _assert_same_tables(out, reference)


def test_batch_guards(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[E405\]"):
        batch.read_table(tmp_path, "entities")
    out = tmp_path / "locked"
    out.mkdir()
    (out / "_lock.json").write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename}))
    with pytest.raises(ConfigError, match=r"\[E403\]"):
        batch.run([corpus / "r01.txt"], out, progress=False)
    with pytest.raises(InputError, match=r"\[E011\]"):
        batch.run([corpus / "r01.txt"], tmp_path / "x", doc_date="someday", progress=False)
    # The same file reached through a folder and a glob is one document.
    chunks = batch.plan([corpus, str(corpus / "r0*.txt")], chunk_size=100)
    assert sum(len(c.docs) for c in chunks) == N_DOCS


def test_batch_too_large_file_is_an_error_row(corpus: Path, tmp_path: Path) -> None:
    res = batch.run([corpus / "r01.txt"], tmp_path / "big", max_bytes=100, progress=False)
    assert (res.documents, res.failed) == (1, 1)
    row = batch.read_table(tmp_path / "big", "errors").iloc[0]
    assert (row["error_type"], row["code"]) == ("InputError", "E009")
    assert batch.read_table(tmp_path / "big", "documents").empty


def test_batch_user_gazetteer_taxonomy_and_model_reach_the_workers(tmp_path: Path) -> None:
    """Resources given to run() are used by spawned workers, recorded, and pinned."""
    from relnlp import Taxonomy

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"r{i}.txt").write_text(
            f"Note {i}\n\nThe Zorvath Assembly met in Geneva on 5 May 2015. The navy held a "
            "naval exercise with maritime patrols in the strait.\n",
            encoding="utf-8",
        )
    gaz = tmp_path / "mine.jsonl"
    header = {"_meta": {"name": "mine", "version": "1", "source": "test", "licence": "CC0-1.0"}}
    gaz.write_text(
        json.dumps(header)
        + "\n"
        + json.dumps(
            {
                "canonical": "Assembly of Zorvath",
                "label": "ORG",
                "kind": "io",
                "aliases": ["Zorvath Assembly"],
                "acronyms": [],
                "country": None,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    tax = Taxonomy.default()
    tax.add_theme(
        "maritime",
        description="Navies, sea lanes and maritime security.",
        cues=["navy", "naval", "maritime", "strait"],
    )
    out = tmp_path / "out"
    res = batch.run(
        [src],
        out,
        n_process=2,
        chunk_size=1,
        progress=False,
        gazetteer=[gaz],
        taxonomy=tax,
        only="entities,passages,documents",
    )
    assert (res.documents, res.failed) == (3, 0)
    ents = batch.read_table(out, "entities")
    assert set(ents.loc[ents["text"] == "Zorvath Assembly", "canonical"]) == {"Assembly of Zorvath"}
    pas = batch.read_table(out, "passages")
    assert "maritime" in pas.columns and (pas["maritime"] > 0.5).sum() == 3
    assert all("maritime" in t for t in pas.loc[pas["maritime"] > 0.5, "themes"])
    settings = json.loads((out / "manifest.json").read_text())["settings"]
    assert settings["taxonomy"] == tax.key and len(settings["gazetteer"]) == 1
    assert Taxonomy.load(out / "taxonomy.toml").key == tax.key
    # The same command resumes; a changed resource is another job (E402).
    again = batch.run(
        [src],
        out,
        n_process=1,
        chunk_size=1,
        progress=False,
        gazetteer=[gaz],
        taxonomy=tax,
        only="entities,passages,documents",
    )
    assert again.chunks_run == 0
    tax.add_theme("energy", description="Oil and gas.", cues=["pipeline"])
    with pytest.raises(ConfigError, match="E402.*taxonomy"):
        batch.run(
            [src],
            out,
            chunk_size=1,
            progress=False,
            gazetteer=[gaz],
            taxonomy=tax,
            only="entities,passages,documents",
        )
    with pytest.raises(ConfigError, match=r"E402.*gazetteer: \['"):  # an option dropped
        batch.run(
            [src],
            out,
            chunk_size=1,
            progress=False,
            taxonomy=tax,
            only="entities,passages,documents",
        )
    # Same paths, new content, same process: a new job, and a pipeline from the new files.
    import shutil

    shutil.rmtree(out)
    gaz.write_text(
        json.dumps(header)
        + "\n"
        + json.dumps(
            {
                "canonical": "Zorvath Council",
                "label": "ORG",
                "kind": "io",
                "aliases": ["Zorvath Assembly"],
                "acronyms": [],
                "country": None,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    batch.run([src], out, chunk_size=1, progress=False, gazetteer=[gaz], only="entities")
    ents = batch.read_table(out, "entities")
    assert set(ents.loc[ents["text"] == "Zorvath Assembly", "canonical"]) == {"Zorvath Council"}


def test_batch_bad_resources_refused_before_any_work(tmp_path: Path, corpus: Path) -> None:
    from relnlp.errors import RelnlpError

    out = tmp_path / "out"
    with pytest.raises(FileNotFoundError, match="E002"):
        batch.run([corpus], out, gazetteer=[tmp_path / "missing.jsonl"], progress=False)
    bad = tmp_path / "bad.toml"
    bad.write_text("[taxonomy]\nname = 1\n", encoding="utf-8")
    with pytest.raises(RelnlpError):
        batch.run([corpus], out, taxonomy=bad, progress=False)
    with pytest.raises(RelnlpError, match="E305"):
        batch.run([corpus], out, themes_model=tmp_path, progress=False)
    assert not out.exists() or not any((out / t).exists() for t in schemas.TABLES)
    r = runner.invoke(
        app,
        [
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--no-progress",
            "--gazetteer",
            str(tmp_path / "missing.jsonl"),
        ],
    )
    assert r.exit_code == 2 and "E002" in r.output


_CRASH_HOOK = """
import os

if os.environ.get("RELNLP_TEST_CRASH_ON"):  # only in the test's spawned workers
    import relnlp.batch._worker as _b

    _real = _b.process_chunk

    def _crashing(chunk, job, *args, **kwargs):
        if any(os.environ["RELNLP_TEST_CRASH_ON"] in d.path for d in chunk.docs):
            os._exit(9)  # as a segfault or the OOM killer would end the worker
        return _real(chunk, job, *args, **kwargs)

    _b.process_chunk = _crashing
"""


def _crashing(chunk: Any, job: Any, *args: Any, **kwargs: Any) -> Any:
    """process_chunk, but the worker dies on a chunk holding $RELNLP_TEST_CRASH_ON (forked
    workers inherit this module and the patch)."""
    if any(os.environ["RELNLP_TEST_CRASH_ON"] in d.path for d in chunk.docs):
        os._exit(9)
    return _real_process_chunk(chunk, job, *args, **kwargs)


_real_process_chunk = batch._worker.process_chunk


def test_batch_worker_crash_becomes_error_rows_and_the_rest_finishes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that dies mid-chunk (kill, segfault, out of memory) breaks the pool: the
    chunks in flight are retried one at a time, and the one that kills its worker again
    is committed as E404 rows; every other document is analysed."""
    monkeypatch.setenv("RELNLP_TEST_CRASH_ON", "r04.txt")
    if batch._engines.START_METHOD == "fork":
        # Forked workers are copies of this process: patch the task where it is looked up.
        monkeypatch.setattr(batch._worker, "process_chunk", _crashing)
        monkeypatch.setattr(batch._engines, "process_chunk", _crashing)
    else:  # spawned workers start afresh: a sitecustomize on their path patches them
        hook = tmp_path / "hook"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(_CRASH_HOOK, encoding="utf-8")
        monkeypatch.setenv(
            "PYTHONPATH", os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")])
        )
    out = tmp_path / "out"
    res = batch.run([corpus], out, n_process=2, chunk_size=CHUNK, progress=False, only="documents")
    assert (res.documents, res.failed) == (N_DOCS, CHUNK)
    errors = batch.read_table(out, batch.ERRORS_TABLE)
    assert set(errors["code"]) == {"E404"} and len(errors) == CHUNK
    assert any(p.endswith("r04.txt") for p in errors["path"])
    docs = batch.read_table(out, "documents")
    assert len(docs) == N_DOCS - CHUNK and not set(docs["doc_id"]) & set(errors["doc_id"])


# Storage faults (issue 22) ------------------------------------------------------------------
def test_batch_disk_full_mid_job_is_one_coded_line_then_resume_equals_uninterrupted(
    corpus: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while the third chunk writes its parts: exit 1, one [E409] line naming the
    path and what was kept, no traceback, no temporary file, and the committed chunks
    intact; once there is space again, the rerun finishes with the uninterrupted tables."""
    import errno

    real = batch._store._write_arrow
    calls = {"n": 0}
    parts_per_chunk = len(ALL)

    def full_disk(table: Any, fh: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 2 * parts_per_chunk + 3:
            fh.write(b"PAR1 half a part")  # the disk fills up in the middle of a write
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(table, fh)

    monkeypatch.setattr(batch._store, "_write_arrow", full_disk)
    out = tmp_path / "out"
    res = runner.invoke(
        app, ["batch", str(corpus), "--out", str(out), "--chunk-size", str(CHUNK), "--no-progress"]
    )
    assert res.exit_code == 1, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, res.output
    assert "[E409]" in lines[0] and "No space left on device [ENOSPC]" in lines[0]
    assert f"2 of {N_DOCS // CHUNK} chunk(s) are committed" in lines[0]
    assert f"{out}{os.sep}" in lines[0] and "part-" in lines[0] and "Free space" in lines[0]
    assert "Traceback" not in res.output
    assert len(list((out / "_done").glob("*.json"))) == 2
    assert not list(out.rglob(".*.tmp")) and not (out / "_lock.json").exists()
    assert batch.verify(out).problems == []  # what was committed is intact

    monkeypatch.setattr(batch._store, "_write_arrow", real)
    again = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    assert again.chunks_run == N_DOCS // CHUNK - 2
    _assert_same_tables(out, reference)
    assert batch.verify(out).ok


def test_batch_storage_error_from_api_is_coded(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from relnlp.errors import StorageError

    def no_permission(table: Any, fh: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(batch._store, "_write_arrow", no_permission)
    with pytest.raises(StorageError, match=r"\[E409\].*\[EACCES\]\)\. 0 of 1 chunk") as info:
        batch.run([corpus / "r01.txt"], tmp_path / "out", progress=False, only="dates")
    assert info.value.code == "E409" and info.value.os_errno == errno.EACCES
    assert isinstance(info.value, OSError)


def _damage(out: Path) -> tuple[Path, Path, Path]:
    """Truncate an entities part, delete a dates part and flip one byte of a documents
    part (same size), each of another committed chunk."""
    man = json.loads((out / "manifest.json").read_text())
    a, b, c = man["chunks"][1], man["chunks"][3], man["chunks"][4]
    cut = out / "entities" / f"part-{a}.parquet"
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    gone = out / "dates" / f"part-{b}.parquet"
    gone.unlink()
    flipped = out / "documents" / f"part-{c}.parquet"
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flipped.write_bytes(bytes(data))
    return cut, gone, flipped


def test_batch_damaged_and_deleted_parts_are_named_then_redone(
    reference: Path, corpus: Path, tmp_path: Path
) -> None:
    import shutil

    from relnlp.errors import RelnlpWarning, ResourceError, StorageError

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    r = runner.invoke(app, ["batch", "--verify", str(out)])
    assert r.exit_code == 0 and "complete and intact" in r.output, r.output
    cut, gone, flipped = _damage(out)

    with pytest.raises(StorageError, match=r"\[E412\]") as info:
        batch.read_table(out, "entities")
    assert info.value.path == str(cut) and "bytes where" in str(info.value)
    with pytest.raises(ResourceError, match=r"\[E406\]") as missing:
        batch.read_table(out, "dates")
    assert missing.value.path == str(gone)
    with pytest.raises(StorageError, match=r"\[E412\].*sha256 differs"):
        batch.read_table(out, "documents")

    found = batch.verify(out)
    assert not found.ok and found.complete and found.committed == N_DOCS // CHUNK
    assert sorted(p[2] for p in found.problems) == sorted(map(str, (cut, gone, flipped)))
    r = runner.invoke(app, ["batch", "--verify", str(out)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    codes = [ln.split()[1] for ln in r.output.splitlines() if ln.startswith("error:")]
    assert sorted(codes) == ["[E406]", "[E412]", "[E412]", "[E413]"], r.output

    with pytest.warns(RelnlpWarning, match=r"\[W217\]") as caught:
        res = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    named = " ".join(str(w.message) for w in caught if "W217" in str(w.message))
    assert all(str(p) in named for p in (cut, gone, flipped))
    assert res.chunks_run == 3 and res.manifest["counts"]["chunks_redone"] == 3
    _assert_same_tables(out, reference)
    assert batch.verify(out).ok
    assert not list(out.rglob(".*.tmp"))


def test_batch_rerun_in_cli_says_which_part_was_redone(
    reference: Path, corpus: Path, tmp_path: Path
) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    cut, _gone, _flipped = _damage(out)
    r = runner.invoke(
        app, ["batch", str(corpus), "--out", str(out), "--chunk-size", str(CHUNK), "--no-progress"]
    )
    assert r.exit_code == 0, r.output
    warned = [ln for ln in r.output.splitlines() if ln.startswith("warning: [W217]")]
    assert len(warned) == 3 and any(str(cut) in ln for ln in warned)
    assert "3 of 6 chunk(s) run now" in r.output
    _assert_same_tables(out, reference)


def test_batch_out_on_a_file_or_under_a_file_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder\n")
    one = str(corpus / "r01.txt")
    for out, code in ((afile, "[E410]"), (afile / "sub" / "out", "[E411]")):
        r = runner.invoke(app, ["batch", one, "--out", str(out), "--no-progress"])
        assert r.exit_code == 2, r.output
        lines = [ln for ln in r.output.splitlines() if ln.startswith("error:")]
        assert len(lines) == 1 and code in lines[0] and "Traceback" not in r.output
        with pytest.raises(ConfigError, match=code.replace("[", r"\[").replace("]", r"\]")):
            batch.run([one], out, progress=False)
    assert afile.read_text() == "not a folder\n"
    r = runner.invoke(app, ["batch", "--verify", str(tmp_path)])
    assert r.exit_code == 2 and "[E405]" in r.output
    r = runner.invoke(app, ["batch", one])
    assert r.exit_code == 2 and "--out" in r.output


# Clean-up after the coordinator dies (issue 19) ---------------------------------------------
def _descendants(pid: int) -> set[int]:
    """Live (not zombie) descendants of ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text[text.rfind(")") + 2 :].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers in /proc")
def test_batch_workers_end_with_a_killed_coordinator_and_its_lock_is_taken_over(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    cmd = _batch_cmd(corpus, out, chunk=1, n_process=2)
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            if any((out / "_done").glob("*.json")):
                break
            time.sleep(0.01)
        workers = _descendants(proc.pid)
        assert proc.poll() is None and len(workers) >= 2, log.read_text()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.05)
    assert not [p for p in workers if _alive(p)], "workers outlived their coordinator"
    committed = len(list((out / "_done").glob("*.json")))
    assert 0 < committed < N_DOCS
    # The dead job's lock is still there; the next run takes it over by itself.
    assert (out / "_lock.json").exists()
    res = batch.run([corpus], out, progress=False)
    assert res.chunks_run == N_DOCS - committed  # its chunk size was kept: an exact resume
    _assert_same_tables(out, reference)


def test_batch_lock_of_a_reused_pid_or_an_unfinished_write_is_taken_over(
    corpus: Path, tmp_path: Path
) -> None:
    host = os.uname().nodename
    one = [corpus / "r01.txt"]
    out = tmp_path / "reused"
    out.mkdir()
    # A live pid (this process) that started at another time: not the job's process.
    (out / "_lock.json").write_text(
        json.dumps({"pid": os.getpid(), "host": host, "pid_started": "1"})
    )
    assert batch.run(one, out, progress=False, only="dates").documents == 1
    out = tmp_path / "torn"
    out.mkdir()
    (out / "_lock.json").write_text("")  # a lock whose write never finished (full disk)
    with pytest.raises(ConfigError, match=r"\[E403\]"):  # ... or is being written now
        batch.run(one, out, progress=False, only="dates")
    old = time.time() - 60
    os.utime(out / "_lock.json", (old, old))
    assert batch.run(one, out, progress=False, only="dates").documents == 1
    assert not (out / "_lock.json").exists()
    # A live job on this host is respected.
    (out / "_lock.json").write_text(json.dumps({"pid": os.getpid(), "host": host}))
    with pytest.raises(ConfigError, match=r"\[E403\]"):
        batch.run(one, out, progress=False, only="dates")


def test_batch_default_chunk_size_fits_documents_and_processes(
    corpus: Path, tmp_path: Path
) -> None:
    assert [batch.fit_chunk_size(n, p) for n, p in [(12, 1), (12, 2), (50, 2), (1000, 2)]] == [
        3,
        2,
        7,
        50,
    ]
    assert batch.fit_chunk_size(0, 1) == 1
    out = tmp_path / "out"
    res = batch.run([corpus], out, progress=False, only="dates", n_process=1)
    assert res.chunks == 4 and res.manifest["settings"]["chunk_size"] == 3
    # A rerun with another number of processes keeps the job's chunks (nothing to redo).
    again = batch.run([corpus], out, progress=False, only="dates", n_process=2)
    assert (again.chunks, again.chunks_run) == (4, 0)


@pytest.fixture
def small_fs(tmp_path: Path, reference: Path) -> Any:
    """A real tmpfs about 40% the size of the reference output (root only; else skip)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    used = sum(p.stat().st_size for p in reference.rglob("*") if p.is_file())
    kib = max(64, int(used * 0.4) // 1024)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")

    def grow() -> None:
        subprocess.run(["mount", "-o", "remount,size=64m", str(mnt)], check=True)

    try:
        yield mnt, grow
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_batch_real_full_disk_with_workers_then_resume(
    corpus: Path, reference: Path, small_fs: Any
) -> None:
    """A file system that really fills up, written by two worker processes: exit 1 with
    one E409 line; after space is freed, the rerun finishes with the uninterrupted tables."""
    mnt, grow = small_fs
    out = mnt / "out"
    r = subprocess.run(
        _batch_cmd(corpus, out, n_process=2),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 1, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "[E409]" in lines[0] and "[ENOSPC]" in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert batch.verify(out).problems == []  # whatever was committed is whole
    kept = len(list((out / "_done").glob("*.json")))
    assert f"{kept} of {N_DOCS // CHUNK} chunk(s) are committed" in lines[0]
    grow()
    res = batch.run([corpus], out, chunk_size=CHUNK, progress=False)
    assert res.chunks_run == N_DOCS // CHUNK - kept
    _assert_same_tables(out, reference)
    assert batch.verify(out).ok
