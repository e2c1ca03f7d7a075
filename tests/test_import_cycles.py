"""No two modules of relnlp import each other, directly or through others (issue 19).

The import graph is read from the source with :mod:`ast` (nothing is imported): every
``import`` statement counts, at module level or inside a function (a lazy import still
ties the two modules together), except those under ``if TYPE_CHECKING:``, which never
run. ``from relnlp.a import b`` is an edge to the module ``relnlp.a.b`` when there is one,
else to the package ``relnlp.a``.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "relnlp"

# Cycles tolerated for now, each one strongly connected component as a sorted tuple.
# Empty: analyzer, tables and tone.aggregate refer to each other only under
# TYPE_CHECKING (the Report type), which never runs. Should a merge bring a cycle in
# while its removal is under way, list it here with a comment saying who removes it;
# test_allow_list_is_current fails as soon as it is gone, so entries cannot linger.
ALLOWED: list[tuple[str, ...]] = []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Import statements of a module, leaving out ``if TYPE_CHECKING:`` bodies."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """Directed graph: module -> the relnlp modules it imports."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text("utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("relnlp"):
                    graph[name].add(target)
    return graph


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components (Tarjan), iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp: set[str] = set()
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.add(top)
                    if top == node:
                        break
                found.append(comp)
    return found


def cycles() -> list[tuple[str, ...]]:
    """Strongly connected components of more than one module, each sorted."""
    return sorted(tuple(sorted(c)) for c in _components(import_graph()) if len(c) > 1)


def test_graph_sees_imports() -> None:
    # The checker must see real edges, lazy ones included, and skip TYPE_CHECKING ones:
    # otherwise an empty cycle list would prove nothing.
    graph = import_graph()
    assert "relnlp.io._document" in graph["relnlp.io.readers"]
    assert "relnlp.errors" in graph["relnlp.batch._worker"]
    assert sum(len(v) for v in graph.values()) > 100
    # And the component finder must report a cycle when there is one.
    toy = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert sorted(sorted(c) for c in _components(toy) if len(c) > 1) == [["a", "b", "c"]]


def test_checker_finds_a_cycle(tmp_path: Path) -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import relnlp.b\n"
        "def f():\n    from relnlp import c\n"
    )
    names = sorted(
        a.name if isinstance(n, ast.Import) else f"{n.module}.{a.name}"
        for n in _imports(tree)
        for a in n.names
    )
    assert names == ["relnlp.c", "typing.TYPE_CHECKING"]


def test_no_import_cycle() -> None:
    found = cycles()
    new = [c for c in found if c not in ALLOWED]
    assert not new, "import cycles in src/relnlp:\n" + "\n".join(" <-> ".join(c) for c in new)


def test_allow_list_is_current() -> None:
    # An allowed cycle that no longer exists must leave the list, so it cannot hide a
    # new cycle among the same modules later.
    found = cycles()
    assert [c for c in ALLOWED if c not in found] == []
