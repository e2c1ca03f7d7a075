"""The ``relnlp_tone`` component: cooperation and tension per sentence, with cues and actors.

For each sentence, cues of the lexicon (:mod:`relnlp.tone.lexicon`) are matched on lemmas
(longest first; single words only with the part of speech of the entry). Each match gets an
effective weight from the sentence's syntax:

* **negation** (a ``neg`` dependent, "no"/"never"/"without", or a negated copula: "was not
  very enthusiastic", "no objection"): a negated cooperation cue adds half its weight to
  tension instead; a negated tension cue adds 0.3 of its weight to cooperation;
* **hedging and modality** (a modal auxiliary, a governing "hope"/"seek"/"plan"/"consider",
  an infinitive of purpose such as "an exercise to attack ..."): weight x 0.6;
* **intensifiers** ("strongly", "deeply", "openly", "comprehensive", ...): weight x 1.3;
* **reported speech** (the cue inside the clause of "say", "claim", "state", ...): weight
  x 0.9, and the cue is marked ``reported``;
* words inside a multi-word entity name ("Cold War", "Shanghai Cooperation Organization",
  "Treaty of Friendship"), a capitalised multi-word name the NER missed or a numbered
  name ("Cooperation 2007") are names, not acts, and are not cues;
* frames: a contest word in a sport frame ("competed in the biathlon", "took part in a
  tank racing competition") and a cue word that only classifies equipment ("early
  warning aircraft", "attack helicopters") are not cues.

Negation reaches a cue through its clause: a negated predicate of which the cue is the
subject or object ("the cooperation did not last"), "no longer", and terminative or
failure verbs governing it ("ceased all forms of aid", "failed to agree").

The rules' score on each axis is ``1 - prod(1 - w_i)`` over the sentence's cues (in
[0, 1]); its Goldstein value is the weighted mean of the cues' CAMEO-style values (sign
flipped and halved for negated cues). With the learned model (``models/tone-v1``, the
default; :mod:`relnlp.tone.model`), the rule scores and negated/hedged/reported cue
weights become features beside the words of the sentence (entity names masked), and the
sentence's ``cooperation`` and ``tension`` are the model's probabilities of a cooperation
and of a conflict class, ``tone_class`` its most probable quad class; the rules' own scores
stay in ``rule_cooperation`` / ``rule_tension`` and the cues in the evidence. The actors are the sentence's entities (canonical names when
``relnlp_actors`` ran): ``source`` from the subject of the cue's clause, ``target`` from
its object or a "with"/"against"/"to" phrase, else the first two distinct actors.
"""

from __future__ import annotations

import bisect
import math
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spacy.attrs import (
    IS_SPACE,
    LEMMA,
    LOWER,
)
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from relnlp import extensions, records
from relnlp.events._clauses import _match, _skip_clause
from relnlp.events._lexicon import _default_verbs
from relnlp.pipeline import char_tokens, doc_text, strings_of
from relnlp.pipeline._tone_names import numbered_names, title_case_names
from relnlp.pipeline._tone_scope import DocParse, hedged, negated
from relnlp.records import SentenceTone
from relnlp.tone.event_terms import doc_event_terms
from relnlp.tone.lexicon import ARTICLES, KINDS, Cue, Lexicon
from relnlp.tone.model import CLASSES, COOPERATION, TENSION, ToneModel, model_text

__all__ = ["SentenceTone", "ToneScorer"]

INTENSIFIERS = frozenset(
    """strongly firmly deeply fully highly very greatly extremely comprehensive unprecedented
    openly sharply severely fierce fiercely serious seriously major all-round intense
    intensely increasingly""".split()
)
SPEECH = frozenset(
    """say state claim announce declare report tell stress note insist argue emphasize
    emphasise assert add remark reiterate suggest""".split()
)
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TARGET_PREPS = frozenset({"with", "against", "to", "toward", "towards", "on", "between"})

