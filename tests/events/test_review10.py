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
    praised = [r for r in rows if r[0].startswith("praised")]
    assert all(r[2] != "Emmanuel Macron" for r in praised), rows
    assert any(r[0] == "met" and r[2] == "Emmanuel Macron" for r in rows), rows
    # a joint act made with the first verb's object, or the subject's own envoy, still is
    rows = _rows(nlp, "Chile met Peru and signed a fisheries deal.")
    assert any(r[0].startswith("signed") and r[2] == "Peru" for r in rows), rows
    rows = _rows(nlp, "Bolivia condemned Chile and recalled its envoy.")
    assert any(r[0].startswith("recalled") and r[2] == "Chile" for r in rows), rows


def test_an_intent_with_its_own_object_borrows_no_target(nlp: Any) -> None:
    rows = _rows(nlp, "Iran threatened Israel and vowed to protect its allies.")
    assert any(r[0] == "threatened" and r[2] == "Israel" for r in rows), rows
    assert all(not (r[0] == "vowed" and r[2] == "Israel") for r in rows), rows


def test_ordering_goods_from_a_seller_is_no_act_on_the_seller(nlp: Any) -> None:
    rows = _rows(nlp, "Egypt ordered the delivery of Rafale jets from France.")
    assert ("ordered the delivery", "Egypt", "France") not in rows, rows
    # an ordered transfer to someone is still the subject's act
    rows = _rows(nlp, "Egypt ordered the transfer of the prisoners to Israel.")
    assert any(r[0].startswith("ordered") and r[1:] == ("Egypt", "Israel") for r in rows), rows


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Israel struck targets in Lebanon with drones.", "Lebanon"),
        ("Turkish forces shelled positions in Iraq overnight.", "Iraq"),
    ],
)
def test_a_strike_on_a_place_still_names_its_state(nlp: Any, text: str, target: str) -> None:
    rows = _rows(nlp, text)
    assert rows and rows[0][2] == target, rows


def test_the_acts_own_year_after_in(nlp: Any) -> None:
    rows = _rows(nlp, "Moscow invaded Afghanistan in 1979 and stayed for a decade.")
    assert rows and rows[0][1] == "Soviet Union", rows
