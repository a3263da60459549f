"""GBK byte misalignment: a run decoded one byte off, until an ASCII byte realigns it.

When one byte of a GBK stream is lost (a chunk cut between the two bytes of a character, a
byte dropped in transit), the decoder pairs every trail byte with the next lead byte and
reads random characters: ``“新星”產`` becomes ``靶滦恰碑a``. It stays off until a byte it can
only read alone: an ASCII byte, which is then either the trail of the last real character
(``a`` above, 0x40–0x7E), or comes after a replacement mark for a lone byte. Where the loss
happened the decoder often left a mark: ``?`` or U+FFFD for the lone lead byte, sometimes
followed by the rest of a pinyin gloss whose ``(`` it swallowed (``?cè)``).

Re-encoding the run to GBK (cp936, so that a lone 0x80 read as ``€`` counts too), putting a
byte back at the place of the loss and decoding again recovers the text. The lost byte
itself is unknown: it is guessed from its surviving partner byte and the neighbours, by the
plausibility model. Every candidate (each place the byte may have been lost) is scored and
the best one is kept only if it reads far more like Chinese than the run did.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..pipeline import LINK_MARKS
from . import model

CODEC = "cp936"
# What a decoder writes for a byte it could not read.
MARKS = "?\ufffd"
# The rest of a pinyin gloss after a mark that swallowed its "(": ?cè)
_SWALLOWED_GLOSS = re.compile(r"[?\ufffd][a-z\u00e0-\u00fc\u0100-\u01dc]{1,6}\)\Z")
# How far from the first suspicious character the lost byte is looked for, in characters.
SEARCH_BEFORE = 30
SEARCH_AFTER = 2


class Repair(NamedTuple):
    start: int
    end: int
    text: str
    rule: str


# Windows decodes GBK's user-defined areas to the Private Use Area; Python's codec does not.
# (first code point, lead byte of its first row) for AAA1–AFFE and F8A1–FEFE, 94 per row.
_USER_DEFINED = ((0xE000, 0xAA, 6), (0xE234, 0xF8, 7))


def _user_defined(code: int) -> bytes | None:
    for first, lead, rows in _USER_DEFINED:
        if 0 <= code - first < 94 * rows:
            row, cell = divmod(code - first, 94)
            return bytes((lead + row, 0xA1 + cell))
    return None


@lru_cache(maxsize=8192)
def _bytes(char: str) -> bytes | None:
    """The two GBK bytes of a character, or None for anything that is not double-byte.

    The html step's link marks are private-use characters too: they are never bytes.
    """
    if char.isascii() or char in LINK_MARKS:
        return None
    try:
        raw = char.encode(CODEC)
    except UnicodeEncodeError:
        return _user_defined(ord(char))
    return raw if len(raw) == 2 else None


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode(CODEC)
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=4096)
def _with_trail(trail: int) -> tuple[str, ...]:
    """Every character whose GBK trail byte is ``trail`` (the guesses for a lost lead)."""
    found = (_decode(bytes((lead, trail))) for lead in range(0x81, 0xFF))
    return tuple(c for c in found if c is not None and len(c) == 1)


@lru_cache(maxsize=4096)
def _with_lead(lead: int) -> tuple[str, ...]:
    """Every character whose GBK lead byte is ``lead`` (the guesses for a lost trail)."""
    found = (_decode(bytes((lead, trail))) for trail in range(0x40, 0xFF))
    return tuple(c for c in found if c is not None and len(c) == 1)


@lru_cache(maxsize=65536)
def _guess(options: tuple[str, ...], left: str, right: str) -> str | None:
    """The option that joins its neighbours best (commonness plus known bigrams)."""
    if not options:
        return None
    return max(options, key=lambda c: model.score(c, left, right))


def _terminator(text: str, end: int) -> tuple[bytes | None, int]:
    """What closes a run at ``end``: the byte it stands for (None: unknown) and where it ends.

    An ASCII letter or 0x40–0x7E sign is the last real character's trail byte; ``€`` is a
    lone 0x80 read by cp936; a mark is a trail byte the decoder could not read.
    """
    char = text[end:end + 1]
    if char and 0x40 <= ord(char) <= 0x7E:
        return char.encode("ascii"), end + 1
    if char == "€":
        return b"\x80", end + 1
    if char and char in MARKS:
        return None, end + 1
    return None, end


def _realigned(raw: bytes, lead_lost: bool, left: str, text: str,
               stop: int) -> tuple[str, int] | None:
    """Decode ``raw`` (a run's bytes from the place of the loss) with the lost byte put back.

    ``lead_lost``: the lost byte was the lead of the first character (else the trail of
    ``raw[0]``). Returns the repaired text and where in ``text`` it ends.
    """
    tail_byte, end = _terminator(text, stop)
    body = raw[1:]
    if tail_byte is not None:
        body += tail_byte
    right = text[end:end + 1]
    if len(body) % 2:
        # a lead byte whose trail the decoder could not read: only a mark says so
        if end == stop:
            return None
        middle = _decode(body[:-1])
        if middle is None:
            return None
        last = _guess(_with_lead(body[-1]), middle[-1:] or left, right)
    else:
        middle, last = _decode(body), ""
    if middle is None or last is None:
        return None
    first_options = _with_trail(raw[0]) if lead_lost else _with_lead(raw[0])
    following = (middle + last)[:1] or right
    first = _guess(first_options, left, following)
    if first is None:
        return None
    return first + middle + last, end


def _candidates(text: str, start: int, stop: int,
                focus: int) -> Iterator[tuple[int, int, str]]:
    """Every (span start, span end, repaired text) for the run ``text[start:stop]``.

    With a mark before the run, the mark holds the lost byte (possibly with a gloss it
    swallowed, or followed by a full-width sign the page turned into ASCII: ``?!`` was a
    lone lead byte and ``！``). Without one, the byte may have been lost before or inside any
    character near ``focus``.
    """
    raw = b"".join(_bytes(c) or b"" for c in text[start:stop])
    head = text[max(0, start - 8):start]
    gloss = _SWALLOWED_GLOSS.search(head)
    mark = start - len(head) + gloss.start() if gloss else start - head.endswith(tuple(MARKS))
    if mark < start:
        fixed = _realigned(raw, True, text[mark - 1:mark], text, stop)
        if fixed:
            yield mark, fixed[1], fixed[0]
    wide = _bytes(chr(ord(head[-1]) + 0xFEE0)) if head[-1:].isascii() and head[-1:] else None
    if wide and len(head) >= 2 and head[-2] in MARKS:
        fixed = _realigned(wide + raw, True, text[start - 3:start - 2], text, stop)
        if fixed:
            yield start - 2, fixed[1], fixed[0]
    first = max(start, focus - SEARCH_BEFORE)
    for index in range(first, min(stop, focus + SEARCH_AFTER + 1)):
        offset = 2 * (index - start)
        left = text[index - 1:index]
        for lead_lost in (True, False):
            fixed = _realigned(raw[offset:], lead_lost, left, text, stop)
            if fixed:
                yield index, fixed[1], fixed[0]


def repair(text: str, start: int, stop: int, focus: int) -> Repair | None:
    """The best realignment of the double-byte run ``text[start:stop]``, if it is a clear win.

    ``focus`` is the first suspicious character: the lost byte is looked for around it.
    Candidates cover different spans, so each is judged by the whole region they share (the
    union of their spans) as it would read after the repair.
    """
    candidates = [c for c in _candidates(text, start, stop, focus)
                  if model.accepts(text[c[0]:c[1]], c[2], text[c[0] - 1:c[0]],
                                   text[c[1]:c[1] + 1])]
    if not candidates:
        return None
    low = min(c[0] for c in candidates)
    high = max(c[1] for c in candidates)
    left, right = text[low - 1:low], text[high:high + 1]

    def region(candidate: tuple[int, int, str]) -> float:
        span_start, span_end, fixed = candidate
        return model.score(text[low:span_start] + fixed + text[span_end:high], left, right)

    span_start, span_end, fixed = max(candidates, key=region)
    return Repair(span_start, span_end, fixed, "gbk-misaligned")


def run_bounds(text: str, index: int) -> tuple[int, int]:
    """The maximal run of double-byte characters around ``index``."""
    start = index
    while start > 0 and _bytes(text[start - 1]):
        start -= 1
    stop = index
    while stop < len(text) and _bytes(text[stop]):
        stop += 1
    return start, stop