# Contest cues that also name sport and skill contests ("competed in the biathlon", "won the
# air-combat contest", "took part in a tank racing competition"): there they are events
# between teams, not rivalry between states.
# ("arms race" is not one: it is never a sport.)
CONTEST_CUES = frozenset({"compete", "competition", "contest", "rival", "rivalry"})
SPORT_WORDS = frozenset(
    """contest tournament championship championships game games olympiad olympics race
    racing biathlon triathlon marathon match cup medal trophy prize team athlete player
    sport sports league final finals contestant participant winner round stage
    competition""".split()
)
# Verbs of taking part in or staging an event: "took part in the competition".
PARTICIPATION = frozenset(
    """participate part win lose host hold organise organize stage judge""".split()
)
# Head nouns of equipment and installations: a cue word that only modifies one of these
# names a kind of thing ("early warning aircraft", "attack helicopter", "strike
# drone", "defence cooperation centre" stays a cue only through its other words).
EQUIPMENT = frozenset(
    """aircraft airplane plane jet fighter helicopter drone radar system systems satellite
    missile missiles rocket vessel ship ships boat submarine frigate destroyer tank tanks
    vehicle vehicles rifle rifles gun guns weapon weapons sensor sensors station
    stations platform platforms munition munitions round rounds warhead""".split()
)


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int  # char offsets in doc
    end: int
    weight: float
    negated: bool
    hedged: bool
    reported: bool

    def describe(self, text: str) -> str:
        flags = [
            f
            for f, on in (
                ("negated", self.negated),
                ("hedged", self.hedged),
                ("reported", self.reported),
            )
            if on
        ]
        axis = self.cue.axis
        if self.negated:
            axis = "tension" if axis == "cooperation" else "cooperation"
        tag = f" [{', '.join(flags)}]" if flags else ""
        return f'{axis}: "{text[self.start : self.end]}"{tag} {self.weight:.2f}'


GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})


def _phrase_at(
    pos: Callable[[int], str], lemmas: list[str], i: int, cue: tuple[str, ...]
) -> list[int]:
    """Positions of the words of multi-word ``cue`` starting at ``i``, allowing one
    modifier between its words ("joint naval exercise", "sign a new agreement"); [] when
    it does not match. ``pos(k)`` is the part of speech of word ``k``."""
    out, j = [i], i + 1
    for want in cue[1:]:
        if j < len(lemmas) and lemmas[j] == want:
            out.append(j)
            j += 1
        elif j + 1 < len(lemmas) and lemmas[j + 1] == want and pos(j) in GAP_POS:
            out.append(j + 1)
            j += 2
        else:
            return []
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _sport_frame(tok: Token) -> bool:
    """Whether a contest cue ("compete", "competition", "contest", "rivalry") names a
    sport or skill contest rather than rivalry: a sport word among its own dependents or
    its head's ("the tank racing competition", "competed in the biathlon"), the cue as
    what is taken part in, won or hosted ("took part in a competition", "hosted the
    contest"), or a plural or team subject competing *in* an event noun."""
    near = [*tok.children, tok.head, *tok.head.children]
    if tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
        near.append(tok.head.head)  # "took part in the competition": part <- in <- competition
    for t in near:
        if t.i == tok.i:
            continue
        low = _lemma(t)
        if low in SPORT_WORDS and t.dep_ in {
            "compound",
            "amod",
            "nmod",
            "pobj",
            "dobj",
            "nsubj",
            "attr",
        }:
            if tok.pos_ == "VERB" or t.head.i == tok.i or t.i == tok.head.i:
                return True
    if tok.pos_ == "VERB":
        # "competed in the games": compete + in + an event noun
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                if any(_lemma(o) in SPORT_WORDS for o in prep.children if o.dep_ == "pobj"):
                    return True
        return False
    head = tok.head
    if tok.dep_ == "pobj":
        head = head.head  # "part in <cue>", "participated in <cue>"
        if head.dep_ == "dobj" and _lemma(head) == "part":
            return True
    return tok.dep_ in {"dobj", "pobj", "nsubjpass"} and _lemma(head) in PARTICIPATION


