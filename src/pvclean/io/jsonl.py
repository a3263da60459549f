"""JSON Lines in and out, one line at a time, so a file of any size is read in bounded memory.

A record is one line holding a JSON object with a string under the text key; every other field
is written back as it came. A line that is not such a record is reported by its number and
left out of the output: one bad line must not cost the file's other records.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

_BOM = b"\xef\xbb\xbf"
_READ = 1 << 20


class Line(NamedTuple):
    """One physical line: its 1-based number, and its bytes (None when over the size limit)."""

    number: int
    data: bytes | None


class RecordError(ValueError):
    """A line that is not a record pvclean can clean; the message is the reason."""


def is_gzip(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path).endswith(".gz")


def open_input(path: str | os.PathLike[str]) -> IO[bytes]:
    """The file's decompressed bytes, read lazily."""
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")


@contextlib.contextmanager
def gzip_writer(handle: IO[bytes]) -> Iterator[IO[bytes]]:
    """Compress into ``handle`` with a fixed header (no name, mtime 0): the same records give
    the same bytes on every run, so a resumed run and a fresh one compare equal."""
    with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as packed:
        yield packed


def iter_lines(handle: IO[bytes], *, first_line: int = 1, stop: int | None = None,
               max_bytes: int) -> Iterator[Line]:
    """The lines that *start* before byte ``stop`` (relative to where ``handle`` stands).

    Reading whole lines past ``stop`` is what lets byte ranges split a file without cutting
    a record: each range owns the lines that begin inside it. A line longer than
    ``max_bytes`` is skipped in slices and yielded with ``data=None`` so that one runaway
    line cannot exhaust memory.
    """
    position = 0
    number = first_line
    while stop is None or position < stop:
        data = handle.readline(max_bytes + 1)
        if not data:
            return
        position += len(data)
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):
                data = handle.readline(_READ)
                position += len(data)
            yield Line(number, None)
        else:
            if number == 1 and data.startswith(_BOM):
                data = data[len(_BOM):]
            yield Line(number, data)
        number += 1


def parse_record(data: bytes, text_key: str) -> dict[str, Any]:
    """The JSON object on one line; RecordError says why when it is not a cleanable record."""
    try:
        record = json.loads(data)
    except UnicodeDecodeError:
        raise RecordError("not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RecordError(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise RecordError(f"not a JSON object but {type(record).__name__}")
    if not isinstance(record.get(text_key), str):
        raise RecordError(f"no string field {text_key!r}")
    return record


def dump_record(record: dict[str, Any]) -> bytes:
    """One output line: UTF-8, Chinese unescaped, fields in their original order."""
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def line_ranges(path: str | os.PathLike[str], size: int,
                part_bytes: int) -> Iterator[tuple[int, int, int]]:
    """Split an uncompressed file into line-aligned ranges of about ``part_bytes``.

    Yields ``(start, stop, first_line)``. Each boundary is moved to just after the next
    newline, and the newlines before it are counted (at C speed) so that every range knows
    the number of its first line and can report bad lines as the user sees them.
    """
    start, first_line = 0, 1
    with open(path, "rb") as handle:
        while start < size:
            target = start + part_bytes
            if target >= size:
                yield start, size, first_line
                return
            handle.seek(target)
            tail = handle.readline()
            stop = target + len(tail)
            first_next = first_line + _count_newlines(handle, start, stop)
            yield start, stop, first_line
            start, first_line = stop, first_next


def _count_newlines(handle: IO[bytes], start: int, stop: int) -> int:
    handle.seek(start)
    count = 0
    remaining = stop - start
    while remaining > 0:
        chunk = handle.read(min(_READ, remaining))
        if not chunk:
            break
        count += chunk.count(b"\n")
        remaining -= len(chunk)
    handle.seek(stop)
    return count

