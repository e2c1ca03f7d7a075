"""Running a job: checks, lock, plan, engine, manifest (:func:`run`), and storage faults."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from relnlp import schemas
from relnlp.about import DEFAULT_MODEL, TABLES_VERSION, __version__
from relnlp.batch._engines import START_METHOD, _execute, start_pool, stop_pool
from relnlp.batch._lock import _locked
from relnlp.batch._manifest import _final_manifest, _warn_once
from relnlp.batch._plan import _cut, _documents, _supported, fit_chunk_size
from relnlp.batch._settings import (
    _RESOURCE_KEYS,
    _check_int,
    _check_model,
    _fingerprint,
    _parse_only,
    _Resources,
    _user_resources,
    components_to_exclude,
)
from relnlp.batch._spec import (
    ENGINES,
    ERRORS_TABLE,
    MANIFEST,
    BatchResult,
    ChunkResult,
    ChunkSpec,
    JobSettings,
    _now,
)
from relnlp.batch._store import (
    _clean_uncommitted,
    _drop_damaged,
    _prune,
    _read_json,
    _read_markers,
    _unify_parts,
    _write_atomic,
    _write_json,
)
from relnlp.errors import ConfigError, Errors, RelnlpError, StorageError

if TYPE_CHECKING:
    from relnlp.themes.taxonomy import Taxonomy


def _resumed_chunk_size(out: Path, fingerprint: str) -> int | None:
    """The chunk size of an earlier run of the same job in ``out``, if any."""
    with contextlib.suppress(OSError):
        previous = _read_json(out / MANIFEST) if out.is_dir() else None
        if previous and previous.get("fingerprint") == fingerprint:
            size = previous.get("settings", {}).get("chunk_size")
            if isinstance(size, int) and not isinstance(size, bool) and size >= 1:
                return size
    return None


def _check_out(out: Path) -> Path:
    """Refuse an ``out`` that cannot be a folder (E410, E411), before anything is written."""
    if out.exists() and not out.is_dir():
        raise ConfigError(Errors.E410.format(out=out), path=str(out))
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(Errors.E411.format(out=out, parent=parent), path=str(out))
            break
    return out


_ADVICE = {
    errno.ENOSPC: "Free space on that disk (or give another --out)",
    errno.EDQUOT: "Free space within your disk quota (or give another --out)",
    errno.EACCES: "Give yourself write permission there (or give another --out)",
    errno.EPERM: "Give yourself write permission there (or give another --out)",
    errno.EROFS: "That file system is read-only: give another --out",
}


def _storage_error(exc: OSError, out: Path, fingerprint: str, planned: set[str]) -> StorageError:
    """One coded line for a failed write: what failed, what was kept, what to do (E409)."""
    code = exc.errno
    name = errno.errorcode.get(code, "") if code is not None else ""
    reason = (exc.strerror or str(exc) or type(exc).__name__) + (f" [{name}]" if name else "")
    kept = 0
    with contextlib.suppress(OSError):
        kept = sum(
            1
            for c, m in _read_markers(out).items()
            if c in planned and m.get("fingerprint") == fingerprint
        )
    path = exc.filename or out
    advice = _ADVICE.get(code or 0, "Check that disk and folder")
    msg = Errors.E409.format(path=path, reason=reason, kept=kept, total=len(planned), advice=advice)
    return StorageError(msg, path=str(path), os_errno=code, kept=kept)


@contextlib.contextmanager
def _storage_faults(out: Path, fingerprint: str, planned: set[str]) -> Iterator[None]:
    """Turn an OS error while writing the output folder into a coded StorageError."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, RelnlpError):  # already coded (E101 and the like)
            raise
        raise _storage_error(exc, out, fingerprint, planned) from exc


