"""Build a report's tables (declared in :mod:`relnlp.schemas`) from its Doc and Document.

Spans found on the markup-free view are mapped back to the analysed text, so that for every
row ``text == report.text[start:end]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, cast

import numpy as np
import pandas as pd
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, POS, SENT_START, TAG

from relnlp import records, schemas
from relnlp.pipeline import strings_of

if TYPE_CHECKING:
    from relnlp.analyzer import Report

__all__ = ["build"]


class _Tokens(NamedTuple):
    """Per-token arrays of a report's Doc (one ``Doc.to_array`` call, cached)."""

    idx: np.ndarray[Any, np.dtype[np.int64]]  # character offset in the doc
    length: np.ndarray[Any, np.dtype[np.int64]]
    is_space: np.ndarray[Any, np.dtype[np.bool_]]
    sent_start: np.ndarray[Any, np.dtype[np.int64]]  # spaCy's 1 / -1 / 0 (unset)
    sent_id: np.ndarray[Any, np.dtype[np.int64]]
    sents: list[tuple[int, int]]  # token ranges, white space trimmed from the edges


def _token_arrays(report: Report) -> _Tokens:
    doc = report.doc
    n = len(doc)
    cached = report._cache.get("tokens")
    if cached is not None and len(cached.idx) == n:  # (a retokenised Doc is rebuilt)
        return cast(_Tokens, cached)
    arr = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).astype(np.int64).reshape(n, 4)
    idx, length, space, sent_start = (np.ascontiguousarray(arr[:, k]) for k in range(4))
    is_space = space.astype(bool)
    # Doc.sents: a sentence starts at token 0 and at every token whose sent_start is 1.
    bounds = sent_start == 1
    if n:
        bounds[0] = True
    sent_id = np.cumsum(bounds, dtype=np.int64) - 1
    first = np.flatnonzero(bounds)
    last = np.append(first[1:], n)
    words = np.flatnonzero(~is_space)
    sents = []
    for s, e in zip(first.tolist(), last.tolist()):
        k = int(np.searchsorted(words, s))
        if k == len(words) or words[k] >= e:
            sents.append((e, e))  # nothing but white space
            continue
        m = int(np.searchsorted(words, e)) - 1
        sents.append((int(words[k]), int(words[m]) + 1))
    out = _Tokens(idx, length, is_space, sent_start, sent_id, sents)
    report._cache["tokens"] = out
    return out


def _sent_ids(report: Report) -> np.ndarray[Any, np.dtype[np.int64]]:
    """Sentence index of every token."""
    return _token_arrays(report).sent_id


def _trimmed_sents(report: Report) -> list[tuple[int, int]]:
    """Token ranges of sentences without leading/trailing white-space tokens."""
    return _token_arrays(report).sents


def _tokens(report: Report) -> dict[str, Any]:
    doc = report.doc
    tk = _token_arrays(report)
    w = np.flatnonzero(~tk.is_space)
    rs, re_ = report.view.to_raw_many(tk.idx[w], tk.idx[w] + tk.length[w])
    attrs = doc.to_array([LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]).reshape(len(doc), 6)[w]
    text = report.text
    return {
        "doc_id": [report.doc_id] * len(w),
        "i": w,
        "start": rs,
        "end": re_,
        "text": [text[a:b] for a, b in zip(rs.tolist(), re_.tolist())],
        "lemma": strings_of(doc, attrs[:, 0]),
        "pos": strings_of(doc, attrs[:, 1]),
        "tag": strings_of(doc, attrs[:, 2]),
        "dep": strings_of(doc, attrs[:, 3]),
        "head": w + attrs[:, 5].astype(np.int64),
        "ent_type": strings_of(doc, attrs[:, 4]),
        "is_sent_start": tk.sent_start[w] == 1,
        "sent_id": tk.sent_id[w],
        "passage_id": report.passage_of_many(rs),
    }


def _sentences(report: Report) -> dict[str, list[Any]]:
    """One row per sentence, with its tone (NaN / None when ``relnlp_tone`` is off)."""
    from relnlp.tone.aggregate import sentence_tones

    doc = report.doc
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["sentences"]}
    sents = _trimmed_sents(report)
    tones = sentence_tones(report)
    if len(tones) != len(sents):  # not one per doc sentence: match on the first token
        by_start = {t.start: t for t in tones}
        aligned = [by_start.get(int(doc[s].idx)) if s < e else None for s, e in sents]
    else:
        aligned = list(tones)
    nan = float("nan")
    for k, ((s, e), st) in enumerate(zip(sents, aligned)):
        if s >= e:
            continue
        a, b = report.raw_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
        rows["doc_id"].append(report.doc_id)
        rows["sent_id"].append(k)
        rows["start"].append(a)
        rows["end"].append(b)
        rows["text"].append(report.text[a:b])
        rows["passage_id"].append(report.passage_of(a))
        rows["cooperation"].append(st.cooperation if st is not None else nan)
        rows["tension"].append(st.tension if st is not None else nan)
        rows["tone_class"].append(st.tone_class if st is not None else None)
        rows["tone_cues"].append(list(st.cues) if st is not None else [])
        rows["rule_cooperation"].append(st.rule_cooperation if st is not None else nan)
        rows["rule_tension"].append(st.rule_tension if st is not None else nan)
    return rows


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
    return [records.Entity(start=e.start_char, end=e.end_char, label=e.label_, canonical=e.text,
                           role=None, affiliation=None, source="spacy", country=None)
            for e in _spacy_spans(report, schemas.ENTITY_LABELS)]  # fmt: skip


