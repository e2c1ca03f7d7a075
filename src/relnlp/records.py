"""What relnlp's components leave on a Doc: one typed record per result, one writer each.

A component writes its spans to ``doc.spans`` for spaCy users and, for relnlp's tables,
a list of records under one ``doc.user_data`` key. The records are NamedTuples (plain
tuples to msgpack, so ``Doc.to_bytes`` keeps them) and are read back by field name.
This module is the only place that knows the keys: a component calls the writer of its
record, a table builder or a later component calls its reader. Adding a column to a table
means adding a field at the end of one record here, filling it in the component's writer
call, and reading it in the table builder.

======================  =======================  ===================================
record                  written by               read by
======================  =======================  ===================================
:class:`CharSpan`       the analyser (passages,  ``relnlp_dates``, ``relnlp_actors``,
                        chronology entries)      ``relnlp_themes``, tables, events
:class:`Timex`          ``relnlp_dates``         tables (dates, passages), events
                        (``relnlp_actors``
                        drops dates inside
                        named events)
:class:`Entity`         ``relnlp_actors``        tables (entities, actors), tone, events
:class:`PassageThemes`  ``relnlp_themes``        tables (passages, documents, events)
:class:`SentenceTone`   ``relnlp_tone``          tables (sentences, passages,
                                                 documents, events)
======================  =======================  ===================================

Each reader also exists as a read-only Doc extension (``doc._.rel_timexes`` etc., see
:data:`DOC_GETTERS`), so that the factories can declare what they assign and require.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "DOC_GETTERS",
    "CharSpan",
    "Entity",
    "PassageThemes",
    "SentenceTone",
    "Timex",
    "chronology",
    "clear_text",
    "entities",
    "passage_themes",
    "passages",
    "sentence_tones",
    "set_chronology",
    "set_entities",
    "set_passage_themes",
    "set_passages",
    "set_sentence_tones",
    "set_text",
    "set_timexes",
    "text",
    "timexes",
]

# The storage keys, known to this module alone.
_PASSAGES = "rel_passages"
_CHRONOLOGY = "rel_chronology"
_TEXT = "rel_text"
_TIMEX = "rel_timex"
_ENTITIES = "rel_entities"
_PASSAGE_THEMES = "rel_passage_themes"
_TONE = "rel_tone"
_TONE_MODEL = "rel_tone_model"


class CharSpan(NamedTuple):
    """A passage or chronology entry of the report, in characters of the Doc."""

    start: int
    end: int


class Timex(NamedTuple):
    """A TIMEX3 temporal expression (:mod:`relnlp.timex`), in characters of the Doc."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None
    anchored: bool  # the value was completed from an anchor (the report's date, ...)


class Entity(NamedTuple):
    """A named entity with its canonical name and role, in characters of the Doc."""

    start: int
    end: int
    label: str
    canonical: str
    role: str | None
    affiliation: str | None
    source: str | None  # "gazetteer", "acronym", "spacy", ... (None: spaCy's, untouched)
    country: str | None


class PassageThemes(NamedTuple):
    """Theme scores, labels and evidence of one passage, in characters of the Doc."""

    start: int
    end: int
    scores: dict[str, float]
    themes: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """Cooperation and tension of one sentence, with its cues and actors."""

    start: int
    end: int
    cooperation: float
    tension: float
    goldstein: float | None
    cues: tuple[str, ...]
    source: str | None
    target: str | None
    actors: tuple[str, ...]
    # Added with the learned model (models/tone-v1); defaults keep older tuples readable.
    tone_class: str = "neutral"
    rule_cooperation: float = 0.0  # the lexicon-and-syntax scores alone
    rule_tension: float = 0.0


_TONE_FIELDS = tuple(f.name for f in fields(SentenceTone))


def _records(doc: Doc, key: str, record: Any) -> Any:
    """The list stored under ``key`` as ``record``s (None when absent). A Doc read back
    from bytes holds plain lists: they are made records once, in place, so that the list
    read is the list stored (callers may key a cache on its identity)."""
    rows = doc.user_data.get(key)
    if rows is None:
        return None
    if rows and not isinstance(rows[0], record):
        rows = [record._make(r) for r in rows]
        doc.user_data[key] = rows
    return rows


