"""Who did what to whom: events read from the dependency parse, on CAMEO/PLOVER classes.

An **event** is a clause that reports an action between actors (a meeting, an agreement,
an exercise, a sale, a statement aimed at another actor, a sanction, an attack), dated or
not. The coding follows the event-data tradition:

* the **trigger** is a verb of a CAMEO root class (Gerner, Schrodt, Yilmaz and Abu-Jabr,
  *Conflict and Mediation Event Observations*, 2002; the codebook's verb classes 01-20), or
  a light verb with its object noun ("hold talks", "sign an agreement", "impose
  sanctions", "launch an invasion"). The verb table is data,
  ``relnlp/data/lexicons/events.v2.jsonl`` (lemma, optional object nouns, CAMEO root,
  Goldstein value); users add their own with :func:`load_event_verbs`;
* the event ``type`` is the **quad class** of PLOVER and of the CAMEO "QuadClass"
  (Schrodt, *PLOVER*, 2016-): roots 01-05 ``verbal_cooperation``, 06-08
  ``material_cooperation``, 09-13 ``verbal_conflict``, 14-20 ``material_conflict``; the
  ``goldstein`` value is the Goldstein (1992) weight of the trigger's class;
* **source** is the subject of the trigger's clause (``nsubj``; the ``agent`` of a passive,
  whose ``nsubjpass`` is then the target; the antecedent of a relative pronoun; the
  subject of the governing verb for conjoined and controlled verbs, "agreed to supply");
  **target** is the direct object, a dative, or the object of a "with/against/to/on/
  from/into/at" phrase of the verb or of its object noun ("imposed sanctions on Russia");
  verbs of giving, sending and withdrawing (CAMEO 07, 08, 15) take the recipient before
  the direct object (what moves); "receive ... from" is converse (the giver is the
  source); an act named by a noun stands for its author ("condemned Russia's attack" ->
  Russia); a relative pronoun for its antecedent;
* **statements** (CAMEO 010: "said", "stated", "stressed", "noted", "reiterated" ...),
  appeals, demands, accusations and threats are aimed at the actor their complement
  clause is about ("warned that Peru was massing troops" -> Peru; the complement's
  subject first), never at the speaker's own side (the speaker, its state, what its
  subject phrase names). A statement needs a named speaker and someone it is aimed at
  (a named actor or an actor noun, "said all parties must ..."); appeals, demands and
  threats need only the speaker. An informant ("an IS-K source said", "analysts noted")
  is not the actor speaking. In the ``events`` table a statement takes the quad class of
  what it says: verbal conflict when its sentence's tension exceeds its cooperation;
* several actors on one side are joined with ``;`` ("Netherlands;Belgium", as the
  annotation guidelines write them); coordinated subjects of an act that is mutual by
  nature (meet, negotiate, consult, cooperate, hold exercises, sign or conclude an
  agreement, agree, clash) make a **joint** event: ``parties`` lists them and ``source``
  is empty ("the United States and Jordan agreed", "he and Xi signed"); otherwise they are
  the source side of a directed act ("the US and Britain condemned Russia");
* **references** resolve as the annotation guidelines do, from the sentence itself and
  the one before: "he"/"she"/"him"/"her" -> the last person named, "it" -> the last
  single non-person subject, "they" -> the last subject naming several actors or a
  group, "the two countries", "both sides", "the two leaders" -> the last two states,
  actors or people named;
* acts named by a noun are events when the noun has an agent or parties ("the invasion
  of Kuwait by Iraq", "talks between Kenya and Somalia", "the signing of the accord by A
  and B"); a possessive ("Russia's invasion of Ukraine") or a framing preposition ("since
  the invasion") names the act to frame or weigh something else, and is not one;
* noun phrases are resolved to canonical actors through the report's entities (labels
  PERSON, ORG, GPE, NORP; a nationality adjective stands for its state, "Russian forces"
  -> Russia; a city or region, or a seat of government that acts, stands for its state,
  as CAMEO codes capitals: "Moscow", "the Kremlin" -> Russia; a head noun such as "the
  government of X" or "X's president" -> X, but "X's allies" are not X; a named person
  comes before an affiliation, "Russia's ambassador Andrei Denisov" -> the ambassador).
  Exercises, treaties, weapons and dates (EVENT, LAW, PRODUCT, DATE, and names that
  contain a year or modify "exercise", "treaty", "missile" ...) are never actors.
  Source and target are never the same actor.

Not events (annotation guidelines, ``shared/ANNOTATION.md``): clauses with a modal
auxiliary (hypotheticals, recommendations, forecasts; but "will" in what an actor
announced, "the ministry said it will expel ...", is a decision made public), conditional
clauses, questions, imperatives, clauses governed by a verb of intention or belief
("hoped to", "analysts believe that"), the author's assessment ("the Kremlin likely
continued ..."), the author's own voice ("we"), and actions named by a noun phrase that
frames something else ("since Russia's invasion of Ukraine"). A **negated** trigger
("did not meet", "failed to support") keeps a cooperation event as a refusal (CAMEO root
12, verbal conflict, Goldstein value halved with the opposite sign, ``negated`` true); a
negated conflict verb ("did not attack") reports no act and is not an event.

The ``date`` is the DATE expression of the clause, else of the sentence, else of the
chronology entry the sentence belongs to; empty when there is none. The ``events`` table
is built from :func:`extract_events` in :mod:`relnlp.tables`.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from relnlp import records as doc_records
from relnlp._jsonl import line_error, records
from relnlp.errors import ConfigError

__all__ = [
    "QUAD_CLASSES",
    "Event",
    "EventVerbs",
    "Trigger",
    "extract_events",
    "load_event_verbs",
    "quad_class",
    "statement_class",
]

PACKAGED = "lexicons/events.v2.jsonl"

#: PLOVER / CAMEO quad classes, in the order of the CAMEO roots they cover.
QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Prepositions whose object is the target of an act ("sanctions on", "talks with").
TARGET_PREPS = frozenset(
    {
        "with",
        "against",
        "to",
        "toward",
        "towards",
        "on",
        "upon",
        "into",
        "at",
        "from",
        "for",
        "over",
        "about",
        "regarding",
    }
)
#: Head nouns of names that are things, not actors ("the Joint Sea exercise", "the
#: Treaty of Good-Neighbourliness", "S-400 missiles").
THING_HEADS = frozenset(
    """exercise exercises drill drills manoeuvre manoeuvres maneuver maneuvers games game
    competition biathlon treaty treaties pact accord agreement agreements convention
    memorandum declaration charter protocol initiative project corridor pipeline railway
    missile missiles system systems jet jets fighter fighters aircraft tank tanks
    submarine submarines frigate destroyer warship warships vessel drone drones rocket
    rockets helicopter helicopters operation mission doctrine strategy plan programme
    program format war statement communique resolution law act concept""".split()
)
#: Nouns that stand for an actor without naming it; they fill a role (the event exists)
#: but resolve to no one ("the two countries", "local officials").
ACTOR_NOUNS = frozenset(
    """country countries state states government governments side sides partner partners
    ally allies neighbour neighbours neighbor neighbors nation nations power powers
    regime regimes administration authority authorities force forces troop troops army
    armies military militant militants fighter insurgent insurgents rebel rebels group
    groups official officials leader leaders minister ministers president presidents
    diplomat diplomats delegation delegations envoy envoys counterpart counterparts
    leadership party parties ministry ministries agency agencies ambassador ambassadors
    embassy embassies spokesman spokeswoman spokesperson representative representatives
    delegate delegates premier chancellor king queen emir prince commander commanders
    general generals chief chiefs head heads officer officers soldier soldiers navy navies
    police guard guards coalition bloc alliance council parliament congress senate
    cabinet court company companies firm firms bank banks community mp mps lawmaker
    lawmakers legislator legislators parliamentarian parliamentarians saboteur saboteurs
    hacker hackers spy spies operative operatives mercenary mercenaries militia militias
    paramilitary paramilitaries consul consuls attache attaches emissary emissaries
    negotiator negotiators""".split()
)
#: Actor nouns that name the other side of a relation: "Russia's allies" are not Russia.
RELATIONAL_NOUNS = frozenset(
    """ally allies partner partners neighbour neighbours neighbor neighbors friend friends
    adversary adversaries enemy enemies rival rivals opponent opponents""".split()
)
ACTOR_PRONOUNS = frozenset({"he", "she", "they", "them", "him", "her", "it", "its", "their"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
AUTHOR_PRONOUNS = frozenset({"we", "i", "us", "our", "my"})
#: Verbs of intention, attempt and belief: an act under them did not (yet) take place.
HEDGE_HEADS = frozenset(
    """hope seek try attempt plan intend want wish consider expect propose aim explore
    need prepare threaten believe think argue suggest assume predict fear doubt speculate
    imagine claim allege likely unlikely able unable ready willing eager possible
    designed foresee anticipate envisage envision forecast""".split()
)
#: Verbs under which a governed act is withheld: "failed to support", "refused to meet".
NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "cease", "stop", "avoid", "neglect"})
#: CAMEO roots whose verbs move something (aid, arms, troops) to the target: provide
#: aid (07), yield (08: release, withdraw), exhibit force posture (15: deploy).
THEME_ROOTS = frozenset({"07", "08", "15"})
#: Converse verbs: the object of "from" gives, the subject receives.
RECEIVE_VERBS = frozenset({"receive", "obtain", "get", "accept", "secure", "win"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
#: Nouns that name an act, by the verb of the table they stand for ("the invasion of
#: Georgia" is an act of "invade"). Acts that parties do together are in NOMINAL_MUTUAL.
NOMINALS = {
    "attack": "attack",
    "assault": "attack",
    "offensive": "attack",
    "invasion": "invade",
    "bombing": "bomb",
    "shelling": "shell",
    "airstrike": "strike",
    "raid": "raid",
    "assassination": "assassinate",
    "killing": "kill",
    "kidnapping": "kidnap",
    "abduction": "abduct",
    "arrest": "arrest",
    "detention": "detain",
    "seizure": "seize",
    "crackdown": "coerce",
    "occupation": "occupy",
    "annexation": "annex",
    "sanction": "sanction",
    "embargo": "embargo",
    "expulsion": "expel",
    "blockade": "blockade",
    "condemnation": "condemn",
    "criticism": "criticize",
    "accusation": "accuse",
    "threat": "threaten",
    "warning": "warn",
    "ultimatum": "demand",
    "visit": "visit",
    "meeting": "meet",
    "talk": "negotiate",
    "negotiation": "negotiate",
    "consultation": "consult",
    "summit": "meet",
    "signing": "sign",
    "cooperation": "cooperate",
    "collaboration": "collaborate",
    "aid": "aid",
    "assistance": "assist",
    "delivery": "deliver",
    "sale": "sell",
    "recognition": "recognize",
}
NOMINAL_MUTUAL = frozenset(
    {
        "talk",
        "negotiation",
        "consultation",
        "meeting",
        "summit",
        "signing",
        "cooperation",
        "collaboration",
    }
)
#: Prepositions under which a named act is the frame of a clause, not an act it reports:
#: "since Russia's invasion", "after the sanctions", "in response to the attack".
NOMINAL_FRAMES = frozenset(
    """since after before following amid despite until prior because due given like
    unlike than without against over about for to from of as""".split()
)
#: Nouns that count or group the object of a light verb: "a round of sanctions".
QUANTITY_NOUNS = frozenset(
    """round rounds package packages set sets series wave waves raft batch number host
    slew spate string range series""".split()
)
#: CAMEO roots of verbal acts aimed at what their complement clause is about: public
#: statements (01), appeals (02), demands (10), disapproval (11), rejection (12), threats (13).
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
#: Roots whose act is an event even when it is aimed at no one named: "X called for
#: restraint", "X demanded a ceasefire", "X warned of escalation" (the speaker must be
#: named). A bare statement (01) aimed at no one is not an event.
SPEECH_ROOTS = frozenset({"02", "10", "13"})
#: Heads of subjects that report what others do or say, not actors speaking for
#: themselves: "an IS-K source said", "a former member says", "analysts noted".
INFORMANT_HEADS = frozenset(
    """source sources informant informants analyst analysts expert experts observer
    observers commentator commentators member members resident residents witness
    witnesses report reports study studies survey surveys estimate estimates""".split()
)
#: Adverbs of the author's assessment: "the Kremlin likely continued to deploy forces"
#: is an analysis, not a reported act.
ASSESSMENT_ADVERBS = frozenset(
    {"likely", "probably", "possibly", "perhaps", "maybe", "presumably", "apparently", "seemingly"}
)
#: Roots of acts that are mutual by nature: several subjects do them together (consult,
#: meet, negotiate: 04; cooperate, hold exercises: 06).
MUTUAL_ROOTS = frozenset({"04", "06"})
MUTUAL_VERBS = frozenset(
    {"agree", "reconcile", "normalize", "normalise", "coordinate", "exchange", "clash", "skirmish"}
)
#: Verbs that report what an actor said or decided; a "will" under them is an announced
#: decision, not the author's forecast ("the ministry said it will expel ...").
REPORTING_VERBS = frozenset(
    """say state announce declare confirm add tell inform notify pledge vow promise
    commit decide agree warn threaten stress emphasize emphasise note reiterate""".split()
)
#: Nouns that, with "two" or "both", stand for the actors just named ("the two
#: countries", "both sides"); the value says which kind of actor they take.
PLURAL_REFERENCES = {
    "country": "state",
    "countries": "state",
    "state": "state",
    "states": "state",
    "nation": "state",
    "nations": "state",
    "government": "state",
    "governments": "state",
    "capital": "state",
    "capitals": "state",
    "side": "any",
    "sides": "any",
    "party": "any",
    "parties": "any",
    "power": "any",
    "powers": "any",
    "leader": "person",
    "leaders": "person",
    "president": "person",
    "presidents": "person",
    "minister": "person",
    "ministers": "person",
}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")


def quad_class(cameo: str) -> str:
    """The PLOVER/CAMEO quad class of a CAMEO code ("04" -> ``verbal_cooperation``).

    Examples
    --------
    >>> quad_class("057"), quad_class("19")
    ('verbal_cooperation', 'material_conflict')
    """
    root = int(cameo[:2])
    if root <= 5:
        return QUAD_CLASSES[0]
    if root <= 8:
        return QUAD_CLASSES[1]
    if root <= 13:
        return QUAD_CLASSES[2]
    return QUAD_CLASSES[3]


@dataclass(frozen=True)
class Trigger:
    """One entry of the event verb table."""

    verb: str  # the verb's lemma
    particle: str | None  # "carry out": a particle or preposition the verb must have
    objects: frozenset[str] | None  # light verbs: the object nouns that make it an act
    cameo: str
    goldstein: float

    @property
    def type(self) -> str:
        """The quad class."""
        return quad_class(self.cameo)


@dataclass(frozen=True)
class EventVerbs:
    """The event verb table, indexed by lemma (entries with object nouns first)."""

    by_verb: Mapping[str, tuple[Trigger, ...]]
    version: str
    size: int


def _read_entries(text: str, name: str) -> tuple[list[Trigger], str]:
    out: list[Trigger] = []
    version, rows = records(text, name)
    for lineno, obj in rows:

        def fail(problem: str, lineno: int = lineno) -> ConfigError:
            return line_error(name, lineno, problem)

        verb, cameo, gold = obj.get("verb"), obj.get("cameo"), obj.get("goldstein")
        objects = obj.get("objects")
        if not isinstance(verb, str) or not verb.strip() or len(verb.split()) > 2:
            raise fail("'verb' must be a lemma, optionally with a particle ('carry out')")
        if not isinstance(cameo, str) or not _CAMEO.match(cameo):
            raise fail(f"'cameo' must be a CAMEO code such as '04' or '057', got {cameo!r}")
        if not isinstance(gold, int | float) or not -10 <= gold <= 10:
            raise fail(f"'goldstein' must be a number in [-10, 10], got {gold!r}")
        if objects is not None and (
            not isinstance(objects, list) or not all(isinstance(o, str) for o in objects)
        ):
            raise fail("'objects' must be a list of nouns")
        words = verb.lower().split()
        out.append(
            Trigger(
                words[0],
                words[1] if len(words) > 1 else None,
                frozenset(o.lower() for o in objects) if objects else None,
                cameo,
                float(gold),
            )
        )
    return out, version


def _index(entries: list[Trigger], version: str) -> EventVerbs:
    index: dict[str, list[Trigger]] = {}
    for t in entries:
        index.setdefault(t.verb, []).append(t)
    # Entries that need an object or a particle are tried before the bare verb.
    ordered = {
        k: tuple(sorted(v, key=lambda t: (t.objects is None, t.particle is None)))
        for k, v in index.items()
    }
    return EventVerbs(ordered, version, len(entries))


@lru_cache(maxsize=1)
def _packaged() -> tuple[list[Trigger], str]:
    from relnlp import resources

    return _read_entries(resources.path(PACKAGED).read_text("utf-8"), f"relnlp/data/{PACKAGED}")


def load_event_verbs(
    paths: Sequence[str | os.PathLike[str]] = (), packaged: bool = True
) -> EventVerbs:
    """The packaged event verb table plus the user's JSONL files (same format).

    Parameters
    ----------
    paths : sequence of path-like
        JSONL files, one object a line: ``verb`` (lemma, optionally with a particle),
        ``objects`` (optional list of object nouns), ``cameo`` (code), ``goldstein``.
    packaged : bool
        Include ``relnlp/data/lexicons/events.v2.jsonl``.

    Returns
    -------
    EventVerbs

    Examples
    --------
    >>> verbs = load_event_verbs()
    >>> verbs.by_verb["meet"][0].type
    'verbal_cooperation'
    """
    entries: list[Trigger] = []
    version = "0"
    if packaged:
        more, version = _packaged()
        entries += more
    for p in paths:
        more, _v = _read_entries(Path(p).read_text("utf-8"), str(p))
        entries += more
        version += "+user"
    return _index(entries, version)


@lru_cache(maxsize=1)
def _default_verbs() -> EventVerbs:
    return load_event_verbs()


@dataclass(frozen=True)
class Event:
    """One event; offsets are character offsets into the Doc's text."""

    sent_start: int
    sent_end: int
    trigger_start: int
    trigger_end: int
    cameo: str
    type: str
    goldstein: float
    negated: bool
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    date: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    countries: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Actor:
    name: str
    country: str | None
    label: str = ""
    place: bool = False  # a city or region standing for its state ("Kharkiv" -> Ukraine)


