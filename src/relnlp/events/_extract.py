"""The extraction itself: events from verb clauses and from nouns that name an act, each
with its source, target or parties, and dated from the clause, the sentence or the
chronology entry."""

from __future__ import annotations

import operator
import weakref
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.attrs import POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from relnlp import records as doc_records
from relnlp.events._actors import (
    _Actors,
    _Context,
    _fills_role,
    _hyphen_pair,
    _nationality_of,
    _np_actors,
    _np_side,
)
from relnlp.events._clauses import (
    _agent,
    _clause_subject,
    _content_of,
    _intent,
    _is_passive,
    _match,
    _mutual,
    _negated,
    _no_longer,
    _prep_objects,
    _scheduled,
    _skip_clause,
    _targets,
    _verb_above,
)
from relnlp.events._discourse import description
from relnlp.events._lexicon import _default_verbs
from relnlp.events._noun_acts import noun_act, plain_entry, received_act
from relnlp.events._reported_acts import author_prep, noun_preps, reported_candidates
from relnlp.events._roles import (
    _act_author,
    _backoff_event,
    _conjunct_targets,
    _detached_origin,
    _low_agent,
    _nearby_actors,
    _sentence_event,
    _struck_place,
    _under_event,
)
from relnlp.events._statements import (
    _appeal_groups,
    _complement_groups,
    _complement_role,
    _governed,
)
from relnlp.events._types import Event, EventVerbs, Trigger, quad_class
from relnlp.events._words import (
    ACT_NOUNS,
    ACTOR_PRONOUNS,
    ADJUNCT_PREPS,
    APPEAL_ROOTS,
    AUTHOR_PRONOUNS,
    COURSE_VERBS,
    ENDING_VERBS,
    FORCE_NOUNS,
    INFORMANT_HEADS,
    NEGATING_HEADS,
    NOMINAL_FRAMES,
    NOMINAL_MUTUAL,
    NOMINALS,
    OATH_VERBS,
    OBJECT_VERBS,
    PRONOUN_KINDS,
    RECEIVE_VERBS,
    REFUSAL_HEADS,
    REFUSAL_MODALS,
    SOLO_ROOTS,
    SOLO_VERBS,
    SPEECH_ROOTS,
    TARGET_PREPS,
    THEME_ROOTS,
    VERBAL_ROOTS,
    WEIGHING_VERBS,
)
from relnlp.pipeline import doc_text


