"""Thirteenth pass (issue 15): acts named by a noun under a verb of deciding or
receiving, the refusal verb in a refusal's trigger, and capitals of former states.

Sentences written for these tests (none from the seeds or the development reports)."""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.events._eras import former_state
from relnlp.events._lexicon import _default_verbs
from relnlp.events._noun_acts import noun_act, received_act
from tests.events._parses import built
from tests.test_events import _events, _one

# -- an act decided and made public: the act, not the statement ----------------------


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Kenya announced the release of two Ugandan fishermen on Monday.",
            "material_cooperation",
            "Kenya",
            "Uganda",
        ),
        (
            "A Spanish court approved the extradition of a former Peruvian minister to Peru.",
            "material_cooperation",
            "Spain",
            "Peru",
        ),
        (
            "The Japanese cabinet approved the delivery of two patrol boats to Vietnam.",
            "material_cooperation",
            "Japan",
            "Vietnam",
        ),
    ],
)
def test_an_announced_or_approved_act_is_coded_as_the_act(
    nlp: Any, text: str, kind: str, source: str, target: str
) -> None:
    ev = _one(nlp, text)
    assert (ev["type"], ev["source"], ev["target"]) == (kind, source, target)
    verb, noun = ev["trigger"].split()[0], ev["trigger"].split()[-1]
    assert verb in {"announced", "approved"} and noun in {"release", "extradition", "delivery"}


def test_a_light_verb_entry_of_the_table_comes_before_the_announced_noun(nlp: Any) -> None:
    # "announce" + "sanctions" is the table's own entry (CAMEO 16), kept as it was
    ev = _one(nlp, "Kenya announced new sanctions against Eritrea.")
    assert (ev["type"], ev["target"]) == ("material_conflict", "Eritrea")


def test_only_verbs_of_deciding_and_nouns_of_acts_make_a_noun_act() -> None:
    verbs = _default_verbs()
    deps = ["nsubj", "ROOT", "det", "dobj"]
    tags = ["NNP", "VBD", "DT", "NN"]
    lemmas = ["Peru", "announce", "the", "release"]
    doc = built(
        ["Peru", "announced", "the", "release"], [1, 1, 3, 1], deps, tags=tags, lemmas=lemmas
    )
    got = noun_act(doc[1], verbs, None)
    assert got is not None and got[0].cameo.startswith("08") and got[1] == [doc[1], doc[3]]
    lemmas = ["Peru", "confirm", "the", "release"]
    doc = built(
        ["Peru", "confirmed", "the", "release"], [1, 1, 3, 1], deps, tags=tags, lemmas=lemmas
    )
    assert noun_act(doc[1], verbs, None) is None  # confirming reports someone's act
    lemmas = ["Peru", "announce", "the", "plan"]
    doc = built(["Peru", "announced", "the", "plan"], [1, 1, 3, 1], deps, tags=tags, lemmas=lemmas)
    assert noun_act(doc[1], verbs, None) is None


# -- a light verb carries the act its object noun names -------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Kenya staged a raid on Somalia.", "material_conflict", "Kenya", "Somalia"),
        ("Serbia levelled accusations against Kosovo.", "verbal_conflict", "Serbia", "Kosovo"),
        ("Norway extended an invitation to Finland.", "verbal_cooperation", "Norway", "Finland"),
    ],
)
def test_a_light_verb_with_an_act_noun_is_the_act(
    nlp: Any, text: str, kind: str, source: str, target: str
) -> None:
    ev = _one(nlp, text)
    assert (ev["type"], ev["source"], ev["target"]) == (kind, source, target)
    assert len(ev["trigger"].split()) >= 2  # the verb and the noun


def test_a_call_after_a_light_verb_is_no_phone_call(nlp: Any) -> None:
    ev = _events(nlp, "Iran issued a call for restraint to Iraq.")
    assert "verbal_cooperation" not in set(ev["type"])


# -- what is received: aid, or the act its noun names ---------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mali received threats from Algeria.", "verbal_conflict"),
        ("Ghana received a visit from the Nigerian president on Monday.", "verbal_cooperation"),
        ("Mali received arms from Algeria.", "material_cooperation"),
    ],
)
def test_what_is_received_from_a_giver_keeps_its_own_class(nlp: Any, text: str, kind: str) -> None:
    ev = _one(nlp, text)
    assert ev["type"] == kind
    assert ev["source"] in {"Algeria", "Nigeria"} and ev["target"] in {"Mali", "Ghana"}


