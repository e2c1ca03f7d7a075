"""Roles beyond the clause's own subject and object: the passive agent the parser
attached low ("invited to the summit by Egypt"), the author of an act noun ("killed in a
Turkish drone strike"), acts undergone ("came under attack from X"), and the last-resort
back-off that fills a trigger's roles by word order, at a low actor confidence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Token

from relnlp.events._actors import _Actor, _Actors, _Context, _fills_role, _location, _np_side
from relnlp.events._clauses import (
    BY,
    FINITE_TAGS,
    _clause_subject,
    _intent,
    _is_passive,
    _match,
    _negated,
    _objects,
    _prep_objects,
    _skip_clause,
)
from relnlp.events._discourse import description
from relnlp.events._types import Event, EventVerbs, Trigger, quad_class
from relnlp.events._words import (
    ACT_NOUNS,
    AUTHOR_PRONOUNS,
    CROWD_HEADS,
    NOMINALS,
    OFFICIAL_HEADS,
    OFFICIAL_PROTEST,
    TARGET_PREPS,
    UNDER_NOUNS,
)


def _sentence_event(
    at: Token,
    words: Sequence[Token],
    cameo: str,
    goldstein: float,
    source: str | None,
    target: str | None,
    parties: Sequence[str],
    actors: _Actors,
    negated: bool = False,
    confidence: float = 1.0,
) -> Event:
    """The event of the sentence of ``at``, its trigger spanning ``words``, with the quad
    class of ``cameo`` and the states of its ``parties``."""
    if cameo == "14" and at.lemma_.lower() == "protest" and _official(at, source, actors):
        cameo, goldstein = OFFICIAL_PROTEST
    sent = at.sent
    return Event(
        sent.start_char,
        sent.end_char,
        min(w.idx for w in words),
        max(w.idx + len(w.text) for w in words),
        cameo,
        quad_class(cameo),
        goldstein,
        negated,
        source,
        target,
        tuple(parties),
        countries=actors.states(parties),
        actor_confidence=confidence,
    )


def _official(at: Token, source: str | None, actors: _Actors) -> bool:
    """Whether the protest ``at`` (verb or noun) is a state's or an official's (CAMEO 114,
    complain officially) rather than a street protest (14): its subject or possessor is
    headed by an office ("the foreign ministry", "officials", "Foreign Minister X") or
    is a named state or capital, and is no crowd ("Thai students")."""
    who = _clause_subject(at)[0] if at.pos_ in {"VERB", "AUX"} else None
    if who is None:
        who = next((c for c in at.children if c.dep_ == "poss"), None)
    if who is None:
        return False
    if who.lemma_.lower() in CROWD_HEADS or who.lower_ in CROWD_HEADS:
        return False
    if any(t.lemma_.lower() in OFFICIAL_HEADS for t in who.subtree):
        return True
    # the subject itself names the state ("Japan", "Beijing"), not a modifier of it
    # ("a Kansas woman")
    named = actors.by_token.get(who.i)
    return source is not None and named is not None and named.label == "GPE"


def _nearby_actors(
    verb: Token, actors: _Actors, context: _Context, subject: Token | None = None
) -> tuple[list[_Actor], list[_Actor]]:
    """Actors the sentence of ``verb`` names before the trigger and, in the trigger's own
    clause, after it (in order); mere places ("in Kabul") left out.

    Those before come nearest first when the clause's ``subject`` is a pronoun (it takes
    the actor named last: "met Taliban leaders; they promised"), otherwise in the order
    of the text: an unresolved subject phrase names its own actor before the actors of
    its modifiers ("the Saudi-led coalition fighting Houthi rebels has declared", "a UN
    expert on Myanmar called for"), as the subject comes first in an English clause."""
    sent = verb.sent
    clause_end = verb.right_edge.i
    lo = bisect.bisect_left(context.mention_at, sent.start)
    hi = bisect.bisect_left(context.mention_at, sent.end)
    before: list[tuple[int, _Actor]] = []
    after: list[_Actor] = []
    for i, a in context.mentions[lo:hi]:
        if _location(verb.doc[i], actors):
            continue
        if i < verb.i:
            before.append((i, a))
        elif i <= clause_end:
            after.append(a)
    if subject is not None and subject.pos_ == "PRON":
        ordered = [a for _i, a in reversed(before)]
    else:
        # the trigger's own clause first, then the sentence before it
        start = verb.left_edge.i
        ordered = [a for i, a in before if i >= start] + [a for i, a in before if i < start]
    return list(dict.fromkeys(ordered)), list(dict.fromkeys(after))


def _low_agent(verb: Token, actors: _Actors) -> Token | None:
    """The agent of a passive the parser attached below the verb: "were invited to the
    summit by Egypt" ("by Egypt" under "summit"), or the author of the act a passive's
    manner phrase names: "were killed in a Turkish drone strike", "was hit by an Iranian
    missile attack" (a nationality or a name on an act noun, or its possessor)."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in {"in", "by", "to", "at", "during"}:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if c.lower_ == "by" and p.lemma_.lower() in ACT_NOUNS:
                # "hit by an Iranian missile attack", "by Russia's shelling"
                if (author := _act_author(p, actors)) is not None:
                    return author
            if c.lower_ == "in" and p.lemma_.lower() in NOMINALS:
                if (author := _act_author(p, actors)) is not None:
                    return author
            for by in _prep_objects(p, BY, agent=True):
                if _np_side(by, actors):
                    return by
    return None


def _detached_origin(noun: Token, verb: Token, actors: _Actors) -> Token | None:
    """The name of the state or organisation a group noun comes from when the parser
    attached its "from"/"of" phrase to the verb instead: "were detained by soldiers from
    Eritrea" ("from Eritrea" under "detained"). Only right after the noun, and never a
    city or region: under the verb it may be where the act took place ("were arrested by
    police from Mosul" says nothing of who arrested)."""
    after = noun.right_edge.i + 1
    for c in verb.children:
        if c.i != after or c.dep_ != "prep" or c.lower_ not in ORIGIN_PREPS:
            continue
        for p in c.children:
            hit = actors.by_token.get(p.i)
            if p.dep_ == "pobj" and hit is not None and not hit.place:
                return p
    return None


def _act_author(noun: Token, actors: _Actors) -> Token | None:
    """The word on an act noun that names its author: a possessor, or a nationality or
    name modifying it ("Russia's shelling", "a Turkish drone strike")."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and _np_side(c, actors):
            return c
    for c in noun.children:
        hit = actors.by_token.get(c.i)
        if c.dep_ in {"amod", "compound", "nmod"} and hit is not None and not hit.place:
            return c
    return None


def _under_event(
    noun: Token, verbs: EventVerbs, actors: _Actors, context: _Context
) -> Event | None:
    """An act the clause's subject undergoes: "the embassy came under attack from Houthi
    rebels", "under pressure from Washington, Panama expelled ..." (:data:`UNDER_NOUNS`
    after "under"). The source is the object of "from" or "by" (on the noun or on the
    clause's verb), the target the clause's subject. Not when the verb has an object
    ("put Kenya under pressure": the verb table's act), nor in a clause that reports no
    act (a hypothesis, a denial)."""
    verb_lemma = UNDER_NOUNS.get(noun.lemma_.lower())
    if verb_lemma is None or noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return None
    gov = noun.head.head
    if gov.pos_ not in {"VERB", "AUX"}:
        return None
    coded = _match(gov, verbs)
    if coded is not None and coded[0].particle == "under":
        return None  # "put Kenya under pressure": the verb's act
    if _skip_clause(gov) or _negated(gov):
        return None
    entries = [t for t in verbs.by_verb.get(verb_lemma, ()) if t.objects is None]
    if not entries:
        return None
    by = next((p for h in (noun, gov) for p in _prep_objects(h, FROM_BY, agent=True)), None)
    subj, _passive = _clause_subject(gov)
    if by is None or subj is None:
        return None
    sources = _np_side(by, actors)
    targets = _np_side(subj, actors)
    confidence = 1.0
    if not targets and (subj.pos_ == "PRON" or description(subj) is not None):
        targets, confidence = context.resolve_scored(subj)
    targets = [t for t in targets if t not in sources]
    if not sources or not targets:
        return None
    trig = entries[0]
    return _sentence_event(
        noun,
        [noun],
        trig.cameo,
        trig.goldstein,
        ";".join(sources),
        ";".join(targets),
        list(dict.fromkeys((*sources, *targets))),
        actors,
        confidence=confidence,
    )


#: The prepositions of the source of an act undergone: "under attack from X", "by X".
FROM_BY = frozenset({"from", "by"})
#: Prepositions of a group's origin: "soldiers from Eritrea", "militants of the group".
ORIGIN_PREPS = frozenset({"from", "of"})
#: Confidence of the actors of an event whose roles come from word order alone.
BACKOFF_CONFIDENCE = 0.4


def _backoff_event(
    verb: Token, trig: Trigger, words: list[Token], actors: _Actors, context: _Context
) -> Event | None:
    """An event from an active clause whose subject the parse did not find or could not
    resolve (a pronoun, a participle clause, a verb the parse cut off from its subject),
    its roles filled by word order: an actor named before the trigger is the source (the
    first, or the last for a pronoun subject: :func:`_nearby_actors`), the first named
    after it in its clause the target.

    Never the same actor (or an actor and its own state) on both sides; names of things
    (exercises, treaties, weapons) are no actors
    (:func:`relnlp.events._actors._is_thing`). Not guessed: statements (CAMEO 01),
    refusals and intents, passives (the subject is their target: :func:`_event_at`),
    clauses whose subject is a noun that names no actor ("the channel provides"), and
    verbs used as adjectives or prepositions ("is striking", "given").
    """
    if (
        trig.cameo[:2] == "01"
        or verb.dep_ in BACKOFF_SKIP_DEPS
        or _is_passive(verb)
        or _negated(verb)
        or _intent(verb)
    ):
        return None
    if not _asserted_form(verb):
        return None
    subj, passive = _clause_subject(verb)
    if passive or (subj is not None and subj.pos_ != "PRON" and not _fills_role(subj, actors)):
        return None
    if subj is not None and subj.lower_ in AUTHOR_PRONOUNS:
        return None  # "we": the author, as in :func:`_event_at`
    before, after = _nearby_actors(verb, actors, context, subj)
    sources = [a.name for a in before][:1]
    if not sources:
        return None
    own = set(sources) | set(actors.states(sources))
    targets = actors.others((a.name for a in after), own)[:1]
    return _sentence_event(
        verb,
        words,
        trig.cameo,
        trig.goldstein,
        sources[0],
        ";".join(targets) or None,
        list(dict.fromkeys((*sources, *targets))),
        actors,
        confidence=BACKOFF_CONFIDENCE,
    )


def _asserted_form(verb: Token) -> bool:
    """Whether a verb's form asserts an act by itself: a finite verb ("unleashed",
    "courts"), a verb with a tense auxiliary ("has hit", "were fighting"), a participle
    clause of one ("..., alleging that"), or a conjunct of such a verb. Not an infinitive
    ("resolve to threaten", "designed to defend") nor a gerund under a noun ("reports of
    X beginning to invest"): their act may never have happened."""
    cur = verb
    for _ in range(4):
        if cur.tag_ in FINITE_TAGS:
            return True
        if any(c.dep_ == "aux" and c.lemma_.lower() in TENSE_AUXILIARIES for c in cur.children):
            return True
        if cur.tag_ == "VBG" and cur.dep_ == "advcl" and cur.head.tag_ in FINITE_TAGS:
            return True
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


#: Auxiliaries of tense and aspect ("has hit", "were fighting", "did attack"); not "to",
#: nor a verb the parser took for one ("felt threatened").
TENSE_AUXILIARIES = frozenset({"be", "have", "do"})
#: Dependencies of a verb used as an adjective, a preposition or an adverb ("is
#: striking", "given their desire", "felt threatened"), which :func:`_backoff_event` does
#: not read as an act.
BACKOFF_SKIP_DEPS = frozenset({"prep", "mark", "advmod", "acomp", "oprd", "amod", "agent"})


#: Prepositions of the place where violence lands: "struck targets in Gaza".
STRUCK_PLACE_PREPS = frozenset({"in", "inside", "across", "throughout"})


def _struck_place(
    verb: Token, objects: Sequence[Token], actors: _Actors, sources: Sequence[str], own: set[str]
) -> list[str]:
    """The state of the place where a violent act lands when what it hits names no one:
    "Israel struck targets in Gaza" -> Palestine, "Russian forces shelled villages in
    eastern Ukraine" -> Ukraine, as a city or region acted on stands for its state
    (guidelines, section 7: "Russia struck Kharkiv"). Only for violence (CAMEO 18-20, the
    caller): where another act merely happens ("met in Moscow") is no target. Only when a
    state, or an actor of one, strikes across its border: never its own state, nor a region
    the gazetteer does not place ("Nigeria bombed camps in Borno"), nor where a group
    without a state fights ("the group unleashed a campaign in eastern Afghanistan"), nor
    where something of no one named was hit ("cells were destroyed in Kabul")."""
    if _is_passive(verb) or not any(actors.country.get(s) for s in sources):
        return []
    if _hosted(verb):
        # fighting "in Syria alongside Syrian forces", "at the request of the government":
        # the place's state is a host, not a target
        return []
    for head in (*objects, verb):
        for place in _prep_objects(head, STRUCK_PLACE_PREPS):
            hit = actors.by_token.get(place.i)
            if hit is not None and hit.label == "GPE" and hit.country and hit.country not in own:
                return [hit.name]
    return []


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Prepositions that make the place's state a host or partner of the act ("with" is most
#: often the instrument: "struck targets in Lebanon with drones").
HOST_PREPS = frozenset({"alongside"})
#: Objects of a verb that a coordinated verb's target may still be shared with ("met Peru
#: and signed a trade deal": the deal is made with Peru).
JOINT_ACT_NOUNS = frozenset(
    "deal agreement accord treaty pact memorandum contract declaration statement "
    "communique communiqué protocol".split()
)


def _hosted(verb: Token) -> bool:
    """Whether a prepositional phrase of ``verb`` makes the place's state a host or partner
    ("alongside Syrian forces", "at the request of the government")."""
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ in HOST_PREPS or (
            c.lower_ == "at" and any(t.lower_ == "request" for t in c.subtree)
        ):
            return True
    return False


def _own_object(verb: Token) -> bool:
    """Whether a verb names what it acts on itself ("praised the new pipeline", "vowed to
    protect its allies"), other than a joint act made with someone ("signed a deal") or
    the subject's own people or things ("recalled its ambassador")."""
    for c in verb.children:
        # the subject's own envoy or troops ("recalled its ambassador") are no object of
        # the verb's own: the act is still aimed at the first verb's object
        objs = [c] if c.dep_ == "dobj" and not _subjects_own(c) else []
        if c.dep_ == "xcomp":
            objs = [g for g in c.children if g.dep_ == "dobj"]
        if any(o.lemma_.lower() not in JOINT_ACT_NOUNS for o in objs):
            return True
    return False


def _subjects_own(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)


def _conjunct_targets(verb: Token, actors: _Actors, own: set[str]) -> list[str]:
    """The target a verb shares with the verb it is coordinated with when its own
    objects name no one: "Chile met Peru and signed a trade deal" (signed: Peru), "Bolivia
    condemned Chile and recalled its ambassador" (recalled: Chile), "the army arrested and
    killed IS-K members" (arrested: IS-K). Only between verbs of one subject: a conjunct
    with a subject of its own is a clause of its own; only verbs in a tense, which report
    acts ("urged X to pull back its ships and honour the accord" asks for them)."""
    if verb.tag_ not in FINITE_TAGS:
        return []
    sides: list[Token] = []
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and not _own_object(verb)
    ):
        sides.append(verb.head)  # the first verb's object: "met Peru and signed"
    if not any(c.dep_ == "dobj" for c in verb.children):
        # the object that follows the last verb: "arrested and killed IS-K members"
        sides += [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        ]
    for side in sides:
        for np_ in (*_objects(side), *_prep_objects(side, TARGET_PREPS)):
            got = actors.others(_np_side(np_, actors), own)
            if got:
                return got
    return []