def _event_at(
    verb: Token,
    trig: Trigger,
    words: list[Token],
    actors: _Actors,
    verbs: EventVerbs,
    context: _Context | None = None,
    loose: bool = False,
) -> Event | None:
    """The event of the clause of ``verb``, or None.

    With ``loose`` (a sentence whose clauses gave no event, :func:`extract_events`), a
    role the parse leaves empty is taken from the actors the sentence names around the
    trigger (:func:`_nearby_actors`) instead of dropping the event.
    """
    subj, passive_subj = _clause_subject(verb)
    if subj is not None and subj.lower_ in AUTHOR_PRONOUNS and subj.pos_ == "PRON":  # not "US"
        return None
    passive = passive_subj or _is_passive(verb)
    agent = _agent(verb)
    obj_words = [w for w in words[1:] if w.pos_ in {"NOUN", "PROPN"}]
    theme = trig.cameo[:2] in THEME_ROOTS
    if passive and agent is None:
        agent = _low_agent(verb, actors)
    elif agent is not None and agent.lemma_.lower() in ACT_NOUNS and not _np_side(agent, actors):
        # "was hit by a Saudi air strike": the author of the act that did it
        agent = _act_author(agent, actors) or agent
    elif agent is not None and not _np_side(agent, actors):
        # "were detained by soldiers from Eritrea", "from Eritrea" attached to the verb
        agent = _detached_origin(agent, verb, actors) or agent
    if passive:
        src_np, tgt_nps = agent, ([subj] if subj is not None and subj not in obj_words else [])
        if theme and agent is None and subj is not None:
            # "Iran's oil was sold to Russia": the owner of what moves gives it; "Russian
            # troops were deployed to Belarus": the state of the forces that move
            src_np = next((c for c in subj.children if c.dep_ == "poss"), None)
            if src_np is None and subj.lower_ in FORCE_NOUNS and _np_side(subj, actors):
                src_np = subj
            tgt_nps = []
        tgt_nps += _targets(verb, obj_words, theme, verbs)
    else:
        src_np, tgt_nps = subj, _targets(verb, obj_words, theme, verbs)
    if not passive and verb.lemma_.lower() in RECEIVE_VERBS:
        # "India received a waiver from the United States": the giver is the source
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        giver = next((p for h in holders for p in _prep_objects(h, FROM)), None)
        if giver is not None and _np_actors(giver, actors):
            src_np, tgt_nps = giver, [n for n in (subj,) if n is not None]
            # what was received is aid (CAMEO 07), or the act its noun names: "received
            # warnings from X" (X warned), "received a visit from X"
            received = received_act(verb, verbs)
            trig = received[0] if received else Trigger(trig.verb, None, None, "07", 7.0)
            words = [verb, received[1]] if received else words
    if src_np is not None and src_np.lemma_.lower() in INFORMANT_HEADS:
        return None  # "an IS-K source said": an informant, not the group acting
    sources = _np_side(src_np, actors) if src_np is not None else []
    if src_np is not None and src_np is subj and src_np.head.i != src_np.i:
        # "The US, UK, and France said": the parser can give a verb several subjects
        for c in src_np.head.children:
            if c.dep_ == src_np.dep_ and c.i != src_np.i and _adjacent(c, src_np):
                sources += [a for a in _np_side(c, actors) if a not in sources]
    if (
        not sources
        and src_np is not None
        and src_np.lemma_.lower() in ACT_NOUNS
        and trig.cameo[:2] in FORCE_ROOTS
    ):
        # "Russian strikes hit the plant": the nationality of a violent act that does
        # violence names who acts ("Russian raids suggest a plan" is the author's reading)
        sources = _nationality_of(src_np, actors)
    confidence = 1.0  # of the actors: lower when one was resolved from the discourse
    if not sources and src_np is not None and context is not None:
        # "they reiterated", "the two sides signed", "the group claimed", "authorities
        # eased": the actors the text has just named (relnlp.events._discourse)
        sources, confidence = context.resolve_scored(src_np)
        confidence = confidence if sources else 1.0
    targets: list[str] = []
    target_filled = False
    # the state of a body of state is its own side, never its target ("the Indian Foreign
    # Ministry will evacuate India's embassy"); a person's is ("Navalny accused Russia")
    own_states = set(actors.states(s for s in sources if actors.label.get(s) == "ORG"))
    for np_ in tgt_nps:
        named = _np_side(np_, actors)
        if (
            not named
            and context is not None
            and (np_.lower_ in {"him", "her", "them"} or description(np_) is not None)
        ):
            named, sure = context.resolve_scored(np_)
            confidence = min(confidence, sure) if named else confidence
        got = [a for a in named if a not in sources and a not in own_states]
        if got:
            targets, target_filled = got, True
            break
        if named:
            # "Moscow deployed Russian soldiers to Kazakhstan": the soldiers are the
            # source's own; the next phrase names the target
            continue
        if _fills_role(np_, actors):
            # "called on all parties to show restraint": the target is the parties, named
            # by no one, not the object of what they are asked to do; unless the parser
            # split an apposition into a second object right after it ("meet his
            # counterpart Italian President X")
            twin = next((o for o in tgt_nps if _split_apposition(np_, o)), None)
            got = [a for a in _np_side(twin, actors) if a not in sources] if twin else []
            if not got and trig.cameo[:2] in APPEAL_ROOTS:
                # "called on the international community to disconnect Russia from
                # SWIFT": an appeal to no one named is aimed at the actor the act it asks
                # for is aimed at (the guidelines' statement "aimed at another actor")
                own = _own_side(sources, src_np, actors)
                groups = _appeal_groups(verb, actors, verbs)
                got = next((kept for g in groups if (kept := actors.others(g, own))), [])
                if got and _asks_hostile_act(verb, verbs):
                    trig = Trigger(trig.verb, None, None, "10", -5.0)  # a demand (CAMEO 10)
            targets, target_filled = got, True
            break
    if not targets and not target_filled:
        # "sanctions on the Russian financial sector", "strikes on Ukrainian cities": the
        # state whose nationality qualifies what the act is aimed at
        # (a prepositional object, or an act: "threatened Afghan clerics" aims at people,
        # "denounced Chinese incursions" at China), the subject of a passive without agent
        # ("two French tourists were kidnapped": France), or the object of a governed act
        # ("threatened to bomb North Korean bases")
        targets = [
            a
            for np_ in tgt_nps
            if np_.dep_ == "pobj"
            or np_.lemma_.lower() in ACT_NOUNS
            or (np_.dep_ == "nsubjpass" and (trig.goldstein < 0 or _fills_role(np_, actors)))
            or (np_.dep_ == "dobj" and np_.head.dep_ == "xcomp" and np_.head.head == verb)
            for a in _nationality_of(np_, actors)
            if a not in sources
        ][:1]
        if not targets and trig.cameo[:2] in FORCE_ROOTS:
            # "struck targets in Gaza": the state of the place the violence lands in
            own = _own_side(sources, src_np, actors)
            targets = _struck_place(verb, tgt_nps, actors, sources, own)
        target_filled = bool(targets)
    if not targets and trig.cameo[:2] in VERBAL_ROOTS:
        # a statement, appeal, demand or threat is aimed at the actor its complement
        # clause is about: "warned that Russia was preparing an attack" -> Russia
        # never the speaker's own side: "Hungary's minister announced that Hungary ...",
        # "X, director of Iran's railways, said that Iran needs ..."
        own = _own_side(sources, src_np, actors)
        # the first phrase naming someone else, with the actors coordinated in it
        targets = next(
            (
                kept
                for group in _complement_groups(verb, actors)
                if (kept := actors.others(group, own))
            ),
            [],
        )
        target_filled = target_filled or bool(targets) or _complement_role(verb, actors)
    if not targets:
        # "met Peru and signed a deal": the target shared with a coordinated verb
        targets = _conjunct_targets(verb, actors, _own_side(sources, src_np, actors))
        target_filled = target_filled or bool(targets)
    if loose and context is not None:
        if src_np is None and not passive and verb.dep_ not in {"conj", "relcl"}:
            return None  # a heading, a fragment: no clause of an act
        if verb.dep_ in {"prep", "mark", "advmod"}:
            return None  # "Given that ...", "including": a participle used as a preposition
        act_subject = src_np is not None and src_np.lemma_.lower() in NOMINALS
        if src_np is not None and not sources and not _fills_role(src_np, actors):
            if not act_subject:
                return None  # "the paper discusses", "their missteps provide": not an actor
        before, after = _nearby_actors(verb, actors, context, src_np)
        pronoun = src_np is not None and src_np.lower_ in PRONOUN_KINDS
        if not sources and not passive and not act_subject and not pronoun:
            # a subject that names no one ("officials", a conjoined verb the parse cut
            # off): the first actor named before the trigger (:func:`_nearby_actors`); a
            # pronoun was resolved as in the strict pass (:meth:`_Context.resolve_scored`)
            sources = [a.name for a in before if a.name not in targets][:1]
        if not targets:
            # no object the parse can see: the next actor named after the trigger
            own = _own_side(sources, src_np, actors)
            targets = actors.others((a.name for a in after), own)[:1]
        target_filled = target_filled or bool(targets)
    source_filled = src_np is not None and (bool(sources) or _fills_role(src_np, actors))
    # "he and Xi signed": coordinated subjects make a joint act even when one of them is
    # a pronoun or an unnamed actor
    conjuncts = [src_np, *(c for c in src_np.conjuncts)] if src_np is not None else []
    several = len(sources) >= 2 or (
        len(conjuncts) >= 2 and bool(sources) and all(_fills_role(c, actors) for c in conjuncts)
    )
    # Several subjects act together (parties, no direction) when the act has no other
    # side or is mutual by nature (meeting, talks, cooperation, signing); otherwise they
    # are the source side of a directed act: "the US and Britain condemned Russia".
    joint = several and _mutual(trig)
    targets = [t for t in targets if t not in sources]  # never the same actor on both sides
    source = None if joint or not sources else ";".join(sources)
    target = ";".join(targets) if targets else None
    speech = trig.cameo[:2] in SPEECH_ROOTS and bool(sources)
    # "the government imposed a curfew", "the rebels declared a ceasefire", "the
    # president resigned": an act of the source alone
    solo = (
        trig.cameo[:2] in SOLO_ROOTS
        and bool(sources)
        and (trig.objects is not None or trig.verb in SOLO_VERBS)
    )
    if trig.cameo[:2] == "01" and not sources:
        return None  # "he said that ...": a statement needs a speaker the text names
    if loose:
        if not (sources or targets or joint) or (trig.cameo[:2] == "01" and not targets):
            return None  # a statement aimed at no one is not an event
    elif not joint and not (source_filled and (target_filled or speech or solo)):
        return None
    if source is None and target is None and not joint:
        return None
    parties = list(dict.fromkeys((*sources, *targets)))
    negated = _negated(verb)
    cameo, gold = trig.cameo, trig.goldstein
    if _intent(verb) and cameo[:2] not in VERBAL_ROOTS:
        # "X is willing to withdraw": an expressed intent (CAMEO 03), or a threat (13)
        # when the act intended is hostile
        cameo, gold = ("03", 4.0) if gold >= 0 else ("13", -6.0)
    elif verb.lemma_.lower() in OATH_VERBS and _asks_hostile_act(verb, verbs):
        cameo, gold = "13", -6.0  # "vowed to retaliate against X": a threat (CAMEO 13)
    if negated:
        if gold < 0 or trig.cameo[:2] == "01" or not _refusal(verb, trig):
            # "did not attack", "has not announced", "did not recognize": no act took
            # place (the guidelines: negated actions are not events)
            return None
        cameo, gold = "12", round(-0.5 * gold, 3)  # a withheld act of cooperation: a refusal
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_HEADS:
            words = [verb.head, *words]  # "declined to recognize": the refusal is the trigger
    return _sentence_event(
        verb,
        words,
        cameo,
        gold,
        source,
        target,
        parties,
        actors,
        negated=negated,
        confidence=confidence,
    )


