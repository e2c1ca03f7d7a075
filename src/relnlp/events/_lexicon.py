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


#: A phrasal verb that is no act of its verb ("give up", "back down", "bail out of").
NotAct = tuple[str, ...]


def _read_entries(text: str, name: str) -> tuple[list[Trigger], list[NotAct], str]:
    out: list[Trigger] = []
    not_acts: list[NotAct] = []
    version, rows = records(text, name)
    for lineno, obj in rows:

        def fail(problem: str, lineno: int = lineno) -> ConfigError:
            return line_error(name, lineno, problem)

        verb, cameo, gold = obj.get("verb"), obj.get("cameo"), obj.get("goldstein")
        if obj.get("act") is False:
            # a phrasal verb whose particle turns the verb into no act: the bare
            # verb's entries do not apply to it
            if not isinstance(verb, str) or not 2 <= len(verb.split()) <= 3:
                raise fail("an entry with 'act': false is a verb with its particle(s)")
            not_acts.append(tuple(verb.lower().split()))
            continue
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
    return out, not_acts, version


def _index(entries: list[Trigger], not_acts: list[NotAct], version: str) -> EventVerbs:
    index: dict[str, list[Trigger]] = {}
    for t in entries:
        index.setdefault(t.verb, []).append(t)
    # Entries that need an object or a particle are tried before the bare verb.
    ordered = {
        k: tuple(sorted(v, key=lambda t: (t.objects is None, t.particle is None)))
        for k, v in index.items()
    }
    blocked: dict[str, list[tuple[str, ...]]] = {}
    for words in not_acts:
        blocked.setdefault(words[0], []).append(words[1:])
    return EventVerbs(ordered, version, len(entries), {k: tuple(v) for k, v in blocked.items()})


@lru_cache(maxsize=1)
def _packaged() -> tuple[list[Trigger], list[NotAct], str]:
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
        ``objects`` (optional list of object nouns), ``cameo`` (code), ``goldstein``;
        or ``verb`` (a lemma with its particle and, optionally, the preposition after
        it: "give up", "bail out of") and ``"act": false``: a phrasal verb whose
        particle makes it no act of the verb ("gave up on plans" is no giving).
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
    not_acts: list[NotAct] = []
    version = "0"
    if packaged:
        more, blocked, version = _packaged()
        entries += more
        not_acts += blocked
    for p in paths:
        more, blocked, _v = _read_entries(Path(p).read_text("utf-8"), str(p))
        entries += more
        not_acts += blocked
        version += "+user"
    return _index(entries, not_acts, version)


@lru_cache(maxsize=1)
def _default_verbs() -> EventVerbs:
    return load_event_verbs()
