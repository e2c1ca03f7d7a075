"""The ``passages`` and ``documents`` tables: structure, themes and tone per passage and report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from relnlp import records, schemas
from relnlp.tables._dates import chronology_dates
from relnlp.tables._tokens import token_arrays, trimmed_sents

if TYPE_CHECKING:
    from relnlp.report import Report
    from relnlp.tone.aggregate import PassageTone

__all__ = ["documents", "passages"]


def _passage_themes(report: Report) -> list[records.PassageThemes]:
    """Theme scores, labels and evidence per passage (empty when themes are off)."""
    rows = records.passage_themes(report.doc)
    if rows is None or len(rows) != len(report.document.passages):
        return [
            records.PassageThemes(start=p.start, end=p.end, scores={}, themes=(), evidence=())
            for p in report.document.passages
        ]
    return rows


def _passage_tone(report: Report) -> list[PassageTone]:
    """The passages' tone, computed once for the passages and documents tables."""
    from relnlp.tone.aggregate import passage_scores

    cached = report._cache.get("passage_tone")
    if cached is not None and cached[0] == len(report.doc):
        return list(cached[1])
    found = passage_scores(report)
    report._cache["passage_tone"] = (len(report.doc), found)
    return list(found)


def passages(report: Report) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["passages"]}
    chron = chronology_dates(report)
    themes = _passage_themes(report)
    theme_ids = list(report.meta.get("themes", []))
    extra = [t for t in theme_ids if t not in schemas.DEFAULT_THEME_IDS]
    for t in extra:
        rows[t] = []
    tone = _passage_tone(report)
    for p, pt, ptone in zip(report.document.passages, themes, tone, strict=True):
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
        rows["cooperation"].append(ptone.cooperation)
        rows["tension"].append(ptone.tension)
        rows["tone_cues"].append(ptone.cues)
    return rows


def documents(report: Report) -> dict[str, list[Any]]:
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
        "n_tokens": [int(np.count_nonzero(~token_arrays(report).is_space))],
        "n_sentences": [sum(1 for s, e in trimmed_sents(report) if e > s)],
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

    coop, tens, gold = report_scores(report, _passage_tone(report))
    return {"cooperation": [coop], "tension": [tens], "goldstein": [gold]}
