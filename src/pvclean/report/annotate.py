"""The raw text cut into segments, each owned by the change that removed or changed it.

Spans of different steps overlap once carried back to the raw text (a spam line removed at
step 6 covers the tags the html step removed from it). Each raw character is given to one
change: a removal before a mere change (what finally happened to the character is that it
went), then the earliest step. A change that inserts text into nothing is kept as an empty
segment at its position, so nothing that happened is lost from the picture.
"""

from __future__ import annotations

from typing import NamedTuple

from ..pipeline import Change, Result
from .spans import SpanMapper


class Segment(NamedTuple):
    """Raw text ``text``, kept (``change`` None) or owned by ``change``. ``last`` marks the
    final segment of its change, where a changed span shows its replacement."""

    text: str
    change: Change | None = None
    last: bool = True


def annotate(result: Result) -> list[Segment]:
    """Segments whose texts concatenate to exactly the raw text (plus empty insertions)."""
    raw = result.traces[0].input if result.traces else ""
    mapper = SpanMapper(result.traces)
    placed: list[tuple[int, int, int, Change]] = []
    for index, trace in enumerate(result.traces):
        for change in trace.changes:
            start, end = mapper.to_raw(index, change.start, change.end)
            placed.append((start, end, index, change))
    owner: list[int | None] = [None] * len(raw)
    insertions: dict[int, list[int]] = {}
    order = sorted(range(len(placed)), key=lambda i: (not placed[i][3].removed, placed[i][2]))
    for i in order:
        start, end, _, _ = placed[i]
        if start == end:
            insertions.setdefault(start, []).append(i)
        for pos in range(start, end):
            if owner[pos] is None:
                owner[pos] = i
    return _segments(raw, owner, insertions, placed)


def _segments(raw: str, owner: list[int | None], insertions: dict[int, list[int]],
              placed: list[tuple[int, int, int, Change]]) -> list[Segment]:
    last_pos: dict[int, int] = {}
    for pos, i in enumerate(owner):
        if i is not None:
            last_pos[i] = pos
    segments: list[Segment] = []
    start = 0
    for pos in range(len(raw) + 1):
        boundary = pos == len(raw) or pos in insertions or (
            pos > start and owner[pos] != owner[start])
        if boundary and pos > start:
            i = owner[start]
            change = None if i is None else placed[i][3]
            segments.append(Segment(raw[start:pos], change, i is None or last_pos[i] == pos - 1))
            start = pos
        segments.extend(Segment("", placed[i][3]) for i in insertions.get(pos, ()))
    return segments
