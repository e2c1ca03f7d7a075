"""The ``events`` table: one row per event (:mod:`relnlp.events`), with the sentence's
tone and the passage's themes."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from relnlp import records, schemas
from relnlp.events import extract_events, statement_class
from relnlp.pipeline import parsed_text
from relnlp.tone.aggregate import sentence_tones

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["events"]


def events(report: Report) -> dict[str, list[Any]]:
    """Columns of the ``events`` table of ``report`` (one row per event).

    ``start``/``end``/``text`` are the sentence; ``trigger_start``/``trigger_end``/
    ``trigger`` the trigger words (offsets into the analysed text, like every offset);
    ``cooperation``/``tension``/``cues`` are the sentence's tone (0 and empty when the tone
    component is off); ``goldstein`` is the trigger's value; ``countries`` are the states
    of the parties (for dyad filters on people and organisations); ``actor_confidence``
    is 1.0 when the clause names the source and target, lower when one was resolved from
    a pronoun or description of an earlier sentence (:mod:`relnlp.events._discourse`),
    0.4 when taken from word order (:mod:`relnlp.events._roles`)."""
    rows: dict[str, list[Any]] = {c: [] for c in schemas.TABLES["events"]}
    tones = {st.start: st for st in sentence_tones(report)}
    passage_themes = records.passage_themes(report.doc) or []
    starts = [p.start for p in records.passages(report.doc)]
    evs = extract_events(report.doc)
    # doc.text joins every token: the parsed text instead, once, not per event
    text = parsed_text(report.doc, report.view.text) if evs else ""
    for k, ev in enumerate(evs):
        # The sentence less the white space at its edges (as in the sentences table): a
        # trailing white-space token can stand for hidden lines after the paragraph (a
        # Markdown <excerpt/> line, a caption), which its raw span would take in.
        sent = text[ev.sent_start : ev.sent_end]
        lead = len(sent) - len(sent.lstrip())
        a, b = report.raw_span(ev.sent_start + lead, ev.sent_start + max(lead, len(sent.rstrip())))
        ta, tb = report.raw_span(ev.trigger_start, ev.trigger_end)
        pi = bisect.bisect_right(starts, ev.sent_start) - 1
        themes = list(passage_themes[pi].themes) if 0 <= pi < len(passage_themes) else []
        tone = tones.get(ev.sent_start)
        if ev.date is not None and ev.date_start is not None and ev.date_end is not None:
            da, db = report.raw_span(ev.date_start, ev.date_end)
            date_text = report.text[da:db]
        else:
            date_text = ""
        rows["doc_id"].append(report.doc_id)
        rows["event_id"].append(k)
        rows["start"].append(a)
        rows["end"].append(b)
        rows["text"].append(report.text[a:b])
        rows["date"].append(ev.date or "")
        rows["date_text"].append(date_text)
        rows["source"].append(ev.source)
        rows["target"].append(ev.target)
        rows["parties"].append(list(ev.parties))
        rows["countries"].append(list(ev.countries))
        rows["type"].append(statement_class(ev, tone))
        rows["cameo"].append(ev.cameo)
        rows["trigger"].append(report.text[ta:tb])
        rows["trigger_start"].append(ta)
        rows["trigger_end"].append(tb)
        rows["negated"].append(ev.negated)
        rows["cooperation"].append(tone.cooperation if tone is not None else 0.0)
        rows["tension"].append(tone.tension if tone is not None else 0.0)
        rows["goldstein"].append(ev.goldstein)
        rows["themes"].append(themes)
        rows["cues"].append(list(tone.cues) if tone is not None else [])
        rows["passage_id"].append(report.passage_of(a))
        rows["actor_confidence"].append(ev.actor_confidence)
    return rows
