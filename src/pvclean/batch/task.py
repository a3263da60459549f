"""Running one task: read, clean, write atomically, and say what happened.

:func:`run_task` is what every engine calls on a worker. It is a plain module-level function
of picklable values, it never raises because of an input (a bad file or line becomes a
:class:`Failure` in the result), and it is pure in effect: the same task writes the same
bytes, so a task re-run after a crash or by a second engine overwrites its outputs with
identical ones.

A worker writes each output (atomically) under its temporary part name, never under the
output's own name: the run loop renames it into place only after it has journaled the
input's failures (see ``journal.py``). An output that exists is therefore one whose bad
lines are on record, and ``--resume`` can trust it and report them again.
"""

from __future__ import annotations

import contextlib
import functools
import os
import zlib
from dataclasses import dataclass, field
from typing import IO, NamedTuple

from ..decode import decode
from ..errors import PvcleanError
from ..io.atomic import atomic_open
from ..io.jsonl import (
    RecordError,
    dump_record,
    gzip_writer,
    iter_lines,
    open_input,
    parse_record,
)
from ..io.readers import read_bytes
from ..pipeline import Options, Pipeline, Result
from .config import BatchConfig
from .plan import Task, Unit, part_path


class Failure(NamedTuple):
    """An input (or one line of it: ``line`` > 0) that could not be cleaned, and why."""

    path: str
    line: int
    reason: str


class PartDone(NamedTuple):
    """One finished (or failed) part of a split .jsonl file, for the final assembly."""

    output: str
    part: int
    parts: int
    ok: bool


@dataclass
class TaskResult:
    """What one task did, in numbers; :class:`~pvclean.batch.summary.Summary` adds them up.

    ``files`` counts whole inputs put in place by the run loop, once all their parts are in.
    ``steps`` maps a step to the characters it removed and changed; ``families`` maps a
    rule family (``related``, ``ads`` …) to its number of spans and characters.
    ``skipped_paths`` (inputs found up to date) and ``parts`` are for the run loop, which
    carries earlier failures over and joins split files; :meth:`merge` leaves them out.
    """

    files: int = 0
    skipped: int = 0
    records: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    steps: dict[str, dict[str, int]] = field(default_factory=dict)
    families: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    parts: list[PartDone] = field(default_factory=list)
    skipped_paths: list[str] = field(default_factory=list)

    @classmethod
    def failed(cls, task: Task, reason: str) -> TaskResult:
        """A result failing every input of ``task``: for an engine that could not run it."""
        result = cls()
        for unit in task.units:
            result.fail(unit, 0, reason)
        return result

    def fail(self, unit: Unit, line: int, reason: str) -> None:
        self.failures.append(Failure(unit.path, line, reason))
        if line == 0:
            self.parts.append(PartDone(unit.output, unit.part, unit.parts, False))

    def count(self, cleaned: Result) -> None:
        for trace in cleaned.traces:
            totals = self.steps.setdefault(trace.step, {"removed": 0, "changed": 0})
            totals["removed"] += trace.removed_chars
            totals["changed"] += trace.changed_chars
            for change in trace.changes:
                if change.family:
                    family = self.families.setdefault(change.family, {"spans": 0, "chars": 0})
                    family["spans"] += 1
                    family["chars"] += change.end - change.start

    def merge(self, other: TaskResult) -> None:
        self.files += other.files
        self.skipped += other.skipped
        self.records += other.records
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        for mine, theirs in ((self.steps, other.steps), (self.families, other.families)):
            for key, counts in theirs.items():
                into = mine.setdefault(key, dict.fromkeys(counts, 0))
                for name, value in counts.items():
                    into[name] += value
        self.failures.extend(other.failures)


@functools.lru_cache(maxsize=4)
def _pipeline(steps: tuple[str, ...] | None, skip: tuple[str, ...], options: Options) -> Pipeline:
    return Pipeline(steps=steps, skip=skip, options=options)


