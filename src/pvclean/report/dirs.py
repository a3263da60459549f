"""``pvclean diff RAW_DIR CLEAN_DIR``: how much of each file a batch run kept.

The clean name of each raw file is found exactly as ``pvclean batch`` chose it (same walk,
same naming), so the two folders line up without any listing kept in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NamedTuple

from ..batch import BatchConfig
from ..batch.walk import iter_inputs


class Pair(NamedTuple):
    raw: str
    clean: str
    raw_bytes: int
    clean_bytes: int | None  # None: no clean file (failed, or not run yet)


def pairs(raw_dir: str, clean_dir: str) -> Iterator[Pair]:
    """Every input under ``raw_dir`` with its output under ``clean_dir``, in walk order."""
    for found in iter_inputs(BatchConfig(sources=(raw_dir,), dest=clean_dir)):
        if found.problem:
            continue
        try:
            clean_bytes: int | None = os.path.getsize(found.output)
        except OSError:
            clean_bytes = None
        yield Pair(found.path, found.output, found.size, clean_bytes)


def find_pair(raw_dir: str, clean_dir: str, relative: str) -> Pair:
    """The pair for one raw file, given relative to ``raw_dir``; LookupError if none."""
    wanted = os.path.normpath(os.path.join(raw_dir, relative))
    for pair in pairs(raw_dir, clean_dir):
        if os.path.normpath(pair.raw) == wanted:
            return pair
    raise LookupError(f"{relative}: not an input under {raw_dir}")


def summary_rows(found: Iterator[Pair]) -> Iterator[str]:
    """One row per file: kept share, bytes raw and clean, and the relative path."""
    files = raw_total = clean_total = 0
    for pair in found:
        files += 1
        raw_total += pair.raw_bytes
        if pair.clean_bytes is None:
            yield f"{'missing':>7}  {pair.raw_bytes:>10,}  {'-':>10}  {pair.raw}"
            continue
        clean_total += pair.clean_bytes
        yield (f"{_share(pair.clean_bytes, pair.raw_bytes):>7}  {pair.raw_bytes:>10,}  "
               f"{pair.clean_bytes:>10,}  {pair.raw}")
    yield (f"{_share(clean_total, raw_total):>7}  {raw_total:>10,}  {clean_total:>10,}  "
           f"total of {files:,} files")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"
