"""Apply a folded :class:`~pvclean.convert.tables.Table` and report what changed.

The work is proportional to what changes, not to the text: one regex scan finds the
characters a phrase may start with, ``str.translate`` converts each run of convertible
characters in C, and Python code runs once per run and once per phrase candidate. Text
with nothing to convert costs a single failed ``search``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .tables import Table


class Span(NamedTuple):
    start: int
    end: int
    after: str
    kind: str  # "char" (a run of characters converted one by one) or "phrase"


def _phrase_at(text: str, pos: int, table: Table) -> tuple[str, str] | None:
    for key, out in table.phrases[text[pos]]:
        if text.startswith(key, pos):
            return key, out
    return None


def _char_runs(text: str, start: int, end: int, table: Table) -> Iterator[Span]:
    for match in table.char_run.finditer(text, start, end):
        yield Span(match.start(), match.end(), match.group().translate(table.chars), "char")


def convert_spans(text: str, table: Table) -> Iterator[Span]:
    """The converted spans of ``text``, left to right, non-overlapping.

    At each position where a phrase may start, the longest phrase wins (OpenCC's rule);
    between phrases, maximal runs of convertible characters are converted at once.
    """
    if not table.trigger.search(text):
        return
    pos = 0
    for match in table.phrase_start.finditer(text):
        start = match.start()
        if start < pos:
            continue  # inside a phrase already taken
        found = _phrase_at(text, start, table)
        if found is None:
            continue
        key, out = found
        yield from _char_runs(text, pos, start, table)
        yield Span(start, start + len(key), out, "phrase")
        pos = start + len(key)
    yield from _char_runs(text, pos, len(text), table)


def convert(text: str, table: Table) -> str:
    """The converted text alone (for detection and for callers that need no trace)."""
    parts: list[str] = []
    pos = 0
    for span in convert_spans(text, table):
        parts += (text[pos:span.start], span.after)
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