def _adjacent(a: Token, b: Token) -> bool:
    """Whether two phrases are parts of one list: nothing but commas and a conjunction
    between them ("The US, UK, and France")."""
    first, second = (a, b) if a.i < b.i else (b, a)
    between = first.doc[first.right_edge.i + 1 : second.left_edge.i]
    return all(t.is_punct or t.dep_ == "cc" for t in between)


def _split_apposition(first: Token, second: Token) -> bool:
    """Whether ``second`` is a name the parser made a second object of the verb of
    ``first`` right after it, where it is an apposition: "met his counterpart Italian
    President X" (two ``dobj``)."""
    return (
        second.i > first.i
        and first.dep_ == second.dep_ == "dobj"
        and first.head.i == second.head.i
        and second.pos_ == "PROPN"
        and _adjacent(first, second)
    )


def _own_side(sources: list[str], src_np: Token | None, actors: _Actors) -> set[str]:
    """The speaker's own side: its actors, their states, and what its subject phrase names
    ("X, director of Kenya's railways" -> Kenya)."""
    own = set(sources) | set(actors.states(sources))
    if src_np is not None:
        own |= {h.name for t in src_np.subtree if (h := actors.by_token.get(t.i)) is not None}
        own |= set(actors.states(list(own)))
        own |= {c for t in src_np.subtree if (c := actors.home.get(t.i))}
    return own


