"""The passage theme classifier: taxonomy prior + a trained linear model, with evidence.

For each theme the score is a blend of

* the **prior** (:class:`relnlp.themes.features.PriorScorer`): cues, patterns and similarity
  to the theme's description and examples; it works for a theme the moment it is defined;
* a **logistic regression** per theme on TF-IDF features of word stems (unigrams and
  bigrams) plus the prior scores (and, in models that use them, ``log(1 + n)`` of the
  number ``n`` of the theme's cue and pattern matches left after exclusions), trained on
  labelled passages (``relnlp themes train``).

Models since the ninth session also see each passage's **document**: the mean prior score
of the report's passages and the higher prior score of the passages just before and after
it (:func:`document_priors`; from the texts, no labels). :meth:`ThemeClassifier.classify_many`
takes the passages of one document in reading order for these; a passage classified alone is
its own document.

``score = w * p_model + (1 - w) * prior`` with ``w = n / (n + 8)``, ``n`` the number of
positive training passages of the theme (``w = 0`` for a theme the model has not seen), so
a new theme starts from its definition and moves towards the data as labels are added. A
theme is predicted when its score is at least ``threshold`` (0.5); a child theme's score
lifts its parent's (``parent = max(parent, child)``). A theme the passage is *vetoed* for
(an exclusion of the taxonomy matched and no cue or pattern of the theme is left:
:meth:`relnlp.themes.features.PriorScorer.vetoed`) scores at most ``EXCLUDE_CAP`` times
the threshold, so a model trained on few examples cannot override the taxonomy's rule.

Models are saved as plain JSON (vocabulary, idf, coefficients), never pickled; loading
checks the format name and version.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from relnlp.errors import Errors, TaxonomyError
from relnlp.themes.features import CueMatch, PriorScorer, stems
from relnlp.themes.taxonomy import Taxonomy

__all__ = ["LabelledPassage", "ThemeClassifier", "ThemeModel", "ThemeResult", "read_labels"]

FORMAT = "relnlp-themes"
FORMAT_VERSION = 1
BLEND_K = 8.0
#: Factor on the prior-score features of models saved before it was stored in the file.
PRIOR_FEATURE_SCALE = 3.0
#: The training recipe of the packaged model (selected by leave-one-document-out,
#: models/themes-v2/README.md): what :func:`train` and ``relnlp themes train`` use unless
#: told otherwise, so a user retraining on their own labels gets the shipped settings.
RECIPE: dict[str, Any] = {
    "C": 1.0,
    "context_prior": False,
    "prior_scale": 1.0,
    "cue_hits": True,
    "doc_prior": 2.0,
    "near_prior": 1.0,
    "context_guard": "cues",
}
#: Ways the report-level features may move a passage's probability away from what the
#: passage alone gives (:func:`guard_context`): ``""`` any way; ``"cues"`` not below the
#: passage-alone probability for a theme whose cues or patterns the passage itself matches;
#: ``"raise"`` never below it; ``"cap:X"`` at most X in log-odds either way.
CONTEXT_GUARDS = ("", "cues", "raise")
#: A vetoed theme's score is at most this fraction of the threshold (below it, but still
#: ordered by the evidence).
EXCLUDE_CAP = 0.9


@dataclass(frozen=True)
class LabelledPassage:
    text: str
    themes: tuple[str, ...]
    group: str = ""  # e.g. the document it comes from (for leave-one-group-out)
    context: str = ""  # section heading and list lead-in (themes.context)


@dataclass(frozen=True)
class ThemeResult:
    """Scores, predicted themes and evidence for one passage."""

    scores: dict[str, float]
    themes: tuple[str, ...]
    evidence: tuple[str, ...]
    matches: tuple[CueMatch, ...] = field(default=(), repr=False)


#: Joins a passage and its context (heading, list lead-in) into one string for the
#: vectoriser; context words become separate ``ctx:`` features.
CONTEXT_SEP = "\x1e"


def _analyzer(text: str) -> list[str]:
    body, _sep, context = text.partition(CONTEXT_SEP)
    toks = stems(body, drop_stop=True)
    ctx = [f"ctx:{t}" for t in stems(context, drop_stop=True)] if context else []
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])] + ctx


def cue_counts(found: Iterable[CueMatch]) -> dict[str, int]:
    """Cue and pattern matches per theme (exclusion matches not counted)."""
    out: dict[str, int] = {}
    for m in found:
        if m.kind != "exclude":
            out[m.theme] = out.get(m.theme, 0) + 1
    return out


def document_priors(
    priors: Sequence[dict[str, float]], groups: Sequence[str] | None = None
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Report-level and neighbour prior scores of passages given in reading order.

    For each passage: the mean prior score of its document's passages, and the higher prior
    score of the passages just before and after it in the same document (0 without one). A
    document is the passages that share a non-empty ``groups`` value (all of them when
    ``groups`` is None); a passage with an empty group is a document by itself.

    Examples
    --------
    >>> mean, near = document_priors([{"a": 0.2}, {"a": 0.6}, {"a": 1.0}])
    >>> [round(m["a"], 2) for m in mean], [n["a"] for n in near]
    ([0.6, 0.6, 0.6], [0.6, 1.0, 0.6])
    """
    keys = list(groups) if groups is not None else ["doc"] * len(priors)
    members: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        members.setdefault(k or f"\x00{i}", []).append(i)
    themes = sorted({t for p in priors for t in p})
    mean: list[dict[str, float]] = [{} for _ in priors]
    near: list[dict[str, float]] = [{} for _ in priors]
    for idx in members.values():
        avg = {t: float(np.mean([priors[i].get(t, 0.0) for i in idx])) for t in themes}
        for pos, i in enumerate(idx):
            nb = [priors[j] for j in idx[max(0, pos - 1) : pos] + idx[pos + 1 : pos + 2]]
            mean[i] = avg
            near[i] = {t: max((p.get(t, 0.0) for p in nb), default=0.0) for t in themes}
    return mean, near


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-9, 1 - 1e-9)
    return np.asarray(np.log(q / (1 - q)))


