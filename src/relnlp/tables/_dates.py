"""The ``dates`` table, from the temporal-expression records (:mod:`relnlp.records`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from relnlp import records, schemas
from relnlp.tables._tokens import sent_ids, token_arrays

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["chronology_dates", "dates"]


def dates(report: Report) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["dates"]}
    timexes = records.timexes(report.doc)
    if not timexes:
        return rows
    sid = sent_ids(report)
    starts = token_arrays(report).idx
    for k, t in enumerate(timexes):
        a, b = report.raw_span(t.start, t.end)
        tok = max(0, int(np.searchsorted(starts, t.start, side="right")) - 1)
        rows["doc_id"].append(report.doc_id)
        rows["date_id"].append(k)
        rows["start"].append(a)
        rows["end"].append(b)
        rows["text"].append(report.text[a:b])
        rows["value"].append(t.value)
        rows["type"].append(t.type)
        rows["mod"].append(t.mod)
        rows["sent_id"].append(int(sid[tok]) if len(sid) else 0)
        rows["passage_id"].append(report.passage_of(a))
        rows["source"].append("relnlp")
    return rows


def chronology_dates(report: Report) -> dict[int, str]:
    """TIMEX3 value of each chronology entry's date line, by passage start."""
    out: dict[int, str] = {}
    timexes = records.timexes(report.doc)
    for c in report.document.chronology:
        for t in timexes:
            a, _b = report.raw_span(t.start, t.end)
            if t.type == "DATE" and c.date_start <= a < c.date_end:
                out[c.start] = t.value
                break
    return out
