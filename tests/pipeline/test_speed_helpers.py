"""Shortcuts of the speed pass (issue 15) give what the long way gives: the parsed text
for ``doc.text``, the versions meta once per ``pipe`` call, the passage tone once per
report, and token scans through ``_tokens_where``."""

from __future__ import annotations

import re
from typing import Any

import pytest
import spacy

from relnlp.pipeline import char_tokens, distinct_words, parsed_text, span_texts
from relnlp.pipeline._actor_base import _tokens_where
from relnlp.pipeline._tone_scope import DocParse, hedged, negated


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


def test_span_texts_are_the_spans_texts() -> None:
    # Spaces, a line break, accents, a curly possessive and a character outside the BMP.
    doc = spacy.blank("en")(
        "Le  Drian\u2019s   visit to \n Ankara \U0001f600 ended; talks go on.  "
    )
    text_of = span_texts(doc)
    for s in range(len(doc) + 1):
        for e in range(s, len(doc) + 1):
            assert text_of(s, e) == doc[s:e].text
    assert text_of(3, 3) == "" and text_of(1, 0) == ""


def test_distinct_words_are_read_once_and_anew_after_a_retokenisation() -> None:
    doc = spacy.blank("en")("New Delhi and new talks in New Delhi.")
    words, inverse = distinct_words(doc)
    assert [words[k] for k in inverse] == [t.text for t in doc]
    assert sorted(words) == sorted({t.text for t in doc})
    assert distinct_words(doc)[0] is words  # the same Doc, the same tokens: kept
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    words, inverse = distinct_words(doc)
    assert [words[k] for k in inverse] == [t.text for t in doc]
    assert "New Delhi" in words and _tokens_where(doc, lambda w: w == "New Delhi") == [0]


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


def _without_prefix(pat: re.Pattern[str], prefix: str) -> re.Pattern[str]:
    """``pat`` without its first-character test (the pattern as it was before)."""
    assert pat.pattern.startswith(prefix)
    rest = pat.pattern[len(prefix) :]
    if prefix.endswith("(?:"):
        assert rest.endswith(")")
        rest = rest[:-1]
    return re.compile(rest, pat.flags)


_PROSE = (
    "Mr. Lee met Gen. Park on 4 May. The Foreign Ministry said so.\n\n"
    "See https://example.org/a.b for the text. Talks resumed (in Oslo); both sides, "
    "however, disagreed - and the Council for Arctic Studies of the North urged calm. "
    "The USS Arleigh Burke and HMS Daring sailed; a Su-57 and Type 055 destroyers "
    "followed. Exercise Northern Shield 2023 and Operation Polar Gate were drills. "
    "The Kirov-class cruiser, the Trans-Caspian pipeline and Resolution 2231 came up, "
    'as did the "Monroe Doctrine" and the Treaty on the Non-Proliferation of Nuclear '
    "Weapons. Dr. J. Smith wrote it!\n"
)


@pytest.mark.parametrize(
    ("module", "name", "prefix"),
    [
        ("relnlp.timex._lexicon", "_SENT_END", "(?=[.!?\\nhw])(?:"),
        ("relnlp.themes.features", "_CLAUSE_END", "(?=[\\s\\\"'”’)\\];:(),–—])(?:"),
        ("relnlp.pipeline._offices", "_BODY", "(?=[A-Z])"),
        ("relnlp.pipeline._military", "_DESIGNATOR", "(?=[A-Z])"),
        ("relnlp.pipeline._military", "_SHIP", "(?=[A-Z])"),
        ("relnlp.pipeline._military", "_YEAR_NAME", "(?=[A-Zot])"),
    ],
)
def test_first_character_tests_change_no_match(module: str, name: str, prefix: str) -> None:
    import importlib

    pat = getattr(importlib.import_module(module), name)
    plain = _without_prefix(pat, prefix)
    found = [(m.span(), m.groups()) for m in pat.finditer(_PROSE)]
    assert found == [(m.span(), m.groups()) for m in plain.finditer(_PROSE)]
    assert found  # the text has matches of every pattern


