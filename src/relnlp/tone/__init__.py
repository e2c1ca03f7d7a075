"""Cooperation and tension: lexicon, aggregation, events and timelines."""

from __future__ import annotations

from typing import Any

from relnlp.tone.lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "events", "load_lexicon", "timeline"]


def __getattr__(name: str) -> Any:
    # Lazy: relnlp.tone.aggregate imports the spaCy component module, which imports this
    # package's lexicon.
    if name == "events":
        from relnlp.tables._events import events

        return events
    if name == "timeline":
        from relnlp.timelines import timeline

        return timeline
    raise AttributeError(name)
