"""Forms of personal and institutional names the statistical model cuts or joins wrongly
(helpers of ``relnlp_actors``).

* a regnal number belongs to a monarch's or pope's name ("Alexander II", "Mikhail I"):
  the model often stops before it ("Tsar Mikhail" I);
* initials before a surname make a person ("J.R. Tolliver"), which the model often calls
  an organisation;
* a university named with its campus is one body ("University of Texas at Austin"),
  which the model splits into the university and the place; a body housed at a
  university is two ("Block Museum of Art at Northwestern University"), which the model
  joins;
* a body named with a head of another European language ("Instituto Cervantes",
  "Fondazione Prada", "Movimento 5 Stelle") is ORG, which the model often misses or
  reads as a person or a place;
* a site or a natural feature named with a transliterated Arabic, Persian or Turkish
  head before the name ("Meydan Tahrir", "Masjid Negara", "Burj Khalifa", "Jebel Marra",
  "Kuh-e Sultan") is FAC or LOC, which the model reads as a person.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from relnlp.gazetteer import Gazetteer
from relnlp.pipeline import doc_text
from relnlp.pipeline._actor_base import _ORG_WORDS, Mention
from relnlp.pipeline._titles import TITLE_WORDS

__all__ = [
    "campus_names",
    "coordinated_people",
    "foreign_names",
    "given_start",
    "initials_person",
    "regnal_end",
    "regnal_title",
]

# Roman numerals of regnal names, I to XXIII (a bare "I" is checked apart: it may be
# the pronoun).
_REGNAL = re.compile(r"^(?:X{0,2})(?:I{1,3}|IV|V|VI{1,3}|IX)$|^X{1,2}$")
# Words that are titles of rank only before a regnal name ("Shah Abbas I", "Shah Ismail
# II"); elsewhere they are given names or surnames ("Shah Rukh", "Amit Shah").
_REGNAL_TITLES = frozenset({"Shah", "Padishah"})
# A word of initials ("J.R.", "K.C.", "W.") and a capitalised surname.
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_SURNAME = re.compile(r"^(?:Mc|Mac|O')?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*$")
# Heads of a university's name, and of bodies a university houses.
_ACADEMIC_HEADS = frozenset("University College Institute Polytechnic".split())
_HOUSED_HEADS = frozenset(
    """Museum Gallery Galleries Library Center Centre Institute School Department
    Laboratory Hospital Observatory Archive Archives""".split()
)


def regnal_end(doc: Doc, first: int, start: int, end: int) -> int:
    """The end of a person's span over a regnal number right after it.

    ``first`` is where the span began before its titles were left out. After a title of
    a monarch ("Tsar", "Pope", "King") a bare "I" is a number; without one (other titles
    included: "President Macron I told"), "I" before a verb is the pronoun.
    """
    if end >= len(doc) or end <= start or not doc[end - 1].text[:1].isupper():
        return end
    word = doc[end].text
    titles = {t.text for t in doc[first:start]}
    if start > 0:
        titles.add(doc[start - 1].text)
    if word == "I" and not titles & _MONARCHS:  # "President Macron I told reporters"
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX"):
            return end
    return end + 1 if _REGNAL.match(word) else end


# Titles of monarchs and popes, after which a bare "I" is a regnal number.
_MONARCHS = frozenset(
    """Tsar Czar Tsarina Tsaritsa Tsarevich Tsarevna King Queen Pope Emperor Empress Kaiser
    Shah Sultan Sultana Caliph Khan Pharaoh Prince Princess Duke Duchess Archduke Archduchess
    Grand Elector Margrave Count Countess Regent""".split()
)


def regnal_title(doc: Doc, s: int) -> bool:
    """Whether ``doc[s]`` is a title of rank that only a regnal name makes one: "Shah"
    before one capitalised name and a regnal number ("Shah Abbas I", "Shah Tahmasp II")."""
    if doc[s].text not in _REGNAL_TITLES or s + 2 >= len(doc):
        return False
    name, number = doc[s + 1], doc[s + 2]
    return name.is_alpha and name.text[:1].isupper() and bool(_REGNAL.match(number.text))


def given_start(doc: Doc, i: int, canonical: str, taken: set[int]) -> int:
    """Where a person's name starts whose surname the report names at token ``i``.

    A caption or heading ("A bust of Anna Weiss in Graz") is no passage, so the model's
    span there is dropped and the surname alone is found again; the given name of the
    person named in full elsewhere (``canonical``) and the middle names between it and
    the surname belong to the mention ("Anna Maria Weiss" for "Anna Weiss").
    """
    first = canonical.split()[0]
    for a in range(i - 1, max(-1, i - 4), -1):
        tok = doc[a]
        if a in taken or not tok.is_alpha or not tok.text[:1].isupper() or tok.whitespace_ != " ":
            return i
        if tok.text == first:
            return a
    return i


def initials_person(span: Span, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a span is initials and a surname ("J.R. Tolliver", "W. E. Dalton") that the
    gazetteer does not know as another name."""
    words = [t.text for t in span]
    if not 2 <= len(words) <= 4 or not _INITIALS.match(words[0]):
        return False
    if gazetteer is not None and (
        gazetteer.lookup(span.text) is not None or gazetteer.lookup(words[0]) is not None
    ):
        return False  # "U.S. Steel", "U.N. Women": a known abbreviation, not initials
    return all(_INITIALS.match(w) for w in words[1:-1]) and bool(_SURNAME.match(words[-1]))


