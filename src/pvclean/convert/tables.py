"""Conversion tables: OpenCC's dictionary chains folded into one fast table per variant.

OpenCC converts with a chain of passes (for Taiwan text: Taiwan variants back to OpenCC's
standard traditional, then traditional to simplified), each pass a longest match over its
phrases and characters at every position. Done in Python that is slow (about 1 MB/s).

Almost every character converts on its own, so a :class:`Table` keeps:

* ``chars``: every single character the whole chain changes, with its final result, ready
  for ``str.translate``;
* ``phrases``: only the phrases that matter, keyed by first character, longest first. A
  phrase matters when its chain result differs from converting it character by character
  (乾淨→干净, 著名 kept against 著→着), or when, matched first, it would stop a phrase that
  matters from matching inside it — that keeps the longest-match segmentation of the full
  dictionaries (closed under this rule until nothing changes).

Phrase results are computed by :func:`chain_convert`, the plain longest-match reference,
once, on the phrase alone. Tables are built on first use and cached for the process.

For a one-pass chain (t2s) the fold gives exactly the reference's result. For two passes it
can differ where a variant phrase of the first pass and a t2s phrase of the second overlap
and segment the text differently (measured: 11 in 20,000 strings made only of overlapping
dictionary phrases for tw2s, none for hk2s).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from . import dictionaries

# Each conversion is a chain of passes; each pass is a group of dictionaries whose entries
# compete by length (OpenCC's configurations t2s, tw2s and hk2s).
TS_PASS = ("TSPhrases", "TSCharacters")
CHAINS: dict[str, tuple[tuple[str, ...], ...]] = {
    "std": (TS_PASS,),
    "tw": (("TWVariantsRevPhrases", "TWVariantsRev"), TS_PASS),
    "hk": (("HKVariantsRevPhrases", "HKVariantsRev"), TS_PASS),
}
# CJK Compatibility Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) are canonically equivalent
# to unified ideographs; OpenCC normalises them before converting, and so does pvclean.
COMPAT_RANGES = ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@dataclass(frozen=True)
class Table:
    chars: dict[int, str]
    phrases: dict[str, tuple[tuple[str, str], ...]]
    char_run: re.Pattern[str]      # one or more characters in ``chars``
    phrase_finder: Any             # Aho-Corasick automaton: phrase -> (phrase, result)
    bmp_chars: list[str]           # ``chars`` as a list indexed by BMP code point (see below)
    plain_phrases: frozenset[str]  # phrases made only of characters that never convert alone
    triggers: frozenset[str]       # every character this table could change
    trigger: re.Pattern[str]       # one of ``triggers``


def _bmp_list(chars: dict[int, str]) -> list[str]:
    """``str.translate`` looks a list up by index, a dict by hash: on Chinese text the list
    is about 2.5 times faster. It covers the BMP only; text with astral characters uses the
    dict (an index past the list would leave such a character unconverted)."""
    table = [chr(code) for code in range(0x10000)]
    for code, out in chars.items():
        if code < 0x10000:
            table[code] = out
    return table


def _automaton(phrases: dict[str, str]) -> Any:
    """All phrases in one Aho-Corasick automaton. Its ``iter_long`` yields the
    non-overlapping leftmost-longest matches — OpenCC's segmentation — in one C-level pass;
    a Python loop over every character that may start a phrase was most of the time."""
    import ahocorasick

    finder = ahocorasick.Automaton()
    for key, out in phrases.items():
        finder.add_word(key, (key, out))
    if phrases:
        finder.make_automaton()
    return finder


def char_class(chars: set[str] | frozenset[str]) -> str:
    """A regex matching one character of ``chars`` (empty set: matches nothing).

    Python's regex engine tests a class holding any character beyond U+FFFF member by
    member, a hundred times slower than a BMP-only class (a bitmap). Such characters are rare
    in text, so they get their own class behind a cheap range check.
    """
    bmp = _ranges(sorted(c for c in chars if c <= "\uffff"))
    astral = _ranges(sorted(c for c in chars if c > "\uffff"))
    parts = ([f"[{bmp}]"] if bmp else []) + ([f"(?=[\U00010000-\U0010ffff])[{astral}]"]
                                            if astral else [])
    return f"(?:{'|'.join(parts)})" if parts else "[^\\s\\S]"


def _ranges(chars: list[str]) -> str:
    """Sorted characters as class ranges (一-丁): fewer items for the regex parser."""
    items: list[str] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or ord(chars[i]) != ord(chars[i - 1]) + 1:
            first, last = re.escape(chars[start]), re.escape(chars[i - 1])
            items.append(first if start == i - 1 else f"{first}-{last}")
            start = i
    return "".join(items)


def merged_pass(names: tuple[str, ...]) -> dict[str, str]:
    """One pass's dictionaries as one mapping; earlier names win on equal keys."""
    merged: dict[str, str] = {}
    for name in reversed(names):
        merged.update(dictionaries.load(name))
    return merged


