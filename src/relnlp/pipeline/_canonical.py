"""Canonical names the gazetteer does not list, built by rule (helpers of ``relnlp_actors``).

Each function follows a convention of ``corpora/GUIDELINES.md`` (section 2, "Canonical
names") that holds for any actor of its kind, so that names nobody entered still come out
in the same form as the gazetteer's:

* :func:`organ_canonical`: a state organ named with its state ("Afghan Ministry of Mines",
  "Kazakhstan's Foreign Ministry", "Chinese Government") -> "<organ> of <state>"
  ("Ministry of Mines of Afghanistan", "Ministry of Foreign Affairs of Kazakhstan",
  "Government of China"), the form of the guidelines' "Ministry of National Defense of China";
* :func:`division_canonical`: a place followed by a lower-case administrative head ("Herat
  province") names the division, "Herat Province" (the Wikipedia title form), not the city;
* :func:`singular_group`: a group named in the plural ("Nazis", "Houthis") keeps the
  adjective, singular, as the guidelines' "Americans" -> "American";
* :func:`slash_canonical`: one name written with two alternatives ("Heilong/Amur River")
  takes the canonical of the alternative the gazetteer knows;
* :func:`variant_person`: a full name whose surname is that of exactly one known person and
  whose given name begins alike in transliteration ("Aleksei"/"Alexander") is that person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer, Hit, normalise_quotes
from relnlp.lang.chars import POSSESSIVE_S
from relnlp.lang.translit import name_key

__all__ = [
    "STATE_BODIES",
    "state_before",
    "division_canonical",
    "is_organ",
    "organ_canonical",
    "singular_group",
    "slash_canonical",
    "variant_person",
]

# States whose English name takes the article after "of" ("Ministry of Defence of the
# United Kingdom").
_WITH_ARTICLE = (
    "United ",
    "Netherlands",
    "Philippines",
    "Czech Republic",
    "Gambia",
    "Bahamas",
    "Democratic Republic",
    "Republic of the Congo",
    "Central African Republic",
    "Dominican Republic",
    "Maldives",
    "Comoros",
    "Marshall Islands",
    "Solomon Islands",
)
# "<Topic> Ministry" -> "Ministry of <Topic>"; where the usual long form differs from the
# topic word, the long form (a foreign ministry is one "of Foreign Affairs").
_MINISTRY_TOPIC = {"Foreign": "Foreign Affairs", "External": "External Affairs"}
_MINISTRY_OF = re.compile(r"^(?:Federal )?Ministry (?:of|for) \S")
_TOPIC_MINISTRY = re.compile(r"^((?:[A-Z][a-z]+)(?: (?:and )?[A-Z][a-z]+){0,2}) Ministry$")
_GOVERNMENT = frozenset({"Government", "Cabinet"})
# Armed services and staffs named after their state ("Ukraine's Armed Forces").
_SERVICES = frozenset(
    {"Armed Forces", "Navy", "Air Force", "Army", "Ground Forces", "Coast Guard", "General Staff"}
)
# Security, border and customs services, courts and the central bank of a state, named
# after it in the "<body> of <state>" form ("Security Service of Ukraine", "State Border
# Service of Azerbaijan", "Central Bank of Russia").
STATE_BODIES = frozenset(
    " ".join(body.split())
    for body in """Security Service|State Security Service|National Security Service|
    Intelligence Service|Foreign Intelligence Service|Border Service|State Border Service|
    Border Guard Service|State Border Guard Service|Border Guard|Customs Service|State
    Customs Service|State Customs Committee|National Guard|National Police|State Police|
    Central Bank|National Bank|Supreme Court|Constitutional Court|Prosecutor General's
    Office|Central Election Commission|Investigative Committee""".split("|")
)
# Lower-case administrative heads after a place name and the title word of the division.
DIVISION_HEADS = {
    "province": "Province",
    "district": "District",
    "county": "County",
    "oblast": "Oblast",
    "prefecture": "Prefecture",
    "governorate": "Governorate",
    "region": "Region",
}
# A region of Russia, Ukraine or Kazakhstan is an oblast or krai in its usual English name.
_REGION_TITLES = ("Oblast", "Krai", "Region", "Province")


def _of_state(state: str) -> str:
    return f"the {state}" if state.startswith(_WITH_ARTICLE) else state


def _state_of(words: str, gaz: Gazetteer) -> str | None:
    """The state a nationality adjective, a state's name or its possessive stands for."""
    words = re.sub(r"(?:'s|')$", "", normalise_quotes(words))
    country = gaz.demonym_country.get(words)
    if country is not None:
        return country
    hit = gaz.lookup(words)
    if hit is not None and hit.label == "GPE" and hit.kind == "state":
        return hit.canonical
    return None


