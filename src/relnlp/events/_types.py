"""The records of the events package: a verb table entry, the table, an event, and the
PLOVER/CAMEO quad classes their codes fall in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: PLOVER / CAMEO quad classes, in the order of the CAMEO roots they cover.
QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


def quad_class(cameo: str) -> str:
    """The PLOVER/CAMEO quad class of a CAMEO code ("04" -> ``verbal_cooperation``).

    Examples
    --------
    >>> quad_class("057"), quad_class("19")
    ('verbal_cooperation', 'material_conflict')
    """
    root = int(cameo[:2])
    if root <= 5:
        return QUAD_CLASSES[0]
    if root <= 8:
        return QUAD_CLASSES[1]
    if root <= 13:
        return QUAD_CLASSES[2]
    return QUAD_CLASSES[3]


@dataclass(frozen=True)
class Trigger:
    """One entry of the event verb table."""

    verb: str  # the verb's lemma
    particle: str | None  # "carry out": a particle or preposition the verb must have
    objects: frozenset[str] | None  # light verbs: the object nouns that make it an act
    cameo: str
    goldstein: float

    @property
    def type(self) -> str:
        """The quad class."""
        return quad_class(self.cameo)


@dataclass(frozen=True)
class EventVerbs:
    """The event verb table, indexed by lemma (entries with object nouns first)."""

    by_verb: Mapping[str, tuple[Trigger, ...]]
    version: str
    size: int
    #: phrasal verbs that are no act of the verb alone, by the verb's lemma: the words
    #: after it ("give" -> ("up",): "gave up on plans"; "bail" -> ("out", "of"))
    not_acts: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    """One event; offsets are character offsets into the Doc's text."""

    sent_start: int
    sent_end: int
    trigger_start: int
    trigger_end: int
    cameo: str
    type: str
    goldstein: float
    negated: bool
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    date: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    countries: tuple[str, ...] = field(default=())
    #: how sure the source and target are: 1.0 when the clause names them; lower when one
    #: was resolved from a pronoun or a description of an earlier sentence
    #: (:mod:`relnlp.events._discourse`)
    actor_confidence: float = 1.0
