"""Actors of the event extractor: the canonical actor behind each token (from the report's
entities), the actors a noun phrase stands for, and what a pronoun or "the two countries"
refers to."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, POS
from spacy.symbols import PRON
from spacy.tokens import Doc, Span, Token

from relnlp import records as doc_records
from relnlp.events._discourse import (
    DOMINANT_CONFIDENCE,
    LOOKBACK,
    description,
    distance_confidence,
    dominant_state,
    office_holder,
    paragraph_starts,
)
from relnlp.events._eras import former_state
from relnlp.events._words import (
    _YEAR,
    ACTOR_LABELS,
    ACTOR_NOUNS,
    ACTOR_PRONOUNS,
    ASSET_NOUNS,
    NORP_STATES,
    OFFICIAL_HEADS,
    PLURAL_REFERENCES,
    PRONOUN_KINDS,
    REGION_ACTORS,
    RELATIONAL_NOUNS,
    RELATIVE_PRONOUNS,
    STATE_ORGANS,
    THING_HEADS,
)

_POSSESSIVE = re.compile(r"\s*['\u2018\u2019`]s?$")


@dataclass(frozen=True)
class _Actor:
    name: str
    country: str | None
    label: str = ""
    place: bool = False  # a city or region standing for its state ("Kharkiv" -> Ukraine)


class _Actors:
    """Token index -> actor, from the entities the pipeline found."""

    def __init__(self, doc: Doc) -> None:
        found = doc_records.entities(doc)
        if found is None:  # relnlp_actors did not run: spaCy's entities as they are
            found = doc_records.model_entities(doc.ents)
        self.by_token: dict[int, _Actor] = {}
        self.named: set[int] = set()  # tokens inside any multi-word name
        self.country: dict[str, str] = {}
        self.label: dict[str, str] = {}  # actor name -> its entity label
        # token index -> the state of any name with one, actor or not ("Kremlin
        # spokesman": the speaker's own side is Russia)
        self.home: dict[int, str] = {}
        spans = [doc.char_span(ent.start, ent.end, alignment_mode="expand") for ent in found]
        in_names = {i for span in spans if span is not None for i in range(span.start, span.end)}
        for ent, span in zip(found, spans, strict=True):
            label, canonical, country = ent.label, ent.canonical, ent.country
            if label == "NORP" and not country:
                country = NORP_STATES.get(str(canonical))  # "Soviet" -> "Soviet Union"
            if span is None:
                continue
            if country:
                for i in range(span.start, span.end):
                    self.home[i] = str(country)
            if len(span) > 1:
                self.named.update(range(span.start, span.end))
            if label == "FAC" and country and _acts(span):
                # a building that acts is its government: "the Kremlin said" -> Russia
                label, canonical = "GPE", country
            if (
                label == "LOC"
                and str(canonical) in REGION_ACTORS
                and span.root.dep_ not in {"compound", "amod", "nmod", "poss"}
            ):
                label = "GPE"  # a bloc acting as one: "the West" (not "a Europe trip")
            if label not in ACTOR_LABELS or _is_thing(span):
                continue
            if label == "ORG" and _name_fragment(span, in_names):
                continue
            # A nationality stands for its state ("Russian forces"), and so does a city or
            # region of a state when it acts or is acted on ("Moscow deployed", "Beijing
            # protested"), as event coders (CAMEO/PETRARCH) code capitals.
            name = str(country) if label in {"NORP", "GPE"} and country else str(canonical)
            # a possessive the name kept ("Wang Yi\u2018s", with any apostrophe)
            name = _POSSESSIVE.sub("", name) or name
            place = label == "GPE" and bool(country) and str(canonical) != str(country)
            if place and (former := former_state(str(canonical), doc, span)) is not None:
                name = country = former  # "Moscow" in 1962: the Soviet Union (_eras)
            actor = _Actor(name, str(country) if country else None, str(label), place)
            if actor.country:
                self.country.setdefault(name, actor.country)
            self.label.setdefault(name, actor.label)
            for i in range(span.start, span.end):
                self.by_token[i] = actor

    def states(self, names: Iterable[str]) -> tuple[str, ...]:
        """The states of ``names`` (an actor's own state; none for a state itself), once
        each, in order."""
        return tuple(dict.fromkeys(k for a in names if (k := self.country.get(a))))

    def others(self, names: Iterable[str], own: set[str]) -> list[str]:
        """``names`` less the actors of ``own`` and those whose state is in it: "Moscow
        deployed Russian troops" names no other side."""
        return [a for a in names if a not in own and self.country.get(a) not in own]


def _acts(span: Span) -> bool:
    """Whether a name is the subject or agent of a verb, or the author of what a noun
    names ("the Kremlin's decision")."""
    root = span.root
    return (
        root.dep_ in {"nsubj", "nsubjpass", "poss"}
        or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        or (root.dep_ == "conj" and root.head.dep_ in {"nsubj", "nsubjpass"})
    )


def _is_thing(span: Span) -> bool:
    """A name that denotes an exercise, treaty, weapon or other thing, not an actor."""
    if _YEAR.search(span.text):  # "Peace Mission 2005", "Vostok-2018"
        return True
    if any(t.lower_ in THING_HEADS for t in span):  # "Joint Sea Exercise", "Minsk Agreement"
        return True
    root = span.root
    # A proper name modifying a thing noun ("the Zapad exercises"); a nationality
    # adjective ("Russian missiles") still names the state behind the thing.
    return (
        root.dep_ in {"compound", "nmod"}
        and root.head.lower_ in THING_HEADS
        and root.pos_ == "PROPN"
    )


def _name_fragment(span: Span, in_names: set[int]) -> bool:
    """Whether an organisation's name is the first part of a longer proper name that the
    entity layer cut ("Nord" in "Nord Stream-2"): it modifies a capitalised proper noun
    right after it that is in no entity and is no title ("Hamas Chief", "Taliban
    Commander" keep their organisation)."""
    root, nxt = span.root, span.doc[span.end] if span.end < len(span.doc) else None
    return (
        nxt is not None
        and root.dep_ == "compound"
        and root.head.i >= nxt.i
        and nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.i not in in_names
        and root.head.i not in in_names
        and not {nxt.lower_, root.head.lower_} & (ACTOR_NOUNS | OFFICIAL_HEADS)
    )


def _np_side(tok: Token, actors: _Actors) -> list[str]:
    """One actor per conjunct of the noun phrase headed by ``tok`` ("the US and Britain",
    "Russia's ambassador Andrei Denisov and Kuleba" -> the ambassador, Kuleba)."""
    out: list[str] = []
    # a list the parser reads as apposition: "the US, UK, and France" (a name in
    # apposition to a name of another actor of the same kind)
    head = actors.by_token.get(tok.i)
    listed = [
        c
        for c in tok.children
        if c.dep_ == "appos"
        and head is not None
        and c.left_edge.i > 0
        and c.doc[c.left_edge.i - 1].text == ","  # not "(MFA)", an abbreviation
        and (hit := actors.by_token.get(c.i)) is not None
        and hit.name != head.name
        and hit.label == head.label
    ]
    for c in (tok, *listed, *tok.conjuncts):
        pair = _hyphen_pair(c, actors)
        if pair:
            out += pair  # "the NATO-Ukraine Commission": both
            continue
        # names coordinated before the head share it: "the Donetsk and Luhansk People's
        # Republics", "DNR and LNR leaders", "Zelensky and Foreign Minister Kuleba"
        out += _coordinated_modifiers(c, actors)
        names, affiliations = _np_parts(c, actors)
        # a person named comes first; else every state the phrase is affiliated with
        # ("officials from Nigeria and Ghana"); else the members it lists ("regimes
        # such as Belarus and Syria"); the members a group of states lists come before
        # the group ("EU states, including France and Spain" -> France, Spain)
        members = _listed_members(c, actors) if c.lemma_.lower() in MEMBER_NOUNS else []
        out += members or (names[:1] if names else affiliations or _listed_members(c, actors))
    return list(dict.fromkeys(out))


#: Heads of a phrase naming members of a group of states: "EU states", "NATO allies".
MEMBER_NOUNS = frozenset({"state", "country", "nation", "member", "government", "ally"})
#: Prepositions that list members of a group: "regimes including X", "leaders such as X".
MEMBER_PREPS = frozenset({"including", "like"})


def _listed_members(tok: Token, actors: _Actors) -> list[str]:
    """The actors a phrase that names none lists as its members: "authoritarian regimes,
    including Belarus and Syria", "leaders such as Maduro and Ortega"."""
    return [
        a
        for c in tok.children
        if c.dep_ == "prep" and (c.lower_ in MEMBER_PREPS or _such_as(c))
        for p in c.children
        if p.dep_ == "pobj"
        for a in _np_actors(p, actors, 1)
    ]


def _such_as(prep: Token) -> bool:
    """Whether ``prep`` is the "as" of "such as" (the parser hangs "such" on it or
    leaves it just before)."""
    if prep.lower_ != "as":
        return False
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return any(k.lower_ == "such" for k in prep.children) or (
        before is not None and before.lower_ == "such"
    )


def _coordinated_modifiers(tok: Token, actors: _Actors) -> list[str]:
    """Actors named by a coordination of names before the head ``tok`` ("the Kenyan and
    Ugandan [NORP] ..." aside): a proper name modifying ``tok`` that has its own "and"
    and conjuncts ("the Abkhaz and South Ossetian republics", "Zelensky and Foreign
    Minister Kuleba" as the parser reads them), each conjunct's actor in reading order."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ not in {"compound", "nmod"} or c.i >= tok.i or c.pos_ != "PROPN":
            continue
        if not any(k.dep_ == "cc" for k in c.children):
            continue
        hit = actors.by_token.get(c.i)
        if hit is None:
            continue
        out.append(hit.name)
        # the parser may hang the second name on the head, not on the first: "[the DNR]
        # and [LNR] authorities" -> DNR (nmod, with the "and") and LNR (compound)
        after = [k for k in tok.children if c.i < k.i < tok.i and k.dep_ in {"compound", "nmod"}]
        for k in [*c.conjuncts, *(after if not c.conjuncts else [])]:
            # a conjunct that is the head of another name ("Luhansk People's"), or a
            # title before a name ("Foreign Minister" -> the minister's own name, the head)
            found = actors.by_token.get(k.i)
            if found is not None and found.name not in out:
                out.append(found.name)
    return out


def _hyphen_pair(tok: Token, actors: _Actors) -> list[str]:
    """The actors a hyphenated name pair modifying ``tok`` names ("the Kenya-Ethiopia
    summit", "US-Japan talks", "the NATO-Ukraine Commission"), or [] if fewer than two."""
    for c in tok.children:
        if c.dep_ not in {"compound", "nmod", "amod"} or c.i >= tok.i:
            continue
        sub = list(c.subtree)
        if not any(t.tag_ == "HYPH" or t.text in {"-", "\u2013"} for t in sub):
            continue
        found = [h.name for t in sub if (h := actors.by_token.get(t.i)) is not None]
        found = list(dict.fromkeys(found))
        if len(found) >= 2:
            return found
    return []


def _np_parts(tok: Token, actors: _Actors, depth: int = 0) -> tuple[list[str], list[str]]:
    """(names, affiliations) of the noun phrase headed by ``tok``, its conjuncts left out.

    "Russia's ambassador Andrei Denisov" -> the person named; "the Russian government",
    "Kazakhstan's president", "the leaders of China", "officials from Ghana" -> the state.
    A nationality on other nouns is not an actor ("Russian citizens", "Russian gas").
    """
    hit = actors.by_token.get(tok.i)
    if hit is not None:
        return [hit.name], []
    names: list[str] = []
    affiliations: list[str] = []
    if depth >= 2 or tok.lower_ in RELATIVE_PRONOUNS:
        return names, affiliations
    agentive = (
        tok.lemma_.lower() in ACTOR_NOUNS or tok.lower_ in ACTOR_NOUNS or tok.lower_ in ASSET_NOUNS
    ) and not (tok.lower_ in RELATIONAL_NOUNS or tok.lemma_.lower() in RELATIONAL_NOUNS)
    for c in tok.children:
        if c.dep_ in {"compound", "nmod", "appos"}:
            got = actors.by_token.get(c.i)
            if got is not None:
                names.append(got.name)
            elif c.dep_ == "appos":
                names += _np_actors(c, actors, depth + 1)
        elif c.dep_ in {"amod", "poss"} and agentive:
            got = actors.by_token.get(c.i)
            if got is not None:
                affiliations.append(got.name)
                # "Armenian and Azerbaijani troops": both
                affiliations += [
                    h.name for k in c.conjuncts if (h := actors.by_token.get(k.i)) is not None
                ]
            elif c.dep_ == "poss":
                affiliations += _np_actors(c, actors, depth + 1)
        elif c.dep_ == "prep" and c.lower_ in {"of", "from"} and agentive:
            for p in c.children:
                if p.dep_ == "pobj":
                    affiliations += _np_actors(p, actors, depth + 1)
                    # "the governor of Kandahar, Ahmad Noori": the parser puts the
                    # holder's name in apposition to the place; the person is the actor
                    names += [
                        got.name
                        for a in p.children
                        if a.dep_ == "appos"
                        and (got := actors.by_token.get(a.i)) is not None
                        and got.label == "PERSON"
                    ]
        elif c.dep_ == "prep" and c.lower_ == "to" and agentive:
            # "Ambassador to the UN Vasily Nebenzya": the parser puts the holder's name
            # in the post's "to" phrase, the organisation or state as its compound; the
            # person comes before a nationality the parser made a compound ("Chilean")
            names[:0] = [
                got.name
                for p in c.children
                if p.dep_ == "pobj"
                and (got := actors.by_token.get(p.i)) is not None
                and got.label == "PERSON"
                and any(
                    (k_hit := actors.by_token.get(k.i)) is not None and k_hit.name != got.name
                    for k in p.children
                    if k.dep_ == "compound"
                )
            ]
    return names, affiliations


def _np_actors(tok: Token, actors: _Actors, depth: int = 0, conj: bool = True) -> list[str]:
    """Canonical actors a noun phrase headed by ``tok`` stands for (coordination kept
    unless ``conj`` is false); see :func:`_np_parts`."""
    names, affiliations = _np_parts(tok, actors, depth)
    out = names + affiliations
    for c in tok.children if conj else ():
        if c.dep_ == "conj":
            out += _np_actors(c, actors, depth)
    return list(dict.fromkeys(out))


def _fills_role(tok: Token, actors: _Actors) -> bool:
    """Whether a noun phrase stands for some actor, named or not ("they", "both sides")."""
    if tok.lower_ in ACTOR_PRONOUNS or tok.lemma_.lower() in ACTOR_NOUNS:
        return True
    return bool(_np_actors(tok, actors))


def _nationality_of(tok: Token, actors: _Actors) -> list[str]:
    """The state of a nationality or place name modifying a noun ("Russian banks")."""
    return [
        hit.name
        for c in tok.children
        if c.dep_ in {"amod", "compound"}
        if (hit := actors.by_token.get(c.i)) is not None and hit.label in {"NORP", "GPE"}
    ]


#: Prepositions of place: "bases in Donbas", "troops near Kharkiv". "From" is one for a
#: city or region ("refugees from Kharkiv"), not for a state ("loans from China").
LOCATIVE_PREPS = frozenset(
    """in at near across within throughout inside outside around along""".split()
)


def _location(tok: Token, actors: _Actors) -> bool:
    """Whether a name is a mere place in its clause (the object of "in", "near", of "from"
    for a city ...), not an actor a statement is about."""
    cur = tok
    while cur.dep_ in {"compound", "conj", "appos"} and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj":
        return False
    prep = cur.head.lower_
    hit = actors.by_token.get(tok.i)
    return prep in LOCATIVE_PREPS or (prep == "from" and hit is not None and hit.place)


#: Dependencies inside a noun phrase, through which a name belongs to the phrase it is in.
NP_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "conj", "pobj", "prep"})


