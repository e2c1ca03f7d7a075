#!/usr/bin/env python3
"""Passage features of the sixth session, leave one document out (issue 15).

An experiment, not part of the package. Rows are the gold passages of the annotated
reports (seeds and development reports with passages, matched as
``scripts/train_passages.py`` matches them), with the shipped features
(:data:`relnlp.tone.passage_features.FEATURES`) and the candidates
(:data:`relnlp.tone.passage_features.EXTRA_FEATURES`: events of the other axis, share of
sentences with an event of the axis, the most hostile event, contrast markers in cue
sentences, cues in the section heading). Systems, each fitted on eleven reports and
scoring the twelfth (penalty by inner leave one document out, output on the rule's scale
by the line fitted on the training passages, as :class:`Ridge` does): the rule, the
ridge on the shipped features, on the shipped features plus each candidate, and plus
all candidates. ``--cache FILE`` keeps the collected rows.

    python scripts/tone_passages6.py [--data ../shared/dev] [--cache FILE] [--out FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tone_common as tc  # noqa: E402

from relnlp.tone.passage_features import EXTRA_FEATURES, FEATURES  # noqa: E402

AXES = tc.AXES
lodo = tc.ridge_lodo
_rho = tc.rho


def main() -> None:
    args, rows, docs, dev_only, names, lines = tc.passage_cli()
    allf = list(FEATURES) + list(EXTRA_FEATURES)
    for axis in AXES:
        x, y = tc.everything(rows, axis), tc.gold(rows, axis)
        nb = len(FEATURES)
        systems: list[tuple[str, np.ndarray]] = [("rule (no training)", x[:, 0])]
        systems.append(("ridge(shipped features)", lodo(x[:, :nb], y, docs, names)))
        for j, f in enumerate(EXTRA_FEATURES):
            cols = list(range(nb)) + [nb + j]
            systems.append((f"ridge(shipped + {f})", lodo(x[:, cols], y, docs, names)))
        systems.append(("ridge(shipped + all five)", lodo(x, y, docs, names)))
        sets = [list(range(nb))] + [list(range(nb)) + [nb + j] for j in range(len(EXTRA_FEATURES))]
        sets.append(list(range(x.shape[1])))
        held, chosen = tc.nested([tc.ridge_fit(x[:, c], y, docs) for c in sets], y, docs, names)
        print(f"{axis} nested choice per fold: {chosen}", file=sys.stderr)
        systems.append(("ridge, feature set chosen per fold (nested LODO)", held))
        for f in EXTRA_FEATURES:
            v = x[:, allf.index(f)]
            print(f"{axis} {f} alone: pooled {_rho(v, y):.3f}", file=sys.stderr)
        for label, pred in systems:
            lines.append(tc.table_row(axis, label, tc.figures(pred, y, docs, dev_only, names)))
    tc.emit(lines, args.out)


if __name__ == "__main__":
    main()
