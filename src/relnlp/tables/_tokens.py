"""The ``tokens`` and ``sentences`` tables, and the per-token arrays other tables share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, cast

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, POS, SENT_START, TAG

from relnlp import schemas
from relnlp.pipeline import strings_of

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["sent_ids", "sentences", "token_arrays", "tokens", "trimmed_sents"]


class _Tokens(NamedTuple):
    """Per-token arrays of a report's Doc (one ``Doc.to_array`` call, cached)."""

    idx: np.ndarray[Any, np.dtype[np.int64]]  # character offset in the doc
    length: np.ndarray[Any, np.dtype[np.int64]]
    is_space: np.ndarray[Any, np.dtype[np.bool_]]
    sent_start: np.ndarray[Any, np.dtype[np.int64]]  # spaCy's 1 / -1 / 0 (unset)
    sent_id: np.ndarray[Any, np.dtype[np.int64]]
    sents: list[tuple[int, int]]  # token ranges, white space trimmed from the edges


def token_arrays(report: Report) -> _Tokens:
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


def sent_ids(report: Report) -> np.ndarray[Any, np.dtype[np.int64]]:
    """Sentence index of every token."""
    return token_arrays(report).sent_id


def trimmed_sents(report: Report) -> list[tuple[int, int]]:
    """Token ranges of sentences without leading/trailing white-space tokens."""
    return token_arrays(report).sents


def tokens(report: Report) -> dict[str, Any]:
    doc = report.doc
    tk = token_arrays(report)
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


def sentences(report: Report) -> dict[str, list[Any]]:
    """One row per sentence, with its tone (NaN / None when ``relnlp_tone`` is off)."""
    from relnlp.tone.aggregate import sentence_tones

    doc = report.doc
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["sentences"]}
    sents = trimmed_sents(report)
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
