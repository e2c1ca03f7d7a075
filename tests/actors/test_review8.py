"""Entity rules of the eighth session narrowed after its review: a name the gazetteer knows
as a place or a body keeps its label after an occupation noun, and a facility head word
yields to the gazetteer's own label. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _labels(nlp: Any, text: str) -> dict[str, str]:
    r = nlp.analyze(text, doc_date="2023-01-01")
    return dict(zip(r.entities["text"], r.entities["label"]))


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The diplomat Washington sent to Kyiv met the mayor.", "Washington", "GPE"),
        (
            "The lawyer Amnesty International hired filed the appeal.",
            "Amnesty International",
            "ORG",
        ),
        ("The journalist Reuters interviewed was released on bail.", "Reuters", "ORG"),
        # a seat of government is FAC as a span (guidelines 8; fourteenth entity pass)
        ("Downing Street said the talks would resume.", "Downing Street", "FAC"),
        # the rules still fire where they should
        ("Her mother Agnes died in 1900.", "Agnes", "PERSON"),
        ("Protesters gathered on Bank Street at noon.", "Bank Street", "FAC"),
    ],
)
def test_label(nlp: Any, text: str, name: str, label: str) -> None:
    assert _labels(nlp, text).get(name) == label


def test_rank_and_surname_on_an_empty_span_at_the_end(nlp: Any) -> None:
    """A span trimmed to nothing at the document's end is no rank and surname (hypothesis
    found '&&&' raising IndexError)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from relnlp.pipeline._archival import rank_and_surname

    doc = Doc(Vocab(), words=["&", "&", "&"])
    assert rank_and_surname(doc, 3, 3) is False
    assert nlp.analyze("&&&").entities.empty


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The Camp Was Quiet After The Storm", "Camp Was", None),
        ("Marines returned to Camp Lejeune on Friday.", None, "Camp Lejeune"),
    ],
)
def test_an_installation_name_is_no_auxiliary(
    nlp: Any, text: str, absent: str | None, present: str | None
) -> None:
    found = _labels(nlp, text)
    if absent is not None:
        assert absent not in found, found
    if present is not None:
        assert found.get(present) == "FAC", found
