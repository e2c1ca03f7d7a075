"""relnlp runs spaCy's networks on numpy's BLAS (relnlp.pipeline.ops): same decisions."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from thinc.api import NumpyOps

from relnlp.pipeline.ops import _ops, fast_ops_enabled, use_fast_ops

TEXTS = [
    "The foreign ministers of Brazil and Indonesia met in Jakarta on Tuesday to sign a "
    "fisheries agreement, officials said.",
    "Rebels shelled the outskirts of the provincial capital overnight, and the army "
    "answered with artillery fire before dawn.",
    "Lt. Gen. Maria Okafor told reporters that the joint patrols would resume in early "
    "March once the U.S. Congress approved the funds.",
    "Talks between the two delegations broke down in Geneva after nine hours.",
]


def _annotations(nlp: spacy.language.Language) -> list[list[tuple[str, ...]]]:
    return [
        [(t.tag_, t.dep_, str(t.head.i), t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]
        for doc in nlp.pipe(TEXTS)
    ]


@pytest.fixture(scope="module")
def model_name() -> str:
    import relnlp

    return relnlp.load().model


def test_fast_ops_change_every_network_and_keep_the_annotations(
    model_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELNLP_BLIS", raising=False)
    blis = spacy.load(model_name)
    fast = spacy.load(model_name)
    changed = use_fast_ops(fast)
    assert changed > 50  # tok2vec, tagger, parser and ner nodes
    for name, proc in fast.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            assert all(type(n.ops) is not NumpyOps for n in model.walk()), name
    assert _annotations(fast) == _annotations(blis)


def test_relnlp_blis_keeps_spacys_ops(model_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELNLP_BLIS", "1")
    assert not fast_ops_enabled()
    nlp = spacy.load(model_name)
    assert use_fast_ops(nlp) == 0
    assert type(nlp.get_pipe("parser").model.ops) is NumpyOps


def test_loaded_analyzer_uses_the_fast_ops() -> None:
    import relnlp

    nlp = relnlp.load().nlp
    if not fast_ops_enabled():
        pytest.skip("RELNLP_BLIS is set in this environment")
    assert type(nlp.get_pipe("tok2vec").model.ops) is type(_ops())


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True)])
def test_gemm_matches_blis(trans1: bool, trans2: bool) -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((40, 24)).astype("float32")
    y = rng.standard_normal((24, 40)).astype("float32")
    a = x.T.copy() if trans1 else x
    b = y.T.copy() if trans2 else y
    want = NumpyOps().gemm(a, b, trans1=trans1, trans2=trans2)
    got = _ops().gemm(a, b, trans1=trans1, trans2=trans2)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    out = np.empty_like(want)
    assert _ops().gemm(a, b, out=out, trans1=trans1, trans2=trans2) is out
    np.testing.assert_allclose(out, want, rtol=1e-4, atol=1e-4)
