#!/usr/bin/env python3
"""Benchmark of ``relnlp.load()`` (issue 19; not a test): where its time goes.

Each measurement runs in a fresh child process, warm (the files are in the OS cache
from an earlier run; nothing is memoised across processes), and the median of
``--repeats`` is reported beside bare spaCy measured in the same run:

* ``import spacy`` and ``spacy.load(model)`` (the floor relnlp builds on);
* ``import relnlp`` and ``relnlp.load()`` (everything: imports, spaCy pipeline,
  relnlp components, packaged data, the themes model);
* a cProfile of one ``relnlp.load()``: the relnlp functions and imports with the
  largest cumulative time, to show where the rest goes.

Writes benchmarks/results/load.md (and prints it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "load.md"

CHILD = r"""
import json, sys, time
what = sys.argv[1]
t0, c0 = time.perf_counter(), time.process_time()
if what == "spacy":
    import spacy
    from relnlp.about import DEFAULT_MODEL
    t1, c1 = time.perf_counter(), time.process_time()
    spacy.load(DEFAULT_MODEL)
else:
    import relnlp
    t1, c1 = time.perf_counter(), time.process_time()
    relnlp.load()
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "total": t2 - t0,
                  "import_cpu": c1 - c0, "load_cpu": c2 - c1, "total_cpu": c2 - c0}))
"""

PROFILE = r"""
import cProfile, io, pstats, sys, time
import relnlp
prof = cProfile.Profile()
prof.enable()
relnlp.load()
prof.disable()
out = io.StringIO()
st = pstats.Stats(prof, stream=out)
rows = []
for (file, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
    if "relnlp" in file or name in ("load", "from_disk") or "spacy/__init__" in file:
        short = file.split("site-packages/")[-1].split("src/")[-1]
        rows.append((ct, f"{short}:{line}({name})"))
rows.sort(reverse=True)
for ct, label in rows[:int(sys.argv[1])]:
    print(f"{ct:.3f}\t{label}")
"""


def child(what: str) -> dict[str, float]:
    res = subprocess.run(
        [sys.executable, "-c", CHILD, what], capture_output=True, text=True, check=True
    )
    data: dict[str, float] = json.loads(res.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    child("relnlp")  # warm the OS file cache for both
    runs: dict[str, list[dict[str, float]]] = {"spacy": [], "relnlp": []}
    for _ in range(args.repeats):
        for what in runs:
            runs[what].append(child(what))
    med = {w: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for w, rs in runs.items()}
    prof = subprocess.run(
        [sys.executable, "-c", PROFILE, str(args.top)], capture_output=True, text=True, check=True
    ).stdout
    lines = [
        "# relnlp.load() time",
        "",
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/bench_load.py "
        f"--repeats {args.repeats}` on {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}; each row a fresh process, warm OS cache; median of "
        f"{args.repeats}. Target (issue 19): relnlp.load() under 2 s.",
        "",
        "Wall time counts the waits for a core on a busy machine; CPU time (the process's",
        "own user + system time) does not, and is what a quiet machine's wall time tends to.",
        "",
        "| system | import s (CPU) | load s (CPU) | total s (CPU) |",
        "|---|---:|---:|---:|",
    ]
    for what, label in (("spacy", "bare spaCy: spacy.load"), ("relnlp", "relnlp.load()")):
        m = med[what]
        lines.append(
            f"| {label} | {m['import']:.2f} ({m['import_cpu']:.2f}) | {m['load']:.2f} "
            f"({m['load_cpu']:.2f}) | {m['total']:.2f} ({m['total_cpu']:.2f}) |"
        )
    lines += [
        "",
        f"Load average (1 min) after the runs: {os.getloadavg()[0]:.2f} on "
        f"{os.cpu_count()} cores; other work on the machine slows every row.",
    ]
    lines += [
        "",
        f"relnlp.load() beyond bare spacy.load: {med['relnlp']['load'] - med['spacy']['load']:.2f} s "
        f"wall, {med['relnlp']['load_cpu'] - med['spacy']['load_cpu']:.2f} s CPU.",
        "",
        "Largest cumulative times inside one relnlp.load() (cProfile, so slower than unprofiled):",
        "",
        "| seconds | function |",
        "|---:|---|",
    ]
    for row in prof.strip().splitlines():
        ct, label = row.split("\t", 1)
        lines.append(f"| {float(ct):.2f} | `{label}` |")
    # Hand-written notes below a "## Notes" heading survive a re-run.
    old = RESULTS.read_text("utf-8") if RESULTS.exists() else ""
    notes = old[old.index("\n## Notes") :] if "\n## Notes" in old else ""
    RESULTS.write_text("\n".join(lines) + "\n" + notes, "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