class _Actors:
    """Token index -> actor, from the entities the pipeline found."""

    def __init__(self, doc: Doc) -> None:
        found = doc_records.entities(doc)
        if found is None:  # relnlp_actors did not run: spaCy's entities as they are
            found = [
                doc_records.Entity(
                    start=e.start_char,
                    end=e.end_char,
                    label=e.label_,
                    canonical=e.text,
                    role=None,
                    affiliation=None,
                    source=None,
                    country=None,
                )
                for e in doc.ents
            ]
        self.by_token: dict[int, _Actor] = {}
        self.named: set[int] = set()  # tokens inside any multi-word name
        self.country: dict[str, str] = {}
        for ent in found:
            label, canonical, country = ent.label, ent.canonical, ent.country
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None:
                continue
            if len(span) > 1:
                self.named.update(range(span.start, span.end))
            if label == "FAC" and country and _acts(span):
                # a building that acts is its government: "the Kremlin said" -> Russia
                label, canonical = "GPE", country
            if label not in ACTOR_LABELS or _is_thing(span):
                continue
            # A nationality stands for its state ("Russian forces"), and so does a city or
            # region of a state when it acts or is acted on ("Moscow deployed", "Beijing
            # protested"), as event coders (CAMEO/PETRARCH) code capitals.
            name = str(country) if label in {"NORP", "GPE"} and country else str(canonical)
            place = label == "GPE" and bool(country) and str(canonical) != str(country)
            actor = _Actor(name, str(country) if country else None, str(label), place)
            if actor.country:
                self.country.setdefault(name, actor.country)
            for i in range(span.start, span.end):
                self.by_token[i] = actor