def _governor(tok: Token) -> Token | None:
    """The verb whose clause holds the noun ``tok``."""
    return _verb_above(tok, 8)


def _nominal_event(
    noun: Token, verbs: EventVerbs, actors: _Actors, context: _Context, loose: bool = False
) -> Event | None:
    """An act named by a noun that the clause reports ("the Taliban's crackdown on the
    cells choked recruitment", "cooperation between A and B grew", "the signing of the
    accord by A and B"), not one that frames it ("since Russia's invasion of Ukraine").

    The author is the agent ("by X"), the possessor ("X's") or a name modifying the noun
    ("Russian strikes"); the target the object of "of/on/against/with/to/into"; "between
    A and B", or several authors of a mutual act, are the parties. With ``loose`` (a
    sentence that gave no other event) a name modifying the noun is its author ("Kenyan
    raids on Somali camps"); both sides must still be named.
    """
    lemma = noun.lemma_.lower()
    verb_lemma = NOMINALS.get(lemma)
    if verb_lemma is None:
        return None
    trig = plain_entry(verbs, verb_lemma)
    if trig is None:
        return None
    if any(c.dep_ == "neg" or c.lower_ in {"no", "without"} for c in noun.children):
        return None
    if noun.dep_ == "pobj" and (
        noun.head.lower_ in NOMINAL_FRAMES or noun.head.head.pos_ == "NOUN"
    ):
        return None
    if noun.dep_ in {"compound", "amod", "nmod", "poss", "conj", "appos", "npadvmod"}:
        return None
    gov = _governor(noun)
    # "in a phone call with X": the circumstance of the clause's act, not its object
    adjunct = (
        gov is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ADJUNCT_PREPS
        and noun.head.head.i == gov.i
    )
    if gov is not None and (
        _skip_clause(gov)
        or _negated(gov)
        or (
            _match(gov, verbs) is not None
            and noun.dep_ not in {"nsubj", "nsubjpass"}
            and not adjunct
        )
    ):
        return None  # a hypothetical, a denial, or the object of an act coded by its verb
    authors: list[str] = []
    targets: list[str] = []
    parties: list[str] = []
    mutual = lemma in NOMINAL_MUTUAL
    reported = _reported_act(noun, gov)
    for c in noun_preps(noun):
        if c.dep_ == "poss" and c.pos_ != "PRON" and reported:
            # "the Taliban's crackdown on madrasas choked recruitment": the subject of a
            # clause in the past that reports what the act did; its owner is the author
            authors += _np_side(c, actors)
        elif c.dep_ == "poss" and c.pos_ != "PRON":
            # "Russia's invasion of Ukraine" names an act to frame or weigh it: background,
            # not a report (the annotation guidelines); only "A-B talks" are kept
            return None
        elif c.dep_ == "poss" and mutual and c.lower_ == "their":
            # "their joint exercises", "their talks": the actors just named
            authors += context.resolve(c)
        elif c.dep_ in {"compound", "amod", "nmod"} and (mutual or loose):
            hit = actors.by_token.get(c.i)
            if hit is not None:
                authors.append(hit.name)
            authors += _hyphen_pair(noun, actors)  # "the Kenya-Ethiopia summit"
        elif c.dep_ == "agent" or (c.dep_ == "prep" and author_prep(noun, c)):
            authors += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
        elif c.dep_ == "prep" and c.lower_ == "between":
            parties += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"of"} and not targets:
            if loose and c.lower_ == "of" and not authors:
                continue  # "the summit of the AU": whose act, not at whom
            targets += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
    if mutual and not authors and adjunct and gov is not None:
        # "Wang condemned X in a phone call with Blinken": the clause's subject is the
        # other party of the call, the meeting or the talks it took place in
        subj, passive = _clause_subject(gov)
        if subj is not None and not passive:
            authors += _np_side(subj, actors)
    authors = list(dict.fromkeys(authors))
    if loose and not targets and not parties:
        # "a crackdown on Somali pirates": the state whose nationality qualifies the target
        targets = [
            a
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for p in c.children
            if p.dep_ == "pobj"
            for a in _nationality_of(p, actors)
            if a not in authors
        ][:1]
    if mutual and (
        len(parties) >= 2
        or (len(authors) >= 2 and not targets)
        or (len(authors) == 1 and len(targets) == 1 and lemma != "signing")
    ):
        source, target = None, None
        both = parties if len(parties) >= 2 else authors + targets
        both = list(dict.fromkeys(both))
        if len(both) < 2:
            return None
        side: list[str] = both
    else:
        targets = [t for t in targets if t not in authors]
        if authors and not targets and reported and trig.cameo[:2] in SOLO_ROOTS:
            pass  # "the junta's crackdown intensified": an act of its author alone
        elif not (authors and targets):
            return None
        if mutual and not targets:
            return None  # a joint act with one party named: "Russian-led exercises"
        source, target = ";".join(authors) or None, ";".join(targets) or None
        side = list(dict.fromkeys((*authors, *targets)))
    return _sentence_event(noun, [noun], trig.cameo, trig.goldstein, source, target, side, actors)


