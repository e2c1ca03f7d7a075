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
   Foreign Minister Igor Morgulov") or an apposition after it ("Li Zhanshu, director of ...");
5. general corrections of label, extent and canonical (:mod:`relnlp.pipeline._canonical`,
   :mod:`relnlp.pipeline._laws`): state organs as "<organ> of <state>", "X province" as the
   division, official names continued by "of ..." as one ORG, military units as ORG, towns
   the model reads as people as GPE, facility and descent-group heads after a name, LAW
   patterns, datelines in capitals, and the model's ordinary-word guesses inside quoted
   titles of cited works dropped.

Results: ``doc.ents`` (name labels replaced, other labels kept where they do not overlap),
``doc.spans["rel_entities"]`` with ``span._.rel_canonical``/``rel_role``/``rel_affiliation``,
and :class:`relnlp.records.Entity` records (:func:`relnlp.records.entities`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from relnlp import extensions, records
from relnlp.acronyms import find_acronyms, find_mentions
from relnlp.gazetteer import Gazetteer, normalise_quotes, quote_variants
from relnlp.lang.chars import POSSESSIVE_S
from relnlp.lang.translit import name_key
from relnlp.pipeline import _name_forms as forms
from relnlp.pipeline import doc_text, span_texts
from relnlp.pipeline._actor_base import (
    _APPOSITION,
    _EVENT_HEADS,
    _FAC_HEADS,
    _GENERIC_PLACE_HEADS,
    _HEADLINE_VERBS,
    _LINK_HEADS,
    _NAME_LOWER,
    _ORDINAL,
    _ORG_WORDS,
    _PLACE_HEADS,
    _SURNAME_FIRST,
    _UNIT_HEADS,
    _YEAR,
    CRYPTOCURRENCIES,
    ISLAMIC_TERMS,
    LANGUAGE_NAMES,
    MILITARY_PRIORITY,
    NON_NAME_ACRONYMS,
    NON_NAME_SYSTEMS,
    Mention,
    _common_words,
    _drop_dates_inside,
    _has_letters,
    _hyphen_parts,
    _in_body,
    _office_split,
    _select,
    _tokens_where,
    _trim,
    adjective_lead,
    datelines,
    divisions,
    exhibit_reference,
    history_name,
    list_items,
    office_body,
    opens_other_name,
    organs,
    same_body,
    verb_after_name,
)
from relnlp.pipeline._actor_passes import (
    compass_pairs,
    generic_heads,
    long_names,
    native_aliases,
    not_title_words,
    places,
    platforms,
    regime_names,
    shared_heads,
    short_forms,
    topic_ministries,
)
from relnlp.pipeline._archival import (
    archival_span,
    collection_head,
    find_embassies,
    instruction_verb,
    non_name,
    rank_and_surname,
)
from relnlp.pipeline._canonical import (
    is_organ,
    organ_canonical,
    singular_group,
    slash_canonical,
    state_before,
    variant_person,
)
from relnlp.pipeline._cities import place_city, unseen_cities
from relnlp.pipeline._facilities import (
    activity_name,
    facility_mentions,
    facility_name,
    named_part_end,
)
from relnlp.pipeline._landforms import find_landforms
from relnlp.pipeline._laws import LAW_HEADS, law_mentions
from relnlp.pipeline._military import NOT_EVENT_WORDS, find_designators, find_exercises
from relnlp.pipeline._offices import body_names, office_splits
from relnlp.pipeline._org_tails import org_tail
from relnlp.pipeline._phrases import PhraseIndex, pattern_tokens
from relnlp.pipeline._regnal_stops import split_regnal_stops
from relnlp.pipeline._surname_owners import Bearers, SurnameOwners
from relnlp.pipeline._surnames import joined_names, place_surnames
from relnlp.pipeline._titled import titled_people
from relnlp.pipeline._titles import TITLE_WORDS, leading_title, titles_before
from relnlp.pipeline._weapons import weapon_names
from relnlp.schemas import ENTITY_LABELS

__all__ = ["ActorTagger", "Mention"]

# Model spans that name no actor: abbreviations of ordinary notions and language names.
NON_NAME_WORDS = (
    NON_NAME_ACRONYMS | LANGUAGE_NAMES | NON_NAME_SYSTEMS | ISLAMIC_TERMS | CRYPTOCURRENCIES
)


class ActorTagger:
    """Domain-aware entity recognition and name resolution (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "relnlp_actors", *, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        extensions.install()
        surfaces = [
            v for s in gazetteer.surfaces if s not in gazetteer.ambiguous for v in quote_variants(s)
        ]
        # Matched on token text, as spaCy's PhraseMatcher(attr="ORTH") would, without a
        # Doc per surface (see relnlp.pipeline._phrases).
        self.matcher = PhraseIndex(pattern_tokens(nlp, surfaces))
        self.common_words = _common_words(nlp)

    # -- candidates --------------------------------------------------------------------
    def _gazetteer(self, doc: Doc) -> list[Mention]:
        out = []
        text_of = span_texts(doc)
        for s, e in self.matcher(doc):
            surface = text_of(s, e)
            hit = self.gazetteer.lookup(surface)
            if hit is None:
                continue
            # A one-word match at a sentence start that is also an ordinary word ("Chad",
            # "Turkey") is left to the statistical model.
            # A capitalised affix is part of a known name ("Anti-Secession Law"); a
            # lower-case one is not ("post-Soviet space": NORP "Soviet", guidelines).
            s, e = _trim(doc, s, e, affixes=doc[s].is_lower)
            if hit.label == "PERSON":  # an alias with a title: "Ayatollah Khamenei"
                s += titles_before([t.text for t in doc[s:e]])
            elif hit.label == "FAC":  # "Nord Stream pipeline": the name without "pipeline"
                e = named_part_end(doc, s, e, hit.canonical, self.gazetteer)
            if s >= e:
                continue
            n = e - s
            if n == 1 and hit.label == "ORG" and opens_other_name(doc, s):
                continue
            prio = 3.0 + 0.1 * n if n > 1 else 2.5
            if hit.label == "EVENT" and any(
                t.is_lower and t.is_alpha and t.text not in _NAME_LOWER for t in doc[s:e]
            ):
                # "war in Ukraine", "annexation of Crimea": descriptive, not a proper name
                # (guidelines, decision on descriptive events); the names inside are tagged.
                continue
            if hit.label == "PRODUCT":
                # A weapon's name is never part of a longer statistical name ("Russian
                # Kilo" is NORP + PRODUCT), so it wins over overlapping model spans.
                prio = MILITARY_PRIORITY
            poss = next((t.i for t in doc[s + 1 : e - 1] if t.text in POSSESSIVE_S), None)
            owner = self.gazetteer.lookup(text_of(s, poss)) if poss is not None else None
            if poss is not None and owner is not None and owner.label == "GPE":
                # "China's Ministry of National Defense": the possessive state is its own
                # GPE, the organ keeps the gazetteer's canonical (guidelines, span rules).
                out.append(
                    Mention(s, poss, "GPE", owner.canonical, "gazetteer", prio, owner.country)
                )
                out.append(
                    Mention(poss + 1, e, hit.label, hit.canonical, "gazetteer", prio, hit.country)
                )
                continue
            out.append(Mention(s, e, hit.label, hit.canonical, "gazetteer", prio, hit.country))
        return out + datelines(doc, self.gazetteer)

    def _acronyms(self, doc: Doc, gaz_spans: dict[tuple[int, int], Mention]) -> list[Mention]:
        out = []
        text = doc_text(doc)
        defs: dict[str, tuple[str, str]] = {}
        for a in find_acronyms(text):
            long_span = doc.char_span(a.long_start, a.long_end, alignment_mode="contract")
            if long_span is None or not a.long[:1].isupper():
                continue  # "research and development (R&D)" is no name
            words = [w for w in re.split(r"[\s\-/]+", a.long) if w]
            caps = sum(
                w[:1].isupper()
                for w in words
                if w.lower() not in ("of", "and", "for", "the", "on", "in")
            )
            if caps < max(
                1,
                len([w for w in words if w.lower() not in ("of", "and", "for", "the", "on", "in")])
                - 1,
            ):
                continue
            long_hit = self.gazetteer.lookup(a.long)
            known = long_hit or self.gazetteer.lookup(a.short)
            if long_hit is None and known is not None and not same_body(a.long, known.canonical):
                known = None  # the text defines its own body ("General Directorate ... (GDI)")
            # An unknown long form is a body, or a treaty when a treaty word ends it
            # ("Reciprocal Access Agreement (RAA)").
            label = known.label if known else "LAW" if a.long.split()[-1] in LAW_HEADS else "ORG"
            canonical = known.canonical if known else a.long
            country = known.country if known else None
            start = long_span.start
            state = (
                state_before(self.gazetteer, doc, start)
                if label == "ORG" and is_organ(a.long)
                else None
            )
            if state is not None:
                # "Russian Ministry of Defense (MoD)": the organ of that state; a nationality
                # adjective is part of the organ's name, a possessive state is not.
                organ = organ_canonical(a.long, self.gazetteer, state=state[0])
                if organ is not None:
                    (canonical, country), start = organ, state[1]
            # The long form may be a fused adjective list ("Russian-India-China"): keep it ORG.
            out.append(Mention(start, long_span.end, label, canonical, "acronym", 4.0, country))
            defs.setdefault(a.short, (label, canonical))
        for short, (label, canonical) in defs.items():
            for s, e in find_mentions(text, short):
                span = doc.char_span(s, e, alignment_mode="contract")
                if span is not None and len(span):
                    out.append(Mention(span.start, span.end, label, canonical, "acronym", 4.0))
        return out

    def _is_place(self, name: str) -> bool:
        hit = self.gazetteer.lookup(name)
        return hit is not None and hit.label in ("GPE", "LOC")

    def _is_norp(self, word: str) -> bool:  # "Russian", "Shia": no part of a site's name
        hit = self.gazetteer.lookup(word)
        return hit is not None and hit.label == "NORP"

    def _military(self, doc: Doc) -> list[Mention]:
        """Weapon designators (PRODUCT) and named exercises and operations (EVENT)."""
        text = doc_text(doc)
        sents = (
            [(s.start_char, s.end_char) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else []
        )
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
            canonical = (
                hit.canonical if hit is not None and hit.label == "PRODUCT" else found.canonical
            )
            country = hit.country if hit is not None else None
            prio = MILITARY_PRIORITY
            out.append(
                Mention(span.start, span.end, "PRODUCT", canonical, "pattern", prio, country)
            )
        out += facility_mentions(doc, self.gazetteer, self._is_norp)
        out += law_mentions(doc, self.gazetteer, self._is_place, self._is_norp)
        for named, label in [(f, "ORG") for f in find_embassies(text, self.gazetteer)] + [
            (f, "LOC") for f in find_landforms(text, self.gazetteer)
        ]:
            span = doc.char_span(named.start, named.end, alignment_mode="expand")
            if span is not None:
                out.append(Mention(span.start, span.end, label, named.canonical, "pattern", 3.9))
        for found in find_exercises(text, sentence_of):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(
                Mention(
                    span.start, span.end, "EVENT", found.canonical, "pattern", MILITARY_PRIORITY
                )
            )
        return out

    def _ner(self, doc: Doc) -> list[Mention]:
        out = []
        text_of = span_texts(doc)
        for ent in doc.ents:
            # The statistical PRODUCT label covers consumer goods and titles; weapons and
            # systems come from the gazetteer and the designator patterns instead.
            if ent.label_ not in ENTITY_LABELS or ent.label_ == "PRODUCT":
                continue
            s, e = _trim(doc, *archival_span(doc, ent.start, ent.end))
            label = ent.label_
            if label in {"ORG", "GPE", "FAC", "LOC"} and rank_and_surname(doc, s, e):
                label = "PERSON"  # "Admiral Smoot": the rank goes with the titles below
            if collection_head(doc, s, e):  # "Herter Papers": the person, not the papers
                s, e = _trim(doc, s, e - 1)
                label = label if text_of(s, e).isupper() else "PERSON"
            while e > s and verb_after_name(doc[e - 1]):
                e -= 1
                s, e = _trim(doc, s, e)
            if s < e and doc[s].text in _HEADLINE_VERBS:
                continue  # "Meets with ...", a headline verb alone: no name
            if label == "PERSON":
                s0 = s
                while s < e - 1 and (
                    leading_title([t.text for t in doc[s:e]])
                    or instruction_verb(doc[s])
                    or forms.regnal_title(doc, s)
                ):
                    s += 1
                e = forms.regnal_end(doc, s0, s, e)  # "Tsar Mikhail I": the number is the name's
                body = office_body(doc, s, e, self.gazetteer)
                if body is not None:
                    out.append(body)  # "DNR Head": the office's body, not a person
                    continue
            if s >= e:
                continue
            span = doc[s:e]
            name = text_of(s, e)
            if not _has_letters(name) or name.islower() or non_name(name, NON_NAME_WORDS):
                continue
            if exhibit_reference(span) or activity_name(name.split()):
                continue  # "see Graph 1" (the report's figure), "Capacity Building": no name
            if all(t.text in TITLE_WORDS for t in span):
                continue
            if (lead := adjective_lead(doc, s, e, label, self.gazetteer, text_of)) is not None:
                out.extend(lead)  # "Russian World", "Putin's Kazakh": not one name
                continue
            # "Logar province", "Chabahar port": a lower-case generic head is no part of
            # the name (guidelines, decisions on the development reports).
            if label == "ORG" and (tail := org_tail(doc, s, e)):  # "Georgian Dream party",
                e, span = e - tail, doc[s : e - tail]  # "Xinhua news agency": likewise
            if e - s > 1 and doc[e - 1].lower_ in _GENERIC_PLACE_HEADS and doc[e - 1].is_lower:
                e -= 1
                span = doc[s:e]
                if label in {"PERSON", "ORG", "FAC", "LOC"}:
                    label = "GPE"
            # "Baku-Tbilisi pipeline" as one span: the lower-case head goes, and the link's
            # places are split off in _split_compounds.
            if (
                e - s > 3
                and doc[e - 1].is_lower
                and doc[e - 1].lower_ in _LINK_HEADS
                and any(t.text in ("-", "–") for t in doc[s : e - 1])
            ):
                e -= 1
                span = doc[s:e]
            # Military units and commands are ORG (guidelines 8), their ordinal included
            # ("58th Combined Arms Army", "Southern Military District").
            unit = span[-1].text in _UNIT_HEADS or text_of(s, e).endswith("Military District")
            if unit and label != "ORG" and label in ENTITY_LABELS:
                label = "ORG"
            if unit and s > 0 and _ORDINAL.match(doc[s - 1].text):
                s -= 1
                span = doc[s:e]
            # "3rd Astrakhan International Forum": the ordinal numbers the event, not its name.
            if (
                e - s > 1
                and _ORDINAL.match(doc[s].text)
                and label in {"ORG", "EVENT", "FAC"}
                and not unit
            ):
                s += 1
                span = doc[s:e]
            if label in {"PERSON", "ORG"} and span[-1].text in _PLACE_HEADS and not unit:
                label = "GPE"
            if (
                label in {"ORG", "EVENT", "FAC", "GPE", "LOC", "PERSON"}
                and e - s > 1
                and span[-1].text in LAW_HEADS
            ):
                label = "LAW"  # "Paris Agreement", "Monroe Doctrine": a treaty or policy's name
            if (
                label in {"ORG", "FAC", "GPE", "LOC", "LAW"}
                and e - s > 1
                and span[-1].text in _EVENT_HEADS
            ):
                label = "EVENT"
            if label in {"ORG", "FAC", "GPE", "LOC", "LAW", "PERSON"} and history_name(span):
                label = "EVENT"  # "Mukden Incident", "Battle of Kursk": named historical events
            # A name that ends in a year is an event or exercise ("Naval Drill-2015"), never
            # a person or a body; plans named by a year ("Vision 2030") are left alone.
            if (
                label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}
                and e - s > 1
                and _YEAR.match(span[-1].text)
                and span[0].text[:1].isupper()
                and span[0].text not in NOT_EVENT_WORDS
            ):
                label = "EVENT"
            if label == "PERSON" and e - s > 1 and span[-1].text in _ORG_WORDS:
                label = "ORG"  # "Gamma Group": a person's name has no organisation head
            if label == "ORG" and forms.initials_person(span, self.gazetteer):
                label = "PERSON"  # "J.R. Tolliver": initials and a surname
            if (
                label in {"PERSON", "ORG", "GPE", "LOC", "LAW"}
                and (span[-1].text in _FAC_HEADS or facility_name(span))
                and len(span) > 1
                and getattr(self.gazetteer.lookup(span.text), "label", "FAC") == "FAC"
            ):
                label = "FAC"  # named corridors, railways, ports and crossings (guidelines 8)
            split = _office_split(doc, s, e) if label in {"ORG", "GPE", "NORP"} else None
            if split is not None:
                head_end, person_start = split
                if head_end > s:
                    head = text_of(s, head_end)
                    hit = self.gazetteer.lookup(head)
                    out.append(
                        Mention(
                            s,
                            head_end,
                            hit.label if hit else "NORP",
                            hit.canonical if hit else head,
                            "spacy",
                            2.0,
                        )
                    )
                out.append(
                    Mention(
                        person_start,
                        e,
                        "PERSON",
                        text_of(person_start, e),
                        "spacy",
                        2.0 + 0.01 * (e - person_start),
                    )
                )
                continue
            name = text_of(s, e)
            canonical, country = name, None
            if name.isupper() and len(name) > 4:
                # A dateline or headline in capitals ("WASHINGTON, Oct. 3"): the name
                # in ordinary case may be known.
                hit = self.gazetteer.lookup(name.title())
                if hit is not None:
                    label, canonical, country = hit.label, hit.canonical, hit.country
            elif label == "ORG":
                organ = organ_canonical(name, self.gazetteer)
                if organ is not None:
                    canonical, country = organ
            elif label == "NORP" and " " not in name:
                canonical = singular_group(name, self.gazetteer)
            if "/" in canonical and canonical == name:
                alt = slash_canonical(name, self.gazetteer)
                if alt is not None:
                    label, canonical, country = alt.label, alt.canonical, alt.country
            label, country = place_city(doc, s, e, label, country, self.gazetteer)
            out.append(Mention(s, e, label, canonical, "spacy", 2.0 + 0.01 * (e - s), country))
        return out

    # -- resolution ----------------------------------------------------------------------
    def _split_compounds(
        self, doc: Doc, cands: list[Mention], known: dict[tuple[int, int], Mention]
    ) -> list[Mention]:
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
            items = list_items(doc, c.start, c.end)
            if items and all(p in known for p in items) and (c.start, c.end) not in known:
                out.extend(known[p] for p in items)  # "Gomel, Brest": a list of names
                continue
            # "Khaf-Herat railway", "Baku-Tbilisi pipeline": a link between two places.
            if (
                len(parts) > 1
                and c.end < len(doc)
                and doc[c.end].lower_ in _LINK_HEADS
                and all(b - a == 1 and doc[a].text[:1].isupper() for a, b in parts)
                and not any(
                    doc[a].text in self.gazetteer.combining
                    or (p in known and known[p].label == "NORP")
                    for p in parts
                    for a in (p[0],)
                )
            ):
                out.extend(
                    known.get(p) or Mention(p[0], p[1], "GPE", doc[p[0]].text, "spacy", c.priority)
                    for p in parts
                )
                continue
            # "China's Ministry of National Defense": a state before a possessive is its own
            # (the possessive after a known name: "People's Liberation Army's ...").
            poss = next(
                (
                    t.i
                    for t in toks
                    if t.text in POSSESSIVE_S and t.i > c.start and (c.start, t.i) in known
                ),
                None,
            )
            if poss is not None and (c.start, poss) in known and poss + 1 < c.end:
                state = known[(c.start, poss)]
                out.append(state)
                organ_text = doc[poss + 1 : c.end].text
                hit = self.gazetteer.lookup(organ_text)
                organ = None
                if hit is None and state.label == "GPE" and state.country == state.canonical:
                    organ = organ_canonical(organ_text, self.gazetteer, state=state.canonical)
                canonical, country = organ if organ is not None else (organ_text, c.country)
                out.append(replace(c, start=poss + 1, canonical=canonical, country=country))
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
        bearers: Bearers = {}  # name key of surname -> (start, full name, surname)
        for m in chosen:
            if m.label != "PERSON":
                continue
            toks = [t.text for t in doc[m.start : m.end] if not t.is_punct]
            if len(toks) >= 2 and all(t[:1].isupper() for t in toks if t.isalpha()):
                person = self.gazetteer.people_by_key.get(name_key(" ".join(toks)))
                surname = toks[0] if (len(toks) == 2 and toks[0] in _SURNAME_FIRST) else toks[-1]
                variant = (
                    variant_person(toks, self.gazetteer)
                    if surname == toks[-1] and not person
                    else None
                )
                canonical = (
                    person.canonical
                    if person
                    else variant or " ".join(doc[m.start : m.end].text.split())
                )
                key = name_key(surname)
                registry.setdefault(key, canonical)
                bearers.setdefault(key, []).append((m.start, canonical, surname))
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
                # The fullest form of the same person; another with the surname keeps it.
                if k2 in fullest and name_key(registry.get(k2[1], toks[0]).split()[0]) == k2[0]:
                    registry[name_key(toks[-1])] = fullest[k2]
        owner = SurnameOwners(doc, registry, bearers, fullest)  # shared surnames
        for m in chosen:
            # "the Li-Ivanov talks": two people the report names in full elsewhere.
            if m.source == "spacy":
                parts = _hyphen_parts(doc, m.start, m.end)
                if len(parts) > 1 and all(name_key(doc[a:b].text) in registry for a, b in parts):
                    for a, b in parts:
                        out.append(
                            replace(m, start=a, end=b, canonical=owner(a, name_key(doc[a:b].text)))
                        )
                    continue
            if m.label == "PERSON" or (m.source == "spacy" and m.end - m.start == 1):
                text = doc[m.start : m.end].text
                toks = text.split()
                if len(toks) == 1:
                    key = name_key(text)
                    if key in registry and (m.label == "PERSON" or m.source == "spacy"):
                        out.append(replace(m, label="PERSON", canonical=owner(m.start, key)))
                        continue
                    # A lone given name is the person only when the report names exactly
                    # one person with it in full ("Evan" after "Evan Smith").
                    full = given.get(key, set())
                    if (
                        m.source == "spacy"
                        and len(full) == 1
                        and self.gazetteer.lookup(text) is None
                    ):
                        w = next(iter(full)).split()
                        name = fullest.get((name_key(w[0]), name_key(w[-1])), " ".join(w))
                        out.append(replace(m, label="PERSON", canonical=name))
                        continue
                    person = self.gazetteer.person_by_surname(text) if len(text) >= 2 else None
                    # A surname the gazetteer knows for one person, mislabelled by the model
                    # ("Medvedev" as GPE), unless the word is also a known place or body.
                    if person is not None and (
                        m.label == "PERSON"
                        or (m.source == "spacy" and self.gazetteer.lookup(text) is None)
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
                    if not (len(toks) == 2 and toks[0] in _SURNAME_FIRST) and k2 not in fullest:
                        # "Aleksei Novak" for the one Novak the gazetteer knows.
                        own = variant_person(toks, self.gazetteer) or own
                    out.append(replace(m, canonical=fullest.get(k2, own)))
                    continue
            out.append(m)
        # Surname-only mentions the model missed ("the Li-Ivanov talks").
        if not registry:
            return out
        taken = {i for m in out for i in range(m.start, m.end)}
        for i in _tokens_where(
            doc,
            lambda w: w.isalpha() and w[:1].isupper() and len(w) >= 2 and name_key(w) in registry,
        ):
            if i not in taken:
                name = owner(i, name_key(doc[i].text))
                a = forms.given_start(doc, i, name, taken)  # "Anna" before "Weiss" in a caption
                out.append(Mention(a, i + 1, "PERSON", name, "registry", 1.5))
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
                if prev is None and i >= 2 and doc[i - 1].text in POSSESSIVE_S:
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
        doc = split_regnal_stops(doc)  # "Abbas I." ending a sentence: the stop is no name's
        gaz = self._gazetteer(doc)
        known = {(m.start, m.end): m for m in gaz}
        cands = (
            gaz
            + self._acronyms(doc, known)
            + self._military(doc)
            + self._split_compounds(doc, self._ner(doc), known)
        )
        cands += body_names(doc) + forms.foreign_names(doc)
        cands += unseen_cities(doc, cands, self.gazetteer)
        cands = titled_people(doc, cands, self.gazetteer, self.common_words)
        cands = office_splits(doc, cands, self.gazetteer, self.common_words)
        chosen = _select(
            _in_body(doc, not_title_words(doc, cands, self.gazetteer, self.common_words))
        )
        chosen = weapon_names(doc, chosen, self.gazetteer)
        chosen = _select(
            self._people(
                doc,
                places(
                    doc,
                    joined_names(doc, chosen, self.gazetteer, self.common_words),
                    self.gazetteer,
                ),
            )
        )
        chosen = _select(place_surnames(doc, chosen, self.gazetteer, self.common_words))
        chosen = forms.coordinated_people(doc, chosen, self.gazetteer, self.common_words)
        chosen = _select(native_aliases(doc, chosen))
        chosen = organs(
            doc,
            divisions(
                doc, long_names(doc, topic_ministries(doc, chosen), self.gazetteer), self.gazetteer
            ),
            self.gazetteer,
        )
        chosen = shared_heads(doc, generic_heads(doc, chosen, self.gazetteer), self.gazetteer)
        chosen = forms.campus_names(doc, compass_pairs(doc, chosen, self.gazetteer))
        chosen = self._roles(doc, platforms(doc, regime_names(doc, short_forms(doc, chosen))))
        # Canonical names are written with ASCII quotes, as the gazetteer's and the gold's
        # ("President’s Office" -> "President's Office").
        chosen = [replace(m, canonical=normalise_quotes(m.canonical)) for m in chosen]
        chosen.sort(key=lambda m: m.start)

        # doc.ents: our names, plus the model's other labels where they do not overlap.
        taken = {i for m in chosen for i in range(m.start, m.end)}
        others = [
            e
            for e in doc.ents
            if e.label_ not in ENTITY_LABELS and not any(i in taken for i in range(e.start, e.end))
        ]
        spans = [Span(doc, m.start, m.end, label=m.label) for m in chosen]
        doc.set_ents(sorted(spans + others, key=lambda s: s.start), default="outside")
        for sp, m in zip(spans, chosen):
            ext = sp._  # one extension proxy per span, not one per attribute
            ext.rel_canonical = m.canonical
            ext.rel_role = m.role
            ext.rel_affiliation = m.affiliation
        doc.spans["rel_entities"] = spans
        _drop_dates_inside(
            doc,
            [
                (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
                for m in chosen
                if m.label in ("EVENT", "LAW")  # "Vostok 2022", "Trade Act of 1974"
            ],
        )
        records.set_entities(
            doc,
            (
                records.Entity(
                    start=doc[m.start].idx,
                    end=doc[m.end - 1].idx + len(doc[m.end - 1].text),
                    label=m.label,
                    canonical=m.canonical,
                    role=m.role,
                    affiliation=m.affiliation,
                    source=m.source,
                    country=m.country,
                )
                for m in chosen
            ),
        )
        return doc


def make(nlp: Language, name: str, gazetteer: Any) -> ActorTagger:
    """Build the tagger (used by the factory)."""
    return ActorTagger(nlp, name, gazetteer=gazetteer)
