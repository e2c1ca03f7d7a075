"""Clauses of the event extractor: the trigger a verb matches in the verb table, the
clause's subject and candidate targets, and whether the clause reports an act at all
(modals, conditions, hedges, negation)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from relnlp.events._types import EventVerbs, Trigger
from relnlp.events._words import (
    ASSESSMENT_ADVERBS,
    ATTEMPT_HEADS,
    CONDITIONAL_MARKS,
    DECISION_NOUNS,
    FACTIVE_NOUNS,
    HEDGE_HEADS,
    IMPLICATIVE_ADJECTIVES,
    INTENT_ADJECTIVES,
    MUTUAL_ROOTS,
    MUTUAL_VERBS,
    NEGATING_HEADS,
    NEGATORS,
    QUANTITY_NOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    TARGET_PREPS,
    VENUE_NOUNS,
    VENUE_VERBS,
    WEIGHING_VERBS,
)


def _clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb``'s clause and whether it is a passive subject."""
    decider = _decider(verb)
    if decider is not None:
        return decider, False  # "India's decision to ban the apps": India bans them
    cur = verb
    for _ in range(4):
        # the subject nearest the verb: the parser sometimes attaches a fronted name too
        subjects = sorted(
            (c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}),
            key=lambda c: abs(cur.i - c.i),
        )
        for c in subjects[:1]:
            passive = c.dep_ == "nsubjpass"
            if c.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return cur.head, passive
            return c, passive
        if cur.dep_ == "relcl":
            return cur.head, False
        if _statement_content(cur):
            cur = cur.head.head  # "X issued a statement condemning Y": X condemns
            continue
        host = _finite_host(cur)
        if host is not None:
            cur = host
            continue
        # "urged Iran to sign", "trusted aides to brief": the object controls the
        # infinitive (object control); "agreed to supply": the subject does
        if cur.dep_ == "xcomp" and cur.head.pos_ == "VERB":
            ctrl = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if ctrl is not None:
                return ctrl, False
        # conjoined verbs share a subject; "agreed to supply": the controller's subject
        if cur.dep_ in {"conj", "xcomp", "advcl"} and cur.head.pos_ in {"VERB", "AUX"}:
            cur = cur.head
            continue
        # "X was able to bomb", "X is willing to talk": the copula's subject
        if cur.dep_ == "xcomp" and (_implicative(cur.head) or _intent_adjective(cur.head)):
            cur = cur.head.head
            continue
        # "X did Y after meeting Z": a gerund after a preposition has the clause's subject
        if _gerund_clause(cur):
            cur = cur.head.head
            continue
        break
    return None, False


#: Tags of a verb in the past: "sought" (VBD), "has sought" (VBN).
PAST_TAGS = frozenset({"VBD", "VBN"})


#: Prepositions before a gerund that reports an act of the clause's subject ("after
#: meeting", "by supplying", "in expanding"); "before", "instead of" do not report one.
GERUND_PREPS = frozenset({"after", "since", "upon", "on", "by", "following", "while", "in"})


def _gerund_clause(verb: Token) -> bool:
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in GERUND_PREPS
        and verb.head.head.pos_ in {"VERB", "AUX"}
    )


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    # "as demanded by Islamabad": a participle with an agent is passive without an auxiliary
    return any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children)


def _match(tok: Token, verbs: EventVerbs) -> tuple[Trigger, list[Token]] | None:
    """The verb table entry ``tok`` triggers, and the trigger's words."""
    entries = verbs.by_verb.get(tok.lemma_.lower()) or verbs.by_verb.get(tok.lower_)
    if not entries and tok.tag_ in {"VBD", "VBN"} and tok.lower_.endswith("ed"):
        # the lemmatizer's slips on regular past forms ("staged" -> "stag"): the form
        # less "d" or "ed"
        entries = verbs.by_verb.get(tok.lower_[:-1]) or verbs.by_verb.get(tok.lower_[:-2])
    if not entries or _not_act(tok, verbs):
        return None
    for t in entries:
        words = [tok]
        if t.particle is not None:
            # "called for all parties to show restraint": the parser makes "for" the
            # mark of the clause it introduces
            prt = next(
                (
                    c
                    for c in tok.children
                    if c.lower_ == t.particle
                    and (c.dep_ in {"prt", "prep"} or (c.dep_ == "advmod" and c.i == tok.i + 1))
                ),
                None,
            ) or next(
                (
                    m
                    for c in tok.children
                    if c.dep_ in {"ccomp", "advcl", "xcomp"}
                    for m in c.children
                    if m.dep_ == "mark" and m.lower_ == t.particle and m.i == tok.i + 1
                ),
                None,
            )
            if prt is None:
                continue
            words.append(prt)
        if t.objects is not None:
            deps = {"dobj", "nsubjpass"}
            heads = [tok] + [w for w in words[1:] if w.dep_ == "prep"]
            # "imposed a new round of sanctions": the noun after a quantity noun
            cands = [
                c
                for h in heads
                for c in h.children
                if c.dep_ in deps or (h is not tok and c.dep_ == "pobj")
            ]
            cands += [
                q
                for c in cands
                if c.lemma_.lower() in QUANTITY_NOUNS
                for pr in c.children
                if pr.dep_ == "prep" and pr.lower_ == "of"
                for q in pr.children
                if q.dep_ == "pobj"
            ]
            # "launched a mediation effort": the noun's compound names the act
            cands += [m for c in cands for m in c.children if m.dep_ == "compound"]
            obj = next(
                (c for c in cands if c.lemma_.lower() in t.objects or c.lower_ in t.objects), None
            )
            if obj is None:
                continue
            words.append(obj)
        return t, words
    return None


