"""The rule files: lexicons and keys as data, loaded once and compiled to a few regexes.

A rule file is tab-separated text, one entry a line: ``family  rule  kind  values`` with
several values joined by ``|`` (see ``pvclean/rules/README.md``). The built-in files are
every ``*.tsv`` in ``pvclean/rules``; a user adds more with ``--rules PATH``, and a later
file's entry for the same value wins.

Each kind becomes one regex of escaped literals shaped as a trie (one branch per first
character, longest match kept), so matching a line is one scan per kind however many entries
the files hold. The regex carries no lookaround, which keeps the engine's first-character
skip (some fifteen times faster); latin entries are then checked to be whole words (``bet``
must not fire inside ``better``) in Python, on the few matches only.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import PvcleanError

FAMILIES = ("related", "ads", "stuffing", "chrome", "injected")
KINDS = ("header", "key", "mark", "term")

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


@dataclass(frozen=True)
class Matcher:
    """One kind's entries: a compiled alternation and the label of each value."""

    pattern: re.Pattern[str] | None
    labels: dict[str, Label]

    def label(self, matched: str) -> Label:
        return self.labels[matched]

    def find(self, norm: str, anchored: bool = False) -> list[str]:
        """The values found in the line (only at its start if ``anchored``)."""
        if self.pattern is None:
            return []
        if anchored:
            match = self.pattern.match(norm)
            return [match.group()] if match and _whole(norm, 0, match.end()) else []
        return [m.group() for m in self.pattern.finditer(norm)
                if _whole(norm, m.start(), m.end())]


@dataclass(frozen=True)
class RuleSet:
    headers: dict[str, Label]
    keys: Matcher
    marks: Matcher
    terms: Matcher

    def header(self, text: str) -> Label | None:
        return self.headers.get(header_form(text)) if len(text) <= 40 else None

    def key(self, norm: str) -> tuple[Label, str] | None:
        """The label and the text of the key the line starts with, if any."""
        found = self.keys.find(norm, anchored=True)
        return (self.keys.label(found[0]), found[0]) if found else None

    def marks_in(self, norm: str) -> list[Label]:
        return [self.marks.label(value) for value in self.marks.find(norm)]

    def terms_in(self, norm: str) -> list[tuple[Label, str]]:
        """(label, term) of every lexicon term in the line, non-overlapping."""
        return [(self.terms.label(term), term) for term in self.terms.find(norm)]


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _whole(text: str, start: int, end: int) -> bool:
    """A latin match must not continue a word on either side."""
    return not ((start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]))
                or (end < len(text) and _is_word_char(text[end - 1])
                and _is_word_char(text[end])))


Trie = dict[str, "Trie"]


def _trie_regex(node: Trie) -> str:
    """A trie of the values as a regex: one branch per first character, then per next one,
    so the engine tries a handful of branches at each position instead of every value; an
    optional tail keeps the longest match, as "longest first" alternation would."""
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _matcher(labels: dict[str, Label]) -> Matcher:
    if not labels:
        return Matcher(None, {})
    root: Trie = {}
    for value in labels:
        node = root
        for ch in value:
            node = node.setdefault(ch, {})
        node[""] = {}
    return Matcher(re.compile(_trie_regex(root)), labels)


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
    return RuleSet(headers=merged["header"], keys=_matcher(merged["key"]),
                   marks=_matcher(merged["mark"]), terms=_matcher(merged["term"]))
