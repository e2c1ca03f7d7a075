"""Patterns for weapons, platforms and named exercises (helpers of ``relnlp_actors``).

* **Designators** (PRODUCT): the alphanumeric designations of aircraft, missiles, air
  defence systems, tanks and engines ("Su-35", "MiG-31", "S-400", "J-20", "DF-21D",
  "T-72B3", "F-16", "MQ-9"), Chinese type numbers ("Type 055") and ship and submarine
  classes ("Kilo-class"), and warships named with their navy's prefix ("USS Dwight D.
  Eisenhower", "INS Vikrant"). The prefixes are the design-bureau and service designation
  systems (Soviet/Russian OKB prefixes, the Chinese PLA system, the 1962 United States
  Tri-Service system); single-letter US mission prefixes need two digits, since "P-5" or
  "A-1" are more often something else. The canonical name is the family's usual
  designation: the gazetteer's entry for the designator without its variant letters
  ("Su-35S" -> "Sukhoi Su-35"), else the design bureau's name before the designator.
* **Named exercises** (EVENT, year kept inside the name, corpora/GUIDELINES.md section 8):
  a capitalised name followed by a year ("Vostok 2022", "Joint Sea-2016",
  "Zapad/Interaction-2021") when the name is a known recurring series or the sentence
  speaks of exercises, drills or war games; and "Operation <Name>".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from relnlp.lang.chars import MONTH_ABBREVIATIONS, MONTH_NAMES

__all__ = [
    "EXERCISE_SERIES",
    "NOT_EVENT_WORDS",
    "MilitaryName",
    "find_corridors",
    "find_designators",
    "find_exercises",
]

# Design-bureau prefixes whose usual English name carries the bureau ("Sukhoi Su-35").
_BUREAU = {
    "Su": "Sukhoi",
    "MiG": "Mikoyan",
    "Tu": "Tupolev",
    "Il": "Ilyushin",
    "Ka": "Kamov",
    "Mi": "Mil",
    "Yak": "Yakovlev",
    "Be": "Beriev",
}
_MULTI = (
    "Su MiG Tu Il Ka Mi Yak Be JF FC KJ WZ DF JL HQ YJ PL WS CJ BMP BTR BMD KC MQ RQ AH UH CH "
    "MH EA SR Kh KN ZTZ ZTQ PHL PCH HJ TB"
).split()
_SINGLE_SHORT = "J S T F"  # one digit is enough: J-7, S-300, T-72, F-5
_SINGLE_LONG = "A B C E P V U H Y Z"  # two digits at least: A-10, B-52, C-17, E-3 excluded
_PREFIX = (
    r"(?:F/A|" + "|".join(sorted(_MULTI, key=len, reverse=True)) + r")-\d{1,3}"
    r"|(?:" + "|".join(_SINGLE_SHORT.split()) + r")-\d{1,3}"
    r"|(?:" + "|".join(_SINGLE_LONG.split()) + r")-\d{2,3}"
)
_DESIGNATOR = re.compile(
    # (?=[A-Z]): every prefix starts with a capital, tested before the lookbehind (a fast
    # failure at the other characters); likewise in the patterns below
    r"(?=[A-Z])(?<![\w/-])(" + _PREFIX + r")([A-Z]{0,3}\d?)(?:/[A-Z]{1,2}\d*)?(?![\w-])"
)
_TYPE = re.compile(
    r"(?<![\w-])Type[ -](0\d\d[A-Z]?|\d{2,3}[A-Z]?(?=[ -](?:destroyers?|frigates?|corvettes?|"
    r"submarines?|carriers?|cruisers?|tanks?|landing|amphibious|assault|class)))(?![\w])"
)
_CLASS = re.compile(r"(?<![\w-])((?:[A-Z][\w.]*[ -]){0,2}[A-Z][\w.]*)-class(?![\w-])")
# Capitalised words that make ordinary "-class" adjectives ("Middle-class", "World-class").
_NOT_CLASS = frozenset(
    "Middle First Second Third World Upper Lower Working Business Economy "
    "Top High Low Best Ruling Political Creative Leisure Same New Open".split()
)

# Recurring exercise series (general knowledge of the field: Russian strategic command-staff
# exercises, SCO and CSTO series, Sino-Russian bilateral series, NATO and US-led series).
EXERCISE_SERIES = frozenset(
    {
        "Vostok",
        "Zapad",
        "Tsentr",
        "Center",
        "Centre",
        "Kavkaz",
        "Grom",
        "Okean",
        "Ocean",
        "Umka",
        "Interaction",
        "Rubezh",
        "Poisk",
        "Search",
        "Cooperation",
        "Coalition",
        "Joint Sea",
        "Peace Mission",
        "Northern/Interaction",
        "Zapad/Interaction",
        "Maritime Security Belt",
        "Indestructible Brotherhood",
        "Slavic Brotherhood",
        "Union Shield",
        "Union Resolve",
        "Sea Breeze",
        "Defender Europe",
        "Steadfast Defender",
        "Trident Juncture",
        "BALTOPS",
        "RIMPAC",
        "Cobra Gold",
        "Balikatan",
        "Talisman Sabre",
        "Malabar",
        "Foal Eagle",
        "Key Resolve",
        "Ulchi Freedom Shield",
        "Freedom Shield",
        "Saber Strike",
        "Shaheen",
        "Golden Dragon",
        "Strait Thunder",
        "Joint Sword",
        "Aviadarts",
        "Selenga",
        "Northern Edge",
        "Cope India",
        "Cope North",
        "Pitch Black",
        "Red Flag",
        "Anakonda",
        "Cold Response",
        "Steppe Eagle",
        "Regional Cooperation",
        "Caucasus Frontier",
        "Dostyk",
    }
)
_EXERCISE_WORDS = re.compile(
    r"\b(?:exercises?|drills?|war\s?games?|manoeuvres?|maneuvers?|wargames?|patrols?)\b", re.I
)
_YEAR_NAME = re.compile(
    r"(?=[A-Zot])(?<![\w-])((?:[A-Z][\w'’]*|of|the)(?:[ /-](?:[A-Z][\w'’]*|of|the)){0,3})[ -]((?:19|20)\d\d[A-C]?)(?![\w-])"
)
_OPERATION = re.compile(r"(?<![\w-])Operation (?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|of|the)){0,3}")
#: Words that open names of plans and periods, not of events ("Vision 2030", "March 2024").
NOT_EVENT_WORDS = _MONTHS = frozenset(
    (
        *MONTH_NAMES,
        *MONTH_ABBREVIATIONS,
        *"Spring Summer Autumn Fall Winter Q1 Q2 Q3 Q4 H1 H2 FY Vision Agenda Strategy Plan "
        "Program Programme Law Act".split(),
    )
)


# Words that open a sentence or a description before an exercise's name, not part of it.
_NAME_OPENERS = frozenset(
    "of the The In During At By For Since After Before Until From And As Its Their This "
    "Exercise Exercises Drill Drills Annual Both Under With".split()
)

# Nationality adjectives before an exercise's name are no part of it ("the Russian-Belarusian
# Union Resolve 2022": NORP "Russian" + NORP "Belarusian" + EVENT "Union Resolve 2022");
# fused forms ("Sino-Russian") and the adjectives of states that hold named exercises.
_DEMONYM_PART = r"(?:Sino|Russo|[A-Z][a-z]+(?:ian|ese|an|ish|i))"
_FUSED_ADJECTIVE = re.compile(rf"^{_DEMONYM_PART}(?:-{_DEMONYM_PART})+$")
_EXERCISE_NATIONS = frozenset(
    """Russian Chinese Belarusian Ukrainian American British French German Japanese Korean
    Iranian Turkish Kazakh Kyrgyz Tajik Uzbek Pakistani Mongolian Egyptian Serbian""".split()
)


@dataclass(frozen=True)
class MilitaryName:
    """A character span with its label and canonical name."""

    start: int
    end: int
    label: str
    canonical: str
    base: str  # the designator without variant letters, for a gazetteer lookup


# Ship prefixes of the navies ("USS Dwight D. Eisenhower", "HMS Queen Elizabeth", "INS
# Vikrant", "JS Izumo"): the prefix and up to four capitalised words or initials.
_SHIP_PREFIXES = (
    "USS USNS HMS HMAS HMCS HMNZS INS JS ROKS RFS PLANS KRI TCG BRP HNLMS ESPS ITS FGS "
    "NRP HDMS HNoMS HSwMS RSS KD ARA"
).split()
_SHIP = re.compile(
    r"(?=[A-Z])(?<![\w-])(?:" + "|".join(_SHIP_PREFIXES) + r") (?:[A-Z]\.|[A-Z][\w'’-]*)"
    r"(?: (?:[A-Z]\.|[A-Z][\w'’-]*|de|del|von|of)){0,4}"
)
# Words that end a ship's name: its group or class ("USS Nimitz Carrier Strike Group").
_SHIP_STOP = frozenset("Carrier Strike Group Battle Task Force Class Expeditionary".split())


def find_designators(text: str) -> Iterator[MilitaryName]:
    """Weapon, platform and system designations and named warships in ``text``
    (PRODUCT)."""
    for m in _SHIP.finditer(text):
        words = m.group().split(" ")
        cut = next((i for i, w in enumerate(words) if i > 1 and w in _SHIP_STOP), len(words))
        words = words[:cut]
        while words[-1] in ("de", "del", "von", "of"):
            words.pop()
        name = " ".join(words)
        yield MilitaryName(m.start(), m.start() + len(name), "PRODUCT", name, name)
    for m in _DESIGNATOR.finditer(text):
        base = m.group(1)
        prefix = base.split("-")[0]
        bureau = _BUREAU.get(prefix)
        canonical = f"{bureau} {base}" if bureau else base
        yield MilitaryName(m.start(), m.end(), "PRODUCT", canonical, base)
    # (a pattern runs only when the words all its matches contain are in the text)
    for m in _TYPE.finditer(text) if "Type" in text else ():
        base = f"Type {m.group(1)}"
        yield MilitaryName(m.start(), m.end(), "PRODUCT", base, base)
    for m in _CLASS.finditer(text) if "-class" in text else ():
        name = m.group(1)
        words = re.split(r"[ -]", name)
        while words and words[0] in _NOT_CLASS | {
            "The",
            "A",
            "An",
            "Russian",
            "Chinese",
            "American",
            "Soviet",
            "British",
            "French",
        }:
            words = words[1:]
        if not words:
            continue
        start = m.start(1) + len(name) - len(" ".join(words))
        canonical = text[start : m.end()]
        yield MilitaryName(start, m.end(), "PRODUCT", canonical, canonical)


def find_exercises(
    text: str, sentence_of: Callable[[int], tuple[int, int] | None] | None = None
) -> Iterator[MilitaryName]:
    """Named exercises and operations in ``text`` (EVENT; the year stays in the name).

    ``sentence_of`` gives the span of the sentence holding a character offset; without it
    (or where it gives None) the surrounding 200 characters stand for the sentence.
    """
    for m in _YEAR_NAME.finditer(text):
        name = m.group(1)
        words = name.split()
        # Leading function words and a capitalised sentence opener are not the name.
        while words and words[0] in _NAME_OPENERS:
            words = words[1:]
        while len(words) > 1 and (
            words[0] in _EXERCISE_NATIONS or _FUSED_ADJECTIVE.match(words[0])
        ):
            words = words[1:]
        while words and words[-1] in ("of", "the"):
            words = words[:-1]
        if not words or words[-1].split("/")[-1] in _MONTHS or words[0] in _MONTHS:
            continue
        name = " ".join(words)
        start = m.start(1) + m.group(1).index(name)
        known = name in EXERCISE_SERIES or any(
            part in EXERCISE_SERIES for part in re.split(r"[/-]", name)
        )
        if not known:
            sent = sentence_of(m.start()) if sentence_of is not None else None
            a, b = sent or (max(0, m.start() - 200), m.end() + 200)
            if not _EXERCISE_WORDS.search(text, a, b):
                continue
        yield MilitaryName(start, m.end(), "EVENT", text[start : m.end()], name)
    for m in _OPERATION.finditer(text) if "Operation " in text else ():
        yield MilitaryName(m.start(), m.end(), "EVENT", m.group(), m.group())


# Transport corridors named by what they cross or join, with their head ("Trans-Afghan
# railway", "International North-South corridor"): FAC, corpora/GUIDELINES.md section 8. The
# head stays in the span, since "Trans-Afghan" alone names nothing.
_CORRIDOR = re.compile(
    r"(?<![\w-])((?:International )?(?:Trans-[A-Z][\w]*(?:-[A-Z][\w]*)*|North-South|East-West)"
    r"(?: [A-Z][\w]*){0,2} (?:[Rr]ailway|[Rr]ailroad|[Cc]orridor|[Pp]ipeline|[Hh]ighway|[Rr]oute))(?![\w-])"
)


def find_corridors(text: str) -> Iterator[MilitaryName]:
    """Named transport corridors, railways and pipelines (FAC)."""
    needed = ("Trans-", "North-South", "East-West")
    for m in _CORRIDOR.finditer(text) if any(w in text for w in needed) else ():
        name = m.group(1)
        words = name.split()
        canonical = " ".join(words[:-1] + [words[-1].capitalize()])
        yield MilitaryName(m.start(1), m.end(1), "FAC", canonical, name)
