"""Gazetteer phrase matching without a Doc per surface (issue 19, load time): the same
matches as spaCy's PhraseMatcher, and a packaged token table that is current."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from relnlp.about import DEFAULT_MODEL
from relnlp.lang import customize_tokenizer
from relnlp.pipeline._phrases import TOKENS_FILE, PhraseIndex, pattern_tokens, tokenizer_key
from tests.conftest import SEEDS

_PARSERLESS = ["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler", "lemmatizer"]


@pytest.fixture(scope="module")
def tok_nlp() -> Any:
    """relnlp's tokenizer on the default model, nothing else."""
    return customize_tokenizer(spacy.load(DEFAULT_MODEL, exclude=_PARSERLESS))


def _surfaces() -> list[str]:
    from relnlp.gazetteer import load_gazetteer, quote_variants

    g = load_gazetteer()
    return [v for s in g.surfaces if s not in g.ambiguous for v in quote_variants(s)]


def test_index_finds_what_phrase_matcher_finds_in_the_same_order(tok_nlp: Any) -> None:
    surfaces = _surfaces()
    # Extra patterns written for this test: overlapping, nested, one a prefix of
    # another, a symbol name ("ORG") whose id is not a hash, punctuation inside.
    surfaces += [
        "Port Vell",
        "Port Vell Harbour",
        "Vell Harbour Authority",
        "ORG",
        "ORG",
        "Q.E.D. Board",
        "Board",
        "Lake Tiv-Oro",
        "(Tiv)",
    ]
    matcher = PhraseMatcher(tok_nlp.vocab, attr="ORTH")
    docs = [tok_nlp.make_doc(s) for s in surfaces]
    for i in range(0, len(docs), 1000):
        matcher.add("GAZ", docs[i : i + 1000])
    index = PhraseIndex(pattern_tokens(tok_nlp, surfaces))
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [
        "At Port Vell Harbour Authority the ORG and the Q.E.D. Board met by Lake "
        "Tiv-Oro (Tiv) , Port Vell Harbour",
        "",
        "Board",
    ]
    total = 0
    for text in texts:
        doc = tok_nlp.make_doc(text)
        want = [(s, e) for _k, s, e in matcher(doc)]
        assert index(doc) == want
        total += len(want)
    assert total > 500  # the seeds name many gazetteer entries


def test_packaged_token_table_is_current(tok_nlp: Any) -> None:
    """Fails when a gazetteer file, the tokenizer rules, spaCy or the model changed
    without ``python scripts/build_gazetteer_tokens.py`` (then update_manifest.py):
    results would not change, but every load would tokenise the surfaces again."""
    data = json.loads((resources.files("relnlp") / "data" / TOKENS_FILE).read_text("utf-8"))
    assert data["tokenizer_key"] == tokenizer_key(tok_nlp)
    surfaces = _surfaces()
    assert set(surfaces) <= set(data["tokens"])
    for sf in surfaces[::25]:
        assert data["tokens"][sf] == [t.text for t in tok_nlp.make_doc(sf)], sf


def test_the_loaded_pipeline_has_the_same_tokenizer_key(nlp: Any, tok_nlp: Any) -> None:
    assert tokenizer_key(nlp.nlp) == tokenizer_key(tok_nlp) is not None


def test_surfaces_not_in_the_table_are_tokenised_at_load(tok_nlp: Any) -> None:
    new = ["Zorvath-Keller Inter-Basin Council", "St. Orvane's (N.W.) Port"]
    assert pattern_tokens(tok_nlp, new) == [[t.text for t in tok_nlp.make_doc(s)] for s in new]


def test_another_tokenizer_does_not_use_the_table() -> None:
    blank = spacy.blank("en")
    key = tokenizer_key(blank)
    assert key is not None and key != tokenizer_key(
        customize_tokenizer(spacy.load(DEFAULT_MODEL, exclude=_PARSERLESS))
    )
    # "U.S.-led" splits differently without relnlp's rules; the table must not be used.
    assert pattern_tokens(blank, ["U.S.-led"]) == [[t.text for t in blank.make_doc("U.S.-led")]]