#: Nouns of a statement made public, whose participle says what it does ("issued a
#: statement condemning X", "posted a tweet warning Y").
STATEMENT_NOUNS = frozenset(
    """statement declaration communique communiqué letter tweet message note post
    resolution article editorial video speech remarks""".split()
)


def _statement_content(verb: Token) -> bool:
    """Whether ``verb`` is the participle that says what a statement its clause's
    subject made does: "X issued a statement condemning Y" (X condemned Y)."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.lemma_.lower() in STATEMENT_NOUNS
        and noun.dep_ in {"dobj", "nsubjpass"}
        and noun.head.pos_ == "VERB"
    )


def _content_of(verb: Token) -> Token | None:
    """The participle that says what the statement ``verb`` made does, if any."""
    return next(
        (
            c
            for o in verb.children
            if o.dep_ in {"dobj", "nsubjpass"}
            for c in o.children
            if _statement_content(c)
        ),
        None,
    )


def _not_act(tok: Token, verbs: EventVerbs) -> bool:
    """Whether ``tok`` with its particle is a phrasal verb that is no act of the verb
    ("gave up on plans", "backed down", "bailed out of the talks"; the table's entries
    with ``"act": false``). A particle is a ``prt`` child, or an adverb or preposition
    right after the verb ("backing away from"); a further word must follow it."""
    for rest in verbs.not_acts.get(tok.lemma_.lower(), ()):
        prt = next(
            (
                c
                for c in tok.children
                if c.lower_ == rest[0]
                and (c.dep_ == "prt" or (c.dep_ in {"advmod", "prep"} and c.i == tok.i + 1))
            ),
            None,
        )
        if prt is None:
            continue
        after = tok.doc[prt.i + 1 : prt.i + len(rest)]
        if [w.lower_ for w in after] == list(rest[1:]):
            return True
    return False


#: Diplomatic missions, whose host state is named after "in".
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation"})
#: Marks of a clause that gives a reason: "possibly because X did Y" weighs the reason.
REASON_MARKS = frozenset({"because", "since"})


def _hedges_reason(adverb: Token) -> bool:
    """Whether an assessment adverb weighs why, not whether: "failed, possibly because
    it was courting X" (the courting is told as a fact; the adverb is right before the
    reason's mark)."""
    nxt = adverb.doc[adverb.i + 1] if adverb.i + 1 < len(adverb.doc) else None
    return (
        nxt is not None
        and nxt.lower_ in REASON_MARKS
        and nxt.dep_ == "mark"
        and nxt.head.i == adverb.head.i
    )


#: Dependencies of a verb that modifies a noun: no clause of its own.
MODIFIER_DEPS = frozenset({"amod", "acl", "compound", "nmod", "csubj", "npadvmod"})


