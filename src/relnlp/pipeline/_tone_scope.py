"""Negation and hedging scope of the tone rules (:mod:`relnlp.pipeline.tone`), walked on
the parse read once per Doc into plain lists (:class:`DocParse`): the rules climb from a
cue to its governors and read their dependents, and a spaCy ``Token`` object per step
(``tok.head``, ``tok.children``) cost more than the rules themselves."""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, IS_ALPHA, LEMMA, LOWER, POS
from spacy.tokens import Doc

from relnlp.pipeline import strings_of

__all__ = [
    "HEDGE_FORMS",
    "HEDGE_HEADS",
    "MODALS",
    "NEGATORS",
    "SCOPE_DEPS",
    "TERMINATIVE",
    "DocParse",
    "hedged",
    "negated",
    "negates",
]

NEGATORS = frozenset({"not", "n't", "no", "never", "neither", "nor", "without", "hardly"})
MODALS = frozenset({"may", "might", "could", "would", "should"})
HEDGE_HEADS = frozenset(
    """hope seek try attempt plan intend want wish consider expect propose aim explore
    possible possibility potential prospect""".split()
)
# Surface forms too: the small model's lemmatizer gets some wrong ("hoped" -> "hop").
HEDGE_FORMS = frozenset(
    """hoped hopes hoping sought seeks seeking tried tries trying planned plans planning
    intended intends wanted wants wished wishes considered considering expected expects
    proposed proposes aimed aims explored""".split()
)
# Verbs that end, suspend or deny the act named by their object or infinitive ("ceased
# military aid", "failed to agree", "halted the strikes").
TERMINATIVE = frozenset(
    """cease stop end halt suspend abandon fail discontinue terminate freeze scrap
    abort""".split()
)
# Dependency relations through which a negation or a terminative verb reaches a cue in
# the same clause (subject, object, preposition, infinitive, noun modifier, conjunct).
SCOPE_DEPS = frozenset(
    """nsubj nsubjpass dobj pobj prep xcomp acomp attr oprd compound amod conj
    npadvmod appos""".split()
)
_PREDICATES = frozenset({"VERB", "AUX"})
_PURPOSE_CLAUSES = frozenset({"acl", "advcl", "relcl"})


class DocParse:
    """The parse of a Doc as lists indexed by token: ``head`` (the head's index, the
    token's own at a root), ``dep``, ``lower``, ``pos``, ``lemma`` (lower-cased),
    ``alpha`` and ``children`` (each token's dependents in order, as
    ``Token.children`` gives them). Read once; valid while the Doc's parse and
    tokens stay the same."""

    __slots__ = ("alpha", "children", "dep", "head", "lemma", "lower", "pos")

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        arr = doc.to_array([HEAD, DEP, LOWER, POS, LEMMA, IS_ALPHA]).reshape(n, 6)
        # HEAD is the offset to the head, stored unsigned
        self.head: list[int] = (np.arange(n) + arr[:, 0].astype(np.int64)).tolist()
        self.dep: list[str] = strings_of(doc, arr[:, 1]).tolist()
        self.lower: list[str] = strings_of(doc, arr[:, 2]).tolist()
        self.pos: list[str] = strings_of(doc, arr[:, 3]).tolist()
        self.lemma: list[str] = strings_of(doc, arr[:, 4], str.lower).tolist()
        self.alpha: list[bool] = arr[:, 5].astype(bool).tolist()
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)


def negates(p: DocParse, i: int) -> bool:
    """Token ``i`` has a negation among its dependents: "not", "never", "no longer"."""
    for c in p.children[i]:
        if p.dep[c] == "neg" or p.lower[c] in NEGATORS:
            return True
        if p.lower[c] == "longer" and any(p.lower[g] == "no" for g in p.children[c]):
            return True
    return False


def negated(p: DocParse, i: int) -> bool:
    """Whether cue word ``i`` lies in the scope of a negation or of a verb that ends or
    denies its act.

    The scope is the cue's own clause (after the negation-scope conventions of
    Morante & Daelemans 2012, limited to the syntactic clause): a negated word or copula
    ("no objection", "was not very enthusiastic"), a negated predicate of which the cue
    is the subject or object ("the cooperation did not last", "did not sign the deal"),
    and terminative or failure verbs governing it through objects, prepositions and
    infinitives ("ceased all forms of aid", "failed to cooperate", "suspended talks").
    The climb stops at a clause boundary (relative, adverbial or reported clause).
    """
    if negates(p, i):
        return True
    if p.dep[i] == "pobj" and p.lower[p.head[i]] in {"without", "no"}:
        return True
    cur = i
    for _ in range(4):
        if p.dep[cur] not in SCOPE_DEPS or p.head[cur] == cur:
            return False
        if p.dep[cur] == "conj" and p.pos[cur] in _PREDICATES:
            return False  # a coordinated predicate has its own polarity
        if p.dep[cur] == "prep" and p.lower[cur] != "of":
            # "all forms of aid" is the aid, "an agreement on the dispute" is not the
            # dispute: only a partitive "of" carries the scope into a modifier.
            return False
        nxt = p.head[cur]
        if p.pos[nxt] in _PREDICATES:
            if negates(p, nxt):
                return True
            if p.pos[nxt] == "VERB" and p.lemma[nxt] in TERMINATIVE:
                return True
        cur = nxt
    return False


def hedged(p: DocParse, i: int) -> bool:
    """Whether word ``i`` is hedged: a modal auxiliary on it or on one of its two
    nearest governors, a governing "hope"/"seek"/"plan"/"consider", or an infinitive
    of purpose ("an exercise to attack ...")."""
    cur = i
    for _ in range(3):
        kids = p.children[cur]
        if any(p.dep[c] == "aux" and p.lemma[c] in MODALS for c in kids):
            return True
        if cur != i and (p.lemma[cur] in HEDGE_HEADS or p.lower[cur] in HEDGE_FORMS):
            return True
        # infinitive of purpose: "an exercise to attack ..."
        if p.dep[cur] in _PURPOSE_CLAUSES and any(
            p.dep[c] == "aux" and p.lower[c] == "to" for c in kids
        ):
            return True
        if p.head[cur] == cur:
            break
        cur = p.head[cur]
    return False
