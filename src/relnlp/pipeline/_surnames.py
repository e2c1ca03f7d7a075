"""People whose surname is also a place ("Valeska Paris", "Secretary Dulles").

A surname that is a city or a facility ("Paris", "Dulles", "Austin") is found by the
gazetteer or read by the statistical model as the place. Three general signals make it
the person (a state's name is never changed: "Ambassador Jordan" stays ambiguous):

* a given name directly before it, that is no place, body or ordinary word and that the
  parser attaches to it ("Valeska Paris"): the two words are one PERSON;
* a personal title before it ("Secretary Dulles", "Mr. Paris"): PERSON, unless the model
  reads the word as a place and the gazetteer knows that place ("Ambassador Paris",
  "Ambassador London" in a cable's address line): then only a given name before it or
  the name in full elsewhere in the report ("Harold Paris") makes it the person;
* the report names the person in full or with a title elsewhere: the lone surname is
  that person, unless a preposition of place governs it ("in Paris", "to Austin"),
  where a lone name the model took for the person is the place again.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer, Hit
from relnlp.lang.translit import name_key
from relnlp.pipeline._actor_base import Mention
from relnlp.pipeline._titles import PERSON_TITLES, TITLE_WORDS

__all__ = ["place_surnames"]

_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that make a lone name a place ("in Paris", "from Austin").
_LOCATIVE = frozenset(
    """in at from to into near across outside inside toward towards via through around
    throughout within""".split()
)


def _place_hit(gaz: Gazetteer, text: str) -> Hit | None:
    hit = gaz.lookup(text)
    return hit if hit is not None and hit.label in _PLACES else None


def _changeable(gaz: Gazetteer, m: Mention, doc: Doc) -> bool:
    """A one-word place mention that is not a state's name."""
    if m.end - m.start != 1 or m.label not in _PLACES:
        return False
    hit = gaz.lookup(doc[m.start].text)
    return not (hit is not None and hit.kind == "state")


def _given_name(doc: Doc, i: int, gaz: Gazetteer, common: frozenset[str]) -> bool:
    """Whether token ``i`` reads as a given name before the place word at ``i + 1``."""
    tok = doc[i]
    w = tok.text
    return (
        w.isalpha()
        and len(w) >= 3
        and w[:1].isupper()
        and not w.isupper()
        and tok.whitespace_ == " "
        and w.lower() not in common
        and w not in TITLE_WORDS
        and gaz.lookup(w) is None
        and tok.dep_ == "compound"
        and tok.head.i == i + 1
    )


