"""Cities of the world (GeoNames, 15,000 inhabitants or more) for names the small model
mislabels: "Lund" as FAC, "Bergen" as ORG.

The list (``data/places/world_cities.v1.jsonl``, built by scripts/build_world_cities.py)
holds many names that are also words, given names or surnames ("Mobile", "Reading",
"Florence", "Jackson"), so it never finds a name by itself: it only relabels a name spaCy
already found, as ORG, FAC, LOC or PERSON, when the sentence uses it as a place:

* after a locative preposition: "in", "near", "outside", "around" (any label), and "to",
  "from", "at", "via", "into" (a person's name only after a verb of motion: people are
  written to and sent from, but not travelled to);
* after "city of", "town of", "village of", "port of", "outskirts of", "districts of" and
  the like ("the town of Lund");
* before a comma and a state or territory ("Bergen, Norway");
* anywhere, a name the model calls a person's that opens with "Fort", "Port", "Mount" or
  the like ("Fort McMurray was evacuated").

A capitalised name spaCy left out is found in the same contexts (:func:`unseen_cities`),
unless the document writes it in lower case too ("reading", "mobile") or the line is a
heading in title case.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_LOWER, LENGTH, LOWER
from spacy.tokens import Doc

from relnlp._jsonl import records
from relnlp.gazetteer import Gazetteer
from relnlp.lang.translit import name_key
from relnlp.pipeline import distinct_words, span_texts
from relnlp.pipeline._actor_base import Mention

__all__ = ["city_country", "place_city", "title_case_lines", "unseen_cities"]

_FILE = "world_cities.v1.jsonl"
_ANY_LABEL = frozenset({"in", "near", "outside", "around"})
_NOT_PERSON = frozenset({"to", "from", "at", "via", "into"})
# Verbs of motion: "to" and "from" after them lead to places, even a name the model
# calls a person's.
_MOTION = frozenset(
    """travel fly move go drive return sail march flee relocate head deport evacuate
    retreat advance withdraw commute journey ride walk emigrate immigrate""".split()
)
# Nouns before "of" that make the next name a place ("the town of Lund", "the outskirts
# of Lund", "districts of Lund").
_SETTLEMENTS = frozenset(
    """city cities town towns village villages port capital outskirts suburbs suburb
    districts district province region streets centre center""".split()
)
_RELABELLED = frozenset({"ORG", "FAC", "LOC", "PERSON"})
# First words of place names that no person's name opens with: a listed city so written
# is a place in any context ("Fort McMurray was evacuated", "Port Moresby said").
_PLACE_OPENERS = frozenset({"Fort", "Port", "Puerto", "Porto", "Mount", "Lake"})


@lru_cache(maxsize=1)
def _cities() -> dict[str, str | None]:
    """name_key of a city -> its country (None when cities of two countries share it)."""
    out: dict[str, str | None] = {}
    path = resources.files("relnlp") / "data" / "places" / _FILE
    for _, rec in records(path.read_text("utf-8"), _FILE)[1]:
        for name in rec["cities"]:
            key = name_key(name)
            out[key] = rec["country"] if out.get(key, rec["country"]) == rec["country"] else None
    return out


def city_country(name: str) -> tuple[bool, str | None]:
    """Whether ``name`` is a city of the list, and its country when only one has it."""
    key = name_key(name)
    table = _cities()
    return key in table, table.get(key)


def _state_after(doc: Doc, e: int, gazetteer: Gazetteer) -> bool:
    """ "X, Norway": a comma and a state, territory or region follow the name."""
    if e + 1 >= len(doc) or doc[e].text != ",":
        return False
    for k in range(e + 2, min(e + 5, len(doc)) + 1):
        hit = gazetteer.lookup(doc[e + 1 : k].text)
        if hit is not None and hit.label == "GPE" and hit.kind != "city":
            return True
    return False


def _locative(doc: Doc, s: int, e: int, label: str, gazetteer: Gazetteer) -> bool:
    before = doc[s - 1].lower_ if s > 0 else ""
    if before in _ANY_LABEL or (before in _NOT_PERSON and label != "PERSON"):
        return True
    if before in _NOT_PERSON and doc[s - 1].head.lemma_ in _MOTION:
        return True  # "travelled from Bergen to Lund": a person's name is not gone to
    if before == "of" and s > 1 and doc[s - 2].lower_ in _SETTLEMENTS:
        return True
    return _state_after(doc, e, gazetteer)


def place_city(
    doc: Doc, s: int, e: int, label: str, country: str | None, gazetteer: Gazetteer
) -> tuple[str, str | None]:
    """``(label, country)`` for the name ``doc[s:e]`` that spaCy labelled ``label``: GPE and
    the city's country when it is a listed city used as a place, or when spaCy already calls
    it GPE and no other entry of the gazetteer has the name; else unchanged."""
    if label == "GPE" and country is None and gazetteer.lookup(doc[s:e].text) is None:
        # A city the model already calls a place ("in Tromsø") takes the list's country.
        return label, _state_name(city_country(doc[s:e].text)[1], gazetteer)
    if label not in _RELABELLED or not doc[s].text[:1].isupper():
        return label, country
    if label == "PERSON" and e < len(doc) and doc[e].text in {"'s", "’s"}:
        return label, country  # "in Jackson's view": a person's
    known, where = city_country(doc[s:e].text)
    opener = label == "PERSON" and e - s > 1 and doc[s].text in _PLACE_OPENERS
    if not known or not (opener or _locative(doc, s, e, label, gazetteer)):
        return label, country
    return "GPE", country or _state_name(where, gazetteer)


def _state_name(country: str | None, gazetteer: Gazetteer) -> str | None:
    """GeoNames' country name as the gazetteer writes it ("Czechia", "Russia")."""
    hit = gazetteer.lookup(country) if country else None
    return hit.canonical if hit is not None and hit.kind == "state" else country


