"""The ``relnlp_actors`` component: who is named, as whom, in which role.

Layers domain knowledge on the statistical NER (see ``corpora/GUIDELINES.md`` for the span
conventions it follows):

1. candidates from three sources: the gazetteer (states, regions, organisations,
   initiatives, events, people; :mod:`relnlp.gazetteer`), acronym definitions found in the
   report and every later mention of their short forms (:mod:`relnlp.acronyms`,
   Schwartz & Hearst 2003), and spaCy's entities after general corrections (no leading
   article, possessive, title or office; no span of markup or digits);
2. overlaps resolved longest-first, with hyphenated or slashed compounds of known names
   split ("China-Russia" is two GPEs) and a possessive state split from an organ ("China's
   Ministry of National Defense");
3. canonical names: the gazetteer's, an acronym's long form, the full name a surname or a
   transliteration variant refers to ("Shoygu" -> "Sergei Shoigu"), and the actor of a
   native-script name in parentheses ("Li Zhanshu (栗战书)");
4. roles and affiliations read off the title before a person's name ("Russian Deputy
   Foreign Minister Igor Morgulov") or an apposition after it ("Li Zhanshu, director of ...").

Results: ``doc.ents`` (name labels replaced, other labels kept where they do not overlap),
``doc.spans["rel_entities"]`` with ``span._.rel_canonical``/``rel_role``/``rel_affiliation``,
and :class:`relnlp.records.Entity` records (:func:`relnlp.records.entities`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from relnlp import extensions, records
from relnlp.acronyms import find_acronyms, find_mentions
from relnlp.gazetteer import Gazetteer, quote_variants
from relnlp.lang.translit import name_key
from relnlp.pipeline import doc_text
from relnlp.pipeline._military import (
    NOT_EVENT_WORDS,
    find_corridors,
    find_designators,
    find_exercises,
)
from relnlp.schemas import ENTITY_LABELS

__all__ = ["ActorTagger", "Mention"]

# Titles and office words that precede a name and are not part of it.
TITLE_WORDS = frozenset(
    """President Vice Premier Prime Minister Ministers Foreign Deputy First Secretary
    General Gen. Lt. Col. Maj. Capt. Adm. Brig. Sgt. Cmdr. Dr. Mr. Mrs. Ms. Prof. Sir Lord
    Chairman Chairwoman Chair Chancellor King Queen Prince Crown Emperor Empress Sheikh Emir
    Sultan Ambassador Envoy Special Representative Governor Mayor Senator Rep. Sen. Gov.
    Director Chief Head Commander Admiral Marshal Colonel Major Captain Lieutenant Defense
    Defence Finance Economy Trade Commerce Interior Justice Security State Councilor
    Councillor Assistant Executive Party Spokesman Spokeswoman Spokesperson Justice Speaker
    Supreme Leader Acting Former former late then Then Secretary-General Vice-Premier
    Vice-President Deputy-Chief Staff Public Affairs External Home Energy Ambassador-at-Large
    Administrator Navy Army Air Force Defense-Minister Premier-designate""".split()
)
# Office heads that open an apposition describing a person ("Li, director of ...").
_APPOSITION = re.compile(
    r"^,\s+((?:the\s+)?(?:(?:first|deputy|vice|acting|former|executive|assistant)\s+)*"
    r"(?:director|chief|head|minister|secretary|chairman|chairwoman|chair|president|"
    r"governor|member|spokesperson|spokesman|ambassador|administrator|commander|envoy|"
    r"premier|advisor|adviser|general|representative|leader|speaker|councilor)\b[^,;.()]*)",
    re.IGNORECASE,
)
# Family name first: common Chinese and Korean surnames (romanised), general knowledge.
_SURNAME_FIRST = frozenset(
    """Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo
    Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu
    Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan
    Liao Zou Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan Qian
    Yin Yi Chang Qi Xi Bo Zhai Wen Lou Mei Kim Park Lee Choi Jung Kang Cho Yoon Jang Lim
    Moon Ban Roh Chun Yoo Shin Kwon Hwang Ahn Song Hong Jeon Ko""".split()
)
_NATIVE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff]"
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff\s·.-]*"
)
_LEADING_DROP = frozenset({"the", "The", "a", "A", "an", "An", "THE"})
# Lower-case affixes joined to a name by a hyphen are not part of it ("pro-Russian").
_AFFIXES = frozenset({"pro", "anti", "post", "pre", "non", "ex", "mid"})
# Function words never end a name ("Chinese Government on", "Border Conflict between").
_TRAILING_FUNCTION = frozenset({"of", "the", "on", "between", "and", "in", "for", "to", "with", "at", "by", "a", "an"})
# Headline verbs that the statistical model swallows into names in Title Case citations
# ("Wang Yi Talks about ...", "Xi Jinping Speaks with ...").
_HEADLINE_VERBS = frozenset(
    """Talks Speaks Says Sends Meets Calls Visits Urges Warns Holds Signs Stresses Vows
    Tells Asks Meet Talk Speak Say Send""".split()
)
# Type words that make a name a place: "Wu Ji County", "Hebei Province".
_PLACE_HEADS = frozenset(
    """County Province Prefecture Oblast Krai District Region City Municipality Township
    Village Governorate Canton Raion Okrug""".split()
)
_CJK_PLACE_SUFFIX = ("县", "省", "市", "州", "区", "镇", "村", "郡")
_CJK_ORG_SUFFIX = ("部", "委员会", "局", "院", "党", "社", "办公厅", "政府")
# Offices that separate a nationality from a person in one statistical span
# ("Kazakh President Kassym-Jomart Tokayev").
_OFFICE_SPLIT = frozenset({"President", "Minister", "Premier", "Chairman", "Ambassador", "Chancellor"})
_ORG_WORDS = frozenset(
    """Ministry Office Committee Commission Council Department Agency Bureau Service
    Administration Bank Organization Organisation Party Army Navy Forces Union Fund
    Institute University Group Association Court Assembly Parliament""".split()
)
# Heads of named transport infrastructure, FAC in the guidelines ("Middle Corridor").
_FAC_HEADS = frozenset(
    """Corridor Railway Railroad Highway Motorway Pipeline Port Bridge Canal Tunnel Route
    Crossing Station Airport Seaport Terminal Dam""".split()
)
# Words that may stand beside an author's name on a byline.
_BYLINE_WORDS = frozenset("by and dr prof professor phd mr ms mrs author authors editor".split())
# Lower-case generic heads after a place name ("Herat province", "Chabahar port").
_GENERIC_PLACE_HEADS = frozenset("province port city district county region oblast village town".split())
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Heads of named gatherings (EVENT in the guidelines: summits, conferences, forums).
_EVENT_HEADS = frozenset("Summit Conference Forum Olympics Games Expo Dialogue Symposium Talks".split())
# Lower-case heads after "A-B" that make A and B the places a link joins.
_LINK_HEADS = frozenset("railway railroad rail road highway pipeline corridor route line link border crossing".split())
# Priority of patterns and weapon names over statistical spans (see _select).
MILITARY_PRIORITY = 4.0
_TRAILING_DROP = frozenset({"'s", "’s", "'", "’", ",", ".", ":", ";", "-", "–", '"', "”", "“"})


@dataclass(frozen=True)
class Mention:
    """A resolved entity mention (token span plus its resolution)."""

    start: int  # token
    end: int
    label: str
    canonical: str
    source: str
    priority: float
    country: str | None = None
    role: str | None = None
    affiliation: str | None = None


def _has_letters(span: Span) -> bool:
    return any(c.isalpha() for c in span.text)


class ActorTagger:
    """Domain-aware entity recognition and name resolution (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "relnlp_actors", *, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        extensions.install()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = [v for s in gazetteer.surfaces if s not in gazetteer.ambiguous
                    for v in quote_variants(s)]  # fmt: skip
        patterns = [nlp.make_doc(sf) for sf in surfaces]
        for i in range(0, len(patterns), 1000):
            self.matcher.add("GAZ", patterns[i : i + 1000])

    # -- candidates --------------------------------------------------------------------
    def _gazetteer(self, doc: Doc) -> list[Mention]:
        out = []
        for _id, s, e in self.matcher(doc):
            surface = doc[s:e].text
            hit = self.gazetteer.lookup(surface)
            if hit is None:
                continue
            # A one-word match at a sentence start that is also an ordinary word ("Chad",
            # "Turkey") is left to the statistical model.
            s, e = _trim(doc, s, e)
            if s >= e:
                continue
            n = e - s
            prio = 3.0 + 0.1 * n if n > 1 else 2.5
            if hit.label == "EVENT" and any(t.is_lower and t.is_alpha and t.text not in _TRAILING_FUNCTION
                                            for t in doc[s:e]):  # fmt: skip
                # "war in Ukraine", "annexation of Crimea": descriptive, not a proper name
                # (guidelines, decision on descriptive events); the names inside are tagged.
                continue
            if hit.label == "PRODUCT":
                # A weapon's name is never part of a longer statistical name ("Russian
                # Kilo" is NORP + PRODUCT), so it wins over overlapping model spans.
                prio = MILITARY_PRIORITY
            out.append(Mention(s, e, hit.label, hit.canonical, "gazetteer", prio, hit.country))
        return out

    def _acronyms(self, doc: Doc, gaz_spans: dict[tuple[int, int], Mention]) -> list[Mention]:
        out = []
        text = doc_text(doc)
        defs: dict[str, tuple[str, str]] = {}
        for a in find_acronyms(text):
            long_span = doc.char_span(a.long_start, a.long_end, alignment_mode="contract")
            if long_span is None or not a.long[:1].isupper():
                continue  # "research and development (R&D)" is no name
            words = [w for w in re.split(r"[\s\-/]+", a.long) if w]
            caps = sum(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "for", "the", "on", "in"))
            if caps < max(1, len([w for w in words if w.lower() not in ("of", "and", "for", "the", "on", "in")]) - 1):
                continue
            known = self.gazetteer.lookup(a.long) or self.gazetteer.lookup(a.short)
            label = known.label if known else "ORG"
            canonical = known.canonical if known else a.long
            country = known.country if known else None
            # The long form may be a fused adjective list ("Russian-India-China"): keep it ORG.
            out.append(Mention(long_span.start, long_span.end, label, canonical, "acronym", 4.0, country))
            defs.setdefault(a.short, (label, canonical))
        for short, (label, canonical) in defs.items():
            for s, e in find_mentions(text, short):
                span = doc.char_span(s, e, alignment_mode="contract")
                if span is not None and len(span):
                    out.append(Mention(span.start, span.end, label, canonical, "acronym", 4.0))
        return out

    def _military(self, doc: Doc) -> list[Mention]:
        """Weapon designators (PRODUCT) and named exercises and operations (EVENT)."""
        text = doc_text(doc)
        sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
        starts = np.array([a for a, _b in sents], dtype=np.int64)

        def sentence_of(pos: int) -> tuple[int, int] | None:
            k = int(np.searchsorted(starts, pos, side="right")) - 1
            return sents[k] if 0 <= k < len(sents) else None

        out = []
        for found in find_designators(text):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None:
                continue
            hit = self.gazetteer.lookup(span.text) or self.gazetteer.lookup(found.base)
            canonical = hit.canonical if hit is not None and hit.label == "PRODUCT" else found.canonical
            country = hit.country if hit is not None else None
            out.append(Mention(span.start, span.end, "PRODUCT", canonical, "pattern", MILITARY_PRIORITY, country))
        for found in find_corridors(text):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None:
                continue
            hit = self.gazetteer.lookup(span.text)
            canonical = hit.canonical if hit is not None else found.canonical
            out.append(Mention(span.start, span.end, "FAC", canonical, "pattern", MILITARY_PRIORITY))
        for found in find_exercises(text, sentence_of):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(Mention(span.start, span.end, "EVENT", found.canonical, "pattern", MILITARY_PRIORITY))
        return out

    def _ner(self, doc: Doc) -> list[Mention]:
        out = []
        for ent in doc.ents:
            # The statistical PRODUCT label covers consumer goods and titles; weapons and
            # systems come from the gazetteer and the designator patterns instead.
            if ent.label_ not in ENTITY_LABELS or ent.label_ == "PRODUCT":
                continue
            s, e = _trim(doc, ent.start, ent.end)
            label = ent.label_
            while e > s and doc[e - 1].text in _HEADLINE_VERBS:
                e -= 1
                s, e = _trim(doc, s, e)
            if s < e and doc[s].text in _HEADLINE_VERBS:
                continue  # "Meets with ...", a headline verb alone: no name
            if label == "PERSON":
                while s < e - 1 and doc[s].text in TITLE_WORDS:
                    s += 1
            if s >= e:
                continue
            span = doc[s:e]
            if not _has_letters(span) or span.text.islower():
                continue
            if all(t.text in TITLE_WORDS for t in span):
                continue
            # "Logar province", "Chabahar port": a lower-case generic head is no part of
            # the name (guidelines, decisions on the development reports).
            if e - s > 1 and doc[e - 1].lower_ in _GENERIC_PLACE_HEADS and doc[e - 1].is_lower:
                e -= 1
                span = doc[s:e]
                if label in {"PERSON", "ORG", "FAC", "LOC"}:
                    label = "GPE"
            # "Baku-Tbilisi pipeline" as one span: the lower-case head goes, and the link's
            # places are split off in _split_compounds.
            if e - s > 3 and doc[e - 1].is_lower and doc[e - 1].lower_ in _LINK_HEADS and any(
                t.text in ("-", "–") for t in doc[s : e - 1]
            ):
                e -= 1
                span = doc[s:e]
            # "3rd Astrakhan International Forum": the ordinal numbers the event, not its name.
            if e - s > 1 and _ORDINAL.match(doc[s].text) and label in {"ORG", "EVENT", "FAC"}:
                s += 1
                span = doc[s:e]
            if label in {"PERSON", "ORG"} and span[-1].text in _PLACE_HEADS:
                label = "GPE"
            if label in {"ORG", "FAC", "GPE", "LOC"} and e - s > 1 and span[-1].text in _EVENT_HEADS:
                label = "EVENT"
            # A name that ends in a year is an event or exercise ("Naval Drill-2015"), never
            # a person or a body; plans named by a year ("Vision 2030") are left alone.
            if (label in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and e - s > 1 and _YEAR.match(span[-1].text)
                    and span[0].text[:1].isupper() and span[0].text not in NOT_EVENT_WORDS):  # fmt: skip
                label = "EVENT"
            if label == "PERSON" and e - s > 1 and span[-1].text in _ORG_WORDS:
                label = "ORG"  # "Gamma Group": a person's name has no organisation head
            if label in {"PERSON", "ORG", "GPE", "LOC", "LAW"} and span[-1].text in _FAC_HEADS and len(span) > 1:
                label = "FAC"  # named corridors, railways, ports and crossings (guidelines 8)
            split = _office_split(doc, s, e) if label in {"ORG", "GPE", "NORP"} else None
            if split is not None:
                head_end, person_start = split
                if head_end > s:
                    head = doc[s:head_end].text
                    hit = self.gazetteer.lookup(head)
                    out.append(Mention(s, head_end, hit.label if hit else "NORP",
                                       hit.canonical if hit else head, "spacy", 2.0))  # fmt: skip
                out.append(Mention(person_start, e, "PERSON", doc[person_start:e].text, "spacy",
                                   2.0 + 0.01 * (e - person_start)))  # fmt: skip
                continue
            canonical, country = span.text, None
            if span.text.isupper() and len(span.text) > 4:
                # A dateline or headline in capitals ("WASHINGTON, Oct. 3"): the name
                # in ordinary case may be known.
                hit = self.gazetteer.lookup(span.text.title())
                if hit is not None:
                    label, canonical, country = hit.label, hit.canonical, hit.country
            out.append(Mention(s, e, label, canonical, "spacy", 2.0 + 0.01 * (e - s), country))
        return out

    # -- resolution ----------------------------------------------------------------------
    def _split_compounds(self, doc: Doc, cands: list[Mention], known: dict[tuple[int, int], Mention]) -> list[Mention]:
        """Replace a statistical span made of known names joined by - or / by the names."""
        out = []
        for c in cands:
            if c.source != "spacy":
                out.append(c)
                continue
            toks = doc[c.start : c.end]
            parts = _hyphen_parts(doc, c.start, c.end)
            if len(parts) > 1 and all(p in known for p in parts):
                out.extend(known[p] for p in parts)
                continue
            # "Khaf-Herat railway", "Baku-Tbilisi pipeline": a link between two places.
            if (len(parts) > 1 and c.end < len(doc) and doc[c.end].lower_ in _LINK_HEADS
                    and all(b - a == 1 and doc[a].text[:1].isupper() for a, b in parts)
                    and not any(doc[a].text in self.gazetteer.combining
                                or (p in known and known[p].label == "NORP")
                                for p in parts for a in (p[0],))):  # fmt: skip
                out.extend(known.get(p) or Mention(p[0], p[1], "GPE", doc[p[0]].text, "spacy", c.priority)
                           for p in parts)  # fmt: skip
                continue
            # "China's Ministry of National Defense": a state before a possessive is its own.
            poss = next((t.i for t in toks if t.text in ("'s", "’s") and t.i > c.start), None)
            if poss is not None and (c.start, poss) in known and poss + 1 < c.end:
                out.append(known[(c.start, poss)])
                out.append(replace(c, start=poss + 1, canonical=doc[poss + 1 : c.end].text))
                continue
            out.append(c)
        return out

    def _people(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """Give persons their full canonical name; find surname-only mentions."""
        registry: dict[str, str] = {}  # name key of surname -> canonical
        given: dict[str, set[str]] = {}  # name key of a given name -> full names
        full_forms: list[str] = []
        out: list[Mention] = []
        first_full: dict[str, int] = {}
        for m in chosen:
            if m.label != "PERSON":
                continue
            toks = [t.text for t in doc[m.start : m.end] if not t.is_punct]
            if len(toks) >= 2 and all(t[:1].isupper() for t in toks if t.isalpha()):
                person = self.gazetteer.people_by_key.get(name_key(" ".join(toks)))
                canonical = person.canonical if person else " ".join(doc[m.start : m.end].text.split())
                surname = toks[0] if (len(toks) == 2 and toks[0] in _SURNAME_FIRST) else toks[-1]
                key = name_key(surname)
                registry.setdefault(key, canonical)
                full_forms.append(canonical)
                first = toks[-1] if surname == toks[0] else toks[0]
                if len(first) >= 3 and first.isalpha():
                    given.setdefault(name_key(first), set()).add(canonical)
                first_full.setdefault(key, m.start)
        # The fullest form the report gives is the canonical name of a person the
        # gazetteer does not know ("Evan Smith" and "Evan A. Smith" -> "Evan A. Smith").
        fullest: dict[tuple[str, str], str] = {}
        for canonical in full_forms:
            words = canonical.split()
            if len(words) >= 2 and self.gazetteer.people_by_key.get(name_key(canonical)) is None:
                k2 = (name_key(words[0]), name_key(words[-1]))
                if len(canonical) > len(fullest.get(k2, "")):
                    fullest[k2] = canonical
        for m in chosen:
            if m.label == "PERSON" and m.end - m.start >= 2:
                toks = [t.text for t in doc[m.start : m.end] if not t.is_punct or t.text == "."]
                k2 = (name_key(toks[0]), name_key(toks[-1]))
                if k2 in fullest:
                    registry[name_key(toks[-1])] = fullest[k2]
        for m in chosen:
            # "the Li-Ivanov talks": two people the report names in full elsewhere.
            if m.source == "spacy":
                parts = _hyphen_parts(doc, m.start, m.end)
                if len(parts) > 1 and all(name_key(doc[a:b].text) in registry for a, b in parts):
                    for a, b in parts:
                        out.append(replace(m, start=a, end=b, canonical=registry[name_key(doc[a:b].text)]))
                    continue
            if m.label == "PERSON" or (m.source == "spacy" and m.end - m.start == 1):
                text = doc[m.start : m.end].text
                toks = text.split()
                if len(toks) == 1:
                    key = name_key(text)
                    if key in registry and (m.label == "PERSON" or m.source == "spacy"):
                        out.append(replace(m, label="PERSON", canonical=registry[key]))
                        continue
                    # A lone given name is the person only when the report names exactly
                    # one person with it in full ("Evan" after "Evan Smith").
                    full = given.get(key, set())
                    if m.source == "spacy" and len(full) == 1 and self.gazetteer.lookup(text) is None:
                        w = next(iter(full)).split()
                        name = fullest.get((name_key(w[0]), name_key(w[-1])), " ".join(w))
                        out.append(replace(m, label="PERSON", canonical=name))
                        continue
                    person = self.gazetteer.person_by_surname(text) if len(text) >= 2 else None
                    # A surname the gazetteer knows for one person, mislabelled by the model
                    # ("Medvedev" as GPE), unless the word is also a known place or body.
                    if person is not None and (
                        m.label == "PERSON" or (m.source == "spacy" and self.gazetteer.lookup(text) is None)
                    ):
                        out.append(replace(m, label="PERSON", canonical=person.canonical))
                        continue
                elif m.label == "PERSON":
                    person = self.gazetteer.people_by_key.get(name_key(text))
                    if person is not None:
                        out.append(replace(m, canonical=person.canonical))
                        continue
                    own = " ".join(toks)
                    k2 = (name_key(toks[0]), name_key(toks[-1]))
                    out.append(replace(m, canonical=fullest.get(k2, own)))
                    continue
            out.append(m)
        # Surname-only mentions the model missed ("the Li-Ivanov talks").
        if not registry:
            return out
        taken = {i for m in out for i in range(m.start, m.end)}
        for i in _tokens_where(doc, lambda w: w.isalpha() and w[:1].isupper() and len(w) >= 2
                               and name_key(w) in registry):  # fmt: skip
            if i not in taken:
                out.append(Mention(i, i + 1, "PERSON", registry[name_key(doc[i].text)],
                                   "registry", 1.5))  # fmt: skip
        return out

    def _native(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """A native-script name in parentheses after a name is an alias of that actor."""
        out = list(chosen)
        by_end = {m.end: m for m in chosen}
        text = doc_text(doc)
        for i in _tokens_where(doc, lambda w: w == "("):
            tok = doc[i]
            prev = by_end.get(tok.i)
            j = tok.i + 1
            # Skip "SHORT, " inside the parenthesis: "(SSC, 国家安全委员会)".
            inner_prev = next((m for m in chosen if m.start == j), None)
            if inner_prev is not None:
                j = inner_prev.end
                if j < len(doc) and doc[j].text == ",":
                    j += 1
            owner = inner_prev or prev
            if owner is None or j >= len(doc):
                continue
            m = _NATIVE.match(text, doc[j].idx)
            if not m:
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or not len(span):
                continue
            out.append(Mention(span.start, span.end, owner.label, owner.canonical, "native", 5.0, owner.country))
        return out

    def _roles(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        ends = {m.end: m for m in chosen}
        full = doc_text(doc)
        out = []
        for m in chosen:
            if m.label != "PERSON":
                out.append(m)
                continue
            i = m.start
            words: list[str] = []
            affiliation = None
            # The run of title words right before the name ("Deputy Foreign Minister").
            while i > 0 and doc[i - 1].text in TITLE_WORDS and i not in ends:
                words.insert(0, doc[i - 1].text)
                i -= 1
            if words:
                prev = ends.get(i)
                if prev is None and i >= 2 and doc[i - 1].text in ("'s", "’s"):
                    prev = ends.get(i - 1)
                if prev is not None and prev.label in ("NORP", "GPE", "ORG"):
                    affiliation = prev.canonical
            country = m.country
            if affiliation and country is None:
                hit = self.gazetteer.lookup(affiliation)
                country = self.gazetteer.demonym_country.get(affiliation) or (
                    hit.country if hit is not None else None
                )
            role = " ".join(words) if words else None
            if role is None:
                last = doc[m.end - 1]
                tail = full[last.idx + len(last.text) : last.idx + len(last.text) + 200]
                tail = re.sub(r"^\s*\([^)]*\)", "", tail)
                app = _APPOSITION.match(tail)
                if app:
                    role = re.sub(r"^the\s+", "", app.group(1).strip())
            out.append(replace(m, role=role, affiliation=affiliation, country=country))
        return out

    def __call__(self, doc: Doc) -> Doc:
        gaz = self._gazetteer(doc)
        known = {(m.start, m.end): m for m in gaz}
        cands = (gaz + self._acronyms(doc, known) + self._military(doc)
                 + self._split_compounds(doc, self._ner(doc), known))  # fmt: skip
        chosen = _select(_in_body(doc, cands))
        chosen = _select(self._people(doc, chosen))
        chosen = _select(self._native(doc, chosen))
        chosen = self._roles(doc, chosen)
        chosen.sort(key=lambda m: m.start)

        # doc.ents: our names, plus the model's other labels where they do not overlap.
        taken = {i for m in chosen for i in range(m.start, m.end)}
        others = [e for e in doc.ents if e.label_ not in ENTITY_LABELS
                  and not any(i in taken for i in range(e.start, e.end))]  # fmt: skip
        spans = [Span(doc, m.start, m.end, label=m.label) for m in chosen]
        doc.set_ents(sorted(spans + others, key=lambda s: s.start), default="outside")
        for sp, m in zip(spans, chosen):
            sp._.rel_canonical = m.canonical
            sp._.rel_role = m.role
            sp._.rel_affiliation = m.affiliation
        doc.spans["rel_entities"] = spans
        _drop_dates_inside(doc, [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
                                 for m in chosen if m.label == "EVENT"])  # fmt: skip
        records.set_entities(
            doc, (records.Entity(start=doc[m.start].idx,
                                 end=doc[m.end - 1].idx + len(doc[m.end - 1].text),
                                 label=m.label, canonical=m.canonical, role=m.role,
                                 affiliation=m.affiliation, source=m.source, country=m.country)
                  for m in chosen)
        )  # fmt: skip
        return doc


def _in_body(doc: Doc, cands: list[Mention]) -> list[Mention]:
    """Drop the model's guesses outside the report's passages.

    Headings, captions, bylines, biographies and front matter are Title Case or terse, and
    the statistical model reads them as names ("Conclusion", "Military Aid and Arms Sales"
    as ORG). There, only names relnlp knows (gazetteer, acronym definitions, patterns) and
    the model's full personal names on a byline are kept. Without passage boundaries (a bare spaCy pipeline) nothing is dropped.
    """
    passages = records.passages(doc)
    if not passages:
        return cands
    bounds = sorted((p.start, p.end) for p in passages)
    starts = np.array([a for a, _b in bounds], dtype=np.int64)

    def inside(char: int) -> bool:
        k = int(np.searchsorted(starts, char, side="right")) - 1
        return k >= 0 and bounds[k][0] <= char < bounds[k][1]

    text = doc_text(doc)

    def byline(c: Mention) -> bool:
        # A line that holds nothing but the name ("By Jane Doe", "Jane Doe, PhD"); in a
        # Title Case heading ("Arms Transfers and Joint Drills") the model's PERSON guesses
        # are ordinary words.
        a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        rest = text[line_start:a] + " " + text[b : line_end if line_end >= 0 else len(text)]
        return not [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _BYLINE_WORDS]

    def name_like(c: Mention) -> bool:
        # The model's persons are kept on a byline; its places and bodies in a Title Case
        # heading are too often ordinary words ("Trade Routes are Worth" as GPE).
        return c.label == "PERSON" and c.end - c.start > 1 and byline(c)

    return [c for c in cands if c.source != "spacy" or name_like(c) or inside(doc[c.start].idx)]


def _drop_dates_inside(doc: Doc, names: list[tuple[int, int]]) -> None:
    """Remove the date spans that lie inside a named event ("Vostok 2022" is no date)."""
    found = records.timexes(doc)
    if not names or not found:
        return

    def within(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in names)

    records.set_timexes(doc, (t for t in found if not within(t.start, t.end)))
    if "rel_dates" in doc.spans:
        doc.spans["rel_dates"] = [sp for sp in doc.spans["rel_dates"] if not within(sp.start_char, sp.end_char)]


def _tokens_where(doc: Doc, test: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose text passes ``test`` (tested once per distinct word)."""
    orth = doc.to_array(ORTH)
    uniq, inverse = np.unique(orth, return_inverse=True)
    strings = doc.vocab.strings
    keep = np.fromiter((test(strings[int(h)]) for h in uniq), dtype=bool, count=len(uniq))
    return np.flatnonzero(keep[inverse]).tolist()


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading articles, hyphenated lower-case affixes, and trailing function words
    and punctuation from token span [s, e)."""
    while True:
        before = (s, e)
        while s < e and (doc[s].is_space or doc[s].text in _LEADING_DROP or doc[s].is_punct):
            s += 1
        if (s + 2 < e and doc[s].lower_ in _AFFIXES and doc[s + 1].text in ("-", "–")
                and not doc[s].whitespace_ and not doc[s + 1].whitespace_):  # fmt: skip
            s += 2
        while e > s and (doc[e - 1].is_space or doc[e - 1].text in _TRAILING_DROP
                         or doc[e - 1].text in _TRAILING_FUNCTION):  # fmt: skip
            e -= 1
        if (s, e) == before:
            return s, e


def _office_split(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """(end of the nationality, start of the person) when a span reads "<Nationality>
    <Office> <Name>"; None otherwise."""
    for i in range(s, e - 1):
        if doc[i].text in _OFFICE_SPLIT:
            tail = doc[i + 1 : e]
            j = i
            while j > s and doc[j - 1].text in TITLE_WORDS:
                j -= 1
            if (all(t.text[:1].isupper() or t.text in ("-", "–") for t in tail)
                    and not any(t.text in _ORG_WORDS or t.text in TITLE_WORDS for t in tail)):  # fmt: skip
                return j, i + 1
    return None


def _hyphen_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the parts of a span joined by unspaced hyphens or slashes."""
    parts, cur = [], start
    for t in doc[start:end]:
        if t.text in ("-", "/", "–") and not t.whitespace_ and t.i > start and not doc[t.i - 1].whitespace_:
            parts.append((cur, t.i))
            cur = t.i + 1
    parts.append((cur, end))
    return [p for p in parts if p[1] > p[0]]


def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: higher priority, then longer, then earlier."""
    order = sorted(cands, key=lambda m: (-(m.priority >= 4.0), -(m.end - m.start), -m.priority, m.start))
    taken: set[int] = set()
    out = []
    for m in order:
        idx = range(m.start, m.end)
        if any(i in taken for i in idx):
            continue
        taken.update(idx)
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def make(nlp: Language, name: str, gazetteer: Any) -> ActorTagger:
    """Build the tagger (used by the factory)."""
    return ActorTagger(nlp, name, gazetteer=gazetteer)