def _skip_clause(verb: Token, scheduled: bool = False) -> bool:
    """Whether the clause of ``verb`` reports no act: a hypothetical, conditional,
    recommendation, forecast, question, imperative, or a modifier inside a noun phrase.

    With ``scheduled``, a plain "will" on ``verb`` itself does not make a forecast (see
    :func:`_scheduled`)."""
    if _decider(verb) is not None:
        return not _decision_taken(verb.head)
    if _statement_content(verb):
        return _skip_clause(verb.head.head)  # as far as the statement was made
    if verb.dep_ in MODIFIER_DEPS and not (_labelled(verb) or _factive(verb)):
        return True
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "VERB":
        first = first.head
    if first.dep_ == "conj" and first.head.pos_ == "ADJ" and verb.tag_ in {"VBG", "VBN"}:
        return True  # coordinated with an adjective: "an alternative and convincing plan"
    if first is not verb and first.dep_ in MODIFIER_DEPS:
        # the conjunct of a modifier ("a partner fostering X and supporting Y", "articles
        # praising X and blaming Y") reports an act as far as the clause of the noun does:
        # "must act as a partner ...": no; "published articles ...": yes
        gov = _verb_above(first.head, 3)
        return gov is None or _skip_clause(gov)
    if first.dep_ == "pcomp" and not _gerund_clause(first):
        # a gerund after a preposition, or its conjunct ("fear of looking weak or
        # backing down"), reports no act unless the preposition reports one of the clause
        return True
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children
    ):
        # "as discussed above", "as noted": the author's cross-reference ("as demanded by
        # Islamabad" names its actor and is an act)
        return True
    cur = verb
    only_conj = True  # cur is verb, or reached from it through coordination only
    for _ in range(6):
        for c in cur.children:
            if c.tag_ == "MD":
                if c.lower_ in {"will", "'ll", "shall", "wo"} and (
                    _reported(cur) or _negated(cur) or (scheduled and cur.i == verb.i)
                ):
                    # "announced it will expel": a decision made public; "will not lift
                    # the ban": a refusal stated now (coded as one, :func:`_negated`)
                    continue
                return True
            # an infinitive of purpose: "sent troops to attack", "to strengthen allies and
            # defend NATO" (the conjunct shares the "to")
            if c.dep_ == "aux" and c.lower_ == "to" and only_conj and cur.dep_ != "xcomp":
                return True
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return True
            if c.dep_ == "mark" and c.lower_ in {"until", "till"} and cur.tag_ in {"VBZ", "VBP"}:
                return True  # "will not lift the ban until Kuwait accepts": a condition
            if c.dep_ == "advmod" and c.lower_ in ASSESSMENT_ADVERBS and not _hedges_reason(c):
                return True
        if (
            cur.i != verb.i
            and cur.lemma_.lower() in HEDGE_HEADS
            and not (_implicative(cur) or _intent_adjective(cur))
        ):
            return True
        if cur.i != verb.i and cur.lemma_.lower() in ATTEMPT_HEADS and cur.tag_ not in PAST_TAGS:
            return True  # "seeks to maintain ties": an aim; "sought to unleash": an attempt
        host = _finite_host(cur)
        if host is not None:
            cur = host  # coordinated with the clause above: "said ... and urged"
            continue
        if cur.dep_ in {"xcomp", "ccomp", "conj", "advcl"} and cur.head.i != cur.i:
            if (
                cur.dep_ == "xcomp"
                and cur.head.pos_ == "ADJ"
                and not (_implicative(cur.head) or _intent_adjective(cur.head))
            ):
                return True  # "likely to", "eager to"
            only_conj = only_conj and cur.dep_ == "conj"
            cur = cur.head
            continue
        if _gerund_clause(cur):
            only_conj = False
            cur = cur.head.head
            continue
        break
    if (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children)
    ):
        return True  # an imperative: a recommendation
    return False


def _decider(verb: Token) -> Token | None:
    """The possessor of a decision noun whose infinitive ``verb`` is: "India's decision
    to ban the apps" -> India (:data:`DECISION_NOUNS`)."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in DECISION_NOUNS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "poss"), None)


def _decision_taken(noun: Token) -> bool:
    """Whether a clause reports a decision as taken: the decision noun is the subject of
    a verb in the simple past that is no hypothesis, denial or weighing ("India's decision
    to ban the apps angered Beijing"), as for other act nouns
    (:func:`relnlp.events._extract._reported_act`); not "India's decision to ban the apps
    would anger Beijing", "... marked a shift", nor an object that refers back to a
    decision reported before ("Belarus respected the Kremlin's decision to ...")."""
    gov = noun.head
    return (
        noun.dep_ == "nsubj"
        and gov.pos_ == "VERB"
        and gov.tag_ == "VBD"
        and gov.lemma_.lower() not in WEIGHING_VERBS
        and not _negated(gov)
        and not _skip_clause(gov)
    )


def _scheduled(verb: Token, trig: Trigger) -> bool:
    """ "Putin will meet Merkel on Saturday", "May will hold talks with Tusk": a meeting,
    visit or talks announced with a plain "will" (no hedge, no condition) is an intent to
    meet that the actors made public (CAMEO 036), not the author's forecast."""
    return (
        trig.cameo[:2] == "04"
        and any(c.tag_ == "MD" and c.lower_ in {"will", "'ll", "shall"} for c in verb.children)
        and not _negated(verb)
        and not _skip_clause(verb, scheduled=True)
    )


def _implicative(adj: Token) -> bool:
    """ "was able to bomb", "were able to seize": an adjective of ability under a copula in
    the past tense, not negated, entails the act it governs (Karttunen's implicatives)."""
    if adj.lemma_.lower() not in IMPLICATIVE_ADJECTIVES or adj.dep_ != "acomp":
        return False
    cop = adj.head
    return (
        cop.lemma_.lower() == "be"
        and cop.tag_ == "VBD"
        and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in cop.children)
        and not any(c.dep_ == "neg" for c in adj.children)
    )