# Inputs the analyser hands to the report-level components ---------------------------
def set_passages(doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
    """Store the report's passages (character spans of ``doc``, in order)."""
    doc.user_data[_PASSAGES] = [CharSpan(int(a), int(b)) for a, b in spans]


def passages(doc: Doc) -> list[CharSpan]:
    """The report's passages ([] when the Doc was not made by the analyser)."""
    return _records(doc, _PASSAGES, CharSpan) or []


def set_chronology(doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
    """Store the report's chronology entries (character spans of ``doc``)."""
    doc.user_data[_CHRONOLOGY] = [CharSpan(int(a), int(b)) for a, b in spans]


def chronology(doc: Doc) -> list[CharSpan]:
    """The report's chronology entries ([] when none)."""
    return _records(doc, _CHRONOLOGY, CharSpan) or []


def set_text(doc: Doc, value: str) -> None:
    """Hand ``doc.text`` (computed once) to the report-level components."""
    doc.user_data[_TEXT] = value


def clear_text(doc: Doc) -> None:
    """Drop the text handed over by :func:`set_text` (it is not a result)."""
    doc.user_data.pop(_TEXT, None)


def text(doc: Doc) -> str | None:
    """The text handed over by :func:`set_text`, if any."""
    value = doc.user_data.get(_TEXT)
    return value if isinstance(value, str) else None


# Results of the components ---------------------------------------------------------
def set_timexes(doc: Doc, found: Iterable[Timex]) -> None:
    """Store the temporal expressions (``relnlp_dates``)."""
    doc.user_data[_TIMEX] = list(found)


def timexes(doc: Doc) -> list[Timex]:
    """The temporal expressions ([] when ``relnlp_dates`` did not run)."""
    return _records(doc, _TIMEX, Timex) or []


def set_entities(doc: Doc, found: Iterable[Entity]) -> None:
    """Store the entities (``relnlp_actors``)."""
    doc.user_data[_ENTITIES] = list(found)


def entities(doc: Doc) -> list[Entity] | None:
    """The entities, or None when ``relnlp_actors`` did not run (readers then fall back
    to spaCy's ``doc.ents``: :func:`model_entities`)."""
    found: list[Entity] | None = _records(doc, _ENTITIES, Entity)
    return found


def model_entities(spans: Iterable[Span], source: str | None = None) -> list[Entity]:
    """Entity spans of the statistical model (``doc.ents``) as :class:`Entity` records (canonical = the mention), for
    readers of a Doc on which ``relnlp_actors`` did not run."""
    return [
        Entity(
            start=e.start_char,
            end=e.end_char,
            label=e.label_,
            canonical=e.text,
            role=None,
            affiliation=None,
            source=source,
            country=None,
        )
        for e in spans
    ]


def set_passage_themes(doc: Doc, found: Iterable[PassageThemes]) -> None:
    """Store the passages' themes (``relnlp_themes``)."""
    doc.user_data[_PASSAGE_THEMES] = list(found)


def passage_themes(doc: Doc) -> list[PassageThemes] | None:
    """The passages' themes, or None when ``relnlp_themes`` did not run."""
    found: list[PassageThemes] | None = _records(doc, _PASSAGE_THEMES, PassageThemes)
    return found


def set_sentence_tones(doc: Doc, found: Iterable[SentenceTone]) -> None:
    """Store the sentences' tone (``relnlp_tone``), as plain tuples (msgpack-serialisable
    with the Doc, which a dataclass is not)."""
    doc.user_data[_TONE] = [tuple(getattr(st, name) for name in _TONE_FIELDS) for st in found]


def sentence_tones(doc: Doc) -> list[SentenceTone] | None:
    """The sentences' tone, or None when ``relnlp_tone`` did not run."""
    rows = doc.user_data.get(_TONE)
    if rows is None:
        return None
    return [SentenceTone(**dict(zip(_TONE_FIELDS, row))) for row in rows]


def set_tone_model(doc: Doc, kind: str) -> None:
    """Record which sentence model scored the Doc's tone (``packaged``, ``custom`` or
    ``rules``): the passage aggregation fitted on the packaged model's scores applies only
    to them."""
    doc.user_data[_TONE_MODEL] = kind


def tone_model(doc: Doc) -> str | None:
    """Which sentence model scored the Doc's tone (None when ``relnlp_tone`` did not run)."""
    kind = doc.user_data.get(_TONE_MODEL)
    return kind if isinstance(kind, str) else None


#: Read-only Doc extensions (name -> getter), registered by :func:`relnlp.extensions.install`.
DOC_GETTERS: dict[str, Any] = {
    "rel_passages": passages,
    "rel_chronology": chronology,
    "rel_timexes": timexes,
    "rel_entities": entities,
    "rel_passage_themes": passage_themes,
    "rel_sentence_tones": sentence_tones,
}
