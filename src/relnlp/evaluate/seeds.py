"""The ``seeds`` evaluation set: the two seed reports of the packaged gold corpus.

relnlp's rules, lexicons and gazetteer were written and revised while measuring on this
gold, so every figure here except the themes (leave-one-document-out folds) is labelled
``tuned``: read them as what relnlp does on text it was built on, not on new reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from relnlp.evaluate import scorecard as sc

__all__ = ["long_rows", "run", "systems_for"]

#: Split label per task on the seeds: tuned there, except the held-out theme folds.
SEED_SPLITS = {
    "entities": "tuned",
    "dates": "tuned",
    "themes": "leave-one-document-out",
    "cooperation": "tuned",
    "tension": "tuned",
}


def systems_for(
    baselines: bool, nlp: Any = None
) -> dict[str, Callable[[sc.GoldDoc], sc.Prediction]]:
    """relnlp and, with ``baselines``, every baseline of :mod:`relnlp.evaluate.baselines`."""
    systems: dict[str, Callable[[sc.GoldDoc], sc.Prediction]] = {"relnlp": sc.relnlp_system(nlp)}
    if baselines:
        from relnlp.evaluate.baselines import make_baselines

        systems.update(make_baselines())
    return systems


def _gold_counts(docs: Sequence[sc.GoldDoc]) -> dict[str, int]:
    with_layer = {
        layer: [d for d in docs if layer in d.layers] for layer in ("entities", "dates", "passages")
    }
    n_pass = sum(len(d.passages) for d in with_layer["passages"])
    return {
        "entities": sum(len(d.entities) for d in with_layer["entities"]),
        "dates": sum(len(d.dates) for d in with_layer["dates"]),
        "themes": n_pass,
        "cooperation": n_pass,
        "tension": n_pass,
    }


def long_rows(
    card: pd.DataFrame, docs: Sequence[sc.GoldDoc], set_name: str, splits: dict[str, str]
) -> pd.DataFrame:
    """Scorecard rows in the columns of :data:`relnlp.evaluate.sets.COLUMNS`."""
    counts = _gold_counts(docs)
    out = card.copy()
    out.insert(0, "set", set_name)
    out.insert(1, "split", [splits.get(t, "") for t in out["task"]])
    # A per-label row says its own gold count in its note ("... n=144").
    from_note = out["note"].fillna("").str.extract(r"\bn=(\d+)")[0]
    out["n"] = [
        int(k) if isinstance(k, str) else counts.get(t) for t, k in zip(out["task"], from_note)
    ]
    out.attrs["documents"] = [d.doc_id for d in docs]
    return out


def run(
    data: Path | None = None,
    *,
    baselines: bool = False,
    nlp: Any = None,
    gold: Path | None = None,
) -> pd.DataFrame:
    """Score relnlp (and the baselines) on the packaged seed gold, or the gold in ``gold``."""
    docs = sc.load_gold(gold)
    card = sc.scorecard(docs, systems_for(baselines, nlp))
    return long_rows(card, docs, "seeds", SEED_SPLITS)