def _intent_adjective(adj: Token) -> bool:
    """ "X is willing to withdraw", "Y was ready to contribute": an actor's stated intent
    (an adjective of :data:`INTENT_ADJECTIVES` under a copula without a modal or a
    negation), coded as an intent event by :func:`_intent`."""
    if adj.lemma_.lower() not in INTENT_ADJECTIVES or adj.dep_ != "acomp":
        return False
    cop = adj.head
    return (
        cop.lemma_.lower() == "be"
        and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in cop.children)
        and not any(c.dep_ == "neg" for c in adj.children)
    )


def _intent(verb: Token) -> bool:
    """Whether ``verb``'s act is only an intent its actor stated: the infinitive (or a
    conjunct of it) under an adjective of intent ("is willing to withdraw and hand
    over")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "xcomp" and _intent_adjective(cur.head):
            return True
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


#: Tags of a finite verb in the past or present tense.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _finite_host(verb: Token) -> Token | None:
    """The verb a finite verb is really coordinated with when the parser conjoined it to
    a non-finite one ("justified X as necessary to protect citizens and falsely claimed
    Y", "said X must be respected and urged Y"): only a base form shares an infinitive's
    "to" or a modal; a verb in the past or present tense is a clause of its own beside
    the clause above. None when ``verb`` is no such conjunct."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
        return None
    head = verb.head
    nonfinite = head.tag_ in {"VB", "VBN"} and any(
        c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to") for c in head.children
    )
    if not nonfinite:
        return None
    # the nearest verb above the non-finite one ("as necessary to protect")
    return _verb_above(head, 3)


def _verb_above(tok: Token, steps: int) -> Token | None:
    """The nearest verb or auxiliary above ``tok`` in the parse, at most ``steps`` heads
    up; None at the root or beyond."""
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _factive(verb: Token) -> bool:
    """ "the fact that Turkey cracked down on ...": a clause stated as a fact."""
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in FACTIVE_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _labelled(verb: Token) -> bool:
    """A clause the parser hangs on a label before a colon ("Analyst X: Russia invaded
    Ukraine", "Update: ..."): the verb has its own subject and the label is the root."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and verb.tag_ in {"VBD", "VBZ", "VBP"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and any(t.text == ":" for t in verb.doc[head.i + 1 : verb.left_edge.i])
    )


def _reported(verb: Token) -> bool:
    """Whether ``verb``'s clause is what an actor said or decided ("announced that it
    will ...", "said it will ... and will ...")."""
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "ccomp" and cur.head.lemma_.lower() in REPORTING_VERBS


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATORS):
            return True
    if _no_longer(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_HEADS:
        return True
    return False


def _no_longer(verb: Token) -> bool:
    """ "no longer supplies": an act stopped."""
    return any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children
    )


