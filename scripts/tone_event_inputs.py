"""Cache the sentence model's inputs together with the extracted events of each coded
sentence (sixth session, issue 15): one pipeline pass per text, as ``train_tone.py``'s
cache, plus :func:`relnlp.events.extract_events` on the same Doc and the kind of each
actor (its entity label and state). Usage: ``python scripts/tone_event_inputs.py``
(needs ``../shared/dev``); writes ``<cache>/tone_inputs_ev2_<digest>.json`` per file (seventh session: with
the mean and max of each text's tok2vec rows, ``dense``).
"""

from __future__ import annotations

import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, "scripts")
import train_tone as T

CACHE = Path("/tmp/relnlp-tone-cache")


def event_inputs(texts: list[str]) -> dict[str, list]:
    import relnlp
    from relnlp import records
    from relnlp.events import extract_events
    from relnlp.tone.model import SYNTAX_SEP

    an = relnlp.load(exclude=["relnlp_tone"])
    nlp = an.nlp
    if "relnlp_tone" not in nlp.pipe_names:
        nlp.add_pipe("relnlp_tone", last=True, config={"model": None})
    scorer = nlp.get_pipe("relnlp_tone")
    masked, feats, events, dense = [], [], [], []
    warnings.filterwarnings("ignore", message=r"\[W201\]")
    for k, report in enumerate(an.pipe(texts, batch_size=64)):
        doc = report.doc
        m, f, _v = scorer.inputs(doc, doc[:])
        dense.append(pooled_tensor(doc))
        text, sep, syntax = m.partition(SYNTAX_SEP)
        masked.append(" ".join(text.split()) + sep + syntax)
        feats.append(list(f))
        ents = records.entities(doc) or []
        kinds = {e.canonical: [e.label, e.country] for e in ents}
        evs = []
        for e in extract_events(doc):
            evs.append(
                dict(
                    cameo=e.cameo,
                    type=e.type,
                    goldstein=e.goldstein,
                    negated=e.negated,
                    source=e.source,
                    target=e.target,
                    parties=list(e.parties),
                    countries=list(e.countries),
                )
            )
        events.append(dict(events=evs, kinds=kinds))
        if k % 1000 == 0:
            print(f"  parsed {k}/{len(texts)}", file=sys.stderr, flush=True)
    return dict(masked=masked, feats=np.asarray(feats).tolist(), events=events, dense=dense)


def pooled_tensor(doc) -> list[float]:
    """Mean and max of the Doc's tok2vec rows (seventh session: dense features tried)."""
    arr = np.asarray(doc.tensor, dtype=float)
    if arr.ndim != 2 or not len(arr):
        return [0.0] * (2 * T.DENSE)
    return [round(x, 4) for x in [*arr.mean(axis=0), *arr.max(axis=0)]]


def cached(texts: list[str]) -> dict[str, list]:
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    f = CACHE / f"tone_inputs_ev2_{digest}.json"
    if f.is_file():
        return json.loads(f.read_text())
    data = event_inputs(texts)
    CACHE.mkdir(parents=True, exist_ok=True)
    f.write_text(json.dumps(data))
    return data


if __name__ == "__main__":
    for name, fname in T.FILES.items():
        texts, labels, rows = T.read_tsv(Path("../shared/dev/tone") / fname)
        print(name, len(texts), file=sys.stderr)
        cached(texts)