def run(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    n_process: int = 1,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    only: str | Iterable[str] | None = None,
    chunk_size: int | None = None,
    doc_date: str | _dt.date | None = None,
    progress: bool = True,
    model: str = DEFAULT_MODEL,
    max_bytes: int | None = 200_000_000,
    gazetteer: Sequence[str | os.PathLike[str]] = (),
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    themes_model: str | os.PathLike[str] | None = None,
) -> BatchResult:
    """Analyse many reports into one Parquet dataset per table, resumably.

    Parameters
    ----------
    inputs : path, glob or sequence of them
        Files, folders (searched recursively for .txt, .md, .html and .pdf) and globs.
    out : path
        Output folder. Rerunning the same command on it processes only the chunks that
        are not yet committed.
    n_process : int
        Local engine: worker processes (on Linux forked from this process once it has
        loaded the pipeline, elsewhere spawned, each loading it once); 1 runs in this
        process. Dask engine without ``scheduler``: workers of the LocalCluster
        (at least 2).
    engine : {"local", "dask"}
        Where chunks run. ``"dask"`` needs ``pip install 'relnlp[dask]'``.
    scheduler : str, optional
        Address of a running dask scheduler (``tcp://host:8786``); without it a
        LocalCluster (processes, one thread per worker) is started and closed.
    only : str or iterable of str, optional
        Tables to write (comma-separated or a list); components they do not need are
        not loaded. ``errors`` is always written.
    chunk_size : int, optional
        Documents per chunk (the unit of commit and resume). By default it is fitted
        to the job (:func:`fit_chunk_size`: several chunks per process, at most
        :data:`DEFAULT_CHUNK_SIZE`), and a rerun on the same folder keeps the size the
        job started with, so that it resumes whatever ``n_process`` it is given.
    doc_date : str or datetime.date, optional
        Date given to every document (see :meth:`Analyzer.analyze`); default each
        document's own date.
    progress : bool
        Show a tqdm progress bar (documents, tokens/s, errors) on stderr.
    model : str
        The spaCy pipeline (see :func:`relnlp.load`).
    max_bytes : int, optional
        Files larger than this become ``errors`` rows (E009).
    gazetteer, taxonomy, themes_model
        As in :func:`relnlp.load`: the user's gazetteer files, a theme taxonomy
        (:class:`~relnlp.Taxonomy` or TOML file) and a trained theme model folder. They
        are checked before anything runs; a taxonomy is copied into the output folder
        (``taxonomy.toml``) for the workers and the record. Their content is part of the
        job's settings: rerunning with a changed file is refused (E402).

    Returns
    -------
    BatchResult
        Counts and the manifest; ``result.failed`` documents are in ``errors``.

    Raises
    ------
    relnlp.errors.ConfigError
        Invalid option (E104, E106), no input file (E401), an output folder of a job with
        other settings (E402) or in use by another job (E403), unreachable scheduler (E408),
        ``out`` a file or under a file (E410, E411).
    relnlp.errors.StorageError
        The output folder could not be written (E409): committed chunks are kept and
        the same call finishes the job once the cause is fixed.

    Warns
    -----
    relnlp.errors.RelnlpWarning
        W217 for each committed chunk found damaged and analysed again; W218 once per
        warning code given by the documents of this call, with their count.
    relnlp.errors.ResourceError
        The spaCy pipeline (E101) or dask (E407) is not installed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from relnlp import batch
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text("NATO met in Brussels on 5 May 2015.")
    >>> res = batch.run([src], src / "out", only="entities,dates", progress=False)
    >>> (res.documents, res.failed)
    (1, 0)
    >>> batch.read_table(src / "out", "dates")["text"].tolist()
    ['5 May 2015']
    """
    t_start = time.perf_counter()
    pool = None
    if engine == "local" and type(n_process) is int and n_process > 1 and START_METHOD == "spawn":
        pool = start_pool(n_process)  # the workers start up while the job is planned
    try:
        plan_ = _plan_job(
            inputs,
            out,
            n_process=n_process,
            engine=engine,
            scheduler=scheduler,
            only=only,
            chunk_size=chunk_size,
            doc_date=doc_date,
            model=model,
            max_bytes=max_bytes,
            gazetteer=gazetteer,
            taxonomy=taxonomy,
            themes_model=themes_model,
        )
        t_planned = time.perf_counter()
        outp, planned, fp = Path(plan_.job.out), plan_.planned, plan_.job.fingerprint
        with _storage_faults(outp, fp, planned):
            outp.mkdir(parents=True, exist_ok=True)
        with _storage_faults(outp, fp, planned), _locked(outp):
            manifest, markers, redone = _open_folder(plan_)
            todo = [c for c in plan_.chunks if c.chunk_id not in markers]
            done_before = sum(len(c.docs) for c in plan_.chunks if c.chunk_id in markers)
            results, busy = _execute(
                todo,
                plan_.job,
                engine=engine,
                scheduler=scheduler,
                n_process=n_process,
                progress=progress,
                total=plan_.n_docs,
                initial=done_before,
                pool=pool if todo else None,
            )
            _warn_once(results)
            t_processed = time.perf_counter()
            timings = {
                "plan_seconds": round(t_planned - t_start, 3),
                "process_seconds": round(t_processed - t_planned, 3),
                "analysis_seconds": round(busy, 3),
            }
            manifest = _close_folder(plan_, manifest, results, timings, t_start, len(redone))
    except BaseException:
        if pool is not None:
            stop_pool(pool)
        raise
    if pool is not None and not todo:
        stop_pool(pool)
    return BatchResult(
        outp,
        plan_.n_docs,
        manifest["counts"]["failed"],
        len(plan_.chunks),
        len(results),
        manifest["counts"]["tokens_this_run"],
        time.perf_counter() - t_start,
        manifest,
    )


