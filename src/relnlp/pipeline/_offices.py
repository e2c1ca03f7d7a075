"""Offices fused with names in the statistical model's spans.

The model reads a body, an office and the office-holder's name as one name ("United
Nations Vasily Nebenzya" as ORG, after "Permanent Representative to the"), and an
office alone as a body ("Permanent Representative" as ORG). Guidelines 2: offices are no
entities; the body and the person are two.

* a model span that opens with a body or state the gazetteer knows, goes on with office
  words or none, and ends with a personal name (two to four capitalised words that are
  no ordinary words, titles or body words) is split into the body and the PERSON;
* a model span made only of title words and ending with an office noun
  ("Permanent Representative", "Special Envoy", "Deputy Foreign Minister") is dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline._actor_base import _ORG_HEADS, _ORG_WORDS, TITLE_WORDS, Mention

__all__ = ["office_splits"]

# Office nouns that end a title ("Permanent Representative", "High Commissioner").
_OFFICE_NOUNS = frozenset(
    """Representative Envoy Secretary Minister Ambassador Adviser Advisor Commissioner
    Director President Premier Chairman Chairwoman Spokesman Spokesperson Spokeswoman
    Governor Mayor Chancellor Secretary-General Director-General Coordinator""".split()
)
_OFFICE_WORDS = TITLE_WORDS | _OFFICE_NOUNS | {"Permanent", "High", "Senior", "Special"}
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?$|^[A-Z]\.$")


def _personal_name(doc: Doc, a: int, b: int, common: frozenset[str]) -> bool:
    words = [t.text for t in doc[a:b]]
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(w) for w in words)
        and words[0].lower() not in common
        and not any(w in _OFFICE_WORDS or w in _ORG_WORDS or w in _ORG_HEADS for w in words)
    )


def office_splits(
    doc: Doc, cands: list[Mention], gaz: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """Split body + office + name spans of the model; drop its offices alone."""
    out: list[Mention] = []
    for m in cands:
        if m.source != "spacy" or m.label not in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"):
            out.append(m)
            continue
        words = [t.text for t in doc[m.start : m.end]]
        if words[-1] in _OFFICE_NOUNS and all(w in _OFFICE_WORDS for w in words):
            continue  # "Permanent Representative"
        split = None
        for k in range(m.end - 2, m.start, -1):
            hit = gaz.lookup(doc[m.start : k].text)
            if hit is None or hit.label not in ("ORG", "GPE"):
                continue
            j = k
            while j < m.end and doc[j].text in _OFFICE_WORDS:
                j += 1
            if _personal_name(doc, j, m.end, common):
                split = (k, j, hit)
                break
        if split is None:
            out.append(m)
            continue
        k, j, hit = split
        person = gaz.lookup(doc[j : m.end].text)
        out.append(Mention(m.start, k, hit.label, hit.canonical, "gazetteer", 3.0, hit.country))
        out.append(
            Mention(
                j,
                m.end,
                "PERSON",
                person.canonical
                if person is not None and person.label == "PERSON"
                else doc[j : m.end].text,
                "spacy",
                m.priority,
            )
        )
    return out