def _organ(organ: str) -> str | None:
    """The long form of an organ's name without its state, or None if not an organ."""
    if _MINISTRY_OF.match(organ):
        return organ
    m = _TOPIC_MINISTRY.match(organ)
    if m:
        topic = m.group(1)
        return f"Ministry of {_MINISTRY_TOPIC.get(topic, topic)}"
    if organ in _GOVERNMENT or organ in _SERVICES or organ in STATE_BODIES:
        return organ
    if organ == "Foreign Office":  # a state's foreign ministry, as British usage names it
        return "Ministry of Foreign Affairs"
    return None


def is_organ(text: str) -> bool:
    """Whether ``text`` (without its state) is the name of a ministry or a government."""
    return _organ(" ".join(normalise_quotes(text).split())) is not None


def organ_canonical(text: str, gaz: Gazetteer, state: str | None = None) -> tuple[str, str] | None:
    """``(canonical, country)`` of a state organ named with its state, else None.

    ``text`` is the organ's name as written, with the state's adjective, name or
    possessive in front ("Afghan Ministry of Mines") or, when ``state`` is given (a
    possessive state split off before it), without it ("Ministry of Mines").

    Examples
    --------
    >>> from relnlp.gazetteer import load_gazetteer
    >>> organ_canonical("Kyrgyz Foreign Ministry", load_gazetteer())
    ('Ministry of Foreign Affairs of Kyrgyzstan', 'Kyrgyzstan')
    """
    found = _organ_canonical(" ".join(normalise_quotes(text).split()), gaz, state)
    if found is None:
        return None
    # The gazetteer's form of the organ wins ("Ministry of Defense of China" is the
    # "Ministry of National Defense of China"; "Defense"/"Defence" spell one ministry).
    service = next((sv for sv in _SERVICES if found[0].startswith(f"{sv} of ")), None)
    forms = [found[0]]
    if service is not None and found[1] in gaz.state_adjective:
        forms.append(f"{gaz.state_adjective[found[1]]} {service}")  # "Chinese Navy"
    for form in forms:
        hit = gaz.lookup(form)
        if hit is not None and hit.label == "ORG":
            return hit.canonical, found[1]
    # A service the gazetteer does not know keeps its usual name as written ("Indian
    # Army"); after a possessive state it is "<service> of <state>".
    return found if service is None or state is not None else None


def _organ_canonical(text: str, gaz: Gazetteer, state: str | None) -> tuple[str, str] | None:
    candidates: list[tuple[str, str]] = []
    if state is not None:
        candidates.append((state, text))
    else:
        words = text.split()
        for k in range(min(3, len(words) - 1), 0, -1):
            st = _state_of(" ".join(words[:k]), gaz)
            if st is not None:
                candidates.append((st, " ".join(words[k:])))
                break
    for st, organ in candidates:
        long = _organ(organ)
        if long is None:
            continue
        # An organ that already names its state keeps it, in the state's canonical form
        # ("Ministry of Foreign Affairs of the People's Republic of China").
        m = re.search(r" of (?:the )?(.+)$", long)
        if m and _state_of(m.group(1), gaz) is not None:
            return f"{long[: m.start()]} of {_of_state(str(_state_of(m.group(1), gaz)))}", st
        return f"{long} of {_of_state(st)}", st
    if state is None:
        # "Ministry of Foreign Affairs of the Republic of Kazakhstan": the state written
        # after the organ takes its canonical form.
        for m in re.finditer(r" of (?:the )?", text):
            st = _state_of(text[m.end() :], gaz)
            if st is not None and _organ(text[: m.start()]) is not None:
                return f"{text[: m.start()]} of {_of_state(st)}", st
    return None


