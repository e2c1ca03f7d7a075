"""Scoring events (who did what to whom) against gold, and the first-two-names baseline.

Gold events are dicts ``{"start", "end", "class", "source", "target", "parties", "date"}``
where ``start``/``end`` are the trigger's character offsets, ``class`` a quad class
(:data:`relnlp.events.QUAD_CLASSES`), ``source``/``target`` canonical actors or empty, and
``parties`` the actors of a joint action (then ``source`` and ``target`` are empty).
Predicted events are rows of the ``events`` table (``start``/``end`` the span they cover,
``source``, ``target``, ``parties``, ``type``, and optionally ``trigger_start`` and
``trigger_end``) as a DataFrame or a list of dicts.

Matching: a gold event is **found** when a predicted event's span contains the gold
trigger's start; among several, the one whose trigger is nearest the gold trigger is
taken. Reported (:func:`score_events`):

* ``recall``: found gold events / gold events; ``precision`` (by sentence): predicted
  spans that contain some gold trigger / distinct predicted spans;
* over the found events: ``source_accuracy``, ``target_accuracy``,
  ``source_target_accuracy`` (both right) and ``class_accuracy``, ``date_accuracy``.

That pairing is loose: a gold event whose act relnlp missed is still "found" when relnlp
has another event in the sentence, and its actors are judged on that other act. The same
figures **by trigger** (prefix ``trigger_``: ``trigger_recall``, ``trigger_source_accuracy``
...) pair a gold event only with a predicted event whose trigger overlaps the gold
trigger (``trigger_start``/``trigger_end``; among several, the one starting nearest);
predicted events without trigger offsets pair with none.
  For a joint gold event (parties, no source and target) source, target and both are
  right when the predicted parties (or source and target) are the same set as the gold
  parties. Names are compared case-insensitively and with dashes and apostrophes of any
  typography alike ("Islamic State – Khorasan" = "Islamic State - Khorasan"); empty
  equals empty. Several actors on
  one side are joined with ``;`` ("United States;United Kingdom", as the annotation
  guidelines write them) and compared as sets, in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp.errors import ConfigError, Errors

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["first_two_names", "score_events"]

GOLD_KEYS = ("start", "end", "class", "source", "target", "parties", "date")
PRED_KEYS = ("start", "end", "source", "target", "parties", "type")
BASELINE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


#: Typographic variants that do not make another name: dashes and curly apostrophes.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2019": "'",
        "\u2018": "'",
    }
)


def _name(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return " ".join(str(v).translate(_TYPOGRAPHY).split()).casefold()


def _names(vs: Any) -> frozenset[str]:
    if vs is None or isinstance(vs, float):
        return frozenset()
    return frozenset(n for n in (_name(v) for v in vs) if n)


def _records(items: Any, which: str, keys: Sequence[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]]
    if isinstance(items, pd.DataFrame):
        rows = items.to_dict("records")
    else:
        rows = [dict(r) for r in items]
    for i, r in enumerate(rows):
        missing = [k for k in keys if k not in r]
        if missing:
            raise ConfigError(
                Errors.E114.format(which=which, index=i, missing=missing), which=which, index=i
            )
    return rows


def _side(v: Any) -> frozenset[str]:
    """The actors of one side: "A;B" is the set {a, b}; empty is the empty set."""
    return frozenset(n for n in (_name(x) for x in _name(v).split(";")) if n)


def _participants(ev: Mapping[str, Any]) -> frozenset[str]:
    parties = _names(ev.get("parties"))
    if parties:
        return parties
    return _side(ev.get("source")) | _side(ev.get("target"))


def _judge(g: Mapping[str, Any], p: Mapping[str, Any]) -> tuple[bool, bool, bool]:
    """(source right, target right, both right) for gold ``g`` and predicted ``p``."""
    gs, gt = _side(g.get("source")), _side(g.get("target"))
    if not gs and not gt and _names(g.get("parties")):  # a joint event
        ok = _participants(p) == _names(g.get("parties"))
        return ok, ok, ok
    s_ok = _side(p.get("source")) == gs
    t_ok = _side(p.get("target")) == gt
    return s_ok, t_ok, s_ok and t_ok


def _find(g: Mapping[str, Any], preds: list[dict[str, Any]]) -> int | None:
    at = int(g["start"])
    best: tuple[int, int] | None = None
    for k, p in enumerate(preds):
        if int(p["start"]) <= at < int(p["end"]):
            ts = p.get("trigger_start")
            dist = abs(int(ts) - at) if ts is not None and ts == ts else 0
            if best is None or dist < best[0]:
                best = (dist, k)
    return None if best is None else best[1]


def _find_trigger(g: Mapping[str, Any], preds: list[dict[str, Any]]) -> int | None:
    """The predicted event whose trigger overlaps the gold trigger, nearest first."""
    gs, ge = int(g["start"]), int(g["end"])
    best: tuple[int, int] | None = None
    for k, p in enumerate(preds):
        ts, te = p.get("trigger_start"), p.get("trigger_end")
        if ts is None or te is None or ts != ts or te != te:
            continue
        if int(ts) < max(ge, gs + 1) and gs < int(te):
            dist = abs(int(ts) - gs)
            if best is None or dist < best[0]:
                best = (dist, k)
    return None if best is None else best[1]


def _pair_scores(
    golds: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    find: Callable[[Mapping[str, Any], list[dict[str, Any]]], int | None],
) -> tuple[list[int], list[int]]:
    """The gold events ``find`` pairs, and the tallies of source, target, both, class
    and date right over them."""
    found: list[int] = []
    tallies = [0, 0, 0, 0, 0]
    for gi, g in enumerate(golds):
        k = find(g, preds)
        if k is None:
            continue
        found.append(gi)
        p = preds[k]
        s_ok, t_ok, both = _judge(g, p)
        tallies[0] += s_ok
        tallies[1] += t_ok
        tallies[2] += both
        tallies[3] += str(p.get("type") or "") == str(g.get("class") or "")
        tallies[4] += str(p.get("date") or "") == str(g.get("date") or "")
    return found, tallies


def _rate(n: int, d: int) -> float:
    return round(n / d, 4) if d else float("nan")


def score_events(
    gold: Iterable[Mapping[str, Any]],
    predicted: pd.DataFrame | Iterable[Mapping[str, Any]],
    baseline: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score predicted events against gold events of the same text.

    Parameters
    ----------
    gold : iterable of dict
        Gold events (see the module docstring).
    predicted : DataFrame or iterable of dict
        Rows of the ``events`` table of the same text.
    baseline : DataFrame or iterable of dict, optional
        Another system's events (e.g. :func:`first_two_names`), scored on the gold events
        that ``predicted`` found (``baseline_*_same``) and on all gold events
        (``baseline_*``).

    Returns
    -------
    dict
        ``n_gold``, ``n_predicted``, ``n_found``, ``recall``, ``precision``,
        ``source_accuracy``, ``target_accuracy``, ``source_target_accuracy``,
        ``class_accuracy``, ``date_accuracy`` (over found events), the same paired by
        trigger (``trigger_n_found``, ``trigger_recall``, ``trigger_source_accuracy`` ...),
        and the baseline's figures when given.

    Raises
    ------
    ConfigError
        ``[E114]`` when an event lacks a required key.

    Examples
    --------
    >>> gold = [{"start": 7, "end": 13, "class": "verbal_conflict", "source": "Chile",
    ...          "target": "Peru", "parties": [], "date": ""}]
    >>> pred = [{"start": 0, "end": 19, "source": "Chile", "target": "Peru",
    ...          "parties": ["Chile", "Peru"], "type": "verbal_conflict", "date": ""}]
    >>> s = score_events(gold, pred)
    >>> s["recall"], s["source_target_accuracy"]
    (1.0, 1.0)
    """
    golds = _records(gold, "gold", GOLD_KEYS)
    preds = _records(predicted, "predicted", PRED_KEYS)
    out: dict[str, Any] = {"n_gold": len(golds), "n_predicted": len(preds)}
    spans = {(int(p["start"]), int(p["end"])) for p in preds}
    hit = {s for s in spans if any(s[0] <= int(g["start"]) < s[1] for g in golds)}
    out["precision"] = _rate(len(hit), len(spans))
    found: list[int] = []
    for prefix, find in (("trigger_", _find_trigger), ("", _find)):
        found, tallies = _pair_scores(golds, preds, find)
        n = len(found)
        out.update(
            {
                f"{prefix}n_found": n,
                f"{prefix}recall": _rate(n, len(golds)),
                f"{prefix}source_accuracy": _rate(tallies[0], n),
                f"{prefix}target_accuracy": _rate(tallies[1], n),
                f"{prefix}source_target_accuracy": _rate(tallies[2], n),
                f"{prefix}class_accuracy": _rate(tallies[3], n),
                f"{prefix}date_accuracy": _rate(tallies[4], n),
            }
        )
    if baseline is not None:
        base = _records(baseline, "baseline", ("start", "end", "source", "target"))
        for suffix, subset in (("_same", found), ("", range(len(golds)))):
            t = [0, 0, 0]
            m = 0
            for gi in subset:
                k = _find(golds[gi], base)
                if k is None:
                    continue  # the baseline has nothing there: wrong on every count
                s_ok, t_ok, both = _judge(golds[gi], base[k])
                t[0] += s_ok
                t[1] += t_ok
                t[2] += both
                m += 1
            d = len(subset)
            out.update(
                {
                    f"baseline_source_accuracy{suffix}": _rate(t[0], d),
                    f"baseline_target_accuracy{suffix}": _rate(t[1], d),
                    f"baseline_source_target_accuracy{suffix}": _rate(t[2], d),
                    f"baseline_n_covered{suffix}": m,
                }
            )
    return out


