"""Word lists of event extraction: the labels, nouns, prepositions and verbs that decide
what is an actor, a target, a hedge, a negation, a statement or a mutual act."""

from __future__ import annotations

import re

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Blocs that act as collective actors (LOC names, which are otherwise mere places):
#: "the West" as a bloc (annotation guidelines, section 2) and Europe as CAMEO codes it
#: (EUR) when it is a party: "Lavrov accused the West", "gas prices for Europe".
#: Geographic regions ("Central Asia", "the Caucasus") stay places: in trade and transport
#: prose they are where goods go, not who acts.
REGION_ACTORS = frozenset({"West", "Europe", "Global South", "Global North"})
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
#: Places and occasions where actors meet: after a verb of meeting or speaking
#: (:data:`VENUE_VERBS`) the object of "at" among them is where the act happens, not whom
#: it is aimed at ("met at the Beijing airport", "spoke at the UN summit"); an attack "at"
#: one keeps its target ("struck at the Damascus airport").
VENUE_NOUNS = frozenset(
    """airport airfield summit conference meeting talks ceremony forum session sidelines
    hotel palace residence headquarters venue gathering event reception dinner banquet
    station port harbour harbor villa resort retreat dacha""".split()
)
VENUE_VERBS = frozenset(
    """meet talk speak confer gather sign hold host attend announce say declare agree
    discuss negotiate greet welcome receive address pledge promise urge call""".split()
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
    program format war statement communique resolution law act concept graph graphs
    figure figures table tables chart charts map maps annex appendix""".split()
)
#: Nouns that stand for an actor without naming it; they fill a role (the event exists)
#: but resolve to no one ("the two countries", "local officials"). With a nationality or
#: a possessor they stand for its state or organisation ("Chinese state media", "the
#: Taliban's intelligence"), as CAMEO codes a country's media and intelligence sectors.
#: The list follows the agent types of the CAMEO actor codebook (government, military,
#: rebels, police, judiciary, legislature, labour, students, protesters, activists,
#: insurgents, peacekeepers ...): "Chinese regulators" -> China.
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
    negotiator negotiators governor governors mayor mayors chairman chairwoman chairperson
    secretary secretaries senator senators director directors deputy deputies prosecutor
    prosecutors media intelligence judge judges tribunal tribunals regulator regulators
    investigator investigators inspector inspectors peacekeeper peacekeepers protester
    protesters protestor protestors demonstrator demonstrators activist activists worker
    workers union unions employee employees student students gunman gunmen terrorist
    terrorists extremist extremists jihadist jihadists separatist separatists guerrilla
    guerrillas guerilla guerillas legislature legislatures commission opposition teacher
    teachers doctor doctors nurse nurses farmer farmers lawyer lawyers journalist
    journalists reporter reporters miner miners""".split()
)
#: Military assets that act for the state whose nationality they bear ("Chinese
#: warships held drills", "Russian jets bombed Aleppo"), as CAMEO codes a country's
#: military; a proper name on them is still no actor ("the S-400 missiles").
ASSET_NOUNS = frozenset(
    """warship warships ship ships vessel vessels boat boats jet jets warplane warplanes
    plane planes aircraft bomber bombers fighter fighters drone drones submarine
    submarines frigate frigates destroyer destroyers tank tanks helicopter helicopters
    missile missiles rocket rockets artillery""".split()
)
#: Forces a state moves ("Russian troops were deployed to Belarus": Russia sends them),
#: with the military assets of :data:`ASSET_NOUNS`.
FORCE_NOUNS = ASSET_NOUNS | frozenset(
    """troop troops force forces soldier soldiers unit units battalion battalions brigade
    brigades division divisions peacekeeper peacekeepers contingent contingents marine
    marines personnel army armies navy navies""".split()
)
#: Nationality adjectives the gazetteer keeps as groups without a state (they also name
#: an era: "post-Soviet", "Soviet-era"), standing for their state when they act or are
#: acted on in an event ("Soviet troops entered Hungary", "the Soviet Ambassador").
NORP_STATES = {"Soviet": "Soviet Union"}
#: Actor nouns that name the other side of a relation: "Russia's allies" are not Russia.
RELATIONAL_NOUNS = frozenset(
    """ally allies partner partners neighbour neighbours neighbor neighbors friend friends
    adversary adversaries enemy enemies rival rivals opponent opponents""".split()
)
ACTOR_PRONOUNS = frozenset({"he", "she", "they", "them", "him", "her", "it", "its", "their"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
AUTHOR_PRONOUNS = frozenset({"we", "i", "us", "our", "my"})
#: The kinds of named actor (entity labels) a subject pronoun can stand for.
PRONOUN_KINDS = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE"}),
    "they": frozenset({"ORG", "NORP"}),
}
#: Verbs of intention and belief: an act under them did not (yet) take place. Verbs of
#: attempt in the past ("sought to", "tried to", "attempted to") are not among them: an
#: attempt is an act undertaken, and event coders code it as the act (CAMEO codes
#: "attempted to mediate" as mediation); in the present ("seeks to maintain ties") they
#: state an aim (:data:`ATTEMPT_HEADS`). "Struggled to" says the act did not come about.
HEDGE_HEADS = frozenset(
    """hope struggle plan intend want wish consider expect propose
    aim explore
    need prepare threaten believe think argue suggest assume predict fear doubt speculate
    imagine claim allege likely unlikely able unable ready willing eager possible
    designed foresee anticipate envisage envision forecast""".split()
)
#: Verbs under which a governed act is withheld: "failed to support", "refused to meet".
NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "cease", "stop", "avoid", "neglect"})
#: Of those, the verbs that state a refusal or a cut (coded as a refusal, CAMEO 12):
#: "refused to join", "stopped supplying"; "failed to join" or "avoided meeting" report
#: that no act took place.
REFUSAL_HEADS = frozenset({"refuse", "decline", "cease", "stop"})
#: Modals whose negation states a refusal: "will not lift", "would not recognise",
#: "cannot accept".
REFUSAL_MODALS = frozenset({"will", "wo", "would", "shall", "can", "ca", "could"})
#: Verbs of attempt: an act under them is reported when the attempt is in the past.
ATTEMPT_HEADS = frozenset({"seek", "try", "attempt", "strive", "endeavour", "endeavor"})
#: Nouns whose "that" clause states a fact: "the fact that Turkey cracked down on ..."
#: reports the act (a noun's other clauses, "the claim that ...", do not).
FACTIVE_NOUNS = frozenset({"fact"})
#: Adjectives of ability that, with a copula in the past, entail the act (implicative:
#: "was able to bomb" reports the bombing; "is able to strike" only a capability).
IMPLICATIVE_ADJECTIVES = frozenset({"able"})
#: Adjectives of an actor's stated intent: "X is willing to withdraw", "Y is ready to
#: contribute" report no act but an expressed intent, which CAMEO codes as an event of its
#: own (03, express intent to cooperate; 13, threaten, for a hostile act).
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined"})
#: CAMEO roots whose verbs move something (aid, arms, troops) to the target: provide
#: aid (07), yield (08: release, withdraw), exhibit force posture (15: deploy).
THEME_ROOTS = frozenset({"07", "08", "15"})
#: Oaths: sworn to do harm, an intent is a threat (CAMEO 13: "vowed to retaliate against
#: X", "swore to punish"); a commitment or a pledge to a hostile act is mostly one made to
#: a third party ("committed to block support to IS") and stays an intent (03).
OATH_VERBS = frozenset({"vow", "swear"})
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
    "strike": "strike",
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
    "call": "consult",
    "exercise": "train",
    "drill": "train",
    "clash": "clash",
    "skirmish": "skirmish",
    "fighting": "fight",
    "deal": "agree",
}
#: Nouns that name an act of their author ("Ukrainian aggression", "Chinese incursions"):
#: a nationality on them names who acts, so "denounced Chinese incursions" is aimed at
#: China (a nationality on other objects names people: "threatened Afghan clerics").
ACT_NOUNS = frozenset(NOMINALS) | frozenset(
    """aggression provocation incursion violation interference meddling escalation
    intervention""".split()
)
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
        "clash",
        "skirmish",
        "fighting",
        "call",
        "exercise",
        "drill",
        "deal",
    }
)
#: Prepositions of a clause's circumstance: the act named by their object ("in a phone
#: call with X", "at a meeting with Y", "during talks with Z") is the clause subject's.
ADJUNCT_PREPS = frozenset({"in", "at", "during"})
#: Prepositions under which a named act is the frame of a clause, not an act it reports:
#: "since Russia's invasion", "after the sanctions", "in response to the attack".
NOMINAL_FRAMES = frozenset(
    """since after before following amid despite until prior because due given like
    unlike than without against over about for to from of as""".split()
)
#: Nouns that count, group or frame the object of a light verb: "a round of sanctions",
#: "a state of emergency".
QUANTITY_NOUNS = frozenset(
    """round rounds package packages set sets series wave waves raft batch number host
    slew spate string range series state""".split()
)
#: CAMEO roots of verbal acts aimed at what their complement clause is about: public
#: statements (01), appeals (02), demands (10), disapproval (11), rejection (12), threats (13).
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
#: Roots whose act is an event even when it is aimed at no one named: "X called for
#: restraint", "X demanded a ceasefire", "X warned of escalation" (the speaker must be
#: named). A bare statement (01) aimed at no one is not an event.
SPEECH_ROOTS = frozenset({"02", "10", "13"})
#: Appeals and demands (CAMEO 02, 10): aimed at whom they ask, or else at whom the act
#: they ask for is aimed at.
APPEAL_ROOTS = frozenset({"02", "10"})
#: Acts that an actor does on its own, an event with its source alone when no one else is
#: named (CAMEO codes them with or without a target): yielding (08: "declared a
#: ceasefire", "called off the strike", "resigned"), investigating (09: "launched an
#: investigation"), protesting (14: "went on strike"), reducing relations (16: "closed its
#: borders", "reduced aid") and restricting (17: "imposed a curfew"). They count when the
#: trigger is a light verb with its act noun or one of :data:`SOLO_VERBS`.
SOLO_ROOTS = frozenset({"08", "09", "14", "16", "17"})
#: Verbs that are an act only on what their direct object (or passive subject) names:
#: "returned the paintings to Mexico", not "returned to Santiago".
OBJECT_VERBS = frozenset({"return"})
#: Verbs of yielding that name their act without an object.
SOLO_VERBS = frozenset({"resign", "step", "surrender", "capitulate", "retreat"})
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
#: Definite descriptions that refer back to a named actor of a kind (the discourse layer,
#: :mod:`relnlp.events._discourse`): ``state`` -> a state ("the government",
#: "authorities", "officials", "the regime"); ``group`` -> an organisation or armed group
#: ("the group", "the movement", "the militants"); ``organ`` -> the organisation whose
#: name holds the word ("the ministry" -> "Ministry of Foreign Affairs of X").
DESCRIPTIONS = {
    "government": "state",
    "authorities": "state",
    "officials": "state",
    "police": "state",
    "regime": "state",
    "administration": "state",
    "country": "state",
    "leadership": "state",
    "group": "group",
    "organisation": "group",
    "organization": "group",
    "movement": "group",
    "militants": "group",
    "insurgents": "group",
    "network": "group",
    "ministry": "organ",
    "department": "organ",
    "agency": "organ",
    "council": "organ",
    "commission": "organ",
    "parliament": "organ",
    "court": "organ",
    "alliance": "organ",
    "union": "organ",
    "bank": "organ",
}
#: Plural descriptions that refer without a determiner ("Authorities eased the curfew").
BARE_DESCRIPTIONS = frozenset({"authorities", "officials", "police"})
#: Descriptions of a state's own organs: unnamed, they stand for the state the passage
#: is about when one state dominates it ("Police arrested ..." in a text about Kenya).
STATE_ORGANS = frozenset({"government", "authorities", "officials", "police"})
#: Verbs of an act's course: an act noun as their subject is reported as taking place
#: ("the crackdown continued", "the offensive began", "the raid took place").
COURSE_VERBS = frozenset(
    """begin start continue resume intensify escalate expand widen spread occur happen
    unfold proceed persist""".split()
)
#: Verbs of an act's end: without an object the act ran its course ("the visit ended on
#: Friday", "the talks concluded"); with one they weigh ("the invasion ended an era").
ENDING_VERBS = frozenset({"end", "conclude", "close", "finish"})
#: Verbs of the author's weighing or framing: an act noun as their subject is named to
#: weigh it, not reported ("Russia's invasion marked a turning point", "showed"); and
#: verbs of an effect on a state of affairs, which weigh the act's consequences ("Iraq's
#: invasion of Kuwait changed the region", "accelerated the warming of ties").
WEIGHING_VERBS = frozenset(
    """mark represent signal show demonstrate reflect highlight underscore underline
    illustrate mean prove reveal suggest indicate constitute remain become seem appear
    make change alter transform reshape shape redefine affect influence accelerate
    hasten slow deepen strengthen weaken undermine complicate boost fuel spur prompt
    trigger drive push put raise lower set open end usher""".split()
)

