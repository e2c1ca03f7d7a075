"""Event terms of a sentence for the learned tone model (sixth session, issue 15).

The event extractor (:mod:`relnlp.events`) codes each clause that reports an act between
actors on the CAMEO/PLOVER quad classes, with a Goldstein-like value, negation (a refused
act of cooperation) and stated intents. What it finds in a sentence is domain knowledge
about the act, independent of the register the sentence is written in, and the model
reads it as terms in its vocabulary (prefix ``e:`` / ``a:`` / ``g:`` inside the syntax
part of the model's text, :func:`relnlp.tone.model.model_text`):

* ``e:<q>`` for every event, ``q`` the quad class (``vc``, ``mc``, ``vk``, ``mk``:
  verbal / material cooperation / conflict); ``e:<q>n`` when the event is a negated
  (refused) act, ``e:<q>i`` when it is a stated intent (CAMEO root 03);
* ``e:<q>:2`` when the event has two sides (a source and a target, or two parties),
  ``e:<q>:1`` when it is an act of one side alone;
* ``g:<b>``: the Goldstein-like value in steps of 2.5 (``g:-4`` ... ``g:3``);
* ``a:<kinds>``: the kinds of the two sides, ``s`` a state (an actor the report places
  in a state: the state itself, its government, officials, forces), ``o`` any other
  named actor (an organisation, an armed or political group, a person of no state),
  sorted (``a:ss`` two states, ``a:os`` a state and a non-state actor, ``a:oo``);
* ``e:none`` when the sentence has no event.

:func:`event_terms` reads the events of one sentence; :func:`sentence_events` splits a
Doc's events by sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from relnlp.events import Event

__all__ = ["QUAD_SHORT", "doc_event_terms", "event_terms", "sentence_events"]

#: Short names of the quad classes in the terms.
QUAD_SHORT = {
    "verbal_cooperation": "vc",
    "material_cooperation": "mc",
    "verbal_conflict": "vk",
    "material_conflict": "mk",
}


def _sides(ev: Event) -> list[str]:
    if ev.parties:
        return list(ev.parties)
    return [a for a in (ev.source, ev.target) if a]


def event_terms(events: Sequence[Event], kind: Callable[[str], str] | None = None) -> list[str]:
    """The model's event terms for the events of one sentence.

    Parameters
    ----------
    events : sequence of Event
        The sentence's events (:func:`relnlp.events.extract_events`).
    kind : callable, optional
        Maps an actor's canonical name to ``"s"`` (a state) or ``"o"`` (another actor);
        without it no ``a:`` terms are given.

    Returns
    -------
    list of str
        The terms (``["e:none"]`` without events).

    Examples
    --------
    >>> from relnlp.events import Event
    >>> ev = Event(0, 10, 0, 4, "042", "verbal_cooperation", 1.9, False, "Chile", "Peru", ())
    >>> event_terms([ev], lambda name: "s")
    ['e:vc', 'e:vc:2', 'g:1', 'a:ss']
    """
    if not events:
        return ["e:none"]
    out: list[str] = []
    for ev in events:
        q = QUAD_SHORT.get(ev.type)
        if q is None:
            continue
        out.append(f"e:{q}")
        if ev.negated:
            out.append(f"e:{q}n")
        elif ev.cameo.startswith("03"):
            out.append(f"e:{q}i")
        sides = _sides(ev)
        out.append(f"e:{q}:{2 if len(sides) >= 2 else 1}")
        out.append(f"g:{round(ev.goldstein / 2.5)}")
        if kind is not None and sides:
            kinds = sorted(kind(a) for a in sides[:2])
            out.append("a:" + "".join(kinds))
    return out or ["e:none"]


def sentence_events(
    events: Sequence[Event], bounds: Sequence[tuple[int, int]]
) -> list[list[Event]]:
    """The events of each sentence, by the character offsets of their sentence.

    Parameters
    ----------
    events : sequence of Event
        A Doc's events.
    bounds : sequence of (int, int)
        The start and end characters of each sentence, in order.

    Returns
    -------
    list of list of Event
        One list per sentence (an event goes to the sentence holding its trigger).
    """
    starts = [a for a, _b in bounds]
    out: list[list[Event]] = [[] for _ in bounds]
    for ev in events:
        k = bisect.bisect_right(starts, ev.trigger_start) - 1
        if 0 <= k < len(bounds) and ev.trigger_start < bounds[k][1]:
            out[k].append(ev)
    return out


def doc_event_terms(doc: Doc, sents: Sequence[Span]) -> list[list[str]]:
    """The event terms of each sentence of an analysed Doc (the model's input).

    The events come from :func:`relnlp.events.extract_events` on the Doc (after
    ``relnlp_actors`` and ``relnlp_dates``); an actor is a state (``s``) when its entity
    has a state (:attr:`relnlp.records.Entity.country`), else ``o``.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The analysed Doc.
    sents : sequence of spacy.tokens.Span
        Its sentences, in order.

    Returns
    -------
    list of list of str
        The terms of each sentence (:func:`event_terms`).
    """
    from relnlp import records
    from relnlp.events import extract_events

    kinds = {e.canonical: "s" if e.country else "o" for e in records.entities(doc) or []}

    def kind(name: str) -> str:
        return kinds.get(name, "o")

    per = sentence_events(extract_events(doc), [(s.start_char, s.end_char) for s in sents])
    return [event_terms(evs, kind) for evs in per]
