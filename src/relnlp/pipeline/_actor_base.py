"""Word lists, the mention record and the span helpers of the actor tagger
(:mod:`relnlp.pipeline.actors`): what the tagger knows about names, kept apart from the order
in which it applies it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from relnlp import records
from relnlp.gazetteer import Gazetteer
from relnlp.lang.chars import POSSESSIVE_S
from relnlp.pipeline import distinct_words, doc_text, span_texts
from relnlp.pipeline._canonical import (
    DIVISION_HEADS,
    division_canonical,
    is_organ,
    organ_canonical,
)
from relnlp.pipeline._titles import TITLE_WORDS

__all__ = ["Mention", "divisions", "history_name", "organs", "same_body"]


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
_LEADING_DROP = frozenset(
    {"the", "The", "a", "A", "an", "An", "THE", "these", "those", "this", "that"}
)
# Lower-case affixes joined to a name by a hyphen are not part of it ("pro-Russian").
_AFFIXES = frozenset({"pro", "anti", "post", "pre", "non", "ex", "mid"})
# Heads of ideas, slogans and identities named with a nationality adjective ("Russian World",
# "Russkiy Mir", "Chinese Dream", "Russian Idea"): the adjective is NORP, the idea no name.
_CONCEPT_HEADS = frozenset(
    "World Mir Dream Idea Civilization Civilisation Civilizations Identity Soul Way".split()
)
# A process or direction derived from a name ("Latinization", "de-Nazification",
# "Westward") is an ordinary word that the model takes for a name.
_DERIVED = re.compile(r"(?:[a-z]+-)?[A-Z][a-z]+(?:ization|isation|ification|wards?)")
# ... and these only in lower case ("all-Russian" -> "Russian", "un-Islamic" -> "Islamic";
# "All-Russia People's Front" is a name, "UN-led" keeps "UN").
_LOWER_AFFIXES = frozenset({"all", "un"})
# Function words never end a name ("Chinese Government on", "Border Conflict between").
_TRAILING_FUNCTION = frozenset(
    {"of", "the", "on", "between", "and", "in", "for", "to", "with", "at", "by", "a", "an"}
)
# Lower-case words that a proper event name may hold: function words, and "format" of the
# named negotiating formats ("Normandy format", guidelines 8), which is no description.
_NAME_LOWER = _TRAILING_FUNCTION | {"format"}
# Finite and participle verb tags (Penn Treebank).
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})
# Offices a title ends with ("LNR Head", "NATO Secretary-General"): never a person's name.
_OFFICE_TAIL = frozenset(
    """Head Chief Minister President Chairman Director Governor Mayor Commander Spokesman
    Spokesperson Spokeswoman Speaker Secretary Secretary-General Ambassador Envoy Premier""".split()
)
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
_OFFICE_SPLIT = frozenset(
    {"President", "Minister", "Premier", "Chairman", "Ambassador", "Chancellor"}
)
_ORG_WORDS = frozenset(
    """Ministry Office Committee Commission Council Department Agency Bureau Service
    Administration Bank Organization Organisation Party Army Navy Forces Union Fund
    Institute University Group Association Court Assembly Parliament League""".split()
)
# Organ heads that an official name may continue with "of ..." ("General Office of ...").
_ORG_HEADS = frozenset(
    """Ministry Office Committee Commission Council Department Agency Bureau Service
    Administration Staff Directorate Secretariat Presidium Politburo Bureau Academy
    Command Headquarters Directorate-General Forces""".split()
)
# Labels of the model's guesses that a cited title's ordinary words produce.
_TITLE_WORD_LABELS = frozenset({"ORG", "LAW", "EVENT", "FAC", "PERSON", "GPE", "LOC"})
# Endings of settlement names in Ukrainian, Russian, Belarusian, Central Asian, Persian
# and German toponymy (general knowledge of the field's geography).
_TOPONYM_ENDINGS = (
    "ivka",
    "yivka",
    "ivske",
    "ivsk",
    "sk",
    "ske",
    "pol",
    "opil",
    "opol",
    "hrad",
    "grad",
    "horod",
    "gorod",
    "burg",
    "abad",
    "kent",
    "shahr",
    "ovo",
    "evo",
)
_SETTLEMENT_WORDS = frozenset(
    "Stanytsia Stanitsa Velyka Mala Nova Novyi Novy Stara Staryi Verkhnii Nyzhnii".split()
)
# Prepositions of place after which a one-word name is a place, not a person.
_PLACE_PREPOSITIONS = frozenset("near outside toward towards around across into nearby".split())
# Lower-case heads after a name that make it a facility, with the words that may stand
# between ("railway station", "border crossing"), and heads of descent groups.
_FACILITY_AFTER = frozenset("station crossing checkpoint airbase airfield terminal".split())
_FACILITY_QUALIFIERS = frozenset("railway rail train bus metro border air naval".split())
_GROUP_AFTER = frozenset("clan clans tribe tribes".split())
# Heads of the names of military units and formations.
_UNIT_HEADS = frozenset(
    "Army Fleet Flotilla Brigade Division Regiment Corps Battalion Guards".split()
)
# Heads of named transport infrastructure, FAC in the guidelines ("Middle Corridor").
_FAC_HEADS = frozenset(
    """Corridor Railway Railroad Highway Motorway Pipeline Port Bridge Canal Tunnel Route
    Crossing Station Airport Seaport Terminal Dam""".split()
)
# Words that may stand beside an author's name on a byline.
_BYLINE_WORDS = frozenset("by and dr prof professor phd mr ms mrs author authors editor".split())
# Separators between the parts of a byline line ("By Jane Doe | Asia Program | July 9").
_SEPARATORS = ("|", "•", "·", "—")
# Lower-case generic heads after a place name ("Herat province", "Chabahar port").
_GENERIC_PLACE_HEADS = frozenset(
    "province port city district county region oblast village town".split()
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Heads of named gatherings (EVENT in the guidelines: summits, conferences, forums).
_EVENT_HEADS = frozenset(
    "Summit Conference Forum Olympics Games Expo Dialogue Symposium Talks Meeting".split()
)
# Heads and openings of named historical events ("Mukden Incident", "Prague Spring" is
# left to the gazetteer; "Battle of Kursk", "Siege of Leningrad"). "War" is not one: it
# ends names of bodies too ("Institute for the Study of War").
_HISTORY_HEADS = frozenset(
    """Incident Massacre Revolution Uprising Rebellion Restoration Blockade Airlift Mutiny
    Insurrection Pogrom Crisis Offensive Genocide Famine Putsch Coup Affair Invasion""".split()
)
_HISTORY_OPENINGS = frozenset({"Battle", "Siege", "Sack", "Fall", "Liberation"})
# Abbreviations of ordinary notions (economics, technology, business, arms control) that
# the statistical model tags as bodies or places; they name no actor. ISO 4217 currency
# codes ("IRR 200,000") too, less those that are also office symbols (EUR, INR).
NON_NAME_ACRONYMS = frozenset(
    """AI GDP GNP GNI FDI LNG LPG ICT R&D CEO CEOs CFO NGO NGOs INGO SME SMEs MSME MSMEs
    SOE SOEs VAT PPP IPO M&A KPI OEM EV EVs UAV UAVs UAS WMD WMDs IED IEDs CBRN MoU MOU
    FTA FTAs FTZ SEZ SEZs ESG CO2 GHG IoT 5G 4G ISR C2 C4ISR A2/AD
    OSINT HUMINT SIGINT IMINT GEOINT ELINT COMINT MASINT TECHINT SOCMINT USD GBP JPY CNY
    RMB RUB IRR PKR AFN KZT UZS AZN UAH BYN CHF SEK NOK DKK PLN CZK HUF SAR AED QAR KWD
    EGP ILS IQD SYP NGN ZAR KES BRL MXN ARS KRW KPW TWD HKD SGD MYR IDR THB VND AUD NZD""".split()
)
# Satellite navigation and communication systems: products, not actors (guidelines 2: "other
# products ... navigation systems such as GLONASS" are not entities).
NON_NAME_SYSTEMS = frozenset({"GLONASS", "GPS", "BeiDou", "Beidou", "Bei Dou", "Starlink"})
# Cryptocurrencies, like currencies, are no actors: "donations in Monero".
CRYPTOCURRENCIES = frozenset("Bitcoin Monero Ethereum Ether Tether Litecoin Dogecoin".split())
# Captions and cross-references of a report's own exhibits ("see Graph 1", "Table 2a").
_EXHIBIT_HEADS = frozenset("Graph Figure Fig. Table Chart Map Box Annex Appendix Exhibit".split())
_EXHIBIT_NUMBER = re.compile(r"^(?:\d+[a-z]?|[A-Z]|[IVX]+)(?:\.\d+)?$")


def exhibit_reference(span: Span) -> bool:
    """Whether a span is a reference to a figure or table of the report ("Graph 1")."""
    return (
        len(span) == 2
        and span[0].text in _EXHIBIT_HEADS
        and _EXHIBIT_NUMBER.match(span[1].text) is not None
    )


# Names of languages that are no nationality adjective as well (OntoNotes LANGUAGE, no
# label of the guidelines): "in Pashto and Dari". "Russian", "Persian" stay NORP.
# Transliterated Islamic terms that are common nouns, capitalised or not ("Zakat", "Sharia",
# "Hawala" money transfer, "Ulema" the scholars, "Mujahidin" fighters): no names.
ISLAMIC_TERMS = frozenset(
    """Hawala Hawaladar Zakat Zakah Sharia Shariah Sharia'a Ulema Ulama Mujahidin Mujahideen
    Mujahedin Mujahid Jihad Fatwa Fatwas Madrasa Madrassa Madrasah Madrasas Madrassas Ummah
    Hijra Hijrah Sunnah Hadith Amir Khutbah Dawah""".split()
)
LANGUAGE_NAMES = frozenset(
    """Pashto Pashtu Dari Urdu Farsi Mandarin Cantonese Hindi Bengali Swahili Tagalog
    Esperanto Putonghua""".split()
)


def same_body(long: str, canonical: str) -> bool:
    """Whether an acronym's long form written in the text can name the gazetteer body its
    short form stands for: they share a content word ("Islamic State in Khorasan" and
    "Islamic State – Khorasan Province"); "General Directorate of Intelligence (GDI)" is
    not the gazetteer's "Global Development Initiative"."""
    stop = {"of", "and", "for", "the", "on", "in", "to"}
    words = {w.lower().rstrip("s") for w in re.findall(r"[^\W\d_]+", long)} - stop
    return bool(words & {w.lower().rstrip("s") for w in re.findall(r"[^\W\d_]+", canonical)})


