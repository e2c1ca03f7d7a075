"""Acts reported under a statement, and the traveller of a visit (fourteenth pass).

* "Kenya said that Ugandan troops had arrested two Kenyan traders": the annotation
  guidelines (section 7, "The ministry said Kenya would receive 40 armoured vehicles from
  Britain" -> the act's row) make the reported act an event with its own class. The
  statement stays a row of its own (it is aimed at the actor the act is about); the act
  under it is read with its roles filled from the clause's names, as a sentence with no
  other event is (:func:`relnlp.events._extract._event_at` with ``loose``).
* "The visit of the Indian prime minister to Nepal": for a noun of travel, "of" names the
  traveller (the source) and "to" the host, where for other act nouns "of" names the
  target ("the invasion of Georgia").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Token

from relnlp.events._clauses import _reported
from relnlp.events._types import Event

#: Nouns of an actor travelling to another ("the visit of X to Y", "X's trip to Y").
TRAVEL_NOUNS = frozenset({"visit", "trip"})


def said_by(verb: Token, events: Sequence[Event]) -> bool:
    """Whether ``verb`` heads (or is coordinated with) the clause that a verb of saying
    governs, and that verb gave one of ``events``: "Kenya said that Uganda had expelled
    its envoy" -> "expelled" under the statement "said"."""
    if not _reported(verb):
        return False
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    speaker = cur.head
    return any(e.trigger_start == speaker.idx for e in events)


def _destination(noun: Token) -> Token | None:
    """The "to" of a noun of travel, on the noun or, as the parser often attaches it, on
    the traveller ("the visit of [the minister to Nepal]")."""
    if noun.lemma_.lower() not in TRAVEL_NOUNS:
        return None
    heads = [noun, *(p for c in noun.children if c.lower_ == "of" for p in c.children)]
    return next(
        (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"), None
    )


def noun_preps(noun: Token) -> list[Token]:
    """The dependents of an act noun, with the destination of a noun of travel that the
    parser hung on the traveller (:func:`_destination`)."""
    out = list(noun.children)
    to = _destination(noun)
    return out if to is None or to.head.i == noun.i else [*out, to]


def author_prep(noun: Token, prep: Token) -> bool:
    """Whether the preposition ``prep`` of the act noun ``noun`` names its author: "by"
    ("the signing of the accord by A and B"), or "of" on a noun of travel that also names
    where to ("the visit of X to Y"; "a visit of two days" names no actor, and "the visit
    of X" alone is read as before, X the target)."""
    if prep.lower_ == "by":
        return True
    return prep.lower_ == "of" and _destination(noun) is not None


def reported_candidates(
    candidates: Sequence[tuple[Token, Any]], events: Sequence[Event]
) -> list[tuple[Token, Any]]:
    """The triggers of a sentence that gave no event of their own clause and whose clause
    a statement among ``events`` governs (:func:`said_by`), in order."""
    return [(tok, m) for tok, m in candidates if said_by(tok, events)] if events else []
