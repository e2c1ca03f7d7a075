"""Evaluation sets beyond the packaged gold: where their data lives and how each is run.

``relnlp evaluate --set NAME`` runs one of :data:`SETS` (``all`` runs each in turn). A set
is a function ``run(data: Path, *, baselines: bool) -> DataFrame`` in its own module that
returns long-form rows with the columns of :data:`COLUMNS` (and the ids of the documents
it scored in ``frame.attrs["documents"]``, where it has documents); ``data`` is the development
data folder (``../shared/dev`` beside the repository, else ``$RELNLP_DEV_DATA``, else
``--data``). A set whose data is absent raises :class:`SetUnavailable` with the reason,
which the command prints as one line before going on with the other sets.
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

__all__ = [
    "COLUMNS",
    "EXPLICIT_ONLY",
    "SETS",
    "SetUnavailable",
    "beside_repository",
    "default_data_dir",
    "run_set",
]

#: Columns of every set's rows: which set and split, which system, what was measured.
COLUMNS = ("set", "split", "system", "task", "metric", "value", "n", "note")

#: name -> "module:function"; modules are imported only when their set runs.
SETS: dict[str, str] = {
    "seeds": "relnlp.evaluate.seeds:run",
    "dev": "relnlp.evaluate.dev:run",
    "timebank": "relnlp.evaluate.timebank:run",
    "tone-un": "relnlp.evaluate.tone_sets:run_un",
    "tone-news": "relnlp.evaluate.tone_sets:run_news",
    "events-news": "relnlp.evaluate.events_coded:run_news",
    "unseen": "relnlp.evaluate.unseen:run",
}
#: Sets that find their own data folder (the others read the development data folder).
OWN_DATA = frozenset({"seeds", "unseen"})
#: Sets that run only when named: ``all`` leaves them out. The unseen reports are held out
#: from everyone developing relnlp, so a routine ``--set all`` must not show their figures
#: (corpora/unseen/README.md records every look).
EXPLICIT_ONLY = frozenset({"unseen"})


class SetUnavailable(Exception):
    """The data of an evaluation set is not there; ``str(exc)`` says what is missing."""


def default_data_dir() -> Path | None:
    """The development data folder: ``../shared/dev`` beside the repository, else
    ``$RELNLP_DEV_DATA`` (``--data`` overrides both).

    The repository keeps no copy of the development texts (their licences allow internal
    evaluation only), so the folder is found beside the checkout, as CI lays it out: beside
    the source tree this package was imported from, or beside the working directory or
    one of its two parents.
    """
    found = beside_repository("shared", "dev")
    if found is not None:
        return found
    env = os.environ.get("RELNLP_DEV_DATA")
    return Path(env) if env else None


def beside_repository(*parts: str) -> Path | None:
    """A folder beside the checkout (``../shared/dev``, ``../extra/unseen``): beside the
    source tree this package was imported from, or beside the working directory or one of
    its two parents; None when there is none."""
    here = Path(__file__).resolve()
    roots = [here.parents[3]] if len(here.parents) > 3 else []  # <repo>/src/relnlp/evaluate
    roots += [Path.cwd(), *Path.cwd().parents[:2]]
    for base in roots:
        cand = base.parent.joinpath(*parts)
        if cand.is_dir():
            return cand
    return None


def _function(name: str) -> Callable[..., pd.DataFrame]:
    module, func = SETS[name].split(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise  # a dependency of the set is missing: say which, do not hide it
        raise SetUnavailable(f"set {name!r} is not part of this relnlp build") from None
    fn: Callable[..., pd.DataFrame] = getattr(mod, func)
    return fn


def run_set(
    name: str, data: Path | None, *, baselines: bool = False, every: int = 1
) -> pd.DataFrame:
    """Run one evaluation set; raise :class:`SetUnavailable` when its data is missing.

    ``every`` > 1 scores every n-th document, in sets that take it (``timebank``, whose
    HeidelTime baseline is slow); other sets ignore it.
    """
    if name not in SETS:
        raise KeyError(f"unknown evaluation set {name!r}; known: {', '.join(SETS)}, all")
    if name not in OWN_DATA and data is None:
        raise SetUnavailable(
            "no development data folder (put shared/dev beside the repository, set "
            "RELNLP_DEV_DATA or pass --data)"
        )
    fn = _function(name)
    options: dict[str, int] = {}
    if every > 1 and "every" in inspect.signature(fn).parameters:
        options["every"] = every
    frame = fn(data, baselines=baselines, **options)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"evaluation set {name!r} returned no column(s) {missing}")
    out = frame.loc[:, list(COLUMNS)]
    out.attrs["documents"] = list(frame.attrs.get("documents", []))
    return out