def _in_subject(tok: Token) -> bool:
    """Whether a name is part of a clause's subject ("Dozens of Hamas cells", "Hamas's
    fighters" as the subject), climbing noun-phrase dependencies only."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if cur.dep_ not in NP_DEPS or cur.head.i == cur.i or cur.head.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
    return False


#: Object forms of personal pronouns, which never stand for their own clause's subject.
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _own_subject(tok: Token) -> range:
    """Token indices of the subject of the clause whose object the pronoun ``tok`` is
    ("the Taliban put them under pressure": not the Taliban, who would be "themselves"),
    or an empty range for other words."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.pos_ != "PRON":
        return range(0)
    verb = tok.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return range(0) if subj is None else range(subj.left_edge.i, subj.right_edge.i + 1)


class _Context:
    """Actors the text has just named, for pronouns ("they reiterated") and plural
    references ("the two countries", "both sides"): as the annotation guidelines resolve
    them, from the sentence itself and the one before."""

    def __init__(self, doc: Doc, actors: _Actors) -> None:
        self.doc = doc
        self.actors = actors
        # first token of each name, with its actor
        self.mentions: list[tuple[int, _Actor]] = []
        prev: _Actor | None = None
        for i in sorted(actors.by_token):
            a = actors.by_token[i]
            if prev is not a or (i - 1) not in actors.by_token:
                self.mentions.append((i, a))
            prev = a
        self.mention_at = [i for i, _a in self.mentions]
        # clause subjects that name actors: token index, one actor per conjunct
        self.subjects: list[tuple[int, list[str], str]] = []
        # Dependency labels and parts of speech from one array: a Token object only for
        # the subjects, not for every word of the report.
        subj = {doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")}
        cols = doc.to_array([DEP, POS]).tolist()
        for i, (dep, pos) in enumerate(cols):
            if dep in subj and pos != PRON:
                t = doc[i]
                side = _np_side(t, actors)
                if side:
                    first = actors.by_token.get(t.i)
                    label = first.label if first is not None else ""
                    if first is None and t.tag_ == "NNS":
                        label = "GROUP"  # "Ethiopian officials ... they"
                    self.subjects.append((t.i, side, label))
        self.subject_at = [i for i, _s, _l in self.subjects]
        self.sent_starts = [sent.start for sent in doc.sents]
        self.par_starts = paragraph_starts(doc)
        self._dominant_of: dict[int, str | None] = {}

    def _window(self, tok: Token) -> int:
        """First token an antecedent of ``tok`` may be: the start of the sentence
        :data:`LOOKBACK` sentences back, never before the paragraph's (or heading's)."""
        si = bisect.bisect_right(self.sent_starts, tok.i) - 1
        lo = self.sent_starts[max(0, si - LOOKBACK)] if si >= 0 else 0
        pi = bisect.bisect_right(self.par_starts, tok.i) - 1
        return max(lo, self.par_starts[pi] if pi >= 0 else 0)

    def _distance(self, i: int, tok: Token) -> int:
        """Sentences between the token ``i`` and ``tok`` (0: the same sentence)."""
        return bisect.bisect_right(self.sent_starts, tok.i) - bisect.bisect_right(
            self.sent_starts, i
        )

    def resolve(self, tok: Token) -> list[str]:
        """The actors ``tok`` (a pronoun, "the two countries", "the group") stands for."""
        return self.resolve_scored(tok)[0]

    def resolve_scored(self, tok: Token) -> tuple[list[str], float]:
        """The actors ``tok`` stands for, or [], with the confidence of the resolution
        (:func:`relnlp.events._discourse.distance_confidence`)."""
        lo = self._window(tok)
        word = tok.lower_
        own = _own_subject(tok)
        if word in {"he", "she", "him", "her"}:
            person = self._nearest(tok, lo, PRONOUN_KINDS["he"], own)
            holder = None if person[0] else office_holder(self.doc, self.subjects, lo, tok.i, own)
            if holder is None:
                return person
            return holder[1], distance_confidence(self._distance(holder[0], tok))
        if word in {"it", "they", "them", "their"}:
            k = bisect.bisect_left(self.subject_at, tok.i) - 1
            while k >= 0 and self.subjects[k][0] in own:
                k -= 1
            if k >= 0 and self.subjects[k][0] >= lo:
                i, side, label = self.subjects[k]
                if word == "it":  # one state or organisation
                    ok = len(side) == 1 and label not in {"PERSON", "GROUP"}
                else:  # several actors, or a group ("the Taliban ... they")
                    ok = len(side) >= 2 or label in {"ORG", "NORP", "GROUP"}
                if ok:
                    return list(side), distance_confidence(self._distance(i, tok))
            # no clause subject names one: the nearest actor of the pronoun's kind named
            # inside a subject ("Dozens of Hamas cells ... they"), as a subject is the more
            # salient antecedent, else named anywhere before it ("I met Taliban leaders;
            # they promised" -> Taliban)
            kinds = PRONOUN_KINDS["it" if word == "it" else "they"]
            salient = self._nearest(tok, lo, kinds, own, in_subject=True)
            return salient if salient[0] else self._nearest(tok, lo, kinds, own)
        kind = PLURAL_REFERENCES.get(word)
        if kind is not None and any(c.lower_ in {"two", "both"} for c in tok.children):
            return self._pair(tok, lo, kind)
        described = description(tok)
        if described is not None:
            return self._described(tok, lo, described)
        return [], 0.0

    def _nearest(
        self, tok: Token, lo: int, kinds: frozenset[str], own: range, in_subject: bool = False
    ) -> tuple[list[str], float]:
        """The actor of one of the entity labels ``kinds`` named last before ``tok`` from
        token ``lo`` on, never a mere place ("in Kabul") nor the pronoun's own clause
        subject (:func:`_own_subject`), with the confidence of its distance; with
        ``in_subject``, only a name inside a clause's subject (:func:`_in_subject`)."""
        k = bisect.bisect_left(self.mention_at, tok.i) - 1
        while k >= 0 and self.mentions[k][0] >= lo:
            i, a = self.mentions[k]
            k -= 1
            if (
                a.label in kinds
                and i not in own
                and not _location(self.doc[i], self.actors)
                and (not in_subject or _in_subject(self.doc[i]))
            ):
                return [a.name], distance_confidence(self._distance(i, tok))
        return [], 0.0

    def _pair(self, tok: Token, lo: int, kind: str) -> tuple[list[str], float]:
        """ "The two countries", "both sides": the last two actors of the kind named."""
        found: list[str] = []
        k = bisect.bisect_left(self.mention_at, tok.i) - 1
        first = tok.i
        while k >= 0 and self.mentions[k][0] >= lo and len(found) < 2:
            a = self.mentions[k][1]
            ok = kind == "any" or (kind == "person") == (a.label == "PERSON")
            if ok and a.name not in found:
                found.append(a.name)
                first = self.mentions[k][0]
            k -= 1
        if len(found) != 2:
            return [], 0.0
        return found[::-1], distance_confidence(self._distance(first, tok))

    def _described(self, tok: Token, lo: int, kind: str) -> tuple[list[str], float]:
        """A definite description: the nearest actor of its kind named in the window; a
        state's organs with no single state named there stand for the state the
        paragraph is about (:func:`relnlp.events._discourse.dominant_state`)."""
        k = bisect.bisect_left(self.mention_at, tok.i) - 1
        word = tok.lemma_.lower() if tok.tag_ == "NN" else tok.lower_
        states: dict[str, int] = {}  # state -> its nearest mention
        while k >= 0 and self.mentions[k][0] >= lo:
            i, a = self.mentions[k]
            k -= 1
            if kind == "group" and (a.label == "ORG" or (a.label == "NORP" and not a.country)):
                return [a.name], distance_confidence(self._distance(i, tok))
            if kind == "organ" and a.label == "ORG" and word in a.name.lower():
                return [a.name], distance_confidence(self._distance(i, tok))
            if kind == "state" and a.country and a.label in {"GPE", "NORP", "ORG", "PERSON"}:
                states.setdefault(a.country, i)
        if kind != "state":
            return [], 0.0
        if len(states) == 1:
            ((state, i),) = states.items()
            return [state], distance_confidence(self._distance(i, tok))
        if tok.lower_ in STATE_ORGANS or word in STATE_ORGANS:
            main = self._dominant(tok)
            if main is not None and (not states or main in states):
                return [main], DOMINANT_CONFIDENCE
        return [], 0.0

    def _dominant(self, tok: Token) -> str | None:
        """The state the paragraph of ``tok`` is about, if one dominates it."""
        pi = bisect.bisect_right(self.par_starts, tok.i) - 1
        if pi not in self._dominant_of:
            start = self.par_starts[pi] if pi >= 0 else 0
            end = self.par_starts[pi + 1] if pi + 1 < len(self.par_starts) else len(self.doc)
            lo = bisect.bisect_left(self.mention_at, start)
            hi = bisect.bisect_left(self.mention_at, end)
            named = [a.country for _i, a in self.mentions[lo:hi] if a.country]
            self._dominant_of[pi] = dominant_state([c for c in named if c])
        return self._dominant_of[pi]
