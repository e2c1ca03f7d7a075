"""Candidate cue terms for a theme, mined from a user's own corpus.

Passages of the corpus are split into those the theme already scores as relevant (prior
score at least ``seed_threshold``, i.e. its current cues, patterns and description) and the
rest. Candidates are ranked by a TF-IDF contrast (mean weight in relevant passages minus
mean weight elsewhere) for single words, and by NLTK's likelihood-ratio collocation finder
for two-word phrases that occur in relevant passages; known cues are left out. Each
candidate comes with an example context from the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from relnlp.errors import Errors, TaxonomyError
from relnlp.themes.features import PriorScorer, stem, stems, words
from relnlp.themes.taxonomy import Taxonomy

__all__ = ["Suggestion", "corpus_passages", "suggest_cues"]


@dataclass(frozen=True)
class Suggestion:
    term: str
    score: float
    kind: str  # "word" or "collocation"
    relevant_count: int
    example: str


def corpus_passages(corpus: str | os.PathLike[str]) -> list[str]:
    """Passage texts of every report under ``corpus`` (any format relnlp reads)."""
    from relnlp.io import SUPPORTED, clean_view, read

    root = Path(corpus)
    files = (
        [root]
        if root.is_file()
        else sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
    )
    out = []
    for f in files:
        doc = read(f)
        # The markup-free view: "**", "<sup>th</sup>" are not words.
        out += [clean_view(doc.text[p.start : p.end]).text for p in doc.passages]
    if not out:
        raise TaxonomyError(Errors.E306.format(path=root, suffixes="/".join(sorted(SUPPORTED))))
    return out


def _context(texts: Sequence[str], term_stems: tuple[str, ...], width: int = 60) -> tuple[str, str]:
    for t in texts:
        ws = words(t)
        st = [stem(w) for w, _a, _b in ws]
        n = len(term_stems)
        for i in range(len(st) - n + 1):
            if tuple(st[i : i + n]) == term_stems:
                a, b = ws[i][1], ws[i + n - 1][2]
                left = max(0, a - width)
                ctx = " ".join(t[left : b + width].split())
                return t[a:b], ("..." if left else "") + ctx + "..."
    return " ".join(term_stems), ""


def suggest_cues(
    taxonomy: Taxonomy,
    theme: str,
    passages: Sequence[str],
    *,
    top: int = 20,
    seed_threshold: float = 0.5,
    min_count: int = 2,
) -> list[Suggestion]:
    """Ranked candidate cues for ``theme`` from ``passages``."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from sklearn.feature_extraction.text import TfidfVectorizer

    taxonomy[theme]  # KeyError with the known ids
    prior = PriorScorer(taxonomy)
    scores = np.array([prior.score(p)[0][theme] for p in passages])
    relevant = scores >= seed_threshold
    rel_texts = [p for p, r in zip(passages, relevant) if r]
    if not rel_texts:
        return []
    known = {tuple(stems(c)) for c in taxonomy[theme].cues}
    vec = TfidfVectorizer(analyzer=lambda t: stems(t, drop_stop=True), sublinear_tf=True)
    X = vec.fit_transform(passages)
    vocab = np.array(vec.get_feature_names_out())
    rel_mean = np.asarray(X[relevant].mean(axis=0)).ravel()
    other = ~relevant
    oth_mean = np.asarray(X[other].mean(axis=0)).ravel() if other.any() else 0 * rel_mean
    doc_count = np.asarray((X[relevant] > 0).sum(axis=0)).ravel()
    contrast = rel_mean - oth_mean
    out: list[Suggestion] = []
    for j in np.argsort(-contrast):
        if len(out) >= top or contrast[j] <= 0:
            break
        if doc_count[j] < min_count or (str(vocab[j]),) in known:
            continue
        surface, ctx = _context(rel_texts, (str(vocab[j]),))
        out.append(
            Suggestion(
                surface.lower(), round(float(contrast[j]), 4), "word", int(doc_count[j]), ctx
            )
        )
    toks = [s for t in rel_texts for s in [*stems(t, drop_stop=True), "|"]]
    finder = BigramCollocationFinder.from_words(toks)
    finder.apply_ngram_filter(lambda a, b: "|" in (a, b))
    finder.apply_freq_filter(min_count)
    for (a, b), llr in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)[: top * 2]:
        if (a, b) in known or len(out) >= 2 * top:
            continue
        surface, ctx = _context(rel_texts, (a, b))
        if ctx:
            out.append(
                Suggestion(
                    surface.lower(),
                    round(float(llr), 2),
                    "collocation",
                    int(finder.ngram_fd[(a, b)]),
                    ctx,
                )
            )
    return out
