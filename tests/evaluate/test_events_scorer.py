"""score_events and the first-two-names baseline, on a small gold written for this test."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.errors import ConfigError
from relnlp.evaluate.events import first_two_names, score_events

TEXT = (
    "Sweden was criticised by Hungary over the delay. "
    "Brazil and Argentina held joint naval drills in 2019. "
    "Analysts think the relationship is stable. "
    "Indonesia bought patrol boats from Japan in May 2020."
)


def _gold(
    word: str,
    cls: str,
    source: str = "",
    target: str = "",
    parties: tuple[str, ...] = (),
    date: str = "",
) -> dict[str, Any]:
    a = TEXT.index(word)
    return {
        "start": a,
        "end": a + len(word),
        "class": cls,
        "source": source,
        "target": target,
        "parties": list(parties),
        "date": date,
    }


GOLD = [
    _gold("criticised", "verbal_conflict", "Hungary", "Sweden"),
    _gold("held", "material_cooperation", parties=("Brazil", "Argentina"), date="2019"),
    _gold("bought", "material_cooperation", "Indonesia", "Japan", date="2020-05"),
]


def test_score_events_on_handwritten_gold(nlp: Any) -> None:
    r = nlp.analyze(TEXT, doc_date="2021-01-01")
    s = score_events(GOLD, r.events, baseline=first_two_names(r))
    assert s["n_gold"] == 3 and s["recall"] == 1.0 and s["precision"] == 1.0
    assert s["source_target_accuracy"] == 1.0 and s["class_accuracy"] == 1.0
    assert s["date_accuracy"] == 1.0
    # The baseline takes the first name as the source: wrong for the passive sentence.
    assert s["baseline_source_target_accuracy_same"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["baseline_n_covered"] == 3


def test_score_events_counts_errors() -> None:
    sent = (0, TEXT.index("Brazil"))
    pred = [
        # the right sentence, roles swapped, wrong class
        {
            "start": sent[0],
            "end": sent[1],
            "source": "Sweden",
            "target": "Hungary",
            "parties": ["Sweden", "Hungary"],
            "type": "verbal_cooperation",
            "date": "",
        },
        # a sentence with no gold event: hurts precision only
        {
            "start": TEXT.index("Analysts"),
            "end": TEXT.index("Indonesia"),
            "source": "x",
            "target": "y",
            "parties": [],
            "type": "verbal_conflict",
            "date": "",
        },
        # the joint event found with the same parties in another order, by name case
        {
            "start": TEXT.index("Brazil"),
            "end": TEXT.index("Analysts"),
            "source": None,
            "target": None,
            "parties": ["argentina", "BRAZIL"],
            "type": "material_cooperation",
            "date": "2019",
        },
    ]
    s = score_events(GOLD, pred)
    assert (s["n_found"], s["recall"], s["precision"]) == (
        2,
        pytest.approx(0.6667),
        pytest.approx(0.6667),
    )
    assert s["source_accuracy"] == 0.5 and s["target_accuracy"] == 0.5
    assert s["source_target_accuracy"] == 0.5 and s["class_accuracy"] == 0.5


def test_score_events_rejects_incomplete_events() -> None:
    with pytest.raises(ConfigError, match=r"\[E114\].*gold item 0"):
        score_events([{"start": 0, "end": 3}], [])
    empty = score_events([], [])
    assert empty["n_gold"] == 0 and empty["recall"] != empty["recall"]  # NaN, not 0


def test_several_actors_on_one_side_compare_as_sets() -> None:
    text = "Norway and Denmark condemned Chile."
    gold = [
        {
            "start": text.index("condemned"),
            "end": text.index(" Chile"),
            "class": "verbal_conflict",
            "source": "Norway;Denmark",
            "target": "Chile",
            "parties": [],
            "date": "",
        }
    ]
    pred = {"start": 0, "end": len(text), "target": "chile", "parties": [], "type": "", "date": ""}
    same = score_events(gold, [{**pred, "source": "Denmark; Norway"}])
    assert same["source_accuracy"] == 1.0 and same["source_target_accuracy"] == 1.0
    part = score_events(gold, [{**pred, "source": "Norway"}])
    assert part["source_accuracy"] == 0.0 and part["target_accuracy"] == 1.0


def test_names_compare_across_dash_and_apostrophe_typography() -> None:
    text = "The Lord’s Resistance Army attacked Uganda."
    gold = [
        {
            "start": text.index("attacked"),
            "end": text.index(" Uganda"),
            "class": "material_conflict",
            "source": "Lord’s Resistance Army – North",
            "target": "Uganda",
            "parties": [],
            "date": "",
        }
    ]
    pred = [
        {
            "start": 0,
            "end": len(text),
            "source": "Lord's Resistance Army - North",
            "target": "Uganda",
            "parties": [],
            "type": "material_conflict",
            "date": "",
        }
    ]
    assert score_events(gold, pred)["source_accuracy"] == 1.0
    pred[0]["source"] = "Lord's Resistance Army"
    assert score_events(gold, pred)["source_accuracy"] == 0.0
