"""The ``entities`` and ``actors`` tables, from the entity records (:mod:`relnlp.records`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np

from relnlp import records, schemas
from relnlp.tables._tokens import sent_ids, token_arrays

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["actors", "entities"]


def _spacy_spans(report: Report, labels: frozenset[str] | set[str]) -> list[Any]:
    """Entities with the given labels, white-space tokens trimmed from their edges."""
    out = []
    doc = report.doc
    for e in doc.ents:
        if e.label_ not in labels:
            continue
        s, t = e.start, e.end
        while s < t and doc[s].is_space:
            s += 1
        while t > s and doc[t - 1].is_space:
            t -= 1
        if t > s:
            out.append(e if (s, t) == (e.start, e.end) else _relabel(doc, s, t, e))
    return out


def _relabel(doc: Any, s: int, t: int, e: Any) -> Any:
    from spacy.tokens import Span

    return Span(doc, s, t, label=e.label)


def _entity_records(report: Report) -> list[records.Entity]:
    """The report's entities (:class:`relnlp.records.Entity`, in doc chars)."""
    found = records.entities(report.doc)
    if found is not None:
        return list(found)
    # Without relnlp_actors: spaCy's entities as they are, canonical = the mention.
    return records.model_entities(_spacy_spans(report, schemas.ENTITY_LABELS), source="spacy")


def entities(report: Report) -> dict[str, list[Any]]:
    cached = report._cache.get("entity_rows")
    if cached is not None and cached[0] == len(report.doc):  # built for actors already
        return cast(dict[str, list[Any]], cached[1])
    sid = sent_ids(report)
    starts = token_arrays(report).idx
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["entities"]}
    for k, ent in enumerate(_entity_records(report)):
        a, b = report.raw_span(ent.start, ent.end)
        t0 = max(0, int(np.searchsorted(starts, ent.start, side="right")) - 1)
        t1 = int(np.searchsorted(starts, ent.end, side="left"))
        rows["doc_id"].append(report.doc_id)
        rows["ent_id"].append(k)
        rows["start"].append(a)
        rows["end"].append(b)
        rows["text"].append(report.text[a:b])
        rows["label"].append(ent.label)
        rows["canonical"].append(ent.canonical)
        rows["sent_id"].append(int(sid[t0]) if len(sid) else 0)
        rows["passage_id"].append(report.passage_of(a))
        rows["token_start"].append(t0)
        rows["token_end"].append(max(t1, t0 + 1))
        rows["source"].append(ent.source)
        rows["role"].append(ent.role)
        rows["affiliation"].append(ent.affiliation)
        rows["country"].append(ent.country)
    report._cache["entity_rows"] = (len(report.doc), rows)
    return rows


def actors(report: Report) -> dict[str, list[Any]]:
    ents = entities(report)
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["actors"]}
    order: dict[tuple[str, str], dict[str, Any]] = {}
    for i in range(len(ents["ent_id"])):
        key = (ents["canonical"][i], ents["label"][i])
        a = order.setdefault(key, {"i": i, "aliases": [], "roles": [], "country": None, "n": 0})
        a["n"] += 1
        if ents["text"][i] not in a["aliases"]:
            a["aliases"].append(ents["text"][i])
        if ents["role"][i] and ents["role"][i] not in a["roles"]:
            a["roles"].append(ents["role"][i])
        a["country"] = a["country"] or ents["country"][i]
    for k, ((canonical, label), a) in enumerate(order.items()):
        i = a["i"]
        rows["doc_id"].append(report.doc_id)
        rows["actor_id"].append(k)
        rows["start"].append(ents["start"][i])
        rows["end"].append(ents["end"][i])
        rows["text"].append(ents["text"][i])
        rows["canonical"].append(canonical)
        rows["label"].append(label)
        rows["aliases"].append(a["aliases"])
        rows["roles"].append(a["roles"])
        rows["country"].append(a["country"])
        rows["mentions"].append(a["n"])
    return rows
