"""Factories of relnlp's spaCy components.

Each factory is also declared under ``[project.entry-points.spacy_factories]`` so that
``spacy.load()`` of a saved relnlp pipeline works in a fresh process without importing
relnlp first.
"""

from __future__ import annotations

from spacy.language import Language

from relnlp.pipeline.actors import ActorTagger
from relnlp.pipeline.cached import CachedAttributeRuler, CachedLemmatizer
from relnlp.pipeline.dates import DateTagger
from relnlp.pipeline.names import HyphenatedNameMerger
from relnlp.pipeline.sentences import SentenceGuard
from relnlp.pipeline.themes import ThemeTagger
from relnlp.pipeline.tone import ToneScorer

__all__ = [
    "make_actor_tagger",
    "make_cached_attribute_ruler",
    "make_cached_lemmatizer",
    "make_date_tagger",
    "make_name_merger",
    "make_sentence_guard",
    "make_theme_tagger",
    "make_tone_scorer",
]


@Language.factory(
    "relnlp_sentences",
    assigns=["token.is_sent_start"],
    retokenizes=False,
)
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    """Sentence-start constraints for policy prose (place before the parser)."""
    return SentenceGuard(nlp, name)


@Language.factory(
    "relnlp_attribute_ruler",
    assigns=["token.pos", "token.tag", "token.lemma", "token.morph"],
    default_config={"validate": False},
)
def make_cached_attribute_ruler(nlp: Language, name: str, validate: bool) -> CachedAttributeRuler:
    """The language's ``attribute_ruler``, computed once per token signature (same output).

    :func:`relnlp.load` puts it in place of a model's ruler, with that ruler's patterns
    (see :mod:`relnlp.pipeline.cached`).
    """
    return CachedAttributeRuler(
        nlp.create_pipe("attribute_ruler", name=name, config={"validate": validate})
    )


@Language.factory(
    "relnlp_lemmatizer",
    assigns=["token.lemma"],
    default_config={"mode": "rule", "overwrite": False},
)
def make_cached_lemmatizer(
    nlp: Language, name: str, mode: str, overwrite: bool
) -> CachedLemmatizer:
    """The language's ``lemmatizer``, computed once per (word, POS, morphology)."""
    config = {"mode": mode, "overwrite": overwrite, "model": None}
    return CachedLemmatizer(nlp.create_pipe("lemmatizer", name=name, config=config))


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
    assigns=[
        "doc.spans",
        "span._.rel_value",
        "span._.rel_type",
        "span._.rel_mod",
        "doc._.rel_timexes",
    ],
    requires=["doc._.rel_doc_date"],
)
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    """TIMEX3 temporal expressions, anchored on ``doc._.rel_doc_date`` and the report's
    chronology entries (``doc._.rel_chronology``, set by the analyser)."""
    return DateTagger(nlp, name)


@Language.factory(
    "relnlp_actors",
    assigns=[
        "doc.ents",
        "doc.spans",
        "span._.rel_canonical",
        "span._.rel_role",
        "span._.rel_affiliation",
        "doc._.rel_entities",
        "doc._.rel_timexes",
    ],
    requires=["doc.ents"],
    retokenizes=True,
    default_config={"gazetteer_paths": [], "packaged": True},
)
def make_actor_tagger(
    nlp: Language, name: str, gazetteer_paths: list[str], packaged: bool
) -> ActorTagger:
    """Domain-aware entities with canonical names and roles (place after the NER).

    Reads the report's passages (``doc._.rel_passages``, set by the analyser) and drops
    the dates inside named events from ``doc._.rel_timexes``. Splits a sentence-final
    regnal number from its full stop ("Abbas I.", :mod:`relnlp.pipeline._regnal_stops`).

    ``gazetteer_paths`` are the user's JSONL gazetteer files, read after the packaged ones.
    """
    from relnlp.gazetteer import load_gazetteer

    return ActorTagger(nlp, name, gazetteer=load_gazetteer(gazetteer_paths, packaged=packaged))


@Language.factory(
    "relnlp_themes",
    assigns=[
        "doc.spans",
        "span._.rel_themes",
        "span._.rel_theme_scores",
        "span._.rel_evidence",
        "doc._.rel_passage_themes",
    ],
    default_config={
        "taxonomy_path": None,
        "taxonomy_toml": None,
        "model_path": None,
        "packaged_model": True,
    },
)
def make_theme_tagger(
    nlp: Language,
    name: str,
    taxonomy_path: str | None,
    taxonomy_toml: str | None,
    model_path: str | None,
    packaged_model: bool,
) -> ThemeTagger:
    """Theme scores and evidence per passage (``doc._.rel_passages``, set by the analyser;
    without it, the text's blank-line separated paragraphs).

    ``taxonomy_path`` is a TOML taxonomy file, ``taxonomy_toml`` the same as text (it
    wins; :func:`relnlp.load` puts an in-memory taxonomy there); default the packaged
    one. ``model_path`` is a directory written by ``relnlp themes train`` (default: the
    packaged model, when ``packaged_model`` and its taxonomy matches).
    """
    from relnlp.themes.loading import build_classifier
    from relnlp.themes.taxonomy import Taxonomy

    taxonomy: Taxonomy | str | None = taxonomy_path
    if taxonomy_toml is not None:
        taxonomy = Taxonomy.from_toml(taxonomy_toml, source=f"<{name} config>")
    return ThemeTagger(nlp, name, build_classifier(taxonomy, model_path, packaged_model))


@Language.factory(
    "relnlp_tone",
    assigns=[
        "doc.spans",
        "span._.rel_cooperation",
        "span._.rel_tension",
        "span._.rel_tone_cues",
        "span._.rel_tone_class",
        "span._.rel_source",
        "span._.rel_target",
        "doc._.rel_cooperation",
        "doc._.rel_tension",
        "doc._.rel_sentence_tones",
    ],
    requires=["token.dep", "token.lemma"],
    default_config={"lexicon_paths": [], "packaged": True, "model": "packaged"},
)
def make_tone_scorer(
    nlp: Language, name: str, lexicon_paths: list[str], packaged: bool, model: str | None
) -> ToneScorer:
    """Cooperation and tension per sentence, with cues and actors (after the parser/NER).

    ``lexicon_paths`` are the user's JSONL cue files, added to the packaged lexicon.
    ``model`` is the learned sentence model: ``"packaged"`` (``models/tone-v1``), a
    folder written by ``scripts/train_tone.py``, or ``None`` for the rules alone.
    """
    from relnlp.tone.lexicon import load_lexicon
    from relnlp.tone.model import ToneModel, load_packaged

    learned: ToneModel | None = None
    if model == "packaged":
        learned = load_packaged()
    elif model is not None:
        from pathlib import Path

        learned = ToneModel.load(Path(model))
    return ToneScorer(
        nlp,
        name,
        load_lexicon(tuple(lexicon_paths), packaged=packaged),
        learned,
        packaged_model=model == "packaged",
    )