def _entities(report: Report) -> dict[str, list[Any]]:
    cached = report._cache.get("entity_rows")
    if cached is not None and cached[0] == len(report.doc):  # built for actors already
        return cast(dict[str, list[Any]], cached[1])
    sid = _sent_ids(report)
    starts = _token_arrays(report).idx
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


def _actors(report: Report) -> dict[str, list[Any]]:
    ents = _entities(report)
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


def _dates(report: Report) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["dates"]}
    timexes = records.timexes(report.doc)
    if not timexes:
        return rows
    sid = _sent_ids(report)
    starts = _token_arrays(report).idx
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


def _chronology_dates(report: Report) -> dict[int, str]:
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


def _passage_themes(report: Report) -> list[records.PassageThemes]:
    """Theme scores, labels and evidence per passage (empty when themes are off)."""
    rows = records.passage_themes(report.doc)
    if rows is None or len(rows) != len(report.document.passages):
        return [records.PassageThemes(start=p.start, end=p.end, scores={}, themes=(), evidence=())
                for p in report.document.passages]  # fmt: skip
    return rows


def _passage_tone(report: Report) -> list[tuple[float, float, list[str]]]:
    from relnlp.tone.aggregate import passage_scores

    return passage_scores(report)


def _passages(report: Report) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["passages"]}
    chron = _chronology_dates(report)
    themes = _passage_themes(report)
    theme_ids = list(report.meta.get("themes", []))
    extra = [t for t in theme_ids if t not in schemas.DEFAULT_THEME_IDS]
    for t in extra:
        rows[t] = []
    tone = _passage_tone(report)
    for p, pt, (coop, tens, cues) in zip(report.document.passages, themes, tone, strict=True):
        rows["doc_id"].append(report.doc_id)
        rows["passage_id"].append(p.id)
        rows["start"].append(p.start)
        rows["end"].append(p.end)
        rows["text"].append(report.text[p.start : p.end])
        rows["kind"].append(p.kind)
        rows["section"].append(p.section)
        rows["footnote"].append(p.footnote)
        rows["date"].append(chron.get(p.start))
        rows["date_text"].append(p.date_text)
        rows["themes"].append(list(pt.themes))
        for t in (*schemas.DEFAULT_THEME_IDS, *extra):
            rows[t].append(pt.scores.get(t, float("nan")))
        rows["evidence"].append(list(pt.evidence))
        rows["cooperation"].append(coop)
        rows["tension"].append(tens)
        rows["tone_cues"].append(cues)
    return rows


def _documents(report: Report) -> dict[str, list[Any]]:
    d = report.document
    return {
        "doc_id": [report.doc_id],
        "start": [0],
        "end": [len(report.text)],
        "text": [report.text],
        "path": [str(d.path) if d.path else None],
        "format": [d.format],
        "title": [d.title],
        "author": [d.author],
        "date": [d.date],
        "doc_date": [report.meta.get("doc_date")],
        "n_chars": [len(report.text)],
        "n_tokens": [int(np.count_nonzero(~_token_arrays(report).is_space))],
        "n_sentences": [sum(1 for s, e in _trimmed_sents(report) if e > s)],
        "n_passages": [len(d.passages)],
        "taxonomy_version": [report.meta.get("taxonomy_version")],
        **_report_scores(report),
        **{f"share_{t}": [v] for t, v in _theme_shares(report).items()},
    }


def _theme_shares(report: Report) -> dict[str, float]:
    """Share of the report's passage characters labelled with each theme."""
    ids = list(report.meta.get("themes", []))
    total = 0
    per = dict.fromkeys(ids, 0)
    for p, pt in zip(report.document.passages, _passage_themes(report)):
        n = p.end - p.start
        total += n
        for t in pt.themes:
            if t in per:
                per[t] += n
    return {t: (round(per[t] / total, 4) if total else 0.0) for t in ids}


def _report_scores(report: Report) -> dict[str, list[Any]]:
    from relnlp.tone.aggregate import report_scores

    coop, tens, gold = report_scores(report)
    return {"cooperation": [coop], "tension": [tens], "goldstein": [gold]}


def _events(report: Report) -> dict[str, list[Any]]:
    from relnlp.events import events

    return events(report)


_BUILDERS = {
    "documents": _documents,
    "tokens": _tokens,
    "sentences": _sentences,
    "entities": _entities,
    "actors": _actors,
    "dates": _dates,
    "passages": _passages,
    "events": _events,
}


def build(name: str, report: Report) -> pd.DataFrame:
    """Build table ``name`` for ``report``."""
    return schemas.make_table(name, _BUILDERS[name](report))