def test_received_act_reads_the_object_noun() -> None:
    doc = built(
        ["Mali", "received", "warnings"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        tags=["NNP", "VBD", "NNS"],
        lemmas=["Mali", "receive", "warning"],
    )
    got = received_act(doc[1], _default_verbs())
    assert got is not None and got[0].cameo.startswith("13") and got[1] == doc[2]


# -- a refusal keeps its refusing verb in the trigger ---------------------------------


def test_a_refusal_under_a_verb_of_refusing_has_that_verb_in_its_trigger(nlp: Any) -> None:
    ev = _one(nlp, "Chile declined to recognize the new government of Bolivia.")
    assert ev["type"] == "verbal_conflict" and ev["trigger"].startswith("declined")
    assert (ev["source"], ev["target"]) == ("Chile", "Bolivia")


# -- capitals of former states --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_date", "source", "target"),
    [
        (
            "Moscow protested to Washington on 3 March 1962 about the flights.",
            "2021-06-01",
            "Soviet Union",
            "United States",
        ),
        (
            "Moscow protested to Washington on 3 March 2012 about the flights.",
            "2021-06-01",
            "Russia",
            "United States",
        ),
        (
            "Moscow protested to Washington about the flights.",
            "1958-05-01",
            "Soviet Union",
            "United States",
        ),
        (
            "Moscow protested to Washington about the flights.",
            "2015-05-01",
            "Russia",
            "United States",
        ),
        (
            "Belgrade recalled its ambassador from Tirana in 1981.",
            "2021-06-01",
            "Yugoslavia",
            "Albania",
        ),
        ("Bonn sent aid to Warsaw in 1981.", "2021-06-01", "West Germany", "Poland"),
    ],
)
def test_a_capital_acts_for_the_state_seated_there_at_the_time(
    nlp: Any, text: str, doc_date: str, source: str, target: str
) -> None:
    ev = _events(nlp, text, doc_date=doc_date)
    assert len(ev) == 1
    assert (ev.iloc[0]["source"], ev.iloc[0]["target"]) == (source, target)


def test_a_capital_outside_its_former_states_era_or_without_a_date_is_no_former_state() -> None:
    doc = built(["Moscow", "protested"], [1, 1], ["nsubj", "ROOT"], tags=["NNP", "VBD"])
    assert former_state("Moscow", doc, doc[0:1]) is None  # no date in the text, none given
    doc._.rel_doc_date = "1975-01-01"
    assert former_state("Moscow", doc, doc[0:1]) == "Soviet Union"
    assert former_state("Ottawa", doc, doc[0:1]) is None  # no former state seated there
    doc._.rel_doc_date = "1995-01-01"
    assert former_state("Moscow", doc, doc[0:1]) is None


# -- violence landing in a place: the place's state is the target ---------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel struck targets in Gaza on Tuesday.", "Israel", "Palestine"),
        ("Kenyan troops raided camps in Somalia.", "Kenya", "Somalia"),
        ("Russian forces shelled villages in eastern Ukraine.", "Russia", "Ukraine"),
    ],
)
def test_violence_on_unnamed_things_in_a_state_is_aimed_at_that_state(
    nlp: Any, text: str, source: str, target: str
) -> None:
    ev = _one(nlp, text)
    assert (ev["type"], ev["source"], ev["target"]) == ("material_conflict", source, target)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas attacked a checkpoint in Gaza.",  # its own state's territory
        "Nigeria bombed militant camps in Borno.",  # a region the gazetteer does not place
    ],
)
def test_no_place_target_for_its_own_territory_or_a_region_of_no_known_state(
    nlp: Any, text: str
) -> None:
    ev = _events(nlp, text)
    assert "Palestine" not in set(ev["target"].dropna()) and "Borno" not in set(
        ev["target"].dropna()
    )


# -- coordinated verbs of one subject share a target -----------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Chile met Peru and signed a trade deal.", "signed a trade deal", "Peru"),
        ("Bolivia condemned Chile and recalled its ambassador.", "recalled", "Chile"),
        ("Kenyan police arrested and deported three Ugandan smugglers.", "arrested", "Uganda"),
    ],
)
def test_a_verb_coordinated_with_another_of_its_subject_shares_its_target(
    nlp: Any, text: str, trigger: str, target: str
) -> None:
    ev = _events(nlp, text)
    row = ev[ev["trigger"] == trigger]
    assert len(row) == 1 and row.iloc[0]["target"] == target


def test_an_infinitive_coordinated_under_an_appeal_takes_no_target(nlp: Any) -> None:
    text = (
        "Chile urged Peru to pull its warships back from the bay, honour the fishing "
        "accord and hand over the detained sailors."
    )
    assert list(_events(nlp, text)["trigger"]) == ["urged"]


# -- an oath to do harm is a threat ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Turkey vowed to retaliate against Syria.", "verbal_conflict"),
        ("Chad vowed not to attack Sudan.", "verbal_cooperation"),
        ("Japan vowed to provide aid to the Philippines.", "verbal_cooperation"),
    ],
)
def test_a_vow_to_do_harm_is_a_threat_a_vow_to_help_or_to_refrain_an_intent(
    nlp: Any, text: str, kind: str
) -> None:
    assert _one(nlp, text)["type"] == kind


# -- an act noun whose course the clause reports --------------------------------------


@pytest.mark.parametrize(
    "text", ["Kenya's visit to Uganda ended on Friday.", "Chile's visit to Peru has taken place."]
)
def test_an_act_that_ended_or_took_place_is_reported(nlp: Any, text: str) -> None:
    ev = _one(nlp, text)
    assert ev["type"] == "verbal_cooperation" and ev["trigger"] == "visit"


def test_an_act_that_ended_something_is_weighed_not_reported(nlp: Any) -> None:
    assert _events(nlp, "Russia's invasion ended an era of peace.").empty
