"""Evaluation sets ``tone-un`` and ``tone-news``: sentences coded cooperation vs conflict.

The data are ``tone/un_quadclass.tsv`` (UN documents, QuadClass labels) and
``tone/news_cameo_train.tsv`` (news, CAMEO classes) of the development folder (see its
README); ``irrelevant`` and ``statement`` count as ``neutral``. Each file is split 80/20,
stratified by label, with the seed of ``scripts/train_tone.py``: the rows scored here are
the held-out rows recorded in the model card of ``models/tone-v1`` (its training never saw
them). Metrics:

* ``auc``: area under the ROC curve of ``cooperation - tension`` separating the
  cooperation sentences (verbal or material) from the conflict ones (neutral left out);
* ``balanced_accuracy`` and ``macro_f1`` over the five classes, neutral included, from
  the predicted ``tone_class``.

Systems: ``relnlp`` (the shipped pipeline, :func:`relnlp.load`, on each sentence: its
``sentences`` table, averaged over the sentences spaCy finds in the text), ``rules`` (the
cue lexicon and its syntax alone, as relnlp scored sentences before ``tone-v1``) and, with
``baselines=True``, ``vader`` (compound score; class: positive -> verbal_cooperation,
negative -> verbal_conflict, 0 -> neutral). Cross-corpus rows (split ``cross:un->news``,
``cross:news->un``) give the figures of the model card for a model fitted on all of one
file and tested on all of the other, read from ``models/tone-v1/meta.json`` (refitting needs
the training script and takes minutes); their ``note`` says so.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from relnlp.evaluate.sets import COLUMNS, SetUnavailable

__all__ = ["heldout", "metrics", "run_news", "run_un"]

FILES = {"un": "un_quadclass.tsv", "news": "news_cameo_train.tsv"}
NEUTRAL = {"irrelevant": "neutral", "statement": "neutral"}
COOP = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


def metrics(gold: Sequence[str], score: Sequence[float], pred: Sequence[str]) -> dict[str, float]:
    """AUC of ``score`` for cooperation vs conflict; balanced accuracy and macro-F1 of
    ``pred`` over the classes of ``gold``."""
    from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score

    pairs = [(1 if g in COOP else 0, s) for g, s in zip(gold, score) if g in COOP + CONFLICT]
    y = [a for a, _s in pairs]
    auc = roc_auc_score(y, [s for _a, s in pairs]) if 0 < sum(y) < len(y) else float("nan")
    labels = sorted(set(gold))
    return {
        "auc": float(auc),
        "balanced_accuracy": float(balanced_accuracy_score(gold, pred)),
        "macro_f1": float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
    }


def _read(path: Path) -> tuple[dict[int, tuple[str, str]], str]:
    """Rows (1-based data row -> (text, label)) and the file's sha256."""
    raw = path.read_bytes()
    rows = {}
    for k, line in enumerate(raw.decode("utf-8").splitlines()[1:], 1):
        if line.strip():
            text, label = line.rsplit("\t", 1)
            rows[k] = (text, NEUTRAL.get(label, label))
    return rows, hashlib.sha256(raw).hexdigest()


def heldout(data: Path, name: str) -> tuple[list[str], list[str], str]:
    """The held-out texts and labels of set ``name`` (``un`` or ``news``), and a note.

    Raises
    ------
    relnlp.evaluate.sets.SetUnavailable
        When the file is missing.
    """
    from relnlp.tone.model import load_packaged

    path = Path(data) / "tone" / FILES[name]
    if not path.is_file():
        raise SetUnavailable(f"{path} not found (the tone-{name} set needs it)")
    rows, sha = _read(path)
    card = load_packaged().info.get("data", {}).get(name, {})
    note = ""
    if card.get("sha256") != sha:
        note = "file differs from the one the model card split; held-out rows may be unseen"
    keep = [r for r in card.get("heldout_rows", []) if r in rows]
    return [rows[r][0] for r in keep], [rows[r][1] for r in keep], note


