"""``pvclean explain``: every removal and change, in the order of the raw text.

One row per change: the raw line it falls on, the step, the rule, and the text affected,
shortened to one line, so a user can see why each line went and which rule to tune.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..pipeline import Change, Result
from .spans import LineIndex, SpanMapper

WIDTH = 60


class Row(NamedTuple):
    line: int
    raw_start: int
    change: Change


def rows(result: Result, *, steps: frozenset[str] = frozenset(),
         families: frozenset[str] = frozenset()) -> list[Row]:
    """Every change of ``result``, placed in the raw text, sorted by position then step.

    ``steps`` and ``families`` (when not empty) keep only changes of those steps, or spam
    changes of those rule families.
    """
    raw = result.traces[0].input if result.traces else ""
    mapper = SpanMapper(result.traces)
    lines = LineIndex(raw)
    found: list[tuple[int, int, Row]] = []
    for index, trace in enumerate(result.traces):
        for change in trace.changes:
            if (steps and change.step not in steps) or (
                    families and change.family not in families):
                continue
            start, _ = mapper.to_raw(index, change.start, change.end)
            found.append((start, index, Row(lines.line(start), start, change)))
    found.sort(key=lambda item: item[:2])
    return [row for _, _, row in found]


def shorten(text: str, width: int = WIDTH) -> str:
    """One line of at most ``width`` characters: line ends shown as ⏎, the middle cut."""
    flat = text.replace("\r", "").replace("\n", "⏎").replace("\t", "→")
    if len(flat) <= width:
        return flat
    half = (width - 1) // 2
    return flat[:half] + "…" + flat[len(flat) - (width - 1 - half):]


def format_rows(found: list[Row], width: int = WIDTH) -> Iterator[str]:
    """Aligned text rows: line, step, rule, text (``before → after`` for a change)."""
    rule_width = max((len(r.change.rule) for r in found), default=4)
    step_width = max((len(r.change.step) for r in found), default=4)
    for row in found:
        change = row.change
        text = shorten(change.before, width)
        if not change.removed:
            text += " → " + shorten(change.after, width)
        yield f"{row.line:>6}  {change.step:<{step_width}}  {change.rule:<{rule_width}}  {text}"
