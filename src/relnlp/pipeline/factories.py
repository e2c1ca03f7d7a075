"""Factories of relnlp's spaCy components.

Each factory is also declared under ``[project.entry-points.spacy_factories]`` so that
``spacy.load()`` of a saved relnlp pipeline works in a fresh process without importing
relnlp first.
"""

from __future__ import annotations

from spacy.language import Language

from relnlp.pipeline.actors import ActorTagger
from relnlp.pipeline.dates import DateTagger
from relnlp.pipeline.names import HyphenatedNameMerger
from relnlp.pipeline.sentences import SentenceGuard

__all__ = ["make_actor_tagger", "make_date_tagger", "make_name_merger", "make_sentence_guard"]


@Language.factory(
    "relnlp_sentences",
    assigns=["token.is_sent_start"],
    retokenizes=False,
)
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    """Sentence-start constraints for policy prose (place before the parser)."""
    return SentenceGuard(nlp, name)


@Language.factory(
    "relnlp_names",
    requires=["doc.ents"],
    retokenizes=True,
)
def make_name_merger(nlp: Language, name: str) -> HyphenatedNameMerger:
    """Merge hyphenated given names inside PERSON entities (place after the NER)."""
    return HyphenatedNameMerger(nlp, name)


@Language.factory(
    "relnlp_dates",
    assigns=["doc.spans", "span._.rel_value", "span._.rel_type", "span._.rel_mod"],
)
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    """TIMEX3 temporal expressions, anchored on ``doc._.rel_doc_date``."""
    return DateTagger(nlp, name)


@Language.factory(
    "relnlp_actors",
    assigns=["doc.ents", "doc.spans", "span._.rel_canonical", "span._.rel_role"],
    requires=["doc.ents"],
    default_config={"gazetteer_paths": [], "packaged": True},
)
def make_actor_tagger(
    nlp: Language, name: str, gazetteer_paths: list[str], packaged: bool
) -> ActorTagger:
    """Domain-aware entities with canonical names and roles (place after the NER).

    ``gazetteer_paths`` are the user's JSONL gazetteer files, read after the packaged ones.
    """
    from relnlp.gazetteer import load_gazetteer

    return ActorTagger(nlp, name, gazetteer=load_gazetteer(gazetteer_paths, packaged=packaged))
