"""The ``relnlp_themes`` component: theme scores, labels and evidence per passage.

Passages are read from :func:`relnlp.records.passages` (character spans set by
:class:`relnlp.Analyzer` from the report's structure); without it, the blank-line
separated paragraphs of the text. Each passage is read with its section heading and, for a
short list item, the list's lead-in (:mod:`relnlp.themes.context`). Results: ``doc.spans["rel_passages"]`` with
``span._.rel_themes``, ``span._.rel_theme_scores`` and ``span._.rel_evidence``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from relnlp import extensions, records
from relnlp.lang.chars import BLANK_LINE
from relnlp.pipeline import doc_text
from relnlp.themes.classifier import ThemeClassifier
from relnlp.themes.context import passage_contexts

__all__ = ["ThemeTagger", "paragraph_spans"]

_BLANK = BLANK_LINE


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the blank-line separated paragraphs of ``text``."""
    out, pos = [], 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        seg = text[pos:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((pos + lead, pos + len(seg.rstrip())))
        pos = m.end() if m else len(text)
    return out


class ThemeTagger:
    def __init__(self, nlp: Language, name: str, classifier: ThemeClassifier) -> None:
        extensions.install()
        self.name = name
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = records.passages(doc) or [
            records.CharSpan(start=a, end=b) for a, b in paragraph_spans(text)
        ]
        texts = [text[p.start : p.end] for p in spans]
        results = self.classifier.classify_many(texts, passage_contexts(text, spans))
        group = []
        for p, res in zip(spans, results):
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            span._.rel_themes = res.themes
            span._.rel_theme_scores = res.scores
            span._.rel_evidence = res.evidence
            group.append(span)
        doc.spans["rel_passages"] = group
        records.set_passage_themes(
            doc,
            (
                records.PassageThemes(
                    start=p.start,
                    end=p.end,
                    scores=res.scores,
                    themes=res.themes,
                    evidence=res.evidence,
                )
                for p, res in zip(spans, results)
            ),
        )
        return doc
