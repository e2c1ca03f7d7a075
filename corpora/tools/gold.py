#!/usr/bin/env python3
"""Build and check relnlp gold annotations from hand-written surface lists.

Annotators never type character offsets. They write, for each seed, three
tab-separated files in reading order (see corpora/GUIDELINES.md, "File format"):

    corpora/annotations/<annotator>/<doc_id>/entities.tsv   text  label  canonical  [context]
    corpora/annotations/<annotator>/<doc_id>/dates.tsv      text  value  mod        [context]
    corpora/annotations/<annotator>/<doc_id>/passages.tsv   blocks  kind  themes  cooperation  tension

and, for the development reports (``--corpus dev``; texts read from ``../shared/dev/reports``,
never copied into the repository), the same files under
``corpora/dev/annotations/<annotator>/<doc_id>/`` plus

    events.tsv     trigger  class  source  target  parties  date  [context]

This script resolves each mention to offsets in the original seed file by
searching forward from the previous mention (so mentions must be listed in
reading order), checks everything, and writes JSON.

Usage
-----
    python corpora/tools/gold.py [--corpus dev] blocks DOC_ID      # numbered blocks of a report
    python corpora/tools/gold.py [--corpus dev] build ANNOTATOR [--out DIR]
    python corpora/tools/gold.py [--corpus dev] check ANNOTATOR    # build without writing

``--root DIR`` reads the annotator folders from DIR instead of the corpus's annotations
folder (annotators may work outside the repository); ``--data DIR`` is the development data
folder (default ``$RELNLP_DEV_DATA``, else ``../shared/dev`` beside the repository).

Only the standard library is used, so annotators can run it anywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent
SEEDS = CORPORA / "seeds"
ANNOTATIONS = CORPORA / "annotations"
DEV = CORPORA / "dev"
DEV_DOCS = DEV / "docs.json"

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}
EVENT_CLASSES = {
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
}
MODS = {
    "",
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
}
THEMES = {"counterterrorism", "color_revolution", "geoeconomics"}
PASSAGE_KINDS = {"paragraph", "chronology", "footnote"}
NON_PASSAGE_KINDS = {"title", "heading", "byline", "meta", "figure", "caption", "bio"}

# One TIMEX3 point value: year, month, day, season, quarter, half, week,
# decade (3 digits), century (2 digits), fiscal year, or a recurring XXXX-MM(-DD).
_POINT = (
    r"(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}))?"
    r"|\d{3}|\d{2}|FY\d{4}|XXXX-\d{2}(?:-\d{2})?)"
)
TIMEX_VALUE = re.compile(rf"^{_POINT}(?:/{_POINT})?$")


class GoldError(Exception):
    """A surface list that cannot be resolved or does not validate."""


@dataclass(frozen=True)
class Block:
    """A maximal run of non-blank lines, trimmed of surrounding white space."""

    id: int
    start: int
    end: int


@dataclass
class Corpus:
    """Where a corpus's texts, metadata and annotations are."""

    name: str
    annotations: Path
    data: Path | None = None  # the folder of the texts (dev and unseen corpora)
    docs: Path = DEV_DOCS  # the corpus's docs.json (dev and unseen corpora)

    def _dev_docs(self) -> dict[str, dict[str, str]]:
        rows = json.loads(self.docs.read_text("utf-8"))["documents"]
        return {r["doc_id"]: r for r in rows}

    def text_path(self, doc_id: str) -> Path:
        if self.name == "seeds":
            return SEEDS / f"{doc_id}.txt"
        if self.data is None:
            raise GoldError(
                f"no data folder for the {self.name} corpus: set {DATA_ENV[self.name]} or "
                "pass --data (shared/dev, or extra/unseen, beside the repository is found "
                "by default)"
            )
        return self.data / "reports" / self._dev_docs()[doc_id]["file"]

    def text(self, doc_id: str) -> str:
        # newline="" keeps the file's own line endings so offsets match the bytes decoded.
        with self.text_path(doc_id).open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        if self.name != "seeds":
            want = self._dev_docs()[doc_id]["sha256"]
            got = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if got != want:
                raise GoldError(f"{self.text_path(doc_id)}: sha256 {got} differs from {want}")
        return text

    def meta(self, doc_id: str) -> dict[str, str]:
        if self.name == "seeds":
            meta: dict[str, str] = json.loads((SEEDS / f"{doc_id}.meta.json").read_text("utf-8"))
            return meta
        return self._dev_docs()[doc_id]

    def doc_ids(self) -> list[str]:
        if self.name == "seeds":
            return sorted(p.stem for p in SEEDS.glob("*.txt"))
        return sorted(self._dev_docs())

    def layers(self, doc_id: str) -> set[str]:
        if self.name == "seeds":
            return {"entities", "dates", "passages"}
        return set(self._dev_docs()[doc_id]["layers"])