def _acts(span: Span) -> bool:
    """Whether a name is the subject or agent of a verb."""
    root = span.root
    return (
        root.dep_ in {"nsubj", "nsubjpass"}
        or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        or (root.dep_ == "conj" and root.head.dep_ in {"nsubj", "nsubjpass"})
    )


def _is_thing(span: Span) -> bool:
    """A name that denotes an exercise, treaty, weapon or other thing, not an actor."""
    if _YEAR.search(span.text):  # "Peace Mission 2005", "Vostok-2018"
        return True
    if any(t.lower_ in THING_HEADS for t in span):  # "Joint Sea Exercise", "Minsk Agreement"
        return True
    root = span.root
    # A proper name modifying a thing noun ("the Zapad exercises"); a nationality
    # adjective ("Russian missiles") still names the state behind the thing.
    return (
        root.dep_ in {"compound", "nmod"}
        and root.head.lower_ in THING_HEADS
        and root.pos_ == "PROPN"
    )


def _np_side(tok: Token, actors: _Actors) -> list[str]:
    """One actor per conjunct of the noun phrase headed by ``tok`` ("the US and Britain",
    "Russia's ambassador Andrei Denisov and Kuleba" -> the ambassador, Kuleba)."""
    out: list[str] = []
    for c in (tok, *tok.conjuncts):
        names, affiliations = _np_parts(c, actors)
        # a person named comes first; else every state the phrase is affiliated with
        # ("officials from Nigeria and Ghana")
        out += names[:1] if names else affiliations
    return list(dict.fromkeys(out))