def _names_equipment(tok: Token) -> bool:
    """Whether a cue word only modifies the name of a kind of equipment ("early warning
    aircraft", "attack helicopters", "an early-warning radar system"): it classifies the
    thing and reports no act. The climb follows compound and adjective modifiers."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"compound", "amod", "nmod"} or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in {"NOUN", "PROPN"} and _lemma(cur) in EQUIPMENT:
            return True
    return False


def _intensified(tok: Token) -> bool:
    return any(c.lower_ in INTENSIFIERS for c in tok.children) or (
        tok.head.i != tok.i and tok.head.lower_ in INTENSIFIERS
    )


def _reported(tok: Token) -> bool:
    cur: Token = tok
    while cur.head.i != cur.i:
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in SPEECH:
            return True
        cur = cur.head
    return False


class ToneScorer:
    """Cooperation and tension per sentence: the cue lexicon and its syntax, then the
    learned model (``model``; ``None``: the rules alone)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon,
        model: ToneModel | None = None,
        packaged_model: bool = False,
    ) -> None:
        extensions.install()
        self.name = name
        self.lexicon = lexicon
        self.model = model
        #: "packaged", "custom" or "rules": which sentence scores a Doc carries
        self.model_kind = "rules" if model is None else "packaged" if packaged_model else "custom"

    # Cue matching --------------------------------------------------------------------
    @staticmethod
    def _named(doc: Doc) -> set[int]:
        """Token indices inside entity names: "Cold War", "Shanghai Cooperation
        Organization" or "Treaty of Friendship" name things; they are not acts."""
        found = records.entities(doc)
        spans = (
            [(e.start, e.end) for e in found]
            if found is not None
            else [(e.start_char, e.end_char) for e in doc.ents]
        )
        out: set[int] = set()
        tokens = char_tokens(doc)
        for a, b in spans:
            toks = tokens(a, b)
            if toks is not None and toks[1] - toks[0] > 1:
                out.update(range(*toks))
        for i, j in numbered_names(doc):
            out.update(range(i, j))
        for i, j in title_case_names(doc):
            out.update(range(i, j))
        return out

    @staticmethod
    def _words(doc: Doc) -> tuple[list[str], list[bool]]:
        """Lower-cased lemma of every token, and whether cue matching skips it (white
        space, articles); looked up once per distinct word."""
        arr = doc.to_array([LEMMA, LOWER, IS_SPACE]).reshape(len(doc), 3)
        lemmas = strings_of(doc, arr[:, 0], str.lower).tolist()
        articles = {doc.vocab.strings.add(a) for a in ARTICLES}
        skip = [bool(sp) or low in articles for low, sp in arr[:, 1:].tolist()]
        return lemmas, skip

    def _hits(
        self,
        sent: Span,
        named: set[int] = frozenset(),  # type: ignore[assignment]
        words: tuple[list[str], list[bool]] | None = None,
        parse: DocParse | None = None,
    ) -> list[CueHit]:
        """The cue hits of ``sent``; ``words`` (:meth:`_words`) and ``parse`` are read
        once per Doc when several sentences are scored."""
        doc = sent.doc
        all_lemmas, skip = words if words is not None else self._words(doc)
        parse = DocParse(doc) if parse is None else parse
        idx = [i for i in range(sent.start, sent.end) if not skip[i] and i not in named]
        lemmas = [all_lemmas[i] for i in idx]
        tags = parse.pos

        def pos(k: int) -> str:
            return tags[idx[k]]

        hits: list[CueHit] = []
        i = 0
        while i < len(idx):
            match: Cue | None = None
            found: list[int] = []
            for cue in self.lexicon.candidates(lemmas[i]):
                if len(cue.lemmas) == 1:
                    if KINDS[cue.kind] and pos(i) not in KINDS[cue.kind]:
                        continue
                    match, found = cue, [i]
                    break
                found = _phrase_at(pos, lemmas, i, cue.lemmas)
                if found:
                    match = cue
                    break
            if match is None:
                i += 1
                continue
            span_toks = [doc[idx[k]] for k in found]
            head = max(span_toks, key=lambda t: sum(1 for _ in t.ancestors) * -1)
            if _names_equipment(head) or (match.lemmas[-1] in CONTEST_CUES and _sport_frame(head)):
                i = found[-1] + 1
                continue
            neg = any(negated(parse, t.i) for t in span_toks)
            hedge = hedged(parse, head.i)
            w = match.weight
            if hedge:
                w *= 0.6
            if any(_intensified(t) for t in span_toks):
                w = min(1.0, w * 1.3)
            rep = _reported(head)
            if rep:
                w *= 0.9
            hits.append(
                CueHit(
                    match,
                    span_toks[0].idx,
                    span_toks[-1].idx + len(span_toks[-1]),
                    w,
                    neg,
                    hedge,
                    rep,
                )
            )
            i = found[-1] + 1
        return hits

    # Actors ----------------------------------------------------------------------------
    @staticmethod
    def _actors(doc: Doc, sent: Span) -> list[tuple[int, int, str]]:
        # Entities sorted by start once per Doc, then one bisect per sentence: scanning every
        # entity for every sentence made long documents quadratic.
        key = "_rel_tone_actor_index"
        index = doc.user_data.get(key)
        found = records.entities(doc)
        if index is None or index[0] is not found:
            rows = found
            if rows is None:
                rows = records.model_entities(doc.ents)
            ordered = sorted(
                ((r.start, r.end, str(r.canonical)) for r in rows if r.label in ACTOR_LABELS),
                key=lambda t: t[0],
            )
            index = (found, [t[0] for t in ordered], ordered)
            doc.user_data[key] = index
        _, starts, ordered = index
        lo = bisect.bisect_left(starts, sent.start_char)
        hi = bisect.bisect_right(starts, sent.end_char)
        return [t for t in ordered[lo:hi] if t[1] <= sent.end_char]

    @staticmethod
    def _dyad(
        doc: Doc, sent: Span, actors: list[tuple[int, int, str]], hits: list[CueHit]
    ) -> tuple[str | None, str | None]:
        if not actors:
            return None, None

        def actor_in(tokens: list[Token]) -> str | None:
            for t in tokens:
                for a, b, name in actors:
                    if a <= t.idx < b:
                        return name
            return None

        source = target = None
        if hits:
            cue_tok = doc.char_span(hits[0].start, hits[0].end, alignment_mode="expand")
            verb: Token | None = cue_tok.root if cue_tok is not None else None
            while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            if verb is not None:
                for c in verb.children:
                    if c.dep_ in {"nsubj", "nsubjpass"} and source is None:
                        source = actor_in(list(c.subtree))
                    elif c.dep_ in {"dobj", "dative", "attr"} and target is None:
                        target = actor_in(list(c.subtree))
                    elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS and target is None:
                        target = actor_in(list(c.subtree))
        names = list(dict.fromkeys(n for _a, _b, n in actors))
        if source is None:
            source = next((n for n in names if n != target), None)
        if target is None:
            target = next((n for n in names if n != source), None)
        return source, target

    # Component -------------------------------------------------------------------------
    def score_sentence(
        self,
        doc: Doc,
        sent: Span,
        named: set[int] | None = None,
        text: str | None = None,
        words: tuple[list[str], list[bool]] | None = None,
        hits: list[CueHit] | None = None,
    ) -> SentenceTone:
        """The rules' scores of one sentence (``hits``: its cue hits, if already found)."""
        if hits is None:
            hits = self._hits(sent, self._named(doc) if named is None else named, words)
        text = doc_text(doc) if text is None else text
        coop_keep, tens_keep = 1.0, 1.0
        gsum = gw = 0.0
        for h in hits:
            axis, w, g = h.cue.axis, h.weight, h.cue.goldstein
            if h.negated:
                axis = "tension" if axis == "cooperation" else "cooperation"
                w *= 0.5 if h.cue.axis == "cooperation" else 0.3
                g = -g * 0.5
            if axis == "cooperation":
                coop_keep *= 1 - w
            else:
                tens_keep *= 1 - w
            gsum += g * w
            gw += w
        actors = self._actors(doc, sent)
        source, target = self._dyad(doc, sent, actors, hits)
        coop, tens = round(1 - coop_keep, 4), round(1 - tens_keep, 4)
        return SentenceTone(
            sent.start_char,
            sent.end_char,
            coop,
            tens,
            round(gsum / gw, 3) if gw else None,
            tuple(h.describe(text) for h in hits),
            source,
            target,
            tuple(dict.fromkeys(n for _a, _b, n in actors)),
            _rule_class(hits, coop, tens),
            coop,
            tens,
        )

    def inputs(
        self,
        doc: Doc,
        sent: Span,
        named: set[int] | None = None,
        words: tuple[list[str], list[bool]] | None = None,
    ) -> tuple[str, tuple[float, ...], Any]:
        """What the learned model reads of one sentence: its masked text, its rule
        features (:data:`relnlp.tone.model.RULE_FEATURES`) and its mean tok2vec vector
        (``None`` when the Doc has no tensor)."""
        named = self._named(doc) if named is None else named
        parse = DocParse(doc)
        hits = self._hits(sent, named, words, parse)
        width = doc.tensor.shape[1] if getattr(doc.tensor, "ndim", 0) == 2 else 0
        dense = sentence_vectors(doc, [sent], width)
        terms = syntax_terms(doc, sent, named, parse=parse)
        text = model_text(masked_text(doc, sent), terms)
        return text, rule_features(hits), None if dense is None else dense[0]

    def __call__(self, doc: Doc) -> Doc:
        out = []
        spans = []
        named = self._named(doc)
        text = doc_text(doc)
        words = self._words(doc)
        parse = DocParse(doc)
        sents = list(doc.sents)
        hits = [self._hits(s, named, words, parse) for s in sents]
        learned: list[tuple[float, float, str]] = []
        if self.model is not None and sents:
            names = _name_spans(doc)
            masked = [masked_text(doc, s, names, text) for s in sents]
            if self.model.syntax:
                ev = doc_event_terms(doc, sents) if self.model.event_terms else [[]] * len(sents)
                masked = [
                    model_text(m, syntax_terms(doc, s, named, parse, self.model.verb_classes) + e)
                    for m, s, e in zip(masked, sents, ev)
                ]
            dense = sentence_vectors(doc, sents, self.model.n_dense)
            learned = _learned_scores(self.model, masked, [rule_features(h) for h in hits], dense)
        for k, sent in enumerate(sents):
            st = self.score_sentence(doc, sent, named, text, words, hits[k])
            if learned:
                coop, tens, cls = learned[k]
                st = replace(
                    st,
                    cooperation=coop,
                    tension=tens,
                    tone_class=cls,
                    rule_cooperation=st.cooperation,
                    rule_tension=st.tension,
                )
            out.append(st)
            ext = sent._  # one extension proxy per sentence, not one per attribute
            ext.rel_cooperation = st.cooperation
            ext.rel_tension = st.tension
            ext.rel_tone_cues = st.cues
            ext.rel_tone_class = st.tone_class
            ext.rel_source = st.source
            ext.rel_target = st.target
            spans.append(sent)
        doc.spans["rel_tone"] = spans
        records.set_sentence_tones(doc, out)
        doc.user_data.pop("_rel_tone_actor_index", None)  # a per-call index, not a result
        # Which sentence model scored: the packaged passage model was fitted on the
        # packaged sentence model's scores only (relnlp.tone.aggregate).
        records.set_tone_model(doc, self.model_kind)
        doc._.rel_cooperation = _mean([s.cooperation for s in out])
        doc._.rel_tension = _mean([s.tension for s in out])
        return doc