def longest_match(text: str, mapping: dict[str, str], longest: int) -> str:
    """OpenCC's conversion of one pass: at each position the longest key, else the char."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        for size in range(min(longest, len(text) - pos), 0, -1):
            value = mapping.get(text[pos:pos + size])
            if value is not None:
                out.append(value)
                pos += size
                break
        else:
            out.append(text[pos])
            pos += 1
    return "".join(out)


@functools.cache
def _passes(region: str) -> tuple[tuple[dict[str, str], int], ...]:
    passes = [merged_pass(names) for names in CHAINS[region]]
    return tuple((p, max(map(len, p))) for p in passes)


def chain_convert(text: str, region: str) -> str:
    """The reference conversion: every pass of ``region``'s chain, longest match, in order."""
    text = unicodedata.normalize("NFC", text) if _has_compat(text) else text
    for mapping, longest in _passes(region):
        text = longest_match(text, mapping, longest)
    return text


def _chain_char(char: str, region: str) -> str:
    """:func:`chain_convert` of one character: each pass is a plain lookup."""
    char = unicodedata.normalize("NFC", char)
    for mapping, _ in _passes(region):
        char = mapping.get(char, char)
    return char


def _has_compat(text: str) -> bool:
    return any(lo <= ord(c) <= hi for c in text for lo, hi in COMPAT_RANGES)


def _compat_chars() -> list[str]:
    return [c for lo, hi in COMPAT_RANGES for c in map(chr, range(lo, hi + 1))
            if unicodedata.normalize("NFC", c) != c]


def _variant_forms(key: str, forward: dict[str, str]) -> str:
    return "".join(forward.get(c, c) for c in key)


def _candidates(region: str) -> set[str]:
    """Every multi-character key of the chain, also spelt in the region's own variants.

    A Taiwan text writes 偽 where the traditional-to-simplified phrases have 僞; the first
    pass would rewrite it before the phrase is looked up, so the phrase is also indexed under
    its Taiwan spelling.
    """
    passes = [mapping for mapping, _ in _passes(region)]
    keys = {k for mapping in passes for k in mapping if len(k) > 1}
    if len(passes) > 1:
        forward = {v: k for k, v in passes[0].items() if len(k) == 1 and k != v}
        keys |= {_variant_forms(k, forward) for k in passes[-1] if len(k) > 1}
    return keys


def _overlaps(phrase: str, kept: dict[str, list[str]]) -> bool:
    """Would ``phrase``, matched first, hide the start of a kept phrase inside it?"""
    for offset in range(len(phrase)):
        rest = phrase[offset:]
        for other in kept.get(phrase[offset], ()):
            if other != phrase and (other.startswith(rest) or rest.startswith(other)):
                return True
    return False


def _phrases(region: str, chars: dict[int, str]) -> dict[str, str]:
    results = {k: chain_convert(k, region) for k in _candidates(region)}
    kept = {k: v for k, v in results.items() if v != k.translate(chars)}
    pending = {k: v for k, v in results.items() if k not in kept}
    while True:
        by_first: dict[str, list[str]] = {}
        for k in kept:
            by_first.setdefault(k[0], []).append(k)
        added = {k: v for k, v in pending.items() if _overlaps(k, by_first)}
        if not added:
            return kept
        kept.update(added)
        pending = {k: v for k, v in pending.items() if k not in added}


@functools.cache
def table(region: str) -> Table:
    """The folded table for ``std``, ``tw`` or ``hk`` (built once per process)."""
    singles = {k for mapping, _ in _passes(region) for k in mapping if len(k) == 1}
    singles.update(_compat_chars())
    chars = {ord(c): out for c in singles if (out := _chain_char(c, region)) != c}
    phrases = _phrases(region, chars)
    index: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(phrases, key=len, reverse=True):
        index.setdefault(key[0], []).append((key, phrases[key]))
    changed = {chr(c) for c in chars}
    triggers = frozenset(changed | set(index))
    return Table(
        chars=chars,
        phrases={first: tuple(entries) for first, entries in index.items()},
        char_run=re.compile(char_class(changed) + "+"),
        phrase_finder=_automaton(phrases),
        bmp_chars=_bmp_list(chars),
        plain_phrases=frozenset(k for k in phrases if not any(ord(c) in chars for c in k)),
        triggers=triggers,
        trigger=re.compile(char_class(triggers)),
    )