def _np_parts(tok: Token, actors: _Actors, depth: int = 0) -> tuple[list[str], list[str]]:
    """(names, affiliations) of the noun phrase headed by ``tok``, its conjuncts left out.

    "Russia's ambassador Andrei Denisov" -> the person named; "the Russian government",
    "Kazakhstan's president", "the leaders of China", "officials from Ghana" -> the state.
    A nationality on other nouns is not an actor ("Russian citizens", "Russian gas").
    """
    hit = actors.by_token.get(tok.i)
    if hit is not None:
        return [hit.name], []
    names: list[str] = []
    affiliations: list[str] = []
    if depth >= 2 or tok.lower_ in RELATIVE_PRONOUNS:
        return names, affiliations
    agentive = (tok.lemma_.lower() in ACTOR_NOUNS or tok.lower_ in ACTOR_NOUNS) and not (
        tok.lower_ in RELATIONAL_NOUNS or tok.lemma_.lower() in RELATIONAL_NOUNS
    )
    for c in tok.children:
        if c.dep_ in {"compound", "nmod", "appos"}:
            got = actors.by_token.get(c.i)
            if got is not None:
                names.append(got.name)
            elif c.dep_ == "appos":
                names += _np_actors(c, actors, depth + 1)
        elif c.dep_ in {"amod", "poss"} and agentive:
            got = actors.by_token.get(c.i)
            if got is not None:
                affiliations.append(got.name)
            elif c.dep_ == "poss":
                affiliations += _np_actors(c, actors, depth + 1)
        elif c.dep_ == "prep" and c.lower_ in {"of", "from"} and agentive:
            for p in c.children:
                if p.dep_ == "pobj":
                    affiliations += _np_actors(p, actors, depth + 1)
    return names, affiliations


def _np_actors(tok: Token, actors: _Actors, depth: int = 0, conj: bool = True) -> list[str]:
    """Canonical actors a noun phrase headed by ``tok`` stands for (coordination kept
    unless ``conj`` is false); see :func:`_np_parts`."""
    names, affiliations = _np_parts(tok, actors, depth)
    out = names + affiliations
    for c in tok.children if conj else ():
        if c.dep_ == "conj":
            out += _np_actors(c, actors, depth)
    return list(dict.fromkeys(out))


def _fills_role(tok: Token, actors: _Actors) -> bool:
    """Whether a noun phrase stands for some actor, named or not ("they", "both sides")."""
    if tok.lower_ in ACTOR_PRONOUNS or tok.lemma_.lower() in ACTOR_NOUNS:
        return True
    return bool(_np_actors(tok, actors))


def _clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb``'s clause and whether it is a passive subject."""
    cur = verb
    for _ in range(4):
        # the subject nearest the verb: the parser sometimes attaches a fronted name too
        subjects = sorted(
            (c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}),
            key=lambda c: abs(cur.i - c.i),
        )
        for c in subjects[:1]:
            passive = c.dep_ == "nsubjpass"
            if c.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return cur.head, passive
            return c, passive
        if cur.dep_ == "relcl":
            return cur.head, False
        # conjoined verbs share a subject; "agreed to supply": the controller's subject
        if cur.dep_ in {"conj", "xcomp", "advcl"} and cur.head.pos_ in {"VERB", "AUX"}:
            cur = cur.head
            continue
        # "X did Y after meeting Z": a gerund after a preposition has the clause's subject
        if _gerund_clause(cur):
            cur = cur.head.head
            continue
        break
    return None, False


