"""The rule files: lexicons and keys as data, loaded once and compiled to a few regexes.

A rule file is tab-separated text, one entry a line: ``family  rule  kind  values`` with
several values joined by ``|`` (see ``pvclean/rules/README.md``). The built-in files are
every ``*.tsv`` in ``pvclean/rules``; a user adds more with ``--rules PATH``, and a later
file's entry for the same value wins.

Each kind becomes one alternation of escaped literals (longest first), so matching a line is
one linear scan per kind however many entries the files hold; latin entries only match whole
words, so that ``bet`` does not fire inside ``better``.
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
        if self.keys.pattern is None:
            return None
        match = self.keys.pattern.match(norm)
        return (self.keys.label(match.group()), match.group()) if match else None

    def marks_in(self, norm: str) -> list[Label]:
        return _found(self.marks, norm)

    def terms_in(self, norm: str) -> list[tuple[Label, str]]:
        """(label, term) of every lexicon term in the line, non-overlapping."""
        if self.terms.pattern is None:
            return []
        return [(self.terms.label(m.group()), m.group())
                for m in self.terms.pattern.finditer(norm)]


def _found(matcher: Matcher, norm: str) -> list[Label]:
    if matcher.pattern is None:
        return []
    return [matcher.label(m.group()) for m in matcher.pattern.finditer(norm)]


def _alternative(value: str) -> str:
    """A value as a regex alternative; latin ends only match at word boundaries."""
    body = re.escape(value)
    if value[0].isascii() and value[0].isalnum():
        body = r"(?<![a-z0-9])" + body
    if value[-1].isascii() and value[-1].isalnum():
        body += r"(?![a-z0-9])"
    return body


def _matcher(labels: dict[str, Label], anchored: bool = False) -> Matcher:
    if not labels:
        return Matcher(None, {})
    ordered = sorted(labels, key=len, reverse=True)
    alternation = "|".join(_alternative(v) for v in ordered)
    return Matcher(re.compile(("^" if anchored else "") + f"(?:{alternation})"), labels)


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
    return RuleSet(headers=merged["header"], keys=_matcher(merged["key"], anchored=True),
                   marks=_matcher(merged["mark"]), terms=_matcher(merged["term"]))
