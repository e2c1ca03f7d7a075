"""The event verb table: the packaged ``events.v2.jsonl`` and the user's files in the same
format, read, checked and indexed by lemma."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from relnlp._jsonl import line_error, records
from relnlp.errors import ConfigError
from relnlp.events._types import EventVerbs, Trigger

PACKAGED = "lexicons/events.v2.jsonl"
_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")


def _read_entries(text: str, name: str) -> tuple[list[Trigger], str]:
    out: list[Trigger] = []
    version, rows = records(text, name)
    for lineno, obj in rows:

        def fail(problem: str, lineno: int = lineno) -> ConfigError:
            return line_error(name, lineno, problem)

        verb, cameo, gold = obj.get("verb"), obj.get("cameo"), obj.get("goldstein")
        objects = obj.get("objects")
        if not isinstance(verb, str) or not verb.strip() or len(verb.split()) > 2:
            raise fail("'verb' must be a lemma, optionally with a particle ('carry out')")
        if not isinstance(cameo, str) or not _CAMEO.match(cameo):
            raise fail(f"'cameo' must be a CAMEO code such as '04' or '057', got {cameo!r}")
        if not isinstance(gold, int | float) or not -10 <= gold <= 10:
            raise fail(f"'goldstein' must be a number in [-10, 10], got {gold!r}")
        if objects is not None and (
            not isinstance(objects, list) or not all(isinstance(o, str) for o in objects)
        ):
            raise fail("'objects' must be a list of nouns")
        words = verb.lower().split()
        out.append(
            Trigger(
                words[0],
                words[1] if len(words) > 1 else None,
                frozenset(o.lower() for o in objects) if objects else None,
                cameo,
                float(gold),
            )
        )
    return out, version


def _index(entries: list[Trigger], version: str) -> EventVerbs:
    index: dict[str, list[Trigger]] = {}
    for t in entries:
        index.setdefault(t.verb, []).append(t)
    # Entries that need an object or a particle are tried before the bare verb.
    ordered = {
        k: tuple(sorted(v, key=lambda t: (t.objects is None, t.particle is None)))
        for k, v in index.items()
    }
    return EventVerbs(ordered, version, len(entries))


@lru_cache(maxsize=1)
def _packaged() -> tuple[list[Trigger], str]:
    from relnlp import resources

    return _read_entries(resources.path(PACKAGED).read_text("utf-8"), f"relnlp/data/{PACKAGED}")


def load_event_verbs(
    paths: Sequence[str | os.PathLike[str]] = (), packaged: bool = True
) -> EventVerbs:
    """The packaged event verb table plus the user's JSONL files (same format).

    Parameters
    ----------
    paths : sequence of path-like
        JSONL files, one object a line: ``verb`` (lemma, optionally with a particle),
        ``objects`` (optional list of object nouns), ``cameo`` (code), ``goldstein``.
    packaged : bool
        Include ``relnlp/data/lexicons/events.v2.jsonl``.

    Returns
    -------
    EventVerbs

    Examples
    --------
    >>> verbs = load_event_verbs()
    >>> verbs.by_verb["meet"][0].type
    'verbal_cooperation'
    """
    entries: list[Trigger] = []
    version = "0"
    if packaged:
        more, version = _packaged()
        entries += more
    for p in paths:
        more, _v = _read_entries(Path(p).read_text("utf-8"), str(p))
        entries += more
        version += "+user"
    return _index(entries, version)


@lru_cache(maxsize=1)
def _default_verbs() -> EventVerbs:
    return load_event_verbs()
