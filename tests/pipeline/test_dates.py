"""The relnlp_dates component as users reach it: add_pipe, extensions, the report table."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

import relnlp


def test_dates_component_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("relnlp_dates")  # found through the spacy_factories entry point
    doc = nlp.make_doc("The summit met on March 5-15 and again in early September.")
    doc._.rel_doc_date = "2016-11-02"
    doc = nlp(doc)
    spans = doc.spans["rel_dates"]
    assert [(s.text, s._.rel_value, s._.rel_mod) for s in spans] == [
        ("March 5-15", "2016-03-05/2016-03-15", None),
        ("early September", "2016-09", "START"),
    ]


def test_dates_table_values_and_types(nlp: Any) -> None:
    r = nlp.analyze(
        "Talks ran for 10 days in April 2019. They resumed on May 3.", doc_date="2019-06-01"
    )
    d = r.dates
    assert d[["text", "type", "value"]].values.tolist() == [
        ["10 days", "DURATION", "P10D"],
        ["April 2019", "DATE", "2019-04"],
        ["May 3", "DATE", "2019-05-03"],
    ]


def test_dates_chronology_passages_get_their_date(seed_reports: dict[str, Any]) -> None:
    p = seed_reports["000_a36955c7ab553492"].passages
    chron = p[p.kind == "chronology"]
    assert chron["date"].tolist()[:3] == ["2015-02-02", "2015-02-10", "2015-02-10"]
    assert chron["date"].tolist()[-1] == "2015-04-28"
    assert p[p.kind == "paragraph"]["date"].isna().all()


def test_dates_warn_when_nothing_anchors_them() -> None:
    nlp = relnlp.load()
    with pytest.warns(relnlp.RelnlpWarning, match=r"\[W201\]"):
        r = nlp.analyze("The delegation arrived on March 19.")
    assert r.dates["value"].tolist() == ["XXXX-03-19"]
    r = nlp.analyze("The delegation arrived on March 19.", doc_date="2020-05-01")
    assert r.dates["value"].tolist() == ["2020-03-19"]


def test_dates_extension_conflict_is_refused() -> None:
    from spacy.tokens import Span

    from relnlp import extensions
    from relnlp.errors import RelnlpError

    extensions.install()
    extensions.install()  # idempotent
    Span.remove_extension("rel_mod")
    Span.set_extension("rel_mod", getter=lambda s: "other package")
    try:
        with pytest.raises(RelnlpError, match=r"\[E105\]"):
            extensions.install()
    finally:
        Span.remove_extension("rel_mod")
        Span.set_extension("rel_mod", default=None)


def test_dates_only_analyser_loads_no_tagger_parser_or_ner() -> None:
    nlp = relnlp.load(only=("dates",))
    assert not {"tagger", "parser", "ner", "lemmatizer", "tok2vec"} & set(nlp.nlp.pipe_names)
    assert "relnlp_dates" in nlp.nlp.pipe_names and "senter" in nlp.nlp.pipe_names
    r = nlp.analyze(
        "The court sat on 12 May 2010. Two days later it adjourned.", doc_date="2010-06-01"
    )
    assert r.dates[["text", "value", "sent_id"]].values.tolist() == [
        ["12 May 2010", "2010-05-12", 0],
        ["Two days later", "2010-05-14", 1],
    ]
    # the same dates as the full analyser
    full = relnlp.load().analyze(
        "The court sat on 12 May 2010. Two days later it adjourned.", doc_date="2010-06-01"
    )
    assert full.dates[["start", "end", "value"]].equals(r.dates[["start", "end", "value"]])
    with pytest.raises(relnlp.errors.ConfigError, match=r"\[E104\]"):
        relnlp.load(only=("datez",))


def test_dates_doc_date_may_carry_a_time() -> None:
    import datetime as dt

    nlp = relnlp.load(only=("dates",))
    r = nlp.analyze("Sirens sounded 30 minutes ago.", doc_date="2003-05-20T14:10")
    assert r.dates[["type", "value"]].values.tolist() == [["TIME", "2003-05-20T13:40"]]
    r = nlp.analyze("Sirens sounded 30 minutes ago.", doc_date=dt.datetime(2003, 5, 20, 14, 10))
    assert r.dates["value"].tolist() == ["2003-05-20T13:40"]
    with pytest.raises(relnlp.errors.InputError, match=r"\[E011\]"):
        nlp.analyze("Sirens.", doc_date="2003-05-20T25:00")
