"""The ``unseen`` evaluation set: reports that no relnlp component was built or tuned on.

Six think-tank reports of the seeds' genre (``corpora/unseen/README.md``), chosen by title
from the same public repository as the development reports, transcribed and annotated
(passages, entities, dates and events; two annotators and an adjudication) after the models
and rules relnlp shipped were written. Nobody writing relnlp's rules, lexicons or
models has read them or relnlp's output on them: every row here is ``unseen held-out``.

The annotations are packaged in ``relnlp/data/gold_unseen``; the texts are not (their
publishers' copyright allows internal evaluation only) and are read from
``<folder>/reports/<file>`` (``$RELNLP_UNSEEN_DATA``, else ``extra/unseen`` beside the
repository), checked against the sha256 each gold file records.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from relnlp.evaluate import scorecard as sc
from relnlp.evaluate.dev import event_split, load_dev_gold, systems_with_keywords
from relnlp.evaluate.seeds import long_rows
from relnlp.evaluate.sets import COLUMNS, SetUnavailable, beside_repository

__all__ = ["SPLIT", "run", "unseen_data_dir"]

SPLIT = "unseen held-out"


def unseen_data_dir() -> Path | None:
    """``$RELNLP_UNSEEN_DATA``, else ``extra/unseen`` beside the repository (as
    ``shared/dev`` is found for the development set), else None."""
    env = os.environ.get("RELNLP_UNSEEN_DATA")
    if env:
        return Path(env)
    return beside_repository("extra", "unseen")


def run(
    data: Path | None = None,
    *,
    baselines: bool = False,
    nlp: Any = None,
    gold: Path | None = None,
) -> pd.DataFrame:
    """Score relnlp (and the baselines) on the unseen reports.

    ``data`` is the development data folder that ``relnlp evaluate`` passes to every set;
    this set reads its own folder (:func:`unseen_data_dir`).
    """
    del data
    folder = unseen_data_dir()
    if folder is None:
        raise SetUnavailable(
            "no unseen reports (set RELNLP_UNSEEN_DATA or put extra/unseen beside the "
            "repository; corpora/unseen/README.md says where the texts come from)"
        )
    base: Any = resources.files("relnlp") / "data" / "gold_unseen" if gold is None else gold
    if not base.is_dir():
        raise SetUnavailable(f"no unseen gold at {base}")
    docs = load_dev_gold(folder, Path(str(base)), what="unseen")
    systems = systems_with_keywords(baselines, nlp)
    preds = {name: [system(d) for d in docs] for name, system in systems.items()}
    rows = [r for name in systems for r in sc.score(docs, preds[name], name)]
    card = pd.DataFrame(rows, columns=["system", "task", "metric", "value", "note"])
    out = long_rows(card, docs, "unseen", {})
    out["split"] = SPLIT
    with_events = [(d, p) for d, p in zip(docs, preds["relnlp"]) if "events" in d.layers]
    if with_events:
        # who did what to whom, beside the first-two-names baseline (as the dev set does)
        events = pd.DataFrame(
            event_split([d for d, _p in with_events], [p for _d, p in with_events], SPLIT),
            columns=list(COLUMNS),
        ).assign(set="unseen")
        out = pd.concat([out, events], ignore_index=True)
    out.attrs["documents"] = [d.doc_id for d in docs]
    return out
