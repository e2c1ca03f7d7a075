"""The cycle collector is kept off the loaded pipeline during an analysis, and only then."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from relnlp.pipeline.heap import frozen_heap, keeps_heap_frozen


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    gc.unfreeze()  # whatever an earlier test left frozen
    yield
    gc.unfreeze()


def test_frozen_heap_freezes_the_objects_that_exist_and_gives_them_back() -> None:
    kept: list[Any] = [[] for _ in range(10)]
    with frozen_heap() as froze:
        assert froze
        assert gc.get_freeze_count() >= len(kept)
        made_inside: list[Any] = []
        # gc.get_objects() lists the collector's generations, not the frozen objects.
        young = {id(x) for x in gc.get_objects()}
        assert id(made_inside) in young  # new objects stay collectable
        assert not any(id(x) in young for x in kept)
    assert gc.get_freeze_count() == 0
    assert id(kept[0]) in {id(x) for x in gc.get_objects()}


def test_frozen_heap_gives_back_on_error() -> None:
    with pytest.raises(ValueError), frozen_heap():
        raise ValueError("stop")
    assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_someone_else_is_left_frozen() -> None:
    gc.freeze()  # as a forked batch worker or a pre-forking server has it
    before = gc.get_freeze_count()
    with frozen_heap() as froze:
        assert not froze
    assert gc.get_freeze_count() == before > 0


def test_generator_holds_the_freeze_from_first_item_to_its_end() -> None:
    seen: list[int] = []

    @keeps_heap_frozen
    def items(n: int) -> Iterator[int]:
        for i in range(n):
            seen.append(gc.get_freeze_count())
            yield i

    it = items(3)
    assert gc.get_freeze_count() == 0  # nothing happens before the first item
    assert list(it) == [0, 1, 2]
    assert all(c > 0 for c in seen)
    assert gc.get_freeze_count() == 0


def test_generator_closed_early_unfreezes() -> None:
    @keeps_heap_frozen
    def forever() -> Iterator[int]:
        while True:
            yield 1

    it = forever()
    next(it)
    assert gc.get_freeze_count() > 0
    it.close()
    assert gc.get_freeze_count() == 0


def test_analyzer_pipe_runs_frozen_and_unfreezes(nlp: Any) -> None:
    counts = []
    for report in nlp.pipe(["Russia and China signed a treaty in Moscow on 5 May 2015."]):
        counts.append(gc.get_freeze_count())
        assert len(report.entities)
    assert counts and counts[0] > 10_000  # the loaded pipeline's objects
    assert gc.get_freeze_count() == 0
