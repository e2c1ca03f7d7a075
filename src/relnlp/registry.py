"""Catalogue registries for relnlp's pluggable functions.

Each registry is a :mod:`catalogue` registry under the ``relnlp`` namespace with entry
points enabled, so third-party packages extend it through the entry-point group
``relnlp_<kind>`` (e.g. ``relnlp_readers``).

Examples
--------
>>> from relnlp import registry
>>> sorted(registry.readers.get_all())[:2]
['html', 'md']
"""

from __future__ import annotations

import catalogue

__all__ = ["readers"]

#: Readers: ``(path: Path) -> Document``, keyed by file type (``txt``, ``md``, ``html``, ``pdf``).
readers = catalogue.create("relnlp", "readers", entry_points=True)
