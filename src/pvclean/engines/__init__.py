"""Where batch tasks run. Every engine has the same shape — tasks and a config in, results
out as they finish — and knows nothing about cleaning (that is :mod:`pvclean.batch`).

``local``  a pool of worker processes on this machine (always available);
``dask``   a Dask cluster, imported only when ``--scheduler`` asks for it.
"""

from __future__ import annotations

import functools
import os

from ..batch import Engine


def choose(*, jobs: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine for the command line's choice: Dask when a scheduler is given, else local
    with ``jobs`` processes (default: one per core)."""
    if scheduler:
        from . import dask as engine

        return functools.partial(engine.execute, scheduler=scheduler)
    from . import local

    return functools.partial(local.execute, jobs=jobs or os.cpu_count() or 1)
