"""The cooperation/tension cue lexicon (JSONL data, validated on load).

Each entry: ``cue`` (lemmas separated by spaces; articles are ignored when matching),
``axis`` (``cooperation`` or ``tension``), ``weight`` (strength, 0-1), ``goldstein``
(-10..+10, the CAMEO/Goldstein-style value of the act the cue names) and ``kind`` (``verb``,
``noun``, ``adj`` or ``phrase``; single words match only tokens of that part of speech).
The packaged lexicon ``relnlp/data/lexicons/tone.v1.jsonl`` was written from event-coding
schemes (CAMEO verb classes, PLOVER's quad classes) and diplomatic vocabulary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from relnlp._jsonl import line_error, records
from relnlp.errors import ConfigError

__all__ = ["ARTICLES", "Cue", "Lexicon", "load_lexicon"]

ARTICLES = frozenset({"a", "an", "the"})
AXES = ("cooperation", "tension")
KINDS = {"verb": {"VERB"}, "noun": {"NOUN", "PROPN"}, "adj": {"ADJ", "VERB"}, "phrase": set()}
PACKAGED = "lexicons/tone.v1.jsonl"


@dataclass(frozen=True)
class Cue:
    cue: str
    lemmas: tuple[str, ...]
    axis: str
    weight: float
    goldstein: float
    kind: str


@dataclass(frozen=True)
class Lexicon:
    """Cues indexed by their first lemma, longest first."""

    by_first: dict[str, tuple[Cue, ...]]
    version: str
    size: int

    def candidates(self, lemma: str) -> tuple[Cue, ...]:
        return self.by_first.get(lemma, ())


def _entries(text: str, name: str) -> tuple[list[Cue], str]:
    cues: list[Cue] = []
    version, rows = records(text, name)
    for lineno, obj in rows:

        def fail(problem: str, lineno: int = lineno) -> ConfigError:
            return line_error(name, lineno, problem)

        cue, axis, kind = obj.get("cue"), obj.get("axis"), obj.get("kind", "phrase")
        weight, gold = obj.get("weight"), obj.get("goldstein", 0.0)
        if not isinstance(cue, str) or not cue.strip():
            raise fail("'cue' must be a non-empty string")
        if axis not in AXES:
            raise fail(f"'axis' must be one of {AXES}, got {axis!r}")
        if kind not in KINDS:
            raise fail(f"'kind' must be one of {sorted(KINDS)}, got {kind!r}")
        if not isinstance(weight, int | float) or not 0 < weight <= 1:
            raise fail(f"'weight' must be a number in (0, 1], got {weight!r}")
        if not isinstance(gold, int | float) or not -10 <= gold <= 10:
            raise fail(f"'goldstein' must be a number in [-10, 10], got {gold!r}")
        lemmas = tuple(w for w in cue.lower().split() if w not in ARTICLES)
        cues.append(Cue(cue, lemmas, axis, float(weight), float(gold), kind))
    return cues, version


def load_lexicon(paths: tuple[str | os.PathLike[str], ...] = (), packaged: bool = True) -> Lexicon:
    """The packaged lexicon plus the user's JSONL files (same format)."""
    from relnlp import resources

    cues: list[Cue] = []
    version = "0"
    if packaged:
        res = resources.path(PACKAGED)
        more, version = _entries(res.read_text("utf-8"), f"relnlp/data/{PACKAGED}")
        cues += more
    for p in paths:
        more, _v = _entries(Path(p).read_text("utf-8"), str(p))
        cues += more
        version += "+user"
    index: dict[str, list[Cue]] = {}
    for c in cues:
        index.setdefault(c.lemmas[0], []).append(c)
    return Lexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.lemmas))) for k, v in index.items()},
        version,
        len(cues),
    )
