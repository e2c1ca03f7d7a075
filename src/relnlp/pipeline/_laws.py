"""Patterns for named treaties, plans and resolutions (LAW; helpers of ``relnlp_actors``).

corpora/GUIDELINES.md gives LAW to treaties, agreements and named policy initiatives. The
statistical model misses the long ones whose head comes first and the numbered ones:

* a treaty-like head followed by "on", "of", "for" or "between" and a Title Case
  continuation ("Treaty on Good-Neighbourliness and Friendly Cooperation", "Agreement on
  Strategic Partnership between ...");
* national development plans numbered by an ordinal ("14th Five-Year Plan", "Seventh
  Five-Year Development Plan": the Chinese, Iranian, Indian and Soviet series);
* numbered resolutions ("Security Council Resolution 2231", "Resolution 1325", "UNSCR
  1540"), with the English Wikipedia title as canonical;
* acts named with their year ("Trade Expansion Act of 1962");
* concepts, doctrines and strategies in official-title form ("Concept of ... of the Russian
  Federation");
* doctrines named after a person or place ("Kagame Doctrine");
* agreements named after the place where they were made ("Lusaka Protocol", "Astana
  Memorandum", "Peace of Westphalia"), where the model often tags the place alone;
* wars and treaties named after the parties joined by hyphens ("Franco-Prussian War",
  "Sino-Soviet Treaty", "Iran-Iraq War"; EVENT and LAW), which the model splits into
  nationalities or mislabels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.lang.chars import MONTH_NAMES
from relnlp.pipeline import doc_text
from relnlp.pipeline._actor_base import MILITARY_PRIORITY, Mention
from relnlp.pipeline._military import MilitaryName
from relnlp.pipeline._named_events import find_named_events

__all__ = ["LAW_HEADS", "find_compound_names", "find_laws", "find_place_laws", "law_mentions"]

#: Heads that make a capitalised name a LAW ("Paris Agreement", "Monroe Doctrine").
LAW_HEADS = frozenset(
    "Treaty Agreement Agreements Accord Accords Convention Protocol Charter Memorandum Act "
    "Law Doctrine Declaration Communique Communiqué Resolution Constitution Pact Statement".split()
)
_CAP = r"[A-Z][\w'’-]*"
_CONT = rf"(?:{_CAP}|and|of|the|on|for|in|between|to)"
_HEAD_FIRST = re.compile(
    rf"(?<![\w-])(?:(?:{_CAP} ){{0,3}})(?:Treaty|Agreement|Convention|Protocol|Charter|Memorandum|Declaration)"
    rf" (?:on|of|for|between) (?:the )?{_CAP}(?: {_CONT})*"
)
# Policy documents named in official-title form ("Concept of Humanitarian Policy of the
# Russian Federation Abroad", "Military Doctrine of the Republic of Belarus", "National
# Security Strategy of Ukraine"): the type word, "of", and a Title Case name that ends in
# "of" a state or nation; without that ending ("Strategy of Tension") no document is named.
_DOCUMENT = re.compile(
    rf"(?<![\w-])(?:(?:{_CAP} ){{0,3}})(?:Concept|Doctrine|Strategy) of (?:the )?{_CAP}"
    rf"(?: {_CONT})* of (?:the )?(?:Russian Federation|Republic of {_CAP}|{_CAP})"
    rf"(?: {_CAP})*"
)
_ORDINAL_WORDS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
    "Thirteenth|Fourteenth|Fifteenth|Sixteenth"
)
_PLAN = re.compile(
    rf"(?<![\w-])(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS}) Five-Year(?: {_CAP}){{0,3}} Plan(?![\w-])"
)
_RESOLUTION = re.compile(
    r"(?<![\w-])(?:(?:UN|U\.N\.|United Nations) )?(?:(?:Security Council|General Assembly|UNSC|UNGA) )?"
    r"(?:Resolution (?:No\. )?|UNSCR |UNGAR )(\d{2,4})(?![\w-])"
)
# Acts with their year, as United States and British statutes are named ("Trade Expansion
# Act of 1962"); the year is part of the name.
_DATED_ACT = re.compile(rf"(?<![\w-])(?:{_CAP} ){{1,6}}Act of (?:1[6-9]|20)\d\d(?![\w-])")
# Doctrines named after a person or a place ("Carter Doctrine", "Kagame Doctrine").
# Not a possessive ("Russia's Military Doctrine") nor an official title ("... of the").
_DOCTRINE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w-]* ){1,2}Doctrine(?![\w-])(?! of\b)")
# Forms of archival documents, no treaties ("Memorandum of Conversation").
_DOCUMENT_FORMS = ("Memorandum of Conversation", "Memorandum for the Record")
_TRAILING = frozenset({"and", "of", "the", "on", "for", "in", "between", "to"})
#: Words every match of a pattern contains (one of them): a report without any is not
#: scanned with it (a substring test is far cheaper than the scan).
_NEEDED = {
    _HEAD_FIRST: (
        "Treaty",
        "Agreement",
        "Convention",
        "Protocol",
        "Charter",
        "Memorandum",
        "Declaration",
    ),
    _PLAN: ("Five-Year",),
    _RESOLUTION: ("Resolution", "UNSCR", "UNGAR"),
    _DATED_ACT: ("Act of",),
    _DOCUMENT: ("Concept", "Doctrine", "Strategy"),
    _DOCTRINE: ("Doctrine",),
}


def find_laws(text: str) -> Iterator[MilitaryName]:
    """Named treaties, numbered plans and resolutions in ``text`` (LAW)."""
    for pat in (_HEAD_FIRST, _PLAN, _RESOLUTION, _DOCUMENT, _DOCTRINE, _DATED_ACT):
        if not any(w in text for w in _NEEDED[pat]):
            continue
        for m in pat.finditer(text):
            if pat is _DOCUMENT and text.rfind("#", text.rfind("\n", 0, m.start()), m.start()) >= 0:
                continue  # a heading's Title Case words ("## Strategy of the West") are no title
            words = m.group().split(" ")
            # "Treaty of Versailles and the Good Friday Agreement": a second treaty's name
            # after "and" is not part of the first one.
            # "Treaty of Brest-Litovsk in March 1918": a month is no part of a name.
            cut = next(
                (
                    i
                    for i, w in enumerate(words)
                    if (w == "and" and LAW_HEADS & set(words[i + 1 :])) or w in MONTH_NAMES
                ),
                len(words),
            )
            words = words[:cut]
            while words and words[-1] in _TRAILING:
                words.pop()
            while words and words[0] in ("The", "A", "An"):
                words.pop(0)
            if len(words) < 2 or " ".join(words).startswith(_DOCUMENT_FORMS):
                continue
            name = " ".join(words)
            start = m.start() + m.group().index(name)
            yield MilitaryName(start, start + len(name), "LAW", _canonical(m, name), name)


def _canonical(m: re.Match[str], name: str) -> str:
    """A numbered resolution's English Wikipedia title: the Security Council's unless the
    General Assembly is named ("Resolution 242" -> "United Nations Security Council
    Resolution 242"); any other name as written."""
    if m.re is not _RESOLUTION:
        return name
    body = (
        "General Assembly" if "General Assembly" in name or "UNGA" in name else "Security Council"
    )
    return f"United Nations {body} Resolution {m.group(1)}"


# A treaty named after the place where it was made: a known place and a treaty head.
_PLACE_LAW = re.compile(
    rf"(?<![\w'’-])((?:{_CAP} ){{1,3}})(?:Agreements?|Accords?|Protocol|Memorandum|Declaration|"
    rf"Pact|Communiqu[eé]|Convention|Charter|Statement|Treaty)(?![\w'’-])"
)


def find_place_laws(text: str, place: Callable[[str], bool]) -> Iterator[MilitaryName]:
    """Treaties named after a place ("Lusaka Protocol", "Astana Memorandum"; LAW).

    Parameters
    ----------
    text : str
        The document's text.
    place : callable
        Whether a name is a known place (a state, city or region): only such names make
        a treaty's name, since a capitalised type name alone ("Free Trade Agreement")
        names a kind of treaty (GUIDELINES section 8).

    Yields
    ------
    MilitaryName
        LAW spans, the canonical as written (the gazetteer may replace it).
    """
    for m in _PLACE_LAW.finditer(text):
        words = m.group(1).split()
        while words and words[0] in ("The", "A", "An"):
            words.pop(0)
        if not words or not place(" ".join(words)):
            continue
        start = m.start() + m.group().index(" ".join(words))
        yield MilitaryName(start, m.end(), "LAW", text[start : m.end()], text[start : m.end()])
    if "Peace of " in text:
        for m in _PEACE_OF.finditer(text):
            if place(m.group(1)):
                yield MilitaryName(m.start(), m.end(), "LAW", m.group(), m.group())


# "Peace of Westphalia", "Peace of Riga": the settlement named after its place.
_PEACE_OF = re.compile(rf"(?<![\w'’-])Peace of ({_CAP}(?: {_CAP})?)(?![\w'’-])")
# Combining forms of names in hyphenated compounds ("Sino-", "Franco-", "Russo-").
_COMBINING = frozenset(
    "Sino Anglo Franco Russo Indo Austro Greco Italo Turco Serbo Czecho Hispano Luso Nippo "
    "Judeo Afro Euro Irano Arabo Germano Polono Soviet".split()
)
# An ordinal of a numbered war ("Second Sino-Japanese War"), the hyphenated parties, the
# head, and a year that is part of the name ("Indo-Pakistani War of 1971").
_COMPOUND = re.compile(
    rf"(?<![\w'’-])((?:First|Second|Third|Fourth) )?((?:{_CAP}[-–]){{1,3}}{_CAP}) "
    r"(War|Treaty|Pact|Accord|Accords|Agreement|Convention)"
    r"(?: of (?:1[5-9]|20)\d\d)?(?![\w'’-])"
)


def find_compound_names(text: str, named: Callable[[str], bool]) -> Iterator[MilitaryName]:
    """Wars (EVENT) and treaties (LAW) named after their parties joined by hyphens.

    Every part of the compound must be a name (``named``: a state, place or nationality)
    or a combining form ("Sino", "Franco"): "Franco-Prussian War", "Sino-Soviet Treaty",
    "Second Sino-Japanese War", "Indo-Pakistani War of 1971"; "Cold-War" or "Post-War"
    name nothing.
    """
    if not any(head in text for head in ("War", "Treaty", "Pact", "Accord", "Agree", "Conv")):
        return
    for m in _COMPOUND.finditer(text):
        parts = re.split(r"[-–]", m.group(2))
        if not all(p in _COMBINING or named(p) for p in parts):
            continue
        label = "EVENT" if m.group(3) == "War" else "LAW"
        yield MilitaryName(m.start(), m.end(), label, m.group(), m.group())


def law_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    place: Callable[[str], bool],
    nationality: Callable[[str], bool],
) -> list[Mention]:
    """Every pattern of this module as mentions: LAW, and EVENT for the wars named after
    their parties and the events named by their head (``_named_events``); the gazetteer's
    canonical where it knows the name with that label."""
    text = doc_text(doc)
    out = []

    def known_event(name: str) -> bool:
        hit = gazetteer.lookup(name)
        return hit is not None and hit.label == "EVENT"

    events = list(find_named_events(text, known_event, place))
    for found in [
        *find_laws(text),
        *find_place_laws(text, place),
        *find_compound_names(text, lambda w: place(w) or nationality(w)),
        *events,
    ]:
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        hit = gazetteer.lookup(span.text)
        if found in events and hit is not None and hit.label != "EVENT":
            continue  # "East Asia Summit" is a body: the gazetteer's label stands
        label = found.label
        canonical = hit.canonical if hit is not None and hit.label == label else found.canonical
        # Below the gazetteer and acronyms, above the model's shorter guesses; an event's
        # name by its head above the model's longer spans ("Cedar Revolution of 2005").
        prio = MILITARY_PRIORITY if found in events else 3.9
        out.append(Mention(span.start, span.end, label, canonical, "pattern", prio))
    return out
