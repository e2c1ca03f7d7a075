"""Offices fused with names in the statistical model's spans.

The model reads a body, an office and the office-holder's name as one name ("United
Nations Vasily Nebenzya" as ORG, after "Permanent Representative to the"), and an
office alone as a body ("Permanent Representative" as ORG). Guidelines 2: offices are no
entities; the body and the person are two.

* a model span that opens with a body or state the gazetteer knows, goes on with office
  words or none, and ends with a personal name (two to four capitalised words that are
  no ordinary words, titles or body words) is split into the body and the PERSON;
* a model span made only of title words and ending with an office noun
  ("Permanent Representative", "Special Envoy", "Deputy Foreign Minister") is dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.lang.chars import MONTH_NAMES
from relnlp.pipeline import doc_text
from relnlp.pipeline._actor_base import _ORG_HEADS, _ORG_WORDS, Mention
from relnlp.pipeline._archival import glued_note_end
from relnlp.pipeline._titles import TITLE_WORDS

__all__ = ["office_splits"]

# Office nouns that end a title ("Permanent Representative", "High Commissioner").
_OFFICE_NOUNS = frozenset(
    """Representative Envoy Secretary Minister Ambassador Adviser Advisor Commissioner
    Director President Premier Chairman Chairwoman Spokesman Spokesperson Spokeswoman
    Governor Mayor Chancellor Secretary-General Director-General Coordinator""".split()
)
_OFFICE_WORDS = TITLE_WORDS | _OFFICE_NOUNS | {"Permanent", "High", "Senior", "Special"}
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?$|^[A-Z]\.$")


def _personal_name(doc: Doc, a: int, b: int, common: frozenset[str]) -> bool:
    words = [t.text for t in doc[a:b]]
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(w) for w in words)
        and words[0].lower() not in common
        and not any(w in _OFFICE_WORDS or w in _ORG_WORDS or w in _ORG_HEADS for w in words)
    )


def office_splits(
    doc: Doc, cands: list[Mention], gaz: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """Split body + office + name spans of the model; drop its offices alone."""
    out: list[Mention] = []
    for m in cands:
        if m.source != "spacy" or m.label not in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"):
            out.append(m)
            continue
        words = [t.text for t in doc[m.start : m.end]]
        if words[-1] in _OFFICE_NOUNS and all(w in _OFFICE_WORDS for w in words):
            continue  # "Permanent Representative"
        split = None
        for k in range(m.end - 2, m.start, -1):
            hit = gaz.lookup(doc[m.start : k].text)
            if hit is None or hit.label not in ("ORG", "GPE"):
                continue
            j = k
            while j < m.end and doc[j].text in _OFFICE_WORDS:
                j += 1
            if _personal_name(doc, j, m.end, common):
                split = (k, j, hit)
                break
        if split is None:
            out.append(m)
            continue
        k, j, hit = split
        person = gaz.lookup(doc[j : m.end].text)
        out.append(Mention(m.start, k, hit.label, hit.canonical, "gazetteer", 3.0, hit.country))
        out.append(
            Mention(
                j,
                m.end,
                "PERSON",
                person.canonical
                if person is not None and person.label == "PERSON"
                else doc[j : m.end].text,
                "spacy",
                m.priority,
            )
        )
    return out


# Heads of bodies named "<Head> for/of/on <Title Case words>" ("Association for
# Computational Linguistics", "Center for Advanced Study in the Behavioral Sciences").
_BODY_HEADS = frozenset(
    "Association Center Centre Institute Council Committee Commission Foundation Society "
    "Agency Organization Organisation Federation League Academy Bureau Fund Forum Alliance "
    "Coalition Network Movement Front Ministry Department Office Authority Corporation "
    "Secretariat Directorate School University College Endowment Conference Board Court "
    "Municipality".split()
)
_CAPW = r"[A-Z][\w'’-]*"
_BODY = re.compile(
    # (?=[A-Z]): a name starts with a capital, tested before the lookbehind
    rf"(?=[A-Z])(?<![\w'’-])(?:{_CAPW} ){{0,2}}(?:{'|'.join(sorted(_BODY_HEADS))})"
    rf"(?: (?:for|of|on)(?: the)? {_CAPW}(?: (?:and|in the|of the|of|for the|for|on) ?{_CAPW}"
    rf"| {_CAPW})*)+"
)
# A word before the head that may be part of the name ("Boao", "Russian-Chinese").
_LEAD_WORD = re.compile(r"^[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*$")
_TIME_WORDS = frozenset(
    (*MONTH_NAMES, *"Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
)
_EVENT_WORDS = frozenset("Conference Summit Meeting Meetings Session Briefing Dialogue".split())
# Words that open a sentence or a phrase and are no part of a name before the head.
_LEAD_STOP = frozenset(
    """The A An In On At By For From With As Meanwhile But And Of To Its His Her Their Our
    This That These Those Under Since During After Before While When If""".split()
)


def body_names(doc: Doc) -> list[Mention]:
    """Bodies named with a head and "for", "of" or "on" that the model may miss ("the
    Association for Computational Linguistics"), ORG, below the gazetteer and acronyms."""
    text = doc_text(doc)
    out: list[Mention] = []
    for m in _BODY.finditer(text):
        # (char offset, words) pieces to read: two bodies joined by "and" are two
        # ("China Institute of ... and China Foundation for ...").
        pieces = [(m.start(), m.group().split(" "))]
        while pieces:
            at, words = pieces.pop()
            k, end, rest = _body_words(words)
            if rest < len(words):
                pieces.append((at + len(" ".join(words[:rest])) + 1, words[rest:]))
            if end <= k:
                continue
            start = at + len(" ".join(words[:k])) + (1 if k else 0)
            name = " ".join(words[k:end])
            span = doc.char_span(start, start + len(name), alignment_mode="contract")
            if span is None or len(span) < 3 or span.text != name:
                continue
            end_tok = glued_note_end(doc, span.start, span.end)
            if end_tok < span.end:  # "Department of StateSource: ...": a glued note
                span = doc[span.start : end_tok]
                if len(span) < 3:
                    continue
            # Below the model's span of the same extent (its organ logic resolves a
            # possessive state: "Beijing's Ministry of National Defense"), above its
            # shorter pieces.
            out.append(Mention(span.start, span.end, "ORG", span.text, "pattern", 1.9))
    return out


def _body_words(words: list[str]) -> tuple[int, int, int]:
    """(first, end) of the name among the words of one match (end <= first: none), and
    where the words of another body joined by "and" start (len(words): none)."""
    k = 0
    # A possessive before the head owns the body ("Berkeley's Department of ...").
    poss = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
    if poss and poss[0] < len(words) - 1 and words[poss[0] + 1] in _BODY_HEADS:
        k = poss[0] + 1
    while k < len(words) and (words[k] in _LEAD_STOP or not _LEAD_WORD.match(words[k])):
        if words[k] in _BODY_HEADS:
            break
        k += 1  # "China-sponsored Boao Forum for Asia": the lead is no name
    head = next((i for i in range(k, len(words)) if words[i] in _BODY_HEADS), None)
    if head is None:
        return 0, 0, len(words)
    end, rest = len(words), len(words)
    for i in range(head + 1, len(words)):
        if words[i] == "and" and any(w in _BODY_HEADS for w in words[i + 1 :]):
            end, rest = i, i + 1
            break
        if words[i] in _TIME_WORDS:
            end = rest = i  # "... of Cassation on July 8": a date follows the name
            break
    # A name running on into another head word is left to the model ("Ministry of
    # National Defense Regular Press Conference").
    if any(
        (words[i] in _BODY_HEADS or words[i] in _EVENT_WORDS)
        and words[i - 1] not in ("for", "of", "on", "the")
        for i in range(head + 1, end)
    ):
        return 0, 0, rest
    while end > k and words[end - 1] in ("and", "of", "for", "on", "the", "in"):
        end -= 1
    return k, end, rest