# Where each corpus's texts are looked for: an environment variable, else a folder beside
# the repository. The unseen reports (corpora/unseen/README.md) are kept out of the
# repository like the development reports.
DATA_ENV = {"dev": "RELNLP_DEV_DATA", "unseen": "RELNLP_UNSEEN_DATA"}
DATA_BESIDE = {"dev": ("shared", "dev"), "unseen": ("extra", "unseen")}


def default_data(name: str = "dev") -> Path | None:
    env = os.environ.get(DATA_ENV[name])
    if env:
        return Path(env)
    cand = CORPORA.parent.parent.joinpath(*DATA_BESIDE[name])
    return cand if cand.is_dir() else None


def default_dev_data() -> Path | None:
    return default_data("dev")


def corpus(
    name: str = "seeds",
    root: Path | None = None,
    data: Path | None = None,
    docs: Path | None = None,
) -> Corpus:
    if name == "seeds":
        return Corpus("seeds", root or ANNOTATIONS)
    folder = CORPORA / name
    return Corpus(
        name,
        root or folder / "annotations",
        data or default_data(name),
        docs or folder / "docs.json",
    )


SEED_CORPUS = Corpus("seeds", ANNOTATIONS)


def seed_text(doc_id: str) -> str:
    return SEED_CORPUS.text(doc_id)


def seed_meta(doc_id: str) -> dict[str, str]:
    return SEED_CORPUS.meta(doc_id)


def doc_ids() -> list[str]:
    return SEED_CORPUS.doc_ids()


def blocks(text: str) -> list[Block]:
    """Split text into blocks separated by blank (white-space only) lines."""
    out: list[Block] = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t\r\f\v]*\n))*", text):
        span = m.group(0).rstrip()
        out.append(Block(len(out) + 1, m.start(), m.start() + len(span)))
    return out


def _read_tsv(path: Path, min_cols: int, max_cols: int) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    if not path.exists():
        raise GoldError(f"{path}: file missing")
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        while len(cols) > min_cols and cols[-1] == "":
            cols.pop()
        if not min_cols <= len(cols) <= max_cols:
            raise GoldError(
                f"{path}:{lineno}: expected {min_cols}-{max_cols} tab-separated "
                f"columns, got {len(cols)}: {line!r}"
            )
        rows.append((lineno, [c.strip() for c in cols]))
    return rows


def _find(text: str, surface: str, cursor: int, context: str | None) -> int:
    """Offset of the next whole-word occurrence of surface at or after cursor.

    Word boundaries are letters and digits only, so a name glued to Markdown underscores
    (``__Name:__``) is found. A mention ending in a lower-case letter or a digit may also end
    where an upper-case letter follows directly: the telegrams file glues footnote markers to
    the word before them ("SmithSee Document 125.", "August 27At"). A context may start
    before the cursor (it may contain the previous mention); the mention itself must not.
    """
    end = ""
    if surface[-1:].isalnum():
        end = r"(?![^\W_])"
        if surface[-1:].islower() or surface[-1:].isdigit():
            end = r"(?:(?![^\W_])|(?=[A-Z][a-z]))"
    pattern = re.compile(
        (r"(?<![^\W_])" if surface[:1].isalnum() else "") + re.escape(surface) + end
    )
    if context:
        at = text.find(context, max(0, cursor - len(context)))
        while at != -1:
            m = pattern.search(text, max(at, cursor), at + len(context))
            if m:
                return m.start()
            at = text.find(context, at + 1)
        return -1
    m = pattern.search(text, cursor)
    return m.start() if m else -1


def _resolve(
    text: str,
    path: Path,
    rows: list[tuple[int, list[str]]],
    ctx_col: int,
    *,
    same_place: bool = False,
) -> list[tuple[int, int, list[str]]]:
    cursor = 0
    out: list[tuple[int, int, list[str]]] = []
    for lineno, cols in rows:
        surface = cols[0]
        if not surface or surface != surface.strip():
            raise GoldError(f"{path}:{lineno}: empty or padded mention {surface!r}")
        context = cols[ctx_col] if len(cols) > ctx_col and cols[ctx_col] else None
        start = _find(text, surface, cursor, context)
        if start < 0:
            near = text[cursor : cursor + 80].replace("\n", " ")
            raise GoldError(
                f"{path}:{lineno}: {surface!r}"
                + (f" (context {context!r})" if context else "")
                + f" not found after offset {cursor} (text there: {near!r}). "
                "Mentions must be listed in reading order."
            )
        end = start + len(surface)
        out.append((start, end, cols))
        # Events may share a trigger word (two events of one verb): the next row may
        # start at the same place.
        cursor = start if same_place else end
    return out


