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


def decided_act(
    verb: Token, verbs: EventVerbs, found: tuple[Trigger, list[Token]] | None
) -> tuple[Trigger, list[Token]] | None:
    """The act that ``verb`` announces, approves or orders through its direct object, as
    a trigger of the verb and the noun ("announced the release"), or None.

    ``found`` is what the verb table gives the verb itself (:func:`_clauses._match`): an
    entry for a light verb and its object ("announced sanctions") is more specific and is
    kept; a plain statement or none gives way to the act.
    """
    if verb.lemma_.lower() not in DECIDING_VERBS:
        return None
    if found is not None and found[0].objects is not None:
        return None
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"} or obj.pos_ != "NOUN":
            continue
        act = DECIDED_ACTS.get(obj.lemma_.lower())
        entry = plain_entry(verbs, act) if act is not None else None
        if entry is not None:
            trig = Trigger(verb.lemma_.lower(), None, None, entry.cameo, entry.goldstein)
            return trig, [verb, obj]
    return None


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
