#!/usr/bin/env python3
"""Benchmark of one long document (issue 21: the README's "per million characters" figure).

Builds one report of about ``--chars`` characters by recombining the seed paragraphs
(deterministic), then measures, each in a fresh child process so that peak memory is its
own, warm against warm (the pipeline is loaded and has analysed a short text before the
clock starts):

* bare spaCy: ``spacy.load`` of the same model, ``nlp.pipe`` over the paragraphs;
* relnlp: ``relnlp.load()``, ``analyze`` of the whole text and every table.

Reports seconds and peak RSS (``ru_maxrss`` of the child; includes the loaded models), and
the time per million characters. Writes benchmarks/results/scale.md (and prints it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
RESULTS = ROOT / "benchmarks" / "results" / "scale.md"

CHILD = r"""
import json, resource, sys, time
path, system = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if system == "spacy":
    import spacy
    from relnlp.about import DEFAULT_MODEL
    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(["A short warm-up text about Russia and China in May 2015."]))
    paras = [p for p in text.split("\n\n") if p.strip()]
    t0 = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(paras, batch_size=64))
    secs = time.perf_counter() - t0
else:
    import relnlp
    nlp = relnlp.load()
    nlp.analyze("A short warm-up text about Russia and China in May 2015.").tables()
    t0 = time.perf_counter()
    rep = nlp.analyze(text, doc_id="long", doc_date="2015-05")
    rep.tables()
    n = len(rep.doc)
    secs = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": secs, "tokens": n, "peak_rss_mib": rss}))
"""


def long_text(chars: int) -> str:
    paras: list[str] = []
    for p in SEEDS:
        paras.extend(b.strip() for b in p.read_text("utf-8").split("\n\n") if len(b.strip()) > 150)
    out: list[str] = []
    size = i = 0
    while size < chars:
        out.append(paras[i % len(paras)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def measure(path: Path, system: str) -> dict[str, float]:
    res = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), system], capture_output=True, text=True, check=True
    )
    data: dict[str, float] = json.loads(res.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()
    text = long_text(args.chars)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, "utf-8")
        for _ in range(args.repeats):
            for system in ("spacy", "relnlp"):
                r = measure(path, system)
                rows.append((system, r))
    best = {
        s: min((r for n, r in rows if n == s), key=lambda r: r["seconds"])
        for s in ("spacy", "relnlp")
    }
    mchars = len(text) / 1e6
    lines = [
        f"# One long document ({len(text):,} characters)",
        "",
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/bench_scale.py "
        f"--chars {args.chars} --repeats {args.repeats}` on {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; each system in its own process, warm (loaded and "
        "run once on a short text before timing); best of the repeats.",
        "",
        "| system | seconds | s per 1M chars | peak RSS (MiB) |",
        "|---|---:|---:|---:|",
    ]
    for s in ("spacy", "relnlp"):
        r = best[s]
        lines.append(
            f"| {s} | {r['seconds']:.1f} | {r['seconds'] / mchars:.1f} | {r['peak_rss_mib']:.0f} |"
        )
    lines += [
        "",
        f"relnlp / bare spaCy time ratio: {best['relnlp']['seconds'] / best['spacy']['seconds']:.2f}x",
    ]
    RESULTS.write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