def _reported_act(noun: Token, gov: Token | None) -> bool:
    """Whether the clause of an act noun reports the act: the noun is the subject of a
    verb in the simple past ("the Taliban's crackdown on madrasas choked recruitment",
    "Turkey's raid on the camp killed ten"), or of a verb of its course in any tense
    ("the crackdown continues", "the attack began"), not of a copula or of a verb of the
    author's weighing ("Russia's invasion marked a turning point", "has put pressure")."""
    if gov is None or noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i != gov.i:
        return False
    lemma = gov.lemma_.lower()
    objects = [c.lemma_.lower() for c in gov.children if c.dep_ == "dobj"]
    if lemma in ENDING_VERBS and not objects or (lemma == "take" and objects == ["place"]):
        return True  # "the visit ended on Friday", "the signing took place in Doha"
    if gov.pos_ != "VERB" or lemma in WEIGHING_VERBS:
        return False
    return lemma in COURSE_VERBS or (gov.tag_ == "VBD" and noun.dep_ == "nsubj")


#: CAMEO roots of violence (assault, fight, mass violence): an act can do them ("the
#: strikes hit", "the shelling killed").
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: The preposition of a giver: "received a waiver from the United States".
FROM = frozenset({"from"})
#: Parts of speech of the words :func:`extract_events` looks at (nouns for nominal
#: events, verbs and auxiliaries for clauses).
_EVENT_POS = frozenset({NOUN, VERB, AUX})