def division_canonical(name: str, head: str, gaz: Gazetteer) -> str | None:
    """The canonical of an administrative division written "<name> <lower-case head>".

    The gazetteer's entry for the titled form wins ("Kursk region" -> "Kursk Oblast");
    else provinces, districts, counties, oblasts, prefectures and governorates take the
    titled head ("Herat province" -> "Herat Province"), and a variant spelling the
    gazetteer knows of a division takes its title ("Shotul district" -> "Shutul District").
    A "region" the gazetteer does not
    know is left to the name alone (None), since its title varies by country.

    Examples
    --------
    >>> from relnlp.gazetteer import load_gazetteer
    >>> division_canonical("Herat", "province", load_gazetteer())
    'Herat Province'
    """
    title = DIVISION_HEADS.get(head.lower())
    if title is None:
        return None
    titles = _REGION_TITLES if title == "Region" else (title,)
    for t in titles:
        hit = gaz.lookup(f"{name} {t}")
        if hit is not None and hit.label in ("GPE", "LOC"):
            return hit.canonical
        # A variant spelling of a known division ("Shotul" for "Shutul District").
        hit = gaz.lookup(name)
        if hit is not None and hit.label in ("GPE", "LOC") and hit.canonical.endswith(f" {t}"):
            return hit.canonical
    return None if title == "Region" else f"{name} {title}"


def singular_group(name: str, gaz: Gazetteer) -> str:
    """A group's canonical in the singular ("Nazis" -> "Nazi", "neo-Nazis" -> "neo-Nazi").

    The gazetteer's demonym wins where it knows the singular; words that end in -ss or -us
    are not plurals ("Swiss", "Belarus").
    """
    if not name.endswith("s") or name.endswith(("ss", "us")) or len(name) < 4:
        return name
    stem = name[:-1]
    hit = gaz.lookup(stem)
    if hit is not None and hit.label == "NORP":
        return hit.canonical
    return stem if stem[-1:].isalpha() else name


def slash_canonical(text: str, gaz: Gazetteer) -> Hit | None:
    """What a name written with two alternatives stands for ("Heilong/Amur River" -> the
    gazetteer's "Amur River"), the later alternative first; None if neither is known."""
    m = re.match(r"^(.*?)([^\s/]+)/([^\s/]+)(.*)$", text)
    if not m:
        return None
    before, a, b, after = m.groups()
    for alt in (f"{before}{b}{after}", f"{before}{a}{after}"):
        hit = gaz.lookup(alt.strip())
        if hit is not None:
            return hit
    return None


def variant_person(words: list[str], gaz: Gazetteer) -> str | None:
    """The known person a full name stands for when it is spelled otherwise.

    Same surname (transliteration-insensitive) as exactly one person of the gazetteer,
    and a given name whose first three letters agree with that person's (after folding
    romanisations: "Aleksei"/"Alexander", "Siruddin"/"Sirajuddin"). Family-name-first
    names are not compared (their first word is the surname).
    """
    words = [w for w in words if w.strip(".")]
    if len(words) < 2:
        return None
    person = gaz.person_by_surname(words[-1])
    if person is None:
        return None
    given = name_key(words[0].rstrip("."))
    # An initial ("V. Putin", "S. Lavrov", as citations write names) agrees with the
    # given name's first letter.
    initial = len(given) == 1 and words[0][:1].isupper()
    forms = [person.canonical, *person.aliases]
    for form in forms:
        first = name_key(form.split()[0])
        if (initial and first[:1] == given) or (len(given) >= 3 and first[:3] == given[:3]):
            return person.canonical
    return None


def state_before(gazetteer: Gazetteer, doc: Doc, start: int) -> tuple[str, int] | None:
    """(state, new start) for a name preceded by a state's adjective (taken into the
    name) or by a state's possessive (left out); None otherwise."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if prev.text in POSSESSIVE_S and start >= 2:
        hit = gazetteer.lookup(doc[start - 2].text)
        if hit is not None and hit.label == "GPE" and hit.kind == "state":
            return hit.canonical, start
        return None
    country = gazetteer.demonym_country.get(prev.text)
    hit = gazetteer.lookup(country) if country else None
    if prev.whitespace_ and country and hit is not None and hit.kind == "state":
        return country, start - 1
    return None