def _split_at(doc: Doc, m: Mention) -> Mention | None:
    """A body at a university, one span: the body and the university as two."""
    for k in range(m.start + 1, m.end - 1):
        if doc[k].text != "at":
            continue
        left, right = doc[m.start : k], doc[k + 1 : m.end]
        if right[-1].text in _ACADEMIC_HEADS and any(t.text in _HOUSED_HEADS for t in left):
            return Mention(k + 1, m.end, "ORG", right.text, m.source, m.priority)
    return None


def campus_names(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """Join a university and its campus; split a body from the university that houses it."""
    by_start = {m.start: m for m in chosen}
    out: list[Mention] = []
    skip: set[int] = set()
    for m in chosen:
        if id(m) in skip:
            continue
        if m.label == "ORG":
            right = _split_at(doc, m)
            if right is not None:
                left_end = right.start - 1
                out.append(replace(m, end=left_end, canonical=doc[m.start : left_end].text))
                out.append(right)
                continue
            words = [t.text for t in doc[m.start : m.end]]
            place = by_start.get(m.end + 1)
            if (
                m.end < len(doc)
                and doc[m.end].text == "at"
                and (words[0] == "University" or words[-1] == "University")
                and place is not None
                and place.label in ("GPE", "LOC")
            ):
                skip.add(id(place))
                name = doc[m.start : place.end].text
                out.append(replace(m, end=place.end, canonical=name, country=None))
                continue
        out.append(m)
    return out


# Heads of bodies' names in Spanish, Portuguese, Italian, French, German and Dutch
# (institutes, universities, foundations, banks, parties, ministries, councils, academies,
# schools, museums, movements, federations, unions, groups, companies, societies).
_FOREIGN_HEADS = """Instituto Istituto Institut Universidad Universidade Università Universität
    Université Universiteit Fundación Fundação Fondazione Fondation Stiftung Banco Banca
    Banque Partido Partito Parti Partei Ministerio Ministério Ministero Ministère Comité
    Comitato Consejo Conselho Consiglio Conseil Asociación Associação Associazione
    Académie Academia Accademia Akademie Colegio Collège Liceo Lycée Escuela Scuola École
    Escola Museo Musée Museu Biblioteca Bibliothèque Movimento Movimiento Mouvement Frente
    Fronte Federación Federazione Fédération Sindicato Sindacato Syndicat Gruppo Grupo
    Groupe Compañía Companhia Compagnie Società Sociedad Sociedade Société Hochschule
    Gesellschaft Verband""".split()
# Articles and prepositions inside such names ("Museo del Prado", "Parti de la Gauche").
_LINKS = """de di del della dello dei degli delle des du für der per para do da dos das
    e y et und la le les el lo""".split()
_FOREIGN_BODY = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(_FOREIGN_HEADS)})"
    rf"(?: (?:(?:{'|'.join(_LINKS)}) ){{0,2}}(?:[A-Z][\w'’.-]*|\d+(?![\w.,]\d)))+"
)


# Transliterated heads written before the name: squares, mosques, towers, palaces and
# shrines (FAC); mountains, plains and seas (LOC). An ezafe may be glued ("Kuh-e").
_SITE_HEADS = {
    **dict.fromkeys(
        "Meydan Maidan Meidan Midan Maydan Masjid Masjed Mescit Burj Kakh".split(), "FAC"
    ),
    **dict.fromkeys("Imamzadeh".split(), "FAC"),
    **dict.fromkeys("Jebel Jabal Djebel Jbel Kuh Dasht Bahr Daryacheh".split(), "LOC"),
}
_SITE = re.compile(
    rf"(?<![\w'’-])({'|'.join(_SITE_HEADS)})(?:-(?:e|i|ye|yi))?"
    r"((?: (?:(?:al|el|ad|ar|as|an)-)?[^\W\d_][\w'’-]*){1,3})"
)
_OF_PLACE = re.compile(r" of ([^\W\d_][\w'’-]*)")
# Words after such a head that make the span no site's name ("Maidan Revolution").
_NOT_SITE = frozenset("Revolution Uprising Protests Protest Movement Massacre".split())


