"""The ``relnlp_dates`` component: TIMEX3 expressions as ``doc.spans["rel_dates"]``.

Each span carries ``span._.rel_type`` (DATE, TIME, DURATION, SET), ``span._.rel_value`` and
``span._.rel_mod``; :func:`relnlp.records.timexes` keeps the exact character spans and
values (:class:`relnlp.records.Timex`). The anchor is the report's date
(``doc._.rel_doc_date``, an ISO string) and, when given, the chronology entries
(:func:`relnlp.records.chronology`). See :mod:`relnlp.timex` for the method.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from relnlp import extensions, records
from relnlp.pipeline import doc_text
from relnlp.timex import Anchor, find_timexes

__all__ = ["DateTagger"]


class DateTagger:
    """Find and normalise temporal expressions (rule-based, HeidelTime-style)."""

    def __init__(self, nlp: Language | None = None, name: str = "relnlp_dates") -> None:
        self.name = name
        extensions.install()

    def __call__(self, doc: Doc) -> Doc:
        anchor = Anchor.from_value(doc._.rel_doc_date)
        chron: Any = records.chronology(doc)
        found = find_timexes(doc_text(doc), anchor=anchor, chronology=list(chron))
        spans = []
        for t in found:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            span._.rel_type = t.type
            span._.rel_value = t.value
            span._.rel_mod = t.mod
            spans.append(span)
        doc.spans["rel_dates"] = spans
        records.set_timexes(
            doc,
            (
                records.Timex(
                    start=t.start,
                    end=t.end,
                    type=t.type,
                    value=t.value,
                    mod=t.mod,
                    anchored=t.anchored,
                )
                for t in found
            ),
        )
        return doc