def _name_words(doc: Doc) -> list[bool]:
    """Whether each token could be a word of a name: capitalised, alphabetic and outside
    spaCy's entities; read from arrays, one test per distinct word."""
    words, inverse = distinct_words(doc)
    cap = np.array([w[:1].isupper() for w in words], dtype=bool)
    flags = doc.to_array([IS_ALPHA, ENT_TYPE]).reshape(len(doc), 2)
    out: list[bool] = (cap[inverse] & (flags[:, 0] != 0) & (flags[:, 1] == 0)).tolist()
    return out


def title_case_lines(doc: Doc) -> Callable[[int, int], bool]:
    """``heading(s, e)``: whether tokens ``s:e`` stand in a heading in title case
    (:func:`_title_case_line`), with the document's word arrays read once."""
    if not len(doc):
        return lambda s, e: False
    arr = doc.to_array([IS_ALPHA, ENT_TYPE, LENGTH]).reshape(len(doc), 3)
    long = ((arr[:, 0] != 0) & (arr[:, 1] == 0) & (arr[:, 2] > 3)).tolist()
    name = _name_words(doc)
    return lambda s, e: _title_case_line(doc, s, e, name, long)


def _title_case_line(doc: Doc, s: int, e: int, name: list[bool], long: list[bool]) -> bool:
    """A heading in title case ("Gains in Reading and Writing"): capitals mean nothing.
    Counted on the sentence's other words of four letters or more that are no names
    (``long``: alphabetic, four letters or more, outside spaCy's entities; ``name``
    among them, the capitalised ones)."""
    sent = doc[s].sent
    words = [k for k in range(sent.start + 1, sent.end) if long[k] and not s <= k < e]
    caps = sum(name[k] for k in words)
    return caps >= 2 and 2 * caps > len(words)


def unseen_cities(doc: Doc, cands: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Listed cities spaCy did not find, in a locative context ("the town of Tromsø",
    "travelled to Uppsala", "Lund, Sweden"): GPE, below every other source. A one-word
    name also written in lower case in the document ("mobile", "reading") is left out, and
    so is a heading in title case."""
    if not len(doc):
        return []
    capital = _name_words(doc)
    name = list(capital)  # not inside a candidate
    for m in cands:
        name[m.start : m.end] = [False] * (m.end - m.start)
    words, inverse = distinct_words(doc)
    arr = doc.to_array([IS_LOWER, LOWER, IS_ALPHA, ENT_TYPE, LENGTH]).reshape(len(doc), 5)
    lower = {words[k] for k in np.unique(inverse[arr[:, 0] != 0]).tolist()}
    long = ((arr[:, 2] != 0) & (arr[:, 3] == 0) & (arr[:, 4] > 3)).tolist()
    text = span_texts(doc)
    strings = doc.vocab.strings
    out = []
    i = 0
    n = len(doc)
    while i < n:
        if not name[i]:
            i += 1
            continue
        e = i + 1
        while e < n and e - i < 4 and name[e]:
            e += 1
        s, i = i, e
        if (e - s == 1 and strings[int(arr[s, 1])] in lower) or _title_case_line(
            doc, s, e, capital, long
        ):
            continue
        known, where = city_country(text(s, e))
        if known and _locative(doc, s, e, "GPE", gazetteer):
            country = _state_name(where, gazetteer)
            out.append(Mention(s, e, "GPE", text(s, e), "city", 1.5, country))
    return out
