#!/usr/bin/env python3
"""Cross-corpus entity check on news: relnlp against bare spaCy on GUM Wikinews names.

    python scripts/gum_news_check.py [--errors] [--heldout | --file PATH]

The developed-on gold is ``corpora/gum_news/gum_news_names.txt`` (the opening sentences
of six Wikinews documents and one biography of the GUM corpus) and
``gum_developed_more.txt`` (biographies, news, a travel guide and an interview), with the
named person, place and organization mentions of GUM's entity layer marked
``{text|type}`` (see the README there for the derivation rule and the licence); the
default run prints one row per genre. ``{text|-}`` marks a region left out of
scoring: a GUM mention that is no clean name (adjectives of nationality, group nouns such
as "Rohingya", elliptical "the North", names inside a lower-case head such as
"Indonesian navy") or a name of a type outside the mapping (a ship, a book).

``--heldout`` scores the held-out files instead (``gum_news_heldout.txt``, GUM Wikinews,
and ``gum_heldout_more.txt``, GUM Wikipedia biographies and Wikivoyage guides; kept out of
development, scored by the coordinator only) with one row per genre (news, bio, voyage)
and per-label counts; ``--file PATH`` scores any file in the same format.

Label mapping (GUM has no GPE; a state is ``organization`` when it acts, ``place`` when
it is a location):

* ``person``       -> PERSON
* ``place``        -> GPE, LOC or FAC (one class)
* ``organization`` -> ORG or GPE (GUM types an acting state, "North Korea fired", as an
  organization; relnlp and OntoNotes call it GPE)

Scored predictions are PERSON, ORG, GPE, LOC and FAC; NORP, dates and the rest are not
scored (GUM marks no nationality adjectives). A prediction overlapping a ``{..|-}`` region
is not scored. Strict: a hit needs the exact span and a compatible label. ``untyped``
needs the exact span only.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "gum_news" / "gum_news_names.txt"
HELDOUT = ROOT / "corpora" / "gum_news" / "gum_news_heldout.txt"
HELDOUT_MORE = ROOT / "corpora" / "gum_news" / "gum_heldout_more.txt"
HELDOUT_FILES = (HELDOUT, HELDOUT_MORE)
DEVELOPED_MORE = ROOT / "corpora" / "gum_news" / "gum_developed_more.txt"
DEVELOPED_FILES = (GOLD, DEVELOPED_MORE)
GENRES = ("news", "bio", "voyage", "interview", "whow", "academic", "speech", "textbook")
SCORED = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
ALLOWED = {
    "person": {"PERSON"},
    "place": {"GPE", "LOC", "FAC"},
    "organization": {"ORG", "GPE"},
}
_MARK = re.compile(r"\{([^{}|]+)\|([a-z-]+)\}")
_DOC_ID = re.compile(r"GUM_([a-z]+)_[a-z0-9]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|unknown")
_COMMIT = re.compile(r"coref/(?:tsv|conll) commit ([0-9a-f]{40})")
_SENTENCES = re.compile(r"sentences (\d+)-(\d+) of (?:about )?(\d+)")


@dataclass
class Doc:
    """One GUM news document: plain text, gold names and ignored regions."""

    doc_id: str
    date: str
    header: str = ""
    text: str = ""
    gold: list[tuple[int, int, str]] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)

    @property
    def genre(self) -> str:
        """GUM genre from the document id (``GUM_news_nasa`` -> ``news``)."""
        m = _DOC_ID.fullmatch(self.doc_id)
        return m.group(1) if m else "?"

    @property
    def doc_date(self) -> str | None:
        """The date to hand to relnlp: ``None`` when the header says ``unknown``."""
        return None if self.date == "unknown" else self.date


def load(path: Path = GOLD) -> list[Doc]:
    """Parse the marked-up file into documents with character offsets."""
    docs: list[Doc] = []
    body: list[str] = []

    def close() -> None:
        if not docs:
            return
        raw = "\n".join(body).strip("\n")
        d = docs[-1]
        out: list[str] = []
        pos = 0
        last = 0
        for m in _MARK.finditer(raw):
            out.append(raw[last : m.start()])
            pos += m.start() - last
            surface, kind = m.group(1), m.group(2)
            d.surfaces.append(surface)
            if kind == "-":
                d.ignore.append((pos, pos + len(surface)))
            else:
                d.gold.append((pos, pos + len(surface), kind))
            out.append(surface)
            pos += len(surface)
            last = m.end()
        out.append(raw[last:])
        d.text = "".join(out)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# doc "):
            close()
            body = []
            parts = [p.strip() for p in line[len("# doc ") :].split("|")]
            docs.append(
                Doc(doc_id=parts[0], date=parts[1].removeprefix("date ").strip(), header=line)
            )
        else:
            body.append(line)
    close()
    return docs


def check(path: Path) -> list[str]:
    """Format problems of a marked-up file (an empty list when it is well formed).

    Checks every ``# doc`` header (GUM document id, ISO date or ``unknown``, TSV
    commit, sentence range), that every brace and bar belongs to a well-formed
    ``{text|type}`` mark with a known type and no padding spaces, that a document
    id appears once, and that each mark's offsets give back its surface.
    """
    problems: list[str] = []
    raw = path.read_text(encoding="utf-8")
    if not raw.lstrip().startswith("# doc "):
        problems.append("file does not start with a '# doc' header")
    for n, line in enumerate(raw.splitlines(), 1):
        if line.startswith("# doc "):
            parts = [p.strip() for p in line[len("# doc ") :].split("|")]
            if len(parts) != 4:
                problems.append(f"line {n}: header needs 4 fields, has {len(parts)}")
                continue
            if not _DOC_ID.fullmatch(parts[0]):
                problems.append(f"line {n}: doc id {parts[0]!r} is not GUM_<genre>_<name>")
            if not parts[1].startswith("date ") or not _DATE.fullmatch(parts[1][5:]):
                problems.append(f"line {n}: date field {parts[1]!r}")
            if not _COMMIT.fullmatch(parts[2]):
                problems.append(f"line {n}: commit field {parts[2]!r}")
            rng = _SENTENCES.fullmatch(parts[3])
            if not rng or not 1 <= int(rng.group(1)) <= int(rng.group(2)) <= int(rng.group(3)):
                problems.append(f"line {n}: sentence range {parts[3]!r}")
            continue
        for m in _MARK.finditer(line):
            if m.group(2) not in ALLOWED and m.group(2) != "-":
                problems.append(f"line {n}: unknown type in {m.group(0)!r}")
            if m.group(1) != m.group(1).strip():
                problems.append(f"line {n}: padded surface in {m.group(0)!r}")
        rest = _MARK.sub("", line)
        if any(c in rest for c in "{}|"):
            problems.append(f"line {n}: stray brace or bar: {rest.strip()[:80]!r}")
    docs = load(path)
    seen: set[str] = set()
    for d in docs:
        if d.doc_id in seen:
            problems.append(f"{d.doc_id}: document appears twice")
        seen.add(d.doc_id)
        spans = sorted([(a, b) for a, b, _ in d.gold] + d.ignore)
        if [d.text[a:b] for a, b in spans] != d.surfaces:
            problems.append(f"{d.doc_id}: mark offsets do not give back their surfaces")
        if not d.gold:
            problems.append(f"{d.doc_id}: no gold name")
    return problems


def _overlaps(a: int, b: int, regions: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in regions)


def score(docs: list[Doc], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """Strict and untyped scores, per GUM type, and the error list."""
    tp = fp = fn = 0
    utp = 0
    per: dict[str, list[int]] = {k: [0, 0, 0] for k in ALLOWED}
    errors: list[str] = []
    for d, pred in zip(docs, preds):
        ps = [
            (int(p["start"]), int(p["end"]), str(p["label"]))
            for p in pred
            if p["label"] in SCORED and not _overlaps(int(p["start"]), int(p["end"]), d.ignore)
        ]
        gold = {(a, b): k for a, b, k in d.gold}
        matched: set[tuple[int, int]] = set()
        for a, b, lab in ps:
            k = gold.get((a, b))
            if k is not None:
                utp += 1
            if k is not None and lab in ALLOWED[k] and (a, b) not in matched:
                tp += 1
                per[k][0] += 1
                matched.add((a, b))
            else:
                fp += 1
                if k is not None:
                    per[k][1] += 1
                errors.append(f"{d.doc_id} FP {lab:6} {d.text[a:b]!r} (gold {k})")
        for (a, b), k in gold.items():
            if (a, b) not in matched:
                fn += 1
                per[k][2] += 1
                errors.append(f"{d.doc_id} FN {k:12} {d.text[a:b]!r}")
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = tp + fp
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    up = utp / n_pred if n_pred else 0.0
    ur = utp / n_gold if n_gold else 0.0
    uf = 2 * up * ur / (up + ur) if up + ur else 0.0
    recall_by_type = {k: v[0] / max(1, v[0] + v[2]) for k, v in per.items()}
    return {
        "p": p,
        "r": r,
        "f1": f,
        "untyped_f1": uf,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "recall_by_type": recall_by_type,
        "errors": errors,
    }


def _row(name: str, s: dict[str, Any]) -> str:
    rec = " ".join(f"{k} {v:.3f}" for k, v in s["recall_by_type"].items())
    return (
        f"{name:14} strict F1 {s['f1']:.3f} (P {s['p']:.3f} R {s['r']:.3f}) "
        f"untyped F1 {s['untyped_f1']:.3f}  recall: {rec}  gold {s['n_gold']} pred {s['n_pred']}"
    )


def label_counts(docs: list[Doc]) -> dict[str, int]:
    """Gold names per GUM type, plus ``-`` for the regions left out of scoring."""
    counts = {k: 0 for k in ALLOWED}
    counts["-"] = 0
    for d in docs:
        for _, _, k in d.gold:
            counts[k] += 1
        counts["-"] += len(d.ignore)
    return counts


def _pred_counts(docs: list[Doc], preds: list[list[dict[str, Any]]]) -> str:
    counts: dict[str, int] = {}
    for d, pred in zip(docs, preds):
        for p in pred:
            if p["label"] in SCORED and not _overlaps(int(p["start"]), int(p["end"]), d.ignore):
                counts[str(p["label"])] = counts.get(str(p["label"]), 0) + 1
    return " ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list each system's errors")
    which = ap.add_mutually_exclusive_group()
    which.add_argument(
        "--heldout",
        action="store_true",
        help="score the held-out files (news, biographies, travel guides; kept out of "
        "development) with one row per genre, instead of the developed-on file",
    )
    which.add_argument("--file", type=Path, help="score this file (same format) instead")
    args = ap.parse_args(argv)
    if args.heldout:
        paths: tuple[Path, ...] = HELDOUT_FILES
    elif args.file is not None:
        paths = (args.file,)
    else:
        paths = DEVELOPED_FILES
    docs = [d for path in paths for d in load(path)]
    counts = " ".join(f"{k} {v}" for k, v in label_counts(docs).items())
    print(f"{len(docs)} documents from {', '.join(p.name for p in paths)}; gold {counts}")
    import spacy

    import relnlp

    nlp = relnlp.load()
    from relnlp.about import DEFAULT_MODEL

    bare = spacy.load(DEFAULT_MODEL)
    systems = {
        "relnlp": [
            nlp.analyze(d.text, doc_id=d.doc_id, doc_date=d.doc_date).entities.to_dict("records")
            for d in docs
        ],
        "spaCy": [
            [
                {"start": e.start_char, "end": e.end_char, "label": e.label_}
                for e in bare(d.text).ents
            ]
            for d in docs
        ],
    }
    genres = [g for g in GENRES if any(d.genre == g for d in docs)]
    for name, preds in systems.items():
        s = score(docs, preds)
        print(_row(name, s))
        print(f"{'':14} predicted labels: {_pred_counts(docs, preds)}")
        if len(genres) > 1:
            for g in genres:
                idx = [i for i, d in enumerate(docs) if d.genre == g]
                sub = [docs[i] for i in idx]
                gs = score(sub, [preds[i] for i in idx])
                print(_row(f"  {g} ({len(sub)})", gs))
        if args.errors:
            for e in s["errors"]:
                print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