def history_name(span: Span) -> bool:
    """Whether a capitalised span of two or more words names a historical event by its
    head ("Mukden Incident") or its opening ("Battle of Kursk", "Siege of Leningrad")."""
    if len(span) < 2 or not span[0].text[:1].isupper():
        return False
    if span[-1].text in _HISTORY_HEADS:
        return True
    return len(span) > 2 and span[0].text in _HISTORY_OPENINGS and span[1].text == "of"


# Lower-case heads after "A-B" that make A and B the places a link joins.
_LINK_HEADS = frozenset(
    "railway railroad rail road highway pipeline corridor route line link border crossing".split()
)
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


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


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

    persons = [
        (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
        for m in cands
        if m.label == "PERSON" and m.end - m.start > 1
    ]

    def byline(c: Mention) -> bool:
        # A line, or a part of a line between separators ("By Jane Doe and John Roe |
        # Asia Program | July 9"), that holds nothing but full personal names and byline
        # words ("By Jane Doe", "Jane Doe, PhD"); in a Title Case heading ("Arms
        # Transfers and Joint Drills") the model's PERSON guesses are ordinary words.
        a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = line_end if line_end >= 0 else len(text)
        seg_start = max(line_start, *(text.rfind(sep, 0, a) + 1 for sep in _SEPARATORS))
        seg_ends = [e for e in (text.find(sep, b) for sep in _SEPARATORS) if 0 <= e < line_end]
        seg_end = min(seg_ends, default=line_end)
        seg = list(text[seg_start:seg_end])
        for pa, pb in persons:
            if seg_start <= pa and pb <= seg_end:
                seg[pa - seg_start : pb - seg_start] = " " * (pb - pa)
        rest = "".join(seg)
        return not [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _BYLINE_WORDS]

    def name_like(c: Mention) -> bool:
        # The model's persons are kept on a byline; its places and bodies in a Title Case
        # heading are too often ordinary words ("Trade Routes are Worth" as GPE).
        return c.label == "PERSON" and c.end - c.start > 1 and byline(c)

    def prose_line(c: Mention) -> bool:
        # A news headline or caption in sentence case ("Eddie Chu received the largest
        # vote", "The ship Freewinds in Bonaire."): its capitals are names, as in a passage.
        a = doc[c.start].idx
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", a)
        return sentence_case(text[line_start : line_end if line_end >= 0 else len(text)])

    return [
        c
        for c in cands
        if c.source != "spacy" or name_like(c) or inside(doc[c.start].idx) or prose_line(c)
    ]


def sentence_case(line: str) -> bool:
    """Whether a line is written in sentence case, not Title Case: after its first word it
    has two or more lower-case content words ("claims", "cruise ship"). A Title Case
    heading ("Military Aid and Arms Sales", "Trade Routes are Worth Billions") has at most
    one."""
    words = re.findall(r"[^\W\d_][^\W\d_'’-]*", line)[1:]
    lower = [w for w in words if w[0].islower() and len(w) > 2 and w not in _TRAILING_FUNCTION]
    return len(lower) >= 2


def _the(m: Mention, name: str) -> str:
    """``name`` after "of": bodies take the article, states do not ("of the Central
    Committee", "of China"; "of the United States")."""
    if m.label == "GPE":
        return f"the {name}" if name.startswith(("United ", "Netherlands", "Philippines")) else name
    return name if name.startswith(("the ", "The ")) else f"the {name}"


def _common_words(nlp: Language) -> frozenset[str]:
    """Ordinary English words: the rule lemmatizer's word lists (nouns, verbs, adjectives,
    adverbs), empty when the pipeline has no such lemmatizer."""
    for _name, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None) or getattr(
            getattr(pipe, "wrapped", None), "lookups", None
        )
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        words: set[str] = set()
        for key in table:
            words.update(w for w in table[key] if "_" not in w)
        return frozenset(words)
    return frozenset()


