"""The sentence model's training inputs with the extracted events' terms (sixth session).

Reads the cache of ``scripts/tone_event_inputs.py`` (masked texts, rule features and the
events of each coded text, one pipeline pass) and adds the terms of
:func:`relnlp.tone.event_terms.event_terms` of the chosen families to each text's syntax
terms, as the pipeline does (:func:`relnlp.tone.event_terms.doc_event_terms`).
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

sys.path.insert(0, "scripts")
import tone_event_inputs as E

#: Families of event terms (prefix tests on :func:`relnlp.tone.event_terms.event_terms`).
FAMILIES = {
    "q": lambda t: t.startswith("e:") and t[-1] in "ck" and ":" not in t[2:],
    "status": lambda t: t.startswith("e:") and t[-1] in "ni" and t != "e:none",
    "dyad": lambda t: t.startswith("e:") and t[-2:] in (":1", ":2"),
    "g": lambda t: t.startswith("g:"),
    "a": lambda t: t.startswith("a:"),
    "none": lambda t: t == "e:none",
}


def terms(item: dict[str, Any], families: tuple[str, ...] | list[str]) -> list[str]:
    from relnlp.events import Event
    from relnlp.tone.event_terms import event_terms

    evs = [
        Event(
            0,
            0,
            0,
            0,
            e["cameo"],
            e["type"],
            e["goldstein"],
            e["negated"],
            e["source"],
            e["target"],
            tuple(e["parties"]),
            countries=tuple(e["countries"]),
        )
        for e in item["events"]
    ]
    kinds = item["kinds"]

    def kind(n: str) -> str:
        k = kinds.get(n)
        return "s" if (k and k[1]) else "o"

    return [t for t in event_terms(evs, kind) if any(FAMILIES[f](t) for f in families)]


def with_events(masked: list[str], items: list[dict[str, Any]], families: Any) -> list[str]:
    from relnlp.tone.model import SYNTAX_SEP

    out = []
    for m, it in zip(masked, items):
        ts = terms(it, families)
        if not ts:
            out.append(m)
            continue
        text, _sep, syntax = m.partition(SYNTAX_SEP)
        out.append(text + SYNTAX_SEP + " ".join([*syntax.split(), *ts]))
    return out


def inputs_with_events(texts: list[str], families: Any) -> tuple[list[str], np.ndarray]:
    ev = E.cached(texts)
    return with_events(ev["masked"], ev["events"], families), np.asarray(ev["feats"], float)
