"""Events (who did what to whom) and timelines.

Every sentence here was written for these tests; none comes from the seeds or the dev data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import relnlp
from relnlp.errors import ConfigError, RelnlpWarning
from relnlp.events import QUAD_CLASSES, load_event_verbs, quad_class
from relnlp.timelines import date_precision, period_start


def _events(nlp: Any, text: str, doc_date: str = "2021-06-01") -> pd.DataFrame:
    r = nlp.analyze(text, doc_date=doc_date)
    ev = r.events
    for row in ev.itertuples():
        assert text[row.start : row.end] == row.text
        assert text[row.trigger_start : row.trigger_end] == row.trigger
        assert row.start <= row.trigger_start < row.trigger_end <= row.end
    return ev


def _one(nlp: Any, text: str) -> dict[str, Any]:
    ev = _events(nlp, text)
    assert len(ev) == 1, ev[["trigger", "source", "target", "parties"]]
    row: dict[str, Any] = ev.iloc[0].to_dict()
    return row


def _check_roles(nlp: Any, text: str, source: str, target: str | None) -> None:
    """The one event of ``text`` has ``source`` and, unless None, ``target``."""
    e = _one(nlp, text)
    assert e["source"] == source
    if target is not None:
        assert e["target"] == target


def test_active_voice_gives_source_and_target(nlp: Any) -> None:
    e = _one(nlp, "Norway expelled two Belarusian diplomats in October 2019.")
    assert (e["source"], e["target"]) == ("Norway", "Belarus")
    assert e["type"] == "material_conflict" and e["trigger"] == "expelled"
    assert e["date"] == "2019-10" and e["date_text"] == "October 2019"
    assert e["goldstein"] < 0 and not e["negated"]


def test_passive_voice_swaps_subject_and_agent(nlp: Any) -> None:
    e = _one(nlp, "Georgia was invaded by Russian troops in August 2008.")
    assert (e["source"], e["target"]) == ("Russia", "Georgia")
    assert e["type"] == "material_conflict"


def test_coordinated_subjects_are_parties_of_a_joint_event(nlp: Any) -> None:
    e = _one(nlp, "Chile and Argentina signed a border treaty last spring.")
    assert e["source"] is None and e["target"] is None
    assert set(e["parties"]) == {"Chile", "Argentina"}
    assert e["type"] == "verbal_cooperation" and "signed" in e["trigger"]


def test_negated_cooperation_is_a_refusal(nlp: Any) -> None:
    # a refusal stated as such (the guidelines: "did not meet" is no event)
    e = _one(nlp, "The Turkish president refused to meet Joe Biden during the summit.")
    assert e["type"] == "verbal_conflict" and e["goldstein"] < 0
    assert e["target"] == "Joe Biden"
    e = _one(nlp, "Lesotho no longer supports South Africa.")
    assert e["negated"] and e["type"] == "verbal_conflict"
    # a negated attack is no act at all
    assert _events(nlp, "Ethiopia did not attack Eritrea.").empty


def test_undated_events_are_kept_with_an_empty_date(nlp: Any) -> None:
    e = _one(nlp, "Vietnam criticised Beijing over the fishing incident.")
    assert e["date"] == "" and e["date_text"] == ""
    assert e["source"] == "Vietnam" and e["target"] is not None


def test_an_exercise_is_never_an_actor(nlp: Any) -> None:
    ev = _events(
        nlp, "The Sea Breeze 2021 exercise brought together Ukraine and the United States."
    )
    names = (
        {n for ps in ev["parties"] for n in ps}
        | set(ev["source"].dropna())
        | set(ev["target"].dropna())
    )
    assert not any("Sea Breeze" in n or "2021" in n for n in names)
    e = _one(nlp, "Egypt and Greece held the Medusa naval exercise in November 2020.")
    assert set(e["parties"]) == {"Egypt", "Greece"} and e["type"] == "material_cooperation"


def test_never_the_same_actor_as_source_and_target(nlp: Any) -> None:
    for text in (
        "Peru sued Peru's former president.",
        "Kenya criticised Kenya for the delay.",
        "President Ruto of Kenya praised Kenya.",
    ):
        for row in _events(nlp, text).itertuples():
            assert row.source is None or row.source != row.target


@pytest.mark.parametrize(
    ("text", "source", "target", "type_"),
    [
        # the giver of "receive ... from" is the source
        (
            "Armenia received two helicopters from India in 2020.",
            "India",
            "Armenia",
            "material_cooperation",
        ),
        # a capital stands for its state; an ambassador for the state named by the adjective
        ("Paris summoned the Algerian ambassador.", "France", "Algeria", "verbal_conflict"),
        # a seat of government that acts is its state; the possessor of a criticised act
        # is the target
        ("The Kremlin condemned Tallinn's decision.", "Russia", "Estonia", "verbal_conflict"),
        # the addressee of an appeal is the target, not the object of what it is asked to do
        (
            "Mali called on the African Union to suspend Guinea.",
            "Mali",
            "African Union",
            "verbal_cooperation",
        ),
        # light verbs with their object noun, the target in a phrase of the noun
        (
            "Seoul raised concerns over Pyongyang's missile launches.",
            "South Korea",
            "North Korea",
            "verbal_conflict",
        ),
        (
            "Japan expressed support for Ukraine on 3 March 2022.",
            "Japan",
            "Ukraine",
            "verbal_cooperation",
        ),
    ],
)
def test_roles_resolved_through_the_noun_phrase(
    nlp: Any, text: str, source: str, target: str, type_: str
) -> None:
    e = _one(nlp, text)
    assert (e["source"], e["target"], e["type"]) == (source, target, type_)


def test_a_gerund_after_a_preposition_is_an_act_of_the_clause_subject(nlp: Any) -> None:
    e = _one(nlp, "Ghana left the summit early after meeting Togo's president.")
    assert (e["source"], e["target"], e["trigger"]) == ("Ghana", "Togo", "meeting")
    assert _events(nlp, "Iran responded before consulting Iraq.").empty  # not yet an act


def test_relational_nouns_name_the_other_side(nlp: Any) -> None:
    e = _one(nlp, "Serbia's allies condemned Albania.")
    assert e["source"] is None and e["target"] == "Albania"  # the allies are not Serbia


def test_not_events(nlp: Any) -> None:
    for text in (
        "Poland should sanction Belarus.",  # recommendation
        "If Serbia recognised Kosovo, Russia would object.",  # hypothetical
        "Since Azerbaijan's offensive against Armenia, trade has collapsed.",  # a noun phrase
        "We believe that Morocco supports Mauritania.",  # the author's opinion
        "Canada is a larger economy than Mexico.",  # a background state
        "Analysts do not foresee Chile supplying arms to Bolivia.",  # an expectation
        "Will Japan sanction Iran?",  # a question
    ):
        assert _events(nlp, text).empty, text


def test_quad_classes_follow_cameo_roots() -> None:
    assert [quad_class(c) for c in ("01", "05", "06", "08", "09", "13", "14", "20")] == [
        QUAD_CLASSES[0],
        QUAD_CLASSES[0],
        QUAD_CLASSES[1],
        QUAD_CLASSES[1],
        QUAD_CLASSES[2],
        QUAD_CLASSES[2],
        QUAD_CLASSES[3],
        QUAD_CLASSES[3],
    ]
    verbs = load_event_verbs()
    assert verbs.size > 100
    hold = verbs.by_verb["hold"]
    assert all(t.objects for t in hold)  # "hold" alone is no act


def test_user_verb_table_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "mine.jsonl"
    good.write_text(json.dumps({"verb": "snub", "cameo": "12", "goldstein": -4}) + "\n")
    assert "snub" in load_event_verbs([good], packaged=False).by_verb
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"verb": "snub", "cameo": "99", "goldstein": -4}) + "\n")
    with pytest.raises(ConfigError, match=r"\[E107\].*cameo"):
        load_event_verbs([bad])


def test_events_table_with_tone_and_dates(nlp: Any) -> None:
    text = (
        "On March 3, 2019, India and Pakistan exchanged fire along the border.\n\n"
        "In May 2019, Russia signed an agreement with China on gas supplies.\n\n"
        "China and Russia later held consultations."
    )
    ev = _events(nlp, text, doc_date="2019-12-01")
    assert list(ev["date"]) == ["2019-03-03", "2019-05", ""]
    assert list(ev["type"]) == ["material_conflict", "verbal_cooperation", "verbal_cooperation"]
    assert ev["source"].iloc[1] == "Russia" and ev["target"].iloc[1] == "China"
    # The learned sentence model gives a little tension to most sentences (tone-v1).
    assert ev["cooperation"].iloc[1] > 0.5 > ev["tension"].iloc[1]
    assert set(ev["parties"].iloc[2]) == {"China", "Russia"}
    tl = relnlp.timeline(ev, dyad=("China", "Russia"), freq="M")
    assert list(tl.index.astype(str)) == ["2019-05"]
    assert tl["n_events"].tolist() == [1] and tl.attrs["n_undated"] == 1
    assert tl["cooperation"].iloc[0] == pytest.approx(ev["cooperation"].iloc[1])


# Timelines -------------------------------------------------------------------------------
def _ev(dates: list[str]) -> pd.DataFrame:
    n = len(dates)
    return pd.DataFrame(
        {
            "date": dates,
            "parties": [["A", "B"]] * n,
            "countries": [[]] * n,
            "cooperation": [0.2 * (i % 5) for i in range(n)],
            "tension": [0.5] * n,
            "goldstein": [1.0] * n,
            "type": [QUAD_CLASSES[i % 4] for i in range(n)],
        }
    )


def test_timeline_auto_counts_year_dated_events() -> None:
    ev = _ev(["2020-01-05", "2020-03", "2022", "2020-03-20/2020-03-25"])
    tl = relnlp.timeline(ev)
    assert tl.attrs["freq"] == "Y" and tl.attrs["n_left_out"] == 0
    assert list(tl.index.astype(str)) == ["2020", "2021", "2022"]
    assert tl["n_events"].tolist() == [3, 0, 1]
    assert pd.isna(tl["cooperation"].iloc[1]) and pd.isna(tl["tension"].iloc[1])
    assert tl[[f"n_{q}" for q in QUAD_CLASSES]].sum(axis=1).tolist() == [3, 0, 1]


def test_timeline_auto_takes_the_finest_supported_period() -> None:
    assert relnlp.timeline(_ev(["2020-01-05", "2020-03-09"])).attrs["freq"] == "D"
    assert relnlp.timeline(_ev(["2020-01-05", "2020-03"])).attrs["freq"] == "M"
    assert relnlp.timeline(_ev(["2020-Q1", "2020-03"])).attrs["freq"] == "Q"
    # seventy years by month is too many periods: a coarser period is taken
    long = relnlp.timeline(_ev(["1950-01", "1960-05", "2022-12"]))
    assert long.attrs["freq"] == "Y" and len(long) == 73


def test_timeline_finer_freq_says_what_it_left_out() -> None:
    ev = _ev(["2020-01-05", "2020-03", "2020", "2021", "2020-Q2", ""])
    with pytest.warns(RelnlpWarning, match=r"\[W213\].*3 of 5 dated events.*2 to the year"):
        tl = relnlp.timeline(ev, freq="M")
    assert list(tl.index.astype(str)) == ["2020-01", "2020-02", "2020-03"]
    assert tl["n_events"].tolist() == [1, 0, 1]
    assert tl.attrs == {"freq": "M", "n_events": 6, "n_placed": 2, "n_undated": 1, "n_left_out": 3}


def test_timeline_dyad_and_bad_input() -> None:
    ev = _ev(["2020-01-05", "2020-02-01"])
    ev.loc[1, "parties"] = ["Vladimir Putin", "Xi Jinping"]
    ev.at[1, "countries"] = ["Russia", "China"]
    tl = relnlp.timeline(ev, dyad=("China", "Russia"))
    assert tl["n_events"].tolist() == [1] and str(tl.index[0]) == "2020-02-01"
    assert relnlp.timeline(ev, dyad=("A", "C")).empty
    with pytest.raises(ConfigError, match=r"\[E113\]"):
        relnlp.timeline(ev, freq="fortnight")


def test_date_precision_and_period_start() -> None:
    assert [
        date_precision(v)
        for v in ("2015-05-08", "2015-W19", "2015-05", "2015-Q2", "2015-SU", "2015", "XXXX-05", "")
    ] == ["D", "W", "M", "Q", "Y", "Y", None, None]
    assert period_start("2015-Q3") == pd.Timestamp(2015, 7, 1)
    assert period_start("2015-W02") == pd.Timestamp(2015, 1, 5)
    assert period_start("2015-02-30") is None


# --- issue 15 (events part): statements, sides, context, informants, nominal acts ---


def _by_trigger(nlp: Any, text: str, trigger: str) -> dict[str, Any]:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.startswith(trigger)]
    assert len(rows) == 1, ev[["trigger", "source", "target", "parties"]]
    row: dict[str, Any] = rows.iloc[0].to_dict()
    return row


def test_a_statement_is_aimed_at_the_actor_its_complement_is_about(nlp: Any) -> None:
    e = _by_trigger(
        nlp,
        "The Chilean foreign ministry warned that Peru was massing troops near the border.",
        "warned",
    )
    assert (e["source"], e["target"], e["type"]) == ("Chile", "Peru", "verbal_conflict")


def test_a_statement_is_never_aimed_at_the_speakers_own_side(nlp: Any) -> None:
    e = _by_trigger(
        nlp, "Mexico's president said that Mexico rejects the tariffs imposed by Canada.", "said"
    )
    assert (e["source"], e["target"]) == ("Mexico", "Canada")


def test_a_statement_aimed_at_no_one_is_not_an_event(nlp: Any) -> None:
    assert _events(nlp, "The Peruvian minister said the economy grew by three percent.").empty


def test_a_statement_takes_the_quad_class_of_what_it_says(nlp: Any) -> None:
    hostile = _by_trigger(
        nlp,
        "The Japanese foreign minister said that South Korea's decision "
        "was a grave violation of international law and an insult.",
        "said",
    )
    friendly = _by_trigger(
        nlp,
        "The Irish president said that Iceland had been a loyal "
        "friend and a valued partner for decades.",
        "said",
    )
    assert hostile["cameo"] == friendly["cameo"] == "010"
    assert hostile["type"] == "verbal_conflict" and friendly["type"] == "verbal_cooperation"
    assert (hostile["target"], friendly["target"]) == ("South Korea", "Iceland")


def test_coordinated_subjects_of_a_directed_act_are_one_source_side(nlp: Any) -> None:
    e = _one(
        nlp,
        "The Netherlands and Belgium condemned Belarus for the detention of opposition figures.",
    )
    assert set(e["source"].split(";")) == {"Netherlands", "Belgium"}
    assert e["target"] == "Belarus"
    assert set(e["parties"]) == {"Netherlands", "Belgium", "Belarus"}


def test_an_affiliation_names_every_state_of_the_side(nlp: Any) -> None:
    e = _one(nlp, "Officials from Nigeria and Ghana called for restraint.")
    assert set(e["source"].split(";")) == {"Nigeria", "Ghana"} and e["target"] is None
    assert e["type"] == "verbal_cooperation"  # an appeal (CAMEO 02)


def test_pronouns_and_the_two_countries_resolve_to_the_actors_just_named(nlp: Any) -> None:
    e = _by_trigger(
        nlp,
        "Croatia and Slovenia held talks in Zagreb on Monday. The two "
        "countries also criticised Serbia over the border dispute.",
        "criticised",
    )
    assert set(e["source"].split(";")) == {"Croatia", "Slovenia"} and e["target"] == "Serbia"
    e = _by_trigger(
        nlp,
        "Denmark and Sweden met in Malmo on Tuesday. They condemned Iran "
        "for the detention of a Swedish citizen.",
        "condemned",
    )
    assert set(e["source"].split(";")) == {"Denmark", "Sweden"} and e["target"] == "Iran"
    e = _by_trigger(
        nlp,
        "Kenyan President William Ruto met Tanzania's president last week. "
        "He later praised Uganda for its mediation.",
        "praised",
    )
    assert (e["source"], e["target"]) == ("William Ruto", "Uganda")
    # nothing named before: the pronoun stays unresolved
    assert _events(nlp, "They condemned Iran.").iloc[0]["source"] is None


def test_an_informant_is_not_the_actor_that_speaks(nlp: Any) -> None:
    ev = _events(nlp, "A NATO source said that Serbia had expelled two Croatian diplomats.")
    assert "said" not in set(ev["trigger"])
    assert ev.iloc[0][["trigger", "source", "target"]].tolist() == ["expelled", "Serbia", "Croatia"]


def test_an_assessment_by_the_author_is_not_an_event(nlp: Any) -> None:
    assert _events(nlp, "Chile likely continued to supply Peru with fuel.").empty


def test_a_decision_announced_with_will_is_an_event_a_forecast_is_not(nlp: Any) -> None:
    e = _by_trigger(
        nlp, "The Danish ministry announced that it will expel two Iranian diplomats.", "expel"
    )
    assert (e["source"], e["target"], e["type"]) == ("Denmark", "Iran", "material_conflict")
    assert _events(nlp, "Analysts think Denmark will expel more diplomats.").empty


def test_a_light_verb_object_after_a_quantity_noun(nlp: Any) -> None:
    e = _one(nlp, "Portugal imposed a new round of sanctions against Venezuela.")
    assert (e["source"], e["target"], e["type"]) == ("Portugal", "Venezuela", "material_conflict")


def test_a_possessive_pronoun_is_not_the_target(nlp: Any) -> None:
    e = _one(nlp, "The Estonian government reiterated its commitment to Finland's security.")
    assert (e["source"], e["target"]) == ("Estonia", "Finland")


def test_a_participle_with_an_agent_is_passive(nlp: Any) -> None:
    e = _by_trigger(nlp, "Greece recalled its ambassador, as requested by Cyprus.", "requested")
    assert e["source"] == "Cyprus"


def test_acts_named_by_a_noun(nlp: Any) -> None:
    e = _one(nlp, "The invasion of Kuwait by Iraq in 1990 changed the region.")
    assert (e["source"], e["target"], e["type"]) == ("Iraq", "Kuwait", "material_conflict")
    assert e["date"] == "1990"
    e = _one(nlp, "Talks between Kenya and Somalia resumed in March.")
    assert e["source"] is None and set(e["parties"]) == {"Kenya", "Somalia"}
    e = _one(nlp, "The signing of the accord by Chile and Peru ended the dispute.")
    assert set(e["parties"]) == {"Chile", "Peru"} and e["type"] == "verbal_cooperation"
    # a possessive names the act to frame something else: background, not a report
    assert _events(nlp, "Iraq's invasion of Kuwait changed the region.").empty


def test_a_statement_about_unnamed_actors_has_no_target_but_is_an_event(nlp: Any) -> None:
    e = _one(nlp, "The Kenyan envoy said that all parties must respect the ceasefire.")
    assert (e["trigger"], e["source"], e["target"]) == ("said", "Kenya", None)


def test_call_for_with_a_clause(nlp: Any) -> None:
    e = _one(nlp, "Officials from Chad called for all parties to show restraint.")
    assert (e["trigger"], e["source"], e["cameo"]) == ("called for", "Chad", "02")


def test_the_complement_of_a_statement_noun(nlp: Any) -> None:
    e = _one(
        nlp, "Hungarian officials reiterated claims that Slovakia had mistreated its minorities."
    )
    assert (e["source"], e["target"]) == ("Hungary", "Slovakia")


def test_a_nationality_on_an_agentive_noun_is_its_state(nlp: Any) -> None:
    e = _one(nlp, "Moldovan officials accused Russian saboteurs of blowing up a depot.")
    assert (e["source"], e["target"], e["type"]) == ("Moldova", "Russia", "verbal_conflict")


def test_the_speakers_own_side_includes_what_the_subject_phrase_names(nlp: Any) -> None:
    e = _one(
        nlp,
        "Peter Mwangi, director of Kenya's state railway company, said that Kenya "
        "needs loans from China.",
    )
    assert (e["source"], e["target"]) == ("Peter Mwangi", "China")
    assert _events(
        nlp,
        "Peter Mwangi, director of Kenya's state railway company, said that "
        "Kenya needs new wagons.",
    ).empty


def test_a_statement_needs_a_named_speaker(nlp: Any) -> None:
    ev = _events(nlp, "He said that Bolivia had expelled the Peruvian consul.")
    assert ev[["trigger", "source", "target"]].values.tolist() == [["expelled", "Bolivia", "Peru"]]


def test_a_place_in_the_complement_is_not_what_a_statement_is_about(nlp: Any) -> None:
    assert _events(
        nlp, "Peruvian authorities claim Peru has accepted over 9,000 refugees from Caracas."
    ).empty
