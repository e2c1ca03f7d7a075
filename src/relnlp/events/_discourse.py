"""The discourse layer of the event extractor: paragraphs, definite descriptions and the
state a passage is about.

A subject that names no one ("the group", "the ministry", "authorities", "the
government") refers back to the actor of its kind the paragraph has just named, in the
same sentence or the one before, never across a paragraph break or a heading (a
heading is a passage of its own). The nearer the actor, the higher the confidence of the
resolution. The antecedent is sought in the sentence itself and the one before, as the
annotation guidelines resolve references (a longer reach resolved "he" and "it" to actors
the author had left behind). A state's unnamed organs ("authorities", "police", "officials", "the
government") with no state named nearby stand for the state the paragraph is about, only
when one state dominates the paragraph's mentions.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from relnlp import records as doc_records
from relnlp.events._words import BARE_DESCRIPTIONS, DESCRIPTIONS

#: Confidence of a resolution to an actor named in the same sentence and the previous
#: one; and to the state a paragraph is about.
DISTANCE_CONFIDENCE = (0.9, 0.75)
DOMINANT_CONFIDENCE = 0.5
#: Sentences before the reference's own that are searched for its actor.
LOOKBACK = 1

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def paragraph_starts(doc: Doc) -> list[int]:
    """Token indices where a paragraph (or heading) of ``doc`` starts, in order.

    The analyser's passages when it stored them (a heading is a passage of its own);
    otherwise a blank line ends a paragraph.
    """
    idx = doc.to_array(IDX).tolist() if len(doc) else []
    spans = doc_records.passages(doc)
    chars = [p.start for p in spans] if spans else [m.end() for m in _BLANK.finditer(doc.text)]
    starts = {0} | {bisect.bisect_left(idx, c) for c in chars}
    return sorted(s for s in starts if s < len(doc))


def description(tok: Token) -> str | None:
    """The kind of actor a bare definite description refers to ("the group" -> ``group``,
    "authorities" -> ``state``), or None: a phrase with a modifier of its own ("the
    Afghan government", "the group's leader", "a group of states") names its actor."""
    word = tok.lower_
    kind = DESCRIPTIONS.get(word)
    if kind is None and tok.tag_ == "NN":
        kind = DESCRIPTIONS.get(tok.lemma_.lower())
    if kind is None or tok.pos_ != "NOUN":
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if any(c.dep_ not in {"det", "punct"} for c in tok.children):
        return None
    if dets:
        return kind if all(d.lower_ in _DETERMINERS for d in dets) else None
    return kind if word in BARE_DESCRIPTIONS else None


def dominant_state(states: Sequence[str]) -> str | None:
    """The state that dominates a paragraph's mentions (``states``, one per mention of an
    actor with a state): the only one named, or named at least twice and at least twice as
    often as any other; else None."""
    counts = Counter(states).most_common(2)
    if not counts:
        return None
    top, n = counts[0]
    second = counts[1][1] if len(counts) > 1 else 0
    if second == 0 or (n >= 2 and n >= 2 * second):
        return top
    return None


def distance_confidence(distance: int) -> float:
    """Confidence of a resolution ``distance`` sentences back (0: the same sentence)."""
    return DISTANCE_CONFIDENCE[min(max(distance, 0), len(DISTANCE_CONFIDENCE) - 1)]


#: Offices held by one person: "the Kenyan president ... he" stands for the president,
#: whose canonical actor is the state (GUIDELINES s.7: "<president's canonical, else
#: Brazil>").
PERSON_OFFICES = frozenset(
    """president minister premier chancellor king queen emir prince ambassador envoy
    spokesman spokeswoman spokesperson commander general""".split()
)


def office_holder(
    doc: Doc, subjects: Sequence[tuple[int, list[str], str]], lo: int, hi: int, own: range
) -> tuple[int, list[str]] | None:
    """The one actor a person pronoun at ``hi`` can stand for when no person is named
    from ``lo`` on: the state of a clause subject that names a single office holder ("The
    Kenyan president hosted a summit. He later criticized Sudan." -> Kenya), with the
    subject's token. None when another office holder is in reach (an ambiguous "he") or
    the pronoun's own clause subject is the only one."""
    found = [
        (i, side)
        for i, side, _label in subjects
        if lo <= i < hi
        and i not in own
        and len(side) == 1
        and doc[i].tag_ == "NN"
        and doc[i].lemma_.lower() in PERSON_OFFICES
    ]
    offices = [t for t in doc[lo:hi] if t.tag_ == "NN" and t.lemma_.lower() in PERSON_OFFICES]
    if len(found) != 1 or len(offices) != 1:
        return None  # "the Kenyan president met the Ugandan president. He ...": whose?
    return found[0]
