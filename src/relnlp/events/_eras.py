"""Capitals of former states: "Moscow" as an actor in 1962 is the Soviet Union, not Russia.

The entities give a capital its present state (``Moscow`` -> Russia); an event coder codes
the government that sat there at the time of the act (CAMEO codes ``USR`` for the Soviet
Union). The time is the year of the first date the sentence gives, else the report's date
(``doc._.rel_doc_date``); with neither, the present state stays.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from relnlp import records as doc_records
from relnlp.pipeline import doc_text

#: capital (canonical) -> (former state's canonical, first year, last year) of the seat,
#: after the states' English Wikipedia articles; the names are the gazetteer's
#: former-state canonicals.
CAPITAL_ERAS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "Moscow": (("Soviet Union", 1922, 1991),),
    "Belgrade": (("Yugoslavia", 1918, 2002), ("Serbia and Montenegro", 2003, 2005)),
    "Prague": (("Czechoslovakia", 1918, 1992),),
    "Bonn": (("West Germany", 1949, 1990),),
    "East Berlin": (("East Germany", 1949, 1990),),
    "Ho Chi Minh City": (("South Vietnam", 1955, 1975),),
    "Hanoi": (("North Vietnam", 1945, 1976),),
    "Saint Petersburg": (("Russian Empire", 1721, 1917),),
    "Istanbul": (("Ottoman Empire", 1453, 1922),),
}


def _year(value: str | None) -> int | None:
    head = (value or "")[:4]
    return int(head) if head.isdigit() else None


# A date that is not the time of the sentence's act: the start of a span reaching to now
# ("Since 1991, Moscow has ..."), a contrast ("Unlike in 1968"), an anniversary ("the
# anniversary of the 1968 invasion") -- and a year naming another event ("the 1968
# invasion": a year followed by a lower-case noun).
_NOT_THE_ACTS_TIME = re.compile(
    r"\b(?:since|unlike(?:\s+in)?|anniversary\s+of(?:\s+the)?)\s+$", re.IGNORECASE
)
_NAMES_AN_EVENT = re.compile(r"\s+[a-z]")
# ... after a determiner: "the 1968 invasion", "its 1956 intervention" ("in 1979 and
# stayed" is the act's year)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)


def sentence_year(doc: Doc, span: Span) -> int | None:
    """The year of the first date in the sentence of ``span`` that can be its act's time,
    else of the report."""
    sent = span.sent
    text = doc_text(doc)  # computed once per report, not joined again per call
    for t in doc_records.timexes(doc):
        if t.type != "DATE" or not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        if _NOT_THE_ACTS_TIME.search(text, sent.start_char, t.start):
            continue
        if (
            t.value.isdigit()
            and _NAMES_AN_EVENT.match(text, t.end)
            and _DETERMINER_BEFORE.search(text, sent.start_char, t.start)
        ):
            continue
        year = _year(t.value)
        if year is not None:
            return year
    return _year(getattr(doc._, "rel_doc_date", None))


def former_state(capital: str, doc: Doc, span: Span) -> str | None:
    """The former state whose seat ``capital`` was at the time of ``span``'s sentence."""
    eras = CAPITAL_ERAS.get(capital)
    if not eras:
        return None
    year = sentence_year(doc, span)
    if year is None:
        return None
    return next((state for state, first, last in eras if first <= year <= last), None)
