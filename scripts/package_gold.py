#!/usr/bin/env python3
"""Copy the adjudicated gold into the package.

* corpora/gold and its seed texts -> src/relnlp/data/gold (`relnlp evaluate` reads it, so an
  installed wheel can evaluate itself). Build it first with
  `python corpora/tools/gold.py build gold --out corpora/gold`.
* corpora/dev/gold -> src/relnlp/data/gold_dev, annotations only: the development texts stay
  in shared/dev (`relnlp evaluate --set dev --data DIR` reads them there). Build it first with
  `python corpora/tools/gold.py --corpus dev build gold --out corpora/dev/gold`.

Then `python scripts/update_manifest.py` runs (this script calls it).
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
DEV_GOLD = ROOT / "corpora" / "dev" / "gold"
DEV_OUT = ROOT / "src" / "relnlp" / "data" / "gold_dev"


def package_dev() -> None:
    DEV_OUT.mkdir(parents=True, exist_ok=True)
    for old in DEV_OUT.iterdir():
        old.unlink()
    for g in sorted(DEV_GOLD.glob("*.json")):
        shutil.copyfile(g, DEV_OUT / g.name)
        (DEV_OUT / f"{g.name}.meta.json").write_text(
            json.dumps(
                {
                    "version": "1",
                    "source": "corpora/dev/gold (adjudicated; corpora/AGREEMENT.md); offsets into "
                    "the development report named in 'file' (shared/dev/reports)",
                    "licence": "CC0-1.0 (annotations; the texts are not included)",
                }
            )
            + "\n",
            "utf-8",
        )
        print(f"packaged dev gold {g.stem}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for g in sorted(GOLD.glob("*.json")):
        doc_id = g.stem
        meta = json.loads((SEEDS / f"{doc_id}.meta.json").read_text("utf-8"))
        shutil.copyfile(g, OUT / g.name)
        shutil.copyfile(SEEDS / f"{doc_id}.txt", OUT / f"{doc_id}.txt")
        (OUT / f"{g.name}.meta.json").write_text(
            json.dumps(
                {
                    "version": "1",
                    "source": "corpora/gold (adjudicated; corpora/AGREEMENT.md)",
                    "licence": "CC0-1.0 (annotations)",
                }
            )
            + "\n",
            "utf-8",
        )
        (OUT / f"{doc_id}.txt.meta.json").write_text(
            json.dumps(
                {
                    "version": "1",
                    "source": f"{meta['title']} ({meta['author']}; {meta['publisher']})",
                    "licence": "publisher's copyright; redistributed for evaluation as supplied "
                    "with the relnlp project brief",
                }
            )
            + "\n",
            "utf-8",
        )
        print(f"packaged {doc_id}")
    package_dev()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_manifest.py")], check=True)


if __name__ == "__main__":
    main()
