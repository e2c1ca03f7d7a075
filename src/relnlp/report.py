"""The :class:`Report`: one analysed report, its tables and its offset mapping.

Every table is built on first use by :mod:`relnlp.tables` from the records the components
left on the Doc (:mod:`relnlp.records`) and cached on the report.
"""

from __future__ import annotations

import functools
import json
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from spacy.tokens import Doc

from relnlp import schemas
from relnlp.io import CleanView, Document

__all__ = ["Report"]


@dataclass
class Report:
    """The analysis of one report: tables with offsets into the analysed text.

    Attributes
    ----------
    doc_id : str
        The document's id (given, the file stem, or a content hash).
    text : str
        The analysed text; every table's ``start``/``end`` refers to it.
    document : Document
        The report's structure (title, sections, passages, footnotes, chronology).
    doc : spacy.tokens.Doc
        The spaCy Doc, built on the markup-free view of ``text`` (``view``).
    view : CleanView
        Maps offsets of ``doc`` (markup removed) back to ``text``.
    meta : dict
        relnlp, model and table versions; doc_date and where it came from.
    """

    doc_id: str
    text: str
    document: Document
    doc: Doc
    view: CleanView
    meta: dict[str, Any]
    # Built on first use (not constructor parameters): the tables, and the arrays several
    # tables share (:mod:`relnlp.tables`).
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False)
    _cache: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    # Tables -----------------------------------------------------------------------
    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (white space excluded)."""
        return self._table("tokens")

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence."""
        return self._table("sentences")

    @property
    def entities(self) -> pd.DataFrame:
        """Named entities with ``label`` and ``canonical``."""
        return self._table("entities")

    @property
    def actors(self) -> pd.DataFrame:
        """One row per canonical actor: label, mentions, first offset, roles."""
        return self._table("actors")

    @property
    def events(self) -> pd.DataFrame:
        """Who did what to whom: one row per action between actors (:mod:`relnlp.events`)."""
        return self._table("events")

    @property
    def dates(self) -> pd.DataFrame:
        """Temporal expressions with TIMEX3 ``value``, ``type`` and ``mod``."""
        return self._table("dates")

    @property
    def passages(self) -> pd.DataFrame:
        """Paragraphs, chronology entries and footnotes, with themes and scores."""
        return self._table("passages")

    @property
    def documents(self) -> pd.DataFrame:
        """One row describing the document."""
        return self._table("documents")

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name."""
        return {name: self._table(name) for name in schemas.TABLES}

    def to_json(self, *, indent: int | None = None) -> str:
        """The report's meta data and tables as a JSON string (records per table)."""
        out: dict[str, Any] = {"doc_id": self.doc_id, "meta": self.meta, "tables": {}}
        for name, df in self.tables().items():
            out["tables"][name] = json.loads(df.to_json(orient="records", force_ascii=False))
        return json.dumps(out, ensure_ascii=False, indent=indent)

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            from relnlp import tables

            self._tables[name] = tables.build(name, self)
        return self._tables[name]

    # Offsets ---------------------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``doc`` (character offsets) to ``text``."""
        return self.view.to_raw(start, end)

    @functools.cached_property
    def passage_starts(self) -> list[int]:
        """Start offsets of the passages (for locating a sentence's passage)."""
        return [p.start for p in self.document.passages]

    def passage_of_many(self, raw_starts: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """Vectorised :meth:`passage_of`."""
        pos = np.asarray(raw_starts, dtype=np.int64)
        passages = self.document.passages
        if not passages or pos.size == 0:
            return np.full(pos.shape, -1, dtype=np.int64)
        starts = np.asarray(self.passage_starts, dtype=np.int64)
        ends = np.array([p.end for p in passages], dtype=np.int64)
        ids = np.array([p.id for p in passages], dtype=np.int64)
        i = np.searchsorted(starts, pos, side="right") - 1
        j = np.maximum(i, 0)
        inside = (i >= 0) & (pos < ends[j])
        return np.where(inside, ids[j], -1)

    def passage_of(self, raw_start: int) -> int:
        """Passage id containing a raw offset, or -1."""
        i = bisect_right(self.passage_starts, raw_start) - 1
        if i >= 0 and raw_start < self.document.passages[i].end:
            return self.document.passages[i].id
        return -1

    def __repr__(self) -> str:
        return (
            f"Report(doc_id={self.doc_id!r}, chars={len(self.text)}, "
            f"tokens={len(self.doc)}, passages={len(self.document.passages)})"
        )