@dataclass
class _Plan:
    """A checked and planned job, before anything is written."""

    job: JobSettings
    chunks: list[ChunkSpec]
    planned: set[str]
    n_docs: int
    settings: dict[str, Any]  # what the fingerprint covers
    run_settings: dict[str, Any]  # recorded in the manifest
    resources: _Resources


def _plan_job(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    n_process: int,
    engine: str,
    scheduler: str | None,
    only: str | Iterable[str] | None,
    chunk_size: int | None,
    doc_date: str | _dt.date | None,
    model: str,
    max_bytes: int | None,
    gazetteer: Sequence[str | os.PathLike[str]],
    taxonomy: Taxonomy | str | os.PathLike[str] | None,
    themes_model: str | os.PathLike[str] | None,
) -> _Plan:
    """Check the options and resources (coded errors), find the documents, cut the chunks."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if engine not in ENGINES:
        raise ConfigError(Errors.E104.format(what="engine", value=engine, valid=", ".join(ENGINES)))
    n_process = _check_int("n_process", n_process, 1)
    if chunk_size is not None:
        chunk_size = _check_int("chunk_size", chunk_size, 1)
    if max_bytes is not None:
        max_bytes = _check_int("max_bytes", max_bytes, 1)
    tables = _parse_only(only)
    if ERRORS_TABLE in tables:  # pragma: no cover  (guards a future table of that name)
        raise ConfigError(
            Errors.E104.format(what="table", value=ERRORS_TABLE, valid=", ".join(schemas.TABLES))
        )
    from relnlp.analyzer import _check_doc_date

    date = _check_doc_date(doc_date)
    if not (engine == "dask" and scheduler):  # remote workers may have what we lack
        _check_model(model)
    settings = {
        "relnlp_version": __version__,
        "tables_version": TABLES_VERSION,
        "model": model,
        "tables": list(tables),
        "doc_date": date,
        "max_bytes": max_bytes,
    }
    resources = _user_resources(gazetteer, taxonomy, themes_model)
    settings.update(resources.settings)  # only what the user gave: default jobs keep their id
    fingerprint = _fingerprint(settings)

    documents = _documents(inputs, max_bytes)
    n_docs = len(documents)
    if chunk_size is None:
        chunk_size = _resumed_chunk_size(Path(out).absolute(), fingerprint) or fit_chunk_size(
            n_docs, max(2, n_process) if engine == "dask" else n_process
        )
    chunks = _cut(documents, chunk_size)
    if not n_docs:
        supported = ", ".join(sorted(_supported()))
        shown = ", ".join(os.fspath(i) for i in inputs[:5]) + (" ..." if len(inputs) > 5 else "")
        raise ConfigError(Errors.E401.format(inputs=shown or "(nothing)", supported=supported))
    outp = _check_out(Path(out).absolute())
    tax_path = str(outp / "taxonomy.toml") if resources.taxonomy is not None else None
    job = JobSettings(
        str(outp),
        model,
        tables,
        components_to_exclude(tables),
        date,
        max_bytes,
        fingerprint,
        resources.gazetteer,
        tax_path,
        resources.themes_model,
    )
    run_settings = {
        **settings,
        "inputs": [os.fspath(i) for i in inputs],
        "engine": engine,
        "scheduler": scheduler,
        "n_process": n_process,
        "chunk_size": chunk_size,
        "exclude": list(job.exclude),
    }
    return _Plan(
        job, chunks, {c.chunk_id for c in chunks}, n_docs, settings, run_settings, resources
    )


def _open_folder(
    plan_: _Plan,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[str]]:
    """Under the lock: refuse another job's folder (E402), write the taxonomy, keep the
    intact committed chunks (damaged ones are dropped, W217), remove uncommitted parts
    and write the manifest of a running job. Returns it, the markers kept and the
    chunks dropped."""
    job, outp = plan_.job, Path(plan_.job.out)
    settings, fingerprint = plan_.settings, job.fingerprint
    previous = _read_json(outp / MANIFEST)
    if previous and previous.get("fingerprint") != fingerprint:
        old = previous.get("settings", {})
        # (settings holds only the resources given now: show one given before, too)
        keys = [*settings, *(k for k in _RESOURCE_KEYS if k in old and k not in settings)]
        diff = (
            ", ".join(
                f"{k}: {old.get(k)!r} -> {settings.get(k)!r}"
                for k in keys
                if old.get(k) != settings.get(k)
            )
            or "unknown"
        )
        raise ConfigError(Errors.E402.format(out=outp, diff=diff))
    if job.taxonomy is not None:  # under the lock: the workers read it
        toml = plan_.resources.taxonomy_toml.encode("utf-8")
        _write_atomic(Path(job.taxonomy), lambda f: f.write(toml))
    markers = {c: m for c, m in _read_markers(outp).items() if m.get("fingerprint") == fingerprint}
    redone = _drop_damaged(outp, markers, plan_.planned)
    _clean_uncommitted(outp, set(markers))
    manifest: dict[str, Any] = {
        "status": "running",
        "fingerprint": fingerprint,
        "settings": plan_.run_settings,
        "relnlp_version": __version__,
        "tables_version": TABLES_VERSION,
        "tables": [*job.tables, ERRORS_TABLE],
        "chunks": [c.chunk_id for c in plan_.chunks],
        "started": _now(),
    }
    _write_json(outp / MANIFEST, manifest)
    return manifest, markers, redone


def _close_folder(
    plan_: _Plan,
    manifest: dict[str, Any],
    results: Sequence[ChunkResult],
    timings: dict[str, float],
    t_start: float,
    redone: int,
) -> dict[str, Any]:
    """Every chunk committed: drop an earlier plan's chunks, give each table's parts one
    schema, and write the final manifest (returned)."""
    outp, fingerprint, chunks = Path(plan_.job.out), plan_.job.fingerprint, plan_.chunks
    markers = {c: m for c, m in _read_markers(outp).items() if m.get("fingerprint") == fingerprint}
    missing = plan_.planned - set(markers)
    if missing:  # pragma: no cover  (every engine commits or raises)
        raise RuntimeError(f"chunks not committed: {sorted(missing)[:5]}")
    pruned = _prune(outp, plan_.planned, fingerprint)
    rewritten = _unify_parts(outp, [*plan_.job.tables, ERRORS_TABLE], [c.chunk_id for c in chunks])
    timings = {
        "plan_seconds": timings["plan_seconds"],
        "process_seconds": timings["process_seconds"],
        "total_seconds": round(time.perf_counter() - t_start, 3),
        "analysis_seconds": timings["analysis_seconds"],
    }
    manifest = _final_manifest(
        manifest, chunks, markers, results, timings, pruned=pruned, rewritten=rewritten
    )
    manifest["counts"]["chunks_redone"] = redone
    _write_json(outp / MANIFEST, manifest)
    return manifest
