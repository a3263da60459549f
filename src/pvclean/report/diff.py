"""``pvclean diff FILE``: raw against clean as a unified diff, side by side, or counts.

Lines come back already styled with ANSI colours; ``click.echo`` drops the colours when the
output is not a terminal, so the same lines serve a screen and a pipe.
"""

from __future__ import annotations

import difflib
import shutil
import unicodedata
from collections.abc import Iterator

import click

from ..pipeline import Result

_COLOURS = {"+": "green", "-": "red", "@": "cyan"}


def diff_lines(raw: str, clean: str, name: str, *, side_by_side: bool = False,
               width: int | None = None) -> Iterator[str]:
    return _side_by_side(raw, clean, width) if side_by_side else unified(raw, clean, name)


def unified(raw: str, clean: str, name: str) -> Iterator[str]:
    """A unified diff of the raw text (``a/``) against the clean one (``b/``)."""
    for line in difflib.unified_diff(raw.splitlines(), clean.splitlines(), f"a/{name}",
                                     f"b/{name}", lineterm=""):
        colour = None if line.startswith(("---", "+++")) else _COLOURS.get(line[:1])
        yield click.style(line, fg=colour) if colour else line


def _side_by_side(raw: str, clean: str, width: int | None = None) -> Iterator[str]:
    """Raw on the left, clean on the right, one row per line; ``<`` a line that went,
    ``>`` a line that came, ``|`` a line that changed. Widths count Chinese characters as
    two columns, as a terminal shows them."""
    width = width or shutil.get_terminal_size((160, 24)).columns
    column = max((width - 3) // 2, 10)
    left, right = raw.splitlines(), clean.splitlines()
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(max(i2 - i1, j2 - j1)):
            a = left[i1 + k] if i1 + k < i2 else ""
            b = right[j1 + k] if j1 + k < j2 else ""
            mark = {"equal": " ", "delete": "<", "insert": ">"}.get(op, "|")
            if op == "replace" and not b:
                mark = "<"
            elif op == "replace" and not a:
                mark = ">"
            row = f"{fit(a, column)} {mark} {fit(b, column)}".rstrip()
            yield row if mark == " " else click.style(row, fg="red" if mark == "<" else "yellow")


def fit(text: str, columns: int) -> str:
    """``text`` cut or padded to exactly ``columns`` terminal columns."""
    out: list[str] = []
    used = 0
    for char in text.replace("\t", " "):
        w = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + w > columns:
            break
        out.append(char)
        used += w
    return "".join(out) + " " * (columns - used)


def stat(result: Result) -> Iterator[str]:
    """Counts only: characters and lines in and out, then what each step did."""
    raw = result.traces[0].input if result.traces else result.text
    yield (f"{len(raw):,} characters, {raw.count(chr(10)):,} line ends in; "
           f"{len(result.text):,} characters, {result.text.count(chr(10)):,} line ends out")
    for step, counts in result.counts().items():
        if counts["removed"] or counts["changed"]:
            yield f"  {step:<10} removed {counts['removed']:>8,}  changed {counts['changed']:>8,}"
    families: dict[str, int] = {}
    for change in result.changes():
        if change.family:
            key = f"{change.step}/{change.family}"
            families[key] = families.get(key, 0) + 1
    for family, spans in sorted(families.items()):
        yield f"  {family:<25} {spans:>5,} spans"
