"""Keep hyphenated personal names as one token ("Kassym-Jomart Tokayev").

Whether "A-B" is one name or two ("Russia-China", "Li-Ivanov talks") depends on context,
so the decision is taken after NER: a hyphenated word inside a PERSON entity that is
followed by another word of the same entity (a given name before the surname) is merged
into one token. Offsets and entity boundaries are unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from relnlp.pipeline._regnal_stops import retokenizing

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
            with retokenizing(doc) as retok:
                for span in spans:
                    retok.merge(span)
        return doc
