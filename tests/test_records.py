"""The components' records on the Doc (relnlp.records): typed, named, serialisable."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from relnlp import records

# Written for this test: a dated act between two states and a second paragraph.
TEXT = (
    "Kazakhstan and Uzbekistan signed a water-sharing accord in Astana on 4 June 2023.\n\n"
    "Both governments said the Caspian Forum 2024 would review it next spring."
)


def test_records_are_typed_and_read_by_name(nlp: Any) -> None:
    report = nlp.analyze(TEXT, doc_date="2023-06-05")
    doc = report.doc
    ents = records.entities(doc)
    assert ents is not None and ents
    assert all(isinstance(e, records.Entity) for e in ents)
    assert {e.canonical for e in ents} >= {"Kazakhstan", "Uzbekistan"}
    dates = records.timexes(doc)
    assert any(t.value == "2023-06-04" and t.type == "DATE" for t in dates)
    assert [(p.start, p.end) for p in records.passages(doc)] == [
        (doc.text.index("Kazakhstan"), doc.text.index("\n\n")),
        (doc.text.index("Both"), len(doc.text.rstrip())),
    ]
    themes = records.passage_themes(doc)
    assert themes is not None and len(themes) == 2
    tones = records.sentence_tones(doc)
    assert tones is not None and len(tones) == 2
    assert all(isinstance(t, records.SentenceTone) for t in tones)
    # The readers are the Doc extensions' getters.
    assert doc._.rel_entities is ents
    assert doc._.rel_timexes == dates
    # The text handed to the components is not left on the Doc.
    assert records.text(doc) is None


def test_records_survive_doc_bytes(nlp: Any) -> None:
    doc = nlp.analyze(TEXT, doc_date="2023-06-05").doc
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert records.entities(again) == records.entities(doc)
    assert all(isinstance(e, records.Entity) for e in records.entities(again) or [])
    assert records.timexes(again) == records.timexes(doc)
    assert records.passages(again) == records.passages(doc)
    # msgpack gives tuples back as lists: compare the values
    assert [
        (t.start, t.end, t.cooperation, t.tension, list(t.cues), t.tone_class)
        for t in records.sentence_tones(again) or []
    ] == [
        (t.start, t.end, t.cooperation, t.tension, list(t.cues), t.tone_class)
        for t in records.sentence_tones(doc) or []
    ]
    pt_again, pt = records.passage_themes(again), records.passage_themes(doc)
    assert pt_again is not None and pt is not None
    assert [(p.start, list(p.themes), p.scores) for p in pt_again] == [
        (p.start, list(p.themes), p.scores) for p in pt
    ]


def test_records_absent_without_components() -> None:
    import spacy

    doc = spacy.blank("en")("Nothing was analysed here.")
    assert records.entities(doc) is None
    assert records.sentence_tones(doc) is None
    assert records.passage_themes(doc) is None
    assert records.timexes(doc) == []
    assert records.passages(doc) == []
