"""Turning the walk into tasks: many small files per task, a large .jsonl file in parts.

A task is the unit an engine ships to a worker. Grouping small files amortises the cost of
shipping; splitting a large plain .jsonl file into line-aligned byte ranges lets both cores
share it. Planning stays lazy: one task is built at a time from the walk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from ..io.atomic import TEMP_PREFIX
from ..io.jsonl import line_ranges
from .config import BatchConfig
from .walk import Input, iter_inputs


@dataclass(frozen=True)
class Unit:
    """One input, or one byte range of one, and where its cleaned text goes.

    A part (``parts`` > 1) covers bytes ``start`` to ``stop`` of a .jsonl file, whose
    first line is line ``first_line``; it writes :func:`part_path`, and the run
    concatenates the parts into ``output`` once every part is done.
    """

    path: str
    output: str
    kind: str
    size: int = 0
    problem: str = ""
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    part: int = 0
    parts: int = 1


@dataclass(frozen=True)
class Task:
    units: tuple[Unit, ...]


def part_path(output: str, part: int) -> str:
    """Where part ``part`` of ``output`` is written: a temporary name beside the output, so
    that a run killed before assembly leaves only files the next run sweeps away."""
    folder, name = os.path.split(output)
    return os.path.join(folder, f"{TEMP_PREFIX}part-{part:06d}-{name}")


def plan_tasks(config: BatchConfig) -> Iterator[Task]:
    """The tasks for a run, in walk order, built as the walk goes."""
    group: list[Unit] = []
    group_bytes = 0
    for found in iter_inputs(config):
        if found.kind == "jsonl" and found.size > config.part_bytes and not found.problem:
            yield from (Task((unit,)) for unit in _parts(found, config.part_bytes))
            continue
        if group and (len(group) >= config.group_files
                      or group_bytes + found.size > config.part_bytes):
            yield Task(tuple(group))
            group, group_bytes = [], 0
        group.append(_whole(found))
        group_bytes += found.size
    if group:
        yield Task(tuple(group))


def _parts(found: Input, part_bytes: int) -> list[Unit]:
    try:
        ranges = list(line_ranges(found.path, found.size, part_bytes))
    except OSError as exc:
        return [_whole(found._replace(problem=exc.strerror or str(exc)))]
    return [Unit(found.path, found.output, found.kind, stop - start, start=start, stop=stop,
                 first_line=first, part=i, parts=len(ranges))
            for i, (start, stop, first) in enumerate(ranges)]


def _whole(found: Input) -> Unit:
    return Unit(found.path, found.output, found.kind, found.size, found.problem)
