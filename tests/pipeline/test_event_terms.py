"""Event terms of a sentence for the tone model (relnlp.tone.event_terms, issue 15)."""

from __future__ import annotations

from typing import Any

from relnlp.events import Event, extract_events
from relnlp.tone.event_terms import event_terms, sentence_events


def _ev(cameo: str, type_: str, g: float, neg: bool = False, **kw: Any) -> Event:
    return Event(
        0,
        10,
        kw.get("at", 0),
        kw.get("at", 0) + 3,
        cameo,
        type_,
        g,
        neg,
        kw.get("source"),
        kw.get("target"),
        tuple(kw.get("parties", ())),
    )


def test_no_event_gives_none() -> None:
    assert event_terms([]) == ["e:none"]


def test_quad_class_sides_goldstein_and_kinds() -> None:
    states = {"Chile", "Peru"}

    def kind(name: str) -> str:
        return "s" if name in states else "o"

    raid = _ev("19", "material_conflict", -10.0, source="Peru", target="Shining Path")
    assert event_terms([raid], kind) == ["e:mk", "e:mk:2", "g:-4", "a:os"]
    talks = _ev("043", "verbal_cooperation", 2.8, parties=("Chile", "Peru"))
    assert event_terms([talks], kind) == ["e:vc", "e:vc:2", "g:1", "a:ss"]
    # without a kind function no actor terms
    assert "a:ss" not in event_terms([talks])


def test_refusal_intent_and_one_sided_act() -> None:
    refusal = _ev("12", "verbal_conflict", -2.0, neg=True, source="Chile", target="Peru")
    assert event_terms([refusal])[:2] == ["e:vk", "e:vkn"]
    intent = _ev("036", "verbal_cooperation", 4.0, source="Chile", target="Peru")
    assert "e:vci" in event_terms([intent])
    strike = _ev("14", "material_conflict", -6.5, source="Chile")
    assert event_terms([strike]) == ["e:mk", "e:mk:1", "g:-3"]


def test_sentence_events_by_trigger() -> None:
    a, b = _ev("043", "verbal_cooperation", 2.8, at=2), _ev("19", "material_conflict", -10, at=25)
    assert sentence_events([a, b], [(0, 20), (20, 40), (40, 50)]) == [[a], [b], []]


def test_terms_of_parsed_sentences(nlp: Any) -> None:
    r = nlp.analyze(
        "Bolivia and Paraguay signed a trade agreement. Paraguayan troops shelled Bolivian "
        "border posts. The orchestra played until midnight.",
        doc_date="2021-05-01",
    )
    sents = list(r.doc.sents)
    per = sentence_events(extract_events(r.doc), [(s.start_char, s.end_char) for s in sents])
    terms = [event_terms(evs) for evs in per]
    assert any(t.startswith("e:vc") or t.startswith("e:mc") for t in terms[0])
    assert "e:mk" in terms[1]
    assert terms[2] == ["e:none"]


def test_events_are_read_once_per_doc_state(nlp: Any) -> None:
    from relnlp import records

    r = nlp.analyze("Ecuador expelled the Colombian ambassador on Monday.", doc_date="2019-03-04")
    first = extract_events(r.doc)
    again = extract_events(r.doc)
    assert again == first and again is not first  # a copy: callers may change their list
    # new entity records (another actor pass): read anew, without the actors
    records.set_entities(r.doc, [])
    assert all(ev.source != "Ecuador" for ev in extract_events(r.doc))


def test_packaged_model_reads_event_terms(nlp: Any) -> None:
    from relnlp.tone.model import load_packaged

    model = load_packaged()
    assert model.event_terms
    assert {"@e:mk", "@e:vc", "@e:vkn", "@g:-4"} <= set(model.vocabulary)


def test_events_of_a_report_without_chronology_are_read_once(nlp: Any, monkeypatch: Any) -> None:
    from relnlp.events import _extract

    calls: list[int] = []
    inner = _extract._extract

    def counted(doc: Any, verbs: Any) -> Any:
        calls.append(1)
        return inner(doc, verbs)

    monkeypatch.setattr(_extract, "_extract", counted)
    r = nlp.analyze("Peru and Chile signed a fisheries accord.\n\nNo dates are given here.")
    first = extract_events(r.doc)
    assert extract_events(r.doc) == first
    assert len(calls) == 1  # the tone component's reading, then the cached events
