"""Processing one chunk (the task every engine runs) and tying a worker to its coordinator."""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp.batch._spec import ChunkResult, ChunkSpec, DocSpec, JobSettings, _now
from relnlp.batch._store import _commit_chunk
from relnlp.errors import Errors, RelnlpWarning

if TYPE_CHECKING:
    from relnlp.analyzer import Analyzer, Report

logger = logging.getLogger("relnlp.batch")


_PIPELINES: dict[tuple[Any, ...], Analyzer] = {}


def _pipeline(job: JobSettings) -> Analyzer:
    """The analyser for a job, loaded once per process and kept (module-level cache)."""
    # The fingerprint covers the content of the user's files (the paths may be reused).
    key = (job.model, job.exclude, job.gazetteer, job.taxonomy, job.themes_model, job.fingerprint)
    if key not in _PIPELINES:
        from relnlp.analyzer import load

        _PIPELINES.clear()  # one job's pipeline per worker process at a time
        _PIPELINES[key] = load(
            job.model,
            exclude=job.exclude,
            gazetteer=job.gazetteer,
            taxonomy=job.taxonomy,
            themes_model=job.themes_model,
        )
    return _PIPELINES[key]


#: Seconds between two checks of a worker that its coordinator is still there.
PARENT_POLL_SECONDS = 0.5