def guard_context(
    p_doc: np.ndarray, p_alone: np.ndarray, own_cue: np.ndarray, guard: str
) -> np.ndarray:
    """Limit how far the report's features move each passage's probability of a theme.

    ``p_doc`` is the model's probability with the report-level features of the passage's
    document, ``p_alone`` with the passage as a document by itself, ``own_cue`` whether
    the passage matches a cue or pattern of the theme itself (see :data:`CONTEXT_GUARDS`).
    A digest or a news page mixes topics: a paragraph that states its own theme plainly
    keeps it whatever the other paragraphs are about.

    Examples
    --------
    >>> doc, alone = np.array([0.2, 0.2, 0.9]), np.array([0.8, 0.8, 0.4])
    >>> guard_context(doc, alone, np.array([True, False, False]), "cues").tolist()
    [0.8, 0.2, 0.9]
    >>> guard_context(doc, alone, np.array([False] * 3), "cap:1").round(3).tolist()
    [0.595, 0.595, 0.644]
    """
    if not guard:
        return p_doc
    if guard == "cues":
        return np.asarray(np.where(own_cue, np.maximum(p_doc, p_alone), p_doc))
    if guard == "raise":
        return np.asarray(np.maximum(p_doc, p_alone))
    if guard.startswith("cap:"):
        cap = float(guard[4:])
        z0 = _logit(p_alone)
        z = np.clip(_logit(p_doc), z0 - cap, z0 + cap)
        return np.asarray(1.0 / (1.0 + np.exp(-z)))
    raise ValueError(f"unknown context guard {guard!r} (one of {CONTEXT_GUARDS} or 'cap:X')")


def _joined(texts: Sequence[str], contexts: Sequence[str] | None) -> list[str]:
    if contexts is None:
        return list(texts)
    return [f"{t}{CONTEXT_SEP}{c}" if c else t for t, c in zip(texts, contexts)]


def _n_blocks(context_prior: bool, cue_hits: bool, doc_prior: float, near_prior: float) -> int:
    """Number of per-theme feature blocks after the terms (the prior scores always)."""
    return 1 + int(context_prior) + int(cue_hits) + int(bool(doc_prior)) + int(bool(near_prior))


