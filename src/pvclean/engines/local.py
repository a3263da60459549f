"""Run batch tasks on this machine: in this process for one job, else a process pool.

Cleaning is pure Python and holds the GIL, so parallel work needs processes. The pool is
fed from the lazy task iterator a few tasks at a time (a bounded window), so a tree of
millions of files never becomes millions of pending futures, and results are yielded as
they complete. Each worker builds its pipeline once, in the pool initializer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from ..batch import BatchConfig, Task, TaskResult, pipeline_for, run_task

# Tasks in flight per worker: one running and one queued keeps a worker busy while the
# parent reads the previous result; more would only hold memory.
IN_FLIGHT_PER_JOB = 2


def execute(tasks: Iterable[Task], config: BatchConfig, *, jobs: int) -> Iterator[TaskResult]:
    """Yield the result of every task, in completion order."""
    if jobs <= 1:
        yield from (run_task(task, config) for task in tasks)
        return
    pending = iter(tasks)
    with ProcessPoolExecutor(jobs, initializer=pipeline_for, initargs=(config,)) as pool:
        running: set[Future[TaskResult]] = {
            pool.submit(run_task, task, config)
            for task in islice(pending, IN_FLIGHT_PER_JOB * jobs)}
        try:
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    following = next(pending, None)
                    if following is not None:
                        running.add(pool.submit(run_task, following, config))
                    yield future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
