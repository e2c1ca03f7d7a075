"""Build a report's tables (declared in :mod:`relnlp.schemas`) from its Doc and Document.

One builder per table, each reading the records the components left on the Doc
(:mod:`relnlp.records`) by field name. Spans found on the markup-free view are mapped
back to the analysed text, so that for every row ``text == report.text[start:end]``.
Adding a column: a field in its record, the component's writer call, the builder here,
and the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp import schemas
from relnlp.tables._dates import dates
from relnlp.tables._entities import actors, entities
from relnlp.tables._events import events
from relnlp.tables._passages import documents, passages
from relnlp.tables._tokens import sentences, tokens, trimmed_sents

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["build", "trimmed_sents"]

_BUILDERS: dict[str, Callable[[Report], dict[str, Any]]] = {
    "documents": documents,
    "tokens": tokens,
    "sentences": sentences,
    "entities": entities,
    "actors": actors,
    "dates": dates,
    "passages": passages,
    "events": events,
}


def build(name: str, report: Report) -> pd.DataFrame:
    """Build table ``name`` for ``report``."""
    return schemas.make_table(name, _BUILDERS[name](report))
