"""A job's settings: tables wanted, components not needed, the user's resources, the fingerprint."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relnlp import schemas
from relnlp.about import DEFAULT_MODEL, FALLBACK_MODELS
from relnlp.errors import ConfigError, Errors, ResourceError

if TYPE_CHECKING:
    from relnlp.themes.taxonomy import Taxonomy


#: spaCy components each table needs beyond the relnlp rules that always run (sentences,
#: dates). A table not listed here (for instance one added to ``schemas.TABLES`` later)
#: keeps the whole pipeline. tone reads lemmas, POS and dependencies; the actor rules read
#: POS tags and lemmas (a name's head word, quoted titles), and
#: passages/documents/events read tone and themes, so only these five tables can drop
#: components. dates are rules on the text: without the parser, the pipeline's small
#: statistical sentence splitter (``senter``) gives the sentence ids.
_NEEDS: Mapping[str, frozenset[str]] = {
    "tokens": frozenset({"tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}),
    "sentences": frozenset({"parser"}),
    "entities": frozenset({"tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}),
    "actors": frozenset({"tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}),
    "dates": frozenset(),
}


_DROPPABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: What each droppable component needs in turn (tagger and parser listen to tok2vec).
_FEEDS = {"tok2vec": frozenset({"tagger", "parser"})}


_RELNLP_DROPPABLE = ("relnlp_tone", "relnlp_themes")


def _parse_only(only: str | Iterable[str] | None) -> tuple[str, ...]:
    if only is None:
        return tuple(schemas.TABLES)
    names = only.split(",") if isinstance(only, str) else list(only)
    wanted = [n.strip() for n in names if n.strip()]
    valid = ", ".join(schemas.TABLES)
    if not wanted:
        raise ConfigError(Errors.E104.format(what="table in only", value=only, valid=valid))
    for n in wanted:
        if n not in schemas.TABLES:
            raise ConfigError(Errors.E104.format(what="table", value=n, valid=valid))
    # Declared order, so the setting (and the fingerprint) does not depend on spelling.
    return tuple(t for t in schemas.TABLES if t in wanted)


def components_to_exclude(tables: Iterable[str]) -> tuple[str, ...]:
    """Pipeline components that the given tables do not need.

    Parameters
    ----------
    tables : iterable of str
        Table names from :data:`relnlp.schemas.TABLES`.

    Returns
    -------
    tuple of str
        Names to pass as ``relnlp.load(exclude=...)``; empty when any table needs the
        whole pipeline.

    Examples
    --------
    >>> components_to_exclude(["dates"])  # doctest: +NORMALIZE_WHITESPACE
    ('tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer', 'ner', 'relnlp_tone',
     'relnlp_themes')
    >>> components_to_exclude(["sentences"])
    ('tagger', 'attribute_ruler', 'lemmatizer', 'ner', 'relnlp_tone', 'relnlp_themes')
    >>> components_to_exclude(["entities", "passages"])
    ()
    """
    tables = list(tables)
    if any(t not in _NEEDS for t in tables):
        return ()
    needed: set[str] = set().union(*(_NEEDS[t] for t in tables))
    needed |= {c for c, users in _FEEDS.items() if users & needed}
    return tuple(c for c in _DROPPABLE if c not in needed) + _RELNLP_DROPPABLE


def _check_int(name: str, value: object, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(
            Errors.E106.format(name=name, expected=f"an int >= {minimum}", value=value)
        )
    return value


def _check_model(model: str) -> None:
    """Fail early, with E101, when the spaCy pipeline is not installed here."""
    import importlib.util

    names = [model] + (list(FALLBACK_MODELS) if model == DEFAULT_MODEL else [])
    for name in names:
        if Path(name).exists():
            return
        with contextlib.suppress(ImportError, ValueError):
            if importlib.util.find_spec(name) is not None:
                return
    raise ResourceError(Errors.E101.format(name=model), name=model)


_RESOURCE_KEYS = ("gazetteer", "taxonomy", "themes_model")


@dataclass
class _Resources:
    gazetteer: tuple[str, ...] = ()
    taxonomy: Taxonomy | None = None
    taxonomy_toml: str = ""
    themes_model: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _user_resources(
    gazetteer: Sequence[str | os.PathLike[str]],
    taxonomy: Taxonomy | str | os.PathLike[str] | None,
    themes_model: str | os.PathLike[str] | None,
) -> _Resources:
    """Check the user's gazetteer, taxonomy and theme model (raising the same coded
    errors as :func:`relnlp.load`) and describe them for the job's fingerprint."""
    import tempfile

    from relnlp.gazetteer import load_gazetteer
    from relnlp.themes.loading import build_classifier
    from relnlp.themes.taxonomy import Taxonomy

    out = _Resources()
    if isinstance(gazetteer, (str, os.PathLike)):
        gazetteer = [gazetteer]
    if gazetteer:
        paths = tuple(str(Path(g).absolute()) for g in gazetteer)
        load_gazetteer(paths, packaged=False)  # E107/E108 and missing files, now
        out.gazetteer = paths
        out.settings["gazetteer"] = [_sha256(Path(p)) for p in paths]
    if taxonomy is not None:
        tax = taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy.load(taxonomy)
        with tempfile.TemporaryDirectory() as tmp:
            out.taxonomy_toml = tax.save(Path(tmp) / "taxonomy.toml").read_text("utf-8")
        out.taxonomy = tax
        out.settings["taxonomy"] = tax.key
    if themes_model is not None:
        path = Path(themes_model).absolute()
        build_classifier(out.taxonomy, path)  # E305 and a taxonomy mismatch, now
        out.themes_model = str(path)
        out.settings["themes_model"] = _sha256(path / "themes_model.json" if path.is_dir() else path)
    return out


def _fingerprint(settings: Mapping[str, Any]) -> str:
    blob = json.dumps(settings, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
