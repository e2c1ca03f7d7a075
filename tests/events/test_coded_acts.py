"""Acts that coded event data counts (issue 15, fifth pass): CAMEO verb-list additions,
acts of the source alone, stated intents and refusals, and the conjunct of a trigger's
infinitive.

Every sentence here was written for these tests; none comes from the seeds, the dev
reports or the coded sentences of the development folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_events import _events


def _one(nlp: Any, text: str, trigger: str) -> Any:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.split().str[0] == trigger]
    assert len(rows) == 1, ev[["trigger", "source", "target", "type"]]
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target", "type_"),
    [
        (
            "Kenya extradited two suspects to Uganda in May.",
            "extradited",
            "Kenya",
            "Uganda",
            "material_cooperation",
        ),
        (
            "Norway contributed $20 million to Sudan last year.",
            "contributed",
            "Norway",
            "Sudan",
            "material_cooperation",
        ),
        (
            "Ghana closed its borders with Togo in March.",
            "closed",
            "Ghana",
            "Togo",
            "material_conflict",
        ),
        (
            "Turkey issued an ultimatum to Syria on Monday.",
            "issued",
            "Turkey",
            "Syria",
            "verbal_conflict",
        ),
        (
            "Brazil struck a deal with Argentina on Tuesday.",
            "struck",
            "Brazil",
            "Argentina",
            "verbal_cooperation",
        ),
        (
            "Spain repatriated the stolen paintings to Mexico in 2019.",
            "repatriated",
            "Spain",
            "Mexico",
            "material_cooperation",
        ),
        (
            "Poland called for sanctions against Belarus.",
            "called",
            "Poland",
            "Belarus",
            "verbal_conflict",
        ),
        (
            "Japan lifted tariffs on Australian beef in June.",
            "lifted",
            "Japan",
            "Australia",
            "material_cooperation",
        ),
        (
            "Iran convicted four Iraqi smugglers in May.",
            "convicted",
            "Iran",
            "Iraq",
            "material_conflict",
        ),
        (
            "Egypt sentenced three Libyan smugglers to ten years in prison.",
            "sentenced",
            "Egypt",
            "Libya",
            "material_conflict",
        ),
    ],
)
def test_cameo_verbs(
    nlp: Any, text: str, trigger: str, source: str, target: str, type_: str
) -> None:
    row = _one(nlp, text, trigger)
    assert (row["source"], row["target"], row["type"]) == (source, target, type_)


@pytest.mark.parametrize(
    ("text", "trigger", "source", "type_"),
    [
        ("Hamas declared a ceasefire on Monday.", "declared", "Hamas", "material_cooperation"),
        ("Bolivia imposed a curfew on Friday.", "imposed", "Bolivia", "material_conflict"),
        (
            "Chile launched an investigation into the mining company.",
            "launched",
            "Chile",
            "verbal_conflict",
        ),
        ("Pedro Alvarez resigned on Friday.", "resigned", "Pedro Alvarez", "material_cooperation"),
    ],
)
def test_an_act_of_the_source_alone(
    nlp: Any, text: str, trigger: str, source: str, type_: str
) -> None:
    row = _one(nlp, text, trigger)
    assert row["source"] == source
    assert row["target"] is None
    assert row["type"] == type_


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia announced new measures on Friday.",  # a statement aimed at no one
        "Hamas declared on Monday.",  # no act noun: "declare" alone is a statement
        "The Chilean delegation returned to Santiago on Friday.",  # going home is no act
    ],
)
def test_no_act_of_the_source_alone(nlp: Any, text: str) -> None:
    assert len(_events(nlp, text)) == 0


@pytest.mark.parametrize(
    ("text", "source", "target", "type_", "cameo"),
    [
        ("Norway is willing to send troops to Mali.", "Norway", "Mali", "verbal_cooperation", "03"),
        ("Iran is ready to attack Israel.", "Iran", "Israel", "verbal_conflict", "13"),
    ],
)
def test_a_stated_intent_is_an_event(
    nlp: Any, text: str, source: str, target: str, type_: str, cameo: str
) -> None:
    ev = _events(nlp, text)
    assert len(ev) == 1, ev[["trigger", "source", "target", "type"]]
    row = ev.iloc[0]
    assert (row["source"], row["target"], row["type"], row["cameo"]) == (
        source,
        target,
        type_,
        cameo,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Norway is not willing to send troops to Mali.",  # negated: no intent stated
        "Norway is likely to send troops to Mali.",  # the author's forecast
        "Norway will be ready to send troops to Mali.",  # a forecast of an intent
    ],
)
def test_no_intent_without_a_stated_one(nlp: Any, text: str) -> None:
    assert len(_events(nlp, text)) == 0


def test_the_conjunct_of_an_infinitive_is_the_governing_act(nlp: Any) -> None:
    text = "Chile agreed to open its borders and grant asylum to Peru."
    ev = _events(nlp, text)
    assert [str(t).split()[0] for t in ev["trigger"]] == ["agreed"], ev[["trigger", "source"]]


def test_will_not_is_a_refusal(nlp: Any) -> None:
    row = _one(nlp, "Argentina will not release the Chilean sailors.", "release")
    assert (row["source"], row["target"], row["type"]) == ("Argentina", "Chile", "verbal_conflict")
    assert bool(row["negated"])


@pytest.mark.parametrize(
    "text",
    [
        "Argentina will release the Chilean sailors.",  # the author's forecast
        "Argentina will not attack Chile.",  # no act took place
    ],
)
def test_will_without_a_refusal_is_no_event(nlp: Any, text: str) -> None:
    assert len(_events(nlp, text)) == 0


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Angela Dorn will meet Pedro Alvarez on Saturday.", "Angela Dorn", "Pedro Alvarez"),
        ("Kenya will host the President of Ghana next week.", "Kenya", "Ghana"),
    ],
)
def test_a_meeting_announced_with_will_is_an_intent(
    nlp: Any, text: str, source: str, target: str
) -> None:
    ev = _events(nlp, text)
    assert len(ev) == 1, ev[["trigger", "source", "target", "cameo"]]
    row = ev.iloc[0]
    assert (row["source"], row["target"], row["cameo"]) == (source, target, "036")
    assert row["type"] == "verbal_cooperation"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya will probably meet Ghana next week.",  # the author's assessment
        "If Kenya will meet Ghana, the talks may resume.",  # a condition
        "Kenya will attack Ghana next week.",  # a forecast of an act, not a meeting
    ],
)
def test_will_is_still_a_forecast(nlp: Any, text: str) -> None:
    ev = _events(nlp, text)
    assert not any(str(c) == "036" or str(c)[:2] == "19" for c in ev["cameo"]), ev[
        ["trigger", "cameo"]
    ]


def test_a_compound_names_the_act_of_a_light_verb(nlp: Any) -> None:
    row = _one(nlp, "Qatar launched a mediation effort between Chad and Sudan.", "launched")
    assert row["cameo"] == "04"
    assert row["source"] == "Qatar"


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Chinese regulators launched an investigation into the bank.", "launched", "China"),
        ("Kenyan protesters staged a protest in Nairobi.", "staged", "Kenya"),
        ("Taliban gunmen stepped up attacks on Afghan soldiers.", "stepped", "Taliban"),
    ],
)
def test_agent_nouns_stand_for_their_actor(nlp: Any, text: str, trigger: str, source: str) -> None:
    row = _one(nlp, text, trigger)
    assert row["source"] == source


def test_until_in_the_present_is_a_condition(nlp: Any) -> None:
    text = "Peru will not lift the ban until Chile accepts the conditions."
    ev = _events(nlp, text)
    assert not any(str(t).startswith("accepts") for t in ev["trigger"]), ev[["trigger"]]
    # a past "until" reports an act that took place
    ev = _events(nlp, "The talks continued until Chile accepted the conditions of Peru.")
    assert any(str(t).startswith("accepted") for t in ev["trigger"]), ev[["trigger"]]


def _blank_actors(text: str, spans: list[tuple[str, str]]) -> Any:
    """The event extractor's actors of ``text`` with the given (name, label) entities set
    by hand on a blank pipeline (no parse, no relnlp components)."""
    import spacy
    from spacy.tokens import Span

    from relnlp.events._actors import _Actors

    doc = spacy.blank("en")(text)
    ents = []
    for name, label in spans:
        a = text.index(name)
        span = doc.char_span(a, a + len(name), label=label)
        assert span is not None, name
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = ents
    return doc, _Actors(doc)


def test_a_figure_reference_is_no_actor() -> None:
    doc, actors = _blank_actors(
        "Camps near Goma (see Figure 2).", [("Goma", "GPE"), ("Figure 2", "ORG")]
    )
    assert {a.name for a in actors.by_token.values()} == {"Goma"}


def test_a_possessive_left_on_a_name_is_dropped() -> None:
    # a left quotation mark typed for the apostrophe stays on the name
    text = "Ruto praised Angela Dorn\u2018s mediation."
    doc, actors = _blank_actors(text, [("Angela Dorn\u2018s", "PERSON")])
    assert {a.name for a in actors.by_token.values()} == {"Angela Dorn"}


def test_return_is_an_act_on_what_is_returned(nlp: Any) -> None:
    row = _one(nlp, "Spain returned the stolen paintings to Mexico in 2019.", "returned")
    assert (row["source"], row["target"], row["type"]) == (
        "Spain",
        "Mexico",
        "material_cooperation",
    )


def test_a_headline_verb_tagged_as_a_noun(nlp: Any) -> None:
    row = _one(nlp, "EU and UN hand over urgently needed medical supplies to Chad.", "hand")
    assert row["target"] == "Chad"
    assert row["type"] == "material_cooperation"


def test_teachers_from_a_named_school_board_act_for_it(nlp: Any) -> None:
    row = _one(nlp, "Teachers from the Nairobi Teachers Union went on strike.", "went")
    assert row["source"] == "Nairobi Teachers Union"
