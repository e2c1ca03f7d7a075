"""Word stems, cue matching and the taxonomy prior (zero-shot theme scores).

Text is lower-cased, split into alphanumeric words (hyphens split words) and reduced by a
light inflectional stemmer (plural -s/-es/-ies, -ed, -ing, final -e; in the spirit of
Harman's S-stemmer), so "terrorists" matches the cue "terrorist" and "sanctioned" the cue
"sanctions", while words that only share a root stay apart ("important" is not "import",
"international" not "internal", as an aggressive Porter/Snowball stemmer would have them).
A cue written in capitals is an acronym and matches only text in capitals ("RATS" is not
"rates", "SWIFT" not "swift"; a plural "s" is allowed: "IEDs"); write it in mixed case
("Isis") to match any case.

The prior score of a theme for a passage combines

* cue evidence: ``1 - exp(-0.5 * hits)``, where a distinct cue counts once per occurrence up
  to twice and a pattern match 1.5 (one cue -> 0.39, two -> 0.63, three -> 0.78);
* similarity to the theme's prototype (its description, cues and examples as one bag of
  stems, stop words removed): cosine ``s`` rescaled to ``min(1, max(0, (s - 0.04) / 0.2))``,

as ``1 - (1 - cue) * (1 - 0.6 * sim)``. A theme defined by a description, a few cues and one
example therefore scores passages that share its vocabulary without using an exact cue. The
constants are set by reasoning about passage lengths, not fitted to any corpus.

Exclusions (a theme's ``exclude`` terms and ``exclude_patterns``) are matched like cues and
patterns. A cue or pattern of the theme in a clause that has an exclusion match is not
evidence (it is dropped from the matches); a passage with an exclusion match and no
remaining cue or pattern of the theme is *vetoed* for it (:meth:`PriorScorer.vetoed`), and
the classifier keeps its score below the threshold. A clause (:func:`clause_spans`) is a
stretch of the passage between sentence ends, semicolons, colons, commas, dashes and the
conjunctions "and", "but", "while", "whereas": "trade grew and Moscow sold more weapons"
keeps "trade" as evidence, "sold S-400 systems for $5 billion" does not keep the sum.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from relnlp._prefilter import can_match, folded

if TYPE_CHECKING:  # the taxonomy imports these helpers at run time
    from relnlp.themes.taxonomy import Taxonomy

__all__ = ["CueMatch", "PriorScorer", "clause_spans", "stems", "words"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE_END = re.compile(
    # (?=...): the characters a match can start with, tested first (a fast failure)
    r"(?=[\s\"'”’)\];:(),–—])(?:"
    r"(?<=[.!?])[\"'”’)\]]*\s+|\n+|\s*[;:()]\s*|,\s+|\s+[-–—]+\s+|[–—]"
    r"|\s+(?:and|but|while|whereas)\s+)",
    re.IGNORECASE,
)
CUE_RATE = 0.5
PATTERN_WEIGHT = 1.5
SIM_FLOOR = 0.04
SIM_SPAN = 0.2
SIM_WEIGHT = 0.6


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """scikit-learn's English stop words, shipped as data (importing scikit-learn for
    them cost about a second per process)."""
    from relnlp import resources

    text = resources.path("text/stopwords.en.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light inflectional stem of one lower-cased word.

    Examples
    --------
    >>> [stem(w) for w in ["terrorists", "sanctioned", "sanctions", "policies", "banking",
    ...                    "interfere", "interfered", "important", "international", "gas"]]
    ['terrorist', 'sanction', 'sanction', 'policy', 'bank', 'interfer', 'interfer', 'important', 'international', 'gas']
    """
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "as")):
        w = w[:-1]
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) > 4 and _VOWELS & set(w[:-2]):
        w = w[:-2]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif w.endswith("ing") and len(w) > 5 and _VOWELS & set(w[:-3]):
        w = w[:-3]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def words(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their character offsets."""
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def stems(text: str, *, drop_stop: bool = False) -> list[str]:
    """Stems of the words of ``text`` (optionally without stop words and numbers)."""
    if not drop_stop:
        return list(_analysed(text)[1])
    return list(_content_stems(text))


@lru_cache(maxsize=256)
def _content_stems(text: str) -> tuple[str, ...]:
    """Stems without stop words, numbers and one-letter words (cached like
    :func:`_analysed`: the prior and the trained model both read them)."""
    ws, st = _analysed(text)
    stop = _stop()
    return tuple(
        s for (w, _a, _b), s in zip(ws, st) if w not in stop and not w.isdigit() and len(w) > 1
    )


@lru_cache(maxsize=256)
def _analysed(text: str) -> tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]:
    """Words and their stems; cached, as the prior, the cue matcher and the trained
    model's features all read the same passage."""
    ws = tuple(words(text))
    return ws, tuple(stem(w) for w, _a, _b in ws)


@dataclass(frozen=True)
class CueMatch:
    """A cue or pattern found in a passage (offsets into the passage text)."""

    theme: str
    cue: str
    start: int
    end: int
    kind: str  # "cue", "pattern" or "exclude"


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Rough clause spans of a passage (the scope of an exclusion).

    Examples
    --------
    >>> t = "Arms sales grew; trade fell and oil rose."
    >>> [t[a:b] for a, b in clause_spans(t)]
    ['Arms sales grew', 'trade fell', 'oil rose.']
    """
    out, pos = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _cosine(a: Counter[str], b: dict[str, float], b_norm: float) -> float:
    if not a or b_norm == 0:
        return 0.0
    dot = sum((1 + math.log(n)) * b.get(t, 0.0) for t, n in a.items())
    a_norm = math.sqrt(sum((1 + math.log(n)) ** 2 for n in a.values()))
    return dot / (a_norm * b_norm) if a_norm else 0.0


def _in_capitals(surface: str) -> bool:
    """Whether ``surface`` is written in capitals (a plural "s" allowed: "IEDs").

    Examples
    --------
    >>> _in_capitals("RATS"), _in_capitals("IEDs"), _in_capitals("rates"), _in_capitals("Swift")
    (True, True, False, False)
    """
    return surface.removesuffix("s").isupper()


class PriorScorer:
    """Zero-shot scores from a taxonomy's cues, patterns, descriptions and examples."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        # First stem -> list of (theme, cue, stem sequence).
        self._cues: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._exclude: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._proto: dict[str, tuple[dict[str, float], float]] = {}
        for t in taxonomy.themes:
            for cue in t.cues:
                seq = tuple(stems(cue))
                if seq:
                    self._cues.setdefault(seq[0], []).append((t.id, cue, seq))
            for term in t.exclude:
                seq = tuple(stems(term))
                if seq:
                    self._exclude.setdefault(seq[0], []).append((t.id, term, seq))
            bag: Counter[str] = Counter()
            for piece in (t.description, *t.cues, *t.examples):
                bag.update(stems(piece, drop_stop=True))
            weights = {s: 1 + math.log(n) for s, n in bag.items()}
            norm = math.sqrt(sum(v * v for v in weights.values()))
            self._proto[t.id] = (weights, norm)

    def _phrases(
        self, text: str, index: dict[str, list[tuple[str, str, tuple[str, ...]]]], kind: str
    ) -> list[CueMatch]:
        """Occurrences of indexed phrases (longest per theme at a position)."""
        ws, st = _analysed(text)
        out: list[CueMatch] = []
        for i, s in enumerate(st):
            phrases = index.get(s)
            if not phrases:  # most words start no phrase
                continue
            best: dict[str, tuple[int, str]] = {}
            for theme, cue, seq in phrases:
                n = len(seq)
                if tuple(st[i : i + n]) == seq and n > best.get(theme, (0, ""))[0]:
                    if cue.isupper() and not _in_capitals(text[ws[i][1] : ws[i + n - 1][2]]):
                        continue  # an acronym cue ("RATS") is not the word ("rates")
                    best[theme] = (n, cue)
            for theme, (n, cue) in best.items():
                out.append(CueMatch(theme, cue, ws[i][1], ws[i + n - 1][2], kind))
        return out

    def matches(self, text: str) -> list[CueMatch]:
        """Every cue, pattern and exclusion occurrence, in text order (longest cue at a
        position); cues and patterns in a sentence excluded for their theme are left out."""
        out = self._phrases(text, self._cues, "cue")
        # A cue inside a longer cue of the same theme ("Bank" in "Investment Bank") is
        # not separate evidence.
        # (Compared within each theme only: a passage has many cues of many themes.)
        # _phrases gives a theme at most one cue per starting word, so a cue is inside a
        # longer one exactly when a cue of its theme that starts earlier ends no sooner.
        reach: dict[str, int] = {}
        inside: set[int] = set()
        for k in sorted(range(len(out)), key=lambda k: out[k].start):
            cue = out[k]
            if reach.get(cue.theme, -1) >= cue.end:
                inside.add(k)
            reach[cue.theme] = max(reach.get(cue.theme, -1), cue.end)
        out = [cue for k, cue in enumerate(out) if k not in inside]
        lowered = folded(text)  # a pattern none of whose strings is in it is not run
        out += self._pattern_matches(text, lowered, self.taxonomy.patterns, "pattern")
        excl = self._exclusions(text, lowered)
        if excl:
            clauses = clause_spans(text)
            scope: dict[str, list[tuple[int, int]]] = {}
            for x in excl:
                for a, b in clauses:
                    if a < x.end and x.start < b:
                        scope.setdefault(x.theme, []).append((a, b))
            out = [c for c in out if not any(a <= c.start < b for a, b in scope.get(c.theme, ()))]
            out += excl
        out.sort(key=lambda m: (m.start, m.end, m.theme))
        return out

    def _exclusions(self, text: str, lowered: str | None) -> list[CueMatch]:
        out = self._phrases(text, self._exclude, "exclude") if self._exclude else []
        return out + self._pattern_matches(text, lowered, self.taxonomy.exclude_patterns, "exclude")

    def _pattern_matches(
        self,
        text: str,
        lowered: str | None,
        patterns: Callable[[str], tuple[re.Pattern[str], ...]],
        kind: str,
    ) -> list[CueMatch]:
        """The non-empty matches of each theme's patterns (``patterns(theme id)``), in
        theme order; ``lowered`` is ``folded(text)`` (:func:`relnlp._prefilter.can_match`)."""
        out = []
        for t in self.taxonomy.themes:
            for pat in patterns(t.id):
                if not can_match(pat, text, lowered):
                    continue
                for m in pat.finditer(text):
                    if m.end() > m.start():
                        out.append(CueMatch(t.id, pat.pattern, m.start(), m.end(), kind))
        return out

    @staticmethod
    def vetoed(found: Iterable[CueMatch]) -> set[str]:
        """Themes with an exclusion match and no remaining cue or pattern match."""
        excluded: set[str] = set()
        evidence: set[str] = set()
        for m in found:
            (excluded if m.kind == "exclude" else evidence).add(m.theme)
        return excluded - evidence

    def score(self, text: str) -> tuple[dict[str, float], list[CueMatch]]:
        """Prior score per theme (0-1) and the matches behind it."""
        found = self.matches(text)
        bag = Counter(stems(text, drop_stop=True))
        scores: dict[str, float] = {}
        for t in self.taxonomy.themes:
            per_cue: Counter[str] = Counter()
            patterns: set[str] = set()
            for m in found:
                if m.theme == t.id:
                    if m.kind == "cue":
                        per_cue[m.cue] += 1
                    elif m.kind == "pattern":
                        patterns.add(m.cue)
            hits = sum(min(n, 2) for n in per_cue.values()) + PATTERN_WEIGHT * len(patterns)
            cue = 1 - math.exp(-CUE_RATE * hits)
            weights, norm = self._proto[t.id]
            sim = _cosine(bag, weights, norm)
            sim_s = min(1.0, max(0.0, (sim - SIM_FLOOR) / SIM_SPAN))
            scores[t.id] = 1 - (1 - cue) * (1 - SIM_WEIGHT * sim_s)
        return scores, found

    def score_many(self, texts: Iterable[str]) -> list[dict[str, float]]:
        return [self.score(t)[0] for t in texts]
