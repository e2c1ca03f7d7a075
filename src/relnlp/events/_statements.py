"""Statements: whom a verb of saying is aimed at (the actors of the clause it governs), and
the quad class a public statement takes from its sentence's tone."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from relnlp.events._actors import _Actors, _location, _np_actors, _np_side
from relnlp.events._clauses import _targets
from relnlp.events._types import QUAD_CLASSES, Event, EventVerbs
from relnlp.events._words import ACTOR_NOUNS


def _complements(verb: Token) -> list[Token]:
    """Clauses a verb of saying governs, directly or through its object ("reiterated
    claims that ...", "issued a statement that ...")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [
        c
        for h in (verb, *objs)
        for c in h.children
        if c.dep_ == "ccomp"
        or (
            h is not verb
            and c.dep_ in {"acl", "relcl"}
            and c.pos_ == "VERB"
            and any(m.dep_ == "mark" for m in c.children)
        )
    ]


def _complement_role(verb: Token, actors: _Actors) -> bool:
    """Whether a complement's subject is an actor no one names ("said that all parties
    must exercise restraint"): the statement is aimed at someone."""
    return any(
        subj.lemma_.lower() in ACTOR_NOUNS and not _np_actors(subj, actors)
        for comp in _complements(verb)
        for subj in comp.children
        if subj.dep_ in {"nsubj", "nsubjpass"}
    )


def _complement_groups(verb: Token, actors: _Actors) -> list[list[str]]:
    """Actors of the clause a verb of saying governs, its subject's first ("stated that
    Kyiv had deployed troops" -> Ukraine), one group per noun phrase: coordinated actors
    stay together ("said that Syria will recognize Abkhazia and South Ossetia" ->
    [Syria], [Abkhazia, South Ossetia])."""
    return _clause_groups(_complements(verb), actors)


def _governed(verb: Token) -> list[Token]:
    """The infinitives an appeal governs, with the infinitives coordinated with or
    attached to them: "called on X to block Y, to disconnect Z" -> "block", "disconnect"."""
    first = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return first + [
        c
        for x in first
        for c in x.children
        if c.dep_ in {"conj", "advcl"} and c.tag_ == "VB" and c.pos_ == "VERB"
    ]


def _appeal_groups(verb: Token, actors: _Actors, verbs: EventVerbs) -> list[list[str]]:
    """Actors at whom the acts an appeal asks for are aimed, one group per phrase ("called
    on the international community to disconnect Russia from SWIFT" -> [Russia]): the
    targets of the infinitives (:func:`relnlp.events._clauses._targets`), never the
    actors of their adjuncts ("to show restraint in a call with X")."""
    return [
        g
        for x in _governed(verb)
        for np_ in _targets(x, [], False, verbs)
        if (g := _np_side(np_, actors))
    ]


def _clause_groups(clauses: list[Token], actors: _Actors) -> list[list[str]]:
    """Actors of ``clauses``, each clause's subject first, one group per noun phrase."""
    out: list[list[str]] = []
    for comp in clauses:
        for subj in (c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}):
            out.append(_np_side(subj, actors))
            out += [_np_side(c, actors) for c in subj.children if c.dep_ == "poss"]
        for t in comp.subtree:
            hit = actors.by_token.get(t.i)
            if hit is not None and not _location(t, actors):
                # the conjuncts of a name are one group: "the DNR and LNR"
                side = _np_side(t, actors) if t.conjuncts else []
                out.append(side if hit.name in side else [hit.name])
    return [g for g in out if g]


def statement_class(ev: Event, tone: Any) -> str:
    """The quad class of an event; a public statement (CAMEO 01) takes its sentence's tone.

    ``tone`` is the sentence's record (``cooperation``, ``tension``) or None. Used by the
    ``events`` table (:mod:`relnlp.tables`).

    CAMEO codes what a statement says, not that it was made: "warned that X is massing
    troops" is verbal conflict, "said it values X's friendship" verbal cooperation. Root 01
    alone is neutral, so the sentence's cooperation and tension decide.
    """
    if ev.cameo[:2] != "01" or ev.negated or tone is None:
        return ev.type
    return QUAD_CLASSES[2] if tone.tension > tone.cooperation else QUAD_CLASSES[0]
