"""One reader for relnlp's JSONL data files (lexicons, verb tables): rows with line numbers.

Each non-blank line is one JSON object; a line with a ``_meta`` key gives the file's
version. A line that is not a JSON object is a coded E107 naming the file and line, and
:func:`line_error` gives loaders the same error for a bad field.
"""

from __future__ import annotations

import json
from typing import Any

from relnlp.errors import ConfigError, Errors

__all__ = ["line_error", "records"]


def line_error(name: str, lineno: int, problem: str) -> ConfigError:
    """The coded error (E107) for one bad line of a JSONL file."""
    return ConfigError(
        Errors.E107.format(path=name, line=lineno, problem=problem), path=name, line=lineno
    )


def records(
    text: str, name: str, *, missing_meta: ConfigError | None = None
) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """The file's version (``_meta.version``, else ``"0"``) and its (line, object) rows.

    ``missing_meta``, when given, is raised if the first non-blank line is not the
    ``{"_meta": ...}`` header (files whose header is required, such as gazetteers).

    >>> records('{"_meta": {"version": "2"}}\\n\\n{"cue": "meet"}\\n', "x.jsonl")
    ('2', [(3, {'cue': 'meet'})])
    """
    version = "0"
    first = True
    rows: list[tuple[int, dict[str, Any]]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise line_error(name, lineno, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise line_error(name, lineno, "expected a JSON object")
        if missing_meta is not None and first and "_meta" not in obj:
            raise missing_meta
        first = False
        if "_meta" in obj:
            version = str(obj["_meta"].get("version", "0"))
            continue
        rows.append((lineno, obj))
    return version, rows
