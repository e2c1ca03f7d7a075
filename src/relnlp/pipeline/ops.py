"""The array operations relnlp runs spaCy's networks with.

spaCy's English models multiply their matrices through thinc's ``NumpyOps``, which calls
the BLIS library. thinc can instead hand the products to numpy (``NumpyOps(use_blis=False)``,
a documented thinc option), whose OpenBLAS is several times faster than BLIS on some CPUs:
on the benchmark machine, bare spaCy runs 1.23x faster with it (``benchmarks/bench_batch.py``
runs bare spaCy with either library in the same run; ``benchmarks/results/batch.md``). The models, weights and decisions are the same; the products differ only in
float32 rounding, and ``scripts/compare_outputs.py`` found no annotation that changed.

Each product runs on one thread, as BLIS does: a batch job's processes then do not compete
for the cores with BLAS threads. ``RELNLP_BLIS=1`` in the environment keeps spaCy's BLIS.
"""

from __future__ import annotations

import functools
import os
from typing import Any

__all__ = ["fast_ops_enabled", "use_fast_ops"]


def fast_ops_enabled() -> bool:
    """Whether :func:`use_fast_ops` changes anything (``RELNLP_BLIS=1`` turns it off)."""
    return os.environ.get("RELNLP_BLIS", "").strip() not in {"1", "true", "yes"}


@functools.lru_cache(maxsize=1)
def _ops() -> Any:
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")

    class OneThreadNumpyOps(NumpyOps):  # type: ignore[misc]
        """``NumpyOps`` without BLIS; every matrix product on one BLAS thread."""

        def gemm(
            self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False
        ) -> Any:
            with blas.limit(limits=1):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    return OneThreadNumpyOps(use_blis=False)


def use_fast_ops(nlp: Any) -> int:
    """Run the networks of ``nlp``'s components with numpy's BLAS (see the module's
    docstring); returns the number of model nodes changed (0 when turned off)."""
    if not fast_ops_enabled():
        return 0
    from thinc.api import NumpyOps

    ops = _ops()
    changed = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # CPU BLIS ops only, never a GPU's
                node.ops = ops
                changed += 1
    return changed
