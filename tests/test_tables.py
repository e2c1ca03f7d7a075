"""Table building: the vectorised token arrays and the fast DataFrame path must give
exactly what the token-by-token definitions give."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from relnlp import schemas, tables

MESSY = (
    "Putin met Xi in Moscow on Feb. 10, 2015.   \n\n  \n"
    "The U.S. objected.\n\n\n   Lt. Gen. Smith (pp. 79-84) said:  no.  \n \n"
)


def _reference_tokens(report: Any) -> pd.DataFrame:
    """The tokens table written out token by token from spaCy's own attributes."""
    doc = report.doc
    sid = {}
    for k, sent in enumerate(doc.sents):
        for t in sent:
            sid[t.i] = k
    rows = []
    for t in doc:
        if t.is_space:
            continue
        a, b = report.raw_span(t.idx, t.idx + len(t.text))
        rows.append(
            {
                "i": t.i,
                "start": a,
                "end": b,
                "text": report.text[a:b],
                "lemma": t.lemma_,
                "pos": t.pos_,
                "tag": t.tag_,
                "dep": t.dep_,
                "head": t.head.i,
                "ent_type": t.ent_type_,
                "is_sent_start": bool(t.is_sent_start),
                "sent_id": sid[t.i],
                "passage_id": report.passage_of(a),
            }
        )
    return pd.DataFrame(rows)


def _reference_sents(report: Any) -> list[tuple[int, int]]:
    doc = report.doc
    out = []
    for sent in doc.sents:
        s, e = sent.start, sent.end
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        out.append((s, e))
    return out


def _reports(nlp: Any, seed_reports: dict[str, Any]) -> list[Any]:
    html = "<h1>T</h1><p>Beijing &amp; Moscow met.</p>\n<p>  Then   Kyiv.</p>"
    return [*seed_reports.values(), nlp.analyze(MESSY), nlp.analyze(html), nlp.analyze("x")]


def test_tables_tokens_equal_token_by_token_definition(nlp: Any, seed_reports: Any) -> None:
    for report in _reports(nlp, seed_reports):
        got = report.tokens.drop(columns="doc_id")
        want = _reference_tokens(report)
        assert got["lemma"].dtype == object and got["head"].dtype == np.int64
        for col in want.columns:
            assert got[col].tolist() == want[col].tolist(), (report.doc_id, col)


def test_tables_trimmed_sentences_equal_definition(nlp: Any, seed_reports: Any) -> None:
    for report in _reports(nlp, seed_reports):
        assert tables.trimmed_sents(report) == _reference_sents(report)
        n = sum(1 for s, e in _reference_sents(report) if e > s)
        assert len(report.sentences) == n == report.documents["n_sentences"].iloc[0]


def test_tables_fast_frame_equals_public_constructor(
    nlp: Any, seed_reports: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = next(iter(seed_reports.values()))
    fast = {name: tables.build(name, report) for name in schemas.TABLES}
    monkeypatch.setattr(schemas, "_FROM_ARRAYS", None)
    for name in schemas.TABLES:
        public = tables.build(name, report)
        pd.testing.assert_frame_equal(fast[name], public, check_exact=True, obj=name)
        for col, dtype in schemas.TABLES[name].items():
            assert str(public[col].dtype) == dtype or dtype == "object", (name, col)


def test_tables_list_columns_stay_lists_and_strings_stay_object(seed_reports: Any) -> None:
    report = next(iter(seed_reports.values()))
    p = report.passages
    assert p["themes"].dtype == object and all(isinstance(v, list) for v in p["themes"])
    assert report.tokens["text"].dtype == object


def test_tables_passage_of_many_matches_passage_of(seed_reports: Any) -> None:
    report = next(iter(seed_reports.values()))
    probe = np.arange(-1, len(report.text) + 2, 7)
    want = [report.passage_of(int(x)) if x >= 0 else -1 for x in probe]
    assert report.passage_of_many(probe).tolist() == want


def test_tables_rebuild_token_arrays_after_the_doc_is_retokenised(nlp: Any) -> None:
    report = nlp.analyze("Vladimir Putin met Xi Jinping in Moscow.")
    n = len(report.doc)
    assert len(tables.build("tokens", report)) == n  # no white-space tokens here
    with report.doc.retokenize() as retok:
        retok.merge(report.doc[0:2])
    toks = tables.build("tokens", report)
    assert toks["text"].tolist()[0] == "Vladimir Putin" and len(toks) == n - 1
    assert tables.build("documents", report)["n_tokens"].iloc[0] == n - 1


def test_tables_do_not_share_a_column_index(nlp: Any) -> None:
    # the column Index of a table is built once and viewed: naming one frame's columns
    # must not name another's
    texts = ["Kenya and Uganda met in May 2019.", "Mali left the bloc on 2 June 2021."]
    one, two = nlp.pipe(texts)
    a, b = one.tables()["dates"], two.tables()["dates"]
    assert len(a) and len(b)
    a.columns.name = "renamed"
    assert b.columns.name is None
    assert nlp.analyze(texts[1]).dates.columns.name is None
