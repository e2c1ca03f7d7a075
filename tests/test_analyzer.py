"""The public API: load, analyze, pipe, tables, bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relnlp
from relnlp import InputError, schemas
from tests.conftest import assert_offsets


def test_analyzer_tables_have_declared_columns(nlp: Any) -> None:
    r = nlp.analyze("Putin met Xi in Moscow on May 8, 2015.")
    for name, df in r.tables().items():
        assert list(df.columns)[: len(schemas.TABLES[name])] == list(schemas.TABLES[name])
        assert_offsets(r.text, df, name)
    ents = r.entities
    assert {"Putin", "Xi", "Moscow"} <= set(ents["text"])
    canon = dict(zip(ents["text"], ents["canonical"], strict=True))
    # A surname the gazetteer knows for exactly one person resolves to that person.
    assert canon["Putin"] == "Vladimir Putin" and canon["Xi"] == "Xi Jinping"
    assert canon["Moscow"] == "Moscow"
    assert set(r.actors["canonical"]) >= {"Vladimir Putin", "Xi Jinping", "Moscow"}
    assert r.dates["text"].tolist() == ["May 8, 2015"]
    assert r.dates["value"].tolist() == ["2015-05-08"]
    assert r.dates["type"].tolist() == ["DATE"]
    # "met": a meeting is mild cooperation; nothing signals tension.
    coop, tens = r.passages["cooperation"].iloc[0], r.passages["tension"].iloc[0]
    assert 0 < coop < 0.7 and 0 <= tens < coop / 2  # a meeting: mild cooperation
    assert r.doc is not None and len(r.doc) > 0


def test_analyzer_offsets_refer_to_raw_text_with_markup(nlp: Any) -> None:
    text = "## **Talks in Geneva**\n\nOn the 70<sup>th</sup> day, **Sergei Lavrov** met *John Kerry* in Geneva."
    r = nlp.analyze(text)
    for name, df in r.tables().items():
        assert_offsets(text, df, name)
    toks = r.tokens["text"].tolist()
    assert not {"**", "*", "##", "<sup>", "</sup>"} & set(toks)
    # "70th" is one token; its raw span starts at "70" and ends with "th" (the closing
    # tag stands for no analysed character).
    assert "70<sup>th" in toks
    people = r.entities[r.entities.label == "PERSON"]["text"].tolist()
    assert "Sergei Lavrov" in people


def test_analyzer_empty_and_whitespace_give_empty_report(nlp: Any) -> None:
    for text in ("", "  \n\n\t "):
        r = nlp.analyze(text)
        assert len(r.tokens) == 0 and len(r.entities) == 0 and len(r.passages) == 0
        assert list(r.entities.columns) == list(schemas.TABLES["entities"])


@pytest.mark.parametrize("bad", [None, b"bytes text", 42, ["a list"]])
def test_analyzer_rejects_non_text(nlp: Any, bad: Any) -> None:
    with pytest.raises(TypeError, match=r"\[E001\]"):
        nlp.analyze(bad)


@pytest.mark.parametrize("bad", ["yesterday", "2015-13", "2015-02-30", 3.5])
def test_analyzer_rejects_bad_doc_date(nlp: Any, bad: Any) -> None:
    with pytest.raises(InputError, match=r"\[E011\]"):
        nlp.analyze("Text.", doc_date=bad)


def test_analyzer_doc_date_and_doc_id(nlp: Any, seed_docs: dict[str, Any]) -> None:
    d = seed_docs["004_880b6a600cf7a9c3"]
    r = nlp.analyze(d)
    assert r.doc_id == "004_880b6a600cf7a9c3"
    assert r.meta["doc_date"] == "2022-02-16" and r.meta["doc_date_source"] == "document"
    r2 = nlp.analyze(d, doc_id="x", doc_date="2022-03-01")
    assert r2.doc_id == "x" and r2.meta["doc_date"] == "2022-03-01"
    r3 = nlp.analyze("No date here.")
    assert r3.doc_id.startswith("doc_") and r3.meta["doc_date"] is None


def test_analyzer_long_text_chunked_offsets_preserved(seed_paths: dict[str, Any]) -> None:
    small = relnlp.load(chunk_chars=3000)
    text = seed_paths["000_a36955c7ab553492"].read_text("utf-8")
    r = small.analyze(text)
    whole = relnlp.load().analyze(text)
    assert r.doc.text == whole.doc.text
    for name, df in r.tables().items():
        assert_offsets(text, df, name)
    assert len(r.passages) == len(whole.passages)
    # Chunk cuts fall between paragraphs, so sentences match the unchunked run.
    assert r.sentences["text"].tolist() == whole.sentences["text"].tolist()


def test_analyzer_single_huge_paragraph_is_cut_inside(nlp: Any) -> None:
    small = relnlp.load(chunk_chars=2000)
    text = "Officials from Chile and Peru met again to discuss fishing rights. " * 200
    r = small.analyze(text)
    assert r.doc.text == text
    assert_offsets(text, r.tokens, "tokens")
    assert len(r.entities) >= 300


def test_analyzer_max_chars(nlp: Any) -> None:
    tiny = relnlp.load(max_chars=1000)
    with pytest.raises(InputError, match=r"\[E009\]"):
        tiny.analyze("word " * 300)


def test_analyzer_load_rejects_bad_options_and_unknown_model() -> None:
    with pytest.raises(relnlp.ConfigError, match=r"\[E106\]"):
        relnlp.load(chunk_chars=5)
    with pytest.raises(relnlp.ResourceError, match=r"\[E101\]"):
        relnlp.load("xx_no_such_pipeline")


def test_analyzer_pipe_matches_analyze_and_keeps_order(nlp: Any) -> None:
    texts = ["Iran and Iraq signed a deal.", "", "Chile protested to Bolivia."]
    piped = list(nlp.pipe(texts))
    single = [nlp.analyze(t) for t in texts]
    assert [p.doc_id for p in piped] == [s.doc_id for s in single]
    for a, b in zip(piped, single):
        assert a.entities.equals(b.entities)


def test_analyzer_pipe_two_processes_same_tables(nlp: Any, seed_paths: dict[str, Any]) -> None:
    items = [relnlp.read(p) for p in seed_paths.values()]
    one = list(nlp.pipe(items, n_process=1))
    two = list(nlp.pipe(items, n_process=2))
    for a, b in zip(one, two):
        for name in a.tables():
            assert a.tables()[name].equals(b.tables()[name]), name


def test_analyzer_to_json_round_trips(nlp: Any) -> None:
    r = nlp.analyze("Japan and Korea met in Tokyo.", doc_id="j1")
    data = json.loads(r.to_json())
    assert data["doc_id"] == "j1"
    assert data["meta"]["relnlp_version"] == relnlp.__version__
    assert len(data["tables"]["entities"]) == len(r.entities)


def test_analyzer_offsets_on_seeds(seed_reports: dict[str, Any]) -> None:
    for r in seed_reports.values():
        for name, df in r.tables().items():
            assert len(df) > 0, name
            assert_offsets(r.text, df, name)


_PIECES = list("ab Zq.,;:!?-*_#<>/\\[]()`&$^\n\t'\"¹²é栗") + [
    "<sup>",
    "</sup>",
    "**",
    "\n\n",
    "U.S.",
    "Feb. 3",
    "https://x.io/a_b",
    "Russia",
    "&amp;",
]
_markupish = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@pytest.mark.filterwarnings("ignore::relnlp.errors.RelnlpWarning")  # W201 on undated text
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=200), _markupish))
def test_analyzer_offsets_on_random_text(nlp: Any, text: str) -> None:
    r = nlp.analyze(text)
    for name, df in r.tables().items():
        assert_offsets(text, df, name)
    spans = list(zip(r.passages["start"], r.passages["end"]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
