"""The rule files: lexicons and keys as data, loaded once and compiled to one automaton.

A rule file is tab-separated text, one entry a line: ``family  rule  kind  values`` with
several values joined by ``|`` (see ``pvclean/rules/README.md``). The built-in files are
every ``*.tsv`` in ``pvclean/rules``; a user adds more with ``--rules PATH``, and a later
file's entry for the same value wins.

Every key, mark and term value goes into one Aho-Corasick automaton, and a document is
scanned once, all its lines together (:meth:`RuleSet.scan`). A regex alternation, even
shaped as a trie, restarts at every position of latin text (each letter begins some term)
and ran at about 3 MB/s on English; the automaton reads each character once, at C speed,
in Chinese and English alike. What a line *finds* is still defined as a left-to-right regex
scan would find it: at the leftmost position where a value starts, the longest value there,
and the scan resumes after it. Latin values must be whole words (``bet`` must not fire
inside ``better``); a match that is not still ends its stretch of the scan.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from ..errors import PvcleanError

FAMILIES = ("related", "ads", "stuffing", "chrome", "injected")
KINDS = ("header", "key", "mark", "term")
# Marks are page chrome only on short lines: a longer line's marks are not looked for.
MARK_LINE_CHARS = 200

# What header lines may carry around the phrase itself: ignored when a header is compared.
_HEADER_TRIM = re.compile(r"[\s\-–—_=*#·•|:>»›<«‹\[\]【】()《》「」『』.。!!]+")


def normalize(text: str) -> str:
    """The form every rule value and every line is compared in: NFKC (full-width letters,
    digits and punctuation to their ASCII forms) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def header_form(text: str) -> str:
    """A line reduced to what decides whether it is a list header: ``【相关阅读】``,
    ``Related posts:`` and ``— 热门资讯 —`` all become the bare phrase."""
    return _HEADER_TRIM.sub("", normalize(text))


Label = tuple[str, str]  # (family, rule)


class Hits(NamedTuple):
    """What the lexicons found in one line: the key it starts with (label and text), the
    labels of its marks, and (label, term) of each lexicon term."""

    key: tuple[Label, str] | None
    marks: tuple[Label, ...]
    terms: tuple[tuple[Label, str], ...]


NO_HITS = Hits(None, (), ())
# An occurrence of a value in the scanned text: (start, -length, value), so that sorting
# puts the leftmost first and, at one position, the longest first.
_Occurrence = tuple[int, int, str]


@dataclass(frozen=True)
class RuleSet:
    headers: dict[str, Label]
    keys: dict[str, Label]
    marks: dict[str, Label]
    terms: dict[str, Label]
    automaton: ahocorasick.Automaton | None  # every key, mark and term value

    def header(self, text: str) -> Label | None:
        return self.headers.get(header_form(text)) if len(text) <= 40 else None

    def scan(self, norms: Sequence[str]) -> list[Hits]:
        """The hits of every line (each in its normalized form), from one pass over all.

        The lines are joined with ``\n``, which no value contains, so no match crosses a
        line and each line's scan starts afresh at its first character, as if alone.
        """
        if self.automaton is None:
            return [NO_HITS] * len(norms)
        text = "\n".join(norms)
        found = sorted((end + 1 - len(value), -len(value), value)
                       for end, value in self.automaton.iter(text))
        if not found:
            return [NO_HITS] * len(norms)
        starts = list(_line_starts(norms))
        keys: dict[int, tuple[Label, str]] = {}
        marks: dict[int, list[Label]] = {}
        terms: dict[int, list[tuple[Label, str]]] = {}
        for start, value in _leading(found, self.keys, text, set(starts)):
            keys[bisect.bisect_right(starts, start) - 1] = (self.keys[value], value)
        for start, value in _scanned(found, self.marks, text):
            line = bisect.bisect_right(starts, start) - 1
            if len(norms[line]) <= MARK_LINE_CHARS:
                marks.setdefault(line, []).append(self.marks[value])
        for start, value in _scanned(found, self.terms, text):
            line = bisect.bisect_right(starts, start) - 1
            terms.setdefault(line, []).append((self.terms[value], value))
        return [Hits(keys.get(i), tuple(marks.get(i, ())), tuple(terms.get(i, ())))
                if i in keys or i in marks or i in terms else NO_HITS
                for i in range(len(norms))]