def test_patterns_skipped_without_their_words_still_find_them() -> None:
    from relnlp.pipeline._laws import _NEEDED, find_laws
    from relnlp.pipeline._military import find_corridors, find_designators, find_exercises

    laws = {m.canonical for m in find_laws(_PROSE)}
    assert {"Monroe Doctrine", "United Nations Security Council Resolution 2231"} <= laws
    assert any(c.startswith("Treaty on the Non-Proliferation") for c in laws)
    plan = "Beijing adopted the 14th Five-Year Plan and the Concept of Security of the Union."
    assert {m.canonical for m in find_laws(plan)} >= {"14th Five-Year Plan"}
    assert any(m.canonical.startswith("Concept of Security") for m in find_laws(plan))
    for pat, words in _NEEDED.items():  # each needed word can occur in a match
        assert all(w in pat.pattern for w in words)
    designators = {m.canonical for m in find_designators(_PROSE)}
    assert {"Type 055", "Kirov-class", "USS Arleigh Burke", "HMS Daring"} <= designators
    assert {m.canonical for m in find_exercises(_PROSE)} >= {"Operation Polar Gate"}
    assert [m.canonical for m in find_corridors(_PROSE)] == ["Trans-Caspian Pipeline"]
    # without the words, nothing (and no scan)
    assert not list(find_laws("The pact on trade was signed.")) and not list(
        find_corridors("the pipeline across the sea")
    )


def test_url_and_embassy_guards_keep_their_matches() -> None:
    from relnlp.gazetteer import load_gazetteer
    from relnlp.pipeline._archival import find_embassies
    from relnlp.timex.patterns import _URL, _URL_NEEDS

    for text in (
        "archived at https://example.net/2019/05/brief on 3 May 2019",
        "see www.example.org/2019/05 and report.pdf of 2019",
        "the file notes.htm and minutes.gov.uk were cited",
    ):
        assert list(_URL.finditer(text)) and any(w in text for w in _URL_NEEDS)
    assert not any(w in "Talks on 3 May 2019 in Oslo." for w in _URL_NEEDS)
    gaz = load_gazetteer()
    text = "The French Embassy in Japan and the Embassy in Egypt replied."
    found = [m.canonical for m in find_embassies(text, gaz)]
    assert len(found) == 2 and all(c.startswith("Embassy of") for c in found)
    assert list(find_embassies("The embassy replied.", gaz)) == []


def test_char_tokens_are_the_expanded_char_spans() -> None:
    # Double spaces, a line break, a space before the end and offsets past the text.
    text = "The  envoys met\nin Oslo ,  then left. "
    doc = spacy.blank("en")(text)
    tokens = char_tokens(doc)
    for a in range(-1, len(text) + 2):
        for b in range(a + 1, len(text) + 3):
            span = doc.char_span(a, b, alignment_mode="expand")
            assert tokens(a, b) == (None if span is None else (span.start, span.end)), (a, b)
    assert char_tokens(spacy.blank("en")(""))(0, 1) is None


def test_doc_parse_is_the_tokens_parse(nlp: Any) -> None:
    doc = nlp.nlp("The envoys did not sign the accord, but the talks may resume in June.")
    p = DocParse(doc)
    for t in doc:
        assert p.head[t.i] == t.head.i and p.children[t.i] == [c.i for c in t.children]
        assert (p.dep[t.i], p.lower[t.i], p.pos[t.i]) == (t.dep_, t.lower_, t.pos_)
        assert p.lemma[t.i] == t.lemma_.lower() and p.alpha[t.i] == t.is_alpha
    assert DocParse(nlp.nlp("")).head == []


@pytest.mark.parametrize(
    ("text", "word", "neg", "hedge"),
    [
        ("The two navies did not hold the drill.", "drill", True, False),
        ("The envoys no longer support the plan.", "support", True, False),
        ("Officials ceased the aid to the rebels.", "aid", True, False),
        ("The ministers might sign a trade accord.", "sign", False, True),
        ("The two navies held a joint drill.", "drill", False, False),
    ],
)
def test_tone_scope_on_the_parse(nlp: Any, text: str, word: str, neg: bool, hedge: bool) -> None:
    doc = nlp.nlp(text)
    p = DocParse(doc)
    i = next(t.i for t in doc if t.text == word)
    assert (negated(p, i), hedged(p, i)) == (neg, hedge)


