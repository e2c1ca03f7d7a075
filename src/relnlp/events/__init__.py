"""Who did what to whom: events read from the dependency parse, on CAMEO/PLOVER classes.

An **event** is a clause that reports an action between actors (a meeting, an agreement,
an exercise, a sale, a statement aimed at another actor, a sanction, an attack), dated or
not. The coding follows the event-data tradition:

* the **trigger** is a verb of a CAMEO root class (Gerner, Schrodt, Yilmaz and Abu-Jabr,
  *Conflict and Mediation Event Observations*, 2002; the codebook's verb classes 01-20), or
  a light verb with its object noun ("hold talks", "sign an agreement", "impose
  sanctions", "launch an invasion"), a verb of deciding with the act its object noun
  names ("announced the release of", "approved the extradition of": the act, not a
  statement; :mod:`._noun_acts`), a light verb with an act noun the table does not pair
  it with ("staged a raid", "levelled accusations") or a verb of receiving with it ("received warnings
  from X": X warned, not aid). The verb table is data,
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
  from/into/at" phrase of the verb or of its object noun ("imposed sanctions on Russia"),
  else that of a verb in a tense coordinated with it under one subject ("met Peru and
  signed a deal", "arrested and deported Ugandan smugglers"), else, for violence on things
  no one named, the state of the place it lands in ("struck targets in Gaza");
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
  actors or people named; a bare definite description ("the group", "the ministry",
  "the government", "authorities", "officials") -> the actor of its kind named last (an
  organisation or armed group; the organisation whose name holds the word; a state).
  Never across a paragraph break or a heading. Unnamed "authorities", "police",
  "officials", "the government" with no single state named there -> the state the
  paragraph is about, when one state dominates it (:mod:`relnlp.events._discourse`).
  ``actor_confidence`` says how sure the actors are: 1.0 when the clause names them,
  0.9 / 0.75 resolved from the same / the previous sentence, 0.5 from the paragraph's
  dominant state, 0.4 when a trigger whose clause names no actor took them from word
  order (the first actor named before it in its clause, else in the sentence, or the last
  one for a pronoun subject; the first after it: :mod:`relnlp.events._roles`);
* an act of the source alone is an event without a target when no one else is named:
  yielding, investigating, protesting, reducing relations and restricting (CAMEO 08, 09,
  14, 16, 17) named by a light verb with its act noun or by a verb of yielding ("the
  rebels declared a ceasefire", "Chile launched an investigation", "the workers went on
  strike", "the government imposed a curfew", "the president resigned");
* a stated intent is an event of its own: an act under "is willing / ready / prepared /
  determined to" is coded as an intent (CAMEO 03, verbal cooperation) or, when the act
  is hostile, a threat (13); a meeting, visit or talks announced with a plain "will"
  ("Putin will meet Merkel on Saturday") is an intent to meet made public (036);
* a sentence that reports an act (a trigger in a clause that is no hypothesis, no
  negated attack, no statement aimed at no one) but whose parse gives no event **falls
  back** to the actors it names: a subject that names no one takes the first actor named
  before the trigger (a pronoun the last, of the kind it takes), a missing target the next
  actor named in the trigger's clause; a passive without agent keeps its target and no
  source ("the governor was assassinated"); a subject that is a thing ("the paper
  discusses") makes no event. An act noun modified by a name, both sides named
  ("Kenyan raids on Somali camps"), fills such a sentence too; a possessive one
  ("Russia's invasion of X has put ...") still frames and is no event, unless its
  clause reports it (below);
* acts named by a noun are events when the noun has an agent or parties ("the invasion
  of Kuwait by Iraq", "talks between Kenya and Somalia", "the signing of the accord by A
  and B"); a possessive ("Russia's invasion of Ukraine") or a framing preposition ("since
  the invasion") names the act to frame or weigh something else, and is not one, unless
  the noun is the subject of a verb in the simple past or of a verb of the act's course
  ("Turkey's raid on the camp killed ten", "the attack by X on Y began at dawn"; not a
  copula or a verb of weighing, "marked a turning point"): the possessor is then the
  author, and an act of its author alone (CAMEO 08, 09, 14, 16, 17: "Myanmar's
  crackdown on protesters killed forty") needs no target;
* noun phrases are resolved to canonical actors through the report's entities (labels
  PERSON, ORG, GPE, NORP; a nationality adjective stands for its state, "Russian forces"
  -> Russia; a city or region, or a seat of government that acts or owns an act, stands
  for its state, as CAMEO codes capitals: "Moscow", "the Kremlin('s decision)" -> Russia,
  and for the former state seated there in the sentence's year (else the report's):
  "Moscow" in 1962 -> Soviet Union, "Bonn" in 1981 -> West Germany (:mod:`._eras`);
  a political bloc acts as one, "the West", "Europe"; a comma list the parser reads as
  apposition, "the US, UK, and France", and a hyphenated pair, "the Kenya-Ethiopia
  summit", name every actor in them; a head noun such as "the
  government of X" or "X's president" -> X, but "X's allies" are not X; a named person
  comes before an affiliation, "Russia's ambassador Andrei Denisov" -> the ambassador).
  Agent nouns after the CAMEO actor codebook's agent types (officials, troops, police,
  judges, regulators, protesters, workers, activists, gunmen, separatists ...) stand for
  the state their nationality names ("Chinese regulators" -> China) and, unnamed, fill a
  role. Exercises, treaties, weapons, dates and the author's figure references (EVENT,
  LAW, PRODUCT, DATE, and names that contain a year or modify "exercise", "treaty",
  "missile" ..., "Figure 2", "Graph 1") are never actors.
  Source and target are never the same actor.

Not events (annotation guidelines, ``shared/ANNOTATION.md``): clauses with a modal
auxiliary (hypotheticals, recommendations, forecasts; but "will" in what an actor
announced, "the ministry said it will expel ...", is a decision made public, coded as the
act; "will not" with an act of cooperation, "will not lift the ban", is a refusal stated
now; and see the announced meetings above), conditional clauses (and "until" with a verb in
the present: "until Kuwait accepts"), questions, imperatives, clauses governed by a verb of intention or belief
("hoped to", "analysts believe that") or by an attempt stated in the present ("seeks to
maintain ties"; an attempt in the past, "sought to unleash", "tried to convince", is an
act undertaken and is coded as the act, as is the implicative "was able to bomb"), the
author's cross-references ("as noted above"), the author's assessment ("the Kremlin likely
continued ..."), the author's own voice ("we"), and actions named by a noun phrase that
frames something else ("since Russia's invasion of Ukraine"). A **negated** trigger
("did not meet", "failed to support") keeps a cooperation event as a refusal (CAMEO root
12, verbal conflict, Goldstein value halved with the opposite sign, ``negated`` true); a
negated conflict verb ("did not attack") reports no act and is not an event.

The ``date`` is the DATE expression of the clause, else of the sentence, else of the
chronology entry the sentence belongs to; empty when there is none. The ``events`` table
is built from :func:`extract_events` in :mod:`relnlp.tables`.

The package: ``_types`` (the records and quad classes), ``_lexicon`` (the verb table),
``_words`` (word lists), ``_discourse`` (paragraphs, descriptions, the dominant
state), ``_actors`` (actors and references), ``_clauses`` (triggers,
subjects, targets, clauses that report no act), ``_statements`` and ``_extract`` (the
extraction); the lower modules never import this one.
"""

from __future__ import annotations

from relnlp.events._extract import extract_events
from relnlp.events._lexicon import load_event_verbs
from relnlp.events._statements import statement_class
from relnlp.events._types import QUAD_CLASSES, Event, EventVerbs, Trigger, quad_class

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
