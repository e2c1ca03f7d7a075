"""Sources beyond the clause (issue 15, eighth pass): the origin of a passive's agent
when the parser attached it to the verb ("were detained by soldiers from Eritrea", with
"from Eritrea" under "detained", is an act of Eritrea, not an act against it), and the
source a clause without a named subject takes by word order.

Every sentence here was written for these tests; none comes from the seeds, the dev
reports or the coded sentences of the development folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.events.test_support_roles import _by_trigger


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "Two journalists were detained by soldiers from Eritrea last week.",
            "detained",
            "Eritrea",
        ),
        ("The embassy in Lima was attacked by protesters from Bolivia.", "attacked", "Bolivia"),
    ],
)
def test_the_origin_of_a_group_agent_is_the_source(
    nlp: Any, text: str, trigger: str, source: str
) -> None:
    e = _by_trigger(nlp, text, trigger)
    assert e["source"] == source
    assert e["target"] != source  # never the agent's own state as the one acted on


def test_an_agent_named_outright_keeps_its_name(nlp: Any) -> None:
    e = _by_trigger(nlp, "The tanker was seized by Iran in the Gulf of Oman.", "seized")
    assert e["source"] == "Iran"


def test_a_city_after_the_agent_is_no_origin(nlp: Any) -> None:
    """A city under the verb may be where the act took place: it does not name the agent."""
    from tests.test_events import _events

    ev = _events(nlp, "Three activists were arrested by police from Kandahar on Friday.")
    assert "Kandahar" not in set(ev["source"].dropna()), ev[["trigger", "source", "target"]]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The Iranian press has published a stream of articles praising the Syrian "
            "government and blaming Israel for the strikes.",
            "Iran",
            "Israel",
        ),
        (
            "The Turkish media ran a series of reports excusing Azerbaijan's offensive and "
            "blaming Armenia for the war.",
            "Turkey",
            "Armenia",
        ),
    ],
)
def test_a_source_by_word_order_is_the_first_actor_named_not_the_nearest(
    nlp: Any, text: str, source: str, target: str
) -> None:
    """A clause whose subject names no actor takes its source from the actors named
    before the trigger: the first (the sentence's subject side), not the one named in a
    modifier just before it ("praising the Syrian government", "Azerbaijan's offensive")."""
    e = _by_trigger(nlp, text, "blaming")
    assert (e["source"], e["target"]) == (source, target)
