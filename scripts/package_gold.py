#!/usr/bin/env python3
"""Copy the adjudicated gold into the package.

* corpora/gold and its seed texts -> src/relnlp/data/gold (`relnlp evaluate` reads it, so an
  installed wheel can evaluate itself). Build it first with
  `python corpora/tools/gold.py build gold --out corpora/gold`.
* corpora/dev/gold -> src/relnlp/data/gold_dev, annotations only: the development texts stay
  in shared/dev (`relnlp evaluate --set dev --data DIR` reads them there). Build it first with
  `python corpora/tools/gold.py --corpus dev build gold --out corpora/dev/gold`.
* corpora/unseen/gold -> src/relnlp/data/gold_unseen, likewise (texts in extra/unseen beside
  the repository, or $RELNLP_UNSEEN_DATA; see corpora/unseen/README.md).

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
#: corpus -> (its adjudicated gold, the package folder, where its texts are read from)
OUTSIDE_CORPORA = {
    "dev": (
        ROOT / "corpora" / "dev" / "gold",
        ROOT / "src" / "relnlp" / "data" / "gold_dev",
        "corpora/dev/gold (adjudicated; corpora/AGREEMENT.md); offsets into the development "
        "report named in 'file' (shared/dev/reports)",
    ),
    "unseen": (
        ROOT / "corpora" / "unseen" / "gold",
        ROOT / "src" / "relnlp" / "data" / "gold_unseen",
        "corpora/unseen/gold (adjudicated; corpora/unseen/README.md); offsets into the report "
        "named in 'file' (extra/unseen/reports)",
    ),
}


def package_outside(name: str) -> None:
    """Package the annotations of a corpus whose texts stay outside the repository."""
    gold, out, source = OUTSIDE_CORPORA[name]
    if not gold.is_dir():
        return
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    for g in sorted(gold.glob("*.json")):
        shutil.copyfile(g, out / g.name)
        (out / f"{g.name}.meta.json").write_text(
            json.dumps(
                {
                    "version": "1",
                    "source": source,
                    "licence": "CC0-1.0 (annotations; the texts are not included)",
                }
            )
            + "\n",
            "utf-8",
        )
        print(f"packaged {name} gold {g.stem}")


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
    for name in OUTSIDE_CORPORA:
        package_outside(name)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_manifest.py")], check=True)


if __name__ == "__main__":
    main()