def extract_events(doc: Doc, verbs: EventVerbs | None = None) -> list[Event]:
    """The events of an analysed Doc (see :mod:`relnlp.events`).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        Parsed, ideally after ``relnlp_actors`` (canonical names) and ``relnlp_dates``
        (dates); without them spaCy's entities are used as they are and events are undated.
    verbs : EventVerbs, optional
        The verb table (default: the packaged one).

    Returns
    -------
    list of Event

    Examples
    --------
    >>> import relnlp
    >>> r = relnlp.load().analyze("Russia and China signed a gas deal in May 2014.")
    >>> ev = extract_events(r.doc)[0]
    >>> ev.parties, ev.type, ev.date
    (('Russia', 'China'), 'verbal_cooperation', '2014-05')
    """
    key = _inputs_of(doc) if verbs is None else None
    if key is not None:
        hit = _CACHE.get(doc)
        if hit is not None and len(hit[0]) == len(key) and all(map(operator.is_, hit[0], key)):
            return list(hit[1])
    out = _extract(doc, verbs if verbs is not None else _default_verbs())
    if key is not None:
        _CACHE[doc] = (key, tuple(out))
    return out


#: The events of a Doc with the packaged verb table, with the records they were read
#: from: the tone component reads them (sixth session, :mod:`relnlp.tone.event_terms`)
#: and the ``events`` table again; a Doc whose records were replaced is read anew.
_CACHE: weakref.WeakKeyDictionary[Doc, tuple[tuple[Any, ...], tuple[Event, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _inputs_of(doc: Doc) -> tuple[Any, ...]:
    # A record list that was never stored is a new ``[]`` at each read (a report without
    # a chronology): None stands for it, else such a Doc would be read anew every time.
    return (
        doc_records.entities(doc),
        doc_records.timexes(doc) or None,
        doc_records.chronology(doc) or None,
        doc_records.passages(doc) or None,
        _default_verbs(),
    )


def _extract(doc: Doc, verbs: EventVerbs) -> list[Event]:
    actors = _Actors(doc)
    context = _Context(doc, actors)
    timexes = [
        (t.start, t.end, t.value)
        for t in doc_records.timexes(doc)
        if t.type == "DATE" and t.value and not t.value.startswith("XXXX")
    ]
    chron = doc_records.chronology(doc)
    out: list[Event] = []
    # Only nouns, verbs and auxiliaries can carry an event: read the part of speech from
    # one array instead of making a Token object for every word of the report.
    pos = doc.to_array(POS).tolist()
    text = doc_text(doc)  # a Span's .text joins its tokens
    for sent in doc.sents:
        if text[sent.start_char : sent.end_char].rstrip().endswith("?"):
            continue
        found = len(out)
        orphans: list[Event] = []
        candidates: list[tuple[Token, tuple[Trigger, list[Token]]]] = []
        nouns: list[Token] = []
        for i in range(sent.start, sent.end):
            if pos[i] not in _EVENT_POS:
                continue
            tok = doc[i]
            if tok.pos_ == "NOUN" and tok.i not in actors.named and not _verb_as_noun(tok):
                nev = _under_event(tok, verbs, actors, context) or _nominal_event(
                    tok, verbs, actors, context
                )
                if nev is not None:
                    out.append(_dated(nev, tok, sent, timexes, chron))
                elif tok.lemma_.lower() in NOMINALS:
                    nouns.append(tok)
                continue
            # a copula can carry an act through its particle: "were in talks"
            if tok.i in actors.named or not (
                tok.pos_ == "VERB"
                or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"})
                or _verb_as_noun(tok)
            ):
                continue
            m = _match(tok, verbs)
            m = noun_act(tok, verbs, m) or m  # "announced the release of", "staged a raid"
            if m is None:
                continue
            if m[0].verb in OBJECT_VERBS and not any(
                c.dep_ in {"dobj", "nsubjpass"} for c in tok.children
            ):
                continue  # "the delegation returned to Santiago": going back is no act
            scheduled = False
            if _skip_clause(tok):
                if not _scheduled(tok, m[0]):
                    continue
                scheduled = True  # "will meet X on Saturday": an intent made public
            if _controlled_by_trigger(tok, verbs):
                continue  # "agreed to supply (and train)": one act, coded by the governing verb
            content = _content_of(tok)
            if content is not None and _match(content, verbs) is not None:
                continue  # "issued a statement condemning X": one act, coded by what it says
            ev = _event_at(tok, m[0], m[1], actors, verbs, context)
            if ev is None:
                if not scheduled:
                    candidates.append((tok, m))
                continue
            if scheduled and not ev.negated:
                ev = replace(ev, cameo="036", type=quad_class("036"), goldstein=4.0)
            if _unresolved_pronoun(tok, ev):
                # "they will fight X" with "they" unresolved: kept only when no event of
                # the sentence, strict or loose, has a source
                orphans.append(_dated(ev, tok, sent, timexes, chron))
                continue
            out.append(_dated(ev, tok, sent, timexes, chron))
        for tok, m in reported_candidates(candidates, out[found:]):  # "X said Y hit Z"
            ev = _event_at(tok, m[0], m[1], actors, verbs, context, loose=True)
            if ev is not None and ev.source and ev.target:
                out.append(_dated(ev, tok, sent, timexes, chron))
        if len(out) == found and orphans:
            loose = _loose_event(candidates, nouns, actors, verbs, context)
            if loose is not None and loose[0].source is not None:
                out.append(_dated(loose[0], loose[1], sent, timexes, chron))
            else:
                out += orphans
        elif orphans:
            out += orphans
        if len(out) == found:
            # A sentence that reports an act (a trigger in a clause that is no hypothesis)
            # but whose parse gave no event: fill the roles from the actors it names.
            loose = _loose_event(candidates, nouns, actors, verbs, context)
            if loose is not None:
                out.append(_dated(loose[0], loose[1], sent, timexes, chron))
        if len(out) == found:
            # Last resort: the trigger's roles from the actors named around it alone
            # (:func:`_backoff_event`), at a low actor confidence.
            for tok, m in candidates:
                ev = _backoff_event(tok, m[0], m[1], actors, context)
                if ev is not None:
                    out.append(_dated(ev, tok, sent, timexes, chron))
                    break
    return out


def _refusal(verb: Token, trig: Trigger) -> bool:
    """Whether a negated act is a refusal or a cut stated as such: "refused to join",
    "will not lift the ban", "would not recognise" (a decision announced), "stopped
    supplying", "no longer supplies", or talks that failed ("failed to reach an
    agreement": something took place between the two); not a report that an act did not
    happen ("did not recognize", "has not joined", "failed to give him a job")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_HEADS:
        head = verb.head.lemma_.lower()
        return head in REFUSAL_HEADS or (head == "fail" and _mutual(trig))
    return _no_longer(verb) or any(
        c.tag_ == "MD" and c.lower_ in REFUSAL_MODALS for c in verb.children
    )


def _asks_hostile_act(verb: Token, verbs: EventVerbs) -> bool:
    """Whether an appeal asks for, or a promise commits to, a hostile act ("called on X
    to block Y", "vowed to retaliate"; not "pledged not to attack")."""
    return any(
        (m := _match(x, verbs)) is not None and m[0].goldstein < 0 and not _negated(x)
        for x in _governed(verb)
    )


def _loose_event(
    candidates: list[tuple[Token, tuple[Trigger, list[Token]]]],
    nouns: list[Token],
    actors: _Actors,
    verbs: EventVerbs,
    context: _Context,
) -> tuple[Event, Token] | None:
    """The first event of a sentence's triggers with roles filled from the actors it
    names (``loose``: :func:`_event_at`, :func:`_nominal_event`), with its trigger."""
    for tok, m in candidates:
        ev = _event_at(tok, m[0], m[1], actors, verbs, context, loose=True)
        if ev is not None:
            return ev, tok
    for tok in nouns:
        nev = _nominal_event(tok, verbs, actors, context, loose=True)
        if nev is not None:
            return nev, tok
    return None


def _unresolved_pronoun(verb: Token, ev: Event) -> bool:
    """Whether the event of ``verb`` has no source because its subject is a pronoun no
    actor was found for ("they will fight X", nobody named before)."""
    subj, passive = _clause_subject(verb)
    return (
        ev.source is None
        and not passive
        and subj is not None
        and subj.pos_ == "PRON"
        and subj.lower_ in ACTOR_PRONOUNS
        and len(ev.parties) < 2
    )


def _verb_as_noun(tok: Token) -> bool:
    """ "EU and UN hand over supplies": a present-tense verb of a headline the tagger took
    for a noun, which the parser still made the root of a clause with a subject."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in tok.children)
        and any(c.dep_ in {"dobj", "prt"} for c in tok.children)
    )


def _controlled_by_trigger(tok: Token, verbs: EventVerbs) -> bool:
    """Whether ``tok`` is the infinitive of a trigger verb, or a conjunct of it ("agreed
    to open its borders and grant asylum"), whose act the governing verb codes."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "xcomp":
            return _match(cur.head, verbs) is not None
        if cur.dep_ != "conj" or cur.head.i == cur.i or cur.tag_ != "VB":
            return False
        cur = cur.head
    return False


def _dated(
    ev: Event, tok: Token, sent: Span, timexes: list[tuple[int, int, str]], chron: Sequence[Any]
) -> Event:
    date = _date_of(tok, sent, timexes, chron)
    if date is None:
        return ev
    return replace(ev, date=date[0], date_start=date[1], date_end=date[2])


def _date_of(
    verb: Token, sent: Span, timexes: list[tuple[int, int, str]], chron: Sequence[Any]
) -> tuple[str, int, int] | None:
    """The clause's date, else the sentence's, else its chronology entry's."""
    in_sent = [(v, s, e) for s, e, v in timexes if sent.start_char <= s and e <= sent.end_char]
    # the subtree's first and last words (spaCy's left and right edges), without walking it
    first, last = verb.left_edge, verb.right_edge
    lo, hi = first.idx, last.idx + len(last.text)
    clause = [d for d in in_sent if lo <= d[1] and d[2] <= hi]
    if clause or in_sent:
        return (clause or in_sent)[0]
    for c in chron:
        if c.start <= sent.start_char < c.end:
            return next(((v, s, e) for s, e, v in timexes if c.start <= s < c.end), None)
    return None
