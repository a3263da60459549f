"""Find the suspicious runs of a document and hand each to the repair that fits it.

One compiled scan per kind decides whether there is anything to do, so a clean document
costs a regex pass:

* ``latin.GATE``: characters UTF-8 mojibake is made of → ftfy on that line;
* ``_CJK``: a decoder's mark (``?``, U+FFFD, a lone ``€``) against a double-byte character,
  two uncommon characters in a row, or two Latin-1 letters in a row (GBK read as Latin-1)
  → the CJK repairs: whole-run re-decoding (:mod:`.redecode`) and GBK realignment
  (:mod:`.gbk`), judged by the plausibility model.

Lines are the unit of work, cut also at the html step's link marks, which are never part of
a repair. A run that looked suspicious but that no repair could make plausible stays as it
was and is counted in :attr:`Outcome.unrepaired`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..pipeline import LINK_MARKS, Change, changes_from_diff
from . import gbk, latin, model, redecode

# Up to this commonness level (0–9) a character counts as uncommon: clean Chinese has few
# of them side by side, mojibake is full of them.
RARE_LEVEL = 5
# Where mojibake of Chinese codecs lands: symbols, CJK, compatibility and full-width blocks.
_CJK_RANGE = (0x2000, 0x9FFF), (0xF900, 0xFFEF)
_LINE_END = re.compile(f"[\n{LINK_MARKS}]")
_LATIN_RUN = re.compile("(?:[\xa1-\xfe][\xa1-\xfe@-~])+")
# A mark, then what it may have swallowed or what the page turned into ASCII: the rest of a
# pinyin gloss, or one full-width sign (！ read one byte off and printed as "!").
_AFTER_MARK = re.compile("[?\ufffd€](?:[a-z\u00e0-\u00fc\u0100-\u01dc]{1,6}\\)|[!-/:-@\\[-`{-~])?")


class Outcome(NamedTuple):
    text: str
    changes: list[Change]
    unrepaired: list[tuple[int, int]]


@lru_cache(maxsize=1)
def _cjk_pattern() -> re.Pattern[str]:
    """The CJK suspicion scan; its class of uncommon characters comes from the model."""
    common = {c for c, level in model.model().levels.items() if level > RARE_LEVEL}
    common.update("、。〈〉《》「」『』【】〔〕〖〗・…—‘’“”")
    ranges: list[str] = []
    for low, high in _CJK_RANGE:
        start = None
        for code in range(low, high + 2):
            inside = code <= high and chr(code) not in common and chr(code) not in LINK_MARKS
            if inside and start is None:
                start = code
            elif not inside and start is not None:
                ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
                start = None
    rare = "[" + "".join(ranges) + "]"
    return re.compile(
        f"[?\ufffd€](?=[^\\x00-\\x7f{LINK_MARKS}])|(?<=[^\\x00-\\x7f{LINK_MARKS}])[?\ufffd€]"
        f"|{rare}{{2}}|[\xa1-\xfe]{{2}}"
    )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _LINE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _cjk_repairs(line: str) -> tuple[list[gbk.Repair], list[tuple[int, int]]]:
    """Repairs (spans of ``line``) for its suspicious CJK runs, and the runs left alone."""
    repairs: list[gbk.Repair] = []
    suspicious: list[tuple[int, int]] = []
    done = 0
    for match in _cjk_pattern().finditer(line):
        suspicious.append(match.span())
        if match.start() < done:
            continue
        found = _latin_repair(line, match.start()) or _run_repair(line, match.start())
        if found is not None and found.start >= done:
            repairs.append(found)
            done = found.end
    unrepaired: list[tuple[int, int]] = []
    for start, end in suspicious:
        if any(r.start <= start and end <= r.end for r in repairs):
            continue
        if unrepaired and unrepaired[-1][1] >= start:
            unrepaired[-1] = (unrepaired[-1][0], max(end, unrepaired[-1][1]))
        else:
            unrepaired.append((start, end))
    return repairs, unrepaired


def _latin_repair(line: str, index: int) -> gbk.Repair | None:
    match = _LATIN_RUN.match(line, index)
    if not match:
        return None
    left, right = line[index - 1:index], line[match.end():match.end() + 1]
    found = redecode.redecode(match.group(), left, right)
    return gbk.Repair(index, match.end(), found.text, found.path) if found else None


def _run_repair(line: str, index: int) -> gbk.Repair | None:
    """Whole-run re-decoding or realignment, whichever reads better, for the run at index."""
    after_mark = _AFTER_MARK.match(line, index)
    start, stop = gbk.run_bounds(line, after_mark.end() if after_mark else index)
    if start == stop:
        return None
    options = []
    whole = redecode.redecode(line[start:stop], line[start - 1:start], line[stop:stop + 1])
    if whole:
        options.append(gbk.Repair(start, stop, whole.text, whole.path))
    realigned = gbk.repair(line, start, stop, max(index, start))
    if realigned:
        options.append(realigned)
    if not options:
        return None
    return max(options, key=lambda r: model.score(r.text, line[r.start - 1:r.start],
                                                  line[r.end:r.end + 1]))


def repair_text(text: str, step: str) -> Outcome:
    """Every repair for ``text``, as changes of ``step`` against it."""
    gate = latin.GATE.search(text)
    cjk = None if text.isascii() else _cjk_pattern().search(text)
    if gate is None and cjk is None:
        return Outcome(text, [], [])
    parts: list[str] = []
    changes: list[Change] = []
    unrepaired: list[tuple[int, int]] = []
    pos = 0
    for start, end in _lines(text):
        line = text[start:end]
        fixed = latin.fix(line) if latin.GATE.search(line) else None
        current = fixed.text if fixed else line
        repairs, left_alone = _cjk_repairs(current)
        if fixed is None:
            unrepaired.extend((start + a, start + b) for a, b in left_alone)
        if fixed is None and not repairs:
            continue
        new_line = _apply(current, repairs)
        parts.append(text[pos:start])
        parts.append(new_line)
        pos = end
        if fixed is None:
            changes.extend(Change(step, r.rule, start + r.start, start + r.end,
                                  line[r.start:r.end], r.text) for r in repairs)
        else:
            rule = "+".join([fixed.rule, *sorted({r.rule for r in repairs})])
            changes.extend(changes_from_diff(step, rule, line, new_line, start))
    parts.append(text[pos:])
    return Outcome("".join(parts), changes, unrepaired)


def _apply(line: str, repairs: list[gbk.Repair]) -> str:
    parts, pos = [], 0
    for r in repairs:
        parts.append(line[pos:r.start])
        parts.append(r.text)
        pos = r.end
    parts.append(line[pos:])
    return "".join(parts)
