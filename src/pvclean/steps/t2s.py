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

from collections.abc import Iterable, Iterator

from ..convert.convert import Span
from ..pipeline import ChangeBuilder, Options, StepResult

NAME = "t2s"


def run(text: str, options: Options) -> StepResult:
    if options.convert == "none":
        return StepResult(text, [])
    from ..convert.convert import convert_spans
    from ..convert.detect import detect, may_convert
    from ..convert.tables import table

    if not may_convert(text):
        return StepResult(text, [])
    region = detect(text)
    prefix = "" if region == "std" else f"{region}-"
    builder = ChangeBuilder(NAME, text)
    for span in _grouped(text, convert_spans(text, table(region))):
        builder.replace(span.start, span.end, span.after, prefix + span.kind)
    return builder.result()


# Converted spans closer than this on one line are traced as one change: traditional text
# changes every other character, and one record per character run would cost more than the
# conversion itself while telling a reader nothing more.
_GAP = 8


def _grouped(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    """Merge spans separated by a short, single-line gap of unchanged text."""
    group: Span | None = None
    for span in spans:
        if group is not None:
            gap = text[group.end:span.start]
            if len(gap) < _GAP and "\n" not in gap:
                kind = "phrase" if "phrase" in (group.kind, span.kind) else "char"
                group = Span(group.start, span.end, group.after + gap + span.after, kind)
                continue
            yield group
        group = span
    if group is not None:
        yield group
