"""Pinyin syllables and character readings, read once from the generated tables.

``data/pinyin_syllables.tsv`` is the inventory: every syllable, with its tone-marked
spellings. ``data/pinyin_readings.tsv`` lists, per toneless syllable, the characters (GB2312
and Big5) that can be read so. Both come from pypinyin (MIT, Unihan readings) through
``scripts/build_pinyin_table.py``. Readings are compared without tones: spam converters
gloss the dictionary's first reading, which is often not the tone spoken in context.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import NamedTuple

# Tone number style (guo2, lv4): ASCII letters, v or u: for ü, then 1–5 (5 = neutral).
_NUMBERED = re.compile(r"([a-z:]{1,6})([1-5])")


class Syllable(NamedTuple):
    base: str    # without tone: "guo", "lü"
    toned: bool  # written with a tone mark or a tone number


def _rows(name: str) -> list[list[str]]:
    text = resources.files("pvclean").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


@functools.cache
def _spellings() -> dict[str, Syllable]:
    """Every accepted spelling -> its syllable: toneless, tone-marked."""
    table: dict[str, Syllable] = {}
    for base, marked in _rows("pinyin_syllables.tsv"):
        table[base] = Syllable(base, toned=False)
        table.update((spelling, Syllable(base, toned=True)) for spelling in marked.split())
    return table


@functools.cache
def _readings() -> dict[str, frozenset[str]]:
    by_char: dict[str, set[str]] = {}
    for base, chars in _rows("pinyin_readings.tsv"):
        for char in chars:
            by_char.setdefault(char, set()).add(base)
    return {char: frozenset(bases) for char, bases in by_char.items()}


def syllable(spelling: str) -> Syllable | None:
    """The syllable a lower-case spelling stands for (``guó``, ``guo2``, ``guo``), or None."""
    numbered = _NUMBERED.fullmatch(spelling)
    if numbered:
        base = numbered.group(1).replace("u:", "ü").replace("v", "ü")
        known = _spellings().get(base)
        return Syllable(base, toned=True) if known and not known.toned else None
    return _spellings().get(spelling)


def readings(char: str) -> frozenset[str]:
    """The toneless syllables ``char`` can be read as; empty when the table lacks it."""
    return _readings().get(char, frozenset())