def _end_with_parent(parent: int) -> None:
    """End this worker process as soon as its coordinator ``parent`` is gone.

    However the coordinator ends (``kill -9`` included) its workers must not live on as
    orphans that keep writing into the output folder and holding memory. On Linux the
    kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``); everywhere
    a daemon thread also watches the parent pid (an orphan is re-parented, so
    ``getppid()`` changes) and ends the process. Both are armed before the pipeline
    loads, and a parent that died before that is caught by the first check.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(70)  # nothing to flush: uncommitted parts are cleaned by the next run

    if os.getppid() != parent:
        os._exit(70)
    threading.Thread(target=watch, name="relnlp-parent-watch", daemon=True).start()


def _boot(parent: int) -> None:
    """Initializer of a pool started before the job is planned: tie the worker to its
    coordinator and import the analyser (spaCy included), so the worker's start-up runs
    while the coordinator plans; the pipeline itself loads with the first chunk."""
    _end_with_parent(parent)
    try:
        import relnlp.analyzer  # noqa: F401
    except Exception:  # noqa: BLE001  (the first chunk raises it again)
        logger.debug("import failed in worker", exc_info=True)


def _warm(job: JobSettings, parent: int | None = None) -> None:
    """Pool initializer: tie the worker to its coordinator, then load the pipeline.

    A failure to load is not raised here (it would break the pool and pass for a crash);
    the first chunk's own load raises it again, and the job stops with that error.
    """
    if parent is not None:
        _end_with_parent(parent)
    try:
        _pipeline(job)
    except Exception:  # noqa: BLE001
        logger.debug("pipeline load failed in worker", exc_info=True)


def _error_row(doc: DocSpec, exc: BaseException) -> dict[str, Any]:
    msg = str(exc).strip() or type(exc).__name__
    code = getattr(exc, "code", None)  # every relnlp error carries its code
    return {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "error_type": type(exc).__name__,
        "code": code,
        "message": msg.splitlines()[0],
    }


def _analyse_docs(
    analyzer: Analyzer, job: JobSettings, docs: Sequence[DocSpec]
) -> Iterator[tuple[int, DocSpec, Report | None, BaseException | None]]:
    """Yield ``(index, doc, report, None)`` or ``(index, doc, None, error)`` per document.

    Documents are read one by one (a reading failure is that document's error), then
    analysed with ``Analyzer.pipe`` (batched, as spaCy is fastest). Should the pipeline
    raise, the documents it has not returned yet are analysed one at a time, so the
    failure is pinned on its document and the others are kept.
    """
    from relnlp.io import read

    readable: list[tuple[int, DocSpec, Any]] = []
    for i, d in enumerate(docs):
        try:
            readable.append((i, d, read(d.path, max_bytes=job.max_bytes)))
        # Any failure, not only InputError: this document becomes an errors row (type
        # and code kept) and the job goes on.
        except Exception as exc:  # noqa: BLE001
            yield i, d, None, exc
    done = 0
    try:
        stream = ((document, d.doc_id, job.doc_date) for _i, d, document in readable)
        for report in analyzer.pipe(stream, as_tuples=True, batch_size=8):
            i, d, _document = readable[done]
            done += 1
            yield i, d, report, None
    except Exception:  # noqa: BLE001  (the rest is retried one by one below)
        logger.debug("pipe failed; analysing the rest one by one", exc_info=True)
    for i, d, document in readable[done:]:
        try:
            report = analyzer.analyze(document, d.doc_id, job.doc_date)
        except Exception as exc:  # noqa: BLE001
            yield i, d, None, exc
        else:
            yield i, d, report, None


def process_chunk(
    chunk: ChunkSpec,
    job: JobSettings,
    on_doc: Callable[[int, bool], None] | None = None,
) -> ChunkResult:
    """Analyse one chunk and commit its parts and marker; return the counts.

    This is the task every engine runs (paths in, part files out).

    Parameters
    ----------
    chunk : ChunkSpec
        The documents.
    job : JobSettings
        Output folder, model, tables and options.
    on_doc : callable, optional
        Called as ``on_doc(tokens, failed)`` after each document (progress).

    Returns
    -------
    ChunkResult
    """
    t0 = time.perf_counter()
    analyzer = _pipeline(job)
    from relnlp import tables as _tables

    built_by_doc: list[tuple[int, dict[str, pd.DataFrame]]] = []
    errors: list[tuple[int, dict[str, Any]]] = []
    tokens = 0
    meta: dict[str, Any] = {}
    warn_counts: collections.Counter[str] = collections.Counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RelnlpWarning)
        for i, d, report, err in _analyse_docs(analyzer, job, chunk.docs):
            n = 0
            if report is not None:
                try:
                    built = {name: _tables.build(name, report) for name in job.tables}
                except Exception as exc:  # noqa: BLE001  (a table bug fails this doc only)
                    err = exc
                else:
                    built_by_doc.append((i, built))
                    n = len(report.doc)
                    tokens += n
                    if not meta:
                        meta = {
                            k: v
                            for k, v in report.meta.items()
                            if k not in ("doc_id", "doc_date", "doc_date_source")
                        }
            if err is not None:
                errors.append((i, _error_row(d, err)))
            if on_doc is not None:
                on_doc(n, err is not None)
    for w in caught:
        if issubclass(w.category, RelnlpWarning):
            code = getattr(w.message, "code", None)
            warn_counts[code or "other"] += getattr(w.message, "count", 1)
        else:  # not ours to count: pass it on as it came
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    # Rows in document order whatever order the documents finished in.
    frames: dict[str, list[pd.DataFrame]] = collections.defaultdict(list)
    for _i, built in sorted(built_by_doc, key=lambda x: x[0]):
        for name, df in built.items():
            frames[name].append(df)
    error_rows = [row for _i, row in sorted(errors, key=lambda x: x[0])]
    seconds = time.perf_counter() - t0
    info = {
        "documents": len(chunk.docs),
        "failed": len(errors),
        "tokens": tokens,
        "seconds": round(seconds, 3),
        "meta": meta,
        "warnings": dict(warn_counts),
        "finished": _now(),
    }
    rows = _commit_chunk(job, chunk, frames, error_rows, info)
    return ChunkResult(
        chunk.chunk_id, len(chunk.docs), len(errors), tokens, rows, seconds, meta, dict(warn_counts)
    )


def _crashed(job: JobSettings, chunk: ChunkSpec, detail: str) -> ChunkResult:
    """Commit a chunk whose worker died: every document becomes an E404 errors row."""
    msg = Errors.E404.format(chunk_id=chunk.chunk_id, detail=detail)
    errors = [
        {
            "doc_id": d.doc_id,
            "path": d.path,
            "error_type": "WorkerCrash",
            "code": "E404",
            "message": msg,
        }
        for d in chunk.docs
    ]
    info = {
        "documents": len(chunk.docs),
        "failed": len(errors),
        "tokens": 0,
        "seconds": 0.0,
        "meta": {},
        "warnings": {},
        "finished": _now(),
    }
    rows = _commit_chunk(job, chunk, {}, errors, info)
    return ChunkResult(chunk.chunk_id, len(chunk.docs), len(errors), 0, rows, 0.0)
