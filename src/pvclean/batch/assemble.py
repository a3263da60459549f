"""Putting outputs in place: one part is renamed, the parts of a split .jsonl file joined.

Workers only ever write part files (temporary names); this happens in the one process that
reads the results, after their failures are journaled, so no two workers race on an output
and the same code serves every engine. The output appears atomically and whole, and the
parts are deleted after it, so a crash in between leaves only temporary files that the
next run sweeps away.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable

from ..io.atomic import atomic_open
from .plan import part_path
from .task import PartDone


class Assembler:
    """Tracks outputs until their last part reports; memory holds only unfinished ones."""

    def __init__(self) -> None:
        self._pending: dict[str, list[PartDone]] = {}

    def add(self, parts: Iterable[PartDone]) -> int:
        """Record finished parts; join every file now complete. Returns files written."""
        written = 0
        for done in parts:
            seen = self._pending.setdefault(done.output, [])
            seen.append(done)
            if len(seen) == done.parts:
                del self._pending[done.output]
                written += join_parts(done.output, done.parts, all(p.ok for p in seen))
        return written


def join_parts(output: str, parts: int, ok: bool) -> bool:
    """Concatenate the parts into ``output`` (when every part succeeded), then delete them.
    A file with a failed part is not written: its failure is already in the report."""
    paths = [part_path(output, i) for i in range(parts)]
    if ok and parts == 1:
        os.replace(paths[0], output)
        return True
    if ok:
        with atomic_open(output) as sink:
            for path in paths:
                with open(path, "rb") as part:
                    shutil.copyfileobj(part, sink, 1 << 20)
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    return ok
