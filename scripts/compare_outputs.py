"""Snapshot every table relnlp produces, and compare two snapshots exactly.

A refactoring must not change any output. Take a snapshot before it, one after, and
compare them::

    python scripts/compare_outputs.py snapshot /tmp/before   # on the old code
    python scripts/compare_outputs.py snapshot /tmp/after    # on the new code
    python scripts/compare_outputs.py compare /tmp/before /tmp/after

``snapshot`` analyses the seed reports (corpora/seeds), the development reports
(shared/dev/reports, when present) and the texts the tests build their reports from
(tests/data, the robustness body), under a few analyser settings (the default pipeline,
without the tone component, with small chunks so that long reports are parsed in pieces
and reassembled, a dates-only analyser, and an in-memory taxonomy with an added theme), and writes every table of every Report, its
``meta`` and its ``timeline()`` to the folder. Frames are pickled (pandas' own format):
the comparison must see dtypes and object cells exactly, which CSV or Parquet would
coerce. The snapshot is a developer's scratch file, never shipped.

``compare`` checks that both folders hold the same files and that every frame is equal
(``pandas.testing.assert_frame_equal`` with exact values, dtypes and column order); it
prints each difference and exits with status 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent

#: Analyser settings: name -> keyword arguments of relnlp.load.
SETTINGS: dict[str, dict[str, Any]] = {
    "default": {},
    "no_tone": {"exclude": ("relnlp_tone",)},
    "chunked": {"chunk_chars": 4000},
    "dates_only": {"only": ("dates",)},
    "user_taxonomy": {"taxonomy": "<default + energy_security>"},
}

#: Short texts analysed as strings (no file, no date): the paths a text takes without
#: structure, written for this script.
TEXTS = {
    "text_plain": "The two ministers met in Geneva on 3 March 2021 and agreed to resume talks.",
    "text_title_only": "Notes on regional security",
    "text_empty": "",
}


def _inputs(dev: Path | None) -> Iterator[tuple[str, Any]]:
    """(doc_id, path or text) of every input, in a fixed order."""
    for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt")):
        yield f"seed-{p.stem}", p
    if dev is not None and (dev / "reports").is_dir():
        for p in sorted((dev / "reports").iterdir()):
            if p.is_file():
                yield f"dev-{p.stem}", p
    for p in sorted((ROOT / "tests" / "data").rglob("*.txt")):
        yield f"test-{p.stem}", p
    sys.path.insert(0, str(ROOT))
    try:
        from tests.robustness._make import BODY

        yield "test-robustness-body", "\n".join(BODY)
    except ImportError:  # the test helpers need the test extras
        pass
    yield from TEXTS.items()


def _load(name: str) -> Any:
    import relnlp

    kwargs = dict(SETTINGS[name])
    if name == "user_taxonomy":
        # an in-memory taxonomy (no file): the default one with a theme added
        tax = relnlp.Taxonomy.default()
        tax.add_theme(
            "energy_security",
            label="Energy security",
            cues=("pipeline", "gas supply", "oil exports", "energy security"),
        )
        kwargs["taxonomy"] = tax
    return relnlp.load(**kwargs)


def _dev_dir() -> Path | None:
    from relnlp.evaluate.sets import default_data_dir

    return default_data_dir()


def snapshot(out: Path, settings: list[str], include_dev: bool) -> int:
    from relnlp.timelines import timeline

    out.mkdir(parents=True, exist_ok=True)
    dev = _dev_dir() if include_dev else None
    inputs = list(_inputs(dev))
    for name in settings:
        nlp = _load(name)
        for doc_id, item in inputs:
            if name in ("chunked", "dates_only", "user_taxonomy") and not doc_id.startswith(
                ("seed-", "dev-")
            ):
                continue  # the short texts fit one chunk and carry no date of interest
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                report = nlp.analyze(item, doc_id=doc_id)
            folder = out / name / doc_id
            folder.mkdir(parents=True, exist_ok=True)
            for table, df in report.tables().items():
                df.to_pickle(folder / f"{table}.pkl")
            meta = dict(report.meta)
            (folder / "meta.json").write_text(
                json.dumps(meta, sort_keys=True, indent=1, default=str)
            )
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    timeline([report]).to_pickle(folder / "timeline.pkl")
            except Exception as exc:  # recorded, so that a change of behaviour shows
                (folder / "timeline.txt").write_text(f"{type(exc).__name__}: {exc}")
        print(f"{name}: {len(inputs)} inputs", file=sys.stderr)
    return 0


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def compare(a: Path, b: Path) -> int:
    fa, fb = _files(a), _files(b)
    problems: list[str] = []
    for only, where in ((fa - fb, a), (fb - fa, b)):
        for f in sorted(only):
            problems.append(f"only in {where}: {f}")
    for f in sorted(fa & fb):
        pa, pb = a / f, b / f
        if f.endswith(".pkl"):
            da, db = pd.read_pickle(pa), pd.read_pickle(pb)
            try:
                pd.testing.assert_frame_equal(
                    da,
                    db,
                    check_exact=True,
                    check_dtype=True,
                    check_column_type=True,
                    check_index_type=True,
                )
            except AssertionError as exc:
                problems.append(f"{f}: {exc}")
        elif pa.read_bytes() != pb.read_bytes():
            problems.append(f"{f}: contents differ")
    n = len(fa & fb)
    if problems:
        print("\n".join(problems))
        print(f"DIFFERENT: {len(problems)} difference(s) over {n} common file(s)")
        return 1
    print(f"IDENTICAL: {n} file(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot", help="analyse the inputs and write every table to OUT")
    s.add_argument("out", type=Path)
    s.add_argument("--settings", nargs="*", default=list(SETTINGS), choices=list(SETTINGS))
    s.add_argument("--no-dev", action="store_true", help="leave out shared/dev/reports")
    c = sub.add_parser("compare", help="compare two snapshot folders (exit 1 on any difference)")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "snapshot":
        return snapshot(args.out, args.settings, not args.no_dev)
    return compare(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
