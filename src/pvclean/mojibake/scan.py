"""Find the suspicious runs of a document and hand each to the repair that fits it.

One compiled scan per kind decides whether there is anything to do, so a clean document
costs a regex pass:

* ``latin.suspicious``: characters UTF-8 mojibake is made of → ftfy on that line;
* ``_hits``: a decoder's mark (``?``, U+FFFD, a lone ``€``) against a double-byte character,
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

from ..pipeline import LINK_MARKS, Change, changes_from_diff, spans_between
from . import gbk, latin, model, redecode

# Up to this commonness level (0–9) a character counts as uncommon: clean Chinese has few
# of them side by side, mojibake is full of them.
RARE_LEVEL = 5
# Where mojibake of Chinese codecs lands: symbols, CJK, compatibility and full-width blocks.
_CJK_RANGE = (0x2000, 0x9FFF), (0xF900, 0xFFEF)
# How many characters before (or after) a trigger a wrongly decoded run may begin.
REDECODE_BEFORE = 4
REDECODE_AFTER = 2
MARKS_AND_EURO = "?\ufffd€"
_LINE_END = re.compile(f"[\n{LINK_MARKS}]")
_LATIN_RUN = re.compile("(?:[\xa1-\xfe][\xa1-\xfe@-~])+")
_LATIN_CHAR = re.compile("[\xa1-\xfe@-~]")
# A mark, then what it may have swallowed or what the page turned into ASCII: the rest of a
# pinyin gloss, or one full-width sign (！ read one byte off and printed as "!").
_AFTER_MARK = re.compile("[?\ufffd€](?:[a-z\u00e0-\u00fc\u0100-\u01dc]{1,6}\\)|[!-/:-@\\[-`{-~])?")


class Outcome(NamedTuple):
    text: str
    changes: list[Change]
    unrepaired: list[tuple[int, int]]


class _Scans(NamedTuple):
    first: re.Pattern[str]  # one class: every character a suspicious run can start with
    full: re.Pattern[str]   # what must follow it


@lru_cache(maxsize=1)
def _scans() -> _Scans:
    """The CJK suspicion scans; their class of uncommon characters comes from the model.

    ``re`` scans a single character class many times faster than an alternation, so the
    class finds candidates and the full pattern is only tried where one starts.
    """
    common = {c for c, level in model.model().levels.items() if level > RARE_LEVEL}
    common.update("、。〈〉《》「」『』【】〔〕〖〗・…—‘’“”")
    common.update(chr(code) for code in range(0xFF01, 0xFF5F))  # full-width forms
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
    rare = "".join(ranges)
    lost = redecode.LOST_AS_GBK.pattern
    return _Scans(
        re.compile(f"[{rare}{MARKS_AND_EURO}\xa1-\xfe]"),  # the lost run starts with a rare 锟
        re.compile(f"{lost}|[{MARKS_AND_EURO}]|[{rare}][{rare}]|[\xa1-\xfe][\xa1-\xfe]"),
    )


def _double_byte(char: str) -> bool:
    return bool(char) and not char.isascii() and char not in LINK_MARKS


def _hits(line: str) -> Iterator[re.Match[str]]:
    """Suspicious places: a decoder's mark against a non-ASCII character, two uncommon
    characters in a row, two Latin-1 letters in a row, lost UTF-8 read as GBK."""
    scans = _scans()
    for candidate in scans.first.finditer(line):
        match = scans.full.match(line, candidate.start())
        if match is None:
            continue
        at = match.start()
        if match.group() in MARKS_AND_EURO and not (
                _double_byte(line[at - 1:at]) or _double_byte(line[at + 1:at + 2])):
            continue
        yield match


def _cjk_repairs(line: str) -> tuple[list[gbk.Repair], list[tuple[int, int]]]:
    """Repairs (spans of ``line``) for its suspicious CJK runs, and the runs left alone."""
    repairs: list[gbk.Repair] = []
    suspicious: list[tuple[int, int]] = []
    done = 0
    for match in _hits(line):
        suspicious.append(match.span())
        if match.start() < done:
            continue
        found = _latin_repair(line, match.start()) or _run_repair(line, match.start())
        if found is not None and found.start >= done and _stable(line, found):
            repairs.append(found)
            done = found.end
        else:
            # one attempt per run: the run's other suspicious pairs would find the same
            done = max(match.end(), _run_end(line, match.start()))
    unrepaired: list[tuple[int, int]] = []
    for start, end in suspicious:
        if any(r.start <= start and end <= r.end for r in repairs):
            continue
        if unrepaired and unrepaired[-1][1] >= start:
            unrepaired[-1] = (unrepaired[-1][0], max(end, unrepaired[-1][1]))
        else:
            unrepaired.append((start, end))
    return repairs, unrepaired


def _stable(line: str, found: gbk.Repair) -> bool:
    """Would the repaired text be repaired again? Then the first repair read noise as
    damage (a plausible word pair among rare characters) and is not taken: a true repair
    gives text that looks clean, and cleaning clean text must change nothing."""
    fixed = line[:found.start] + found.text + line[found.end:]
    low, high = found.start, found.start + len(found.text)
    for match in _hits(fixed):
        if match.start() >= high:
            break
        if match.end() > low and (_latin_repair(fixed, match.start())
                                  or _run_repair(fixed, match.start())):
            return False
    return True


def _run_end(line: str, index: int) -> int:
    latin_run = _LATIN_RUN.match(line, index)
    after_mark = _AFTER_MARK.match(line, index)
    run_end = gbk.run_bounds(line, after_mark.end() if after_mark else index)[1]
    return max(run_end, latin_run.end() if latin_run else index)


def _latin_repair(line: str, index: int) -> gbk.Repair | None:
    """Re-decoding of the Latin-1 run at ``index``. The run may begin a little before the
    trigger: a Big5 or GBK character whose trail byte is ASCII reads as ``»O``, which is not
    a trigger pair. Each start back to the run's first letter is tried."""
    if not _LATIN_RUN.match(line, index):
        return None
    back = index
    while back > max(0, index - REDECODE_BEFORE * 2) and _LATIN_CHAR.match(line, back - 1):
        back -= 1
    options = []
    for start in range(back, index + 1):
        match = _LATIN_RUN.match(line, start)
        if match is None:
            continue
        found = redecode.redecode(match.group(), line[start - 1:start],
                                  line[match.end():match.end() + 1])
        if found:
            options.append(gbk.Repair(start, match.end(), found.text, found.path))
    return _best(line, options)


