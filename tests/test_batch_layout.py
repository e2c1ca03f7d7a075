"""The batch package along its seams (issue 19): small modules, no import cycle, the
public API where it was."""

from __future__ import annotations

import ast
from pathlib import Path

import relnlp.batch as batch

PKG = Path(batch.__file__).parent


def _imports(path: Path) -> set[str]:
    """relnlp.batch modules imported by ``path`` (at module level or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {
            n
            for n in names
            if n.startswith("relnlp.batch.") and (PKG / f"{n.rsplit('.', 1)[1]}.py").exists()
        }
    return found


def test_batch_modules_are_small_and_import_no_cycle() -> None:
    modules = {f"relnlp.batch.{p.stem}": p for p in PKG.glob("_*.py") if p.stem != "__init__"}
    assert len(modules) >= 8
    for name, path in modules.items():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 800, name
    graph = {name: _imports(path) - {name} for name, path in modules.items()}
    # Depth-first search for a back edge.
    state: dict[str, int] = {}

    def visit(n: str, trail: list[str]) -> None:
        state[n] = 1
        for m in graph.get(n, ()):
            assert state.get(m) != 1, f"import cycle: {' -> '.join([*trail, n, m])}"
            if m not in state:
                visit(m, [*trail, n])
        state[n] = 2

    for n in graph:
        if n not in state:
            visit(n, [])


def test_batch_public_api_is_unchanged() -> None:
    for name in (
        "run",
        "read_table",
        "verify",
        "plan",
        "process_chunk",
        "doc_id_for",
        "fit_chunk_size",
        "components_to_exclude",
        "BatchResult",
        "ChunkResult",
        "ChunkSpec",
        "DocSpec",
        "JobSettings",
        "VerifyResult",
        "DEFAULT_CHUNK_SIZE",
        "ERRORS_TABLE",
    ):
        assert name in batch.__all__ and hasattr(batch, name), name
    assert batch.run.__module__ == "relnlp.batch._run"
