"""Planning a job: input files to documents with stable ids, documents to chunks."""

from __future__ import annotations

import glob as _glob
import hashlib
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path

from relnlp.batch._spec import CHUNKS_PER_PROCESS, DEFAULT_CHUNK_SIZE, ChunkSpec, DocSpec

_GLOB_MAGIC = re.compile(r"[*?\[]")


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
    return _cut(input_documents(inputs, max_bytes), chunk_size)


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


def input_documents(
    inputs: Sequence[str | os.PathLike[str]], max_bytes: int | None = 200_000_000
) -> list[DocSpec]:
    """Every input document once, with its id (:func:`doc_id_for`), sorted by id: how
    ``relnlp batch`` and ``relnlp analyze`` expand their inputs and name documents."""
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


_documents = input_documents  # the name batch._run imports


def _cut(ordered: Sequence[DocSpec], chunk_size: int) -> list[ChunkSpec]:
    """Cut the sorted documents into chunks named by a hash of their ids."""
    chunks = []
    for i in range(0, len(ordered), chunk_size):
        docs = tuple(ordered[i : i + chunk_size])
        digest = hashlib.sha256("\n".join(d.doc_id for d in docs).encode()).hexdigest()
        chunks.append(ChunkSpec("c" + digest[:16], docs))
    return chunks
