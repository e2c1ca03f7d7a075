"""Loading spaCy for the analyser: the model with its fallbacks, relnlp's cached rule
components, and the digest of the files a loaded analyser depends on (helpers of
:func:`relnlp.load`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

from spacy.language import Language

from relnlp.about import DEFAULT_MODEL, FALLBACK_MODELS
from relnlp.errors import Errors, ResourceError

__all__ = ["cache_rule_components", "files_digest", "load_spacy", "model_file"]


def load_spacy(model: str, exclude: Sequence[str]) -> tuple[Language, str]:
    import spacy

    names = [model] + ([m for m in FALLBACK_MODELS if m != model] if model == DEFAULT_MODEL else [])
    last: Exception | None = None
    for name in names:
        try:
            return spacy.load(name, exclude=list(exclude)), name
        except OSError as exc:
            last = exc
    raise ResourceError(Errors.E101.format(name=model), name=model) from last


def cache_rule_components(nlp: Language) -> None:
    """Swap the model's attribute ruler and lemmatizer for relnlp's cached versions, which
    give the same output faster, when they can reproduce them exactly."""
    from relnlp.pipeline.cached import lemmatizer_cacheable, ruler_cacheable

    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if ruler_cacheable(ruler):
            new = nlp.replace_pipe("attribute_ruler", "relnlp_attribute_ruler")
            new.use(ruler)  # type: ignore[attr-defined]
    if "lemmatizer" in nlp.pipe_names:
        lem = nlp.get_pipe("lemmatizer")
        if lemmatizer_cacheable(lem):
            config = {"mode": lem.mode, "overwrite": lem.overwrite}  # type: ignore[attr-defined]
            new = nlp.replace_pipe("lemmatizer", "relnlp_lemmatizer", config=config)
            new.use(lem)  # type: ignore[attr-defined]


def model_file(path: str) -> str:
    p = os.path.join(path, "themes_model.json")
    return p if os.path.isdir(path) else path


def files_digest(paths: Sequence[str]) -> str:
    """sha256 over the files' bytes ("" for none; a missing file hashes as missing, and
    is reported by whatever reads it)."""
    if not paths:
        return ""
    h = hashlib.sha256()
    for p in paths:
        try:
            with open(p, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
        except OSError:
            h.update(b"missing:" + p.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
