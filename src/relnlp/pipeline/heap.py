"""Keeping Python's cycle collector off the loaded pipeline while reports are analysed.

A loaded analyser holds some 120,000 Python objects that the cycle collector tracks (the
gazetteer, the tone model's vocabulary, spaCy's registries and components). They live as
long as the analyser, yet every full collection walks them all: on the benchmark machine
one full collection takes about a second, and an analysis of 120 reports triggered one,
some 5 % of the run (``benchmarks/bench_batch.py``). :func:`frozen_heap` moves the objects
that exist when an analysis starts into the collector's permanent generation
(:func:`gc.freeze`, the documented tool for long-lived objects) and moves them back when it
ends (:func:`gc.unfreeze`), so nothing is kept from the collector for longer than the
analysis: objects made during the analysis are collected as usual, and garbage among the
older objects is collected at the first full collection after it.

When something else has frozen objects already (a forked batch worker, or a server that
freezes its heap before forking), the heap is left as it is.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

__all__ = ["frozen_heap", "keeps_heap_frozen"]

P = ParamSpec("P")
T = TypeVar("T")


@contextlib.contextmanager
def frozen_heap() -> Iterator[bool]:
    """Freeze the objects that exist now for the duration of the block.

    Yields whether this call froze them (False when objects were frozen already, in
    which case it changes nothing, on entry or on exit).
    """
    if gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    try:
        yield True
    finally:
        gc.unfreeze()


def keeps_heap_frozen(gen: Callable[P, Iterator[T]]) -> Callable[P, Iterator[T]]:
    """A generator function run under :func:`frozen_heap` from its first item to its
    end (or to its closing, when its consumer stops early)."""

    @functools.wraps(gen)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Iterator[T]:
        with frozen_heap():
            yield from gen(*args, **kwargs)

    return wrapper
