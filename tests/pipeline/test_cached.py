"""The cached attribute ruler and lemmatizer give spaCy's own output, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

import relnlp
from relnlp.about import DEFAULT_MODEL
from relnlp.pipeline.cached import (
    CachedAttributeRuler,
    CachedLemmatizer,
    lemmatizer_cacheable,
    ruler_cacheable,
)

ATTRS = [TAG, POS, LEMMA, MORPH, DEP, HEAD]
SEEDS = sorted((Path(__file__).resolve().parents[2] / "corpora" / "seeds").glob("*.txt"))
# Every kind of pattern of en_core_web_sm's ruler: contractions over two tokens ("ai n't",
# "gon na", "let 's"), expletive "there is", pronouns, white space, odd tags.
CONSTRUCTED = [
    "Y'all gonna do it? I ain't gonna. Let's go, c'mon! There is a dog.  \n\n  There are.\n",
    "He's doin' nothin' 'bout 'em, gotta go. She'd have gone; we'd not.\tIt's hers, not theirs.",
    "The U.S. and the P.R.C. met on Feb. 10 (pp. 79-84). Lt. Gen. Smith did, didn't he?",
    "",
    " ",
    "\n\n",
    "Moscow",
    "ОДКБ и ШОС 栗战书 — “quoted” ‘text’ … 3.5% $10bn",
]


@pytest.fixture(scope="module")
def spacy_nlp() -> Any:
    return spacy.load(DEFAULT_MODEL)


def _parsed(nlp: Any, texts: list[str]) -> list[Any]:
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def _assert_same(nlp: Any, texts: list[str]) -> None:
    ruler, lem = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast_ruler, fast_lem = CachedAttributeRuler(ruler), CachedLemmatizer(lem)
    for doc in _parsed(nlp, texts):
        want, got = doc.copy(), doc.copy()
        lem(ruler(want))
        fast_lem(fast_ruler(got))
        a, b = want.to_array(ATTRS), got.to_array(ATTRS)
        if not np.array_equal(a, b):
            diff = [
                (
                    t.text,
                    t.tag_,
                    t.pos_,
                    t.lemma_,
                    str(t.morph),
                    u.tag_,
                    u.pos_,
                    u.lemma_,
                    str(u.morph),
                )
                for t, u in zip(want, got)
                if (t.tag_, t.pos_, t.lemma_, str(t.morph))
                != (u.tag_, u.pos_, u.lemma_, str(u.morph))
            ]
            pytest.fail(f"cached components differ on {doc.text[:60]!r}: {diff[:5]}")


def test_cached_components_reproduce_spacy_on_seeds_and_constructed_text(spacy_nlp: Any) -> None:
    texts = [p.read_text("utf-8") for p in SEEDS] + CONSTRUCTED
    _assert_same(spacy_nlp, texts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "There",
                "is",
                "ai",
                "n't",
                "gon",
                "na",
                "let",
                "'s",
                "I",
                "me",
                "it",
                "her",
                "did",
                "had",
                "been",
                "'d",
                "that",
                "Putin",
                "the",
                "talks",
                ".",
                ",",
                "\n",
                "  ",
                "can",
                "wo",
                "Y'",
                "all",
                "got",
                "ta",
            ]
        ),
        max_size=30,
    )
)
def test_cached_components_reproduce_spacy_on_random_token_soup(
    spacy_nlp: Any, words: list[str]
) -> None:
    _assert_same(spacy_nlp, [" ".join(words), "".join(words)])


def test_cached_components_are_used_by_relnlp_and_serialise() -> None:
    nlp = relnlp.load().nlp
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    ruler = nlp.get_pipe("attribute_ruler")
    data = ruler.to_bytes()
    fresh = spacy.blank("en").add_pipe("relnlp_attribute_ruler")
    fresh.from_bytes(data)
    assert len(fresh.patterns) == len(ruler.patterns) > 100
    assert fresh._exact and len(fresh._multi) == len(ruler._multi)


def test_cached_ruler_rebuilds_after_new_patterns(spacy_nlp: Any) -> None:
    fast = CachedAttributeRuler(
        spacy_nlp.get_pipe("attribute_ruler").__class__(spacy_nlp.vocab, "attribute_ruler")
    )
    fast.add([[{"LOWER": "spoke"}]], {"LEMMA": "SPEAK"})
    doc = _parsed(spacy_nlp, ["Putin spoke."])[0]
    fast(doc)
    assert [t.lemma_ for t in doc[:2]] == ["", "SPEAK"]
    fast.add([[{"LOWER": "putin"}]], {"LEMMA": "PUTIN"})
    fast(doc)
    assert [t.lemma_ for t in doc[:2]] == ["PUTIN", "SPEAK"]


def test_cacheable_refuses_what_it_cannot_reproduce(spacy_nlp: Any) -> None:
    ruler = spacy_nlp.get_pipe("attribute_ruler").__class__(spacy_nlp.vocab, "r")
    ruler.add([[{"LOWER": "a", "OP": "?"}]], {"POS": "DET"})
    assert not ruler_cacheable(ruler)
    assert CachedAttributeRuler(ruler)._exact is False  # runs the ruler as it is
    assert lemmatizer_cacheable(spacy_nlp.get_pipe("lemmatizer"))

    class Other:
        mode = "neural"

    assert not lemmatizer_cacheable(Other())


def _pair() -> tuple[Any, Any]:
    """A plain en_core_web_sm and one with relnlp's cached rule components."""
    from relnlp._spacy_setup import cache_rule_components as _cache_rule_components
    from relnlp.pipeline import factories  # noqa: F401  (registers the factories)

    plain, cached = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    _cache_rule_components(cached)
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    return plain, cached


