"""The origin of a passive's agent when the parser attached it to the verb (issue 15,
eighth pass): "were detained by soldiers from Eritrea", with "from Eritrea" under
"detained", is an act of Eritrea, not an act against it.

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
