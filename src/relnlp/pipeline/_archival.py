"""The apparatus of archival diplomatic documents (helpers of ``relnlp_actors``).

Documentary editions of diplomatic records (the *Foreign Relations of the United States*
series, national archives' cable collections) give each document a heading, a source note,
a classification and handling line and footnotes. The statistical model reads their Title
Case words as names ("Top Secret" as a person, "Central Files" as a place). Here:

* :data:`ARCHIVAL_WORDS`: classification and handling markings, message forms and
  archival series words that name no actor when they are the whole span;
* :func:`is_cross_reference`: a numbered cross-reference ("Document 51", "Part 1");
* :func:`glued_note_end`: where a span runs on into a footnote glued to the word before it
  ("Department of StateSource: ...", "HabanaNot printed"), which the tokenizer splits
  (:mod:`relnlp.lang.tokenizer`), the name ends;
* :func:`instruction_verb`: an instruction opening a sentence of a cable ("Tell Chiang
  that ...", "Inform Nasser ...") is no part of the name after it;
* :func:`find_embassies`: embassies as diplomatic records name them, "Embassy in Jordan"
  (the records' own state's embassy, in the capital) and "Polish Embassy" (that state's
  embassy in the records' capital), with the canonical form "Embassy of <state>, <city>";
* :func:`collection_head`: a person's papers or files named by the person ("Herter
  Papers", "Whitman File"): the name is the person, the collection head is no part of it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Token

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline._canonical import _WITH_ARTICLE
from relnlp.pipeline._military import MilitaryName
from relnlp.pipeline._titles import RANK_TITLES, TITLE_WORDS

__all__ = [
    "ARCHIVAL_WORDS",
    "archival_span",
    "collection_head",
    "find_embassies",
    "glued_note_end",
    "HYPHENS",
    "hyphenated_end",
    "instruction_verb",
    "is_cross_reference",
    "non_name",
    "rank_and_surname",
]

#: Security classifications, handling caveats and precedence indicators of cables (US,
#: British and NATO usage), message forms, and archival series words.
ARCHIVAL_WORDS = frozenset(
    {
        "Top Secret",
        "Secret",
        "Confidential",
        "Restricted",
        "Unclassified",
        "Official Use Only",
        "Limited Official Use",
        "Noforn",
        "NOFORN",
        "Niact",
        "NIACT",
        "Eyes Only",
        "Limdis",
        "LIMDIS",
        "Nodis",
        "NODIS",
        "Exdis",
        "EXDIS",
        "Limited Distribution",
        "Operational Immediate",
        "Flash",
        "Priority",
        "Routine",
        "Telegram",
        "Airgram",
        "Despatch",
        "Circular Telegram",
        "Central Files",
        "Central File",
        "International File",
        "Ibid",
        "Ibid.",
        "DTG",
        "NOTAL",
        "Notal",
        "Embtel",
        "Deptel",
        "Deptels",
        "Embtels",
        "Reftel",
        "Reftels",
        "See",
        "Not",
        "Source",
        "Repeated",
        "Drafted",
        "Printed",
        "Received",
        "Transmitted",
        "Foreign Relations",
        "Phase",
        "Phases",
        "UNSYG",
        "SYG",
        "BLT",
        "BLTs",
        "RCT",
    }
)
_CROSS_REFERENCE = re.compile(
    r"(?:Document|Documents|Part|Tab|Annex|Enclosure|Phase) (?:\d+[A-Z]?|[IVX]+)"
)
# The openers of a footnote of the series, as the tokenizer splits them from a glued word.
_NOTE_OPENERS = frozenset(
    "See Source Not Printed Drafted Repeated Sent Received Transmitted Approved".split()
)
#: Heads of a person's archival collection ("Dulles Papers", "Whitman File").
COLLECTION_HEADS = frozenset({"Papers", "File", "Files", "Diaries", "Diary", "Records"})


def is_cross_reference(text: str) -> bool:
    """True for a numbered cross-reference to a document or part of an edition.

    Examples
    --------
    >>> is_cross_reference("Document 51"), is_cross_reference("Resolution 242")
    (True, False)
    """
    return _CROSS_REFERENCE.fullmatch(" ".join(text.split())) is not None


_MESSAGE_NUMBER = re.compile(r"\d{5,}|\d{6}Z")
_ARTICLE_REF = frozenset({"Article", "Articles", "Section", "Paragraph", "Chapter"})


def archival_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Token span [s, e) without the apparatus around a name: a glued footnote
    (:func:`glued_note_end`), a message number or date-time group after it ("JCS 947046",
    "CINCPAC 282358Z") and an article reference before a treaty ("Article V of the Mutual
    Defense Treaty" -> the treaty)."""
    e = glued_note_end(doc, s, e)
    while e - s > 1 and _MESSAGE_NUMBER.fullmatch(doc[e - 1].text):
        e -= 1
    if e - s > 3 and doc[s].text in _ARTICLE_REF and doc[s + 2].text == "of":
        k = s + 3 + (doc[s + 3].lower_ == "the")
        if k < e and doc[k].text[:1].isupper():
            s = k
    return s, e


