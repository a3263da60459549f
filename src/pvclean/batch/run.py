"""One batch run from start to end, whatever engine runs the tasks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .assemble import Assembler
from .config import BatchConfig
from .dest import prepare_dest
from .journal import Journal
from .plan import Task, plan_tasks
from .progress import Progress
from .summary import Summary
from .task import TaskResult
from .walk import check_paths

Engine = Callable[[Iterable[Task], BatchConfig], Iterator[TaskResult]]


def run_batch(config: BatchConfig, engine: Engine, *, progress: Progress | None = None,
              notify: Callable[[str], None] = lambda _: None) -> Summary:
    """Check the paths, prepare DEST, run every task on ``engine``, join split files.

    ``notify`` hears notes worth a user's attention (temporary files swept, --resume not
    possible). A Ctrl-C or crash propagates: outputs already written are complete, and
    none is half-written, so the run can be restarted with ``resume=True``.
    """
    check_paths(config)
    config, note = prepare_dest(config)
    if note:
        notify(note)
    summary = Summary()
    assembler = Assembler()
    journal = Journal(config.dest, config.resume)
    ended = False
    try:
        for result in engine(plan_tasks(config), config):
            journal.record(result.failures)
            result.failures.extend(journal.carried(result.skipped_paths))
            result.files += assembler.add(result.parts)
            summary.add(result)
            if progress:
                progress.update(summary)
        ended = True
    finally:
        if progress:
            progress.close()
        journal.close(summary.failures() if ended else None)
    summary.finish()
    return summary
