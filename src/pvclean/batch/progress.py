"""A one-line progress display on a terminal: files, MB, MB/s and, once known, ETA.

The total is not known at the start (the walk is lazy), so a background thread walks the
sources a second time, counting only; until it finishes the line shows no ETA. The count is
started after the first result arrives, when the engine's worker processes already exist,
so no process is forked while the thread runs. The ETA assumes the inputs still to come
take as long per file as those done so far.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from .config import BatchConfig
from .summary import Summary
from .walk import iter_inputs

REFRESH_S = 0.2


class Progress:
    def __init__(self, stream: TextIO, config: BatchConfig) -> None:
        self.stream = stream
        self.config = config
        self.total: int | None = None
        self._stop = threading.Event()
        self._counter: threading.Thread | None = None
        self._shown = 0.0

    def update(self, summary: Summary) -> None:
        if self._counter is None:
            self._counter = threading.Thread(target=self._count, daemon=True)
            self._counter.start()
        now = time.monotonic()
        if now - self._shown >= REFRESH_S:
            self._shown = now
            self.stream.write("\r\033[K" + status_line(summary, self.total))
            self.stream.flush()

    def close(self) -> None:
        self._stop.set()
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _count(self) -> None:
        count = 0
        for _ in iter_inputs(self.config):
            if self._stop.is_set():
                return
            count += 1
        self.total = count


def status_line(summary: Summary, total: int | None) -> str:
    """``1,234/5,000 files  56.7 MB  12.3 MB/s  ETA 0:01:23`` (total and ETA when known)."""
    done = summary.handled
    files = f"{done:,}/{total:,} files" if total is not None else f"{done:,} files"
    line = f"{files}  {summary.total.bytes_in / 1e6:,.1f} MB  {summary.mb_per_s():,.2f} MB/s"
    if total is not None and done:
        remaining = max(total - done, 0) * summary.elapsed / done
        line += f"  ETA {int(remaining) // 3600}:{int(remaining) // 60 % 60:02d}:" \
                f"{int(remaining) % 60:02d}"
    return line


def for_terminal(config: BatchConfig, quiet: bool, stream: TextIO | None = None) -> \
        Progress | None:
    """A progress display when ``stream`` (stderr) is a terminal and not quiet; else None."""
    stream = stream or sys.stderr
    return Progress(stream, config) if not quiet and stream.isatty() else None
