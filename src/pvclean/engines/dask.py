"""Run batch tasks on a Dask cluster: ``pvclean batch SRC DEST --scheduler ADDRESS|local``.

Nothing here knows how to clean a file. The tasks, ``run_task`` and the merging of results
all come from :mod:`pvclean.batch`, exactly as for the local engine, so a cluster run and a
local run cannot drift apart; this module only decides *where* each task runs.

Dask itself is imported inside the functions: ``pvclean batch`` without ``--scheduler`` must
not pay for importing it, nor need it installed (it is the optional ``pvclean[dask]`` extra).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..batch import BatchConfig, Task, TaskResult, run_task
from ..batch.dest import sweep_temporaries

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local"

# Futures kept in flight per worker thread. More than one keeps every thread busy while the
# client hears of a finished task and submits the next; a small constant keeps a tree of
# millions of files from becoming millions of pending futures on the scheduler.
IN_FLIGHT_PER_THREAD = 4
WINDOW_REFRESH_S = 5.0

# Re-runs of a task that *raised*. run_task reports bad input (and unreadable or unwritable
# files) in its result and never raises for it, so an exception here is the cluster's: a
# worker out of memory, a worker without pvclean installed. Another worker may well manage,
# and a bad file can never cause a retry. A worker that dies is a different path: Dask
# re-runs its tasks by itself, up to ``distributed.scheduler.allowed-failures`` deaths.
RETRIES = 2


class SchedulerError(Exception):
    """``--scheduler`` cannot be used for this run: Dask is not installed, a malformed
    address, no scheduler answering there (Dask waits ``distributed.comm.timeouts.connect``,
    30 s), or paths the workers of a remote cluster could not resolve."""


def execute(tasks: Iterable[Task], config: BatchConfig, *,
            scheduler: str) -> Iterator[TaskResult]:
    """Run ``tasks`` on the cluster at ``scheduler`` and yield each result as it finishes.

    ``scheduler`` is a scheduler address (``tcp://host:port``) or ``local`` for a throwaway
    cluster of worker processes on this machine. Results come in completion order, as from
    the local engine; the summary sorts what it writes. A task that cannot run even after
    Dask's retries becomes a result that fails its inputs, so the run still ends and the
    report names every input it could not clean.

    A worker killed mid-write leaves its temporary file behind (a SIGKILL runs no cleanup);
    the task is re-run elsewhere and writes its own. So once every result has been handed
    over — and the caller has joined the split files — DEST is swept of them.
    """
    _check_paths(config, scheduler)
    with _client(scheduler) as client:
        yield from _run(client, tasks, config)
    sweep_temporaries(config.dest)


def _check_paths(config: BatchConfig, scheduler: str) -> None:
    """Refuse relative SRC or DEST on a remote cluster.

    Tasks carry paths as the user typed them, so that reports read the same as a local
    run's. A worker resolves a relative path against its own folder, not this shell's: on a
    remote cluster every input would fail, or worse, land in the wrong place. A local
    cluster's workers start in this folder, so there relative paths are fine.
    """
    if scheduler == LOCAL:
        return
    relative = [path for path in (*config.sources, config.dest) if not os.path.isabs(path)]
    if relative:
        raise SchedulerError(f"{relative[0]}: give SRC and DEST as absolute paths with "
                             "--scheduler ADDRESS (workers do not share this folder)")


@contextlib.contextmanager
def _client(scheduler: str) -> Iterator[Client]:
    """A client for an existing cluster, or for a local one that closes when the run ends."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SchedulerError("--scheduler needs Dask: pip install 'pvclean[dask]'") from None

    if scheduler != LOCAL:
        try:
            client = Client(scheduler)
        except (OSError, ValueError) as exc:  # TimeoutError is an OSError
            raise SchedulerError(f"cannot use the Dask scheduler {scheduler}: {exc}") from None
        with client:
            yield client
        return
    # Separate processes with one thread each: cleaning is pure Python and holds the GIL,
    # so threads would only take turns. Loopback only, the dashboard on a free port: a
    # quick try on a laptop must not open ports to the network, nor clash with another.
    with LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        yield client


def _run(client: Client, tasks: Iterable[Task], config: BatchConfig) -> Iterator[TaskResult]:
    """Keep a bounded window of futures in flight, refilled lazily from ``tasks``.

    The walk of SRC stays a generator: tasks are drawn from it only as earlier ones finish,
    so neither the client nor the scheduler ever holds more than the window.
    """
    from distributed import as_completed

    run = _digest(repr(config))
    pending = iter(tasks)
    running: dict[Future, Task] = {}
    completed = as_completed(loop=client.loop)
    window = _Window(client)

    def refill() -> None:
        limit = window.size()
        while len(running) < limit and (task := next(pending, None)) is not None:
            future = client.submit(run_task, task, config, key=_key(task, run),
                                   retries=RETRIES)
            running[future] = task
            completed.add(future)

    refill()
    for future in completed:
        result = _result(future, running.pop(future))
        # drop the future at once: the scheduler then forgets the result instead of
        # keeping it (and recomputing it should the worker holding it die)
        future.release()
        refill()
        yield result


class _Window:
    """How many futures to keep in flight: a few per worker thread of the cluster.

    The count is read again every few seconds, not once: a cluster manager (dask-jobqueue,
    adaptive scaling) adds workers while the run goes, and a window sized for the first
    worker would leave the later ones idle.
    """

    def __init__(self, client: Client) -> None:
        self._client = client
        self._size = 0
        self._read_at = -WINDOW_REFRESH_S

    def size(self) -> int:
        now = time.monotonic()
        if now - self._read_at >= WINDOW_REFRESH_S:
            threads = sum(self._client.nthreads().values())
            self._size = IN_FLIGHT_PER_THREAD * max(threads, 1)
            self._read_at = now
        return self._size


def _key(task: Task, run: str) -> str:
    """The same key for the same task, so a retried or resubmitted task is that task.

    Dask de-duplicates by key: were the key random, a task re-sent after a lost connection
    could run twice at once and race on its outputs. This is the key ``pure=True`` would
    derive, only cheaper: a task is frozen data (paths, byte ranges), so its repr names it,
    where ``dask.base.tokenize`` costs milliseconds for a task of 64 files.
    """
    return f"pvclean-batch-{run}-{_digest(repr(task))}"


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _result(future: Future, task: Task) -> TaskResult:
    """The task's result, or a result that fails its inputs when Dask gave up on it.

    An exception here is never about the input (run_task returns those): it is a
    ``KilledWorker`` after repeated worker deaths, the last of the retries, or a cancelled
    future. The inputs are reported failed with the reason, as a bad file would be; only
    its first sentence, since it is repeated for every input of the task (Dask's
    ``KilledWorker`` goes on for four sentences and a link).
    """
    try:
        return future.result()
    except Exception as exc:
        first = str(exc).split(". ", 1)[0]
        return TaskResult.failed(task, f"cluster: {type(exc).__name__}: {first}")