def test_title_scan_reads_every_token_a_title_can_follow() -> None:
    """titled_people tests only the tokens after a word that can close a title; on
    sentences written for the test, every token _title_before accepts is among them."""
    from relnlp.pipeline._titled import _may_close_title, _title_before

    nlp = spacy.blank("en")
    text = (
        "Yesterday Chancellor Brandvik met the Secretary of State Orlow and HER MOTHER "
        "Ilse; the geologist Per Vannes, Their cousin Mirela and Dr. Aalto came too. "
        "The State of Kerala and the secretary of state Nimmo were not titles here, "
        "nor was the mother ship."
    )
    doc = nlp(text)
    accepted = [i for i in range(len(doc)) if _title_before(doc, i)]
    after = {j + 1 for j in _tokens_where(doc, _may_close_title)}
    assert set(accepted) <= after
    names = {doc[i].text for i in accepted}
    assert {"Brandvik", "Orlow", "Ilse", "Per", "Mirela", "Aalto"} <= names
    assert "ship" not in names and "Nimmo" not in names


def test_token_table_is_read_anew_after_a_merge_or_a_split() -> None:
    """span_texts and distinct_words read a Doc's arrays once while its tokens stay the
    same, trusting a Doc with a tensor while the tensor is the same object: merging or
    splitting tokens must give the new tokens' texts (spaCy replaces the tensor)."""
    import numpy as np

    from relnlp.pipeline import _token_table

    for tensor in (True, False):
        doc = spacy.blank("en")("Talks in New Delhi and Kyiv ended on 3 May.")
        if tensor:
            doc.tensor = np.ones((len(doc), 4), dtype="float32")
        first = _token_table(doc)
        assert span_texts(doc)(2, 4) == "New Delhi"
        assert _token_table(doc) is first  # the same tokens: kept
        with doc.retokenize() as retok:
            retok.merge(doc[2:4])
        assert _token_table(doc) is not first
        text_of = span_texts(doc)
        assert [text_of(i, i + 1) for i in range(len(doc))] == [t.text for t in doc]
        words, inverse = distinct_words(doc)
        assert [words[k] for k in inverse] == [t.text for t in doc]
        merged = _token_table(doc)
        kyiv = next(t for t in doc if t.text == "Kyiv")
        with doc.retokenize() as retok:
            retok.split(kyiv, ["Ky", "iv"], heads=[(kyiv, 1), doc[1]])
        assert _token_table(doc) is not merged
        text_of = span_texts(doc)
        assert [text_of(i, i + 1) for i in range(len(doc))] == [t.text for t in doc]
        words, inverse = distinct_words(doc)
        assert [words[k] for k in inverse] == [t.text for t in doc]
        # a merge and a split at once keep the number of tokens
        n, before = len(doc), _token_table(doc)
        with doc.retokenize() as retok:
            retok.merge(doc[0:2])  # "Talks in"
            ended = next(t for t in doc if t.text == "ended")
            retok.split(ended, ["end", "ed"], heads=[(ended, 1), doc[4]])
        assert len(doc) == n and _token_table(doc) is not before
        text_of = span_texts(doc)
        assert [text_of(i, i + 1) for i in range(len(doc))] == [t.text for t in doc]
        assert "Talks in" in distinct_words(doc)[0]


def test_facility_head_scan_reads_every_head_end() -> None:
    """_before_lower_heads tests only the tokens a lower-case facility head can end in;
    on a sentence written for the test, every token _lower_head accepts is among them."""
    from relnlp.pipeline._facilities import _HEAD_ENDS, _lower_head

    doc = spacy.blank("en")(
        "Crews left the Velkor dam, the Ostrin prison and the Marra refinery for the "
        "Tuvik air base, the Sarn naval base, a Dovra military base, the Ilm power plant, "
        "the Kest power station, the Orva nuclear plant and the Ubal test site; trucks "
        "passed the Lenno railway station, the Pashta border crossing, the Korm "
        "checkpoint, the Vist airfield, an Eska terminal and the Tarn airbase. The Dam "
        "and a Station in capitals are no heads."
    )
    accepted = [k for k in range(2, len(doc)) if _lower_head(doc, k) >= 1]
    assert set(accepted) <= set(_tokens_where(doc, _HEAD_ENDS.__contains__))
    assert len(accepted) == 16  # one head after each name
    assert {doc[k].text for k in accepted} >= {"dam", "base", "site", "crossing", "airbase"}


def test_facility_name_finds_every_head_by_its_last_word() -> None:
    """facility_name looks only at the heads that end in the span's last word; every head
    of the list still names a facility after a capitalised word."""
    from relnlp.pipeline._facilities import FACILITY_HEADS, facility_name

    nlp = spacy.blank("en")
    for head in FACILITY_HEADS:
        doc = nlp(f"Velkor {head}")
        assert facility_name(doc[:]), head
    assert not facility_name(nlp("Velkor Lake")[:])
    assert facility_name(nlp("Port of Ostrin")[:])
