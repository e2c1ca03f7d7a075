"""The learned sentence tone model (``models/tone-v1``): quad classes from words and rules.

A multinomial logistic regression predicts, for one sentence, the probability of each of
the PLOVER/CAMEO quad classes plus ``neutral`` (:data:`CLASSES`). Its features are

* TF-IDF of the sentence's words (unigrams and bigrams) and of character n-grams (3-5,
  inside word boundaries, like scikit-learn's ``char_wb``), computed on a *masked* text in
  which every entity name is replaced by its label ("the Shanghai Cooperation Organization"
  -> "_org_"), so that names are never cues and the model does not learn which states are
  friends; numbers become ``0``;
* the rule features of :mod:`relnlp.pipeline.tone` (:data:`RULE_FEATURES`): the lexicon's
  cooperation and tension scores after negation, hedging and reported speech, and the
  weights of negated cues, which carry the syntax (negation scope over clauses, modality)
  that a bag of words cannot see.

When the model file has them (format 2, the packaged model), the regression's
probabilities are averaged with those of a complement naive Bayes model over the same
features (``nb_log_prob``, ``nb_weight``): its less sharp per-term weights carry better
from one register to another (model card). The dependency terms include the quad class
of verbs of the event verb table (``q:``/``nq:``/``hq:``, see
:func:`relnlp.pipeline.tone.syntax_terms`).

The sentence scores derived from the (averaged) probabilities ``p``:

* ``cooperation = p[verbal_cooperation] + p[material_cooperation]``;
* ``tension = p[verbal_conflict] + p[material_conflict]``;
* ``tone_class``: the most probable class.

The weights are stored as plain JSON (vocabulary, idf, rule feature names,
coefficients), never pickled, and applied here without scikit-learn (importing it costs
about a second per process); ``scripts/train_tone.py`` trains them and
``tests/tone/test_model.py`` checks that this module reproduces scikit-learn's features.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.abc import Traversable
from typing import Any

import numpy as np
import numpy.typing as npt

from relnlp.errors import Errors, ResourceError

__all__ = [
    "CLASSES",
    "COOPERATION",
    "RULE_FEATURES",
    "TENSION",
    "ToneModel",
    "analyzer",
    "load_packaged",
    "model_text",
]

FORMAT = "relnlp-tone"
FORMAT_VERSION = 3
#: Format versions this module reads (1: the logistic regression alone, 2: with naive
#: Bayes, both with their arrays inside the JSON file; 3: the arrays in ``tone_model.npz``).
READABLE_VERSIONS = (1, 2, 3)
#: The arrays a version 3 model keeps in ``tone_model.npz`` (``nb_log_prob`` optional).
_ARRAYS = ("vocabulary", "idf", "rule_scale", "coef", "intercept", "nb_log_prob")
PACKAGED = "tone-v1"

#: The classes the model predicts, in the order of its coefficient columns.
CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "neutral",
)
COOPERATION = ("verbal_cooperation", "material_cooperation")
TENSION = ("verbal_conflict", "material_conflict")

#: Names of the rule features, in the order :func:`relnlp.pipeline.tone.rule_features`
#: returns them.
RULE_FEATURES = (
    "rule_cooperation",  # lexicon score after negation, hedges and reported speech
    "rule_tension",
    "negated_cooperation",  # summed weight of cooperation cues under negation
    "negated_tension",
    "hedged",  # summed weight of hedged cues
    "reported",  # summed weight of cues in reported speech
)

_WORD = re.compile(r"(?u)\b\w\w+\b|\b_[a-z]+_\b")
_DIGITS = re.compile(r"\d+")
CHAR_NGRAMS = (3, 5)


#: Separates a sentence's masked text from its syntax terms in the model's input string.
SYNTAX_SEP = "\x00"


def model_text(masked: str, terms: Sequence[str]) -> str:
    """The model's input for one sentence: its masked text and its dependency terms
    (:func:`relnlp.pipeline.tone.syntax_terms`), joined by :data:`SYNTAX_SEP`."""
    return f"{masked}{SYNTAX_SEP}{' '.join(terms)}" if terms else masked


def analyzer(text: str) -> list[str]:
    """The model's terms for one masked sentence: words, word bigrams and char n-grams.

    Words are lower-cased tokens of two or more word characters (scikit-learn's default
    ``token_pattern``), numbers folded to ``0``; character n-grams of lengths 3-5 are
    taken inside each word padded with spaces, as scikit-learn's ``char_wb`` analyzer
    does, and carry a ``#`` prefix so they never collide with words.

    Examples
    --------
    >>> [t for t in analyzer("No talks.") if not t.startswith("#")]
    ['no', 'talks', 'no talks']
    """
    text, _sep, syntax = text.partition(SYNTAX_SEP)
    low = _DIGITS.sub("0", text.lower())
    toks = _WORD.findall(low)
    out = list(toks)
    out += [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    for w in low.split():
        out += _char_grams(w)
    out += ["@" + t for t in syntax.split()]
    return out


def _char_grams(word: str) -> list[str]:
    """``#``-prefixed character 3-5-grams of one white-space-delimited word padded with
    spaces (scikit-learn's ``char_wb``: a padded word shorter than n gives itself once)."""
    padded = f" {word} "
    n_chars = len(padded)
    lo, hi = CHAR_NGRAMS
    out: list[str] = []
    for n in range(lo, hi + 1):
        if n > n_chars:
            break
        out += ["#" + padded[i : i + n] for i in range(n_chars - n + 1)]
        if n == n_chars:
            break
    return out


@dataclass
class ToneModel:
    """Multinomial logistic regression over masked-text TF-IDF and rule features.

    Attributes
    ----------
    vocabulary : list of str
        Terms of :func:`analyzer`, in coefficient row order.
    idf : numpy.ndarray
        Inverse document frequency of each term (scikit-learn's smoothed idf).
    rule_scale : numpy.ndarray
        Multiplier of each rule feature (puts them on the scale of the TF-IDF values).
    coef : numpy.ndarray
        ``(len(vocabulary) + len(RULE_FEATURES), len(CLASSES))`` weights.
    intercept : numpy.ndarray
        ``(len(CLASSES),)`` biases.
    info : dict
        The model card's metadata (data, splits, figures).
    n_dense : int
        Width of the dense sentence vector the model also reads (0: none): the mean of
        the spaCy pipeline's ``tok2vec`` output (``Doc.tensor``) over the sentence's
        tokens, which carries what the words mean in context beyond their spelling.
    dense_scale : float
        Multiplier of the dense vector.
    nb_log_prob : numpy.ndarray or None
        ``(len(vocabulary) + len(RULE_FEATURES), len(CLASSES))`` feature weights of a
        complement naive Bayes model (scikit-learn's ``ComplementNB.feature_log_prob_``
        transposed) over the same features; ``None``: the regression alone.
    nb_weight : float
        Weight of the naive Bayes probabilities in the ensemble
        ``(1 - nb_weight) * p_regression + nb_weight * p_naive_bayes``.
    """

    vocabulary: list[str]
    idf: npt.NDArray[np.float64]
    rule_scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: npt.NDArray[np.float64]
    info: dict[str, Any] = field(default_factory=dict)
    n_dense: int = 0
    dense_scale: float = 1.0
    nb_log_prob: npt.NDArray[np.float64] | None = None
    nb_weight: float = 0.0

    def __post_init__(self) -> None:
        self._index = {t: i for i, t in enumerate(self.vocabulary)}
        #: per word: its tokens, their indices, its character n-grams' indices
        self._word_ids: dict[str, tuple[list[str], list[int], list[int]]] = {}
        #: whether the model reads syntax terms (then the pipeline computes them)
        self.syntax = any(t.startswith("@") for t in self.vocabulary)
        #: whether it reads the verb table's quad classes among them (``@q:...``)
        self.verb_classes = any(t.startswith(("@q:", "@nq:", "@hq:")) for t in self.vocabulary)
        #: whether it reads the extracted events' terms (``@e:``, ``@g:``, ``@a:``;
        #: :mod:`relnlp.tone.event_terms`)
        self.event_terms = any(t.startswith(("@e:", "@g:", "@a:")) for t in self.vocabulary)

    def _term_ids(self, text: str) -> list[int]:
        """Vocabulary indices of :func:`analyzer`'s terms of ``text`` (the same multiset,
        in the same order: words, bigrams, character n-grams, syntax terms). Each
        white-space-delimited word's tokens, their indices and its character n-grams'
        indices are looked up once per word (words recur); the tokens of the text are
        those of its words in turn, as no token spans white space."""
        get = self._index.get
        text, _sep, syntax = text.partition(SYNTAX_SEP)
        low = _DIGITS.sub("0", text.lower())
        cache = self._word_ids
        if len(cache) > 200_000:  # bound the memory of a long-lived pipeline
            cache.clear()
        toks: list[str] = []
        ids: list[int] = []
        grams: list[int] = []
        for w in low.split():
            found = cache.get(w)
            if found is None:
                words = _WORD.findall(w)
                found = cache[w] = (
                    words,
                    [j for j in map(get, words) if j is not None],
                    [j for j in map(get, _char_grams(w)) if j is not None],
                )
            toks += found[0]
            ids += found[1]
            grams += found[2]
        ids += [j for j in map(get, [f"{a} {b}" for a, b in zip(toks, toks[1:])]) if j is not None]
        ids += grams
        ids += [j for j in (get("@" + t) for t in syntax.split()) if j is not None]
        return ids

    # Features -------------------------------------------------------------------------
    def tfidf(self, texts: Sequence[str]) -> Any:
        """``TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)`` with this vocabulary
        and idf, as a scipy CSR matrix: ``(1 + log tf) * idf``, rows scaled to unit length
        (tests compare the two); all texts at once, the arithmetic vectorised."""
        from scipy import sparse

        indptr: list[int] = [0]
        indices: list[int] = []
        counts: list[int] = []
        for text in texts:
            row = Counter(self._term_ids(text))
            indices += row.keys()
            counts += row.values()
            indptr.append(len(indices))
        cols = np.asarray(indices, dtype=np.int64)
        vals = (np.log(np.asarray(counts, dtype=np.float64)) + 1.0) * self.idf[cols]
        starts = np.asarray(indptr, dtype=np.int64)
        lengths = np.diff(starts)
        sq = np.add.reduceat(vals * vals, starts[:-1][lengths > 0]) if len(vals) else vals
        norms = np.ones(len(texts))
        norms[lengths > 0] = np.sqrt(sq)
        vals /= np.repeat(norms, lengths)
        return sparse.csr_matrix((vals, cols, starts), shape=(len(texts), len(self.vocabulary)))

    def _features(
        self, texts: Sequence[str], rules: npt.ArrayLike, dense: npt.ArrayLike | None
    ) -> tuple[Any, npt.NDArray[np.float64]]:
        """The TF-IDF matrix (``None`` for no text) and the scaled rule (and dense)
        features of the texts."""
        r = np.asarray(rules, dtype=np.float64).reshape(len(texts), len(RULE_FEATURES))
        r = r * self.rule_scale
        if self.n_dense:
            v = (
                np.zeros((len(texts), self.n_dense))
                if dense is None
                else np.asarray(dense, dtype=np.float64).reshape(len(texts), self.n_dense)
            )
            r = np.hstack([r, v * self.dense_scale])
        return (self.tfidf(texts) if len(texts) else None), r

    def _linear(self, x: Any, r: npt.NDArray[np.float64], w: npt.NDArray[np.float64]) -> Any:
        nv = len(self.vocabulary)
        z = r @ w[nv:]
        if x is not None:
            z += np.asarray(x @ w[:nv])
        return z

    def decision(
        self, texts: Sequence[str], rules: npt.ArrayLike, dense: npt.ArrayLike | None = None
    ) -> npt.NDArray[np.float64]:
        """Linear scores ``(n, len(CLASSES))`` of the regression for masked texts, rule
        features and (when the model reads them) dense sentence vectors."""
        x, r = self._features(texts, rules, dense)
        z: npt.NDArray[np.float64] = self._linear(x, r, self.coef) + self.intercept
        return z

    def predict_proba(
        self, texts: Sequence[str], rules: npt.ArrayLike, dense: npt.ArrayLike | None = None
    ) -> npt.NDArray[np.float64]:
        """Class probabilities ``(n, len(CLASSES))``: the softmax of the regression's
        scores, averaged with the naive Bayes probabilities when the model has them."""
        x, r = self._features(texts, rules, dense)
        p = _softmax(self._linear(x, r, self.coef) + self.intercept)
        if self.nb_log_prob is not None and self.nb_weight:
            q = _softmax(self._linear(x, r, self.nb_log_prob))
            p = (1 - self.nb_weight) * p + self.nb_weight * q
        return p

    # Persistence (JSON and numpy arrays, no pickle) --------------------------------------
    def save(self, directory: Any) -> None:
        """Write ``tone_model.json`` (format and settings), ``tone_model.npz`` (the
        vocabulary and weights as plain numpy arrays, read without pickle) and
        ``meta.json`` (its card's data).

        The arrays keep every float64 bit, so a model converted from version 2 scores
        exactly as before. Reading them takes milliseconds where parsing them from JSON
        took a third of a second of every ``relnlp.load()``.
        """
        from pathlib import Path

        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "classes": list(CLASSES),
            "rule_features": list(RULE_FEATURES),
            "char_ngrams": list(CHAR_NGRAMS),
            "n_vocabulary": len(self.vocabulary),
            "n_dense": self.n_dense,
            "dense_scale": self.dense_scale,
        }
        arrays = {
            "vocabulary": np.array(self.vocabulary, dtype=str),
            "idf": np.asarray(self.idf, dtype=np.float64),
            "rule_scale": np.asarray(self.rule_scale, dtype=np.float64),
            "coef": np.asarray(self.coef, dtype=np.float64),
            "intercept": np.asarray(self.intercept, dtype=np.float64),
        }
        if self.nb_log_prob is not None:
            meta["nb_weight"] = self.nb_weight
            arrays["nb_log_prob"] = np.asarray(self.nb_log_prob, dtype=np.float64)
        (d / "tone_model.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
        with open(d / "tone_model.npz", "wb") as fh:
            # (numpy's stubs read a keyword array as its allow_pickle flag; every array here
            # has a plain dtype, so none is pickled)
            np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
        (d / "meta.json").write_text(json.dumps(self.info, indent=1, ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, directory: Traversable) -> ToneModel:
        """Read a model written by :meth:`save` (a folder or a package resource).

        Raises
        ------
        relnlp.errors.ResourceError
            E109 when a file is missing or is not a relnlp tone model of this version.
        """
        name = str(directory)
        try:
            meta = json.loads((directory / "tone_model.json").read_text("utf-8"))
            if not isinstance(meta, dict):
                raise ValueError("tone_model.json holds no JSON object")
        except (OSError, ValueError) as exc:
            raise ResourceError(Errors.E109.format(path=name, problem=str(exc)), name=name) from exc
        if meta.get("format") != FORMAT or meta.get("format_version") not in READABLE_VERSIONS:
            bad = f"format {meta.get('format')!r} {meta.get('format_version')!r}"
            raise ResourceError(Errors.E109.format(path=name, problem=bad), name=name)
        try:
            if meta["format_version"] >= 3:
                meta.update(_read_arrays(directory / "tone_model.npz"))
            coef = np.asarray(meta["coef"], dtype=np.float64)
            intercept = np.asarray(meta["intercept"], dtype=np.float64)
            info_file = directory / "meta.json"
            info = json.loads(info_file.read_text("utf-8")) if info_file.is_file() else {}
            nb = meta.get("nb_log_prob")
            nb_log_prob = None if nb is None else np.asarray(nb, dtype=np.float64)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ResourceError(Errors.E109.format(path=name, problem=str(exc)), name=name) from exc
        problem: str | None = None
        if (
            tuple(meta.get("classes", ())) != CLASSES
            or tuple(meta.get("rule_features", ())) != RULE_FEATURES
        ):
            problem = "its classes or rule features differ from this relnlp version's"
        elif coef.shape != (
            len(meta["vocabulary"]) + len(RULE_FEATURES) + int(meta.get("n_dense", 0)),
            len(CLASSES),
        ):
            problem = f"coefficients of shape {coef.shape} do not match the vocabulary"
        elif nb_log_prob is not None and nb_log_prob.shape != coef.shape:
            problem = f"naive Bayes weights of shape {nb_log_prob.shape} do not match"
        if problem is not None:
            raise ResourceError(Errors.E109.format(path=name, problem=problem), name=name)
        return cls(
            list(meta["vocabulary"]),
            np.asarray(meta["idf"], dtype=np.float64),
            np.asarray(meta["rule_scale"], dtype=np.float64),
            coef,
            intercept,
            info,
            int(meta.get("n_dense", 0)),
            float(meta.get("dense_scale", 1.0)),
            nb_log_prob,
            float(meta.get("nb_weight", 0.0)),
        )


def _read_arrays(path: Traversable) -> dict[str, Any]:
    """The arrays of a version 3 model (plain arrays only: ``allow_pickle=False``)."""
    with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
        out: dict[str, Any] = {k: npz[k] for k in _ARRAYS if k in npz.files}
    out["vocabulary"] = out["vocabulary"].tolist()
    return out


def _softmax(z: Any) -> npt.NDArray[np.float64]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    p: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
    return p


def packaged_dir() -> Traversable:
    """The packaged model folder (wheel: ``relnlp/models``; source tree: ``models/``).

    Raises
    ------
    relnlp.errors.ResourceError
        E110 when neither holds the model (a broken installation).
    """
    from importlib.resources import files
    from pathlib import Path

    installed = files("relnlp") / "models" / PACKAGED
    if (installed / "tone_model.json").is_file():
        return installed
    tree = Path(__file__).resolve().parents[3] / "models" / PACKAGED
    if (tree / "tone_model.json").is_file():
        return tree
    raise ResourceError(Errors.E110.format(name=PACKAGED), name=PACKAGED)


@lru_cache(maxsize=1)
def load_packaged() -> ToneModel:
    """The packaged model ``relnlp/models/tone-v1`` (read once per process)."""
    return ToneModel.load(packaged_dir())
