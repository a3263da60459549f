"""Apply a folded :class:`~pvclean.convert.tables.Table`, and say where the text changed.

The work stays in C: an Aho-Corasick scan finds the phrases (leftmost-longest, OpenCC's
rule), ``str.translate`` converts everything between them, and Python code runs once per
phrase found. Text with nothing to convert costs a single failed ``search``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .tables import Table

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Span(NamedTuple):
    start: int
    end: int
    after: str
    kind: str  # "char" (characters converted one by one) or "phrase" (includes a phrase)


def _phrases(text: str, table: Table) -> Iterator[tuple[int, int, str]]:
    if len(table.phrase_finder):
        for last, (key, out) in table.phrase_finder.iter_long(text):
            yield last + 1 - len(key), last + 1, out


def convert_with_phrases(text: str, table: Table,
                         plain_phrases: bool = True) -> tuple[str, list[int]]:
    """The converted text, and where in ``text`` each phrase that was applied starts.

    ``plain_phrases=False`` leaves out the phrases made only of characters that never convert
    on their own. In traditional text they are right (打坏 is a variant spelling of 打坯,
    unfired brick); in simplified text the same characters are ordinary words (打坏, broke),
    so a document that reads as simplified must not get them.
    """
    if not table.trigger.search(text):
        return text, []
    # Simplified text often holds no character to convert, only characters a phrase may
    # start with: then only the phrases can change it, and translating is wasted work.
    translate = table.char_run.search(text) is not None
    mapping = table.chars if _ASTRAL.search(text) else table.bmp_chars
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for start, end, out in _phrases(text, table):
        if not plain_phrases and text[start:end] in table.plain_phrases:
            continue
        gap = text[pos:start]
        parts += (gap.translate(mapping) if translate else gap, out)
        starts.append(start)
        pos = end
    if not starts and not translate:
        return text, []
    rest = text[pos:]
    parts.append(rest.translate(mapping) if translate else rest)
    return "".join(parts), starts


def convert(text: str, table: Table) -> str:
    """The converted text alone (for detection and for callers that need no trace)."""
    return convert_with_phrases(text, table)[0]
