"""Adding up task results, and writing them out the same way whichever engine ran them.

Results arrive in completion order, which differs from run to run and from engine to
engine. Everything written is therefore put in a fixed order first — steps in pipeline
order, families and failures sorted — and the timing figures, the only fields that may
differ between two runs of the same input, are kept apart under ``timing``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from ..io.atomic import write_text
from ..pipeline import STEP_NAMES
from .task import Failure, TaskResult

SHOWN_FAILURES = 20


class Summary:
    """The running total of a batch run."""

    def __init__(self) -> None:
        self.total = TaskResult()
        self.handled = 0  # inputs finished one way or another, for the progress bar
        self.started = time.monotonic()
        self.elapsed = 0.0

    def add(self, result: TaskResult) -> None:
        self.total.merge(result)
        self.handled += result.files + result.skipped + sum(
            1 for f in result.failures if f.line == 0)
        self.finish()

    def finish(self) -> None:
        self.elapsed = time.monotonic() - self.started

    @property
    def failed(self) -> bool:
        return bool(self.total.failures)

    def failures(self) -> list[Failure]:
        return sorted(self.total.failures)

    def mb_per_s(self) -> float:
        return self.total.bytes_in / 1e6 / self.elapsed if self.elapsed else 0.0

    def report(self) -> dict[str, Any]:
        """The report as a JSON-ready dict; identical for identical runs but for ``timing``."""
        t = self.total
        return {
            "files": {"cleaned": t.files, "skipped": t.skipped,
                      "failed": len({f.path for f in t.failures if f.line == 0})},
            "records": t.records,
            "bytes": {"in": t.bytes_in, "out": t.bytes_out},
            "steps": {name: t.steps[name] for name in STEP_NAMES if name in t.steps},
            "families": dict(sorted(t.families.items())),
            "failures": [_failure(f) for f in self.failures()],
            "timing": {"elapsed_s": round(self.elapsed, 3),
                       "mb_per_s": round(self.mb_per_s(), 3)},
        }

    def write_report(self, path: str) -> None:
        write_text(path, json.dumps(self.report(), ensure_ascii=False, indent=2) + "\n")

    def write_errors(self, path: str) -> None:
        """One failure per line (JSON), sorted by path and line: byte-identical across runs
        and engines for the same inputs."""
        write_text(path, "".join(json.dumps(_failure(f), ensure_ascii=False) + "\n"
                                 for f in self.failures()))

    def lines(self) -> list[str]:
        """The summary a user reads at the end of a run."""
        t = self.total
        report = self.report()
        out = [f"cleaned {t.files:,} files ({t.skipped:,} up to date, "
               f"{report['files']['failed']:,} failed), {t.records:,} jsonl records; "
               f"{t.bytes_in / 1e6:,.1f} MB in, {t.bytes_out / 1e6:,.1f} MB out "
               f"in {self.elapsed:,.1f} s ({self.mb_per_s():,.2f} MB/s)"]
        if report["steps"]:
            out.append("characters removed/changed: " + ", ".join(
                f"{name} {c['removed']:,}/{c['changed']:,}"
                for name, c in report["steps"].items()))
        if report["families"]:
            out.append("spans by rule family: " + ", ".join(
                f"{name} {c['spans']:,}" for name, c in report["families"].items()))
        failures = self.failures()
        out.extend(f"failed: {f.path}{f':{f.line}' if f.line else ''}: {f.reason}"
                   for f in failures[:SHOWN_FAILURES])
        if len(failures) > SHOWN_FAILURES:
            out.append(f"… and {len(failures) - SHOWN_FAILURES:,} more failures "
                       "(all of them: --errors FILE or --report FILE)")
        return out


def _failure(failure: Failure) -> dict[str, Any]:
    return {"path": failure.path, "line": failure.line or None, "reason": failure.reason}