#: Labels of the entities masked in the model's text; other spans stay words.
MASKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})


_TERM_POS = frozenset({"VERB", "NOUN", "ADJ"})


def _name_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entity names the model masks, sorted (numbered names
    without an entity label count as events)."""
    found = records.entities(doc)
    spans = (
        [(e.start, e.end, str(e.label)) for e in found]
        if found is not None
        else [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    )
    out = [x for x in spans if x[2] in MASKED_LABELS]
    for i, j in numbered_names(doc):
        a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        if not any(x <= a < y or x < b <= y for x, y, _l in out):
            out.append((a, b, "EVENT"))
    return sorted(out)


def masked_text(
    doc: Doc, sent: Span, names: list[tuple[int, int, str]] | None = None, text: str | None = None
) -> str:
    """The sentence's text with every entity name replaced by its label in underscores
    ("the Shanghai Cooperation Organization" -> "the _org_"): names are never cues, and
    the model learns acts rather than which states usually quarrel. ``names``: the
    doc's :func:`_name_spans`, if already computed."""
    names = _name_spans(doc) if names is None else names
    text = doc_text(doc) if text is None else text
    s0, s1 = sent.start_char, sent.end_char
    parts, pos = [], s0
    for a, b, label in names[bisect_left(names, (s0, -1, "")) :]:
        if a >= s1:
            break
        if a < pos or b > s1:
            continue
        parts += [text[pos:a], f"_{label.lower()}_"]
        pos = b
    parts.append(text[pos:s1])
    return "".join(parts)


