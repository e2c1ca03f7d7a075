"""Batch jobs at scale: many reports in, one Parquet dataset per table out (issue 8).

:func:`run` analyses files, folders and globs of reports and writes, under ``out``:

``<table>/part-<chunk_id>.parquet``
    One part file per chunk of documents for every table of :data:`relnlp.schemas.TABLES`
    (or the tables named in ``only``), rows keyed by ``doc_id``.
``errors/part-<chunk_id>.parquet``
    One row per document that could not be analysed: ``doc_id``, ``path``,
    ``error_type``, ``code`` and ``message``.
``_done/<chunk_id>.json``
    The commit marker of a chunk, written last, after all its parts; it records the
    size and sha256 of each part.
``manifest.json``
    relnlp, model, table and taxonomy versions, the settings, counts and timings.

Resume. Documents get stable ids (file stem + a hash of the relative path and the
content); they are sorted by id and cut into chunks whose ids are a hash of their
documents' ids, so rerunning the same command maps the same documents to the same
chunks. Every file is written to a hidden temporary name and moved into place with
:func:`os.replace`, and a chunk counts as done only once its marker exists. A job that is
killed and rerun therefore processes only the chunks without a marker, and its tables
equal those of an uninterrupted run: part files without a marker are ignored by
:func:`read_table` and removed by the next run. The default chunk size is fitted to the
job (:func:`fit_chunk_size`) and kept by reruns, whatever their ``n_process``.

Storage faults. A write that fails (a full disk, no permission) stops the job with one
coded :class:`~relnlp.errors.StorageError` (E409) naming the path, the error and the
chunks kept; rerunning the same command finishes the job. A rerun first checks every
committed part against the size and checksum in its marker and analyses again, with a
W217 warning, a chunk whose part is missing or damaged; :func:`read_table` names such a
part (E406, E412) and :func:`verify` (``relnlp batch --verify OUT``) checks a whole
folder. An ``out`` that is a file, or under one, is refused before anything is written
(E410, E411).

Isolation. A document that cannot be read or analysed (missing, empty, binary, too large,
encrypted or truncated PDF, or a failure inside the pipeline) becomes a row of ``errors``
and the job goes on. A worker process that dies takes only its chunk with it: the chunk
is retried once on its own, then its documents are recorded as ``E404`` errors. Workers
end with their coordinator, however it ends (``kill -9`` included), and the lock of a
job whose process is gone is taken over by the next run.

Engines. ``engine="local"`` runs in this process (``n_process=1``) or in a pool of
``n_process`` spawned processes, each loading the pipeline once; ``engine="dask"`` sends
one task per chunk (paths in, part files out) to a ``dask.distributed`` cluster, whose
workers cache the pipeline at module level. Only counts travel back to the coordinator,
so its memory stays flat however many documents there are. Every engine writes the same
bytes for the same chunk.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import contextlib
import datetime as _dt
import errno
import functools
import glob as _glob
import hashlib
import json
import logging
import math
import multiprocessing
import os
import re
import signal
import socket
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from relnlp import schemas
from relnlp.about import DEFAULT_MODEL, FALLBACK_MODELS, TABLES_VERSION, __version__
from relnlp.errors import (
    ConfigError,
    Errors,
    RelnlpError,
    RelnlpWarning,
    ResourceError,
    StorageError,
    Warnings,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from relnlp.analyzer import Analyzer, Report
    from relnlp.themes.taxonomy import Taxonomy

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ERRORS_TABLE",
    "BatchResult",
    "ChunkResult",
    "ChunkSpec",
    "DocSpec",
    "JobSettings",
    "VerifyResult",
    "components_to_exclude",
    "doc_id_for",
    "fit_chunk_size",
    "plan",
    "process_chunk",
    "read_table",
    "run",
    "verify",
]

logger = logging.getLogger("relnlp.batch")

#: Documents per chunk at most, when the size is fitted to the job (the unit of work, of
#: commit and of resume): bounds a worker's memory and the work lost to a kill.
DEFAULT_CHUNK_SIZE = 50
#: Chunks per process that a fitted chunk size aims at: with several chunks each, a
#: process that drew long reports does not leave the others idle at the end.
CHUNKS_PER_PROCESS = 4
#: Name of the table holding one row per failed document.
ERRORS_TABLE = "errors"
ERRORS_COLUMNS: Mapping[str, str] = {
    "doc_id": "object", "path": "object", "error_type": "object", "code": "object",
    "message": "object",
}  # fmt: skip
ENGINES = ("local", "dask")
MANIFEST = "manifest.json"
DONE_DIR = "_done"
LOCK = "_lock.json"

#: spaCy components each table needs beyond ``tok2vec`` and the relnlp rules that always
#: run (sentences, dates). A table not listed here (for instance one added to
#: ``schemas.TABLES`` later) keeps the whole pipeline. tone reads lemmas, POS and
#: dependencies, and passages/documents/events read tone and themes, so only these five
#: tables can drop components.
_NEEDS: Mapping[str, frozenset[str]] = {
    "tokens": frozenset({"tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}),
    "sentences": frozenset({"parser"}),
    "entities": frozenset({"parser", "ner"}),
    "actors": frozenset({"parser", "ner"}),
    "dates": frozenset({"parser"}),
}
_DROPPABLE = ("tagger", "attribute_ruler", "lemmatizer", "ner")
_RELNLP_DROPPABLE = ("relnlp_tone", "relnlp_themes")
_CODE = re.compile(r"^\[([EW]\d{3})\]")
_GLOB_MAGIC = re.compile(r"[*?\[]")


# Plan ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocSpec:
    """One input document: its id, absolute path and path relative to its input root."""

    doc_id: str
    path: str
    relpath: str


@dataclass(frozen=True)
class ChunkSpec:
    """A chunk of documents: the unit processed, committed and resumed together."""

    chunk_id: str
    docs: tuple[DocSpec, ...]


@dataclass(frozen=True)
class JobSettings:
    """Everything a worker needs to process a chunk (picklable, sent with each task)."""

    out: str
    model: str
    tables: tuple[str, ...]
    exclude: tuple[str, ...]
    doc_date: str | None
    max_bytes: int | None
    fingerprint: str
    gazetteer: tuple[str, ...] = ()
    taxonomy: str | None = None  # a TOML file
    themes_model: str | None = None


@dataclass
class ChunkResult:
    """What comes back from a processed chunk: counts only, never the tables."""

    chunk_id: str
    documents: int
    failed: int
    tokens: int
    rows: dict[str, int]
    seconds: float
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    resumed: bool = False


@dataclass
class BatchResult:
    """Summary of a finished :func:`run`.

    Attributes
    ----------
    out : pathlib.Path
        The output folder.
    documents : int
        Documents in the job.
    failed : int
        Documents recorded in the ``errors`` table.
    chunks : int
        Chunks in the job.
    chunks_run : int
        Chunks processed by this call (the others were already committed).
    tokens : int
        spaCy tokens in the documents analysed by this call.
    seconds : float
        Wall-clock time of this call.
    manifest : dict
        The content written to ``manifest.json``.
    """

    out: Path
    documents: int
    failed: int
    chunks: int
    chunks_run: int
    tokens: int
    seconds: float
    manifest: dict[str, Any]

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return self.failed == 0


def _supported() -> dict[str, str]:
    from relnlp.io import SUPPORTED

    return dict(SUPPORTED)


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard (relative paths start there)."""
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts:
        if _GLOB_MAGIC.search(part):
            break
        base.append(part)
    return Path(*base) if base else Path(".")


