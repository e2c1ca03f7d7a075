"""Generic heads and designations written after an organisation's name, no part of it.

Guidelines (decisions on the development reports): a lower-case generic head is left out
of the span ("Georgian Dream party" -> "Georgian Dream"). The model keeps such heads in an
ORG span in news and travel text: "the Xinhua news agency", "the Kommersant newspaper",
"a UNESCO World Heritage Site" (the designation is UNESCO's list, not a body: the body is
"UNESCO").
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["org_tail"]

# Word sequences that end an ORG span without naming the body; lower-case heads only
# match as written in lower case.
_TAILS = tuple(
    tuple(t.split())
    for t in (
        "news agency",
        "news outlet",
        "news service",
        "party",
        "newspaper",
        "daily",
        "weekly",
        "broadcaster",
        "World Heritage Site",
        "World Heritage Sites",
        "World Heritage site",
        "World Heritage sites",
        "World Heritage List",
    )
)


def org_tail(doc: Doc, s: int, e: int) -> int:
    """How many tokens at the end of the ORG span ``doc[s:e]`` are a generic head or a
    designation ("news agency", "World Heritage Site"); 0 when none, or when nothing would
    be left of the name."""
    words = tuple(t.text for t in doc[s:e])
    for tail in _TAILS:
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return len(tail)
    return 0
