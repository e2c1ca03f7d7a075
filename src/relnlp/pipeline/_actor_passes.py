"""Refinement passes of the actor tagger (:mod:`relnlp.pipeline.actors`) over the chosen
mentions: long official names, places the model reads as people or organisations, and
generic heads after a name. Each takes the mentions in text order and returns them revised.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from spacy.tokens import Doc

from relnlp.gazetteer import Gazetteer
from relnlp.lang.chars import POSSESSIVE_S
from relnlp.lang.translit import name_key
from relnlp.pipeline import doc_text, span_texts
from relnlp.pipeline._actor_base import (
    _FACILITY_AFTER,
    _FACILITY_QUALIFIERS,
    _GROUP_AFTER,
    _NATIVE,
    _ORG_HEADS,
    _ORG_WORDS,
    _PLACE_PREPOSITIONS,
    _SETTLEMENT_WORDS,
    _TITLE_WORD_LABELS,
    _TOPONYM_ENDINGS,
    Mention,
    _is_common,
    _quoted_titles,
    _the,
    _tokens_where,
)
from relnlp.pipeline._canonical import STATE_BODIES, division_canonical

__all__ = [
    "not_title_words",
    "compass_pairs",
    "generic_heads",
    "regime_names",
    "long_names",
    "native_aliases",
    "places",
    "shared_heads",
    "short_forms",
    "topic_ministries",
]


def long_names(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """An organ's name that goes on with "of" another body or a state is one name
    (guidelines: "Ministry of National Defense of China" is one ORG; "General Office
    of the CPC's Central Committee" too, a possessive inside the name included)."""
    by_start = {m.start: m for m in chosen}
    out: list[Mention] = []
    skip_to = -1
    for m in chosen:
        if m.start < skip_to:
            continue
        if m.label != "ORG" or doc[m.end - 1].text not in _ORG_HEADS:
            out.append(m)
            continue
        end, tail = m.end, None
        chain: list[tuple[str, Mention]] = []  # (joined by "of" or "'s", name)
        while True:
            i = end
            if i < len(doc) and doc[i].text == "of":
                i, joint = i + 1, "of"
                if i < len(doc) and doc[i].lower_ == "the":
                    i += 1
            elif i < len(doc) and doc[i].text in POSSESSIVE_S and tail is not None:
                i, joint = i + 1, "'s"
            else:
                break
            nxt = by_start.get(i)
            if nxt is None or nxt.label not in ("ORG", "GPE"):
                break
            end, tail = nxt.end, nxt
            chain.append((joint, nxt))
            if nxt.label == "GPE":
                break
        if tail is None:
            out.append(m)
            continue
        text = " ".join(doc[m.start : end].text.split())
        hit = gazetteer.lookup(text)
        country = m.country
        if hit is not None:
            canonical, country = hit.canonical, hit.country
        else:
            # Each name inside by its canonical, "of" instead of a possessive: "General
            # Office of the CPC's Central Committee" -> "General Office of the Central
            # Committee of the Communist Party of China".
            names = [n.canonical for _j, n in chain]
            parts: list[str] = []
            k = 0
            while k < len(chain):
                if k + 1 < len(chain) and chain[k + 1][0] == "'s":
                    parts.append(
                        f"{_the(chain[k + 1][1], names[k + 1])} of {_the(chain[k][1], names[k])}"
                    )
                    k += 2
                else:
                    parts.append(_the(chain[k][1], names[k]))
                    k += 1
            canonical = " of ".join([" ".join(doc[m.start : m.end].text.split()), *parts])
            if tail.label == "GPE" and tail.country == tail.canonical:
                country = tail.country
        out.append(replace(m, end=end, canonical=canonical, country=country, source="rule"))
        skip_to = end
    return out


# Nouns of settlements that name one after "of" ("the town of ...", "the city of ...").
_SETTLEMENT_NOUNS = frozenset(
    "town city village county province municipality township hamlet settlement".split()
)


def places(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Towns the model reads as people or bodies ("Avdiivka", "Stanytsia Luhanska").

    A guess of the model that the gazetteer does not know becomes GPE when it is one
    word ending like a toponym of the region's languages (-ivka, -sk, -pol, -grad,
    -abad, -kent, ...), or its first word is a settlement word ("Stanytsia", "Novo-");
    or it follows "the town of", "the city of" and the like; or, for one word, when it
    follows "near", "outside", "toward" and the like.
    Surnames of people the report names in full, and surnames the gazetteer knows,
    stay people ("Musk" after "Elon Musk").
    """
    surnames: dict[str, set[str]] = {}  # surname key -> full names the report gives
    for m in chosen:
        if m.label == "PERSON" and m.end - m.start > 1:
            full = " ".join(doc[m.start : m.end].text.split())
            surnames.setdefault(name_key(doc[m.end - 1].text), set()).add(full)
    out = []
    for m in chosen:
        if m.source != "spacy" or m.label not in ("PERSON", "ORG") or m.end - m.start > 3:
            out.append(m)
            continue
        words = [t.text for t in doc[m.start : m.end]]
        last = words[-1]
        others = surnames.get(name_key(last), set()) - {" ".join(" ".join(words).split())}
        if (
            others
            or gazetteer.surnames.get(name_key(last))
            or gazetteer.lookup(" ".join(words)) is not None
            or not all(w[:1].isupper() and not w.isupper() for w in words)
        ):
            out.append(m)
            continue
        toponym = (
            (
                len(last) >= 6
                and last.lower().endswith(_TOPONYM_ENDINGS)
                and (len(words) == 1 or m.label == "ORG")
            )
            or words[0] in _SETTLEMENT_WORDS
            or (last.startswith(("Novo", "Staro")) and len(last) >= 8)
        )
        if (
            not toponym
            and m.start > 1
            and doc[m.start - 1].lower_ == "of"
            and doc[m.start - 2].lower_ in _SETTLEMENT_NOUNS
        ):
            toponym = True  # "the town of Yeoncheon", "the city of Tarnów"
        if (
            not toponym
            and len(words) == 1
            and m.start > 0
            and doc[m.start - 1].lower_ in _PLACE_PREPOSITIONS
            and not (m.end < len(doc) and doc[m.end].text in POSSESSIVE_S)
        ):
            toponym = True
        out.append(replace(m, label="GPE") if toponym else m)
    return out


def generic_heads(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """What a lower-case head after a name says it names: a facility ("Sangan railway
    station", "Torkham border crossing": FAC, the head out of the span and in the
    canonical, guidelines 8) or a descent group ("the Durrani clan", "Zadran tribe":
    NORP). A facility the report names with a shorter head elsewhere ("Sangan station")
    takes the longest canonical the report gives that name."""
    out = []
    n = len(doc)
    text_of = span_texts(doc)
    longest: dict[str, str] = {}  # name -> its longest canonical built from a head
    for m in chosen:
        e = m.end
        if m.label == "NORP" or e >= n or not doc[e - 1].whitespace_ or m.source == "acronym":
            out.append(m)
            continue
        state = m.label == "GPE" and m.country is not None and m.country == m.canonical
        head: list[str] = []
        if doc[e].lower_ in _FACILITY_AFTER and doc[e].is_lower:
            head = [doc[e].text]
        elif (
            e + 1 < n
            and doc[e].lower_ in _FACILITY_QUALIFIERS
            and doc[e].is_lower
            and doc[e + 1].lower_ in _FACILITY_AFTER
            and doc[e + 1].is_lower
        ):
            head = [doc[e].text, doc[e + 1].text]
        name = " ".join(text_of(m.start, m.end).split())
        if head and not state:
            hit = gazetteer.lookup(f"{name} {' '.join(h.capitalize() for h in head)}")
            canonical = hit.canonical if hit is not None else f"{name} {' '.join(head)}"
            if hit is None and len(canonical) > len(longest.get(name, "")):
                longest[name] = canonical
            out.append(replace(m, label="FAC", canonical=canonical))
            continue
        if (
            doc[e].lower_ in _GROUP_AFTER
            and doc[e].is_lower
            and m.label in ("PERSON", "ORG", "GPE", "LOC")
        ):
            out.append(replace(m, label="NORP", canonical=name))
            continue
        out.append(m)
    return [
        replace(m, canonical=longest[name])
        if m.label == "FAC"
        and (name := " ".join(text_of(m.start, m.end).split())) in longest
        and m.canonical.startswith(f"{name} ")
        else m
        for m in out
    ]


# Capitalised topics of a state's ministry in the short form "<Topic> Ministry" (general
# knowledge of cabinet portfolios); "Interior Ministry", "Emergencies Ministry".
_MINISTRY_TOPICS = frozenset(
    """Foreign Defence Defense Interior Finance Justice Economy Economic Trade Energy Health
    Education Agriculture Transport Emergencies Emergency Culture Labour Labor Industry
    Communications Environment Information Intelligence Home External Security""".split()
)


def topic_ministries(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """A ministry written "<Topic> Ministry" that no other source found is an ORG (the
    statistical model often misses "Interior Ministry" after a nationality adjective);
    :func:`relnlp.pipeline._actor_base.organs` then gives it its state."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    out = list(chosen)
    for i in _tokens_where(doc, lambda w: w == "Ministry"):  # no Token per word
        tok = doc[i]
        if tok.i in taken:
            continue
        s = tok.i
        while s > 0 and doc[s - 1].text in _MINISTRY_TOPICS and doc[s - 1].i not in taken:
            s -= 1
        if s < tok.i:
            text = doc[s : tok.i + 1].text
            out.append(Mention(s, tok.i + 1, "ORG", text, "organ", 3.0))
    # "China's Navy", "Russia's General Staff": a service, government or state body after a
    # state's possessive, which the model seldom tags; a state body after a nationality
    # ("Azerbaijani State Border Service").
    n = len(doc)
    for m in chosen:
        if m.label == "GPE" and m.end + 1 < n and doc[m.end].text in POSSESSIVE_S:
            i, names = m.end + 1, _POSSESSED_ORGANS
        elif m.label == "NORP" and m.end < n and doc[m.end - 1].whitespace_:
            i, names = m.end, STATE_BODIES
        else:
            continue
        if i in taken:
            continue
        for k in (4, 3, 2, 1):
            if i + k <= n and doc[i : i + k].text in names:
                if not any(j in taken for j in range(i, i + k)):
                    out.append(Mention(i, i + k, "ORG", doc[i : i + k].text, "organ", 3.0))
                break
    out.sort(key=lambda m: m.start)
    return out


_POSSESSED_ORGANS = (
    frozenset(
        {"Armed Forces", "Navy", "Air Force", "Army", "Ground Forces", "Coast Guard"}
        | {"General Staff", "Government", "Cabinet"}
    )
    | STATE_BODIES
)


# Plural heads shared by coordinated names ("Donetsk and Luhansk People's Republics",
# "Kherson and Zaporizhzhia oblasts") and their singular.
_PLURAL_HEADS = {
    "Republics": "Republic",
    "Oblasts": "Oblast",
    "Provinces": "Province",
    "Regions": "Region",
    "Krais": "Krai",
    "Counties": "County",
    "Districts": "District",
}
_PLURAL_HEADS |= {k.lower(): v.lower() for k, v in _PLURAL_HEADS.items() if k != "Republics"}


def shared_heads(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Coordinated names that share a plural head are split, each with its own canonical
    (guidelines 8: "Donetsk and Luhansk People's Republics" -> GPE "Donetsk" + GPE
    "Luhansk People's Republics", canonicals "Donetsk People's Republic" and "Luhansk
    People's Republic"); a lower-case head stays out of the spans ("Donetsk and Luhansk
    oblasts" -> "Donetsk Oblast", "Luhansk Oblast")."""
    text = doc_text(doc)
    if not any(head in text for head in _PLURAL_HEADS):
        return chosen
    n = len(doc)
    found: list[Mention] = []
    # Tokens some name covers (no nationality adjective: "Western and Central districts").
    named = {i for m in chosen if m.label != "NORP" for i in range(m.start, m.end)}
    for m in chosen:
        h = next(
            (i for i in range(m.start + 1, min(m.end + 3, n)) if doc[i].text in _PLURAL_HEADS),
            None,
        )
        if h is None or (found and found[-1].end > m.start):
            continue
        head = _PLURAL_HEADS[doc[h].text]
        hs = h
        if h >= 2 and doc[h - 1].text in POSSESSIVE_S and doc[h - 2].text == "People":
            hs, head = h - 2, f"People's {head}"
        conj = [hs - 1]
        j = hs - 2
        while j >= 1 and doc[j].text in (",", "and", "or"):
            while j >= 1 and doc[j].text in (",", "and", "or"):
                j -= 1
            conj.insert(0, j)
            j -= 1
        new: list[Mention] = []
        # From the head back: the names that take it ("Crimea, and Voronezh, Kursk, and
        # Bryansk Oblasts": the list of oblasts starts at Voronezh).
        for c in reversed(conj):
            if not (doc[c].is_alpha and doc[c].is_title and c in named):
                break
            if head.islower():
                canonical = division_canonical(doc[c].text, head, gazetteer)
                hit = gazetteer.lookup(canonical) if canonical else None
                own = gazetteer.lookup(doc[c].text)
                if hit is None and own is not None and own.kind in ("state", "region"):
                    break  # "Crimea, and Kursk and Bryansk oblasts": Crimea is no oblast
            else:
                hit = gazetteer.lookup(f"{doc[c].text} {head}")
                canonical = hit.canonical if hit is not None else None
            if canonical is None or (hit is not None and hit.label not in ("GPE", "LOC")):
                break
            label = hit.label if hit is not None else "GPE"
            country = hit.country if hit is not None else None
            end = h + 1 if c == conj[-1] and not head.islower() else c + 1
            new.insert(0, Mention(c, end, label, canonical, "pattern", 3.5, country))
        if len(new) >= 2:
            found.extend(new)
    if not found:
        return chosen
    lo_hi = [(f.start, f.end) for f in found]
    keep = [m for m in chosen if not any(m.start < b and a < m.end for a, b in lo_hi)]
    return sorted(keep + found, key=lambda m: m.start)


def short_forms(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """A body named in full and later by the words before its last "of" ("Security Council
    of the Russian Federation" ... "the Security Council"), or without the word that opens
    it ("UN Security Council" ... "the Security Council"), keeps the full name's canonical
    when the short form resolves to nothing else (its canonical is its own text)."""
    full: dict[str, str] = {}
    out = []
    for m in chosen:
        if m.label == "ORG":
            text = doc[m.start : m.end].text
            if m.canonical != text and (" of " in text or m.end - m.start > 2):
                short = (
                    text.rsplit(" of ", 1)[0] if " of " in text else doc[m.start + 1 : m.end].text
                )
                full.setdefault(short, m.canonical)
            elif m.canonical == text and text in full:
                m = replace(m, canonical=full[text])
        out.append(m)
    return out


_COMPASS = frozenset(
    "North South East West Northern Southern Eastern Western Upper Lower Central".split()
)


def compass_pairs(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Two states or regions that share a name after compass words are two names
    ("North and South Korea" -> "North" for North Korea, "South Korea"; "East and West
    Germany"), when the gazetteer knows both full names."""
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in chosen:
        if id(m) in dropped:
            continue
        s, e = m.start, m.end
        if m.label not in ("GPE", "LOC") or e - s < 1:
            out.append(m)
            continue
        # The model's span holds both ("North and South Korea"), or only the second.
        if e - s >= 4 and doc[s].text in _COMPASS and doc[s + 1].text in ("and", "or", "&"):
            first, second = s, s + 2
        elif s >= 2 and doc[s - 1].text in ("and", "or", "&") and doc[s - 2].text in _COMPASS:
            first, second = s - 2, s
        else:
            out.append(m)
            continue
        # A compass word the model tagged alone ("East" as LOC) gives way.
        if doc[second].text not in _COMPASS or any(
            o.start <= first < o.end and (o.end - o.start > 1 or o.label not in ("GPE", "LOC"))
            for o in chosen
            if o is not m
        ):
            out.append(m)
            continue
        name = doc[second + 1 : e].text
        hit1 = gazetteer.lookup(f"{doc[first].text} {name}")
        hit2 = gazetteer.lookup(doc[second:e].text)
        if hit1 is None or hit2 is None or {hit1.label, hit2.label} - {"GPE", "LOC"}:
            out.append(m)
            continue
        out = [o for o in out if not o.start <= first < o.end]
        dropped.update(id(o) for o in chosen if o is not m and o.start <= first < o.end)
        out.append(
            Mention(first, first + 1, hit1.label, hit1.canonical, "pattern", 3.5, hit1.country)
        )
        out.append(
            replace(
                m, start=second, label=hit2.label, canonical=hit2.canonical, country=hit2.country
            )
        )
    return sorted(out, key=lambda m: m.start)


def native_aliases(doc: Doc, chosen: list[Mention]) -> list[Mention]:
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
        out.append(
            Mention(
                span.start, span.end, owner.label, owner.canonical, "native", 5.0, owner.country
            )
        )
    return out


# A movement's own name for the polity it rules, written bare and capitalised ("the
# Emirate", "the Caliphate"): the word, the actor the report must name for it to stand for
# that polity, and the resolution (guidelines 8, fifth session: a regime's name for its
# state is the state; the Islamic State calls itself the Caliphate).
_REGIME_NAMES: dict[str, tuple[str, str, str, str | None]] = {
    "Emirate": ("Taliban", "GPE", "Afghanistan", "Afghanistan"),
    "Caliphate": ("Islamic State", "ORG", "Islamic State", None),
}


def regime_names(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """A bare capitalised "Emirate" in a report that names the Taliban is Afghanistan (GPE),
    a bare "Caliphate" in one that names the Islamic State is that group (ORG). Only the word
    alone: longer names ("Islamic Emirate", "Emirate of Sharjah") are left to the gazetteer
    and the model.

    Parameters
    ----------
    doc : Doc
        The analysed report.
    chosen : list of Mention
        The mentions chosen so far, in text order.

    Returns
    -------
    list of Mention
        The mentions with each such word resolved.
    """
    named = {m.canonical for m in chosen}
    active = {w: r for w, r in _REGIME_NAMES.items() if r[0] in named}
    if not active:
        return chosen
    found: list[Mention] = []
    for t in doc:
        res = active.get(t.text)
        if res is None:
            continue
        before = doc[t.i - 1] if t.i > 0 else None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if before is not None and before.text[:1].isupper() and not before.is_sent_start:
            continue  # "Islamic Emirate", "Abbasid Caliphate": a longer name
        if after is not None and (after.text == "of" or after.text[:1].isupper()):
            continue  # "Emirate of Dubai", "Emirate Airlines"
        _, label, canonical, country = res
        found.append(Mention(t.i, t.i + 1, label, canonical, "gazetteer", 3.0, country))
    return _with_words(chosen, found)


# Messaging platforms whose names are also ordinary words ("Telegram" heads FRUS document
# titles, "Signal" opens sentences): ORG only where the words around make them platforms.
_WORD_PLATFORMS = frozenset({"Telegram", "Signal"})
_PLATFORM_NOUNS = frozenset(
    "channel channels group groups account accounts chat chats app messenger post posts".split()
)
_PLATFORM_BEFORE = frozenset({"on", "via", "through"})


def platforms(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """A messaging platform whose name is also a common word is ORG (guidelines 8, fifth
    session: platforms and channels are ORG) before a platform noun ("a new Telegram
    channel") or after "on"/"via" ("posted on Telegram").

    Parameters
    ----------
    doc : Doc
        The analysed report.
    chosen : list of Mention
        The mentions chosen so far, in text order.

    Returns
    -------
    list of Mention
        The mentions with each such platform name added or relabelled.
    """
    found: list[Mention] = []
    for i in _tokens_where(doc, lambda w: w in _WORD_PLATFORMS):  # no Token per word
        t = doc[i]
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        before = doc[t.i - 1] if t.i > 0 else None
        noun = after is not None and after.text in _PLATFORM_NOUNS
        prep = (
            before is not None
            and before.text in _PLATFORM_BEFORE
            and (after is None or not (after.text[:1].isupper() or after.like_num))
        )
        if noun or prep:
            found.append(Mention(t.i, t.i + 1, "ORG", t.text, "rule", 3.0))
    return _with_words(chosen, found)


def _with_words(chosen: list[Mention], found: list[Mention]) -> list[Mention]:
    """``chosen`` with the one-token mentions ``found`` put in: each replaces a mention of the
    same token and gives way to a longer name around it."""
    if not found:
        return chosen
    longer = [m for m in chosen if m.end - m.start > 1]
    found = [f for f in found if not any(m.start <= f.start and f.end <= m.end for m in longer)]
    spans = {(f.start, f.end) for f in found}
    keep = [m for m in chosen if (m.start, m.end) not in spans]
    return sorted(keep + found, key=lambda m: m.start)


def not_title_words(
    doc: Doc, cands: list[Mention], gazetteer: Gazetteer, common_words: Any
) -> list[Mention]:
    """Drop the model's names made of ordinary words inside a quoted Title Case title.

    The titles of cited works capitalise every word, and the statistical model reads
    runs of them as names ("...Putin on the Phone", "China's Deepening Involvement in
    ..."). There a guess whose every word is an ordinary English word (the lemmatizer's
    word lists) and that has no organisation head is dropped; names the gazetteer,
    acronyms or patterns find, and words that are not dictionary words, stay.
    """
    if not common_words:
        return cands
    titles = _quoted_titles(doc_text(doc))
    if not titles:
        return cands
    starts = np.array([a for a, _b in titles], dtype=np.int64)

    def in_title(a: int, b: int) -> bool:
        k = int(np.searchsorted(starts, a, side="right")) - 1
        return k >= 0 and titles[k][0] <= a and b <= titles[k][1]

    out = []
    for c in cands:
        if c.source == "spacy" and c.label in _TITLE_WORD_LABELS:
            toks = [t for t in doc[c.start : c.end] if not t.is_punct]
            a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
            if (
                toks
                and in_title(a, b)
                and not any(t.text in _ORG_WORDS for t in toks)
                and gazetteer.lookup(doc[c.start : c.end].text) is None
                and all(_is_common(t.lower_, common_words) for t in toks)
            ):
                continue
        out.append(c)
    return out