def _locative(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in _LOCATIVE


def _titled(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text in PERSON_TITLES


def place_surnames(
    doc: Doc, chosen: list[Mention], gaz: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """Re-read one-word places as persons' surnames where the report shows a person."""
    ordered = sorted(chosen, key=lambda m: m.start)
    at = {m.start: m for m in ordered}
    dropped: set[int] = set()
    out: list[Mention] = []
    for m in ordered:
        if id(m) in dropped:
            continue
        i = m.start - 1
        nxt = doc[m.end] if m.end < len(doc) else None
        if (
            _changeable(gaz, m, doc)
            and i >= 0
            and not (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha)
            and _given_name(doc, i, gaz, common)
        ):
            prev = at.get(i)
            covering = [p for p in out if p.start <= i < p.end]
            if all(p is prev and p.end - p.start == 1 and p.source == "spacy" for p in covering):
                out = [p for p in out if p not in covering]
                name = doc[i : m.end].text
                out.append(replace(m, start=i, label="PERSON", canonical=name, country=None))
                continue
        if (
            m.label in _PLACES
            and m.source == "spacy"
            and m.end - m.start == 2
            and _place_hit(gaz, doc[m.start + 1].text) is not None
            and _changeable(gaz, replace(m, start=m.start + 1), doc)
            and _given_name(doc, m.start, gaz, common)
        ):
            # The model's "Marguerite Paris" as one place.
            out.append(
                replace(m, label="PERSON", canonical=doc[m.start : m.end].text, country=None)
            )
            continue
        out.append(m)
    # Surnames of the people the report names in full or with a title.
    registry: dict[str, str] = {}
    for m in out:
        if m.label != "PERSON":
            continue
        words = [t.text for t in doc[m.start : m.end] if t.is_alpha]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            registry.setdefault(name_key(words[-1]), m.canonical)
        elif len(words) == 1 and _titled(doc, m.start):
            registry.setdefault(name_key(words[0]), m.canonical)
    model = {(e.start, e.end): e.label_ for e in doc.ents}
    for m in out:
        if (
            _changeable(gaz, m, doc)
            and _titled(doc, m.start)
            and not _known_place_read_as_place(gaz, m, doc, model)
        ):
            registry.setdefault(name_key(doc[m.start].text), doc[m.start].text)
    places_at: dict[tuple[str, int], Mention] = {}
    for p in out:
        if p.label == "GPE":
            places_at[("start", p.start)] = p
            places_at[("end", p.end)] = p
    final: list[Mention] = []
    for m in out:
        one = m.end - m.start == 1
        key = name_key(doc[m.start].text) if one else ""
        if (
            _changeable(gaz, m, doc)
            and key in registry
            and (
                _titled(doc, m.start)
                or not (_locative(doc, m.start) or _metonym(doc, m, gaz, places_at))
            )
        ):
            final.append(replace(m, label="PERSON", canonical=registry[key], country=None))
            continue
        if one and m.label == "PERSON" and m.source == "spacy" and _locative(doc, m.start):
            text = doc[m.start].text
            hit = _place_hit(gaz, text)
            if hit is not None and hit.kind != "state":
                final.append(
                    replace(m, label=hit.label, canonical=hit.canonical, country=hit.country)
                )
                continue
            if model.get((m.start, m.end)) in _PLACES:
                # "flew to Austin": the model's place, not the surname of a known person.
                label = model[(m.start, m.end)]
                final.append(replace(m, label=label, canonical=text, country=None))
                continue
        final.append(m)
    return final


def _known_place_read_as_place(
    gaz: Gazetteer, m: Mention, doc: Doc, model: dict[tuple[int, int], str]
) -> bool:
    """Whether the model reads the one word ``m`` as a place and the gazetteer knows that
    place ("Ambassador Paris" in a cable's address line): a title alone is then no
    evidence of a person; a given name before it or the name in full elsewhere is."""
    return model.get((m.start, m.end)) in _PLACES and _place_hit(gaz, doc[m.start].text) is not None


def _metonym(
    doc: Doc, m: Mention, gaz: Gazetteer, places_at: dict[tuple[str, int], Mention]
) -> bool:
    """A capital that the report also uses as a place or as its government: after a
    preposition of place anywhere, or coordinated with another place ("Washington and
    Beijing", "Moscow, Kyiv")."""
    text = doc[m.start].text
    hit = gaz.lookup(text)
    if hit is None or hit.canonical not in gaz.capitals:
        return False
    if any(t.text == text and _locative(doc, t.i) for t in doc):
        return True
    conj = ("and", ",", "or", "&")
    left = m.start - 1
    if left > 0 and doc[left].text in conj and places_at.get(("end", left)) is not None:
        return True
    right = m.end
    return (
        right + 1 < len(doc)
        and doc[right].text in conj
        and places_at.get(("start", right + 1)) is not None
    )


# Family-name particles that open the second half of a name the model splits in two
# ("Mohammed bin Abdulrahman" + "Al Thani", "Faisal bin Farhan" + "Al Saud").
_FAMILY_PARTICLES = frozenset({"Al", "Al-", "al-", "Āl", "El"})


def joined_names(
    doc: Doc, chosen: list[Mention], gaz: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """Two adjacent PERSON mentions are one name when the second opens with a family
    particle ("Al Thani") or the first ends with a patronymic particle ("bin", "ibn"); a
    given name the model labels otherwise is the person's when it is no known name or
    ordinary word and the parser attaches it to the surname ("Aleksandr" GPE +
    "Fursenko" PERSON)."""
    ordered = sorted(chosen, key=lambda m: m.start)
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == "PERSON"
            and prev.label != "PERSON"
            and prev.source == "spacy"
            and prev.end - prev.start == 1
            and prev.end == m.start
            and _given_name(doc, prev.start, gaz, common)
        ):
            out[-1] = replace(m, start=prev.start, canonical=doc[prev.start : m.end].text)
            continue
        if (
            prev is not None
            and prev.label == "PERSON"
            and m.label == "PERSON"
            and prev.end == m.start
            and doc[prev.end - 1].whitespace_ == " "
            and (
                doc[m.start].text in _FAMILY_PARTICLES
                or doc[m.start].text.startswith(("Al-", "al-"))
                or doc[prev.end - 1].lower_ in ("bin", "ibn", "bint")
            )
        ):
            name = doc[prev.start : m.end].text
            out[-1] = replace(prev, end=m.end, canonical=name)
            continue
        out.append(m)
    # "... bin Abdulrahman Al Thani" where the model left "Al Thani" out.
    taken = {i for m in out for i in range(m.start, m.end)}
    for k, m in enumerate(out):
        e = m.end
        if (
            m.label == "PERSON"
            and e + 1 < len(doc)
            and doc[e - 1].whitespace_ == " "
            and doc[e].text in _FAMILY_PARTICLES
            and doc[e + 1].is_title
            and doc[e + 1].is_alpha
            and e not in taken
            and e + 1 not in taken
        ):
            out[k] = replace(m, end=e + 2, canonical=doc[m.start : e + 2].text)
    return out
