"""Acts named by a noun that an actor announces, approves or orders: "France announced the
release of a hostage", "a judge approved the extradition of X", "the minister ordered the
withdrawal of its troops", "the EU announced new humanitarian assistance to Chad". The
CAMEO codebook codes such a sentence as the act decided (a decided act made public is an
event, the annotation guidelines), not as a statement (CAMEO 010) about it; the verb and
the noun are the trigger ("in a light verb + action noun the verb is the trigger")."""

from __future__ import annotations

from spacy.tokens import Token

from relnlp.events._types import EventVerbs, Trigger
from relnlp.events._words import NOMINALS

#: Verbs by which an actor makes a decided act public or decides it: "announced the
#: release of", "approved the extradition of", "ordered the withdrawal of". Not "confirmed"
#: or "reported", which report someone else's act.
DECIDING_VERBS = frozenset({"announce", "approve", "authorize", "authorise", "order", "unveil"})

#: Nouns of an act that is decided and announced, with the verb of the act in the verb
#: table (the CAMEO codebook's verb lists: release 0841, extradite 063, withdraw 08,
#: evacuate, deliver, transfer, sell, aid 07, recognize 05). Not an announced cut
#: ("announced a suspension of aid", "announced sanctions"): news coders code the
#: announcement of a reduction as verbal conflict, and the verb table's light-verb
#: entries ("announce" + "sanctions") code it where they apply.
DECIDED_ACTS = {
    "release": "release",
    "extradition": "extradite",
    "withdrawal": "withdraw",
    "pullout": "withdraw",
    "evacuation": "evacuate",
    "delivery": "deliver",
    "transfer": "transfer",
    "sale": "sell",
    "aid": "aid",
    "assistance": "assist",
    "recognition": "recognize",
}


def plain_entry(verbs: EventVerbs, lemma: str) -> Trigger | None:
    """The verb table's entry for ``lemma`` used alone (no object nouns, no particle)."""
    return next(
        (t for t in verbs.by_verb.get(lemma, ()) if t.objects is None and t.particle is None),
        None,
    )


#: Acts of handing over goods: "ordered" with them is buying from the giver (review).
_GOODS_ACTS = frozenset({"deliver", "transfer", "sell"})

#: Light verbs whose object noun names the act (CAMEO codes the noun's act): "staged a
#: raid on", "levelled accusations against", "extended an invitation to", "committed an
#: attack", "carried out an assassination". The verb table's own pairs ("launch" +
#: "offensive") come first.
LIGHT_VERBS = frozenset(
    """stage conduct mount launch level lodge file issue extend undertake unleash
    perpetrate commit carry""".split()
)
#: The act nouns of a light verb: those of :data:`NOMINALS`, and an invitation; not a
#: "call", which after a light verb is an appeal ("issued a call for restraint").
LIGHT_ACTS = {n: v for n, v in NOMINALS.items() if n != "call"} | {"invitation": "invite"}


def noun_act(
    verb: Token, verbs: EventVerbs, found: tuple[Trigger, list[Token]] | None
) -> tuple[Trigger, list[Token]] | None:
    """The act that ``verb`` decides (announces, approves, orders) or carries (a light
    verb) through its direct object noun, as a trigger of the verb and the noun
    ("announced the release", "staged a raid"), or None.

    ``found`` is what the verb table gives the verb itself (:func:`_clauses._match`): an
    entry for a light verb and its object ("announced sanctions") is more specific and is
    kept; a plain entry ("announce": a statement) or none gives way to the act.
    """
    if found is not None and found[0].objects is not None:
        return None
    lemma = _lemma(verb)
    if lemma in DECIDING_VERBS:
        nouns = DECIDED_ACTS
    elif lemma in LIGHT_VERBS and (
        lemma != "carry" or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    ):
        nouns = LIGHT_ACTS
    else:
        return None
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"} or obj.pos_ != "NOUN":
            continue
        act = nouns.get(obj.lemma_.lower())
        if lemma == "order" and act in _GOODS_ACTS and _from_seller(obj):
            continue  # "ordered the delivery of jets from France": a purchase, not an order
        entry = plain_entry(verbs, act) if act is not None else None
        if entry is not None:
            trig = Trigger(lemma, None, None, entry.cameo, entry.goldstein)
            return trig, [verb, obj]
    return None


def _from_seller(noun: Token) -> bool:
    """Whether goods are ordered from someone ("the delivery of jets from France")."""
    return any(t.dep_ == "prep" and t.lower_ == "from" for t in noun.subtree)


def _lemma(verb: Token) -> str:
    """The lemma of ``verb``, past a lemmatizer's slip on a regular past form ("staged"
    -> "stag"), as :func:`_clauses._match` reads it."""
    lemma = verb.lemma_.lower()
    if lemma in DECIDING_VERBS | LIGHT_VERBS or verb.tag_ not in {"VBD", "VBN"}:
        return lemma
    form = verb.lower_
    return next((f for f in (form[:-1], form[:-2]) if f in DECIDING_VERBS | LIGHT_VERBS), lemma)


def received_act(verb: Token, verbs: EventVerbs) -> tuple[Trigger, Token] | None:
    """The act a verb of receiving takes from its object noun, with the noun: "received
    warnings from X" (X warned: CAMEO 13), "received a visit from X" (04); None for what
    is given ("received a waiver", "received arms"), which is aid (CAMEO 07)."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        act = NOMINALS.get(obj.lemma_.lower())
        entry = plain_entry(verbs, act) if act is not None else None
        if entry is not None:
            return Trigger(verb.lemma_.lower(), None, None, entry.cameo, entry.goldstein), obj
    return None
