"""Traditional to simplified Chinese, phrase by phrase, on OpenCC's dictionaries.

The dictionaries are opencc-python-reimplemented's, with newer OpenCC entries laid over
them (``pvclean.convert.dictionaries``). Each document is first classified as OpenCC
standard, Taiwan or Hong Kong traditional (``pvclean.convert.detect``), and converted with
the matching chain (t2s, tw2s or hk2s) folded into one fast table
(``pvclean.convert.tables``). Only Han characters with a mapping change: Latin, kana,
Hangul and everything else pass through, and so do the html step's link marks.

Rules in the trace: ``char`` (characters converted one by one) and ``phrase`` (the change
includes a dictionary phrase whose result differs from that); nearby converted runs on one
line are traced as one change; prefixed ``tw-`` or ``hk-`` when the
document was converted with a regional chain.

Japanese is not recognised: kanji in a Japanese sentence that look traditional (國, 學)
are converted like Chinese.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..convert.convert import Span
from ..pipeline import ChangeBuilder, Options, StepResult

NAME = "t2s"

# Converted characters closer than this on one line are traced as one change: traditional
# text changes every other character, and one record per character would cost more than the
# conversion itself while telling a reader nothing more.
_GAP = 8


def run(text: str, options: Options) -> StepResult:
    if options.convert == "none":
        return StepResult(text, [])
    from ..convert.convert import convert_with_phrases
    from ..convert.detect import may_convert, read
    from ..convert.tables import table

    if not may_convert(text):
        return StepResult(text, [])
    region, simplified = read(text)
    out, phrase_starts = convert_with_phrases(text, table(region), plain_phrases=not simplified)
    if out == text:
        return StepResult(text, [])
    prefix = "" if region == "std" else f"{region}-"
    builder = ChangeBuilder(NAME, text)
    for span in _changed_spans(text, out, phrase_starts):
        builder.replace(span.start, span.end, span.after, prefix + span.kind)
    return builder.result()


def _changed_spans(text: str, out: str, phrase_starts: list[int]) -> Iterator[Span]:
    """Where ``out`` differs from ``text``, line by line (conversion never moves a line
    break), as runs of changed characters merged across short gaps."""
    pos = 0
    for before, after in zip(text.split("\n"), out.split("\n"), strict=True):
        if before != after:
            yield from _line_spans(before, after, pos, phrase_starts)
        pos += len(before) + 1


def _line_spans(before: str, after: str, offset: int, phrase_starts: list[int]) -> Iterator[Span]:
    if len(before) != len(after):  # a phrase changed length: the line is one change
        runs = [(0, len(before))]
    else:
        runs = _runs([i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b])
    for start, end in runs:
        first = bisect.bisect_left(phrase_starts, offset + start)
        has_phrase = first < len(phrase_starts) and phrase_starts[first] < offset + end
        yield Span(offset + start, offset + end,
                   after[start:end] if len(before) == len(after) else after,
                   "phrase" if has_phrase else "char")


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Changed positions as [start, end) runs, joined across gaps shorter than _GAP."""
    runs: list[tuple[int, int]] = []
    for i in positions:
        if runs and i - runs[-1][1] < _GAP:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs
