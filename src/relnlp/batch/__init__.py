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
``n_process`` processes: on Linux forked from the coordinator once it has loaded the
pipeline (they start with it in memory), elsewhere spawned while the job is planned,
each loading the pipeline once; ``engine="dask"`` sends
one task per chunk (paths in, part files out) to a ``dask.distributed`` cluster, whose
workers cache the pipeline at module level. Only counts travel back to the coordinator,
so its memory stays flat however many documents there are. Every engine writes the same
bytes for the same chunk.

Layout. The package follows the seams of a job: ``_plan`` (inputs to documents and
chunks), ``_settings`` (tables, resources, fingerprint), ``_store`` (Parquet
parts and markers, checks, clean-up), ``_lock``, ``_worker`` (one chunk, in any engine),
``_engines``, ``_manifest``, ``_run`` (:func:`run`) and ``_read`` (:func:`read_table`,
:func:`verify`); ``_spec`` holds the types and names they share.
"""

from __future__ import annotations

from relnlp.batch._lock import LOCK_GRACE_SECONDS
from relnlp.batch._plan import doc_id_for, fit_chunk_size, plan
from relnlp.batch._read import VerifyResult, read_table, verify
from relnlp.batch._run import run
from relnlp.batch._settings import components_to_exclude
from relnlp.batch._spec import (
    CHUNKS_PER_PROCESS,
    DEFAULT_CHUNK_SIZE,
    DONE_DIR,
    ENGINES,
    ERRORS_COLUMNS,
    ERRORS_TABLE,
    LOCK,
    MANIFEST,
    BatchResult,
    ChunkResult,
    ChunkSpec,
    DocSpec,
    JobSettings,
)
from relnlp.batch._worker import PARENT_POLL_SECONDS, process_chunk

__all__ = [
    "CHUNKS_PER_PROCESS",
    "DEFAULT_CHUNK_SIZE",
    "DONE_DIR",
    "ENGINES",
    "ERRORS_COLUMNS",
    "ERRORS_TABLE",
    "LOCK",
    "LOCK_GRACE_SECONDS",
    "MANIFEST",
    "PARENT_POLL_SECONDS",
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