def _site_names(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    while (m := _SITE.search(text, pos)) is not None:
        words = m.group(2).split(" ")[1:]
        keep = 0
        for w in words:
            bare = w.split("-")[-1] if w[:3] in ("al-", "el-", "ad-", "ar-", "as-", "an-") else w
            if not bare[:1].isupper() or w in _NOT_SITE:
                break
            keep += 1
        end = m.start(2) + len(" ".join(["", *words[:keep]]))
        tail = _OF_PLACE.match(text, end)
        if keep and tail is not None and tail.group(1)[:1].isupper():
            end = tail.end()  # "Masjid-e Jameh of Yazd"
        if keep:
            out.append((m.start(), end, _SITE_HEADS[m.group(1)]))
        pos = max(end, m.start() + 1)  # words left over may open another name
    return out


def foreign_names(doc: Doc) -> list[Mention]:
    """Bodies named with a head of another European language (ORG), and sites named with a
    transliterated head (FAC, LOC): below the gazetteer, above the model's span of the
    same extent ("Fundación Telefónica" as LOC, "Jebel Marra" as PERSON)."""
    text = doc_text(doc)
    found = [(m.start(), m.end(), "ORG") for m in _FOREIGN_BODY.finditer(text)]
    out: list[Mention] = []
    for start, end, label in found + _site_names(text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) < 2 or span.text != text[start:end]:
            continue
        out.append(Mention(span.start, span.end, label, span.text, "pattern", 2.5))
    return out


def _plain_name(doc: Doc, a: int, b: int, gaz: Gazetteer, common: frozenset[str]) -> bool:
    """Two or three capitalised proper nouns that are no ordinary word, title or known name."""
    words = doc[a:b]
    return (
        2 <= len(words) <= 3
        and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words)
        and not any(
            (t.lower_ in common and t.pos_ != "PROPN") or t.text in TITLE_WORDS for t in words
        )
        and words[-1].lower_ not in common  # "Oxford Dictionary": a surname is no common noun
        and gaz.lookup(words.text) is None
        and all(gaz.lookup(t.text) is None for t in words)
    )


def _plain_name_at(
    doc: Doc, i: int, before: bool, gaz: Gazetteer, common: frozenset[str], taken: set[int]
) -> tuple[int, int] | None:
    """The plain name of three or two words ending (``before``) or starting at ``i``, with
    no other capitalised word of no known name beyond it."""
    for n in (3, 2):
        a, b = (i - n, i) if before else (i, i + n)
        if a < 0 or b > len(doc) or not _plain_name(doc, a, b, gaz, common):
            continue
        edge = a - 1 if before else b
        if not 0 <= edge < len(doc) or edge in taken or not doc[edge].text[:1].isupper():
            return a, b
    return None


# Last words of company and body names (beside the organisation words of the actor base).
_BODY_ENDS = _ORG_WORDS | frozenset(
    """Motors Airlines Airways Industries Holdings Technologies Systems Energy Media Inc Corp
    Corporation Ltd Limited LLC PLC Company Co Foods Pharmaceuticals Partners Capital Studios
    Records Entertainment Communications Electric Steel Oil Petroleum Gas Mining Group Bros
    Brothers Motor Aerospace Dynamics Labs Networks Telecom Logistics Insurance Trust Ventures
    Enterprises Products Solutions International Global Worldwide""".split()
)


def coordinated_people(
    doc: Doc, chosen: list[Mention], gaz: Gazetteer, common: frozenset[str]
) -> list[Mention]:
    """A plain two- or three-word name joined by "and" to a person's full name is a person
    too ("his brothers Tomas Berglund and Erik Lund": the model often finds one only)."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    model = {(m.start, m.end): m for m in chosen if m.source == "spacy" and m.label != "PERSON"}
    out = list(chosen)
    for m in chosen:
        if m.label != "PERSON" or m.end - m.start < 2:
            continue
        spans = []
        if m.start >= 3 and doc[m.start - 1].lower_ == "and":
            spans.append(_plain_name_at(doc, m.start - 1, True, gaz, common, taken))
        if m.end + 3 <= len(doc) and doc[m.end].lower_ == "and":
            spans.append(_plain_name_at(doc, m.end + 1, False, gaz, common, taken))
        for found in spans:
            if found is None:
                continue
            a, b = found
            other = model.get((a, b))
            if other is not None and doc[b - 1].text in _BODY_ENDS:
                continue  # "Xi Jinping and Tesla Motors executives": a company
            if other is not None:  # the model's "Hedda Brekke" as ORG
                out[out.index(other)] = replace(other, label="PERSON", canonical=doc[a:b].text)
            elif not any(i in taken for i in range(a, b)):
                taken.update(range(a, b))
                out.append(Mention(a, b, "PERSON", doc[a:b].text, "pattern", 1.5))
    return sorted(out, key=lambda m: m.start)
