"""The learned sentence model (models/tone-v1) and the sentence scores it gives.

Sentences are written for these tests (none comes from the seeds or the dev sets).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from relnlp.errors import ResourceError
from relnlp.tone.model import CLASSES, RULE_FEATURES, ToneModel, analyzer, load_packaged
from tests.conftest import assert_offsets


def _one(nlp: Any, text: str) -> Any:
    r = nlp.analyze(text, doc_date="2021-03-01")
    assert len(r.sentences) == 1, r.sentences["text"].tolist()
    return r.sentences.iloc[0]


def test_tone_model_loads_offline_from_the_package() -> None:
    m = load_packaged()
    assert len(m.vocabulary) > 1000
    assert m.coef.shape == (len(m.vocabulary) + len(RULE_FEATURES), len(CLASSES))
    assert m.info["name"] == "tone-v1"
    for name in ("un", "news"):  # the model card records the held-out rows, not texts
        assert m.info["data"][name]["heldout_rows"]
        assert len(m.info["data"][name]["sha256"]) == 64
    p = m.predict_proba(["Both ministers signed a trade agreement."], [(0.0,) * 6])
    assert p.shape == (1, len(CLASSES)) and math.isclose(float(p.sum()), 1.0)


def test_tone_model_refuses_a_broken_folder(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"\[E109\]"):
        ToneModel.load(tmp_path)
    load_packaged().save(tmp_path)
    meta = json.loads((tmp_path / "tone_model.json").read_text())
    meta["format_version"] = 99
    (tmp_path / "tone_model.json").write_text(json.dumps(meta))
    with pytest.raises(ResourceError, match=r"\[E109\].*format"):
        ToneModel.load(tmp_path)


def test_tone_model_arrays_round_trip_and_version_2_files_still_load(tmp_path: Path) -> None:
    m = load_packaged()
    m.save(tmp_path / "v3")
    head = json.loads((tmp_path / "v3" / "tone_model.json").read_text())
    assert head["format_version"] == 3 and "coef" not in head  # the arrays are in the npz
    v3 = ToneModel.load(tmp_path / "v3")
    # A version 2 folder: the same model with its arrays inside the JSON file.
    v2 = tmp_path / "v2"
    v2.mkdir()
    head.update(
        format_version=2,
        vocabulary=m.vocabulary,
        idf=m.idf.tolist(),
        rule_scale=m.rule_scale.tolist(),
        coef=m.coef.tolist(),
        intercept=m.intercept.tolist(),
        nb_log_prob=None if m.nb_log_prob is None else m.nb_log_prob.tolist(),
    )
    (v2 / "tone_model.json").write_text(json.dumps(head))
    old = ToneModel.load(v2)
    for other in (v3, old):
        assert other.vocabulary == m.vocabulary
        for name in ("idf", "rule_scale", "coef", "intercept", "nb_log_prob"):
            assert np.array_equal(getattr(other, name), getattr(m, name)), name
    text = ["The two navies held a joint exercise and then traded accusations."]
    rules = [(0.2, 0.1, 0.0, 0.0, 0.0, 0.0)]
    assert np.array_equal(old.predict_proba(text, rules), v3.predict_proba(text, rules))


def test_tone_model_refuses_arrays_that_need_pickle_or_a_broken_npz(tmp_path: Path) -> None:
    load_packaged().save(tmp_path)
    npz = tmp_path / "tone_model.npz"
    with np.load(npz) as f:
        arrays = {k: f[k] for k in f.files}
    arrays["coef"] = np.array([{"not": "an array"}], dtype=object)
    with open(npz, "wb") as fh:
        np.savez(fh, **arrays)
    with pytest.raises(ResourceError, match=r"\[E109\]"):
        ToneModel.load(tmp_path)
    npz.write_bytes(b"not a zip file")
    with pytest.raises(ResourceError, match=r"\[E109\]"):
        ToneModel.load(tmp_path)


def test_tone_model_features_equal_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [
        "Lima and Quito agreed to reopen the border crossing.",
        "The embassy protested against the detention of 12 sailors.",
        "Talks were postponed; talks resume in May.",
    ]
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(texts)
    vocab = [t for t, _i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
    n = len(RULE_FEATURES)
    m = ToneModel(vocab, vec.idf_, np.ones(n), np.zeros((len(vocab) + n, 5)), np.zeros(5))
    texts.append("")  # a text without a known term is a zero row
    assert np.allclose(m.tfidf(texts).toarray(), vec.transform(texts).toarray())


def test_tone_model_analyzer_folds_numbers_and_keeps_placeholders() -> None:
    terms = analyzer("The _org_ met in 2019 and 2021")
    assert "_org_" in terms and "2019" not in terms
    assert "# 0 " in terms and terms.count("# 0 ") == 2  # any number is the same number
    assert "#met " in terms  # char n-grams are prefixed, never words


def test_sentence_scores_separate_cooperation_from_conflict(nlp: Any) -> None:
    coop = _one(nlp, "The two governments signed a memorandum on joint flood relief.")
    conf = _one(nlp, "Militias shelled the border town and killed nine civilians.")
    # (tone-v1 calls the memorandum neutral, with cooperation well above tension: the
    # UN coding counts many procedural agreements as "irrelevant")
    assert coop["tone_class"] not in {"verbal_conflict", "material_conflict"}
    assert conf["tone_class"] == "material_conflict"
    assert coop["cooperation"] > 2 * coop["tension"]
    assert conf["tension"] > 0.5 > conf["cooperation"]
    for s in (coop, conf):
        assert 0 <= s["cooperation"] <= 1 and 0 <= s["tension"] <= 1
        assert s["cooperation"] + s["tension"] <= 1 + 1e-9


@pytest.mark.parametrize(
    ("plain", "negated"),
    [
        (
            "The naval partnership between Oslo and Reykjavik lasted for a decade.",
            "The naval partnership between Oslo and Reykjavik did not last.",
        ),
        (
            "Ankara continued its economic aid to the island.",
            "Ankara ceased virtually all economic aid to the island.",
        ),
        (
            "The customs officers of both states cooperate on smuggling cases.",
            "The customs officers of both states no longer cooperate on smuggling cases.",
        ),
        (
            "The mediators reached an agreement on the water dispute.",
            "The mediators failed to reach an agreement on the water dispute.",
        ),
    ],
)
def test_negation_scope_lowers_cooperation(nlp: Any, plain: str, negated: str) -> None:
    a, b = _one(nlp, plain), _one(nlp, negated)
    assert b["cooperation"] < a["cooperation"]
    assert b["tension"] > a["tension"]
    assert any("[negated" in c for c in b["tone_cues"])
    assert b["rule_tension"] > 0 and b["rule_cooperation"] == 0


def test_reported_speech_is_marked(nlp: Any) -> None:
    s = _one(nlp, "A spokesman said that Minsk had condemned the new tariffs.")
    assert any("reported" in c for c in s["tone_cues"])
    assert s["tension"] > s["cooperation"]


def test_names_are_not_cues(nlp: Any) -> None:
    from relnlp.pipeline.tone import masked_text

    r = nlp.analyze(
        "Officials of the Shanghai Cooperation Organisation arrived in Astana.",
        doc_date="2021-03-01",
    )
    s = r.sentences.iloc[0]
    assert not any("Cooperation" in c for c in s["tone_cues"])
    masked = masked_text(r.doc, next(iter(r.doc.sents)))
    assert "Cooperation" not in masked and "_org_" in masked


def test_sentences_table_has_tone_columns_and_offsets(nlp: Any) -> None:
    text = (
        "# Notes\n\nThe ministers **welcomed** the accord. Rebels attacked a convoy "
        "near the river.\n\nNo meeting is planned"
    )
    r = nlp.analyze(text, doc_date="2021-03-01")
    s = r.sentences
    for col in ("cooperation", "tension", "tone_class", "tone_cues"):
        assert col in s.columns
    assert_offsets(text, s, "sentences")
    assert s["cooperation"].notna().all() and s["tension"].notna().all()
    assert set(s["tone_class"]) <= set(CLASSES)
    attacked = s[s["text"].str.contains("attacked")].iloc[0]
    assert attacked["tension"] > attacked["cooperation"]


def test_one_line_without_full_stop_is_scored(nlp: Any) -> None:
    r = nlp.analyze("Border guards of the two countries exchanged fire overnight")
    s = r.sentences
    assert len(s) == 1 and s["tension"].iloc[0] > s["cooperation"].iloc[0]
    d = r.documents.iloc[0]
    assert d["tension"] > 0 and d["tension"] == pytest.approx(s["tension"].iloc[0], abs=0.3)


def test_rules_only_when_model_is_off() -> None:
    import spacy

    from relnlp.pipeline import factories  # noqa: F401

    nlp = spacy.blank("en")
    scorer = nlp.add_pipe("relnlp_tone", config={"model": None})
    assert scorer.model is None  # type: ignore[attr-defined]


def test_tone_model_dense_vector_round_trip(tmp_path: Path) -> None:
    n = len(RULE_FEATURES)
    coef = np.zeros((1 + n + 2, len(CLASSES)))
    coef[-1, 0] = 3.0  # the last dense dimension pushes towards verbal_cooperation
    m = ToneModel(
        ["talks"], np.ones(1), np.ones(n), coef, np.zeros(len(CLASSES)), n_dense=2, dense_scale=1.0
    )
    m.save(tmp_path)
    back = ToneModel.load(tmp_path)
    assert back.n_dense == 2
    plain = back.predict_proba(["talks"], [(0.0,) * n])
    pushed = back.predict_proba(["talks"], [(0.0,) * n], [[0.0, 1.0]])
    assert pushed[0, 0] > plain[0, 0]
    assert np.allclose(plain, 1 / len(CLASSES))


def test_tone_model_term_ids_match_the_analyzer() -> None:
    m = load_packaged()
    for text in ["Quito  and\\tLima signed 3 accords on 12 May; the _gpe_ objected.", "", "a"]:
        want = sorted(m._index[t] for t in analyzer(text) if t in m._index)
        assert sorted(m._term_ids(text)) == want
        assert sorted(m._term_ids(text)) == want  # second time from the per-word cache


def test_numbered_names_are_not_cues(nlp: Any) -> None:
    """An exercise called "Cooperation 2019" names an event; the act is the exercise."""
    named = _one(nlp, "Both navies joined the drill Cooperation 2019 near the strait.")
    assert not any('"Cooperation"' in c for c in named["tone_cues"])
    dated = nlp.analyze("In June 2019 the envoys signed a pact.", doc_date="2021-03-01")
    from relnlp.pipeline.tone import masked_text

    assert "June 2019" in masked_text(dated.doc, next(iter(dated.doc.sents)))  # a date


def test_syntax_terms_mark_negated_and_hedged_verbs(nlp: Any) -> None:
    from relnlp.pipeline.tone import syntax_terms

    r = nlp.analyze(
        "Quito did not renew the fishing accord and may impose new duties.", doc_date="2021-03-01"
    )
    doc = r.doc
    terms = syntax_terms(doc, next(iter(doc.sents)), set())
    assert "nv:renew" in terms and "v:renew" not in terms
    assert "hv:impose" in terms and "v:impose" in terms
    assert "vo:renew_accord" in terms


def test_syntax_terms_give_the_verb_tables_quad_class(nlp: Any) -> None:
    from relnlp.pipeline.tone import syntax_terms

    r = nlp.analyze(
        "The rebels shelled the depot, the envoys did not sign the truce and the "
        "ministers might meet in Lisbon.",
        doc_date="2021-03-01",
    )
    doc = r.doc
    terms = syntax_terms(doc, doc[:], set())
    assert "q:material_conflict" in terms  # shelled: an act of force
    assert "nq:verbal_cooperation" in terms and "q:verbal_cooperation" not in terms
    assert "hq:verbal_cooperation" in terms  # "might meet": not an act
    assert not any(t.startswith("q:") for t in syntax_terms(doc, doc[:], set(), None, False))


def test_syntax_terms_join_the_text_as_their_own_features() -> None:
    from relnlp.tone.model import model_text

    text = model_text("No talks.", ["nv:hold", "vo:hold_talk"])
    terms = analyzer(text)
    assert "@nv:hold" in terms and "@vo:hold_talk" in terms
    assert not any("nv:" in t for t in terms if not t.startswith("@"))  # no n-grams of them
    assert [t for t in analyzer("No talks.") if not t.startswith("#")] == [
        "no",
        "talks",
        "no talks",
    ]
    n = len(RULE_FEATURES)
    vec_terms = sorted(set(terms))
    m = ToneModel(
        vec_terms,
        np.ones(len(vec_terms)),
        np.ones(n),
        np.zeros((len(vec_terms) + n, 5)),
        np.zeros(5),
    )
    assert m.syntax
    row = m.tfidf([text]).toarray()[0]
    assert row[vec_terms.index("@nv:hold")] > 0


def test_tone_model_naive_bayes_part_equals_scikit_learn(tmp_path: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.naive_bayes import ComplementNB

    texts = [
        "The envoys signed a fisheries accord.",
        "Gunboats rammed a trawler near the reef.",
        "The council noted the report.",
        "The ministers condemned the raid.",
        "The navy delivered relief supplies.",
    ]
    y = [0, 3, 4, 2, 1]
    rules = np.array(
        [
            [0.5, 0, 0, 0, 0, 0],
            [0, 0.7, 0, 0, 0, 0],
            [0.0] * 6,
            [0, 0.4, 0, 0, 0, 0],
            [0.3, 0, 0, 0, 0, 0],
        ]
    )
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(texts)
    from scipy import sparse

    X = sparse.hstack([vec.transform(texts), sparse.csr_matrix(rules)]).tocsr()
    nb = ComplementNB(alpha=0.1).fit(X, y)
    vocab = [t for t, _i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
    n = len(RULE_FEATURES)
    coef = np.zeros((len(vocab) + n, 5))  # a regression that knows nothing: uniform
    m = ToneModel(
        vocab,
        vec.idf_,
        np.ones(n),
        coef,
        np.zeros(5),
        {},
        0,
        1.0,
        nb.feature_log_prob_.T.copy(),
        0.5,
    )
    p = m.predict_proba(texts, rules)
    assert np.allclose(p, 0.5 * 0.2 + 0.5 * nb.predict_proba(X))
    m.save(tmp_path)  # and it survives the JSON round trip
    again = ToneModel.load(tmp_path)
    assert again.nb_weight == 0.5
    assert np.allclose(again.predict_proba(texts, rules), p, atol=1e-4)


def test_tone_model_term_ids_keep_the_analyzers_order() -> None:
    """Same ids in the analyzer's order (words, bigrams, character n-grams, syntax
    terms): the order fixes the order of the float sums, so the scores' last bits."""
    from relnlp.tone.model import SYNTAX_SEP

    m = load_packaged()
    syntax = next(t for t in m.vocabulary if t.startswith("@"))[1:]
    texts = [
        "The talks, which (the _org_ said) resumed in 2021, stalled;talks\u00a0resumed again.",
        "Envoys of _gpe_ and _gpe_ met; envoys met again\tin May 3rd's round-up.",
        f"Sanctions were lifted.{SYNTAX_SEP}{syntax} {syntax}",
        "ΟΔΟΣ talks: x_y_z __init__ co-operation",
    ]
    for text in texts * 2:  # the second time from the per-word cache
        assert m._term_ids(text) == [m._index[t] for t in analyzer(text) if t in m._index]