@dataclass
class ThemeModel:
    """Per-theme logistic regressions over stem TF-IDF features and prior scores."""

    vocabulary: list[str]
    idf: np.ndarray
    prior_themes: list[str]
    coef: dict[str, np.ndarray]  # theme -> weights (len(vocabulary) + len(prior_themes))
    intercept: dict[str, float]
    n_positive: dict[str, int]
    info: dict[str, Any] = field(default_factory=dict)
    #: Whether the prior scores of the passage's context are features too.
    context_prior: bool = False
    #: Factor on the prior-score features (3 in models saved before it was stored).
    prior_scale: float = PRIOR_FEATURE_SCALE
    #: Whether ``log(1 + n)`` of each theme's cue and pattern matches are features too.
    cue_hits: bool = False
    #: Weight (x ``prior_scale``) of the document's mean prior scores as features (0: none).
    doc_prior: float = 0.0
    #: Weight (x ``prior_scale``) of the neighbouring passages' prior scores (0: none).
    near_prior: float = 0.0
    #: How far the report-level features may move a passage (:func:`guard_context`).
    context_guard: str = ""

    # Features -------------------------------------------------------------------------
    def _tfidf(self, texts: Sequence[str]) -> Any:
        """What scikit-learn's ``TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)``
        with this vocabulary and idf gives (tests compare the two), computed without
        importing scikit-learn: ``(1 + log tf) * idf``, rows scaled to unit length."""
        from scipy import sparse

        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = {t: i for i, t in enumerate(self.vocabulary)}
        indptr, indices, data = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for term in _analyzer(text):
                j = index.get(term)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            cols = sorted(counts)
            vals = np.array([counts[j] for j in cols], dtype=np.float64)
            vals = (np.log(vals) + 1.0) * self.idf[cols] if cols else vals
            norm = float(np.sqrt(np.dot(vals, vals))) if cols else 0.0
            indices.extend(cols)
            data.extend((vals / norm if norm > 0 else vals).tolist())
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int32), indptr),
            shape=(len(texts), len(self.vocabulary)),
        )

    @property
    def n_prior_features(self) -> int:
        return len(self.prior_themes) * _n_blocks(
            self.context_prior, self.cue_hits, self.doc_prior, self.near_prior
        )

    def features(
        self,
        texts: Sequence[str],
        priors: Sequence[dict[str, float]],
        contexts: Sequence[str] | None = None,
        context_priors: Sequence[dict[str, float]] | None = None,
        matches: Sequence[Sequence[CueMatch]] | None = None,
        groups: Sequence[str] | None = None,
    ) -> Any:
        """Feature rows: TF-IDF of passage (and ``ctx:`` context) terms, then the prior
        scores of the passage (and of its context, its cue-match counts, its document's and
        neighbours' prior scores, when the model uses them; ``matches`` are
        :meth:`PriorScorer.score`'s matches of each passage; ``groups`` the document of each
        passage, as in :func:`document_priors`)."""
        from scipy import sparse

        tf = self._tfidf(_joined(texts, contexts))
        scale = self.prior_scale
        rows = [[p.get(t, 0.0) * scale for t in self.prior_themes] for p in priors]
        if self.context_prior:
            cps = context_priors or [{} for _ in texts]
            rows = [
                r + [c.get(t, 0.0) * scale for t in self.prior_themes] for r, c in zip(rows, cps)
            ]
        if self.cue_hits:
            counts = [cue_counts(m) for m in (matches or [() for _ in texts])]
            rows = [
                r + [float(np.log1p(c.get(t, 0))) for t in self.prior_themes]
                for r, c in zip(rows, counts)
            ]
        if self.doc_prior or self.near_prior:
            mean, near = document_priors(priors, groups)
            for weight, values in ((self.doc_prior, mean), (self.near_prior, near)):
                if weight:
                    rows = [
                        r + [v.get(t, 0.0) * scale * weight for t in self.prior_themes]
                        for r, v in zip(rows, values)
                    ]
        pr = np.array(rows, dtype=float).reshape(len(texts), self.n_prior_features)
        return sparse.hstack([tf, sparse.csr_matrix(pr)]).tocsr()

    def predict_proba(self, X: Any) -> dict[str, np.ndarray]:
        out = {}
        for theme, w in self.coef.items():
            z = X @ w + self.intercept[theme]
            out[theme] = 1.0 / (1.0 + np.exp(-np.asarray(z).ravel()))
        return out

    # Training -------------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        passages: Sequence[LabelledPassage],
        prior: PriorScorer,
        *,
        themes: Sequence[str],
        C: float = RECIPE["C"],
        info: dict[str, Any] | None = None,
        context_prior: bool = RECIPE["context_prior"],
        prior_scale: float = RECIPE["prior_scale"],
        cue_hits: bool = RECIPE["cue_hits"],
        doc_prior: float = RECIPE["doc_prior"],
        near_prior: float = RECIPE["near_prior"],
        context_guard: str = RECIPE["context_guard"],
    ) -> ThemeModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        texts = [p.text for p in passages]
        contexts = [p.context for p in passages]
        vec = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, min_df=1)
        vec.fit(_joined(texts, contexts))
        vocab = [t for t, _i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
        model = cls(
            vocabulary=vocab,
            idf=np.asarray(vec.idf_, dtype=float),
            prior_themes=list(prior.taxonomy.ids),
            coef={},
            intercept={},
            n_positive={},
            info=dict(info or {}),
            context_prior=context_prior,
            prior_scale=prior_scale,
            cue_hits=cue_hits,
            doc_prior=doc_prior,
            near_prior=near_prior,
            context_guard=context_guard,
        )
        ctx_priors = prior.score_many(contexts) if context_prior else None
        scored = [prior.score(t) for t in texts]
        X = model.features(
            texts,
            [s for s, _m in scored],
            contexts,
            ctx_priors,
            [m for _s, m in scored],
            [p.group for p in passages],
        )
        for theme in themes:
            y = np.array([theme in p.themes for p in passages], dtype=int)
            n_pos = int(y.sum())
            if n_pos == 0 or n_pos == len(y):
                continue  # nothing to learn; the prior alone scores this theme
            clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
            clf.fit(X, y)
            model.coef[theme] = np.asarray(clf.coef_[0], dtype=float)
            model.intercept[theme] = float(clf.intercept_[0])
            model.n_positive[theme] = n_pos
        model.info.setdefault("n_passages", len(passages))
        return model

    # Persistence (plain JSON) ---------------------------------------------------------
    def save(self, directory: str | os.PathLike[str]) -> Path:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "vocabulary": self.vocabulary,
            "idf": [round(float(x), 6) for x in self.idf],
            "prior_themes": self.prior_themes,
            "coef": {t: [round(float(x), 6) for x in w] for t, w in self.coef.items()},
            "intercept": self.intercept,
            "n_positive": self.n_positive,
            "info": self.info,
            "context_prior": self.context_prior,
            "prior_scale": self.prior_scale,
            "cue_hits": self.cue_hits,
            "doc_prior": self.doc_prior,
            "near_prior": self.near_prior,
            "context_guard": self.context_guard,
        }
        path = d / "themes_model.json"
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        return path

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> ThemeModel:
        d = Path(directory)
        path = d / "themes_model.json" if d.is_dir() else d
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise TaxonomyError(Errors.E305.format(path=path, problem=exc), path=str(path)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TaxonomyError(
                Errors.E305.format(path=path, problem="format is not 'relnlp-themes'"),
                path=str(path),
            )
        if data.get("format_version") != FORMAT_VERSION:
            raise TaxonomyError(
                Errors.E305.format(
                    path=path,
                    problem=f"format_version {data.get('format_version')!r}, "
                    f"this relnlp reads {FORMAT_VERSION}",
                ),
                path=str(path),
            )
        try:
            vocab = [str(v) for v in data["vocabulary"]]
            idf = np.asarray(data["idf"], dtype=float)
            prior_themes = [str(t) for t in data["prior_themes"]]
            context_prior = bool(data.get("context_prior", False))
            cue_hits = bool(data.get("cue_hits", False))
            doc_prior = float(data.get("doc_prior", 0.0))
            near_prior = float(data.get("near_prior", 0.0))
            n_feat = len(vocab) + len(prior_themes) * _n_blocks(
                context_prior, cue_hits, doc_prior, near_prior
            )
            coef = {str(t): np.asarray(w, dtype=float) for t, w in data["coef"].items()}
            if len(idf) != len(vocab) or any(len(w) != n_feat for w in coef.values()):
                raise ValueError("array sizes do not match the vocabulary")
            return cls(
                vocabulary=vocab,
                idf=idf,
                prior_themes=prior_themes,
                coef=coef,
                intercept={str(k): float(v) for k, v in data["intercept"].items()},
                n_positive={str(k): int(v) for k, v in data["n_positive"].items()},
                info=dict(data.get("info", {})),
                context_prior=context_prior,
                prior_scale=float(data.get("prior_scale", PRIOR_FEATURE_SCALE)),
                cue_hits=cue_hits,
                doc_prior=doc_prior,
                near_prior=near_prior,
                context_guard=str(data.get("context_guard", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TaxonomyError(Errors.E305.format(path=path, problem=exc), path=str(path)) from exc


class ThemeClassifier:
    """Score passages for every theme of a taxonomy.

    Parameters
    ----------
    taxonomy : Taxonomy
    model : ThemeModel, optional
        A trained model; themes it does not know are scored by the prior alone.
    threshold : float
        Score at or above which a theme is predicted.

    Examples
    --------
    >>> from relnlp.themes import Taxonomy, ThemeClassifier
    >>> clf = ThemeClassifier(Taxonomy.default())
    >>> r = clf.classify("Militants linked to terrorist groups attacked the border post; "
    ...                  "the two armies held a joint counterterrorism exercise.")
    >>> r.themes
    ('counterterrorism',)
    """

    def __init__(
        self, taxonomy: Taxonomy, model: ThemeModel | None = None, *, threshold: float = 0.5
    ) -> None:
        self.taxonomy = taxonomy
        self.prior = PriorScorer(taxonomy)
        self.model = model
        self.threshold = threshold

    @property
    def ids(self) -> tuple[str, ...]:
        return self.taxonomy.ids

    def classify(self, text: str, context: str = "") -> ThemeResult:
        return self.classify_many([text], [context])[0]

    def classify_many(
        self, texts: Sequence[str], contexts: Sequence[str] | None = None
    ) -> list[ThemeResult]:
        """Score the passages of one document, in reading order; ``contexts`` (section
        heading and list lead-in of each, see :func:`relnlp.themes.context.passage_contexts`)
        inform the trained model, and so do the document's and neighbours' prior scores in
        models that use them (:func:`document_priors`)."""
        scored = [self.prior.score(t) for t in texts]
        priors = [s for s, _m in scored]
        probs: dict[str, np.ndarray] = {}
        X = None
        if self.model is not None and self.model.coef and texts:
            ctx_priors = (
                self.prior.score_many(contexts)
                if self.model.context_prior and contexts is not None
                else None
            )
            matched = [m for _s, m in scored]
            X = self.model.features(texts, priors, contexts, ctx_priors, matched)
            probs = self.model.predict_proba(X)
            guard = self.model.context_guard
            if guard and (self.model.doc_prior or self.model.near_prior) and len(texts) > 1:
                alone = self.model.predict_proba(
                    self.model.features(
                        texts, priors, contexts, ctx_priors, matched, [""] * len(texts)
                    )
                )
                counts = [cue_counts(m) for m in matched]
                for t in probs:
                    own = np.array([c.get(t, 0) > 0 for c in counts])
                    probs[t] = guard_context(probs[t], alone[t], own, guard)
        out = []
        for i, (prior, found) in enumerate(scored):
            scores: dict[str, float] = {}
            for t in self.ids:
                if t in probs:
                    n = self.model.n_positive.get(t, 0) if self.model else 0
                    w = n / (n + BLEND_K)
                    scores[t] = w * float(probs[t][i]) + (1 - w) * prior[t]
                else:
                    scores[t] = prior[t]
            for t in self.prior.vetoed(found):
                scores[t] = min(scores[t], EXCLUDE_CAP * self.threshold)
            for t in self.ids:  # a child's score lifts its ancestors
                for anc in self.taxonomy.ancestors(t):
                    scores[anc] = max(scores[anc], scores[t])
            themes = tuple(t for t in self.ids if scores[t] >= self.threshold)
            evidence = self._evidence(texts[i], found, X, i, themes)
            out.append(
                ThemeResult(
                    {t: round(v, 4) for t, v in scores.items()}, themes, evidence, tuple(found)
                )
            )
        return out

    def _evidence(
        self, text: str, found: list[CueMatch], X: Any, row: int, themes: tuple[str, ...]
    ) -> tuple[str, ...]:
        """``theme: "surface"`` for matched cues, ``theme: not "surface"`` for exclusions,
        ``theme: +stem (weight)`` for features."""
        ev: list[str] = []
        seen: set[tuple[str, str, bool]] = set()
        for m in found:
            neg = m.kind == "exclude"
            key = (m.theme, text[m.start : m.end].lower(), neg)
            if key not in seen:
                seen.add(key)
                ev.append(f'{m.theme}: {"not " if neg else ""}"{text[m.start : m.end]}"')
        if X is not None and self.model is not None:
            x = X.getrow(row)
            nv = len(self.model.vocabulary)
            for t in themes:
                if t not in self.model.coef:
                    continue
                w = self.model.coef[t]
                contrib = [(float(v * w[j]), j) for j, v in zip(x.indices, x.data) if j < nv]
                top = sorted((c for c in contrib if c[0] > 0), reverse=True)[:3]
                for c, j in top:
                    ev.append(f"{t}: +{self.model.vocabulary[j]} ({c:.2f})")
        return tuple(ev)


def read_labels(path: str | os.PathLike[str], taxonomy: Taxonomy) -> list[LabelledPassage]:
    """Read labelled passages (JSONL: ``{"text": ..., "themes": [...], "group": ...,
    "context": ...}``; ``group`` and ``context``, the passage's heading, are optional).

    Raises
    ------
    relnlp.errors.TaxonomyError
        A line that is not valid, or that names a theme the taxonomy does not have (checked
        for the whole file before anything is trained).
    """
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(Errors.E304.format(path=p, problem=f"cannot read ({exc})")) from exc
    out = []
    known = set(taxonomy.ids)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, themes = obj["text"], obj.get("themes", [])
            if not isinstance(text, str) or not isinstance(themes, list):
                raise TypeError("text must be a string and themes a list")
            if not all(isinstance(t, str) for t in themes):
                raise TypeError("themes must be a list of theme ids (strings)")
        except (ValueError, KeyError, TypeError) as exc:
            raise TaxonomyError(
                Errors.E304.format(path=p, problem=f"line {lineno}: {exc}"), path=str(p)
            ) from exc
        unknown = sorted(set(themes) - known)
        if unknown:
            raise TaxonomyError(
                Errors.E303.format(
                    path=p, line=lineno, themes=unknown, known=", ".join(taxonomy.ids)
                ),
                path=str(p),
                line=lineno,
            )
        context = obj.get("context", "")
        if not isinstance(context, str):
            raise TaxonomyError(
                Errors.E304.format(path=p, problem=f"line {lineno}: context must be a string"),
                path=str(p),
            )
        out.append(LabelledPassage(text, tuple(themes), str(obj.get("group", "")), context))
    if not out:
        raise TaxonomyError(Errors.E304.format(path=p, problem="no labelled passages"))
    return out


def examples_as_labels(taxonomy: Taxonomy) -> list[LabelledPassage]:
    """The taxonomy's own examples as labelled passages (negatives carry no theme)."""
    out = []
    for t in taxonomy.themes:
        out += [LabelledPassage(e, (t.id,)) for e in t.examples]
        out += [LabelledPassage(e, ()) for e in t.negative_examples]
    return out


def train(
    passages: Iterable[LabelledPassage],
    taxonomy: Taxonomy,
    *,
    C: float = RECIPE["C"],
    info: dict[str, Any] | None = None,
    context_prior: bool = RECIPE["context_prior"],
    prior_scale: float = RECIPE["prior_scale"],
    cue_hits: bool = RECIPE["cue_hits"],
    doc_prior: float = RECIPE["doc_prior"],
    near_prior: float = RECIPE["near_prior"],
    context_guard: str = RECIPE["context_guard"],
) -> ThemeModel:
    """Train a model on labelled passages plus the taxonomy's examples.

    The defaults are the packaged model's recipe (:data:`RECIPE`).

    Parameters
    ----------
    passages : iterable of LabelledPassage
    taxonomy : Taxonomy
    C : float
        Inverse L2 regularisation of each theme's logistic regression.
    info : dict, optional
        Extra metadata stored in the model file.
    context_prior : bool
        Also use the prior scores of each passage's context as features.
    prior_scale : float
        Factor on the prior-score features (larger: the prior weighs more against words).
    cue_hits : bool
        Also use ``log(1 + n)`` of each theme's cue and pattern matches as features.
    doc_prior, near_prior : float
        Weights of the document's mean prior scores and of the neighbouring passages' prior
        scores as features (0: not used); passages of one document share a ``group`` and come
        in reading order.
    context_guard : str
        How far those report-level features may move a passage's score
        (:func:`guard_context`; applied when classifying, stored with the model).

    Returns
    -------
    ThemeModel
    """
    data = list(passages) + examples_as_labels(taxonomy)
    meta = {
        "taxonomy": taxonomy.name,
        "taxonomy_version": taxonomy.version,
        "taxonomy_fingerprint": taxonomy.fingerprint,
        "n_labelled": len(data),
        "C": C,
        "prior_scale": prior_scale,
        "cue_hits": cue_hits,
        "context_prior": context_prior,
        "doc_prior": doc_prior,
        "near_prior": near_prior,
        "context_guard": context_guard,
        **(info or {}),
    }
    return ThemeModel.fit(
        data,
        PriorScorer(taxonomy),
        themes=taxonomy.ids,
        C=C,
        info=meta,
        context_prior=context_prior,
        prior_scale=prior_scale,
        cue_hits=cue_hits,
        doc_prior=doc_prior,
        near_prior=near_prior,
        context_guard=context_guard,
    )
