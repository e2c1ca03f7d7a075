"""The gold-building tool of corpora/tools/gold.py, imported once for the gold tests."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


@cache
def gold_tool() -> ModuleType:
    """corpora/tools/gold.py as a module (registered: its dataclasses need it)."""
    spec = importlib.util.spec_from_file_location("gold_tool", ROOT / "corpora/tools/gold.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gold_tool"] = mod
    spec.loader.exec_module(mod)
    return mod
