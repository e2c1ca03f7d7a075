"""relnlp's spaCy components. Import :mod:`relnlp.pipeline.factories` to register them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["doc_text"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, which joins every token: the analyser computes it once per report and
    hands it to the report-level components in ``doc.user_data["rel_text"]``."""
    text = doc.user_data.get("rel_text")
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text
