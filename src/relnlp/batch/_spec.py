"""The job's vocabulary: documents, chunks, settings and results, and the folder's names."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Documents per chunk at most, when the size is fitted to the job (the unit of work, of
#: commit and of resume): bounds a worker's memory and the work lost to a kill.
DEFAULT_CHUNK_SIZE = 50


#: Chunks per process that a fitted chunk size aims at: with several chunks each, a
#: process that drew long reports does not leave the others idle at the end.
CHUNKS_PER_PROCESS = 4


#: Name of the table holding one row per failed document.
ERRORS_TABLE = "errors"


ERRORS_COLUMNS: Mapping[str, str] = {
    "doc_id": "object",
    "path": "object",
    "error_type": "object",
    "code": "object",
    "message": "object",
}


ENGINES = ("local", "dask")


MANIFEST = "manifest.json"


DONE_DIR = "_done"


LOCK = "_lock.json"


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


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
