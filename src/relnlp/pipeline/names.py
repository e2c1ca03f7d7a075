"""Keep hyphenated personal names as one token ("Kassym-Jomart Tokayev").

Whether "A-B" is one name or two ("Russia-China", "Li-Ivanov talks") depends on context,
so the decision is taken after NER: a hyphenated word inside a PERSON entity that is
followed by another word of the same entity (a given name before the surname) is merged
into one token. Offsets and entity boundaries are unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["HyphenatedNameMerger"]


class HyphenatedNameMerger:
    """Post-NER component merging hyphenated given names into single tokens."""

    def __init__(self, nlp: Language | None = None, name: str = "relnlp_names") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 4:
                continue
            i = ent.start
            while i + 2 < ent.end - 1:  # a word must follow the hyphenated part
                a, h, b = doc[i], doc[i + 1], doc[i + 2]
                if (
                    h.text == "-"
                    and not a.whitespace_
                    and not h.whitespace_
                    and a.is_alpha
                    and b.is_alpha
                    and a.text[:1].isupper()
                ):
                    spans.append(doc[i : i + 3])
                    i += 3
                else:
                    i += 1
        if spans:
            # Span groups keep token indices, which a merge invalidates; they are rebuilt
            # from character offsets (extension values are keyed by those, so they stay).
            groups = {
                key: [(sp.start_char, sp.end_char, sp.label_) for sp in group]
                for key, group in doc.spans.items()
            }
            with doc.retokenize() as retok:
                for span in spans:
                    retok.merge(span)
            for key, items in groups.items():
                rebuilt = [doc.char_span(a, b, label=lab) for a, b, lab in items]
                doc.spans[key] = [sp for sp in rebuilt if sp is not None]
        return doc
