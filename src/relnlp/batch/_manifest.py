"""The job's manifest and the warnings of a call, counted."""

from __future__ import annotations

import collections
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from relnlp.batch._spec import ChunkResult, ChunkSpec, _now
from relnlp.errors import RelnlpWarning, Warnings


def _warn_once(results: Sequence[ChunkResult]) -> None:
    """One warning per code for the documents of this call (W218), not one per document."""
    counts: collections.Counter[str] = collections.Counter()
    for r in results:
        counts.update(r.warnings)
    for code, n in sorted(counts.items()):
        warning = RelnlpWarning(Warnings.W218.format(code=code, count=n))
        warning.count = n
        warnings.warn(warning, stacklevel=3)


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
    manifest.update(
        {
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
        }
    )
    return manifest
