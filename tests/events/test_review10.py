"""Fixes from the review of the tenth session's event rules; sentences written for these
tests (from no corpus)."""

from __future__ import annotations

from typing import Any

import pytest


def _rows(nlp: Any, text: str, doc_date: str = "2023-01-01") -> list[tuple[str, Any, Any]]:
    ev = nlp.analyze(text, doc_date=doc_date).events
    return [(r.trigger, r.source, r.target) for r in ev.itertuples()]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a span reaching to now, a contrast, a year naming another event: not the act's time
        ("Since 1991, Moscow has pressured Astana over its pipelines.", "Russia"),
        ("Unlike in 1968, Moscow criticised Warsaw this week.", "Russia"),
        ("Moscow condemned the 1956 intervention in a statement in 2016.", "Russia"),
        # the act's own year still reads the era
        ("In 1962, Moscow sent missiles to Cuba.", "Soviet Union"),
    ],
)
def test_the_era_of_a_capital_is_the_acts_year(nlp: Any, text: str, source: str) -> None:
    rows = _rows(nlp, text)
    assert rows and rows[0][1] == source, rows


def test_a_conjunct_with_its_own_object_borrows_no_target(nlp: Any) -> None:
    rows = _rows(nlp, "The premier met Macron and praised the new bridge.")
    assert all(t != "Emmanuel Macron" for trig, _s, t in rows if trig != "met"), rows
    # a joint act made with the first verb's object still is
    rows = _rows(nlp, "Chile met Peru and signed a fisheries deal.")
    assert ("signed a fisheries deal", "Chile", "Peru") in rows or any(
        t == "Peru" for trig, _s, t in rows if trig.startswith("signed")
    ), rows


def test_an_intent_with_its_own_object_borrows_no_target(nlp: Any) -> None:
    rows = _rows(nlp, "Iran threatened Israel and vowed to protect its allies.")
    assert all(not (trig == "vowed" and t == "Israel") for trig, _s, t in rows), rows


def test_ordering_goods_is_no_act_of_the_buyer_on_the_seller(nlp: Any) -> None:
    rows = _rows(nlp, "Egypt ordered the delivery of Rafale jets from France.")
    assert ("ordered the delivery", "Egypt", "France") not in rows, rows
