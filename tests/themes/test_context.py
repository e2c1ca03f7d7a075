"""Section heading and list lead-in as the context of a passage (issue 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from relnlp.themes import LabelledPassage, Taxonomy, ThemeClassifier, ThemeModel, train
from relnlp.themes.context import passage_contexts

# Written for these tests.
TEXT = """---
title: A report
---

### Freight and Sanctions

Officials listed three obstacles:

- slow border checks at the crossing
- a shortage of wagons

![map](https://example.org/map.png)

_▲ A caption under the map._

The second section begins here with a long paragraph about something else entirely.
"""


def _spans(text: str, *starts: str) -> list[tuple[int, int]]:
    out = []
    for s in starts:
        a = text.index(s)
        out.append((a, text.index("\n", a)))
    return out


def test_context_heading_and_list_lead_in() -> None:
    spans = _spans(TEXT, "Officials", "- slow", "- a shortage", "The second")
    got = passage_contexts(TEXT, spans)
    assert got[0] == "Freight and Sanctions"
    assert got[1] == "Freight and Sanctions | Officials listed three obstacles:"
    assert got[2] == got[1]  # the next item of the same list keeps the lead-in
    # Images, captions and front matter are no headings; the last heading carries on.
    assert got[3] == "Freight and Sanctions"


@pytest.mark.issue(18)
def test_context_informs_short_items_and_round_trips(tmp_path: Path) -> None:
    tax = Taxonomy.default()
    labelled = [
        LabelledPassage(
            "- the second stage opened in May", ("geoeconomics",), "a", "Tariffs and freight"
        ),
        LabelledPassage(
            "- loading began at the new yard", ("geoeconomics",), "a", "Freight and tariffs"
        ),
        LabelledPassage("- the cells moved north", ("counterterrorism",), "b", "Militant networks"),
        LabelledPassage(
            "- recruits were trained online", ("counterterrorism",), "b", "Militant recruitment"
        ),
        LabelledPassage("- the museum reopened", (), "c", "Culture"),
        LabelledPassage("- the choir sang", (), "c", "Culture and arts"),
    ]
    model = train(labelled, tax, C=10.0, context_prior=True)
    assert model.context_prior and any(v.startswith("ctx:") for v in model.vocabulary)
    clf = ThemeClassifier(tax, model)
    item = "- the third stage opened"
    with_ctx = clf.classify(item, "Freight and tariffs").scores["geoeconomics"]
    without = clf.classify(item, "Culture").scores["geoeconomics"]
    assert with_ctx > without
    model.save(tmp_path / "m")
    again = ThemeClassifier(tax, ThemeModel.load(tmp_path / "m"))
    assert again.classify(item, "Freight and tariffs").scores["geoeconomics"] == pytest.approx(
        with_ctx, abs=1e-4
    )


def test_packaged_model_has_a_fold_for_every_training_report() -> None:
    from relnlp.themes.loading import packaged_model_path

    base = packaged_model_path()
    assert base is not None and base.name == "themes-v2"
    model = ThemeModel.load(base)
    docs: Any = model.info["training_docs"]
    assert len(docs) >= 8
    for doc_id in docs:
        fold = ThemeModel.load(base / "folds" / doc_id)
        assert doc_id not in fold.info["training_docs"]
