"""Weapon names before a weapon noun ("Jupiter missiles", "Patriot batteries").

A capitalised word or two directly before a plural or singular weapon noun ("missiles",
"drones", "submarines", ...) in the middle of a sentence is the name of a weapon family,
PRODUCT (issue 18: weapons and platforms are PRODUCT), whatever the statistical model
said ("Jupiter" LOC, "Patriot" PERSON). Names the gazetteer knows as a state, place,
nationality or body stay theirs ("Iranian drones", "Hamas rockets", "Ukraine drones"),
and so do the model's bodies and groups ("Houthi drones");
the gazetteer's product canonical is used when it knows the name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline._actor_base import Mention, _tokens_where

__all__ = ["weapon_names"]

_WEAPON_NOUNS = frozenset(
    """missile missiles rocket rockets tank tanks drone drones submarine submarines
    destroyer destroyers frigate frigates corvette corvettes bomber bombers helicopter
    helicopters howitzer howitzers interceptor interceptors warhead warheads launcher
    launchers battery batteries""".split()
)


_KEEP = frozenset({"PRODUCT", "ORG", "NORP"})


def weapon_names(doc: Doc, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """PRODUCT for the capitalised words before a weapon noun."""
    out = list(chosen)
    # a Token only for the weapon nouns (Token.lower_ is the text lower-cased)
    for i in _tokens_where(doc, lambda w: w.lower() in _WEAPON_NOUNS):
        if i == 0:
            continue
        s = i
        while s > 0 and i - s < 2 and doc[s - 1].is_title and doc[s - 1].is_alpha:
            s -= 1
        if s == i or doc[s].is_sent_start or (s > 0 and doc[s - 1].text in ("#", "\n")):
            continue
        text = doc[s:i].text
        hit = gaz.lookup(text)
        if hit is not None and hit.label != "PRODUCT":
            continue
        covering = [m for m in out if m.start < i and s < m.end]
        if any(
            m.source != "spacy" or m.start < s or m.end > i or m.label in _KEEP for m in covering
        ):
            # A known name, a longer one ("Leopard tanks"), or a group that owns the
            # weapons ("Houthi drones": the model's ORG or NORP).
            continue
        out = [m for m in out if m not in covering]
        canonical = hit.canonical if hit is not None else text
        out.append(
            Mention(s, i, "PRODUCT", canonical, "pattern", 3.0, hit.country if hit else None)
        )
    return sorted(out, key=lambda m: m.start)
