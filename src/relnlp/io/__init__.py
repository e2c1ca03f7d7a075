"""Reading reports: :func:`read` and the :class:`Document` it returns."""

from __future__ import annotations

from relnlp.io._document import (
    Block,
    ChronologyEntry,
    Document,
    Dropped,
    Footnote,
    Passage,
    Section,
)
from relnlp.io._markup import CleanView, clean_view
from relnlp.io.readers import SUPPORTED, read

__all__ = [
    "SUPPORTED",
    "Block",
    "ChronologyEntry",
    "CleanView",
    "Document",
    "Dropped",
    "Footnote",
    "Passage",
    "Section",
    "clean_view",
    "read",
]
