"""Mapping a step's spans back to the raw text.

Each step records its changes as spans of *its own* input, which is the previous step's
output. To show a change in the raw text (``explain`` line numbers, ``diff --html``), a span
is carried back through every earlier step: each step's changes give an inverse offset map
from its output to its input, and the maps compose.

A position inside text that a step *inserted* has no single origin, so it maps to the whole
span that step replaced: a span of the output always maps to the smallest span of the input
that produced it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..pipeline import Change, StepTrace


class OffsetMap:
    """From a step's output back to its input, built from the step's changes."""

    def __init__(self, changes: Sequence[Change], input_length: int) -> None:
        self.changes = changes
        self.input_length = input_length
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        shift = 0
        for change in changes:
            start = change.start + shift
            self.out_starts.append(start)
            self.out_ends.append(start + len(change.after))
            shift += len(change.after) - (change.end - change.start)
        self.output_length = input_length + shift

    def char(self, pos: int) -> tuple[int, int]:
        """The input span that produced output character ``pos``."""
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos, pos + 1
        if pos < self.out_ends[i]:
            return self.changes[i].start, self.changes[i].end
        origin = self.changes[i].end + pos - self.out_ends[i]
        return origin, origin + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span that produced output span ``start:end`` (empty: a position)."""
        if start < end:
            return self.char(start)[0], self.char(end - 1)[1]
        point = self.char(start)[0] if start < self.output_length else self.input_length
        return point, point


class SpanMapper:
    """Spans of any step's input, as spans of the raw text (the first step's input)."""

    def __init__(self, traces: Sequence[StepTrace]) -> None:
        self.maps = [OffsetMap(t.changes, len(t.input)) for t in traces]

    def to_raw(self, step_index: int, start: int, end: int) -> tuple[int, int]:
        for offset_map in reversed(self.maps[:step_index]):
            start, end = offset_map.span(start, end)
        return start, end


class LineIndex:
    """1-based line numbers of positions in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line(self, pos: int) -> int:
        return bisect_right(self.starts, pos)
