"""Write src/pvclean/data/hanzi_model.txt.gz: how plausible a run of Chinese characters is.

The mojibake step re-decodes suspicious runs (GBK misalignment, UTF-8 read as GBK, GBK read
as Latin-1, ...) and keeps a candidate only when it reads much more like Chinese than the
run it replaces. Mojibake is a stream of *random* characters: rare ones, and pairs that
never occur inside a word. Real text is mostly common characters in known pairs. So the
model needs two things, and no frequencies from running text:

* a commonness level per character: how many dictionary words contain it, on a log scale
  (0 = never seen, 9 = in thousands of words);
* the set of character bigrams seen inside dictionary words.

Source: jieba's word-frequency dictionary (``jieba/dict.txt``, 349k words with corpus
counts, MIT licence; needed only to run this script: ``pip install jieba``) for the
statistics, and the OpenCC tables of the runtime dependency opencc-python-reimplemented
(``STCharacters``) to give every simplified word its traditional twin with the same count,
so the model reads both scripts: the misalignment repair produces traditional text when the
page was traditional. A character's level is its log count (frequency-weighted) on a 0–9
scale; a bigram is kept when the words containing it occur often enough
(``MIN_BIGRAM``), which keeps the table to a few hundred KB.

Format (UTF-8, gzip), one record per line, tab separated:

    L<level>\t<characters of that level>
    B\t<first character>\t<every second character seen after it>

Usage::

    python scripts/build_hanzi_model.py
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from pathlib import Path

import jieba
import opencc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pvclean" / "data" / "hanzi_model.txt.gz"
DICTIONARY = Path(opencc.__file__).parent / "dictionary"
MIN_BIGRAM = 40
LEVELS = 9


def traditional_map() -> dict[str, str]:
    """Simplified character -> its first traditional form (OpenCC's default)."""
    table = {}
    for line in (DICTIONARY / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if values:
            table[key] = values.split()[0]
    return table


def counted_words() -> Counter[str]:
    """jieba's words with their counts, each also in its traditional form."""
    to_traditional = traditional_map()
    counts: Counter[str] = Counter()
    source = Path(jieba.__file__).parent / "dict.txt"
    for line in source.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split(" ")
        counts[word] += int(count)
        traditional = "".join(to_traditional.get(c, c) for c in word)
        if traditional != word:
            counts[traditional] += int(count)
    return counts


def build() -> str:
    chars: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for word, count in counted_words().items():
        for char in word:
            if not char.isascii():
                chars[char] += count
        for i in range(len(word) - 1):
            if not (word[i].isascii() or word[i + 1].isascii()):
                bigrams[word[i:i + 2]] += count
    top = math.log(max(chars.values()))
    levels: dict[int, list[str]] = {}
    for char, count in chars.items():
        level = max(1, round(LEVELS * math.log(count) / top))
        levels.setdefault(level, []).append(char)
    followers: dict[str, list[str]] = {}
    for pair, count in bigrams.items():
        if count >= MIN_BIGRAM:
            followers.setdefault(pair[0], []).append(pair[1])
    lines = [f"L{level}\t{''.join(sorted(cs))}" for level, cs in sorted(levels.items())]
    lines += [f"B\t{first}\t{''.join(sorted(rest))}" for first, rest in sorted(followers.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    data = build().encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(data)} uncompressed)")


if __name__ == "__main__":
    main()