def _relnlp(texts: list[str]) -> tuple[list[float], list[str], list[float], list[str]]:
    """Scores of the shipped pipeline and of its rules alone, per text."""
    import relnlp

    nlp = relnlp.load()
    score, pred, rscore, rpred = [], [], [], []
    with warnings.catch_warnings():
        # Coded sentences carry no date; "no date to anchor on" (W201) is expected here.
        warnings.filterwarnings("ignore", message=r"\[W201\]")
        reports = list(nlp.pipe(texts, batch_size=64))
    for report in reports:
        s = report.sentences
        if not len(s):
            score.append(0.0)
            rscore.append(0.0)
            pred.append("neutral")
            rpred.append("neutral")
            continue
        w = (s["end"] - s["start"]).to_numpy(dtype=float)
        w = w / w.sum()
        score.append(float(w @ (s["cooperation"] - s["tension"]).to_numpy()))
        rscore.append(float(w @ (s["rule_cooperation"] - s["rule_tension"]).to_numpy()))
        longest = int(np.argmax(w))
        pred.append(str(s["tone_class"].iloc[longest]))
        rc, rt = float(s["rule_cooperation"].max()), float(s["rule_tension"].max())
        rpred.append(
            "neutral"
            if rc == rt == 0
            else ("verbal_cooperation" if rc >= rt else "verbal_conflict")
        )
    return score, pred, rscore, rpred


def _vader(texts: list[str]) -> tuple[list[float], list[str]] | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    sia = SentimentIntensityAnalyzer()
    comp = [float(sia.polarity_scores(t)["compound"]) for t in texts]
    pred = [
        "verbal_cooperation" if c > 0 else "verbal_conflict" if c < 0 else "neutral" for c in comp
    ]
    return comp, pred


def _rows(
    set_name: str, split: str, system: str, m: dict[str, float], n: int, note: str = ""
) -> list[dict[str, Any]]:
    return [
        {
            "set": set_name,
            "split": split,
            "system": system,
            "task": "tone",
            "metric": k,
            "value": v,
            "n": n,
            "note": note,
        }
        for k, v in m.items()
    ]


def _run(data: Path, name: str, *, baselines: bool) -> pd.DataFrame:
    from relnlp.tone.model import load_packaged

    set_name = f"tone-{name}"
    texts, gold, note = heldout(data, name)
    rows: list[dict[str, Any]] = []
    score, pred, rscore, rpred = _relnlp(texts)
    rows += _rows(set_name, "heldout", "relnlp", metrics(gold, score, pred), len(gold), note)
    rows += _rows(
        set_name,
        "heldout",
        "rules",
        metrics(gold, rscore, rpred),
        len(gold),
        "the cue lexicon and its syntax alone",
    )
    if baselines:
        v = _vader(texts)
        if v is None:
            rows.append(
                {
                    "set": set_name,
                    "split": "heldout",
                    "system": "vader",
                    "task": "tone",
                    "metric": "auc",
                    "value": float("nan"),
                    "n": 0,
                    "note": "not installed: pip install 'relnlp[baselines]'",
                }
            )
        else:
            rows += _rows(set_name, "heldout", "vader", metrics(gold, *v), len(gold))
    figures = load_packaged().info.get("figures", {})
    system = load_packaged().info.get("system", "")
    for key, m in figures.items():
        sys_name, _sep, split = key.partition("|")
        if sys_name == system and split.startswith("cross:") and split.endswith(f"->{name}"):
            rows += _rows(
                set_name,
                split,
                "relnlp",
                m,
                0,
                "from the model card: fitted on all of the other file by scripts/train_tone.py",
            )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def run_un(data: Path, *, baselines: bool = False) -> pd.DataFrame:
    """The ``tone-un`` set: held-out UN sentences (see the module docstring)."""
    return _run(data, "un", baselines=baselines)


def run_news(data: Path, *, baselines: bool = False) -> pd.DataFrame:
    """The ``tone-news`` set: held-out news sentences (see the module docstring)."""
    return _run(data, "news", baselines=baselines)
