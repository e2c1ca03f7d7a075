"""Events rows of the dev set count only reports whose gold lists the events layer."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from relnlp.evaluate import dev
from relnlp.evaluate import scorecard as sc


def _report(text: str, events: list[dict[str, object]]) -> SimpleNamespace:
    return SimpleNamespace(
        entities=pd.DataFrame(
            {"canonical": ["Chile", "Peru"], "label": ["GPE", "GPE"], "start": [0, 12]}
            | {"country": ["", ""]}
        ),
        sentences=pd.DataFrame({"start": [0], "end": [len(text)]}),
        events=pd.DataFrame(
            events, columns=["start", "end", "source", "target", "parties", "type", "date"]
        ),
    )


def _precision(rows: list[dict[str, object]]) -> object:
    (value,) = [r["value"] for r in rows if r["metric"] == "precision (by sentence)"]
    return value


def test_predicted_events_of_a_report_without_the_events_layer_are_not_false_positives() -> None:
    text = "Chile warned Peru about the border."
    gold_event = {
        "start": 6,
        "end": 12,
        "class": "verbal_conflict",
        "source": "Chile",
        "target": "Peru",
        "parties": [],
        "date": "",
    }
    pred = {
        "start": 0,
        "end": len(text),
        "source": "Chile",
        "target": "Peru",
        "parties": [],
        "type": "verbal_conflict",
        "date": "",
    }
    with_events = sc.GoldDoc(
        "x-events",
        text,
        None,
        [],
        [],
        [],
        layers=frozenset({"passages", "events"}),
        events=[gold_event],
    )
    without = sc.GoldDoc(
        "x-entities", text, None, [], [], [], layers=frozenset({"entities", "dates"})
    )
    preds = [sc.Prediction(report=_report(text, [pred])) for _ in range(2)]
    rows = dev._event_rows([with_events, without], preds)
    assert _precision(rows) == 1.0
    # The same report, annotated for events with none found in it, does count.
    also = sc.GoldDoc("x-none", text, None, [], [], [], layers=frozenset({"events"}))
    assert _precision(dev._event_rows([with_events, also], preds)) == 0.5
