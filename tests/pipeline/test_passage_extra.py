"""Candidate passage features of the sixth session (relnlp.tone.passage_features)."""

from __future__ import annotations

from typing import Any

from relnlp.tone import aggregate as agg
from relnlp.tone.passage_features import EXTRA_FEATURES, _has_contrast, extra_features

TEXT = (
    "# Andean notes\n\n"
    "This note reviews the year in the Andes.\n\n"
    "## Border disputes\n\n"
    "Chile and Bolivia held talks in La Paz. However, Bolivia still rejects the border.\n\n"
    "## A quiet harbour\n\n"
    "The harbour was dredged in spring and the ferries ran on time."
)


def _col(name: str) -> int:
    return EXTRA_FEATURES.index(name)


def test_contrast_markers() -> None:
    assert _has_contrast("Talks resumed, but no date was set.")
    assert _has_contrast("In spite of the sanctions, trade grew.")
    assert not _has_contrast("Butter exports grew.")


def test_extra_features_of_passages(nlp: Any) -> None:
    r = nlp.analyze(TEXT, doc_date="2020-01-01")
    groups = agg._passage_groups(r)
    feats = extra_features(r, groups)
    coop, tens = feats["cooperation"], feats["tension"]
    assert coop.shape == (len(r.passages), len(EXTRA_FEATURES)) == tens.shape
    first = next(i for i, g in enumerate(groups) if any("talks" in str(t.cues) for t in g))
    last = len(groups) - 1
    # "dispute" in the heading is a tension cue, not a cooperation cue
    assert tens[first, _col("heading")] > 0 and coop[first, _col("heading")] == 0
    # the talks are an event of the cooperation axis
    assert coop[first, _col("event_share")] > 0
    # the quiet passage: no events, no heading cue, no contrast
    assert coop[last].tolist() == [0.0] * len(EXTRA_FEATURES)
