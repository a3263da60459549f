"""Cleaning folder trees: the engine-free part of ``pvclean batch``.

``plan_tasks`` walks the sources lazily into :class:`Task` values, ``run_task`` cleans one
task on whatever process an engine chooses, and :class:`Summary` adds the results up. An
engine (``pvclean.engines.local``, ``pvclean.engines.dask``) only decides where each task
runs; ``run_batch`` ties the pieces together for any of them.
"""

from .config import BatchConfig
from .plan import Task, Unit, plan_tasks
from .run import Engine, run_batch
from .summary import Summary
from .task import Failure, TaskResult, pipeline_for, run_task
from .walk import SourceError

__all__ = ["BatchConfig", "Engine", "Failure", "SourceError", "Summary", "Task", "TaskResult",
           "Unit", "pipeline_for", "plan_tasks", "run_batch", "run_task"]
