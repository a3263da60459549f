"""How much a run of text reads like Chinese: the judge of every candidate repair.

A repair is only worth making when the re-decoded run is *much* more likely Chinese than
the run as it stands. Mojibake is a stream of random characters from a codec's table: rare
characters and pairs that never occur together in a word. Real text is mostly common
characters in known pairs. The table (``data/hanzi_model.txt.gz``, written by
``scripts/build_hanzi_model.py`` from jieba's word frequencies, each simplified word also in
its traditional form via OpenCC) gives a commonness level per character and the set of
in-word bigrams; the score of a run is the mean, per character, of its level plus a bonus
for each known bigram (and for the few typographic pairs below).

The table is read once, on the first score (a clean document never asks for it).
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# What a known bigram is worth, in commonness levels: a pair seen in words is strong
# evidence, as strong as a common character.
BIGRAM_BONUS = 3.0
# CJK punctuation and full-width forms are ordinary in Chinese text: a repair that restores
# them must not lose points, but a guessed byte should still prefer a common character.
PUNCTUATION_LEVEL = 6.0
# The commonest marks (comma, full stop, enumeration comma, quotes) rank above the rest, so
# that a guessed punctuation byte is the ordinary one.
COMMON_PUNCTUATION = "，。、“”"
COMMON_PUNCTUATION_LEVEL = 8.0
# Letters, digits and spaces are neutral: pinyin glosses and numbers sit inside Chinese.
NEUTRAL_LEVEL = 3.0
# Anything else (symbols, box drawing, kana, Latin-1 letters) is what mojibake is made of.
OTHER_LEVEL = 0.0


# Typography the word lists cannot teach: punctuation closes after a character, and a
# quotation closes or opens after the end of a sentence. These pairs count as known bigrams.
SENTENCE_END = "。，、；：！？…"
QUOTE_CLOSE = "）」』》”’"
OPENING = "（「『《“‘"
_PUNCTUATION = SENTENCE_END + QUOTE_CLOSE + OPENING
# What a line (a paragraph) ends with.
LINE_FINAL = "。！？…" + QUOTE_CLOSE


def _typographic(pair: str) -> bool:
    first, second = pair
    return ((second in SENTENCE_END + QUOTE_CLOSE and first not in _PUNCTUATION)
            or (first in SENTENCE_END and second in QUOTE_CLOSE + OPENING))


class Model(NamedTuple):
    levels: dict[str, int]
    bigrams: frozenset[str]


@lru_cache(maxsize=1)
def model() -> Model:
    """The table, parsed once per process."""
    raw = resources.files("pvclean.data").joinpath("hanzi_model.txt.gz").read_bytes()
    levels: dict[str, int] = {}
    bigrams: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "B":
            first, _, seconds = rest.partition("\t")
            bigrams.update(first + s for s in seconds)
        else:
            level = int(kind[1:])
            levels.update(dict.fromkeys(rest, level))
    return Model(levels, frozenset(bigrams))


@lru_cache(maxsize=4096)
def char_level(char: str) -> float:
    """Commonness of one character on the table's 0–9 scale (see the constants above)."""
    level = model().levels.get(char)
    if level is not None:
        return float(level)
    if char in COMMON_PUNCTUATION:
        return COMMON_PUNCTUATION_LEVEL
    if char in "?\ufffd":
        # a decoder's mark for a byte it could not read
        return OTHER_LEVEL
    if char.isascii():
        return NEUTRAL_LEVEL if char.isalnum() or char.isspace() else PUNCTUATION_LEVEL
    category = unicodedata.category(char)
    name = unicodedata.name(char, "")
    if category.startswith("P") and ("IDEOGRAPHIC" in name or "FULLWIDTH" in name
                                     or "QUOTATION" in name or char in "、。·…—"):
        return PUNCTUATION_LEVEL
    return OTHER_LEVEL


def score(text: str, left: str = "", right: str = "") -> float:
    """Mean plausibility per character of ``text``, its neighbours counting for bigrams.

    ``left``/``right`` are the characters around the run in the document, so a repair is
    also judged by how well it joins its context.
    """
    if not text:
        return 0.0
    bigrams = model().bigrams
    total = sum(char_level(c) for c in text)
    joined = left[-1:] + text + right[:1]
    total += BIGRAM_BONUS * sum(joined[i:i + 2] in bigrams or _typographic(joined[i:i + 2])
                                for i in range(len(joined) - 1))
    if not right and text[-1] in LINE_FINAL:
        total += BIGRAM_BONUS
    return total / len(text)


def known_pairs(text: str) -> tuple[int, int]:
    """Adjacent Han-character pairs in ``text``: how many are known bigrams, how many in all."""
    bigrams, levels = model().bigrams, model().levels
    pairs = [text[i:i + 2] for i in range(len(text) - 1)
             if text[i] in levels and text[i + 1] in levels]
    return sum(p in bigrams for p in pairs), len(pairs)


# A repair is accepted when the new text reads as ordinary Chinese (MIN_SCORE per
# character), gains clearly over what it replaces (MIN_GAIN), and — mojibake can land on
# common characters by chance, one character proves nothing — a fair share of its pairs of
# Han characters are known (MIN_PAIRS), and at least one.
MIN_SCORE = 6.0
MIN_GAIN = 1.5
MIN_PAIRS = 0.25


def accepts(before: str, after: str, left: str = "", right: str = "") -> bool:
    """Whether ``after`` is a clear win over ``before`` in this context."""
    new = score(after, left, right)
    known, pairs = known_pairs(after)
    return (new >= MIN_SCORE and new - score(before, left, right) >= MIN_GAIN
            and known >= 1 and known >= MIN_PAIRS * pairs)