def _expand_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    """(absolute path, relative path) of every input file.

    Folders are searched recursively for supported suffixes (hidden files and folders
    skipped) and their files are named ``<folder name>/<path inside>``; a glob's matches
    are named relative to the glob's fixed prefix; a named file is kept whatever its
    suffix (an unsupported or missing one becomes an ``errors`` row) and named by its
    file name.
    """
    supported = _supported()
    found: list[tuple[Path, str]] = []
    for item in inputs:
        raw = os.fspath(item)
        p = Path(raw)
        if p.is_dir():
            root = p.resolve()
            for q in sorted(root.rglob("*")):
                rel = q.relative_to(root)
                if q.is_file() and q.suffix.lower() in supported and not _is_hidden(rel):
                    found.append((q, (Path(root.name) / rel).as_posix()))
        elif _GLOB_MAGIC.search(raw) and not p.exists():
            base = _glob_base(raw).resolve()
            for m in sorted(_glob.glob(raw, recursive=True)):
                q = Path(m).resolve()
                if not q.is_file() or q.suffix.lower() not in supported:
                    continue
                try:
                    rel = q.relative_to(base)
                except ValueError:  # a symlink leading out of the base folder
                    rel = Path(q.name)
                if not _is_hidden(rel):
                    found.append((q, rel.as_posix()))
        else:
            found.append((p.absolute(), p.name))
    return found


def _digest(path: Path, max_bytes: int | None) -> str:
    """sha256 of the file's bytes; size only above ``max_bytes``; a marker if unreadable."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return f"size:{size}"
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError as exc:
        return f"unreadable:{type(exc).__name__}"


def _slug(stem: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.-]+", "_", stem).strip("._") or "doc"
    return s[:40]


def doc_id_for(relpath: str, digest: str) -> str:
    """Stable document id: the file stem and 12 hex digits of sha256(relpath, content hash).

    Parameters
    ----------
    relpath : str
        The path relative to its input root, with ``/`` separators.
    digest : str
        The sha256 hex digest of the file's bytes.

    Returns
    -------
    str

    Examples
    --------
    >>> doc_id_for("reports/a b.txt", "0" * 64)
    'a_b-69cbde682d1d'
    """
    h = hashlib.sha256(f"{relpath}\0{digest}".encode()).hexdigest()[:12]
    return f"{_slug(Path(relpath).stem)}-{h}"


def plan(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_bytes: int | None = 200_000_000,
) -> list[ChunkSpec]:
    """Expand the inputs, give each document its id and cut the sorted ids into chunks.

    Parameters
    ----------
    inputs : sequence of str or path-like
        Files, folders (recursive) and globs.
    chunk_size : int
        Documents per chunk.
    max_bytes : int, optional
        Files above this size are not hashed (their size stands in for the content).

    Returns
    -------
    list of ChunkSpec
        Chunks in order of their first document id; the id of a chunk is derived from
        the ids of its documents, so the same inputs always give the same chunks.
    """
    return _cut(_documents(inputs, max_bytes), chunk_size)


def fit_chunk_size(n_docs: int, n_process: int) -> int:
    """The default chunk size: every process gets several chunks, none more than 50 docs.

    Parameters
    ----------
    n_docs : int
        Documents in the job.
    n_process : int
        Processes (or dask workers) sharing the chunks.

    Returns
    -------
    int
        ``ceil(n_docs / (CHUNKS_PER_PROCESS * n_process))`` within 1 and
        :data:`DEFAULT_CHUNK_SIZE`.

    Examples
    --------
    >>> fit_chunk_size(50, 2), fit_chunk_size(50, 1), fit_chunk_size(10_000, 2)
    (7, 13, 50)
    """
    per = math.ceil(max(n_docs, 1) / (CHUNKS_PER_PROCESS * max(n_process, 1)))
    return max(1, min(DEFAULT_CHUNK_SIZE, per))


def _documents(
    inputs: Sequence[str | os.PathLike[str]], max_bytes: int | None
) -> list[DocSpec]:
    """Every input document once, with its id, sorted by id."""
    seen: dict[Path, str] = {}
    for path, rel in _expand_inputs(inputs):
        # The same file reached twice (a folder and a glob) is one document.
        if path not in seen or rel < seen[path]:
            seen[path] = rel
    specs: dict[str, DocSpec] = {}
    for path in sorted(seen, key=str):
        rel = seen[path]
        base = doc_id_for(rel, _digest(path, max_bytes))
        doc_id, k = base, 1
        while doc_id in specs:  # same relative path and content under two roots
            k += 1
            doc_id = f"{base}-{k}"
        specs[doc_id] = DocSpec(doc_id, str(path), rel)
    return [specs[i] for i in sorted(specs)]


def _cut(ordered: Sequence[DocSpec], chunk_size: int) -> list[ChunkSpec]:
    """Cut the sorted documents into chunks named by a hash of their ids."""
    chunks = []
    for i in range(0, len(ordered), chunk_size):
        docs = tuple(ordered[i : i + chunk_size])
        digest = hashlib.sha256("\n".join(d.doc_id for d in docs).encode()).hexdigest()
        chunks.append(ChunkSpec("c" + digest[:16], docs))
    return chunks


# Settings ----------------------------------------------------------------------------------
def _parse_only(only: str | Iterable[str] | None) -> tuple[str, ...]:
    if only is None:
        return tuple(schemas.TABLES)
    names = only.split(",") if isinstance(only, str) else list(only)
    wanted = [n.strip() for n in names if n.strip()]
    valid = ", ".join(schemas.TABLES)
    if not wanted:
        raise ConfigError(Errors.E104.format(what="table in only", value=only, valid=valid))
    for n in wanted:
        if n not in schemas.TABLES:
            raise ConfigError(Errors.E104.format(what="table", value=n, valid=valid))
    # Declared order, so the setting (and the fingerprint) does not depend on spelling.
    return tuple(t for t in schemas.TABLES if t in wanted)


def components_to_exclude(tables: Iterable[str]) -> tuple[str, ...]:
    """Pipeline components that the given tables do not need.

    Parameters
    ----------
    tables : iterable of str
        Table names from :data:`relnlp.schemas.TABLES`.

    Returns
    -------
    tuple of str
        Names to pass as ``relnlp.load(exclude=...)``; empty when any table needs the
        whole pipeline.

    Examples
    --------
    >>> components_to_exclude(["dates"])
    ('tagger', 'attribute_ruler', 'lemmatizer', 'ner', 'relnlp_tone', 'relnlp_themes')
    >>> components_to_exclude(["entities", "passages"])
    ()
    """
    tables = list(tables)
    if any(t not in _NEEDS for t in tables):
        return ()
    needed: set[str] = set().union(*(_NEEDS[t] for t in tables))
    return tuple(c for c in _DROPPABLE if c not in needed) + _RELNLP_DROPPABLE


def _check_int(name: str, value: object, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(
            Errors.E106.format(name=name, expected=f"an int >= {minimum}", value=value)
        )
    return value


def _check_model(model: str) -> None:
    """Fail early, with E101, when the spaCy pipeline is not installed here."""
    import importlib.util

    names = [model] + (list(FALLBACK_MODELS) if model == DEFAULT_MODEL else [])
    for name in names:
        if Path(name).exists():
            return
        with contextlib.suppress(ImportError, ValueError):
            if importlib.util.find_spec(name) is not None:
                return
    raise ResourceError(Errors.E101.format(name=model), name=model)


_RESOURCE_KEYS = ("gazetteer", "taxonomy", "themes_model")


@dataclass
class _Resources:
    gazetteer: tuple[str, ...] = ()
    taxonomy: Taxonomy | None = None
    taxonomy_toml: str = ""
    themes_model: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _user_resources(
    gazetteer: Sequence[str | os.PathLike[str]],
    taxonomy: Taxonomy | str | os.PathLike[str] | None,
    themes_model: str | os.PathLike[str] | None,
) -> _Resources:
    """Check the user's gazetteer, taxonomy and theme model (raising the same coded
    errors as :func:`relnlp.load`) and describe them for the job's fingerprint."""
    import tempfile

    from relnlp.gazetteer import load_gazetteer
    from relnlp.themes.loading import build_classifier
    from relnlp.themes.taxonomy import Taxonomy

    out = _Resources()
    if isinstance(gazetteer, (str, os.PathLike)):
        gazetteer = [gazetteer]
    if gazetteer:
        paths = tuple(str(Path(g).absolute()) for g in gazetteer)
        load_gazetteer(paths, packaged=False)  # E107/E108 and missing files, now
        out.gazetteer = paths
        out.settings["gazetteer"] = [_sha256(Path(p)) for p in paths]
    if taxonomy is not None:
        tax = taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy.load(taxonomy)
        with tempfile.TemporaryDirectory() as tmp:
            out.taxonomy_toml = tax.save(Path(tmp) / "taxonomy.toml").read_text("utf-8")
        out.taxonomy = tax
        out.settings["taxonomy"] = tax.key
    if themes_model is not None:
        path = Path(themes_model).absolute()
        build_classifier(out.taxonomy, path)  # E305 and a taxonomy mismatch, now
        out.themes_model = str(path)
        out.settings["themes_model"] = _sha256(path / "themes_model.json" if path.is_dir() else path)
    return out