def pipeline_for(config: BatchConfig) -> Pipeline:
    """The worker's pipeline for ``config``, built once per process and then reused."""
    return _pipeline(config.steps, config.skip, config.options)


def is_up_to_date(unit: Unit) -> bool:
    """The output exists and is no older than the input. Outputs only ever appear whole
    (atomic rename), so an existing output is a complete one."""
    try:
        return os.stat(unit.output).st_mtime_ns >= os.stat(unit.path).st_mtime_ns
    except OSError:
        return False


def run_task(task: Task, config: BatchConfig) -> TaskResult:
    """Clean every input of ``task`` into its output; never raises for bad input."""
    pipeline = pipeline_for(config)
    result = TaskResult()
    for unit in task.units:
        if unit.problem:
            result.fail(unit, 0, unit.problem)
            continue
        if config.resume and is_up_to_date(unit):
            if unit.part == 0:
                result.skipped += 1
                result.skipped_paths.append(unit.path)
            continue
        # counted apart and merged on success: a file that fails half-way counts nothing
        # but its failure, exactly as if it had failed at once
        done = TaskResult()
        try:
            if unit.kind.startswith("jsonl"):
                _clean_jsonl(unit, config, pipeline, done)
            else:
                _clean_document(unit, config, pipeline, done)
        except PvcleanError as exc:
            result.fail(unit, 0, str(exc).removeprefix(f"{unit.path}: "))
            continue
        except (OSError, EOFError, zlib.error) as exc:
            result.fail(unit, 0, f"unreadable: {getattr(exc, 'strerror', None) or exc}")
            continue
        result.merge(done)
        result.parts.append(PartDone(unit.output, unit.part, unit.parts, True))
    return result


def _clean(pipeline: Pipeline, text: str) -> Result:
    """Run the pipeline; a crash inside a step fails this input, not the whole run."""
    try:
        return pipeline.run(text)
    except Exception as exc:
        raise PvcleanError(f"internal error, please report: {type(exc).__name__}: {exc}") \
            from exc


def _clean_document(unit: Unit, config: BatchConfig, pipeline: Pipeline,
                    result: TaskResult) -> None:
    data = read_bytes(unit.path, config.max_bytes)
    cleaned = _clean(pipeline, decode(data, unit.path).text)
    out = cleaned.text.encode("utf-8")
    with atomic_open(part_path(unit.output, unit.part)) as sink:
        sink.write(out)
    result.count(cleaned)
    result.bytes_in += len(data)
    result.bytes_out += len(out)


def _clean_jsonl(unit: Unit, config: BatchConfig, pipeline: Pipeline,
                 result: TaskResult) -> None:
    """Stream records through the pipeline; a bad line is reported and left out."""
    target = part_path(unit.output, unit.part)
    stop = None if unit.stop is None else unit.stop - unit.start
    written = 0
    with open_input(unit.path) as source, atomic_open(target) as sink, \
            _compressed(sink, unit.kind == "jsonl.gz") as out:
        source.seek(unit.start)
        for line in iter_lines(source, first_line=unit.first_line, stop=stop,
                               max_bytes=config.max_bytes):
            if line.data is None:
                result.fail(unit, line.number, "line over the size limit (--max-size)")
                continue
            if not line.data.strip():
                continue
            try:
                record = parse_record(line.data, config.text_key)
                cleaned = _clean(pipeline, record[config.text_key])
            except (RecordError, PvcleanError) as exc:
                result.fail(unit, line.number, str(exc))
                continue
            record[config.text_key] = cleaned.text
            data = dump_record(record)
            out.write(data)
            written += len(data)
            result.count(cleaned)
            result.records += 1
    result.bytes_in += unit.size
    result.bytes_out += os.path.getsize(target) if unit.kind == "jsonl.gz" else written


def _compressed(sink: IO[bytes], gz: bool) -> contextlib.AbstractContextManager[IO[bytes]]:
    return gzip_writer(sink) if gz else contextlib.nullcontext(sink)