def _best(line: str, options: list[gbk.Repair]) -> gbk.Repair | None:
    """The option that leaves the region they cover reading best."""
    if not options:
        return None
    low, high = min(r.start for r in options), max(r.end for r in options)
    left, right = line[low - 1:low], line[high:high + 1]
    return max(options, key=lambda r: model.score(
        line[low:r.start] + r.text + line[r.end:high], left, right))


def _run_repair(line: str, index: int) -> gbk.Repair | None:
    """Whole-run re-decoding or realignment, whichever reads better, for the run at index.

    A wrongly decoded run may begin after some good characters of the same run (a heading,
    a label): re-decoding is tried from each of the few characters before the trigger.
    """
    lost = redecode.LOST_AS_GBK.match(line, index)
    if lost:
        found = redecode.redecode(lost.group())
        return gbk.Repair(index, lost.end(), found.text, found.path) if found else None
    after_mark = _AFTER_MARK.match(line, index)
    start, stop = gbk.run_bounds(line, after_mark.end() if after_mark else index)
    if start == stop:
        return None
    options = []
    for first in range(max(start, index - REDECODE_BEFORE),
                       min(stop, max(start, index) + REDECODE_AFTER + 1)):
        whole = redecode.redecode(line[first:stop], line[first - 1:first], line[stop:stop + 1])
        if whole:
            options.append(gbk.Repair(first, stop, whole.text, whole.path))
    realigned = gbk.repair(line, start, stop, max(index, start))
    if realigned:
        options.append(realigned)
    return _best(line, options)


def repair_text(text: str, step: str) -> Outcome:
    """Every repair for ``text``, as changes of ``step`` against it."""
    if not latin.suspicious(text) and (text.isascii() or next(_hits(text), None) is None):
        return Outcome(text, [], [])
    parts: list[str] = []
    changes: list[Change] = []
    unrepaired: list[tuple[int, int]] = []
    pos = 0
    for start, end in spans_between(text, _LINE_END):
        line = text[start:end]
        # The CJK repairs look first: ftfy would take GBK read as Latin-1 for broken UTF-8.
        repairs, left_alone = _cjk_repairs(line)
        unrepaired.extend((start + a, start + b) for a, b in left_alone)
        repaired = _apply(line, repairs)
        fixed = latin.fix(repaired) if latin.suspicious(repaired) else None
        if fixed is None and not repairs:
            continue
        parts.append(text[pos:start])
        parts.append(fixed.text if fixed else repaired)
        pos = end
        if fixed is None:
            changes.extend(Change(step, r.rule, start + r.start, start + r.end,
                                  line[r.start:r.end], r.text) for r in repairs)
        else:
            rule = "+".join([*sorted({r.rule for r in repairs}), fixed.rule])
            changes.extend(_diff(step, rule, line, fixed.text, start))
    parts.append(text[pos:])
    return Outcome("".join(parts), changes, unrepaired)


def _diff(step: str, rule: str, before: str, after: str, offset: int) -> list[Change]:
    """The changes between two versions of a line, diffing only the part between their
    common head and tail (difflib is quadratic in what it is given)."""
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return changes_from_diff(step, rule, before[head:len(before) - tail],
                             after[head:len(after) - tail], offset + head)


def _apply(line: str, repairs: list[gbk.Repair]) -> str:
    parts, pos = [], 0
    for r in repairs:
        parts.append(line[pos:r.start])
        parts.append(r.text)
        pos = r.end
    parts.append(line[pos:])
    return "".join(parts)
