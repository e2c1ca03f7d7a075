"""A regnal number that ends a sentence gives its full stop back ("Abbas I.").

spaCy's English tokenizer keeps a single capital letter and its period together, for the
initials of names ("John F. Kennedy"). The one-letter Roman numerals "I", "V" and "X" are
such letters, so a sentence that ends on a regnal number ("... founded by Shah Abbas I.",
"the wars of Charles V.") keeps its full stop inside the name, and the model may run the
name on into the next sentence ("Peter I. Later"). After the statistical NER, such a token
is split into the numeral and the full stop where the context shows a sentence end:

* nothing but white space follows it, or a line break does;
* the next word is capitalised and is a function word or adverb that opens sentences
  ("The", "He", "Later", "In"), not a name: "John I. Smith" keeps its initial.

Entities that ran over the full stop end before it. Character offsets of span groups set
by earlier components are kept (the groups are rebuilt from them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import Retokenizer

__all__ = ["retokenizing", "split_regnal_stops"]

_NUMERALS = frozenset({"I.", "V.", "X."})
_OPENER_POS = frozenset({"ADV", "DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX"})
# Sentence adverbs the tagger may read as part of a name after one ("Peter I. Later").
_OPENERS = STOP_WORDS | frozenset(
    """later soon afterwards afterward meanwhile thereafter eventually finally subsequently
    today instead nevertheless""".split()
)


@contextmanager
def retokenizing(doc: Doc) -> Iterator[Retokenizer]:
    """``doc.retokenize()`` that keeps the span groups by their character offsets (token
    indices change; extension values are keyed by offsets, so they stay)."""
    groups = {
        key: [(sp.start_char, sp.end_char, sp.label_) for sp in group]
        for key, group in doc.spans.items()
    }
    with doc.retokenize() as retok:
        yield retok
    for key, items in groups.items():
        rebuilt = [doc.char_span(a, b, label=lab) for a, b, lab in items]
        doc.spans[key] = [sp for sp in rebuilt if sp is not None]


def _next_word(tok: Token) -> Token | None:
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    return doc[k] if k < len(doc) else None


def _sentence_end(tok: Token) -> bool:
    """Whether ``tok`` is a one-letter Roman numeral after a name, whose period ends the
    sentence (see the module docstring)."""
    if tok.text not in _NUMERALS or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if not (prev.is_alpha and prev.text[:1].isupper()):
        return False
    nxt = _next_word(tok)
    if nxt is None or "\n" in tok.doc[tok.i + 1 : nxt.i].text:
        return True
    return nxt.text[:1].isupper() and (nxt.lower_ in _OPENERS or nxt.pos_ in _OPENER_POS)


def split_regnal_stops(doc: Doc) -> Doc:
    """``doc`` with every sentence-final "I." / "V." / "X." after a name split into the
    numeral and the full stop, and the entities over that stop ending before it."""
    found = [t for t in doc if _sentence_end(t)]
    if not found:
        return doc
    periods = {t.idx + 1 for t in found}
    with retokenizing(doc) as retok:
        for tok in found:
            head = tok.head if tok.head.i != tok.i else (tok, 0)
            retok.split(
                tok,
                [tok.text[0], "."],
                heads=[head, (tok, 0)],
                attrs={
                    "TAG": [tok.tag_, "."],
                    "POS": [tok.pos_, "PUNCT"],
                    "DEP": [tok.dep_, "punct"],
                },
            )
    stops = {t.i for t in doc if t.idx in periods}
    ents = []
    for ent in doc.ents:
        cut = min((i for i in stops if ent.start < i < ent.end), default=ent.end)
        ents.append(Span(doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_))
    doc.ents = ents
    return doc
