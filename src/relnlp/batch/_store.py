"""The Parquet store: atomic part and marker writes with checksums, and checking and
cleaning committed chunks."""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import json
import math
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp import schemas
from relnlp.batch._spec import DONE_DIR, ERRORS_COLUMNS, ERRORS_TABLE, ChunkSpec, JobSettings
from relnlp.errors import RelnlpError, RelnlpWarning, Warnings

if TYPE_CHECKING:
    import pyarrow as pa


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
        warnings.warn(
            Warnings.W217.format(path=path, chunk_id=cid, problem=problem),
            RelnlpWarning,
            stacklevel=3,
        )
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
            cols = [
                t.column(n).cast(typ) if n in t.column_names else pa.nulls(len(t), typ)
                for n, typ in fields.items()
            ]
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


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
