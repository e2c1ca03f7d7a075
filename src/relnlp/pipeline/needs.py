"""What each output table needs from the pipeline: the components a job can leave out.

Shared by :func:`relnlp.load` (``only=``) and ``relnlp batch`` (``--only``); it lives
here, below both, so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from relnlp import schemas
from relnlp.errors import ConfigError, Errors

__all__ = ["components_to_exclude"]


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
