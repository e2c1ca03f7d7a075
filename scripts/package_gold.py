#!/usr/bin/env python3
"""Copy the adjudicated gold (corpora/gold) and its seed texts into src/relnlp/data/gold.

`relnlp evaluate` reads the packaged copy by default, so an installed wheel can evaluate
itself. Run after `python corpora/tools/gold.py build gold --out corpora/gold`, then
`python scripts/update_manifest.py` (this script calls it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "gold"
SEEDS = ROOT / "corpora" / "seeds"
OUT = ROOT / "src" / "relnlp" / "data" / "gold"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for g in sorted(GOLD.glob("*.json")):
        doc_id = g.stem
        meta = json.loads((SEEDS / f"{doc_id}.meta.json").read_text("utf-8"))
        shutil.copyfile(g, OUT / g.name)
        shutil.copyfile(SEEDS / f"{doc_id}.txt", OUT / f"{doc_id}.txt")
        (OUT / f"{g.name}.meta.json").write_text(json.dumps({
            "version": "1", "source": "corpora/gold (adjudicated; corpora/AGREEMENT.md)",
            "licence": "CC0-1.0 (annotations)"}) + "\n", "utf-8")
        (OUT / f"{doc_id}.txt.meta.json").write_text(json.dumps({
            "version": "1", "source": f"{meta['title']} ({meta['author']}; {meta['publisher']})",
            "licence": "publisher's copyright; redistributed for evaluation as supplied "
                       "with the relnlp project brief"}) + "\n", "utf-8")
        print(f"packaged {doc_id}")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_manifest.py")], check=True)


if __name__ == "__main__":
    main()