def first_two_names(report: Report) -> pd.DataFrame:
    """The baseline: per sentence, source = its first named actor, target = the second.

    Named actors are the pipeline's entities of labels PERSON, ORG, GPE and NORP, by
    canonical name (a nationality adjective by its state, "Russian" -> Russia, as relnlp
    resolves it, so that the comparison is about roles, not names), in text order (a
    repeated name counts once). Sentences with no actor give no row.

    Parameters
    ----------
    report : Report

    Returns
    -------
    pandas.DataFrame
        ``start``, ``end`` (the sentence), ``source``, ``target``, ``parties``, ``type``
        (empty) and ``date`` (empty), like the ``events`` table.
    """
    ents = report.entities
    sents = report.sentences
    rows: list[dict[str, Any]] = []
    for s in sents.itertuples(index=False):
        names = [
            str(country) if lab == "NORP" and isinstance(country, str) and country else str(c)
            for c, lab, a, country in zip(
                ents["canonical"], ents["label"], ents["start"], ents["country"]
            )
            if s.start <= a < s.end and lab in BASELINE_LABELS
        ]
        names = list(dict.fromkeys(names))
        if not names:
            continue
        rows.append(
            {
                "start": int(s.start),
                "end": int(s.end),
                "source": names[0],
                "target": names[1] if len(names) > 1 else None,
                "parties": [],
                "type": "",
                "date": "",
            }
        )
    cols = ["start", "end", "source", "target", "parties", "type", "date"]
    return pd.DataFrame(rows, columns=cols)
