"""Named events by their head or opening (EVENT; a helper of ``_laws.law_mentions``).

corpora/GUIDELINES.md section 2 gives EVENT to wars, named meetings, summits, conferences,
games and named historical events. Such names are written as one to four capitalised words
before a head that says what kind of event they are ("Agadir Crisis", "Second Boer War",
"Wannsee Conference", "Carnation Revolution", "Commonwealth Games"), or after an opening
("Battle of Verdun", "Siege of Sarajevo", "Fall of Saigon"). The statistical model misses
many of them or gives them other labels.

Not names of events:

* a head followed by another capitalised word or by a preposition and a capitalised word
  belongs to a longer name ("International Crisis Group", "War Office", "Conference on
  Security and Co-operation in Europe");
* a name inside a longer one after "of" or "for" ("Institute for the Study of War",
  "Museum of the Great Patriotic War");
* Title Case headings and titles of cited works ("The Next War in Europe"), whose
  capitals say nothing about names;
* lower-case heads ("the G20 summit", "the Ukraine crisis": descriptive, guidelines).

A year after the name ("Cedar Revolution of 2005") is a date outside it, unless the name
is nothing without it ("War of 1812", "Revolution of 1905") or the gazetteer knows the
name with the year ("Berlin Crisis of 1961").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from relnlp.lang.chars import MONTH_NAMES
from relnlp.pipeline._military import MilitaryName

__all__ = ["EVENT_NAME_HEADS", "find_named_events"]

#: Heads of names of events (capitalised, after the name's other words).
EVENT_NAME_HEADS = frozenset(
    """War Wars Crisis Revolution Uprising Rebellion Intifada Insurrection Mutiny Conference
    Summit Olympics Games Massacre Incident Offensive Airlift""".split()
)
_WORD = r"[A-Z][\w'’]*(?:[-–][A-Z][\w'’]*)*"
_HEAD_NAME = re.compile(
    rf"(?<![\w'’-])((?:{_WORD} ){{1,4}})({'|'.join(sorted(EVENT_NAME_HEADS))})"
    # a possessive after the name is no part of it ("the Korean War's veterans")
    r"(?: of ((?:1[0-9]|20)\d\d))?(?![\w-]|['’](?!s\b))"
)
_BARE_DATED = re.compile(
    r"(?<![\w'’-])(?:War|Wars|Revolution|Revolutions|Crisis) of (?:1[0-9]|20)\d\d(?![\w-])"
)
_OPENED = re.compile(
    rf"(?<![\w'’-])(?:Battle|Siege|Sack|Fall|Liberation) of (?:the )?{_WORD}(?: {_WORD}){{0,2}}(?![\w'’-])"
)
# A head, "of" and the rest of the name ("War of the Pacific", "Greek War of Independence",
# "Revolution of Dignity", "Summit of the Americas").
_OF_NAME = re.compile(
    rf"(?<![\w'’-])((?:{_WORD} ){{0,3}})(War|Wars|Revolution|Summit) of (?:the )?"
    rf"{_WORD}(?: {_WORD}){{0,2}}(?![\w'’-])"
)
# Words that open a sentence or a phrase before a name, and are no part of it.
_OPENERS = frozenset(
    """The A An This That These Those Its Their His Her Our Your My In During After Before
    Since Until Unlike Like When While As At By For From On Of To With Without Under Over
    And Or But If Both Either Neither Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Meanwhile However Afterwards Then Later Still Yet Thus Also Moreover Furthermore
    Nevertheless Instead Indeed Earlier Today Yesterday Now Finally Eventually Initially
    Subsequently Previously Recently Notably Only Even President Prime Minister Foreign
    Secretary Chancellor General Premier Leader Chairman King Queen""".split()
) | frozenset(MONTH_NAMES)
# "Games" and "Wars" name events only after words of a sporting event, a place or a
# nationality, or an ordinal ("Asian Games", "Commonwealth Games", "Napoleonic Wars",
# "Balkan Wars"); a company or a film ("Riot Games", "Star Wars") is none.
_GAMES_WORDS = frozenset(
    """Olympic Olympics Paralympic Commonwealth Asian Pan American African Arab Mediterranean
    Island Islands Youth Winter Summer Invictus Goodwill Military World Central Southeast
    South Bolivarian First Second Third Napoleonic Opium Punic Balkan Yugoslav Indian
    Anglo Pacific Atlantic Arctic Baltic Caribbean Nordic Gulf Eastern Western Northern
    Southern""".split()
)
# Words that make a description of an event, not a name ("the Next War", "Another Crisis").
_DESCRIBING = frozenset(
    "Next Last Coming Current Future Present Latest Another Other Every Each Any Some No Such".split()
)
_CONTINUES = re.compile(r"[ \t]*(?:[A-Z0-9]|(?:on|of|for) (?:the )?[A-Z])")
_POSSESSIVE = ("'s", "’s")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_INSIDE = re.compile(r"[A-Z][\w'’.-]* (?:of|for|on) (?:the )?$")


def _titled(text: str, start: int, end: int) -> bool:
    """Whether the words around ``start:end`` are in Title Case (a heading or the title of
    a cited work) or the line is a Markdown heading."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.startswith("#", line_start):
        return True
    # the words of the same line and sentence, up to 60 characters either side
    before = _WORDS.findall(re.split(r"[.!?;:]\s", text[max(line_start, start - 60) : start])[-1])
    after = _WORDS.findall(re.split(r"[.!?;:]\s|\n", text[end : end + 60])[0])
    content = [w for w in before + after if len(w) > 3]
    # no lower-case content word near the name, and capitalised ones: a title's words
    return not any(w[0].islower() for w in content) and len(content) >= 3