def _is_common(word: str, common: frozenset[str]) -> bool:
    """Whether ``word`` (lower case) is a function word or an ordinary word, inflected or
    not ("disputes", "withdrawing", "armed")."""
    if word in common or word in _TRAILING_FUNCTION:
        return True
    stems = [word[:-1]] if word.endswith("s") else []
    if word.endswith(("es", "ed")):
        stems.append(word[:-2])
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    if word.endswith("ied") or word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("ed"):
        stems.append(word[:-1])
    return any(len(st) > 2 and st in common for st in stems)


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,200})[\"”]")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted strings written in Title Case (titles of cited works)."""
    out = []
    for m in _QUOTED.finditer(text):
        words = [w for w in re.findall(r"[^\W\d_]+", m.group(1)) if len(w) > 3]
        if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
            out.append((m.start(1), m.end(1)))
    return out


_ARTICLE = re.compile(r"(?:[Tt]he|[Aa]n?)\s+")


def _drop_dates_inside(doc: Doc, names: list[tuple[int, int]]) -> None:
    """Remove the date spans that lie inside a named event or law ("Vostok 2022", "Trade
    Act of 1974": the year is part of the name, GUIDELINES section 8), or that reach into
    one from an article before it ("The Winter" of "The Winter War")."""
    found = records.timexes(doc)
    if not names or not found:
        return
    text = doc_text(doc)

    def within(a: int, b: int) -> bool:
        return any(
            a < e and s < b and (a >= s or _ARTICLE.fullmatch(text[a:s])) and b <= e
            for s, e in names
        )

    records.set_timexes(doc, (t for t in found if not within(t.start, t.end)))
    if "rel_dates" in doc.spans:
        doc.spans["rel_dates"] = [
            sp for sp in doc.spans["rel_dates"] if not within(sp.start_char, sp.end_char)
        ]


def _tokens_where(doc: Doc, test: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose text passes ``test`` (tested once per distinct word)."""
    words, inverse = distinct_words(doc)
    keep = np.fromiter(map(test, words), dtype=bool, count=len(words))
    return np.flatnonzero(keep[inverse]).tolist()


def _trim(doc: Doc, s: int, e: int, *, affixes: bool = True) -> tuple[int, int]:
    """Drop leading articles, hyphenated affixes ("pro-", "anti-"; not from a name the
    gazetteer knows whole, "Anti-Secession Law"), and trailing function words and
    punctuation from token span [s, e)."""
    while True:
        before = (s, e)
        while s < e and ((t := doc[s]).is_space or t.text in _LEADING_DROP or t.is_punct):
            s += 1
        if (
            affixes
            and s + 2 < e
            and ((t := doc[s]).lower_ in _AFFIXES or t.text in _LOWER_AFFIXES)
            and not t.whitespace_
            and (nxt := doc[s + 1]).text in ("-", "–")
            and not nxt.whitespace_
        ):
            s += 2
        while e > s and (
            (t := doc[e - 1]).is_space or t.text in _TRAILING_DROP or t.text in _TRAILING_FUNCTION
        ):
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
            if all(t.text[:1].isupper() or t.text in ("-", "–") for t in tail) and not any(
                t.text in _ORG_WORDS or t.text in TITLE_WORDS for t in tail
            ):
                return j, i + 1
    return None


def _hyphen_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the parts of a span joined by unspaced hyphens or slashes."""
    parts, cur = [], start
    for t in doc[start:end]:
        if (
            t.text in ("-", "/", "–")
            and not t.whitespace_
            and t.i > start
            and not doc[t.i - 1].whitespace_
        ):
            parts.append((cur, t.i))
            cur = t.i + 1
    parts.append((cur, end))
    return [p for p in parts if p[1] > p[0]]


def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: higher priority, then longer, then earlier."""
    order = sorted(
        cands, key=lambda m: (-(m.priority >= 4.0), -(m.end - m.start), -m.priority, m.start)
    )
    taken: set[int] = set()
    out = []
    for m in order:
        idx = range(m.start, m.end)
        if any(i in taken for i in idx):
            continue
        taken.update(idx)
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def divisions(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place before a lower-case administrative head names the division ("Herat
    province" -> "Herat Province"); the head stays out of the span (guidelines 8)."""
    out = []
    for m in chosen:
        nxt = doc[m.end] if m.end < len(doc) else None
        if (
            m.label == "GPE"
            and nxt is not None
            and nxt.is_lower
            and nxt.lower_ in DIVISION_HEADS
            and doc[m.end - 1].whitespace_
            and m.source != "acronym"
        ):
            name = " ".join(doc[m.start : m.end].text.split())
            canonical = division_canonical(name, nxt.text, gazetteer)
            if canonical is not None:
                m = replace(m, canonical=canonical)
        out.append(m)
    return out


def organs(doc: Doc, chosen: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A ministry or government named after its state takes the state in its canonical
    ("Kazakhstan's Ministry of Transport" -> "Ministry of Transport of Kazakhstan"); a
    nationality adjective right before it is part of its name (guidelines, decision on
    nationality adjectives inside an organ's name: "Afghan Ministry of Mines")."""
    out: list[Mention] = []
    text_of = span_texts(doc)
    for m in chosen:
        prev = out[-1] if out else None
        if m.label != "ORG" or prev is None:
            out.append(m)
            continue
        text = " ".join(text_of(m.start, m.end).split())
        known = gazetteer.lookup(text)
        # A known organ of another state is that state's organ here ("Pakistan's Foreign
        # Office" is not the British one).
        if known is None:
            open_organ = m.source in ("spacy", "registry", "organ")
        else:
            open_organ = known.country not in (None, prev.country)
        if not open_organ or not is_organ(text):
            out.append(m)
            continue
        state = prev.country if prev.country is not None else None
        if prev.label == "NORP" and prev.end == m.start and doc[prev.end - 1].whitespace_ and state:
            organ = organ_canonical(text, gazetteer, state=state)
            if organ is not None:
                out[-1] = replace(m, start=prev.start, canonical=organ[0], country=organ[1])
                continue
        if (
            prev.label == "GPE"
            and prev.end == m.start - 1
            and doc[prev.end].text in POSSESSIVE_S
            and state is not None
            and state in (prev.canonical, gazetteer.capitals.get(prev.canonical))
        ):
            organ = organ_canonical(text, gazetteer, state=state)
            if organ is not None:
                m = replace(m, canonical=organ[0], country=organ[1])
        out.append(m)
    return out


def office_body(doc: Doc, s: int, e: int, gazetteer: Gazetteer) -> Mention | None:
    """The body of a model PERSON span that ends in an office ("DNR Head", "NATO
    Secretary"): a known name or an acronym before the office, else None."""
    if e - s < 2 or doc[e - 1].text not in _OFFICE_TAIL:
        return None
    head = doc[s : e - 1].text
    hit = gazetteer.lookup(head)
    if hit is not None and hit.label != "PERSON":
        return Mention(s, e - 1, hit.label, hit.canonical, "spacy", 2.0, hit.country)
    if head.isupper() and head.isalpha():
        return Mention(s, e - 1, "ORG", head, "spacy", 2.0)
    return None


def list_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the items of a span that lists names ("Gomel, Brest and Mozyr");
    [] without a comma or conjunction inside."""
    seps = [t.i for t in doc[start + 1 : end - 1] if t.text in (",", "and", "or")]
    if not seps:
        return []
    bounds = [start - 1, *seps, end]
    items = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        a += 1
        if a < b - 1 and doc[a].lower_ == "the":  # "... and the Gulf Cooperation Council"
            a += 1
        if b > a:
            items.append((a, b))
    return items


def verb_after_name(tok: Token) -> bool:
    """Whether a model span's last token is a verb, no part of the name: a headline verb
    ("Wang Yi Talks"), or a lower-case finite verb or participle ("Black Sea Fleet
    blockaded")."""
    return tok.text in _HEADLINE_VERBS or (tok.is_lower and tok.tag_ in _VERB_TAGS)


# Gazetteer kinds of organisations that are no organ of a state (see adjective_lead).
_NON_STATE_KINDS = frozenset(
    "armed_group party company media thinktank think_tank university".split()
)


def adjective_lead(
    doc: Doc,
    s: int,
    e: int,
    label: str,
    gazetteer: Gazetteer,
    text_of: Callable[[int, int], str] | None = None,
) -> list[Mention] | None:
    """The names in a statistical place, facility or person span that is no such name.

    A person's name holds no possessive ("Putin's Kazakh counterpart" -> PERSON "Putin" +
    NORP "Kazakh"). A nationality adjective before words that name no known place or
    facility ("Russian World", "Russkiy Mir", "Moldovan Independence Day": a concept, a
    holiday) is NORP alone (guidelines: "Russkiy Mir" = "Russian World" -> NORP "Russian";
    holidays, "... Day", are not entities). A capitalised word opening the sentence before
    the adjective is no part of it ("Similar Russian claims"). None: the span is left as
    it is; [] drops it. ``text_of``: the Doc's :func:`relnlp.pipeline.span_texts`, when the
    caller has it.
    """
    text_of = span_texts(doc) if text_of is None else text_of
    if _DERIVED.fullmatch(text_of(s, e)) and doc[e - 1].text not in _ORG_WORDS:
        return []  # "Westward", "Latinization", "de-Nazification": derived words, no names
    if (
        e - s >= 3
        and doc[s].text in gazetteer.combining
        and doc[s + 1].text in ("-", "–")
        and (adj := gazetteer.lookup(doc[s + 2].text)) is not None
        and adj.label == "NORP"
    ):
        # "Russo-Georgian border": a fused adjective is NORP whatever the model read; before
        # a name the gazetteer knows ("Russo-Kazakh Caspian Pipeline Consortium") it
        # describes that name and is no part of it.
        known = gazetteer.lookup(text_of(s + 3, e)) if e - s > 3 else None
        if e - s == 3 or known is not None:
            fused = Mention(s, s + 3, "NORP", text_of(s, s + 3), "spacy", 2.0)
            if known is None:
                return [fused]
            return [
                fused,
                Mention(s + 3, e, known.label, known.canonical, "spacy", 2.0, known.country),
            ]
    if (
        e - s >= 2
        and gazetteer.lookup(text_of(s, e)) is None
        and (adj := gazetteer.lookup(doc[s].text)) is not None
        and adj.kind in ("demonym", "religious-group")
        and (body := gazetteer.lookup(text_of(s + 1, e))) is not None
        and (
            (body.label == "ORG" and body.kind in _NON_STATE_KINDS)
            or (body.label == "NORP" and body.kind == "religious-group")
        )
    ):
        # "Afghan Taliban": a nationality or religious adjective before a non-state
        # organisation ("Kharijite Daesh") or a creed ("Afghan Salafism") is its own NORP
        # (guidelines 8, fifth session); a title that holds it ("Pakistani Taliban") is a
        # gazetteer name of its own, and before a state organ the adjective belongs to it.
        return [
            Mention(s, s + 1, "NORP", adj.canonical, "spacy", 2.0, adj.country),
            Mention(s + 1, e, body.label, body.canonical, "spacy", 2.0, body.country),
        ]
    out: list[Mention] = []
    if e - s == 2 and doc[s].is_sent_start and gazetteer.lookup(doc[s].text) is None:
        # "Similar Russian assertions": a capitalised opening word is no part of the name.
        adj = gazetteer.lookup(doc[s + 1].text)
        if adj is not None and adj.label == "NORP" and label in {"PERSON", "NORP", "GPE", "LOC"}:
            return [Mention(s + 1, e, "NORP", adj.canonical, "spacy", 2.0, adj.country)]
    if label == "PERSON":
        poss = next((t.i for t in doc[s + 1 : e - 1] if t.text in POSSESSIVE_S), None)
        if poss is not None:
            out.append(Mention(s, poss, "PERSON", text_of(s, poss), "spacy", 2.0))
            s = poss + 1
    holiday = e - s > 1 and doc[e - 1].text == "Day" and label != "EVENT"
    concept = holiday or (e - s == 2 and doc[e - 1].text in _CONCEPT_HEADS)
    if (label in {"PERSON", "LOC", "GPE", "FAC"} or concept) and e - s >= 1:
        adj = gazetteer.lookup(doc[s].text)
        rest = doc[s + 1 : e]
        if (
            adj is not None
            and adj.label == "NORP"
            and (not out or e - s == 1)
            and gazetteer.lookup(text_of(s, e)) is None
            and gazetteer.lookup(f"{doc[s].text} {rest.text.lower()}".strip()) is None
            and not any(
                t.text in _FAC_HEADS or t.text in _PLACE_HEADS or gazetteer.lookup(t.text)
                for t in rest
            )
        ):
            return [*out, Mention(s, s + 1, "NORP", adj.canonical, "spacy", 2.0, adj.country)]
    return out if out or holiday else None  # a holiday's name ("Victory Day") is no entity


# Labels looked up in ordinary case inside a Markdown heading written in capitals.
_HEAD_LABELS = frozenset({"GPE", "NORP", "LOC"})


def caps_heading(text: str, char: int, newlines: list[int]) -> bool:
    """Whether ``char`` lies in a heading written in capitals ("### THE CONTEXT BEHIND
    RUSSIA'S POLICY": a Markdown heading, or a line of two or more words standing alone
    between blank lines), where names are tagged as in passages (guidelines 8)."""
    k = bisect.bisect_left(newlines, char)  # newlines: the positions of "\n" in text
    a = newlines[k - 1] + 1 if k else 0
    b = newlines[k] if k < len(newlines) else len(text)
    line = text[a:b]
    if line.upper() != line or len(re.findall(r"[^\W\d_]{2,}", line)) < 2:
        return False
    alone = (a < 2 or text[a - 2] == "\n") and (b + 1 >= len(text) or text[b + 1] == "\n")
    return alone or line.lstrip().startswith("#")


def datelines(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """A place in capitals opening a line, as news datelines write it ("KYIV, Ukraine
    (AP) —", "TEL AVIV —"), when the gazetteer knows it in ordinary case; and the
    places and nationalities anywhere in a Markdown heading in capitals."""
    out, text, newlines = [], doc_text(doc), []
    caps = _tokens_where(doc, lambda w: len(w) >= 3 and w.isalpha() and w.isupper())
    if caps:
        newlines = [m.start() for m in re.finditer("\n", text)]
    text_of = span_texts(doc)
    for i in caps:
        head = caps_heading(text, doc[i].idx, newlines)
        if not head and i and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_:
            continue
        run = i + 1  # tokens [i, run) are words in capitals, at most three
        while run < min(len(doc), i + 3) and (t := doc[run]).is_upper and t.is_alpha:
            run += 1
        for e in range(run, i, -1):
            hit = gazetteer.lookup(text_of(i, e).title())
            if hit is not None and (hit.label == "GPE" or head and hit.label in _HEAD_LABELS):
                prio = 3.0 + 0.1 * (e - i)
                out.append(Mention(i, e, hit.label, hit.canonical, "gazetteer", prio, hit.country))
                break
    return out


# Heads of company names that an acronym can open ("IS Bank", "VTB Capital").
_COMPANY_HEADS = frozenset(
    "Bank Group Holding Holdings Corporation Company Airlines Capital Insurance".split()
)


def opens_other_name(doc: Doc, i: int) -> bool:
    """Whether the short acronym at token i opens another name: a company's ("IS Bank") or
    another acronym glued to it by a hyphen and one letter ("IS-J" is not "IS"; "EU-UK"
    is two names)."""
    if len(doc[i].text) > 3 or not doc[i].text.isupper() or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if nxt.text in _COMPANY_HEADS:
        return True
    return (
        nxt.text in ("-", "–")
        and not doc[i].whitespace_
        and not nxt.whitespace_
        and i + 2 < len(doc)
        and len(doc[i + 2].text) == 1
        and doc[i + 2].text.isupper()
    )
