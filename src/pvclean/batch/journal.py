"""The failures journal: what lets a resumed run report what the interrupted one found.

An input skipped by ``--resume`` is not read again, so the bad lines of a .jsonl file
cleaned before the interruption would vanish from the report. The run loop therefore
appends every failure to a journal in DEST as it arrives (flushed, so a kill loses at most
the line being written) and, on resume, carries an up-to-date input's earlier failures
over. At the end of a complete run the journal is rewritten as exactly that run's failures,
so entries for inputs that have since changed do not pile up.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO

from ..io.atomic import write_text
from .task import Failure
from .walk import JOURNAL


class Journal:
    def __init__(self, dest: str, resume: bool) -> None:
        self.path = os.path.join(dest, JOURNAL)
        self.earlier: dict[str, set[Failure]] = _load(self.path) if resume else {}
        self._handle: IO[str] = open(self.path, "a" if resume else "w",  # noqa: SIM115
                                     encoding="utf-8")

    def carried(self, paths: Iterable[str]) -> list[Failure]:
        """The earlier failures of inputs skipped as up to date, sorted."""
        return sorted(f for path in paths for f in self.earlier.get(path, ()))

    def record(self, failures: Iterable[Failure]) -> None:
        lines = [json.dumps(list(f), ensure_ascii=False) + "\n" for f in failures]
        if lines:
            self._handle.writelines(lines)
            self._handle.flush()

    def close(self, final: list[Failure] | None = None) -> None:
        """Close; with ``final`` (a run that ended), keep exactly those failures."""
        self._handle.close()
        if final is not None:
            write_text(self.path, "".join(json.dumps(list(f), ensure_ascii=False) + "\n"
                                          for f in final))


def _load(path: str) -> dict[str, set[Failure]]:
    earlier: dict[str, set[Failure]] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    failure = Failure(*json.loads(line))
                except (ValueError, TypeError):
                    continue  # the last line of a killed run may be cut short
                earlier.setdefault(failure.path, set()).add(failure)
    except FileNotFoundError:
        pass
    return earlier
