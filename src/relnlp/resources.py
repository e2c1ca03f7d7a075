"""Packaged data files, checked against ``relnlp/data/MANIFEST.json``.

Every file under ``relnlp/data`` is listed in the manifest with its sha256, source, licence
and version. :func:`path` refuses names that are not listed; :func:`verify` re-hashes them.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from typing import Any

from relnlp.errors import Errors, ResourceError

__all__ = ["manifest", "path", "verify"]


def manifest() -> dict[str, Any]:
    """The parsed manifest."""
    text = (resources.files("relnlp") / "data" / "MANIFEST.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def path(name: str) -> Any:
    """A packaged data file by its manifest name (e.g. ``"gazetteer/states.v1.jsonl"``)."""
    files = manifest()["files"]
    if name not in files:
        raise ResourceError(
            Errors.E102.format(name=name, known=", ".join(sorted(files)[:20])), name=name
        )
    return resources.files("relnlp") / "data" / name


def verify() -> dict[str, str]:
    """Re-hash every listed file; raises ResourceError on the first mismatch."""
    out = {}
    for name, info in manifest()["files"].items():
        digest = hashlib.sha256(path(name).read_bytes()).hexdigest()
        if digest != info["sha256"]:
            raise ResourceError(
                Errors.E103.format(name=name, expected=info["sha256"], got=digest), name=name
            )
        out[name] = digest
    return out
