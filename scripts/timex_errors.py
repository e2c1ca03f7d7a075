"""Error breakdown of relnlp's TIMEX3 on TimeBank and AQUAINT-even (never AQUAINT-odd).

``python scripts/timex_errors.py [--data DIR] [--show N] [--split S]`` prints, for the development
splits only, the relaxed matches with a wrong value, the missed gold expressions and the
spurious predictions, grouped by a coarse class (gold value shape), most frequent first.
AQUAINT's documents at odd positions are the held-out split and are skipped here.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from relnlp.evaluate.sets import default_data_dir
from relnlp.evaluate.timebank import read_split, relnlp_timebank


def shape(value: str | None) -> str:
    """A coarse class of a TIMEX3 value: digits -> 9, letters kept."""
    return re.sub(r"\d", "9", value or "None")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--show", type=int, default=6)
    ap.add_argument("--split", choices=("both", "TimeBank", "AQUAINT-even"), default="both")
    args = ap.parse_args()
    base = Path(args.data or default_data_dir()) / "time"
    docs = []
    if args.split in ("both", "TimeBank"):
        docs += read_split(base / "TimeBank")
    if args.split in ("both", "AQUAINT-even"):
        docs += read_split(base / "AQUAINT")[0::2]
    system = relnlp_timebank()
    wrong: dict[str, list[str]] = defaultdict(list)
    missed: dict[str, list[str]] = defaultdict(list)
    spurious: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        preds = system(d.text, d.dct)
        used: set[int] = set()
        for g in d.timexes:
            hit = next(
                (
                    i
                    for i, p in enumerate(preds)
                    if i not in used and p["start"] < g["end"] and g["start"] < p["end"]
                ),
                None,
            )
            if hit is None:
                missed[shape(g["value"])].append(f"{g['text']!r} {g['value']} ({d.dct})")
                continue
            used.add(hit)
            p = preds[hit]
            if p["value"] != g["value"]:
                ptext = d.text[p["start"] : p["end"]]
                wrong[f"{shape(g['value'])} <- {shape(p['value'])}"].append(
                    f"{g['text']!r}/{ptext!r} gold {g['value']} got {p['value']} dct {d.dct}"
                )
        for i, p in enumerate(preds):
            if i not in used:
                ptext = d.text[p["start"] : p["end"]]
                spurious[shape(p["value"])].append(f"{ptext!r} {p['value']}")
    for title, table in (("WRONG VALUE", wrong), ("MISSED", missed), ("SPURIOUS", spurious)):
        total = sum(len(v) for v in table.values())
        print(f"=== {title}: {total}")
        for key, items in sorted(table.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(items):4d}  {key}")
            for x in items[: args.show]:
                print(f"        {x}")


if __name__ == "__main__":
    main()