def _targets(
    verb: Token, obj_words: Sequence[Token], theme: bool = False, verbs: EventVerbs | None = None
) -> list[Token]:
    """Candidate target phrases of ``verb``, best first.

    The direct object and, for an act named by a noun, its possessor ("condemned Russia's
    attack"); the objects of target prepositions of the verb, of the trigger's object noun
    ("imposed sanctions on", "an invasion of") and of other objects; the objects of a
    governed trigger verb ("refused to meet X"). With ``theme`` (verbs of giving, sending
    and withdrawing) the direct object is what moves, so the recipient (a dative, a "to"
    phrase) comes first.
    """
    out: list[Token] = []
    skip = {t.i for t in obj_words}
    objs = _objects(verb, recipient_first=theme)
    if theme:
        out += _prep_objects(verb, RECIPIENT_PREPS)
        if verb.lemma_.lower() in LEAVING_VERBS:
            # "withdrew its troops from Georgia": the state left is the target
            out += _prep_objects(verb, {"from"})
    for o in objs:
        if o.i not in skip:
            out.append(o)

    direct = _prep_objects(verb, TARGET_PREPS)
    # and what those name their target: "called for sanctions on Russia"
    out += direct + [q for d in direct for q in _prep_objects(d, TARGET_PREPS)]
    for w in obj_words:
        if w.pos_ in {"NOUN", "PROPN"}:
            # "lifted restrictions on exports to Cuba": what the act's object bears on,
            # and what that is aimed at
            first = _prep_objects(w, TARGET_PREPS | {"of"})
            out += first + [q for d in first for q in _prep_objects(d, TARGET_PREPS | {"of"})]
    for o in objs:
        if o.i not in skip:
            # "protested the decision of the Philippine navy": the author of what is objected to
            out += _prep_objects(o, TARGET_PREPS | {"of"})
        if o.lemma_.lower() in MISSION_NOUNS:
            # "closed its embassy in Kabul": the host of a diplomatic mission
            out += _prep_objects(o, {"in"})
    # "lifted sanctions imposed on Zimbabwe": whom the object was aimed at, in a
    # participle right after it (after a comma it is more often a clause the parser
    # attached there: "supported X, abstained on Y")
    out += [
        q
        for o in (*obj_words, *objs)
        for a in o.children
        if a.dep_ == "acl" and a.tag_ == "VBN" and not any(t.is_punct for t in a.doc[o.i : a.i])
        for q in _prep_objects(a, AIMED_PREPS)
    ]
    # last, the objects of a governed verb: "refused to meet X", "opposed allowing X";
    # the recipient of a governed act of giving first ("offered to send troops to Chad")
    for x in verb.children:
        if x.dep_ == "xcomp":
            out += (
                _prep_objects(x, RECIPIENT_PREPS)
                + _objects(x, recipient_first=True)
                + _prep_objects(x, TARGET_PREPS)
            )
    # a relative pronoun stands for the noun its clause modifies: "Abkhazia, which Moscow
    # recognised"; a venue after "at" is where the act happens ("met at the Beijing airport")
    out = [
        verb.head if (t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else t
        for t in out
        if not (
            t.dep_ == "pobj"
            and t.head.lower_ == "at"
            and t.lemma_.lower() in VENUE_NOUNS
            and verb.lemma_.lower() in VENUE_VERBS
        )
    ]
    # an act named by a noun stands for its author: "condemned Russia's attack",
    # "concerns over Pyongyang's launches", "condemned the attacks by Eritrea"
    # ("their commitment to X": a possessive pronoun is the subject's own, not a target)
    return [
        t
        for o in out
        for t in (
            o,
            *(c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"),
            *(_prep_objects(o, BY, agent=True) if o.pos_ == "NOUN" else ()),
        )
    ]


def _objects(verb: Token, recipient_first: bool = False) -> list[Token]:
    """The direct and indirect objects of ``verb`` (spaCy labels the "to" of a recipient
    "dative": its object is the recipient); with ``recipient_first``, the recipient comes
    before what is given."""
    objs = [
        p
        for c in verb.children
        if c.dep_ in {"dobj", "dative"}
        for p in ([c] if c.pos_ != "ADP" else [g for g in c.children if g.dep_ == "pobj"])
    ]
    if recipient_first:
        objs.sort(key=lambda c: c.dep_ != "dative" and c.head.dep_ != "dative")
    return objs


#: Prepositions of the recipient of what is given or sent ("sent troops to Chad").
RECIPIENT_PREPS = frozenset({"to", "into"})
#: Verbs of taking something away from a place: the object of "from" is the target.
LEAVING_VERBS = frozenset({"withdraw", "pull", "evacuate", "remove", "recall", "redeploy"})
#: Prepositions of a participle on an act's object that name whom it was aimed at
#: ("sanctions imposed on", "restrictions placed upon", "aid promised to").
AIMED_PREPS = frozenset({"on", "upon", "against", "to", "toward", "towards", "into", "with"})
#: The preposition of an agent ("by X"), which spaCy may label ``agent``.
BY = frozenset({"by"})


def _prep_objects(head: Token, preps: Collection[str], agent: bool = False) -> list[Token]:
    """The objects of ``head``'s prepositions ``preps`` ("sanctions *on Russia*"), in
    order; with ``agent``, also of a ``by`` phrase spaCy labels ``agent``."""
    return [
        p
        for c in head.children
        if (c.dep_ == "prep" and c.lower_ in preps) or (agent and c.dep_ == "agent")
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _mutual(trig: Trigger) -> bool:
    """Acts that several subjects do together: meetings, talks, cooperation, exercises,
    and signing or concluding an agreement."""
    return (
        trig.cameo[:2] in MUTUAL_ROOTS
        or (trig.cameo[:2] == "05" and trig.objects is not None)
        or trig.verb in MUTUAL_VERBS
    )