def find_named_events(
    text: str, known: Callable[[str], bool], place: Callable[[str], bool] = lambda _w: False
) -> Iterator[MilitaryName]:
    """Names of events by their head or opening in ``text`` (EVENT).

    ``known`` tells whether the gazetteer knows a name as an EVENT (for a year written
    after a name: "Berlin Crisis of 1961" is the name, "Cedar Revolution of 2005" is a
    name and a date); ``place`` whether a word is a state or place, whose possessive is
    no part of the name after it ("Russia's Ukraine War"; but "People's Political
    Consultative Conference" is one name, left to the gazetteer and the model).
    """
    if not any(head in text for head in EVENT_NAME_HEADS) and " of " not in text:
        return
    for m in _HEAD_NAME.finditer(text):
        words = _name_words(m.group(1).split(), place)
        if not words:
            continue
        if m.group(2) in ("Games", "Wars") and not any(
            w in _GAMES_WORDS or place(w) for w in words
        ):
            continue
        name = " ".join([*words, m.group(2)])
        start = m.start(2) - len(name) + len(m.group(2))
        end = m.end(2)
        if m.group(3) and known(f"{name} of {m.group(3)}"):
            end = m.end()
        if not _skip(text, start, end):
            yield MilitaryName(start, end, "EVENT", text[start:end], text[start:end])
    for m in _OF_NAME.finditer(text) if " of " in text else ():
        words = _name_words(m.group(1).split(), place)
        if words is None:
            continue
        # "Summit of the Americas in April": a month or weekday ends the name
        tail = m.group()[m.end(2) - m.start() :].split(" ")
        cut = next((i for i, w in enumerate(tail) if w in _OPENERS), len(tail))
        start = m.start(2) - len(" ".join(words)) - (1 if words else 0)
        end = m.end(2) + len(" ".join(tail[:cut]))
        if cut > 2 and not _skip(text, start, end):
            yield MilitaryName(start, end, "EVENT", text[start:end], text[start:end])
    for pat in (_BARE_DATED, _OPENED):
        for m in pat.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()].split()
            if (
                pat is _BARE_DATED
                and before
                and before[-1][:1].isupper()
                and before[-1] not in _OPENERS
            ):
                continue  # "Agadir Crisis of 1911": the head's name comes first
            if not _skip(text, m.start(), m.end()):
                yield MilitaryName(m.start(), m.end(), "EVENT", m.group(), m.group())


def _name_words(words: list[str], place: Callable[[str], bool]) -> list[str] | None:
    """The words of a name before its head, without an opener or a place's possessive
    before them ("In Korean War", "Russia's War"); None for a description ("the Next
    War") or a possessive inside the name."""
    cut = 0
    for i, w in enumerate(words):
        if w.endswith(_POSSESSIVE):
            if not place(w[:-2]):
                return None
            cut = i + 1
        elif w in _OPENERS:
            cut = i + 1
    words = words[cut:]
    return None if any(w in _DESCRIBING for w in words) else words


def _skip(text: str, start: int, end: int) -> bool:
    """A name that goes on after the head, sits inside a longer name, or stands in a
    Title Case heading or title."""
    if _CONTINUES.match(text, end):
        return True
    inside = _INSIDE.search(text, max(0, start - 40), start)
    if inside is not None and not _sentence_start(text, inside.start()):
        return True
    return _titled(text, start, end)


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a line or a sentence ("Veterans of the Korean War": the
    capitalised word before "of" names nothing)."""
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in '.!?:\n"“(' or before.endswith("\n")