def glued_note_end(doc: Doc, s: int, e: int) -> int:
    """The end of token span [s, e) before a footnote opener glued to the word before it.

    A footnote opener ("See", "Source", "Not") directly after a letter, period or closing
    parenthesis with no space between them opens a note of the edition; a name never runs
    on into it. Returns ``e`` when the span holds no such opener.
    """
    for i in range(s + 1, e):
        prev = doc[i - 1]
        if (
            doc[i].text in _NOTE_OPENERS
            and not prev.whitespace_
            and (prev.text[-1:].islower() or prev.text[-1:] in {".", ")"})
        ):
            return i
    return e


def collection_head(doc: Doc, s: int, e: int) -> bool:
    """True when token span [s, e) is a name followed by a collection head ("Herter
    Papers"): the head should be dropped and the rest read as the name."""
    return (
        e - s > 1
        and doc[e - 1].text in COLLECTION_HEADS
        and doc[s].text[:1].isupper()
        and doc[s:e].text not in ARCHIVAL_WORDS
    )


def non_name(text: str, other: Collection[str] = ()) -> bool:
    """True for a model span that names no actor: an archival word, a cross-reference, or
    one of ``other`` (the tagger's own list of non-name words)."""
    return text in ARCHIVAL_WORDS or text in other or is_cross_reference(text)


# Verbs that open an instruction in a cable or memorandum, before the person addressed.
_INSTRUCTION_VERBS = frozenset(
    "Tell Inform Advise Assure Ask Urge Remind Instruct Notify Warn Request Invite "
    "Thank Brief Approach Convey".split()
)


HYPHENS = frozenset({"-", "‐", "‑"})


def instruction_verb(tok: Token) -> bool:
    """True for an instruction verb opening a sentence ("Tell Chiang that ...")."""
    return bool(tok.is_sent_start) and tok.text in _INSTRUCTION_VERBS


def rank_and_surname(doc: Doc, s: int, e: int) -> bool:
    """True when token span [s, e) is a rank, office or courtesy title and one surname
    ("Admiral Smoot", "Ambassador Jones", "Dr. Velasquez-Orue"): a person, whatever label
    the model gave (``RANK_TITLES``; "General" is left out: "General Assembly"). A
    hyphenated surname is one surname."""
    if s + 1 >= e or doc[s].text not in RANK_TITLES or e != hyphenated_end(doc, s + 1, e):
        return False
    return (
        all(
            t.is_alpha and t.text.istitle() and t.text not in TITLE_WORDS
            for t in doc[s + 1 : e]
            if t.text not in HYPHENS
        )
        and not doc[s + 1].is_sent_start
    )


def hyphenated_end(doc: Doc, i: int, limit: int) -> int:
    """The end of the name word at token ``i`` with the capitalised parts that hyphens
    without spaces join to it ("Velasquez-Orue", "Lund-Hansen"), up to token ``limit``."""
    e = i + 1
    while (
        e + 1 < limit
        and doc[e].text in HYPHENS
        and not doc[e - 1].whitespace_
        and not doc[e].whitespace_
        and doc[e + 1].text[:1].isupper()
        and doc[e + 1].is_alpha
    ):
        e += 2
    return e


#: The state whose diplomatic records these conventions follow (the *Foreign Relations* series
#: and US cables): its embassies are "the Embassy in X"; foreign ones are in its capital.
HOME_STATE, HOME_CAPITAL = "United States", "Washington, D.C."
_NAME = r"[A-Z][\w'’-]*"
_EMBASSY = re.compile(
    rf"(?<![\w-])(?:(?P<adj>[A-Z][a-z]+) )?Embassy(?: (?:in|at) (?P<place>(?:the )?{_NAME}"
    rf"(?: (?:of )?{_NAME}){{0,3}}))?"
)


def _of(state: str) -> str:
    return f"the {state}" if state.startswith(_WITH_ARTICLE) else state


def find_embassies(text: str, gaz: Gazetteer) -> Iterator[MilitaryName]:
    """Embassies named by place ("Embassy in Lebanon") or by state ("British Embassy").

    The owner is the state of a nationality adjective before "Embassy", else
    :data:`HOME_STATE`; the city is the place after "in" (a state's capital), else
    :data:`HOME_CAPITAL` for a foreign embassy. Nothing is found for "Embassy" alone or
    for a place or adjective the gazetteer does not know.
    """
    if "Embassy" not in text:  # in every match: no scan without it
        return
    capital_of = {state: city for city, state in gaz.capitals.items()}
    for m in _EMBASSY.finditer(text):
        adj, place = m.group("adj"), m.group("place")
        owner = gaz.demonym_country.get(adj) if adj else None
        start = m.start() if owner else m.start() + (len(adj) + 1 if adj else 0)
        owner = owner or HOME_STATE
        if place is None:
            if owner == HOME_STATE:
                continue  # "the Embassy", "American Embassy": no place named
            yield MilitaryName(
                start, m.end(), "ORG", f"Embassy of {_of(owner)}, {HOME_CAPITAL}", ""
            )
            continue
        words = place.split(" ")
        while words:
            hit = gaz.lookup(" ".join(words).removeprefix("the "))
            if hit is not None and hit.label == "GPE":
                break
            words.pop()
        if not words or hit is None:
            continue
        city = (
            capital_of.get(hit.canonical, hit.canonical) if hit.kind == "state" else hit.canonical
        )
        end = m.start("place") + len(" ".join(words))
        yield MilitaryName(start, end, "ORG", f"Embassy of {_of(owner)}, {city}", "")
