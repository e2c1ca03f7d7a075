"""Declared output tables: column names, order and dtypes, in one place.

Every table has ``doc_id``, ``start``, ``end`` and ``text``, where ``text`` equals the
analysed text (the raw string given to ``analyze``, or ``Document.text``) sliced by
``[start:end]``. An empty result is an empty frame with these columns.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, cast

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

__all__ = ["DEFAULT_THEME_IDS", "ENTITY_LABELS", "TABLES", "empty_table", "make_table"]

#: Theme ids of the default taxonomy; one score column each in ``passages``.
DEFAULT_THEME_IDS = ("counterterrorism", "color_revolution", "geoeconomics")

#: Entity labels reported in ``entities`` (dates and numbers are not entities; PRODUCT is
#: named weapons, platforms and systems only, see corpora/GUIDELINES.md section 2).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})

_STR = "object"

TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "documents": MappingProxyType(
            {
                "doc_id": _STR,
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "path": _STR,
                "format": _STR,
                "title": _STR,
                "author": _STR,
                "date": _STR,
                "doc_date": _STR,
                "n_chars": "int64",
                "n_tokens": "int64",
                "n_sentences": "int64",
                "n_passages": "int64",
                "taxonomy_version": _STR,
                "cooperation": "float64",
                "tension": "float64",
                "goldstein": "float64",
            }
        ),
        "tokens": MappingProxyType(
            {
                "doc_id": _STR,
                "i": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "lemma": _STR,
                "pos": _STR,
                "tag": _STR,
                "dep": _STR,
                "head": "int64",
                "ent_type": _STR,
                "is_sent_start": "bool",
                "sent_id": "int64",
                "passage_id": "int64",
            }
        ),
        "sentences": MappingProxyType(
            {
                "doc_id": _STR,
                "sent_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "passage_id": "int64",
                "cooperation": "float64",
                "tension": "float64",
                "tone_class": _STR,
                "tone_cues": _STR,
                "rule_cooperation": "float64",
                "rule_tension": "float64",
            }
        ),
        "entities": MappingProxyType(
            {
                "doc_id": _STR,
                "ent_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "label": _STR,
                "canonical": _STR,
                "sent_id": "int64",
                "passage_id": "int64",
                "token_start": "int64",
                "token_end": "int64",
                "source": _STR,
                "role": _STR,
                "affiliation": _STR,
                "country": _STR,
            }
        ),
        "actors": MappingProxyType(
            {
                "doc_id": _STR,
                "actor_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "canonical": _STR,
                "label": _STR,
                "aliases": _STR,
                "roles": _STR,
                "country": _STR,
                "mentions": "int64",
            }
        ),
        "dates": MappingProxyType(
            {
                "doc_id": _STR,
                "date_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "value": _STR,
                "type": _STR,
                "mod": _STR,
                "sent_id": "int64",
                "passage_id": "int64",
                "source": _STR,
            }
        ),
        "passages": MappingProxyType(
            {
                "doc_id": _STR,
                "passage_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "kind": _STR,
                "section": _STR,
                "footnote": "Int64",
                "date": _STR,
                "date_text": _STR,
                "themes": _STR,
                **{t: "float64" for t in DEFAULT_THEME_IDS},
                "evidence": _STR,
                "cooperation": "float64",
                "tension": "float64",
                "tone_cues": _STR,
            }
        ),
        "events": MappingProxyType(
            {
                "doc_id": _STR,
                "event_id": "int64",
                "start": "int64",
                "end": "int64",
                "text": _STR,
                "date": _STR,
                "date_text": _STR,
                "source": _STR,
                "target": _STR,
                "parties": _STR,
                "countries": _STR,
                "type": _STR,
                "cameo": _STR,
                "trigger": _STR,
                "trigger_start": "int64",
                "trigger_end": "int64",
                "negated": "bool",
                "cooperation": "float64",
                "tension": "float64",
                "goldstein": "float64",
                "themes": _STR,
                "cues": _STR,
                "passage_id": "int64",
                "actor_confidence": "float64",
            }
        ),
    }
)


def empty_table(name: str, extra: Sequence[str] = ()) -> pd.DataFrame:
    """An empty frame with the declared columns and dtypes of table ``name``."""
    cols = dict(TABLES[name])
    cols.update({c: "float64" for c in extra})
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in cols.items()})


def make_table(name: str, columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """Build table ``name`` from column lists, in declared order and dtypes.

    Columns beyond the declared ones (e.g. extra theme scores) are appended as given.
    """
    schema = TABLES[name]
    missing = [c for c in schema if c not in columns]
    if missing:
        raise KeyError(f"table {name!r} is missing columns {missing}")
    n = len(next(iter(columns.values()))) if columns else 0
    if n == 0:
        return empty_table(name, [c for c in columns if c not in schema])
    names = list(schema)
    arrays = [_column(columns[c], schema[c]) for c in schema]
    for c in columns:
        if c not in schema:  # dtype inferred by pandas
            inferred = pd.Series(list(columns[c]))
            names.append(c)
            arrays.append(
                inferred.array
                if isinstance(inferred.dtype, ExtensionDtype)
                else inferred.to_numpy()
            )
    return _frame(names, arrays, n)


_FROM_ARRAYS = getattr(pd.DataFrame, "_from_arrays", None)


def _frame(names: list[str], arrays: list[Any], n: int, *, fast: bool = True) -> pd.DataFrame:
    """A DataFrame from equal-length columns of their final dtypes, object arrays kept.

    pandas' public constructor costs more than the analysis of a short report (it infers
    a string dtype from object arrays unless each is wrapped in a Series, then aligns the
    Series' indexes); ``DataFrame._from_arrays`` takes the arrays as they are. It is not
    public API, so the public path stays as the fallback (tests compare both).
    """
    index = pd.RangeIndex(n)
    if fast and _FROM_ARRAYS is not None:
        # a view of the table's column Index, built once (from a list: ~0.1 ms a table)
        columns = _columns(tuple(names)).view()
        try:
            return cast(
                pd.DataFrame,
                _FROM_ARRAYS(arrays, columns=columns, index=index, verify_integrity=False),
            )
        except TypeError:  # a pandas whose private signature changed
            pass
    data = {
        c: pd.Series(a, dtype=object, index=index, copy=False) if _is_object(a) else a
        for c, a in zip(names, arrays)
    }
    return pd.DataFrame(data, index=index, copy=False)


@functools.lru_cache(maxsize=64)
def _columns(names: tuple[str, ...]) -> pd.Index:
    """The column Index of a table (callers take a view: a frame may rename its own)."""
    return pd.Index(list(names))


def _is_object(a: Any) -> bool:
    return isinstance(a, np.ndarray) and a.dtype == object


def _column(values: Sequence[Any], dtype: str) -> Any:
    """One column as an array of its declared dtype (numpy where it can: a pandas Series
    per column costs more than the analysis of a short report)."""
    if dtype == "object":
        if isinstance(values, np.ndarray) and values.dtype == object:
            return values
        arr = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):  # element-wise: lists (themes, cues) stay lists
            arr[i] = v
        return arr
    if dtype in ("int64", "float64", "bool"):
        return np.asarray(values, dtype=dtype)
    return pd.array(list(values), dtype=dtype)