def syntax_terms(
    doc: Doc,
    sent: Span,
    named: set[int],
    parse: DocParse | None = None,
    verb_classes: bool = True,
) -> list[str]:
    """Dependency terms of a sentence for the learned model: what a bag of words cannot
    see. Every verb gives ``v:<lemma>``, or ``nv:<lemma>`` when it lies in the scope of
    a negation or a terminative verb (:func:`relnlp.pipeline._tone_scope.negated`: "did
    not support", "ceased aid"); a negated noun or adjective gives ``nn:<lemma>``; a
    modal or hedged verb ``hv:<lemma>``; a verb and its direct object
    ``vo:<verb>_<object>`` (an object inside an entity name is its label, so names stay
    out). Words inside entity names (``named``) give nothing. ``parse``: the Doc's
    :class:`~relnlp.pipeline._tone_scope.DocParse`, when several sentences are read
    (only the verbs the verb table is asked about become Tokens).

    With ``verb_classes``, a verb of the event verb table (:mod:`relnlp.events`: CAMEO
    root classes, light verbs with their object nouns) also gives its quad class,
    ``q:<class>``; ``nq:<class>`` when negated, ``hq:<class>`` in a hypothetical,
    hedged or modifying clause (:func:`relnlp.events._clauses._skip_clause`): what
    kind of act a verb reports is domain knowledge that holds in any register."""
    p = DocParse(doc) if parse is None else parse
    out: list[str] = []
    for i in range(sent.start, sent.end):
        pos = p.pos[i]
        if pos not in _TERM_POS or i in named or not p.alpha[i]:
            continue
        if pos == "VERB":
            lem = p.lemma[i]
            neg = negated(p, i)
            out.append(("nv:" if neg else "v:") + lem)
            hedge = hedged(p, i)
            if hedge:
                out.append("hv:" + lem)
            if verb_classes:
                tok = doc[i]
                found = _match(tok, _default_verbs())
                if found is not None:  # the CAMEO verb table's quad class of the act
                    pre = "hq:" if hedge or _skip_clause(tok) else "nq:" if neg else "q:"
                    out.append(pre + found[0].type)
            for c in p.children[i]:
                if p.dep[c] in {"dobj", "nsubjpass"} and p.alpha[c]:
                    obj = doc[c].ent_type_.lower() if c in named else p.lemma[c]
                    out.append(f"vo:{lem}_{obj}")
        elif negated(p, i):
            out.append("nn:" + p.lemma[i])
    return out


