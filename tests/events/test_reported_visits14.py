"""Fourteenth pass (issue 15): an act reported under a named speaker's statement is a row
of its own (GUIDELINES s.7), and "the visit of X to Y" names X as the visitor.

Sentences written for these tests (none from the seeds or the development reports)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from relnlp.events._actors import _coordinated_modifiers
from tests.events._parses import built
from tests.test_events import _events

# -- "X said that Y did Z": the act's row, with its own class, beside the statement ------


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "source", "target"),
    [
        (
            "Kenya said that Ugandan troops had arrested two Kenyan traders.",
            "arrested",
            "material_conflict",
            "Uganda",
            "Kenya",
        ),
        (
            "Brazil said that Argentina had attacked a Brazilian border post.",
            "attacked",
            "material_conflict",
            "Argentina",
            "Brazil",
        ),
        (
            # the speaker after the report: the same two rows
            "Argentina had attacked a Brazilian border post, the Brazilian minister said.",
            "attacked",
            "material_conflict",
            "Argentina",
            "Brazil",
        ),
        (
            "Norway announced that Danish inspectors had seized a Swedish trawler.",
            "seized",
            "material_conflict",
            "Denmark",
            "Sweden",
        ),
    ],
)
def test_reported_act_is_its_own_row(
    nlp: Any, text: str, trigger: str, kind: str, source: str, target: str
) -> None:
    ev = _events(nlp, text)
    acts = ev[ev["trigger"] == trigger]
    assert len(acts) == 1, ev[["trigger", "source", "target"]]
    row = acts.iloc[0]
    assert (row["type"], row["source"], row["target"]) == (kind, source, target)


def test_statement_row_is_kept(nlp: Any) -> None:
    ev = _events(nlp, "Kenya said that Ugandan troops had arrested two Kenyan traders.")
    said = ev[ev["trigger"] == "said"]
    assert len(said) == 1
    assert said.iloc[0]["source"] == "Kenya"


@pytest.mark.parametrize(
    "text",
    [
        # the reported act is aimed at no one the sentence names: the statement alone
        "Kenya said that Ugandan troops had arrested two traders.",
        # a hypothetical under the statement is no act
        "Kenya said that Ugandan troops might arrest Kenyan traders.",
    ],
)
def test_no_reported_act_without_target_or_fact(nlp: Any, text: str) -> None:
    ev = _events(nlp, text)
    assert not (ev["trigger"].isin(["arrested", "arrest"])).any(), ev[["trigger", "source"]]


# -- "the visit of X to Y": X the visitor ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The visit of the Indian prime minister to Nepal began on Monday.", "India", "Nepal"),
        ("The visit of Chile's president to Peru ended on Friday.", "Chile", "Peru"),
        (
            "The visit of the Greek foreign minister to Cyprus took place in May.",
            "Greece",
            "Cyprus",
        ),
    ],
)
def test_visit_of_names_the_visitor(nlp: Any, text: str, source: str, target: str) -> None:
    ev = _events(nlp, text)
    visits = ev[ev["trigger"] == "visit"]
    assert len(visits) == 1, ev[["trigger", "source", "target"]]
    assert (visits.iloc[0]["source"], visits.iloc[0]["target"]) == (source, target)


def test_of_stays_the_target_of_other_acts(nlp: Any) -> None:
    ev = _events(nlp, "The invasion of Georgia by Russia began in August.")
    assert (ev.iloc[0]["source"], ev.iloc[0]["target"]) == ("Russia", "Georgia")


# -- "[A] and [B] officials": the parser hangs both names on the head ----------------------


def test_names_hung_on_the_head_are_both_authors(nlp: Any) -> None:
    ev = _events(nlp, "DNR and LNR officials thanked Russia in March.")
    assert ev.iloc[0]["source"] == "Donetsk People's Republic;Luhansk People's Republic"


def test_coordinated_modifiers_on_a_built_parse() -> None:
    # "Kenya and Uganda officials condemned Sudan": Kenya (nmod, with the "and") and
    # Uganda (compound) both modify "officials", as the parser reads some acronyms
    doc = built(
        ["Kenya", "and", "Uganda", "officials", "condemned", "Sudan"],
        [3, 0, 3, 4, 4, 4],
        ["nmod", "cc", "compound", "nsubj", "ROOT", "dobj"],
        tags=["NNP", "CC", "NNP", "NNS", "VBD", "NNP"],
    )
    names = {0: "Kenya", 2: "Uganda", 5: "Sudan"}
    actors = SimpleNamespace(by_token={i: SimpleNamespace(name=n) for i, n in names.items()})
    assert _coordinated_modifiers(doc[3], actors) == ["Kenya", "Uganda"]  # type: ignore[arg-type]


# -- "EU states, including A and B": the members listed act, not the group --------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "EU states, including France, Spain and Italy, condemned Russia on Monday.",
            "France;Spain;Italy",
        ),
        (
            "African Union governments, including Kenya and Ghana, praised Ethiopia in April.",
            "Kenya;Ghana",
        ),
        # no members listed: the group
        ("EU states condemned Russia on Monday.", "European Union"),
    ],
)
def test_listed_members_of_a_group_of_states(nlp: Any, text: str, source: str) -> None:
    ev = _events(nlp, text)
    assert ev.iloc[0]["source"] == source, ev[["trigger", "source", "target"]]


# -- "The Kenyan president ... He": the office holder's state, when no one else is in reach


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Kenyan president hosted a summit in May. He later criticized Sudan.", "Kenya"),
        (
            "The Chilean foreign minister visited Bolivia on Monday. She praised Peru for its aid.",
            "Chile",
        ),
        # a person named before: the person, as before
        (
            "The Kenyan president hosted Yoweri Museveni in May. He later criticized Sudan.",
            "Yoweri Museveni",
        ),
    ],
)
def test_person_pronoun_after_an_office_holder(nlp: Any, text: str, source: str) -> None:
    ev = _events(nlp, text)
    last = ev.iloc[-1]
    assert last["target"] == ("Sudan" if "Sudan" in text else "Peru")
    assert last["source"] == source, ev[["trigger", "source", "target"]]


def test_person_pronoun_with_two_office_holders_is_left_open(nlp: Any) -> None:
    text = "The Kenyan president met the Ugandan president in May. He later criticized Sudan."
    ev = _events(nlp, text)
    assert ev.iloc[-1]["target"] == "Sudan"
    assert ev.iloc[-1]["source"] is None