#: Prepositions before a gerund that reports an act of the clause's subject ("after
#: meeting", "by supplying", "in expanding"); "before", "instead of" do not report one.
GERUND_PREPS = frozenset({"after", "since", "upon", "on", "by", "following", "while", "in"})


def _gerund_clause(verb: Token) -> bool:
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in GERUND_PREPS
        and verb.head.head.pos_ in {"VERB", "AUX"}
    )


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    # "as demanded by Islamabad": a participle with an agent is passive without an auxiliary
    return any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children)


def _match(tok: Token, verbs: EventVerbs) -> tuple[Trigger, list[Token]] | None:
    """The verb table entry ``tok`` triggers, and the trigger's words."""
    entries = verbs.by_verb.get(tok.lemma_.lower()) or verbs.by_verb.get(tok.lower_)
    if not entries:
        return None
    for t in entries:
        words = [tok]
        if t.particle is not None:
            # "called for all parties to show restraint": the parser makes "for" the
            # mark of the clause it introduces
            prt = next(
                (c for c in tok.children if c.dep_ in {"prt", "prep"} and c.lower_ == t.particle),
                None,
            ) or next(
                (
                    m
                    for c in tok.children
                    if c.dep_ in {"ccomp", "advcl", "xcomp"}
                    for m in c.children
                    if m.dep_ == "mark" and m.lower_ == t.particle and m.i == tok.i + 1
                ),
                None,
            )
            if prt is None:
                continue
            words.append(prt)
        if t.objects is not None:
            deps = {"dobj", "nsubjpass"}
            heads = [tok] + [w for w in words[1:] if w.dep_ == "prep"]
            # "imposed a new round of sanctions": the noun after a quantity noun
            cands = [
                c
                for h in heads
                for c in h.children
                if c.dep_ in deps or (h is not tok and c.dep_ == "pobj")
            ]
            cands += [
                q
                for c in cands
                if c.lemma_.lower() in QUANTITY_NOUNS
                for pr in c.children
                if pr.dep_ == "prep" and pr.lower_ == "of"
                for q in pr.children
                if q.dep_ == "pobj"
            ]
            obj = next(
                (c for c in cands if c.lemma_.lower() in t.objects or c.lower_ in t.objects), None
            )
            if obj is None:
                continue
            words.append(obj)
        return t, words
    return None


def _skip_clause(verb: Token) -> bool:
    """Whether the clause of ``verb`` reports no act: a hypothetical, conditional,
    recommendation, forecast, question, imperative, or a modifier inside a noun phrase."""
    if verb.dep_ in {"amod", "acl", "compound", "nmod", "csubj", "npadvmod"}:
        return True
    if verb.dep_ == "pcomp" and not _gerund_clause(verb):
        return True
    cur = verb
    only_conj = True  # cur is verb, or reached from it through coordination only
    for _ in range(6):
        for c in cur.children:
            if c.tag_ == "MD":
                if c.lower_ in {"will", "'ll", "shall"} and _reported(cur):
                    continue  # "announced it will expel": a decision made public
                return True
            # an infinitive of purpose: "sent troops to attack", "to strengthen allies and
            # defend NATO" (the conjunct shares the "to")
            if c.dep_ == "aux" and c.lower_ == "to" and only_conj and cur.dep_ != "xcomp":
                return True
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return True
            if c.dep_ == "advmod" and c.lower_ in ASSESSMENT_ADVERBS:
                return True
        if cur.i != verb.i and cur.lemma_.lower() in HEDGE_HEADS:
            return True
        if cur.dep_ in {"xcomp", "ccomp", "conj", "advcl"} and cur.head.i != cur.i:
            if cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ":  # "likely to", "ready to"
                return True
            only_conj = only_conj and cur.dep_ == "conj"
            cur = cur.head
            continue
        if _gerund_clause(cur):
            only_conj = False
            cur = cur.head.head
            continue
        break
    if (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children)
    ):
        return True  # an imperative: a recommendation
    return False


def _reported(verb: Token) -> bool:
    """Whether ``verb``'s clause is what an actor said or decided ("announced that it
    will ...", "said it will ... and will ...")."""
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "ccomp" and cur.head.lemma_.lower() in REPORTING_VERBS


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATORS):
            return True
        if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):  # "no longer"
            return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_HEADS:
        return True
    return False