def rule_features(hits: list[CueHit]) -> tuple[float, ...]:
    """The rule features of a sentence's cue hits, in the order of
    :data:`relnlp.tone.model.RULE_FEATURES`."""
    keep = {"cooperation": 1.0, "tension": 1.0}
    neg = {"cooperation": 0.0, "tension": 0.0}
    hedged = reported = 0.0
    for h in hits:
        axis, w = h.cue.axis, h.weight
        if h.negated:
            neg[axis] += h.weight
            axis = "tension" if axis == "cooperation" else "cooperation"
            w *= 0.5 if h.cue.axis == "cooperation" else 0.3
        keep[axis] *= 1 - w
        hedged += h.weight if h.hedged else 0.0
        reported += h.weight if h.reported else 0.0
    return (
        1 - keep["cooperation"],
        1 - keep["tension"],
        neg["cooperation"],
        neg["tension"],
        hedged,
        reported,
    )


def _rule_class(hits: list[CueHit], coop: float, tens: float) -> str:
    """The quad class the rules alone give: the stronger axis, material when its
    strongest cue names a deed (a Goldstein value of 5 or more in magnitude)."""
    if coop == tens == 0:
        return "neutral"
    axis = "cooperation" if coop >= tens else "conflict"
    strongest = max((abs(h.cue.goldstein) for h in hits), default=0.0)
    return f"{'material' if strongest >= 5 else 'verbal'}_{axis}"


def sentence_vectors(doc: Doc, sents: list[Span], width: int) -> Any:
    """Mean ``Doc.tensor`` row (the tok2vec output) over each sentence's tokens, or
    ``None`` when the model reads none (``width`` 0) or the Doc has no tensor of that
    width (a pipeline without tok2vec: the model then sees zeros there)."""
    import numpy as np

    tensor = doc.tensor
    if not width or getattr(tensor, "shape", (0, 0)) != (len(doc), width):
        return None
    arr = np.asarray(tensor, dtype=np.float64)
    return np.vstack(
        [arr[s.start : s.end].mean(axis=0) if len(s) else np.zeros(width) for s in sents]
    )


def _learned_scores(
    model: ToneModel, masked: list[str], feats: list[tuple[float, ...]], dense: Any = None
) -> list[tuple[float, float, str]]:
    """(cooperation, tension, tone_class) of each sentence from the model's probabilities."""
    proba = model.predict_proba(masked, feats, dense)
    coop = proba[:, [CLASSES.index(c) for c in COOPERATION]].sum(axis=1)
    tens = proba[:, [CLASSES.index(c) for c in TENSION]].sum(axis=1)
    best = proba.argmax(axis=1)
    return [
        (round(float(c), 4), round(float(t), 4), CLASSES[int(b)])
        for c, t, b in zip(coop.tolist(), tens.tolist(), best.tolist())
    ]


def _mean(xs: list[float]) -> float:
    return round(math.fsum(xs) / len(xs), 4) if xs else 0.0