#: Nouns whose infinitive reports an act decided and taken by their possessor: "India's
#: decision to ban the apps", "Russia's move to close the border" (not "plan", "bid",
#: "attempt": those name aims).
DECISION_NOUNS = frozenset({"decision", "move"})
#: Acts undergone: "came under attack from X", "under pressure from Washington, Y ...":
#: the noun after "under", by the verb of the table it stands for; the source is the
#: object of "from" or "by", the target the clause's subject.
UNDER_NOUNS = {
    "attack": "attack",
    "assault": "attack",
    "bombardment": "bombard",
    "shelling": "shell",
    "siege": "besiege",
    "pressure": "pressure",
    "sanction": "sanction",
    "threat": "threaten",
    "criticism": "criticize",
}
#: "Protest" is two acts in CAMEO: a state, a government body or an official protesting
#: to another party complains officially (114, verbal conflict: "Japan protested to
#: China over the incursion"); anyone else protesting demonstrates (14, material
#: conflict: "students protested outside parliament"). These subject heads name the
#: state's voice; a named state or capital as subject counts too.
OFFICIAL_HEADS = frozenset(
    """government governments administration ministry ministries minister ministers
    embassy embassies consulate consulates official officials spokesman spokeswoman
    spokesperson president premier chancellor ambassador ambassadors envoy envoys
    diplomat diplomats secretary office foreign cabinet king emir""".split()
)
#: Subject heads of a street protest, a protest of the governed (CAMEO 14) even when a
#: nationality ties them to a state ("Thai students protested").
CROWD_HEADS = frozenset(
    """protester protesters protestor protestors demonstrator demonstrators worker workers
    student students activist activists resident residents people thousands hundreds
    crowd crowds supporter supporters farmer farmers miner miners union unions employee
    employees teacher teachers doctor doctors nurse nurses citizen citizens villager
    villagers opposition""".split()
)
#: The CAMEO code and Goldstein weight of an official protest (114, complain officially).
OFFICIAL_PROTEST = ("114", -2.0)