def _fingerprint(settings: Mapping[str, Any]) -> str:
    blob = json.dumps(settings, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


# Writing -------------------------------------------------------------------------------------
def _write_atomic(target: Path, write: Callable[[Any], None]) -> dict[str, Any]:
    """Write to a hidden temporary file beside ``target``, fsync, then os.replace.

    Returns the size and sha256 of the bytes on disk (read back from the temporary file
    before the rename, so the checksum is of what was stored, not of what was meant).
    An error (a full disk, no permission) leaves ``target`` as it was and no temporary
    file behind; it is raised with the path that failed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        with tmp.open("wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with tmp.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        size = tmp.stat().st_size
        os.replace(tmp, target)
    except OSError as exc:
        if exc.filename is None and not isinstance(exc, RelnlpError):
            raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from exc
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return {"bytes": size, "sha256": digest}


def _write_json(target: Path, payload: Mapping[str, Any]) -> dict[str, Any]:
    data = json.dumps(payload, indent=1, ensure_ascii=False, default=str).encode()
    return _write_atomic(target, lambda fh: fh.write(data))


def _is_missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _arrow_column(s: pd.Series) -> pa.Array:
    """An Arrow array with a type that does not depend on the chunk's content.

    Object columns hold strings or lists of strings; both get fixed types, so part files
    agree. A column with no value at all is written as the null type and given its real
    type when the job finishes (see :func:`_unify_parts`).
    """
    import pyarrow as pa

    if s.dtype != object and not pd.api.types.is_string_dtype(s.dtype):
        return pa.Array.from_pandas(s)
    values = s.tolist()
    present = [v for v in values if not _is_missing(v)]
    if not present:
        return pa.nulls(len(values))
    if all(isinstance(v, str) for v in present):
        return pa.array(values, type=pa.string(), from_pandas=True)
    if all(isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v) for v in present):
        rows = [None if _is_missing(v) else list(v) for v in values]
        return pa.array(rows, type=pa.list_(pa.string()))
    return pa.array(values, from_pandas=True)


def _arrow_table(df: pd.DataFrame) -> pa.Table:
    import pyarrow as pa

    cols = {str(c): _arrow_column(df[c]) for c in df.columns}
    return pa.table(cols) if cols else pa.table({})


def _write_arrow(table: pa.Table, fh: Any) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, fh)


def _write_part(target: Path, df: pd.DataFrame) -> dict[str, Any]:
    return _write_atomic(target, functools.partial(_write_arrow, _arrow_table(df)))


def _part_path(out: Path, table: str, chunk_id: str) -> Path:
    return out / table / f"part-{chunk_id}.parquet"


def _marker_path(out: Path, chunk_id: str) -> Path:
    return out / DONE_DIR / f"{chunk_id}.json"


def _empty(name: str) -> pd.DataFrame:
    if name == ERRORS_TABLE:
        return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in ERRORS_COLUMNS.items()})
    return schemas.empty_table(name)


def _commit_chunk(
    job: JobSettings,
    chunk: ChunkSpec,
    frames: Mapping[str, list[pd.DataFrame]],
    errors: list[dict[str, Any]],
    info: Mapping[str, Any],
) -> dict[str, int]:
    """Write the chunk's parts (every table, then errors), then its marker, last.

    The marker records each part's size and sha256, so that a rerun, :func:`verify` and
    :func:`read_table` can tell a committed part that was damaged or removed later.
    """
    out = Path(job.out)
    rows: dict[str, int] = {}
    parts_info: dict[str, dict[str, Any]] = {}
    for name in job.tables:
        parts = [f for f in frames.get(name, []) if len(f)]
        df = pd.concat(parts, ignore_index=True) if parts else _empty(name)
        parts_info[name] = _write_part(_part_path(out, name, chunk.chunk_id), df)
        rows[name] = len(df)
    err = pd.DataFrame(errors, columns=list(ERRORS_COLUMNS)) if errors else _empty(ERRORS_TABLE)
    parts_info[ERRORS_TABLE] = _write_part(_part_path(out, ERRORS_TABLE, chunk.chunk_id), err)
    rows[ERRORS_TABLE] = len(err)
    marker = {
        "chunk_id": chunk.chunk_id,
        "fingerprint": job.fingerprint,
        "doc_ids": [d.doc_id for d in chunk.docs],
        "tables": list(job.tables),
        "rows": rows,
        "parts": parts_info,
        **info,
    }
    _write_json(_marker_path(out, chunk.chunk_id), marker)
    return rows


# Processing a chunk (runs in a worker) -------------------------------------------------------
_PIPELINES: dict[tuple[Any, ...], Analyzer] = {}


def _pipeline(job: JobSettings) -> Analyzer:
    """The analyser for a job, loaded once per process and kept (module-level cache)."""
    # The fingerprint covers the content of the user's files (the paths may be reused).
    key = (job.model, job.exclude, job.gazetteer, job.taxonomy, job.themes_model,
           job.fingerprint)  # fmt: skip
    if key not in _PIPELINES:
        from relnlp.analyzer import load

        _PIPELINES.clear()  # one job's pipeline per worker process at a time
        _PIPELINES[key] = load(job.model, exclude=job.exclude, gazetteer=job.gazetteer,
                               taxonomy=job.taxonomy, themes_model=job.themes_model)  # fmt: skip
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
    m = _CODE.match(msg)
    code = getattr(exc, "code", None) or (m.group(1) if m else None)
    return {"doc_id": doc.doc_id, "path": doc.path, "error_type": type(exc).__name__,
            "code": code, "message": msg.splitlines()[0]}  # fmt: skip


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
                        meta = {k: v for k, v in report.meta.items()
                                if k not in ("doc_id", "doc_date", "doc_date_source")}  # fmt: skip
            if err is not None:
                errors.append((i, _error_row(d, err)))
            if on_doc is not None:
                on_doc(n, err is not None)
    for w in caught:
        if issubclass(w.category, RelnlpWarning):
            m = _CODE.match(str(w.message))
            warn_counts[m.group(1) if m else "other"] += getattr(w.message, "count", 1)
        else:  # not ours to count: pass it on as it came
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    # Rows in document order whatever order the documents finished in.
    frames: dict[str, list[pd.DataFrame]] = collections.defaultdict(list)
    for _i, built in sorted(built_by_doc, key=lambda x: x[0]):
        for name, df in built.items():
            frames[name].append(df)
    error_rows = [row for _i, row in sorted(errors, key=lambda x: x[0])]
    seconds = time.perf_counter() - t0
    info = {"documents": len(chunk.docs), "failed": len(errors), "tokens": tokens,
            "seconds": round(seconds, 3), "meta": meta, "warnings": dict(warn_counts),
            "finished": _now()}  # fmt: skip
    rows = _commit_chunk(job, chunk, frames, error_rows, info)
    return ChunkResult(chunk.chunk_id, len(chunk.docs), len(errors), tokens, rows, seconds,
                       meta, dict(warn_counts))  # fmt: skip


def _crashed(job: JobSettings, chunk: ChunkSpec, detail: str) -> ChunkResult:
    """Commit a chunk whose worker died: every document becomes an E404 errors row."""
    msg = Errors.E404.format(chunk_id=chunk.chunk_id, detail=detail)
    errors = [{"doc_id": d.doc_id, "path": d.path, "error_type": "WorkerCrash",
               "code": "E404", "message": msg} for d in chunk.docs]  # fmt: skip
    info = {"documents": len(chunk.docs), "failed": len(errors), "tokens": 0, "seconds": 0.0,
            "meta": {}, "warnings": {}, "finished": _now()}  # fmt: skip
    rows = _commit_chunk(job, chunk, {}, errors, info)
    return ChunkResult(chunk.chunk_id, len(chunk.docs), len(errors), 0, rows, 0.0)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


# Engines ----------------------------------------------------------------------------------------
def _run_inline(
    chunks: Sequence[ChunkSpec], job: JobSettings, on_doc: Callable[[int, bool], None]
) -> Iterator[ChunkResult]:
    for chunk in chunks:
        yield process_chunk(chunk, job, on_doc)


def _run_pool(
    chunks: Sequence[ChunkSpec], job: JobSettings, n_process: int
) -> Iterator[ChunkResult]:
    """A pool of spawned processes, each loading the pipeline once (in its initializer).

    At most ``2 * n_process`` chunks are in flight, so memory stays flat. When a worker
    dies the pool breaks and all chunks in flight are lost; each is then retried alone,
    and one that breaks the pool again is committed as E404 errors.
    """
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    todo = collections.deque(chunks)
    suspects: collections.deque[ChunkSpec] = collections.deque()
    limit = 2 * n_process

    def new_pool() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_warm,
                                      initargs=(job, os.getpid()))  # fmt: skip

    pool = new_pool()
    inflight: dict[cf.Future[ChunkResult], ChunkSpec] = {}
    retried: set[str] = set()
    try:
        while todo or suspects or inflight:
            if suspects:  # a chunk under suspicion runs with nothing else in flight
                if not inflight:
                    c = suspects.popleft()
                    inflight[pool.submit(process_chunk, c, job)] = c
            else:
                while todo and len(inflight) < limit:
                    c = todo.popleft()
                    inflight[pool.submit(process_chunk, c, job)] = c
            done, _ = cf.wait(inflight, return_when=cf.FIRST_COMPLETED)
            broken = False
            for fut in done:
                c = inflight.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken = True
                    inflight[fut] = c  # lost with the others, handled below
            if broken:
                lost = list(inflight.values())
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for c in lost:
                    if c.chunk_id in retried:
                        yield _crashed(job, c, "the worker process exited unexpectedly")
                    else:
                        retried.add(c.chunk_id)
                        suspects.append(c)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _distributed() -> Any:
    """The ``distributed`` module (untyped to mypy), or E407 when it is not installed."""
    import importlib

    try:
        return importlib.import_module("distributed")
    except ImportError as exc:
        raise ResourceError(Errors.E407, name="distributed") from exc


def _dask_client(scheduler: str | None, n_workers: int) -> tuple[Any, Any]:
    dd = _distributed()
    if scheduler:
        try:
            return dd.Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise ConfigError(Errors.E408.format(address=scheduler, detail=exc)) from exc
    import dask

    # This cluster is ours (one given with --scheduler keeps its own settings):
    # * the workers' statistical profiler samples the deep spaCy stacks every 10 ms: off;
    # * the nanny's default environment sets MALLOC_TRIM_THRESHOLD_=65536, and glibc then
    #   hands memory back to the system after nearly every parse (system time 5x, chunks
    #   ~10% slower), plus one-thread caps for BLAS/OpenMP: the workers get the local
    #   engine's environment instead (one task per worker at a time, so no oversubscription).
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ": {}}):  # fmt: skip
        cluster = dd.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None)  # fmt: skip
    return dd.Client(cluster), cluster


def _run_dask(
    chunks: Sequence[ChunkSpec], job: JobSettings, client: Any, n_workers: int
) -> Iterator[ChunkResult]:
    """One dask task per chunk (paths in, part files out); four per worker in flight."""
    dd = _distributed()
    todo = collections.deque(chunks)
    limit = 4 * max(1, n_workers)
    futures: dict[Any, ChunkSpec] = {}

    def submit(c: ChunkSpec) -> Any:
        key = f"relnlp-{job.fingerprint}-{c.chunk_id}"
        f = client.submit(process_chunk, c, job, key=key, pure=False)
        futures[f] = c
        return f

    seq = dd.as_completed([submit(todo.popleft()) for _ in range(min(limit, len(todo)))])
    for fut in seq:
        c = futures.pop(fut)
        try:
            res: ChunkResult = fut.result()
        except dd.KilledWorker as exc:  # the task killed its worker(s) repeatedly
            res = _crashed(job, c, f"dask: {exc}")
        yield res
        if todo:
            seq.add(submit(todo.popleft()))


# Output folder: lock, manifest, markers, cleanup -------------------------------------------------
def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_started(pid: int) -> str | None:
    """When process ``pid`` started (Linux: clock ticks after boot), to tell a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its end.
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


#: A lock file that cannot be read for this long is a write that never finished.
LOCK_GRACE_SECONDS = 10.0


def _lock_is_stale(lock: Path, held: Mapping[str, Any] | None, host: str) -> bool:
    """True when the job that wrote ``lock`` is certainly gone (so its lock is taken over).

    Its process has ended, or its pid now names another process (a different start
    time), or the lock was never completely written (unreadable for some seconds).
    A lock from another host is never taken over: its process cannot be checked here.
    """
    if held is None:
        try:
            return time.time() - lock.stat().st_mtime > LOCK_GRACE_SECONDS
        except FileNotFoundError:
            return True
    pid = held.get("pid")
    if not isinstance(pid, int) or held.get("host") != host:
        return False
    if not _pid_alive(pid):
        return True
    started = held.get("pid_started")
    return started is not None and _pid_started(pid) not in (None, started)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold ``_lock.json`` while the job writes; the lock of a dead job is taken over."""
    lock = out / LOCK
    host = socket.gethostname()
    me = {"pid": os.getpid(), "host": host, "started": _now(),
          "pid_started": _pid_started(os.getpid())}  # fmt: skip
    for _attempt in range(3):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                held = json.loads(lock.read_text())
            except (OSError, ValueError):
                held = None
            if _lock_is_stale(lock, held if isinstance(held, dict) else None, host):
                logger.info("taking over the lock of a job that ended: %s", held)
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            info = held if isinstance(held, dict) else {}
            raise ConfigError(Errors.E403.format(out=out, pid=info.get("pid"),
                                                 host=info.get("host"), lock=lock)) from None  # fmt: skip
        try:
            with os.fdopen(fd, "w") as fh:
                json.dump(me, fh)
        except OSError:  # a full disk: leave no empty lock behind
            with contextlib.suppress(OSError):
                lock.unlink()
            raise
        break
    else:  # another job took the lock over at the same moment, each time
        raise ConfigError(Errors.E403.format(out=out, pid="?", host=host, lock=lock))
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _read_markers(out: Path) -> dict[str, dict[str, Any]]:
    markers: dict[str, dict[str, Any]] = {}
    done = out / DONE_DIR
    if not done.is_dir():
        return markers
    for p in sorted(done.glob("*.json")):
        try:
            m = json.loads(p.read_text())
        except (OSError, ValueError):  # unreadable marker: the chunk is redone
            continue
        if isinstance(m, dict) and m.get("chunk_id") == p.stem:
            markers[p.stem] = m
    return markers


def _clean_uncommitted(out: Path, committed: set[str]) -> int:
    """Remove temporary files and part files of chunks without a marker.

    Only the table folders are touched, never other files a user keeps in ``out``.
    """
    removed = 0
    for name in [*schemas.TABLES, ERRORS_TABLE]:
        d = out / name
        if not d.is_dir():
            continue
        for p in d.iterdir():
            cid = p.name[len("part-") : -len(".parquet")] if p.name.startswith("part-") else None
            stale_tmp = p.name.startswith(".") and p.name.endswith(".tmp")
            if stale_tmp or (cid is not None and p.suffix == ".parquet" and cid not in committed):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
                    removed += 1
    for p in (out / DONE_DIR).glob(".*.tmp") if (out / DONE_DIR).is_dir() else ():
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
    return removed


def _part_problem(path: Path, expected: Mapping[str, Any] | None) -> str | None:
    """Why a committed part cannot be trusted (``None``: it can).

    Cheap: the size first, then the sha256 recorded in the chunk's marker. Markers
    written before checksums existed only vouch for the file's presence.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if not expected:  # a marker from before checksums: the footer must at least parse
        import pyarrow.parquet as pq

        try:
            pq.read_metadata(path)
        except Exception as exc:  # noqa: BLE001  (pyarrow raises several types)
            return f"not readable Parquet ({type(exc).__name__})"
        return None
    want = expected.get("bytes")
    if isinstance(want, int) and size != want:
        return f"{size:,} bytes where {want:,} were committed"
    try:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if expected.get("sha256") not in (None, digest):
        return "changed since it was committed (sha256 differs)"
    return None


def _chunk_problems(out: Path, marker: Mapping[str, Any]) -> list[tuple[str, Path, str]]:
    """``(table, path, problem)`` for every part of a committed chunk that fails its check."""
    cid = str(marker.get("chunk_id"))
    parts: dict[str, Any] = marker.get("parts") or {}
    found = []
    for name in [*marker.get("tables", []), ERRORS_TABLE]:
        path = _part_path(out, name, cid)
        problem = _part_problem(path, parts.get(name))
        if problem is not None:
            found.append((name, path, problem))
    return found


def _drop_damaged(out: Path, markers: dict[str, dict[str, Any]], planned: set[str]) -> list[str]:
    """Uncommit the planned chunks whose parts are missing or damaged, saying so (W217).

    The marker goes first, so the chunk's remaining parts count as uncommitted and are
    removed with the others; the chunk is then analysed again like any unfinished one.
    """
    dropped = []
    for cid in sorted(set(markers) & planned):
        problems = _chunk_problems(out, markers[cid])
        if not problems:
            continue
        _name, path, problem = problems[0]
        warnings.warn(Warnings.W217.format(path=path, chunk_id=cid, problem=problem),
                      RelnlpWarning, stacklevel=3)  # fmt: skip
        with contextlib.suppress(FileNotFoundError):
            _marker_path(out, cid).unlink()
        del markers[cid]
        dropped.append(cid)
    return dropped


def _prune(out: Path, keep: set[str], fingerprint: str) -> int:
    """Drop chunks of an earlier plan (inputs changed) once the new plan is complete."""
    n = 0
    for cid, m in _read_markers(out).items():
        if cid in keep and m.get("fingerprint") == fingerprint:
            continue
        with contextlib.suppress(FileNotFoundError):
            _marker_path(out, cid).unlink()
        for name in [*m.get("tables", []), ERRORS_TABLE]:
            with contextlib.suppress(FileNotFoundError):
                _part_path(out, name, cid).unlink()
        n += 1
    return n


def _unify_parts(out: Path, tables: Iterable[str], chunk_ids: Sequence[str]) -> int:
    """Give every part of a table the same Arrow schema (columns and types).

    Parts written with a null-typed column (no value in that chunk) or without an extra
    column are rewritten with the job-wide schema, so the folder reads as one dataset
    with ``pyarrow.dataset`` or ``pandas.read_parquet``. Idempotent.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    rewritten = 0
    new_parts: dict[str, dict[str, dict[str, Any]]] = collections.defaultdict(dict)
    for name in tables:
        ids = [c for c in chunk_ids if _part_path(out, name, c).exists()]
        paths = [_part_path(out, name, c) for c in ids]
        fields: dict[str, pa.DataType] = {}
        schemas_ = [pq.read_schema(p) for p in paths]
        for s in schemas_:
            for f in s:
                if f.name not in fields or pa.types.is_null(fields[f.name]):
                    fields[f.name] = f.type
        target = pa.schema([pa.field(n, t) for n, t in fields.items()])
        for cid, p, s in zip(ids, paths, schemas_):
            if s.remove_metadata().equals(target):
                continue
            t = pq.read_table(p)
            cols = [t.column(n).cast(typ) if n in t.column_names else pa.nulls(len(t), typ)
                    for n, typ in fields.items()]  # fmt: skip
            fixed = pa.Table.from_arrays(cols, schema=target)
            new_parts[cid][name] = _write_atomic(p, functools.partial(_write_arrow, fixed))
            rewritten += 1
    # The markers follow, so their checksums describe the parts as they now are. (A crash
    # between a part and its marker leaves a mismatch: the next run redoes that chunk.)
    for cid, infos in new_parts.items():
        marker = _read_json(_marker_path(out, cid))
        if marker is not None and isinstance(marker.get("parts"), dict):
            marker["parts"].update(infos)
            _write_json(_marker_path(out, cid), marker)
    return rewritten


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
        kept = sum(1 for c, m in _read_markers(out).items()
                   if c in planned and m.get("fingerprint") == fingerprint)  # fmt: skip
    path = exc.filename or out
    advice = _ADVICE.get(code or 0, "Check that disk and folder")
    msg = Errors.E409.format(path=path, reason=reason, kept=kept, total=len(planned),
                             advice=advice)  # fmt: skip
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


# Public API ---------------------------------------------------------------------------------------
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
        Local engine: worker processes (spawned, each loading the pipeline once); 1 runs
        in this process. Dask engine without ``scheduler``: workers of the LocalCluster
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
        raise ConfigError(Errors.E104.format(what="table", value=ERRORS_TABLE,
                                             valid=", ".join(schemas.TABLES)))  # fmt: skip
    from relnlp.analyzer import _check_doc_date

    date = _check_doc_date(doc_date)
    if not (engine == "dask" and scheduler):  # remote workers may have what we lack
        _check_model(model)
    settings = {"relnlp_version": __version__, "tables_version": TABLES_VERSION,
                "model": model, "tables": list(tables), "doc_date": date,
                "max_bytes": max_bytes}  # fmt: skip
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
    t_planned = time.perf_counter()

    outp = _check_out(Path(out).absolute())
    planned = {c.chunk_id for c in chunks}
    with _storage_faults(outp, fingerprint, planned):
        outp.mkdir(parents=True, exist_ok=True)
    tax_path = str(outp / "taxonomy.toml") if resources.taxonomy is not None else None
    job = JobSettings(str(outp), model, tables, components_to_exclude(tables), date,
                      max_bytes, fingerprint, resources.gazetteer, tax_path,
                      resources.themes_model)  # fmt: skip
    with _storage_faults(outp, fingerprint, planned), _locked(outp):
        previous = _read_json(outp / MANIFEST)
        if previous and previous.get("fingerprint") != fingerprint:
            old = previous.get("settings", {})
            # (settings holds only the resources given now: show one given before, too)
            keys = [*settings, *(k for k in _RESOURCE_KEYS if k in old and k not in settings)]
            diff = ", ".join(f"{k}: {old.get(k)!r} -> {settings.get(k)!r}" for k in keys
                             if old.get(k) != settings.get(k)) or "unknown"  # fmt: skip
            raise ConfigError(Errors.E402.format(out=outp, diff=diff))
        if tax_path is not None:  # under the lock: the workers read it
            toml = resources.taxonomy_toml.encode("utf-8")
            _write_atomic(Path(tax_path), lambda f: f.write(toml))
        markers = {c: m for c, m in _read_markers(outp).items()
                   if m.get("fingerprint") == fingerprint}  # fmt: skip
        redone = _drop_damaged(outp, markers, planned)
        _clean_uncommitted(outp, set(markers))
        todo = [c for c in chunks if c.chunk_id not in markers]
        run_settings = {**settings, "inputs": [os.fspath(i) for i in inputs],
                        "engine": engine, "scheduler": scheduler, "n_process": n_process,
                        "chunk_size": chunk_size, "exclude": list(job.exclude)}  # fmt: skip
        manifest: dict[str, Any] = {
            "status": "running", "fingerprint": fingerprint, "settings": run_settings,
            "relnlp_version": __version__, "tables_version": TABLES_VERSION,
            "tables": [*tables, ERRORS_TABLE], "chunks": [c.chunk_id for c in chunks],
            "started": _now(),
        }  # fmt: skip
        _write_json(outp / MANIFEST, manifest)

        done_before = sum(len(c.docs) for c in chunks if c.chunk_id in markers)
        results, busy = _execute(todo, job, engine=engine, scheduler=scheduler,
                           n_process=n_process, progress=progress, total=n_docs,
                           initial=done_before)  # fmt: skip
        _warn_once(results)
        t_processed = time.perf_counter()

        markers = {c: m for c, m in _read_markers(outp).items()
                   if m.get("fingerprint") == fingerprint}  # fmt: skip
        missing = planned - set(markers)
        if missing:  # pragma: no cover  (every engine commits or raises)
            raise RuntimeError(f"chunks not committed: {sorted(missing)[:5]}")
        pruned = _prune(outp, planned, fingerprint)
        rewritten = _unify_parts(outp, [*tables, ERRORS_TABLE], [c.chunk_id for c in chunks])
        manifest = _final_manifest(manifest, chunks, markers, results, {
            "plan_seconds": round(t_planned - t_start, 3),
            "process_seconds": round(t_processed - t_planned, 3),
            "total_seconds": round(time.perf_counter() - t_start, 3),
            "analysis_seconds": round(busy, 3),
        }, pruned=pruned, rewritten=rewritten)  # fmt: skip
        manifest["counts"]["chunks_redone"] = len(redone)
        _write_json(outp / MANIFEST, manifest)
    return BatchResult(outp, n_docs, manifest["counts"]["failed"], len(chunks), len(results),
                       manifest["counts"]["tokens_this_run"], time.perf_counter() - t_start,
                       manifest)  # fmt: skip


def _execute(
    todo: Sequence[ChunkSpec],
    job: JobSettings,
    *,
    engine: str,
    scheduler: str | None,
    n_process: int,
    progress: bool,
    total: int,
    initial: int,
) -> tuple[list[ChunkResult], float]:
    """Run the chunks on the chosen engine with a progress bar.

    Returns the chunks' counts and the seconds spent from the first chunk on (after the
    pipeline is loaded in this process; worker start-up is included for pools and dask).
    """
    from tqdm.auto import tqdm

    results: list[ChunkResult] = []
    if todo and engine == "local" and n_process == 1:
        _pipeline(job)  # load before the clock starts, so tokens/s means analysis
    bar = tqdm(total=total, initial=initial, unit="doc", desc="relnlp batch",
               disable=not progress, dynamic_ncols=True, leave=True)  # fmt: skip
    t0 = time.perf_counter()
    stats = {"tokens": 0, "failed": 0}

    def show() -> None:
        rate = stats["tokens"] / max(time.perf_counter() - t0, 1e-9)
        bar.set_postfix({"tok/s": f"{rate:,.0f}", "errors": stats["failed"]}, refresh=False)

    def on_doc(tokens: int, failed: bool) -> None:
        stats["tokens"] += tokens
        stats["failed"] += int(failed)
        bar.update(1)
        show()

    try:
        if not todo:
            return results, 0.0

        def absorb(res: Any) -> None:
            """A chunk finished in a worker: keep its result, update the progress bar."""
            results.append(res)
            stats["tokens"] += res.tokens
            stats["failed"] += res.failed
            bar.update(res.documents)
            show()

        if engine == "dask":
            n_workers = max(2, n_process)
            client, cluster = _dask_client(scheduler, n_workers)
            try:
                workers = len(client.scheduler_info().get("workers", {})) or n_workers
                client.run(_warm, job)  # load the pipeline on every worker, in parallel
                for res in _run_dask(todo, job, client, workers):
                    absorb(res)
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
        elif n_process == 1:
            results.extend(_run_inline(todo, job, on_doc))
        else:
            for res in _run_pool(todo, job, n_process):
                absorb(res)
    finally:
        bar.close()
    return results, time.perf_counter() - t0


def _warn_once(results: Sequence[ChunkResult]) -> None:
    """One warning per code for the documents of this call (W218), not one per document."""
    counts: collections.Counter[str] = collections.Counter()
    for r in results:
        counts.update(r.warnings)
    for code, n in sorted(counts.items()):
        warning = RelnlpWarning(Warnings.W218.format(code=code, count=n))
        warning.count = n
        warnings.warn(warning, stacklevel=3)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _final_manifest(
    manifest: dict[str, Any],
    chunks: Sequence[ChunkSpec],
    markers: Mapping[str, Mapping[str, Any]],
    results: Sequence[ChunkResult],
    timings: dict[str, float],
    *,
    pruned: int,
    rewritten: int,
) -> dict[str, Any]:
    ordered = [markers[c.chunk_id] for c in chunks]
    rows: collections.Counter[str] = collections.Counter()
    warn: collections.Counter[str] = collections.Counter()
    for m in ordered:
        rows.update(m.get("rows", {}))
        warn.update(m.get("warnings", {}))
    meta: Mapping[str, Any] = next((m["meta"] for m in ordered if m.get("meta")), {})
    tokens_run = sum(r.tokens for r in results)
    secs = timings["analysis_seconds"]
    docs_run = sum(r.documents for r in results)
    manifest = dict(manifest)
    manifest.update({
        "status": "complete",
        "finished": _now(),
        "model": meta.get("model", manifest["settings"]["model"]),
        "model_version": meta.get("model_version"),
        "spacy_pipeline": meta.get("spacy_pipeline"),
        "taxonomy": meta.get("taxonomy"),
        "taxonomy_version": meta.get("taxonomy_version"),
        "taxonomy_fingerprint": meta.get("taxonomy_fingerprint"),
        "themes": meta.get("themes"),
        "counts": {
            "documents": sum(int(m.get("documents", 0)) for m in ordered),
            "failed": sum(int(m.get("failed", 0)) for m in ordered),
            "tokens": sum(int(m.get("tokens", 0)) for m in ordered),
            "chunks": len(chunks),
            "chunks_run": len(results),
            "chunks_resumed": len(chunks) - len(results),
            "documents_this_run": docs_run,
            "tokens_this_run": tokens_run,
            "rows": dict(sorted(rows.items())),
            "warnings": dict(sorted(warn.items())),
            "pruned_chunks": pruned,
            "parts_unified": rewritten,
        },
        "timings": {
            **timings,
            "worker_seconds": round(sum(r.seconds for r in results), 3),
            "documents_per_second": round(docs_run / secs, 2) if secs else None,
            "tokens_per_second": round(tokens_run / secs, 1) if secs else None,
        },
    })  # fmt: skip
    return manifest


def _arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with strings and lists as Python objects, as in ``Report.tables``."""
    import pyarrow as pa

    data: dict[str, Any] = {}
    for name in table.column_names:
        col = table.column(name)
        t = col.type
        if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t) or (
            pa.types.is_list(t) or pa.types.is_large_list(t)
        ):
            data[name] = pd.Series(col.to_pylist(), dtype=object)
        else:
            data[name] = col.to_pandas()
    return pd.DataFrame(data, columns=table.column_names)


