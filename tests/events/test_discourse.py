"""The discourse layer of events (issue 15, sixth pass): pronouns and definite
descriptions resolved to the actor of their kind named in the paragraph, with a
confidence; unnamed state organs to the state a paragraph is about; and acts named by a
possessive noun that the clause reports.

Every paragraph here was written for these tests; none comes from the seeds, the dev
reports or the coded sentences of the development folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from relnlp.events._discourse import dominant_state
from tests.test_events import _events


def _row(nlp: Any, text: str, trigger: str) -> Any:
    ev = _events(nlp, text)
    rows = ev[ev["trigger"].str.split().str[0] == trigger]
    assert len(rows) == 1, ev[["trigger", "source", "target", "actor_confidence"]]
    return rows.iloc[0]


def test_the_group_is_the_organisation_just_named(nlp: Any) -> None:
    row = _row(
        nlp,
        "Hamas fired rockets at Ashkelon on Monday. The group later attacked an Israeli patrol.",
        "attacked",
    )
    assert (row["source"], row["target"]) == ("Hamas", "Israel")
    assert 0.5 < row["actor_confidence"] < 1.0


def test_the_ministry_is_the_ministry_just_named(nlp: Any) -> None:
    row = _row(
        nlp,
        "Ecuador's Foreign Ministry issued a note on Tuesday. "
        "The ministry condemned Colombia for the raid.",
        "condemned",
    )
    assert row["source"] == "Ministry of Foreign Affairs of Ecuador"
    assert row["target"] == "Colombia"


def test_a_named_source_keeps_full_confidence(nlp: Any) -> None:
    row = _row(nlp, "Peru condemned Chile on Monday.", "condemned")
    assert row["actor_confidence"] == 1.0


def test_authorities_stand_for_the_only_state_named(nlp: Any) -> None:
    row = _row(
        nlp,
        "Zimbabwe banned opposition rallies in March. Authorities eased the curfew on Sunday.",
        "eased",
    )
    assert row["source"] == "Zimbabwe"


def test_a_named_state_is_surer_than_the_state_a_paragraph_is_about(nlp: Any) -> None:
    named = _row(
        nlp,
        "Zimbabwe banned opposition rallies in March. Authorities eased the curfew on Sunday.",
        "eased",
    )
    dominant = _row(
        nlp,
        "Zimbabwe banned opposition rallies in March. Zimbabwe closed its border with "
        "Zambia. The rains came late. Authorities eased the curfew on Sunday.",
        "eased",
    )
    assert dominant["source"] == "Zimbabwe"
    assert dominant["actor_confidence"] < named["actor_confidence"]


def test_no_resolution_across_a_paragraph_break(nlp: Any) -> None:
    ev = _events(
        nlp,
        "Hamas fired rockets at Ashkelon on Monday.\n\nThe group later attacked an Israeli patrol.",
    )
    assert "Hamas" not in set(ev.loc[ev["trigger"] == "attacked", "source"].dropna())


def test_no_resolution_beyond_the_previous_sentence(nlp: Any) -> None:
    ev = _events(
        nlp,
        "Hamas fired rockets at Ashkelon on Monday. The sirens sounded for an hour. "
        "The group later attacked an Israeli patrol.",
    )
    assert "Hamas" not in set(ev.loc[ev["trigger"] == "attacked", "source"].dropna())


def test_authorities_without_a_dominant_state_stay_unnamed(nlp: Any) -> None:
    ev = _events(
        nlp,
        "Nigeria and Ghana traded accusations in May. Authorities arrested the smugglers.",
    )
    rows = ev[ev["trigger"] == "arrested"]
    assert not set(rows["source"].dropna()) & {"Nigeria", "Ghana"}


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        (["Kenya"], "Kenya"),
        (["Kenya", "Kenya", "Uganda"], "Kenya"),
        (["Kenya", "Uganda"], None),
        (["Kenya", "Kenya", "Uganda", "Uganda"], None),
        ([], None),
    ],
)
def test_dominant_state(states: list[str], expected: str | None) -> None:
    assert dominant_state(states) == expected


def test_possessive_act_reported_by_its_clause(nlp: Any) -> None:
    row = _row(nlp, "Turkey's raid on the PKK camp killed ten fighters.", "raid")
    assert row["source"] == "Turkey"
    assert row["target"] == "Kurdistan Workers' Party"
    assert row["type"] == "material_conflict"


def test_possessive_crackdown_is_an_act_of_its_author(nlp: Any) -> None:
    row = _row(nlp, "Myanmar's crackdown on protesters killed forty people in March.", "crackdown")
    assert row["source"] == "Myanmar"


@pytest.mark.parametrize(
    "text",
    [
        "Russia's invasion of Ukraine marked a turning point for Europe.",
        "Since Russia's invasion of Ukraine, Finland has raised its defence budget.",
        "Russia's invasion of Ukraine has reshaped the debate in Berlin.",
        "Iraq's invasion of Kuwait transformed the politics of the Gulf.",
    ],
)
def test_possessive_act_that_frames_is_no_event(nlp: Any, text: str) -> None:
    ev = _events(nlp, text)
    assert "invasion" not in set(ev["trigger"])


def test_act_noun_by_agent_with_course_verb(nlp: Any) -> None:
    row = _row(nlp, "The attack by Hamas on Israel began at dawn.", "attack")
    assert (row["source"], row["target"]) == ("Hamas", "Israel")