def _targets(
    verb: Token, obj_words: Sequence[Token], theme: bool = False, verbs: EventVerbs | None = None
) -> list[Token]:
    """Candidate target phrases of ``verb``, best first.

    The direct object and, for an act named by a noun, its possessor ("condemned Russia's
    attack"); the objects of target prepositions of the verb, of the trigger's object noun
    ("imposed sanctions on", "an invasion of") and of other objects; the objects of a
    governed trigger verb ("refused to meet X"). With ``theme`` (verbs of giving, sending
    and withdrawing) the direct object is what moves, so the recipient (a dative, a "to"
    phrase) comes first.
    """
    out: list[Token] = []
    skip = {t.i for t in obj_words}
    # spaCy labels the "to" of a recipient "dative": its object is the recipient
    objs = [
        p
        for c in verb.children
        if c.dep_ in {"dobj", "dative"}
        for p in ([c] if c.pos_ != "ADP" else [g for g in c.children if g.dep_ == "pobj"])
    ]
    if theme:
        objs.sort(key=lambda c: c.dep_ != "dative")
        out += [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in {"to", "into"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for o in objs:
        if o.i not in skip:
            out.append(o)

    def pobjs(h: Token, preps: frozenset[str]) -> list[Token]:
        return [
            p
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]

    direct = pobjs(verb, TARGET_PREPS)
    # and what those name their target: "called for sanctions on Russia"
    out += direct + [q for d in direct for q in pobjs(d, TARGET_PREPS)]
    for w in obj_words:
        if w.pos_ in {"NOUN", "PROPN"}:
            out += pobjs(w, TARGET_PREPS | {"of"})
    for o in objs:
        if o.i not in skip:
            # "protested the decision of the Philippine navy": the author of what is objected to
            out += pobjs(o, TARGET_PREPS | {"of"})
    # last, the objects of a governed verb: "refused to meet X", "opposed allowing X"
    for x in verb.children:
        if x.dep_ == "xcomp":
            out += [c for c in x.children if c.dep_ in {"dobj", "dative"}] + pobjs(x, TARGET_PREPS)
    # a relative pronoun stands for the noun its clause modifies: "Abkhazia, which Moscow
    # recognised"
    out = [
        verb.head if (t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else t for t in out
    ]
    # an act named by a noun stands for its author: "condemned Russia's attack",
    # "concerns over Pyongyang's launches"
    # ("their commitment to X": a possessive pronoun is the subject's own, not a target)
    return [
        t
        for o in out
        for t in (o, *(c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"))
    ]


def _mutual(trig: Trigger) -> bool:
    """Acts that several subjects do together: meetings, talks, cooperation, exercises,
    and signing or concluding an agreement."""
    return (
        trig.cameo[:2] in MUTUAL_ROOTS
        or (trig.cameo[:2] == "05" and trig.objects is not None)
        or trig.verb in MUTUAL_VERBS
    )


def _nationality_of(tok: Token, actors: _Actors) -> list[str]:
    """The state of a nationality or place name modifying a noun ("Russian banks")."""
    return [
        hit.name
        for c in tok.children
        if c.dep_ in {"amod", "compound"}
        if (hit := actors.by_token.get(c.i)) is not None and hit.label in {"NORP", "GPE"}
    ]


def _complements(verb: Token) -> list[Token]:
    """Clauses a verb of saying governs, directly or through its object ("reiterated
    claims that ...", "issued a statement that ...")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [
        c
        for h in (verb, *objs)
        for c in h.children
        if c.dep_ == "ccomp"
        or (
            h is not verb
            and c.dep_ in {"acl", "relcl"}
            and c.pos_ == "VERB"
            and any(m.dep_ == "mark" for m in c.children)
        )
    ]


def _complement_role(verb: Token, actors: _Actors) -> bool:
    """Whether a complement's subject is an actor no one names ("said that all parties
    must exercise restraint"): the statement is aimed at someone."""
    return any(
        subj.lemma_.lower() in ACTOR_NOUNS and not _np_actors(subj, actors)
        for comp in _complements(verb)
        for subj in comp.children
        if subj.dep_ in {"nsubj", "nsubjpass"}
    )


def _complement_actors(verb: Token, actors: _Actors) -> list[str]:
    """Actors of the clause a verb of saying governs, its subject's first: "stated that
    Kyiv had deployed troops" -> Ukraine."""
    out: list[str] = []
    for comp in _complements(verb):
        for subj in (c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}):
            out += _np_side(subj, actors)
            out += [a for c in subj.children if c.dep_ == "poss" for a in _np_side(c, actors)]
        for t in comp.subtree:
            hit = actors.by_token.get(t.i)
            if hit is not None and not _location(t, actors):
                out.append(hit.name)
    return list(dict.fromkeys(out))


#: Prepositions of place: "bases in Donbas", "troops near Kharkiv". "From" is one for a
#: city or region ("refugees from Kharkiv"), not for a state ("loans from China").
LOCATIVE_PREPS = frozenset(
    """in at near across within throughout inside outside around along""".split()
)


def _location(tok: Token, actors: _Actors) -> bool:
    """Whether a name is a mere place in its clause (the object of "in", "near", of "from"
    for a city ...), not an actor a statement is about."""
    cur = tok
    while cur.dep_ in {"compound", "conj", "appos"} and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj":
        return False
    prep = cur.head.lower_
    hit = actors.by_token.get(tok.i)
    return prep in LOCATIVE_PREPS or (prep == "from" and hit is not None and hit.place)


class _Context:
    """Actors the text has just named, for pronouns ("they reiterated") and plural
    references ("the two countries", "both sides"): as the annotation guidelines resolve
    them, from the sentence itself and the one before."""

    def __init__(self, doc: Doc, actors: _Actors) -> None:
        self.doc = doc
        self.actors = actors
        # first token of each name, with its actor
        self.mentions: list[tuple[int, _Actor]] = []
        prev: _Actor | None = None
        for i in sorted(actors.by_token):
            a = actors.by_token[i]
            if prev is not a or (i - 1) not in actors.by_token:
                self.mentions.append((i, a))
            prev = a
        self.mention_at = [i for i, _a in self.mentions]
        # clause subjects that name actors: token index, one actor per conjunct
        self.subjects: list[tuple[int, list[str], str]] = []
        for t in doc:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON":
                side = _np_side(t, actors)
                if side:
                    first = actors.by_token.get(t.i)
                    label = first.label if first is not None else ""
                    self.subjects.append((t.i, side, label))
        self.subject_at = [i for i, _s, _l in self.subjects]

    def _window(self, tok: Token) -> int:
        start = tok.sent.start
        return self.doc[start - 1].sent.start if start > 0 else 0

    def resolve(self, tok: Token) -> list[str]:
        """The actors ``tok`` (a pronoun or "the two countries") stands for, or []."""
        lo = self._window(tok)
        word = tok.lower_
        if word in {"he", "she", "him", "her"}:
            k = bisect.bisect_left(self.mention_at, tok.i) - 1
            while k >= 0 and self.mentions[k][0] >= lo:
                if self.mentions[k][1].label == "PERSON":
                    return [self.mentions[k][1].name]
                k -= 1
            return []
        if word in {"it", "they", "them"}:
            k = bisect.bisect_left(self.subject_at, tok.i) - 1
            if k >= 0 and self.subjects[k][0] >= lo:
                _i, side, label = self.subjects[k]
                if word == "it":  # one state or organisation
                    ok = len(side) == 1 and label != "PERSON"
                else:  # several actors, or a group ("the Taliban ... they")
                    ok = len(side) >= 2 or label in {"ORG", "NORP"}
                if ok:
                    return list(side)
            return []
        kind = PLURAL_REFERENCES.get(word)
        if kind is None or not any(c.lower_ in {"two", "both"} for c in tok.children):
            return []
        found: list[str] = []
        k = bisect.bisect_left(self.mention_at, tok.i) - 1
        while k >= 0 and self.mentions[k][0] >= lo and len(found) < 2:
            a = self.mentions[k][1]
            ok = kind == "any" or (kind == "person") == (a.label == "PERSON")
            if ok and a.name not in found:
                found.append(a.name)
            k -= 1
        return found[::-1] if len(found) == 2 else []


def _event_at(
    verb: Token,
    trig: Trigger,
    words: list[Token],
    actors: _Actors,
    verbs: EventVerbs,
    context: _Context | None = None,
) -> Event | None:
    subj, passive_subj = _clause_subject(verb)
    if subj is not None and subj.lower_ in AUTHOR_PRONOUNS and subj.pos_ == "PRON":  # not "US"
        return None
    passive = passive_subj or _is_passive(verb)
    agent = _agent(verb)
    obj_words = [w for w in words[1:] if w.pos_ in {"NOUN", "PROPN"}]
    theme = trig.cameo[:2] in THEME_ROOTS
    if passive:
        src_np, tgt_nps = agent, ([subj] if subj is not None and subj not in obj_words else [])
        if theme and agent is None and subj is not None:
            # "Iran's oil was sold to Russia": the owner of what moves gives it
            src_np = next((c for c in subj.children if c.dep_ == "poss"), None)
            tgt_nps = []
        tgt_nps += _targets(verb, obj_words, theme, verbs)
    else:
        src_np, tgt_nps = subj, _targets(verb, obj_words, theme, verbs)
    if not passive and verb.lemma_.lower() in RECEIVE_VERBS:
        # "India received a waiver from the United States": the giver is the source
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        giver = next(
            (
                p
                for h in holders
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        if giver is not None and _np_actors(giver, actors):
            src_np, tgt_nps = giver, [n for n in (subj,) if n is not None]
            trig = Trigger(trig.verb, None, None, "07", 7.0)
    if src_np is not None and src_np.lemma_.lower() in INFORMANT_HEADS:
        return None  # "an IS-K source said": an informant, not the group acting
    sources = _np_side(src_np, actors) if src_np is not None else []
    if not sources and src_np is not None and context is not None:
        # "they reiterated", "the two sides signed": the actors the text has just named
        sources = context.resolve(src_np)
    targets: list[str] = []
    target_filled = False
    for np_ in tgt_nps:
        named = _np_side(np_, actors)
        if not named and context is not None and np_.lower_ in {"him", "her"}:
            named = context.resolve(np_)
        got = [a for a in named if a not in sources]
        if got:
            targets, target_filled = got, True
            break
        if named:
            # "Moscow deployed Russian soldiers to Kazakhstan": the soldiers are the
            # source's own; the next phrase names the target
            continue
        if _fills_role(np_, actors):
            # "called on the international community to block X": the target is the
            # community, named by no one, not the object of what it is asked to do
            target_filled = True
            break
    if not targets and not target_filled:
        # "sanctions on the Russian financial sector", "strikes on Ukrainian cities": the
        # state whose nationality qualifies what the act is aimed at
        # (a prepositional object only: "threatened Afghan clerics" aims at people)
        targets = [
            a
            for np_ in tgt_nps
            if np_.dep_ == "pobj"
            for a in _nationality_of(np_, actors)
            if a not in sources
        ][:1]
        target_filled = bool(targets)
    if not targets and trig.cameo[:2] in VERBAL_ROOTS:
        # a statement, appeal, demand or threat is aimed at the actor its complement
        # clause is about: "warned that Russia was preparing an attack" -> Russia
        # never the speaker's own side: "Hungary's minister announced that Hungary ...",
        # "X, director of Iran's railways, said that Iran needs ..."
        own = set(sources) | {c for a in sources if (c := actors.country.get(a))}
        if src_np is not None:
            own |= {h.name for t in src_np.subtree if (h := actors.by_token.get(t.i)) is not None}
            own |= {c for a in list(own) if (c := actors.country.get(a))}
        targets = [
            a
            for a in _complement_actors(verb, actors)
            if a not in own and actors.country.get(a) not in own
        ][:1]
        target_filled = target_filled or bool(targets) or _complement_role(verb, actors)
    source_filled = src_np is not None and (bool(sources) or _fills_role(src_np, actors))
    # "he and Xi signed": coordinated subjects make a joint act even when one of them is
    # a pronoun or an unnamed actor
    conjuncts = [src_np, *(c for c in src_np.conjuncts)] if src_np is not None else []
    several = len(sources) >= 2 or (
        len(conjuncts) >= 2 and bool(sources) and all(_fills_role(c, actors) for c in conjuncts)
    )
    # Several subjects act together (parties, no direction) when the act has no other
    # side or is mutual by nature (meeting, talks, cooperation, signing); otherwise they
    # are the source side of a directed act: "the US and Britain condemned Russia".
    joint = several and _mutual(trig)
    targets = [t for t in targets if t not in sources]  # never the same actor on both sides
    source = None if joint or not sources else ";".join(sources)
    target = ";".join(targets) if targets else None
    speech = trig.cameo[:2] in SPEECH_ROOTS and bool(sources)
    if trig.cameo[:2] == "01" and not sources:
        return None  # "he said that ...": a statement needs a speaker the text names
    if not joint and not (source_filled and (target_filled or speech)):
        return None
    if source is None and target is None and not joint:
        return None
    parties = tuple(dict.fromkeys((*sources, *targets)))
    negated = _negated(verb)
    cameo, gold = trig.cameo, trig.goldstein
    if negated:
        if gold < 0 or trig.cameo[:2] == "01":
            return None  # "did not attack", "has not announced": no act took place
        cameo, gold = "12", round(-0.5 * gold, 3)  # a withheld act of cooperation: a refusal
    a = min(w.idx for w in words)
    b = max(w.idx + len(w.text) for w in words)
    countries = tuple(dict.fromkeys(c for p in parties if (c := actors.country.get(p))))
    sent = verb.sent
    return Event(
        sent.start_char,
        sent.end_char,
        a,
        b,
        cameo,
        quad_class(cameo),
        gold,
        negated,
        source,
        target,
        parties,
        countries=countries,
    )


def _governor(tok: Token) -> Token | None:
    """The verb whose clause holds the noun ``tok``."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _nominal_event(
    noun: Token, verbs: EventVerbs, actors: _Actors, context: _Context
) -> Event | None:
    """An act named by a noun that the clause reports ("the Taliban's crackdown on the
    cells choked recruitment", "cooperation between A and B grew", "the signing of the
    accord by A and B"), not one that frames it ("since Russia's invasion of Ukraine").

    The author is the agent ("by X"), the possessor ("X's") or a name modifying the noun
    ("Russian strikes"); the target the object of "of/on/against/with/to/into"; "between
    A and B", or several authors of a mutual act, are the parties.
    """
    lemma = noun.lemma_.lower()
    verb_lemma = NOMINALS.get(lemma)
    if verb_lemma is None:
        return None
    entries = [
        t for t in verbs.by_verb.get(verb_lemma, ()) if t.objects is None and t.particle is None
    ]
    if not entries:
        return None
    trig = entries[0]
    if any(c.dep_ == "neg" or c.lower_ in {"no", "without"} for c in noun.children):
        return None
    if noun.dep_ == "pobj" and (
        noun.head.lower_ in NOMINAL_FRAMES or noun.head.head.pos_ == "NOUN"
    ):
        return None
    if noun.dep_ in {"compound", "amod", "nmod", "poss", "conj", "appos", "npadvmod"}:
        return None
    gov = _governor(noun)
    if gov is not None and (_skip_clause(gov) or _negated(gov) or _match(gov, verbs) is not None):
        return None  # a hypothetical, a denial, or the object of an act coded by its verb
    authors: list[str] = []
    targets: list[str] = []
    parties: list[str] = []
    mutual = lemma in NOMINAL_MUTUAL
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            # "Russia's invasion of Ukraine" names an act to frame or weigh it: background,
            # not a report (the annotation guidelines); only "A-B talks" are kept
            return None
        elif c.dep_ in {"compound", "amod", "nmod"} and mutual:
            hit = actors.by_token.get(c.i)
            if hit is not None:
                authors.append(hit.name)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            authors += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
        elif c.dep_ == "prep" and c.lower_ == "between":
            parties += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"of"} and not targets:
            targets += [a for p in c.children if p.dep_ == "pobj" for a in _np_side(p, actors)]
    authors = list(dict.fromkeys(authors))
    if mutual and (
        len(parties) >= 2
        or (len(authors) >= 2 and not targets)
        or (len(authors) == 1 and len(targets) == 1 and lemma != "signing")
    ):
        source, target = None, None
        both = parties if len(parties) >= 2 else authors + targets
        both = list(dict.fromkeys(both))
        if len(both) < 2:
            return None
        side: tuple[str, ...] = tuple(both)
    else:
        targets = [t for t in targets if t not in authors]
        if not authors or not targets:
            return None
        source, target = ";".join(authors), ";".join(targets)
        side = tuple(dict.fromkeys((*authors, *targets)))
    countries = tuple(dict.fromkeys(k for a in side if (k := actors.country.get(a))))
    sent = noun.sent
    return Event(
        sent.start_char,
        sent.end_char,
        noun.idx,
        noun.idx + len(noun.text),
        trig.cameo,
        quad_class(trig.cameo),
        trig.goldstein,
        False,
        source,
        target,
        side,
        countries=countries,
    )


def extract_events(doc: Doc, verbs: EventVerbs | None = None) -> list[Event]:
    """The events of an analysed Doc (see the module docstring).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        Parsed, ideally after ``relnlp_actors`` (canonical names) and ``relnlp_dates``
        (dates); without them spaCy's entities are used as they are and events are undated.
    verbs : EventVerbs, optional
        The verb table (default: the packaged one).

    Returns
    -------
    list of Event

    Examples
    --------
    >>> import relnlp
    >>> r = relnlp.load().analyze("Russia and China signed a gas deal in May 2014.")
    >>> ev = extract_events(r.doc)[0]
    >>> ev.parties, ev.type, ev.date
    (('Russia', 'China'), 'verbal_cooperation', '2014-05')
    """
    verbs = verbs if verbs is not None else _default_verbs()
    actors = _Actors(doc)
    context = _Context(doc, actors)
    timexes = [
        (t.start, t.end, t.value)
        for t in doc_records.timexes(doc)
        if t.type == "DATE" and t.value and not t.value.startswith("XXXX")
    ]
    chron = doc_records.chronology(doc)
    out: list[Event] = []
    for sent in doc.sents:
        if sent.text.rstrip().endswith("?"):
            continue
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.i not in actors.named:
                nev = _nominal_event(tok, verbs, actors, context)
                if nev is not None:
                    out.append(_dated(nev, tok, sent, timexes, chron))
                continue
            # a copula can carry an act through its particle: "were in talks"
            if tok.i in actors.named or not (
                tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"})
            ):
                continue
            m = _match(tok, verbs)
            if m is None or _skip_clause(tok):
                continue
            if tok.dep_ == "xcomp" and _match(tok.head, verbs) is not None:
                continue  # "agreed to supply": one act, coded by the governing verb
            ev = _event_at(tok, m[0], m[1], actors, verbs, context)
            if ev is None:
                continue
            out.append(_dated(ev, tok, sent, timexes, chron))
    return out


def _dated(
    ev: Event, tok: Token, sent: Span, timexes: list[tuple[int, int, str]], chron: Sequence[Any]
) -> Event:
    date = _date_of(tok, sent, timexes, chron)
    if date is None:
        return ev
    return replace(ev, date=date[0], date_start=date[1], date_end=date[2])


def _date_of(
    verb: Token, sent: Span, timexes: list[tuple[int, int, str]], chron: Sequence[Any]
) -> tuple[str, int, int] | None:
    """The clause's date, else the sentence's, else its chronology entry's."""
    in_sent = [(v, s, e) for s, e, v in timexes if sent.start_char <= s and e <= sent.end_char]
    sub = verb.subtree
    lo = min((t.idx for t in sub), default=verb.idx)
    hi = max((t.idx + len(t.text) for t in verb.subtree), default=verb.idx)
    clause = [d for d in in_sent if lo <= d[1] and d[2] <= hi]
    if clause or in_sent:
        return (clause or in_sent)[0]
    for c in chron:
        if c.start <= sent.start_char < c.end:
            return next(((v, s, e) for s, e, v in timexes if c.start <= s < c.end), None)
    return None


def statement_class(ev: Event, tone: Any) -> str:
    """The quad class of an event; a public statement (CAMEO 01) takes its sentence's tone.

    ``tone`` is the sentence's record (``cooperation``, ``tension``) or None. Used by the
    ``events`` table (:mod:`relnlp.tables`).

    CAMEO codes what a statement says, not that it was made: "warned that X is massing
    troops" is verbal conflict, "said it values X's friendship" verbal cooperation. Root 01
    alone is neutral, so the sentence's cooperation and tension decide.
    """
    if ev.cameo[:2] != "01" or ev.negated or tone is None:
        return ev.type
    return QUAD_CLASSES[2] if tone.tension > tone.cooperation else QUAD_CLASSES[0]
