"""relnlp: policy and international-relations reports as data.

Importing relnlp is cheap: no spaCy model is loaded, nothing is registered on spaCy's
Doc, no file is read. Call :func:`load` to get an analyser.

Examples
--------
>>> import relnlp
>>> nlp = relnlp.load()
>>> report = nlp.analyze("Putin met Xi in Moscow on May 8, 2015.")
>>> sorted(report.tables())
['actors', 'dates', 'documents', 'entities', 'events', 'passages', 'sentences', 'tokens']
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from relnlp.about import __version__
from relnlp.errors import (
    ConfigError,
    InputError,
    NotFittedError,
    RelnlpError,
    RelnlpWarning,
    ResourceError,
    TaxonomyError,
    filter_warning,
)
from relnlp.io import Document, read
from relnlp.themes.taxonomy import Taxonomy

if TYPE_CHECKING:
    from relnlp.analyzer import Analyzer
    from relnlp.report import Report

logging.getLogger("relnlp").addHandler(logging.NullHandler())

__all__ = [
    "Analyzer",
    "ConfigError",
    "Document",
    "InputError",
    "NotFittedError",
    "RelnlpError",
    "RelnlpWarning",
    "Report",
    "ResourceError",
    "Taxonomy",
    "TaxonomyError",
    "__version__",
    "filter_warning",
    "load",
    "read",
    "timeline",
]


def load(*args: Any, **kwargs: Any) -> Analyzer:
    """Load the analyser; see :func:`relnlp.analyzer.load` for the parameters."""
    from relnlp.analyzer import load as _load

    return _load(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Analyzer":
        from relnlp.analyzer import Analyzer

        return Analyzer
    if name == "Report":
        from relnlp.report import Report

        return Report
    if name == "timeline":
        from relnlp.timelines import timeline

        return timeline
    raise AttributeError(f"module 'relnlp' has no attribute {name!r}")
