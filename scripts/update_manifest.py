#!/usr/bin/env python3
"""Rewrite src/relnlp/data/MANIFEST.json from the files under src/relnlp/data.

Source, licence and version come from each JSONL file's ``_meta`` header (or a sidecar
``<file>.meta.json``); run this after changing any packaged data file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "relnlp" / "data"


def meta_of(p: Path) -> dict[str, str]:
    side = p.with_name(p.name + ".meta.json")
    if side.exists():
        return json.loads(side.read_text("utf-8"))
    if p.suffix == ".jsonl":
        first = p.read_text("utf-8").split("\n", 1)[0]
        return json.loads(first).get("_meta", {})
    return {}


def main() -> None:
    files = {}
    for p in sorted(DATA.rglob("*")):
        if not p.is_file() or p.name == "MANIFEST.json" or p.name.endswith(".meta.json"):
            continue
        if "__pycache__" in p.parts:
            continue
        meta = meta_of(p)
        files[p.relative_to(DATA).as_posix()] = {
            "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
            "bytes": p.stat().st_size,
            "version": meta.get("version"),
            "source": meta.get("source"),
            "licence": meta.get("licence"),
        }
    out = {"manifest_version": 1, "files": files}
    (DATA / "MANIFEST.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    print(f"{len(files)} files listed in {DATA / 'MANIFEST.json'}")


if __name__ == "__main__":
    main()
