"""Patterns for named facilities (FAC; helpers of ``relnlp_actors``).

corpora/GUIDELINES.md gives FAC to buildings and named sites, and (section 8) to named
transport infrastructure, with a capitalised head written as part of the name kept in the
span ("Chahbahar Port"). The statistical model often tags such names ORG or LOC
("Akkuyu Nuclear Power Plant", "Port of Piraeus") or keeps only the place before the head
("Sevastopol Naval Base" -> "Sevastopol"). Two general forms are recognised:

* one to four capitalised words before a capitalised facility head: military bases ("Air
  Base", "Naval Base", "Naval Air Station", "Air Force Base"), power plants ("Nuclear Power
  Plant", "Power Station"), launch sites ("Cosmodrome", "Spaceport", "Space Launch Site",
  "Satellite Launch Center"), test sites, dams, canals, airports, shipyards, squares,
  stadiums, cathedrals, mosques, prisons, memorials, cemeteries, palaces, theatres, opera
  houses, monasteries, fortresses, lighthouses, arenas, boulevards and buildings ("Chrysler
  Building"; not an activity in a title-case heading, "Capacity Building");
* a head before "of" and a capitalised name ("Port of Rotterdam", "Basilica of the
  Nativity", "Mausoleum of Ho Chi Minh"; no church, a body as often as a building).

A nationality adjective, a possessive owner ("Russia's") and a sentence adverb or date
before the name are left out ("the Russian Naval Base in Tartus" names no base by
itself); a strait is a sea passage (LOC), no facility.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Span

from relnlp.gazetteer import Gazetteer
from relnlp.lang.chars import MONTH_NAMES
from relnlp.pipeline import doc_text
from relnlp.pipeline._actor_base import (
    _FACILITY_AFTER,
    _FACILITY_QUALIFIERS,
    MILITARY_PRIORITY,
    Mention,
    _tokens_where,
)
from relnlp.pipeline._cities import city_country
from relnlp.pipeline._military import MilitaryName, find_corridors

__all__ = [
    "FACILITY_HEADS",
    "activity_name",
    "facility_mentions",
    "facility_name",
    "find_facilities",
    "named_part_end",
]

#: Facility heads of two or more words, as written at the end of a name.
FACILITY_HEADS = (
    "Air Base",
    "Airbase",
    "Air Force Base",
    "Air Station",
    "Naval Base",
    "Naval Air Station",
    "Naval Station",
    "Naval Support Facility",
    "Military Base",
    "Nuclear Power Plant",
    "Nuclear Power Station",
    "Power Plant",
    "Power Station",
    "Hydroelectric Power Station",
    "Cosmodrome",
    "Spaceport",
    "Space Center",
    "Space Centre",
    "Space Launch Center",
    "Space Launch Site",
    "Satellite Launch Center",
    "Satellite Launching Station",
    "Launch Site",
    "Test Site",
    "Nuclear Test Site",
    "Proving Ground",
    "Missile Range",
    "Dam",
    "Canal",
    "Airport",
    "International Airport",
    "Airfield",
    "Shipyard",
    "Naval Shipyard",
    "Mainline",
    "Enrichment Plant",
    "Fuel Enrichment Plant",
    "Square",
    "Stadium",
    "Cathedral",
    "Mosque",
    "Prison",
    "Memorial",
    "Cemetery",
    "Palace",
    "Opera House",
    "Theatre",
    "Theater",
    "Basilica",
    "Monastery",
    "Fortress",
    "Citadel",
    "Lighthouse",
    "Arena",
    "Boulevard",
    # Military installations of the US and other forces.
    "Army Base",
    "Army Airfield",
    "Air Force Station",
    "Naval Air Base",
    "Marine Corps Base",
    "Space Force Base",
    "Barracks",
    # Plants and sites of industry and of the nuclear cycle.
    "Refinery",
    "Nuclear Facility",
    "Enrichment Facility",
    "Processing Facility",
    "Storage Facility",
    "Research Facility",
    "Test Facility",
    "Detention Facility",
    "Detention Center",
    "Detention Centre",
    "Research Reactor",
    # Transport: streets, bridges, tunnels, pipelines, stations, crossings.
    "Street",
    "Avenue",
    "Prospekt",
    "Highway",
    "Motorway",
    "Expressway",
    "Bridge",
    "Tunnel",
    "Pipeline",
    "Railway Station",
    "Train Station",
    "Station",
    "Port",
    "Seaport",
    "Terminal",
    "Border Crossing",
    "Checkpoint",
    # Buildings and monuments.
    "Abbey",
    "Castle",
    "Tower",
    "Temple",
    "Synagogue",
    "Shrine",
    "Mausoleum",
    "Gate",
    "Plaza",
    "Bazaar",
    "Building",
)
# Longest heads first, so that "Naval Air Station" is not read as "... Air Station".
_HEADS = sorted(FACILITY_HEADS, key=len, reverse=True)
_HEAD_WORDS = {tuple(h.split()) for h in FACILITY_HEADS}
# ... by their last word: a span ends in a head only where it ends in the head's last word.
_HEADS_BY_LAST = {
    last: tuple(h for h in _HEAD_WORDS if h[-1] == last) for last in {h[-1] for h in _HEAD_WORDS}
}
# A capitalised word of a name; Arabic article prefixes ("al-Asad") and apostrophes inside.
_WORD = r"(?:St\.|[A-Z][\w'’-]*|(?:al|el|ad|ar|as|an|ash|ul)-[A-Z][\w'’-]*)"
_NAMED = re.compile(
    rf"(?<![\w'’-])((?:{_WORD} ){{1,4}}(?:{'|'.join(re.escape(h) for h in _HEADS)}))(?![\w-])"
)
# A head before "of" and the name: "Port of Rotterdam", "Basilica of the Nativity",
# "Cathedral of Christ the Saviour", "Mausoleum of Ho Chi Minh" ("Church of England" is a
# body: churches are left out).
_HEAD_FIRST = "Port Basilica Cathedral Mausoleum Tomb Palace Temple Monastery Fortress Citadel"
_HEADS_BEFORE_OF = frozenset(_HEAD_FIRST.split())
_PORT = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_HEADS_BEFORE_OF)}) of (?:the )?{_WORD}"
    rf"(?: (?:the )?{_WORD}){{0,2}}(?![\w-])"
)
# Military installations named after the word for them: "Fort Drum", "Camp Lemonnier",
# "Forward Operating Base Salerno" (a town "Fort Worth" is left to the city list).
_INSTALLATION = re.compile(
    rf"(?<![\w'’-])(?:Fort|Camp|Forward Operating Base|FOB) ({_WORD})(?![\w-])"
)
# A capitalised word right after a head: the name goes on ("... Pipeline Consortium").
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
# Words that open a sentence or a phrase and are no part of a facility's name.
_OPENERS = frozenset(
    "The A An This That These Those Its Their His Her Our New Old Former Both Each Every "
    "At In On From To Near Into Outside Inside Around Across Toward Towards With By "
    "And Or But When While After Before Since Until During Under Over "
    "Yesterday Today Tomorrow Tonight Meanwhile However Also Still Then Later Earlier Last "
    "Next Now Once Thus Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
).union(MONTH_NAMES)
# Auxiliaries and modals, capitalised in a title-case heading ("The Camp Was Quiet"): no name.
_AUXILIARIES = frozenset(
    "Is Was Were Are Am Be Been Being Has Had Have Having Will Would Shall Should Can Could "
    "May Might Must Did Does Do Not".split()
)
_POSSESSIVE = ("'s", "’s", "s'", "s’")
# Words before "Building" that make it an activity, no edifice ("Capacity Building",
# "Peace Building", "Confidence Building" in a title-case heading).
_BUILT_ACTIVITIES = frozenset(
    """Capacity Peace Peacebuilding Confidence Trust Nation State Institution Coalition
    Consensus Team Bridge Alliance Community Relationship Relations Network Image Brand
    Army Force Forces Ship Road Career Resilience Skills Skill Partnership Movement
    Party Character Body Model Muscle Capability Capabilities Knowledge""".split()
)
# Endings of title-case adjectives before such a word ("Regional", "Democratic",
# "Collective", "Military", "Western").
_ADJECTIVAL = ("al", "ic", "ive", "ary", "ern", "ing")
_SAINTS = frozenset({"St.", "St", "Saint", "San", "Santa", "São"})
# Words of a facility head that name no facility when they stand alone with a head
# ("Naval Base", "Air Force Base" after only openers), and kinds of station, port or
# crossing in title case ("Police Station", "Container Port", "Border Crossing").
_HEAD_ONLY = frozenset(
    {"Air", "Naval", "Air Force", "Nuclear", "Space", "Military", "Power"}
).union(
    """Police Fire Radio Television Gas Petrol Filling Service Bus Train Railway Rail
    Pumping Weather Research Polling Relay Ground Duty Sea Dry Free Home Border Subway
    Metro Underground Fishing Container Cargo Ferry Transit Coast Guard Main Central
    Gateway""".split()
)


def activity_name(words: Sequence[str]) -> bool:
    """Whether a name's last words are an activity in title case, no edifice ("Capacity
    Building", "Regional Peace Building"); a proper name before the activity word makes
    it an edifice again ("Empire State Building")."""
    if len(words) < 2 or words[-1] != "Building" or words[-2] not in _BUILT_ACTIVITIES:
        return False
    return len(words) == 2 or words[-3] in _BUILT_ACTIVITIES or words[-3].endswith(_ADJECTIVAL)


def find_facilities(text: str, nationality: Callable[[str], bool]) -> Iterator[MilitaryName]:
    """Named bases, plants, launch sites, dams, canals, airports and ports in ``text``.

    Parameters
    ----------
    text : str
        The document's text.
    nationality : callable
        Whether a word is a nationality or religious adjective ("Russian", "Shia"): such
        words before the name are left out of it.

    Yields
    ------
    MilitaryName
        FAC spans; the canonical is the name as written (the gazetteer may replace it).
    """
    for pat in (_NAMED, _PORT):
        for m in pat.finditer(text):
            name = m.group()
            if _NAME_GOES_ON.match(text, m.end()):
                continue  # "Caspian Pipeline Consortium": the head is inside a longer name
            words = name.split(" ")
            # "Russia's Hmeimim Air Base": the owner before a possessive is no part of it;
            # a saint's name is ("St. Paul's Cathedral").
            drop = max(
                (
                    i + 1
                    for i, w in enumerate(words)
                    if w.endswith(_POSSESSIVE) and (i == 0 or words[i - 1] not in _SAINTS)
                ),
                default=0,
            )
            while drop < len(words) - 1 and (words[drop] in _OPENERS or nationality(words[drop])):
                drop += 1
            words = words[drop:]
            rest = " ".join(words)
            if pat is _NAMED and not any(
                rest != h and rest.endswith(" " + h) and rest[: -len(h) - 1] not in _HEAD_ONLY
                for h in _HEADS
            ):
                continue  # the head alone ("Naval Base") or openers only: no name
            if activity_name(words):
                continue  # "Capacity Building": an activity
            if pat is _PORT and len(words) < 3:
                continue
            start = m.start() + len(name) - len(rest)
            yield MilitaryName(start, m.end(), "FAC", rest, rest)
    for m in _INSTALLATION.finditer(text):
        word = m.group(1)
        if word not in _OPENERS and word not in _AUXILIARIES and not city_country(m.group())[0]:
            yield MilitaryName(m.start(), m.end(), "FAC", m.group(), m.group())


def facility_name(span: Span) -> bool:
    """Whether a capitalised span of two or more words ends in a facility head ("Akkuyu
    Nuclear Power Plant", "Hmeimim Air Base") or opens with a head and "of" ("Port of
    Piraeus", "Mausoleum of Lenin")."""
    if len(span) < 2 or not span[0].text[:1].isupper():
        return False
    if len(span) > 2 and span[0].text in _HEADS_BEFORE_OF and span[1].text == "of":
        return True
    heads = _HEADS_BY_LAST.get(span[-1].text, ())
    if not heads:
        return False
    words = tuple(t.text for t in span)
    return not activity_name(words) and any(
        len(words) > len(head) and words[-len(head) :] == head for head in heads
    )


def named_part_end(doc: Doc, s: int, e: int, canonical: str, gazetteer: Gazetteer) -> int:
    """The end of a gazetteer facility span ``doc[s:e]`` without its lower-case generic
    words when the capitalised part alone names the same facility ("Nord Stream pipeline"
    -> "Nord Stream", "Power of Siberia gas pipeline" -> "Power of Siberia"; guidelines 8:
    a lower-case head is no part of a name that stands on its own). "Druzhba pipeline"
    keeps its head when "Druzhba" alone is no entry of the facility."""
    k = e
    while k - 1 > s and doc[k - 1].is_lower and doc[k - 1].is_alpha:
        k -= 1
    if k == e:
        return e
    hit = gazetteer.lookup(doc[s:k].text)
    return k if hit is not None and hit.label == "FAC" and hit.canonical == canonical else e


def facility_mentions(
    doc: Doc, gazetteer: Gazetteer, nationality: Callable[[str], bool]
) -> list[Mention]:
    """Named corridors (above the model) and facilities by their head (below weapons and
    corridors, above shorter guesses) as FAC mentions, with the gazetteer's canonical and
    state when it knows the facility ("Downing Street": "10 Downing Street", United
    Kingdom); a head word's guess yields to a gazetteer entry of another label."""
    out = []
    text = doc_text(doc)
    for found, prio in [(f, MILITARY_PRIORITY) for f in find_corridors(text)] + [
        (f, 3.9) for f in find_facilities(text, nationality)
    ]:
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        hit = gazetteer.lookup(span.text)
        if hit is not None and hit.label != "FAC" and prio < MILITARY_PRIORITY:
            continue
        canonical, country = (hit.canonical, hit.country) if hit else (found.canonical, None)
        out.append(Mention(span.start, span.end, "FAC", canonical, "pattern", prio, country))
    return out + _before_lower_heads(doc, gazetteer, nationality)


# Labels of the model that relnlp drops from its names (statistical PRODUCT is no weapon),
# and the ones a lower-case facility head overrules ("Zvezdny air base" as PERSON); an ORG
# only before a site of the state (:data:`_STATE_SITES`): "the Reliance refinery", "the
# Adani power plant" name the company that owns it.
_UNTAKEN = frozenset({"", "PRODUCT"})
_OVERRULED = frozenset({"PERSON", "ORG"})
# Lower-case heads of sites beyond stations and crossings ("Nurek dam", "Sednaya prison",
# "Zvezdny air base", "Sangtuda power plant"), as word tuples.
_SITE_AFTER = frozenset(
    tuple(h.split())
    for h in (
        "dam",
        "prison",
        "refinery",
        "air base",
        "naval base",
        "military base",
        "power plant",
        "power station",
        "nuclear plant",
        "test site",
        "chemical plant",
        "steel plant",
        "fertiliser plant",
        "fertilizer plant",
        "steelworks",
        "shipyard",
        "detention centre",
        "detention center",
        "prison camp",
    )
)


#: Sites that companies do not name: before them a model ORG is the site's name.
_STATE_SITES = frozenset(
    {
        ("dam",),
        ("prison",),
        ("air", "base"),
        ("naval", "base"),
        ("military", "base"),
        ("test", "site"),
    }
)


#: The words a lower-case facility head ends in: where :func:`_lower_head` can find one.
_HEAD_ENDS = _FACILITY_AFTER | frozenset(h[-1] for h in _SITE_AFTER)


def _lower_head(doc: Doc, k: int) -> int:
    """The start of a lower-case facility head ending at token ``k`` ("railway station",
    "air base", "dam"), or -1."""
    word = doc[k].text
    if not doc[k].is_lower:
        return -1
    if (doc[k - 1].text, word) in _SITE_AFTER or (
        word in _FACILITY_AFTER and doc[k - 1].text in _FACILITY_QUALIFIERS
    ):
        return k - 1
    return k if word in _FACILITY_AFTER or (word,) in _SITE_AFTER else -1


def _before_lower_heads(
    doc: Doc, gazetteer: Gazetteer, nationality: Callable[[str], bool]
) -> list[Mention]:
    """A name before a lower-case facility head ("Roznak railway station", "Shamtig border
    crossing", "Nurek dam"): FAC on the name (guidelines 8); the generic-heads pass gives
    names found otherwise the same reading and the head in the canonical. Only proper
    nouns that the model left untagged (or tagged PRODUCT, a label relnlp drops: lowest
    priority) or took for a person or an organisation (above it), that the gazetteer does
    not know, no city of the list (a town keeps its label), no nationality ("the Russian
    air base") and no kind of station ("Main station")."""
    out = []
    for k in _tokens_where(doc, _HEAD_ENDS.__contains__):  # no Token per word
        e = _lower_head(doc, k) if k >= 2 else -1
        if e < 1:
            continue
        s = e
        state_site = tuple(t.text for t in doc[e : k + 1]) in _STATE_SITES
        overruled = _UNTAKEN | (_OVERRULED if state_site else {"PERSON"})
        while (
            s > 0
            and e - s < 3
            and doc[s - 1].pos_ == "PROPN"
            and doc[s - 1].is_alpha
            and doc[s - 1].text[:1].isupper()
            and doc[s - 1].ent_type_ in overruled
            and doc[s - 1].text not in _OPENERS
            and doc[s - 1].text not in _HEAD_ONLY
            and not nationality(doc[s - 1].text)
        ):
            s -= 1
        name = doc[s:e].text
        if s < e and gazetteer.lookup(name) is None and not city_country(name)[0]:
            prio = 2.2 if any(t.ent_type_ in _OVERRULED for t in doc[s:e]) else 1.0
            out.append(Mention(s, e, "FAC", f"{name} {doc[e : k + 1].text}", "pattern", prio))
    return out