def _read_part(out: Path, name: str, marker: Mapping[str, Any]) -> pa.Table:
    """One committed part, checked against its marker; E406 / E412 name the bad file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cid = str(marker.get("chunk_id"))
    p = _part_path(out, name, cid)
    parts: dict[str, Any] = marker.get("parts") or {}
    problem = _part_problem(p, parts.get(name))
    if problem == "missing":
        raise ResourceError(
            Errors.E406.format(path=p, chunk_id=cid, marker=_marker_path(out, cid)), path=str(p)
        )
    if problem is None:
        try:
            return pq.read_table(pa.BufferReader(p.read_bytes()))
        except (OSError, pa.ArrowException) as exc:
            problem = f"not readable Parquet: {str(exc).splitlines()[0] if str(exc) else exc!r}"
    raise StorageError(Errors.E412.format(path=p, chunk_id=cid, detail=problem), path=str(p))


@dataclass
class VerifyResult:
    """What :func:`verify` found in a batch output folder.

    Attributes
    ----------
    out : pathlib.Path
        The folder.
    chunks : int
        Chunks in the job's plan (from ``manifest.json``).
    committed : int
        Chunks of that plan with a commit marker.
    problems : list of tuple
        ``(chunk_id, table, path, problem)`` for every missing or damaged part of a
        committed chunk.
    complete : bool
        The job finished (manifest status ``complete``) and every chunk is committed.
    """

    out: Path
    chunks: int
    committed: int
    problems: list[tuple[str, str, str, str]]
    complete: bool

    @property
    def ok(self) -> bool:
        """True when the job is complete and every committed part checks out."""
        return self.complete and not self.problems

    def messages(self) -> list[str]:
        """One coded line per problem, then one per unfinished or damaged job."""
        lines = []
        for cid, _table, path, problem in self.problems:
            marker = _marker_path(self.out, cid)
            if problem == "missing":
                lines.append(Errors.E406.format(path=path, chunk_id=cid, marker=marker))
            else:
                lines.append(Errors.E412.format(path=path, chunk_id=cid, detail=problem))
        if self.problems:
            bad = len({p[0] for p in self.problems})
            lines.append(Errors.E413.format(out=self.out, bad=bad, committed=self.committed))
        if not self.complete:
            lines.append(Errors.E414.format(out=self.out, committed=self.committed,
                                            total=self.chunks))  # fmt: skip
        return lines


def verify(out: str | os.PathLike[str]) -> VerifyResult:
    """Check a batch output folder: every chunk committed, every part as committed.

    Each part file of a committed chunk is checked against the size and sha256 recorded
    in the chunk's marker (parts of markers without checksums: that they are readable
    Parquet). Nothing is changed; rerunning the job's command redoes what is damaged.

    Parameters
    ----------
    out : path
        The folder given to :func:`run`.

    Returns
    -------
    VerifyResult

    Raises
    ------
    relnlp.errors.ConfigError
        ``out`` is not a batch folder (E405).
    """
    outp = Path(out)
    try:
        manifest = _read_json(outp / MANIFEST)
        markers = _read_markers(outp)
    except OSError as exc:
        raise StorageError(Errors.E415.format(path=outp, reason=exc.strerror or exc),
                           path=str(outp)) from exc  # fmt: skip
    if manifest is None:
        raise ConfigError(Errors.E405.format(path=outp))
    fp = manifest.get("fingerprint")
    planned = [c for c in manifest.get("chunks", []) if isinstance(c, str)]
    committed = [c for c in planned if c in markers and markers[c].get("fingerprint") == fp]
    problems = [(cid, table, str(path), problem)
                for cid in committed
                for table, path, problem in _chunk_problems(outp, markers[cid])]  # fmt: skip
    complete = manifest.get("status") == "complete" and len(committed) == len(planned)
    return VerifyResult(outp, len(planned), len(committed), problems, complete)


def read_table(out: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """Read one table of a batch output folder: committed chunks only, sorted by doc_id.

    Part files of chunks without a commit marker (a job killed mid-chunk) are ignored,
    and so are chunks of an earlier plan of the same folder. Rows are ordered by
    ``doc_id``, then as the analyser produced them within each document, so the result
    does not depend on the engine, the number of processes or interruptions.

    Parameters
    ----------
    out : path
        The folder given to :func:`run`.
    name : str
        A table of :data:`relnlp.schemas.TABLES` written by the job, or ``"errors"``.

    Returns
    -------
    pandas.DataFrame
        Declared columns and dtypes (:mod:`relnlp.schemas`), then any extra columns.

    Raises
    ------
    relnlp.errors.ConfigError
        ``out`` is not a batch folder (E405) or the job did not write ``name`` (E104).
    relnlp.errors.ResourceError
        A committed chunk's part file is missing (E406).
    relnlp.errors.StorageError
        A committed chunk's part file is damaged: its size or checksum differs from the
        one recorded when it was committed, or it is not readable Parquet (E412); the
        folder cannot be read (E415).
    """
    outp = Path(out)
    try:
        manifest = _read_json(outp / MANIFEST)
        markers = _read_markers(outp)
    except OSError as exc:
        raise StorageError(Errors.E415.format(path=outp, reason=exc.strerror or exc),
                           path=str(outp)) from exc  # fmt: skip
    if manifest is None and not markers:
        raise ConfigError(Errors.E405.format(path=outp))
    written = (manifest or {}).get("tables") or sorted(
        {t for m in markers.values() for t in m.get("tables", [])} | {ERRORS_TABLE}
    )
    if name not in written:
        raise ConfigError(Errors.E104.format(what="table", value=name, valid=", ".join(written)))
    if manifest is not None:
        fp = manifest.get("fingerprint")
        order = [c for c in manifest.get("chunks", []) if c in markers
                 and markers[c].get("fingerprint") == fp]  # fmt: skip
    else:
        order = sorted(markers, key=lambda c: (markers[c].get("doc_ids") or [""])[0])
    frames = []
    for cid in order:
        if name != ERRORS_TABLE and name not in markers[cid].get("tables", []):
            continue
        df = _arrow_to_frame(_read_part(outp, name, markers[cid]))
        if len(df):
            frames.append(df)
    declared = dict(ERRORS_COLUMNS) if name == ERRORS_TABLE else dict(schemas.TABLES[name])
    if not frames:
        return _empty(name)
    df = pd.concat(frames, ignore_index=True)
    for c, dtype in declared.items():
        if c in df.columns and str(df[c].dtype) != dtype:
            df[c] = df[c].astype(dtype)
    cols = [c for c in declared if c in df.columns] + [c for c in df.columns if c not in declared]
    df = df[cols]
    return df.sort_values("doc_id", kind="stable").reset_index(drop=True)
