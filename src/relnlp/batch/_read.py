"""Reading a batch folder back: :func:`read_table` and :func:`verify`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp import schemas
from relnlp.batch._spec import ERRORS_COLUMNS, ERRORS_TABLE, MANIFEST
from relnlp.batch._store import (
    _chunk_problems,
    _empty,
    _marker_path,
    _part_path,
    _part_problem,
    _read_json,
    _read_markers,
)
from relnlp.errors import ConfigError, Errors, ResourceError, StorageError

if TYPE_CHECKING:
    import pyarrow as pa


def _arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with strings and lists as Python objects, as in ``Report.tables``."""
    import pyarrow as pa

    data: dict[str, Any] = {}
    for name in table.column_names:
        col = table.column(name)
        t = col.type
        if (
            pa.types.is_string(t)
            or pa.types.is_large_string(t)
            or pa.types.is_null(t)
            or (pa.types.is_list(t) or pa.types.is_large_list(t))
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
            lines.append(
                Errors.E414.format(out=self.out, committed=self.committed, total=self.chunks)
            )
        return lines


def _job_state(outp: Path) -> tuple[Any, dict[str, Any]]:
    """The job's manifest (None if absent) and commit markers; E415 if unreadable."""
    try:
        return _read_json(outp / MANIFEST), _read_markers(outp)
    except OSError as exc:
        raise StorageError(
            Errors.E415.format(path=outp, reason=exc.strerror or exc), path=str(outp)
        ) from exc


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
    manifest, markers = _job_state(outp)
    if manifest is None:
        raise ConfigError(Errors.E405.format(path=outp))
    fp = manifest.get("fingerprint")
    planned = [c for c in manifest.get("chunks", []) if isinstance(c, str)]
    committed = [c for c in planned if c in markers and markers[c].get("fingerprint") == fp]
    problems = [
        (cid, table, str(path), problem)
        for cid in committed
        for table, path, problem in _chunk_problems(outp, markers[cid])
    ]
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
    manifest, markers = _job_state(outp)
    if manifest is None and not markers:
        raise ConfigError(Errors.E405.format(path=outp))
    written = (manifest or {}).get("tables") or sorted(
        {t for m in markers.values() for t in m.get("tables", [])} | {ERRORS_TABLE}
    )
    if name not in written:
        raise ConfigError(Errors.E104.format(what="table", value=name, valid=", ".join(written)))
    if manifest is not None:
        fp = manifest.get("fingerprint")
        order = [
            c
            for c in manifest.get("chunks", [])
            if c in markers and markers[c].get("fingerprint") == fp
        ]
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
