"""A title of office or rank before a capitalised name: the name is a person's.

The small model misses some names that a title announces ("Chancellor Scholz told ...",
"Queen Margrethe opened ...") when it does not know the surname. Titles of office, rank,
nobility and religion are general knowledge: after one of them, one to three capitalised
words that the model left out are a PERSON (guidelines section 2: the title stays out of
the span, "President Vladimir Putin" -> "Vladimir Putin").

Left out, because the capitals then make a body, a place or a heading, not a person:

* a name word that is an ordinary English word ("General Assembly", "General Motors",
  "Premier League") unless the gazetteer knows a person by that surname ("Secretary Rice");
* a name the gazetteer knows as something else than a person ("Ambassador London" in a
  cable's address line);
* a name followed by a capitalised head of a body, site or place ("Prince Albert Hall",
  "King Street", "Queen Mary University");
* a heading in title case ("Chancellor Meets Farmers In Bavaria").

A kinship noun after a possessive ("her mother Agnes", "his brother Tomasz") and an
occupation in lower case ("the geologist Per Lunde") announce a person's name as well, in
biographies above all: such a name is a PERSON whatever label the model gave it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline._actor_base import (
    _ORG_WORDS,
    _PLACE_HEADS,
    TITLE_WORDS,
    Mention,
    _is_common,
    _tokens_where,
)
from relnlp.pipeline._archival import hyphenated_end
from relnlp.pipeline._cities import title_case_lines
from relnlp.pipeline._facilities import FACILITY_HEADS

__all__ = ["TITLES_BEFORE_NAMES", "titled_people"]

#: Titles that, written last before a capitalised name, make it a person's name. Office
#: nouns ("Minister", "Secretary") also close compound offices ("Foreign Secretary",
#: "Prime Minister", "Secretary of State").
TITLES_BEFORE_NAMES = frozenset(
    """President Premier Chancellor Minister Secretary Senator Governor Mayor Ambassador
    Envoy Commissioner Chairman Chairwoman Speaker Judge Justice Prosecutor Congressman
    Congresswoman Councillor Councilor Rep. Sen. Gov. Amb. King Queen Prince Princess
    Emperor Empress Sultan Emir Sheikh Shaikh Crown-Prince Tsar Czar Kaiser Pope Ayatollah
    Imam Rabbi Bishop Archbishop Cardinal Patriarch Reverend Rev. Pastor Dame Sir Lord Lady
    Baron Baroness Count Countess Duke Duchess Marquess Earl Viscount General Gen. Admiral
    Adm. Marshal Colonel Col. Lieutenant Lt. Major Maj. Captain Capt. Commander Cmdr.
    Commodore Brigadier Brig. Sergeant Sgt. Corporal Cpl. Private Pvt. Dr. Mr. Mrs. Ms.
    Prof. Professor President-elect Vice-President Vice-Premier Secretary-General""".split()
)
# Heads after the name that make the whole a body, a site or a place.
_HEADS_AFTER = (
    _ORG_WORDS
    | _PLACE_HEADS
    | {w for head in FACILITY_HEADS for w in head.split()}
    | frozenset(
        """Street Road Avenue Lane Hall Hospital Hotel College School Park Bridge Island
        Islands Bay Sound Land River Lake Mountains Mountain Range Cup Trophy Award Prize
        Line Class Station Building Tower Centre Center Church Foundation Trust Company
        Corporation League Club Museum Library Gardens Collection Papers Act Doctrine Plan
        Era Dynasty""".split()
    )
)
_MAX_NAME = 3
_RELABELLED = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP"})
_KIN = frozenset(
    """mother father wife husband son daughter brother sister uncle aunt cousin nephew niece
    grandfather grandmother grandson granddaughter stepfather stepmother stepson
    stepdaughter half-brother half-sister widow widower fiancé fiancée fiance fiancee""".split()
)
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your", "'s", "’s"})
# Occupations written in lower case right before a name ("the geologist Per Lunde", "the
# journalist Anna Petrova"): an apposition that names a person.
_OCCUPATIONS = frozenset(
    """geologist botanist biologist chemist physicist mathematician astronomer economist
    historian philosopher linguist sociologist anthropologist archaeologist scientist
    engineer architect painter sculptor photographer poet novelist writer author playwright
    composer conductor pianist violinist singer songwriter musician actor actress director
    filmmaker dancer journalist reporter correspondent editor columnist blogger lawyer
    attorney judge surgeon physician doctor nurse professor lecturer scholar teacher
    explorer navigator inventor entrepreneur businessman businesswoman banker merchant
    priest monk nun cleric preacher missionary activist dissident campaigner politician
    diplomat lawmaker legislator athlete footballer cyclist boxer swimmer""".split()
)


def _name_word(doc: Doc, i: int, taken: set[int]) -> bool:
    t = doc[i]
    return (
        i not in taken
        and t.text[:1].isupper()
        and t.text.replace("-", "").replace("'", "").isalpha()
        and t.text not in TITLE_WORDS
        and not t.is_sent_start
    )


def _name_end(doc: Doc, i: int, taken: set[int]) -> int:
    """The end of the name word at ``i``, a hyphenated surname whole ("Velasquez-Orue")."""
    return hyphenated_end(doc, i, min((k for k in taken if k > i), default=len(doc)))


def _kin_before(doc: Doc, i: int) -> bool:
    """Whether a possessive and a kinship noun ("her mother"), or an occupation written in
    lower case ("the geologist"), stand before token ``i``."""
    if i >= 1 and doc[i - 1].text in _OCCUPATIONS:
        return True
    return i >= 2 and doc[i - 1].lower_ in _KIN and doc[i - 2].lower_ in _POSSESSIVES


def _title_before(doc: Doc, i: int) -> bool:
    """Whether the token before ``i`` closes a title ("Chancellor", "Secretary of State")
    or a kinship noun after a possessive ("her mother")."""
    if i == 0:
        return False
    if doc[i - 1].text in TITLES_BEFORE_NAMES or _kin_before(doc, i):
        return True
    return i >= 3 and doc[i - 3 : i].text == "Secretary of State"


def _may_close_title(word: str) -> bool:
    """Whether a token written ``word`` can be the one :func:`_title_before` reads last
    before a name (a title, an occupation, a kinship noun, "State")."""
    return (
        word in TITLES_BEFORE_NAMES
        or word in _OCCUPATIONS
        or word.lower() in _KIN
        or word == "State"
    )


def _ordinary(word: str, common: frozenset[str], gazetteer: Gazetteer) -> bool:
    return _is_common(word.lower(), common) and gazetteer.person_by_surname(word) is None


def _personal(
    doc: Doc,
    i: int,
    e: int,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
) -> bool:
    """Whether ``doc[i:e]`` after a title can be a person's name: no ordinary word, no
    head of a body or site in or after it, no title-case heading, and no other entry of
    the gazetteer under that name."""
    after = doc[e].text if e < len(doc) else ""
    if (
        any(_ordinary(t.text, common, gazetteer) or t.text in _HEADS_AFTER for t in doc[i:e])
        or after in _HEADS_AFTER
        or heading(i - 1, e)
    ):
        return False
    hit = gazetteer.lookup(doc[i:e].text)
    return hit is None or hit.label == "PERSON"


def _relabelled(
    doc: Doc,
    m: Mention,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
) -> Mention:
    """``m`` as a PERSON when a kinship noun stands before it, or a title before a name the
    model gave another label ("Chancellor Albrecht" as ORG); else ``m``."""
    if m.label not in _RELABELLED or m.end - m.start > _MAX_NAME:
        return m
    titled = (
        m.source == "spacy"
        and m.start > 0
        and doc[m.start - 1].text in TITLES_BEFORE_NAMES
        and _personal(doc, m.start, m.end, gazetteer, common, heading)
    )
    # after an occupation, only a name the gazetteer knows as nothing else: "the diplomat
    # Washington sent", "the journalist Reuters interviewed" keep theirs; after a possessive
    # and a kinship noun a known name is a person ("her son Jordan")
    kin = _kin_before(doc, m.start) and (
        doc[m.start - 1].text not in _OCCUPATIONS
        or _personal(doc, m.start, m.end, gazetteer, common, heading)
    )
    if not (titled or kin):
        return m
    return replace(m, label="PERSON", canonical=doc[m.start : m.end].text, country=None)


def titled_people(
    doc: Doc, cands: list[Mention], gazetteer: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """``cands`` with a name after a kinship noun or a title relabelled PERSON ("her
    mother Agnes" as LOC, "Chancellor Albrecht" as ORG), and the names after a title or
    kinship noun that no source found: PERSON, with the name as written (the people pass
    gives a surname the gazetteer knows its full canonical name)."""
    taken = {i for m in cands for i in range(m.start, m.end)}
    heading = title_case_lines(doc)
    out = [_relabelled(doc, m, gazetteer, common, heading) for m in cands]
    # only the tokens after a word that can close a title: the others fail _title_before
    for i in [j + 1 for j in _tokens_where(doc, _may_close_title) if j + 1 < len(doc)]:
        if not (_title_before(doc, i) and _name_word(doc, i, taken)):
            continue
        if i - 1 in taken and doc[i - 1].text not in TITLES_BEFORE_NAMES:
            continue  # the title word belongs to another name
        e = _name_end(doc, i, taken)
        while e < len(doc) and e - i < _MAX_NAME and _name_word(doc, e, taken):
            e = _name_end(doc, e, taken)
        if (e < len(doc) and e in taken and doc[e].text[:1].isupper()) or not _personal(
            doc, i, e, gazetteer, common, heading
        ):
            continue
        out.append(Mention(i, e, "PERSON", doc[i:e].text, "title", 1.5))
    return out
