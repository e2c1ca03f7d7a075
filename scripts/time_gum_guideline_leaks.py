"""Quoted examples of the ``corpora/time_gum`` guidelines that occur in held-out texts.

``python scripts/time_gum_guideline_leaks.py [FILE.md ...] [--timeml DIR ...]`` lists every
double-quoted string of the given markdown files (default: ``GUIDELINES.md``) that occurs,
case-insensitively and with square brackets ignored, in the ``text`` of a document of
``heldout.jsonl`` or ``agreement/second_annotator.jsonl``. Each hit is printed with its
file, line, section or edge case (``E<n>``) and whether the phrase also occurs in the
public TempEval-3 TimeML texts (TimeBank 1.2, AQUAINT; ``--timeml``): such a phrase is
generic TimeML vocabulary ("now", "the past") rather than a quotation. The exit status is
the number of hits not found there (0 = nothing specific to the held-out texts is
quoted). Only matching is done; no held-out text is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "corpora" / "time_gum"
HELDOUT = (GOLD / "heldout.jsonl", GOLD / "agreement" / "second_annotator.jsonl")
QUOTE = re.compile(r'"([^"]+)"')
SECTION = re.compile(r"^(?:## (\d+)\.|(E\d+) )")
TIMEML = [Path("/work/shared/dev/time/TimeBank"), Path("/work/shared/dev/time/AQUAINT")]
DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})


def normalise(s: str) -> str:
    """Lower case, square brackets dropped, dashes unified, whitespace collapsed."""
    s = s.translate(DASHES).replace("[", "").replace("]", "").lower()
    return " ".join(s.split())


def texts(paths: tuple[Path, ...]) -> list[str]:
    """The normalised ``text`` of every document of the given JSON-lines files."""
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(normalise(json.loads(line)["text"]))
    return out


def timeml_text(directories: list[Path]) -> str:
    """The normalised text of the ``.tml`` files of the given folders (tags removed)."""
    files = [p for d in directories if d.is_dir() for p in sorted(d.glob("*.tml"))]
    raw = " ".join(p.read_text(encoding="utf-8") for p in files)
    return normalise(re.sub(r"<[^>]+>", " ", raw))


def quotes(path: Path) -> list[tuple[int, str, str]]:
    """``(line, section, quote)`` for every double-quoted string of a markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    sections = []
    section = "top"
    for line in lines:
        head = SECTION.match(line)
        if head:
            section = f"section {head.group(1)}" if head.group(1) else head.group(2)
        sections.append(section)
    text = "\n".join(lines)
    out = []
    for match in QUOTE.finditer(text):
        number = text.count("\n", 0, match.start()) + 1
        out.append((number, sections[number - 1], " ".join(match.group(1).split())))
    return out


def leaks(path: Path, docs: list[str], generic: str) -> list[tuple[int, str, str, bool]]:
    """``(line, section, quote, is_generic)`` for each quote of ``path`` found in ``docs``."""
    out = []
    for number, section, quote in quotes(path):
        needle = normalise(quote)
        if needle and any(needle in d for d in docs):
            out.append((number, section, quote, bool(generic) and needle in generic))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[GOLD / "GUIDELINES.md"])
    parser.add_argument("--timeml", type=Path, nargs="*", default=TIMEML)
    args = parser.parse_args(argv)
    docs = texts(HELDOUT)
    generic = timeml_text(args.timeml)
    specific = 0
    for path in args.files:
        for number, section, quote, is_generic in leaks(path, docs, generic):
            specific += not is_generic
            kind = "generic (in TimeML)" if is_generic else "HELD-OUT ONLY"
            print(f'{path.name}:{number}\t{section}\t{kind}\t"{quote}"')
    print(f"{specific} quoted string(s) found in held-out texts and not in TimeBank/AQUAINT")
    return min(specific, 100)


if __name__ == "__main__":
    sys.exit(main())