def _line_starts(norms: Sequence[str]) -> list[int]:
    starts = []
    pos = 0
    for norm in norms:
        starts.append(pos)
        pos += len(norm) + 1
    return starts


def _scanned(found: list[_Occurrence], values: dict[str, Label],
             text: str) -> list[tuple[int, str]]:
    """(start, value) of the values a left-to-right scan finds: the longest value at the
    leftmost position, then on from its end; latin values only as whole words."""
    out = []
    pos = 0
    for start, minus_length, value in found:
        if start >= pos and value in values:
            pos = start - minus_length
            if _whole(text, start, pos):
                out.append((start, value))
    return out


def _leading(found: list[_Occurrence], values: dict[str, Label], text: str,
             line_starts: set[int]) -> list[tuple[int, str]]:
    """(start, value) of the longest value each line starts with, if it is a whole word."""
    out = []
    last = -1
    for start, minus_length, value in found:
        if start != last and start in line_starts and value in values:
            last = start
            if _whole(text, start, start - minus_length):
                out.append((start, value))
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _whole(text: str, start: int, end: int) -> bool:
    """A latin match must not continue a word on either side."""
    return not ((start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]))
                or (end < len(text) and _is_word_char(text[end - 1])
                and _is_word_char(text[end])))


def _automaton(values: Sequence[str]) -> ahocorasick.Automaton | None:
    if not values:
        return None
    automaton = ahocorasick.Automaton()
    for value in values:
        automaton.add_word(value, value)
    automaton.make_automaton()
    return automaton


def parse(text: str, source: str) -> dict[str, dict[str, Label]]:
    """Entries of one rule file by kind; a malformed line raises PvcleanError naming it."""
    by_kind: dict[str, dict[str, Label]] = {kind: {} for kind in KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise PvcleanError(f"{source}:{number}: expected 4 tab-separated fields "
                               "(family, rule, kind, values)")
        family, rule, kind, values = (f.strip() for f in fields)
        if kind not in KINDS:
            raise PvcleanError(f"{source}:{number}: unknown kind {kind!r} "
                               f"(kinds: {', '.join(KINDS)})")
        if not family or not rule or "/" in family:
            raise PvcleanError(f"{source}:{number}: family and rule must be non-empty names")
        for value in values.split("|"):
            form = header_form(value) if kind == "header" else normalize(value)
            if form:
                by_kind[kind][form] = (family, rule)
    return by_kind


def _builtin_files() -> list[tuple[str, str]]:
    folder = resources.files("pvclean") / "rules"
    return sorted((entry.name, entry.read_text(encoding="utf-8"))
                  for entry in folder.iterdir() if entry.name.endswith(".tsv"))


@functools.lru_cache(maxsize=16)
def load(extra: tuple[str, ...] = ()) -> RuleSet:
    """The built-in rules plus ``extra`` files, compiled once per distinct ``extra``."""
    sources = _builtin_files()
    for path in extra:
        try:
            sources.append((path, Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise PvcleanError(f"{path}: cannot read rule file ({exc})") from None
    merged: dict[str, dict[str, Label]] = {kind: {} for kind in KINDS}
    for source, text in sources:
        for kind, entries in parse(text, source).items():
            merged[kind].update(entries)
    values = {**merged["key"], **merged["mark"], **merged["term"]}
    return RuleSet(headers=merged["header"], keys=merged["key"], marks=merged["mark"],
                   terms=merged["term"], automaton=_automaton(list(values)))