def _names(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [n.strip() for n in cell.split(";") if n.strip()]


def build_doc(
    annotator: str,
    doc_id: str,
    only: set[str] | None = None,
    corp: Corpus = SEED_CORPUS,
) -> dict[str, object]:
    """Resolve and check one report's annotations (all layers, or those in only)."""
    listed = corp.layers(doc_id)
    base = corp.annotations / annotator / doc_id
    problems: list[str] = []
    # A layer asked for, or written, that the corpus does not list for this report would
    # be skipped without a word: say so instead (the check then fails).
    for layer in sorted((only or set()) - listed):
        problems.append(
            f"{doc_id}: layer {layer!r} is not listed for this report ({sorted(listed)})"
        )
    for layer in sorted({"entities", "dates", "passages", "events"} - listed):
        if (base / f"{layer}.tsv").exists():
            problems.append(
                f"{base / f'{layer}.tsv'}: written, but layer {layer!r} is not listed for this "
                f"report ({sorted(listed)}): list it (docs.json 'layers') or remove the file"
            )
    only = (only or {"entities", "dates", "passages", "events"}) & listed
    text = corp.text(doc_id)
    meta = corp.meta(doc_id)

    entities = []
    path = base / "entities.tsv"
    ent_rows = _read_tsv(path, 3, 4) if "entities" in only else []
    for start, end, cols in _resolve(text, path, ent_rows, 3):
        surface, label, canonical = cols[:3]
        if label not in ENTITY_LABELS:
            problems.append(f"{path}: {surface!r}: unknown label {label!r}")
        if not canonical:
            problems.append(f"{path}: {surface!r}: empty canonical")
        entities.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "label": label,
                "canonical": canonical,
            }
        )

    dates = []
    path = base / "dates.tsv"
    date_rows = _read_tsv(path, 2, 4) if "dates" in only else []
    for start, end, cols in _resolve(text, path, date_rows, 3):
        surface, value = cols[0], cols[1]
        mod = cols[2] if len(cols) > 2 else ""
        if not TIMEX_VALUE.match(value):
            problems.append(f"{path}: {surface!r}: malformed TIMEX3 value {value!r}")
        if mod not in MODS:
            problems.append(f"{path}: {surface!r}: unknown mod {mod!r}")
        dates.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": value,
                "mod": mod or None,
                "type": "DATE",
            }
        )

    for name, spans in (("entities", entities), ("dates", dates)):
        for a, b in zip(spans, spans[1:]):
            if b["start"] < a["end"]:  # type: ignore[operator]
                problems.append(f"{base}/{name}.tsv: overlapping {a['text']!r} / {b['text']!r}")

    blks = blocks(text)
    by_id = {b.id: b for b in blks}
    passages = []
    seen: dict[int, int] = {}
    path = base / "passages.tsv"
    passage_rows = _read_tsv(path, 2, 5) if "passages" in only else []
    for lineno, cols in passage_rows:
        ids_s, kind = cols[0], cols[1]
        try:
            ids = [int(x) for x in ids_s.split("+")]
        except ValueError:
            problems.append(f"{path}:{lineno}: bad block list {ids_s!r}")
            continue
        for i in ids:
            if i not in by_id:
                problems.append(f"{path}:{lineno}: no block {i}")
            elif i in seen:
                problems.append(f"{path}:{lineno}: block {i} already used on line {seen[i]}")
            seen[i] = lineno
        if ids != list(range(ids[0], ids[0] + len(ids))):
            problems.append(f"{path}:{lineno}: joined blocks must be consecutive: {ids_s}")
        if kind in NON_PASSAGE_KINDS:
            continue
        if kind not in PASSAGE_KINDS:
            problems.append(f"{path}:{lineno}: unknown kind {kind!r}")
            continue
        if len(cols) != 5:
            problems.append(f"{path}:{lineno}: a {kind} needs themes, cooperation, tension")
            continue
        themes = [] if cols[2] in ("", "-") else [t.strip() for t in cols[2].split(",")]
        for t in themes:
            if t not in THEMES:
                problems.append(f"{path}:{lineno}: unknown theme {t!r}")
        scores = []
        for c in cols[3:5]:
            if c not in {"0", "1", "2", "3"}:
                problems.append(f"{path}:{lineno}: score must be 0-3, got {c!r}")
                c = "0"
            scores.append(int(c))
        if any(i not in by_id for i in ids):
            continue
        start, end = by_id[ids[0]].start, by_id[ids[-1]].end
        passages.append(
            {
                "start": start,
                "end": end,
                "kind": kind,
                "blocks": ids,
                "themes": sorted(themes),
                "cooperation": scores[0],
                "tension": scores[1],
                "first_words": text[start : start + 60],
            }
        )
    missing = [b.id for b in blks if b.id not in seen]
    if missing and "passages" in only:
        problems.append(f"{path}: blocks not classified: {missing}")

    events = []
    path = base / "events.tsv"
    event_rows = _read_tsv(path, 6, 7) if "events" in only else []
    for start, end, cols in _resolve(text, path, event_rows, 6, same_place=True):
        trigger, klass, source, target, parties_s, date = cols[:6]
        parties = _names(parties_s)
        src = "" if source in ("", "-") else source
        tgt = "" if target in ("", "-") else target
        where = f"{path}: event {trigger!r} at {start}"
        if klass not in EVENT_CLASSES:
            problems.append(f"{where}: unknown class {klass!r}")
        if src and tgt and src == tgt:
            problems.append(f"{where}: source and target are the same actor {src!r}")
        if not parties and not (src or tgt):
            problems.append(f"{where}: needs a source and/or target, or parties")
        if parties and len(parties) < 2:
            problems.append(f"{where}: parties of a joint action are two or more actors")
        if date not in ("", "-") and not TIMEX_VALUE.match(date):
            problems.append(f"{where}: malformed TIMEX3 value {date!r}")
        events.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "class": klass,
                "source": src,
                "target": tgt,
                "parties": parties,
                "date": "" if date in ("", "-") else date,
            }
        )
    if problems:
        raise GoldError("\n".join(problems))

    return {
        "doc_id": doc_id,
        "doc_date": meta["doc_date"],
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "n_chars": len(text),
        "annotator": annotator,
        **({"file": meta["file"], "layers": sorted(only)} if corp.name != "seeds" else {}),
        "entities": entities,
        "dates": dates,
        "passages": passages,
        **({"events": events} if "events" in only else {}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["seeds", "dev", "unseen"], default="seeds")
    ap.add_argument("--root", type=Path, help="annotator folders are read from here")
    ap.add_argument("--data", type=Path, help="texts folder (shared/dev, extra/unseen)")
    ap.add_argument("--docs", type=Path, help="the corpus's docs.json (default corpora/<corpus>)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("blocks")
    b.add_argument("doc_id")
    for name in ("build", "check"):
        p = sub.add_parser(name)
        p.add_argument("annotator")
        p.add_argument("--doc", action="append")
        p.add_argument(
            "--only",
            action="append",
            choices=["entities", "dates", "passages", "events"],
            help="check only these layers (repeatable)",
        )
        if name == "build":
            p.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    corp = corpus(args.corpus, args.root, args.data, args.docs)

    if args.cmd == "blocks":
        text = corp.text(args.doc_id)
        for blk in blocks(text):
            s = text[blk.start : blk.end].replace("\n", " ")
            shown = s if len(s) <= 110 else s[:70] + " … " + s[-35:]
            print(f"{blk.id:3d} [{blk.start}:{blk.end}] {shown}")
        return 0

    ok = True
    for doc_id in args.doc or corp.doc_ids():
        if not (corp.annotations / args.annotator / doc_id).is_dir():
            continue
        try:
            gold = build_doc(args.annotator, doc_id, set(args.only or ()), corp)
        except GoldError as exc:
            ok = False
            print(f"{doc_id}: FAILED\n{exc}", file=sys.stderr)
            continue
        print(
            f"{doc_id}: {len(gold['entities'])} entities, {len(gold['dates'])} dates, "  # type: ignore[arg-type]
            f"{len(gold['passages'])} passages, "  # type: ignore[arg-type]
            f"{len(gold.get('events', []))} events"  # type: ignore[arg-type]
        )
        if args.cmd == "build":
            out = args.out or (corp.annotations / args.annotator / "build")
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{doc_id}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
