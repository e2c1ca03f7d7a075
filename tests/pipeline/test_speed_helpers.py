"""Shortcuts of the speed pass (issue 15) give what the long way gives: the parsed text
for ``doc.text``, the versions meta once per ``pipe`` call, the passage tone once per
report, and token scans through ``_tokens_where``."""

from __future__ import annotations

from typing import Any

import spacy

from relnlp.pipeline import parsed_text
from relnlp.pipeline._actor_base import _tokens_where


def test_parsed_text_is_doc_text_and_falls_back_when_it_is_not() -> None:
    nlp = spacy.blank("en")
    text = "Delegates from three ports met twice.  Nothing was signed\n"
    doc = nlp(text)
    assert parsed_text(doc, text) == doc.text == text
    # A text of another length is not the parse: the tokens are joined instead.
    assert parsed_text(doc, text + "!") == doc.text
    assert parsed_text(doc, "short") == doc.text
    empty = nlp("")
    assert parsed_text(empty, "") == ""
    assert parsed_text(empty, "x") == empty.text == ""


def test_tokens_where_gives_the_indices_a_token_loop_gives() -> None:
    doc = spacy.blank("en")("The Ministry said the ministry and a Ministry office would meet.")
    want = [t.i for t in doc if t.text == "Ministry"]
    assert _tokens_where(doc, lambda w: w == "Ministry") == want == [1, 7]
    lower = [t.i for t in doc if t.lower_ == "ministry"]
    assert _tokens_where(doc, lambda w: w.lower() == "ministry") == lower == [1, 4, 7]


def test_each_report_of_one_pipe_call_owns_its_meta(nlp: Any) -> None:
    texts = ["The two delegations met in Oslo.", "Talks resumed in Vienna on Monday."]
    reports = list(nlp.pipe(texts))
    assert reports[0].meta["themes"] == reports[1].meta["themes"] == nlp.meta["themes"]
    assert reports[0].meta["model_version"] == nlp.meta["model_version"]
    reports[0].meta["themes"].append("added")
    assert "added" not in reports[1].meta["themes"]
    assert "added" not in nlp.meta["themes"]
    assert [r.meta["doc_id"] for r in reports] != [None, None]


def test_passage_tone_is_the_same_in_both_tables(nlp: Any) -> None:
    from relnlp.tone.aggregate import passage_scores, report_scores

    text = (
        "Two states signed a trade accord and praised their cooperation.\n\n"
        "Later their navies clashed near the strait, and talks were suspended."
    )
    r = nlp.analyze(text)
    fresh = passage_scores(r)
    assert list(r.passages["cooperation"]) == [p.cooperation for p in fresh]
    assert list(r.passages["tension"]) == [p.tension for p in fresh]
    coop, tens, _gold = report_scores(r)
    assert r.documents["cooperation"].iloc[0] == coop
    assert r.documents["tension"].iloc[0] == tens
