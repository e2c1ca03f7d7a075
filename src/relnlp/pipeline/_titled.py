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

from collections.abc import Callable, Collection
from dataclasses import replace

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline._actor_base import (
    _ORG_WORDS,
    _PLACE_HEADS,
    Mention,
    _is_common,
    _tokens_where,
)
from relnlp.pipeline._archival import hyphenated_end
from relnlp.pipeline._cities import title_case_lines
from relnlp.pipeline._facilities import FACILITY_HEADS
from relnlp.pipeline._titles import (
    CLERICAL,
    NOBLE_TITLES,
    PLURAL_TITLES,
    TERRITORIAL,
    TITLE_WORDS,
    TITLES_BEFORE_NAMES,
    leading_title,
)

__all__ = ["titled_people"]

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
        Era Dynasty Partners Holdings Capital Ventures Solutions Industries Enterprises
        Associates Group Systems Services""".split()
    )
)
_MAX_NAME = 3
# Titles of nobility and religion that open a span of the model's as a person's name
# ("Count Leo Tolstoy", "Cardinal Parolin"); courtesy ones stay with the other passes.
_NAMING_TITLES = (NOBLE_TITLES | CLERICAL) - {"Sir", "Dame", "Lord", "Lady"}
# Titles held "of" a territory ("Duke of Wellington", "Countess of Wessex").
_TERRITORIAL_TITLES = NOBLE_TITLES - {"Sir", "Dame", "Lord", "Lady"}
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


def _modifies_after(doc: Doc, e: int) -> bool:
    """Whether the name ending before token ``e`` modifies what follows it: a head of a
    body or site ("Duke of Edinburgh Award") or a lower-case noun ("the Duke of York
    pub")."""
    if e >= len(doc):
        return False
    return doc[e].text in _HEADS_AFTER or (doc[e].is_lower and doc[e].pos_ == "NOUN")


def _kin_before(doc: Doc, i: int) -> bool:
    """Whether a possessive and a kinship noun ("her mother"), or an occupation written in
    lower case ("the geologist"), stand before token ``i``."""
    if i >= 1 and doc[i - 1].text in _OCCUPATIONS:
        return True
    return i >= 2 and doc[i - 1].lower_ in _KIN and doc[i - 2].lower_ in _POSSESSIVES


def _title_before(doc: Doc, i: int) -> bool:
    """Whether the token before ``i`` closes a title ("Chancellor", "Secretary of State")
    or a kinship noun after a possessive ("her mother"), or ``i`` is in a list of names
    after a plural title ("Presidents Aliyev and Pashinyan")."""
    if i == 0:
        return False
    if doc[i - 1].text in TITLES_BEFORE_NAMES or _kin_before(doc, i) or _plural_listed(doc, i):
        return True
    return i >= 3 and doc[i - 3 : i].text == "Secretary of State"


def _plural_listed(doc: Doc, i: int) -> bool:
    """Whether a plural title opens the list of names ``i`` is in: right before it, or
    before capitalised names joined by commas and "and" ("Ministers Wang, Lavrov and
    Jaishankar"; at most four names of up to three words back)."""
    k = i - 1
    for _ in range(4):
        if k >= 0 and doc[k].text in PLURAL_TITLES:
            return True
        if k < 1 or doc[k].lower_ not in {"and", ","}:
            return False
        k -= 1
        if k >= 0 and doc[k].text == ",":  # the serial comma: "Wang, Lavrov, and Ji"
            k -= 1
        end = k
        while (
            k >= 0
            and end - k < _MAX_NAME
            and doc[k].text[:1].isupper()
            and doc[k].is_alpha
            and doc[k].text not in PLURAL_TITLES
        ):
            k -= 1
        if k == end:
            return False
    return False


def _may_close_title(word: str) -> bool:
    """Whether a token written ``word`` can be the one :func:`_title_before` (or the
    territorial title test) reads last before a name: a title, an occupation, a kinship
    noun, "State", a plural title or the "and"/comma of a list after one, a particle of
    territory ("Duke of")."""
    return (
        word in TITLES_BEFORE_NAMES
        or word in _OCCUPATIONS
        or word.lower() in _KIN
        or word == "State"
        or word in PLURAL_TITLES
        or word in _LIST_JOINS
        or word in TERRITORIAL
    )


_LIST_JOINS = frozenset({"and", ","})


def _ordinary(
    word: str, common: frozenset[str], gazetteer: Gazetteer, named: Collection[str] = ()
) -> bool:
    return (
        _is_common(word.lower(), common)
        and word not in named
        and gazetteer.person_by_surname(word) is None
    )


def _personal(
    doc: Doc,
    i: int,
    e: int,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
    named: Collection[str] = (),
) -> bool:
    """Whether ``doc[i:e]`` after a title can be a person's name: no ordinary word (unless
    in ``named``, words the report names a person by), no head of a body or site in or
    after it, no title-case heading, and no other entry of the gazetteer under that name."""
    if any(_ordinary(t.text, common, gazetteer, named) for t in doc[i:e]):
        return False
    return _name_shaped(doc, i, e, gazetteer, heading)


def _name_shaped(
    doc: Doc, i: int, e: int, gazetteer: Gazetteer, heading: Callable[[int, int], bool]
) -> bool:
    """What every name after a title needs: no head of a body or site in or right after
    ``doc[i:e]``, no title-case heading, and no gazetteer entry other than a person."""
    after = doc[e].text if e < len(doc) else ""
    if any(t.text in _HEADS_AFTER for t in doc[i:e]) or after in _HEADS_AFTER or heading(i - 1, e):
        return False
    hit = gazetteer.lookup(doc[i:e].text)
    return hit is None or hit.label == "PERSON"


def _holder_name(
    doc: Doc,
    i: int,
    e: int,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
) -> bool:
    """Whether ``doc[i:e]``, after a title inside one span of the model's, is a personal
    name: capitalised words, no head of a body or site in or after them, no heading, no
    other gazetteer entry; one word must be no ordinary word ("Cardinal Health", "Duke
    Energy" are companies). Well-known names are in the lemmatizer's lists ("Leo",
    "Tolstoy"), so two name words are enough."""
    words = doc[i:e]
    if not all(t.is_alpha and t.text[:1].isupper() for t in words) or (
        len(words) == 1 and _ordinary(words[0].text, common, gazetteer)
    ):
        return False
    return _name_shaped(doc, i, e, gazetteer, heading)


def _title_holder(
    doc: Doc,
    m: Mention,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
) -> Mention | None:
    """A person named by a title of nobility or religion that the model labelled otherwise:
    "Count Leo Tolstoy" as ORG (PERSON "Leo Tolstoy", the title out; "Count Basie" keeps
    it, a given name), "Duke of Wellington" with the territory as GPE (PERSON, the title
    is the name). None when ``m`` is neither."""
    if m.label not in _RELABELLED:
        return None
    if (
        m.start >= 2
        and doc[m.start - 1].text in TERRITORIAL
        and doc[m.start - 2].text in _TERRITORIAL_TITLES
        and m.end - m.start <= _MAX_NAME
        and all(t.text[:1].isupper() for t in doc[m.start : m.end])
        and not _modifies_after(doc, m.end)
    ):
        start = m.start - 2
    elif (
        m.source == "spacy"
        and 2 <= m.end - m.start <= _MAX_NAME + 1
        and (doc[m.start].text in _NAMING_TITLES or doc[m.start].text in PLURAL_TITLES)
        and _holder_name(doc, m.start + 1, m.end, gazetteer, common, heading)
        and gazetteer.lookup(doc[m.start : m.end].text) is None
    ):
        words = [t.text for t in doc[m.start : m.end]]
        start = m.start + 1 if leading_title(words) else m.start
    else:
        return None
    return replace(m, start=start, label="PERSON", canonical=doc[start : m.end].text, country=None)


def _relabelled(
    doc: Doc,
    m: Mention,
    gazetteer: Gazetteer,
    common: frozenset[str],
    heading: Callable[[int, int], bool],
) -> Mention:
    """``m`` as a PERSON when a kinship noun stands before it, a title before a name the
    model gave another label ("Chancellor Albrecht" as ORG), or a title of nobility or
    religion opens or holds it ("Count Leo Tolstoy", "Duke of Wellington"); else ``m``."""
    holder = _title_holder(doc, m, gazetteer, common, heading)
    if holder is not None:
        return holder
    if m.label not in _RELABELLED or m.end - m.start > _MAX_NAME:
        return m
    titled = (
        m.source == "spacy"
        and m.start > 0
        and (doc[m.start - 1].text in TITLES_BEFORE_NAMES or _plural_listed(doc, m.start))
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
    gives a surname the gazetteer knows its full canonical name). A word that the report
    already names a person by ("Hood" in "Viscount Hood") is no ordinary word after a
    title ("Lord Hood")."""
    taken = {i for m in cands for i in range(m.start, m.end)}
    heading = title_case_lines(doc)
    named = {doc[k].text for m in cands if m.label == "PERSON" for k in range(m.start, m.end)}
    out = [_relabelled(doc, m, gazetteer, common, heading) for m in cands]
    # only the tokens after a word that can close a title: the others fail _title_before
    for i in [j + 1 for j in _tokens_where(doc, _may_close_title) if j + 1 < len(doc)]:
        if (
            i >= 2
            and doc[i - 1].text in TERRITORIAL
            and doc[i - 2].text in _TERRITORIAL_TITLES
            and not {i - 2, i - 1} & taken
            and _name_word(doc, i, taken)
        ):
            # "the Marquis de Lafayette", "the Duke of Bedford": the title is the name; the
            # territory may be an ordinary word or a place ("Earl of Derby")
            e = _name_end(doc, i, taken)
            if (
                not {t.text for t in doc[i : e + 1]} & _HEADS_AFTER
                and not heading(i - 2, e)
                and not _modifies_after(doc, e)
            ):
                out.append(Mention(i - 2, e, "PERSON", doc[i - 2 : e].text, "title", 1.5))
            continue
        if not (_title_before(doc, i) and _name_word(doc, i, taken)):
            continue
        if i - 1 in taken and doc[i - 1].text not in TITLES_BEFORE_NAMES:
            continue  # the title word belongs to another name
        e = _name_end(doc, i, taken)
        while e < len(doc) and e - i < _MAX_NAME and _name_word(doc, e, taken):
            e = _name_end(doc, e, taken)
        if (e < len(doc) and e in taken and doc[e].text[:1].isupper()) or not _personal(
            doc, i, e, gazetteer, common, heading, named
        ):
            continue
        out.append(Mention(i, e, "PERSON", doc[i:e].text, "title", 1.5))
    return out
