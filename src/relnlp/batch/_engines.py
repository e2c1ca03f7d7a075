"""The engines: in this process, a pool of worker processes, a dask cluster."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from relnlp.batch._spec import ChunkResult, ChunkSpec, JobSettings
from relnlp.batch._worker import _boot, _crashed, _pipeline, _warm, process_chunk
from relnlp.errors import ConfigError, Errors, ResourceError


def _run_inline(
    chunks: Sequence[ChunkSpec], job: JobSettings, on_doc: Callable[[int, bool], None]
) -> Iterator[ChunkResult]:
    for chunk in chunks:
        yield process_chunk(chunk, job, on_doc)


#: How the local engine starts its workers. On Linux they are forked from the coordinator
#: once it has loaded the pipeline, so each starts with it in memory (copy-on-write)
#: instead of spending seconds importing spaCy and loading the model itself; on a small
#: job that start-up is most of the work. Elsewhere (macOS, Windows: fork is unsafe or
#: absent) they are spawned, started while the job is planned (:func:`start_pool`), and
#: each loads the pipeline once.
START_METHOD = (
    "fork"
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    else "spawn"
)


def _pool(
    n_process: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
) -> cf.ProcessPoolExecutor:
    """A pool whose ``n_process`` workers start now (one task submitted each)."""
    pool = cf.ProcessPoolExecutor(
        n_process,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=initializer,
        initargs=initargs,
    )
    for _ in range(n_process):  # a spawn executor starts one process per task submitted
        pool.submit(os.getpid)
    return pool


def fork_pool(job: JobSettings, n_process: int) -> cf.ProcessPoolExecutor:
    """Load the job's pipeline here, then fork ``n_process`` workers that inherit it.

    Called before anything else starts a thread in this process (the progress bar's
    monitor does), so the children are copies of a single-threaded process.
    """
    import gc

    _pipeline(job)
    # Objects that exist now move to the collector's permanent generation: the workers'
    # collections then never walk (and so never write to) the inherited pipeline, whose
    # memory pages stay shared with this process instead of being copied in each.
    gc.freeze()
    try:
        return _pool(n_process, _warm, (job, os.getpid()))
    finally:
        gc.unfreeze()


def start_pool(n_process: int) -> cf.ProcessPoolExecutor:
    """Start ``n_process`` spawned workers now, before the job is planned.

    A worker's start-up (a Python process importing spaCy and relnlp) takes seconds; on
    a small job it is a large part of the whole, so it runs while the coordinator checks
    the options and plans the chunks. Each worker loads the pipeline with its first chunk.
    """
    return _pool(n_process, _boot, (os.getpid(),))


def stop_pool(pool: cf.ProcessPoolExecutor) -> None:
    """End a started pool that will get no work (the job stopped before running)."""
    # Its workers may still be importing; they would finish that before reading the
    # shutdown, and this process's exit would wait for them. (shutdown() forgets them.)
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _run_pool(
    chunks: Sequence[ChunkSpec],
    job: JobSettings,
    n_process: int,
    pool: cf.ProcessPoolExecutor | None = None,
) -> Iterator[ChunkResult]:
    """A pool of worker processes, each with the pipeline loaded once (forked with it,
    or loading it in its initializer, or with its first chunk in a ``pool`` from
    :func:`start_pool`).

    At most ``2 * n_process`` chunks are in flight, so memory stays flat. When a worker
    dies the pool breaks and all chunks in flight are lost; each is then retried alone,
    and one that breaks the pool again is committed as E404 errors.
    """
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context(START_METHOD)
    todo = collections.deque(chunks)
    suspects: collections.deque[ChunkSpec] = collections.deque()
    limit = 2 * n_process

    def new_pool() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            n_process, mp_context=ctx, initializer=_warm, initargs=(job, os.getpid())
        )

    pool = pool or new_pool()
    inflight: dict[cf.Future[ChunkResult], ChunkSpec] = {}
    retried: set[str] = set()
    try:
        while todo or suspects or inflight:
            if suspects:  # a chunk under suspicion runs with nothing else in flight
                if not inflight:
                    c = suspects.popleft()
                    inflight[pool.submit(process_chunk, c, job)] = c
            else:
                while todo and len(inflight) < limit:
                    c = todo.popleft()
                    inflight[pool.submit(process_chunk, c, job)] = c
            done, _ = cf.wait(inflight, return_when=cf.FIRST_COMPLETED)
            broken = False
            for fut in done:
                c = inflight.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken = True
                    inflight[fut] = c  # lost with the others, handled below
            if broken:
                lost = list(inflight.values())
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for c in lost:
                    if c.chunk_id in retried:
                        yield _crashed(job, c, "the worker process exited unexpectedly")
                    else:
                        retried.add(c.chunk_id)
                        suspects.append(c)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _distributed() -> Any:
    """The ``distributed`` module (untyped to mypy), or E407 when it is not installed."""
    import importlib

    try:
        return importlib.import_module("distributed")
    except ImportError as exc:
        raise ResourceError(Errors.E407, name="distributed") from exc


def _dask_client(scheduler: str | None, n_workers: int) -> tuple[Any, Any]:
    dd = _distributed()
    if scheduler:
        try:
            return dd.Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise ConfigError(Errors.E408.format(address=scheduler, detail=exc)) from exc
    import dask

    # This cluster is ours (one given with --scheduler keeps its own settings):
    # * the workers' statistical profiler samples the deep spaCy stacks every 10 ms: off;
    # * the nanny's default environment sets MALLOC_TRIM_THRESHOLD_=65536, and glibc then
    #   hands memory back to the system after nearly every parse (system time 5x, chunks
    #   ~10% slower), plus one-thread caps for BLAS/OpenMP: the workers get the local
    #   engine's environment instead (one task per worker at a time, so no oversubscription).
    with dask.config.set(
        {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": {}}
    ):
        cluster = dd.LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    return dd.Client(cluster), cluster


def _run_dask(
    chunks: Sequence[ChunkSpec], job: JobSettings, client: Any, n_workers: int
) -> Iterator[ChunkResult]:
    """One dask task per chunk (paths in, part files out); four per worker in flight."""
    dd = _distributed()
    todo = collections.deque(chunks)
    limit = 4 * max(1, n_workers)
    futures: dict[Any, ChunkSpec] = {}

    def submit(c: ChunkSpec) -> Any:
        key = f"relnlp-{job.fingerprint}-{c.chunk_id}"
        f = client.submit(process_chunk, c, job, key=key, pure=False)
        futures[f] = c
        return f

    seq = dd.as_completed([submit(todo.popleft()) for _ in range(min(limit, len(todo)))])
    for fut in seq:
        c = futures.pop(fut)
        try:
            res: ChunkResult = fut.result()
        except dd.KilledWorker as exc:  # the task killed its worker(s) repeatedly
            res = _crashed(job, c, f"dask: {exc}")
        yield res
        if todo:
            seq.add(submit(todo.popleft()))


def _execute(
    todo: Sequence[ChunkSpec],
    job: JobSettings,
    *,
    engine: str,
    scheduler: str | None,
    n_process: int,
    progress: bool,
    total: int,
    initial: int,
    pool: cf.ProcessPoolExecutor | None = None,
) -> tuple[list[ChunkResult], float]:
    """Run the chunks on the chosen engine with a progress bar.

    Returns the chunks' counts and the seconds spent from the first chunk on (after the
    pipeline is loaded in this process; worker start-up is included for pools and dask).
    """
    from tqdm.auto import tqdm

    results: list[ChunkResult] = []
    if todo and engine == "local" and n_process == 1:
        _pipeline(job)  # load before the clock starts, so tokens/s means analysis
    elif todo and engine == "local" and pool is None and START_METHOD == "fork":
        pool = fork_pool(job, n_process)  # before the progress bar starts its thread
    bar = tqdm(
        total=total,
        initial=initial,
        unit="doc",
        desc="relnlp batch",
        disable=not progress,
        dynamic_ncols=True,
        leave=True,
    )
    t0 = time.perf_counter()
    stats = {"tokens": 0, "failed": 0}

    def show() -> None:
        rate = stats["tokens"] / max(time.perf_counter() - t0, 1e-9)
        bar.set_postfix({"tok/s": f"{rate:,.0f}", "errors": stats["failed"]}, refresh=False)

    def on_doc(tokens: int, failed: bool) -> None:
        stats["tokens"] += tokens
        stats["failed"] += int(failed)
        bar.update(1)
        show()

    try:
        if not todo:
            return results, 0.0

        def absorb(res: Any) -> None:
            """A chunk finished in a worker: keep its result, update the progress bar."""
            results.append(res)
            stats["tokens"] += res.tokens
            stats["failed"] += res.failed
            bar.update(res.documents)
            show()

        if engine == "dask":
            n_workers = max(2, n_process)
            client, cluster = _dask_client(scheduler, n_workers)
            try:
                workers = len(client.scheduler_info().get("workers", {})) or n_workers
                client.run(_warm, job)  # load the pipeline on every worker, in parallel
                for res in _run_dask(todo, job, client, workers):
                    absorb(res)
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
        elif n_process == 1:
            results.extend(_run_inline(todo, job, on_doc))
        else:
            for res in _run_pool(todo, job, n_process, pool):
                absorb(res)
    finally:
        bar.close()
    return results, time.perf_counter() - t0