def test_cached_lemmas_survive_a_memory_zone() -> None:
    """Strings added inside spaCy's memory_zone() are forgotten when it ends; the cache
    must not hand out their hashes afterwards."""
    text = "The zorblaxes were gloopifying quickly."
    out = []
    for nlp in _pair():
        with nlp.memory_zone():
            nlp(text)
        out.append([t.lemma_ for t in nlp(text)])
    assert out[0] == out[1] == ["the", "zorblaxe", "be", "gloopifye", "quickly", "."]


@pytest.mark.filterwarnings("ignore::UserWarning")  # W036: a ruler without patterns
def test_cached_components_follow_changes_made_through_the_pipeline() -> None:
    text = "Putin spoke to me."
    seen = []
    for nlp in _pair():
        got = []
        nlp.get_pipe("lemmatizer").overwrite = True  # settings reach the wrapped component
        got.append([t.lemma_ for t in nlp(text)])
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.load_from_tag_map({"NNP": {"POS": "X"}})  # changes the ruler behind our back
        got.append([t.pos_ for t in nlp(text)])
        ruler.clear()
        got.append([t.pos_ for t in nlp(text)])
        seen.append(got)
    assert seen[0] == seen[1]
    assert seen[1][0][3] == "me" and seen[1][1][0] == "X" and seen[1][2] == [""] * 5


def test_cacheable_refuses_lexeme_writes_and_bad_indices(spacy_nlp: Any) -> None:
    def ruler(attrs: dict[str, Any], index: int = 0) -> Any:
        r = spacy_nlp.get_pipe("attribute_ruler").__class__(spacy_nlp.vocab, "r")
        r.add([[{"LOWER": "spoke"}]], {"LEMMA": "SPEAK"})
        r.add([[{"LOWER": "putin"}]], attrs, index=index)
        return r

    assert ruler_cacheable(ruler({"NORM": "vvp"}))
    assert not ruler_cacheable(ruler({"IS_STOP": True}))  # a lexeme flag: from_array cannot
    assert not ruler_cacheable(ruler({"LEMMA": "X"}, index=1))  # spaCy raises E1001 here


def _ruler_with(spacy_nlp: Any, patterns: list[tuple[list[Any], dict[str, Any], int]]) -> Any:
    ruler = spacy_nlp.get_pipe("attribute_ruler").__class__(spacy_nlp.vocab, "r")
    ruler.add([[{"TAG": "NNP"}]], {"POS": "PROPN"})
    for pattern, attrs, index in patterns:
        ruler.add([pattern], attrs, index=index)
    return ruler


@pytest.mark.parametrize(
    "patterns, from_starts",
    [
        # fixed lengths: matched only from the tokens a first token accepts
        (
            [
                ([{"LOWER": "prime"}, {"LOWER": "minister"}], {"LEMMA": "PM"}, -1),
                ([{"LOWER": {"REGEX": "^vice$"}}, {}, {"TAG": "NN"}], {"LEMMA": "V"}, 2),
                ([{"DEP": "det"}, {"LOWER": "minister"}], {"POS": "X"}, 0),
            ],
            True,
        ),
        # a pattern with an operator: matched over the whole Doc
        ([([{"LOWER": "prime"}, {"LOWER": "deputy", "OP": "?"}], {"LEMMA": "P"}, 0)], False),
    ],
)
def test_cached_ruler_longer_patterns_match_as_spacy(
    spacy_nlp: Any, patterns: list[Any], from_starts: bool
) -> None:
    texts = [
        "The prime minister met the vice prime minister. Prime Minister Ito left.",
        "A vice president, the vice chair and a prime deputy minister: prime",
        "minister prime",
    ]
    ruler = _ruler_with(spacy_nlp, patterns)
    fast = CachedAttributeRuler(ruler)
    assert fast._exact and (fast._starts is not None) == from_starts
    applied = 0
    for doc in _parsed(spacy_nlp, texts):
        want, got = doc.copy(), doc.copy()
        ruler(want)
        fast(got)
        assert np.array_equal(want.to_array(ATTRS), got.to_array(ATTRS)), doc.text
        assert [t.lemma_ for t in want] == [t.lemma_ for t in got]
        applied += sum(t.lemma_ in {"PM", "V", "P"} or t.pos_ == "X" for t in got)
    assert applied >= 3
