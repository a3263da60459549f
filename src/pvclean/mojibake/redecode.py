"""Whole runs decoded with the wrong codec: encode with the codec that misread, decode right.

Each path is a pair (codec the text was wrongly decoded with, codec it really was in):

* UTF-8 read as GBK: ``鍙戝竷`` is 发布 (every 3-byte character became 1½ GBK characters);
  ``锟斤拷`` is two U+FFFD written as UTF-8 and read as GBK: the text was lost before.
* GBK or Big5 read as Latin-1 or cp1252: ``ÖÐÎÄ`` is 中文.
* Big5 read as GBK and GBK read as Big5: a traditional page under the wrong Chinese codec.

A path is kept only when its result reads far more like Chinese than the run (see
:mod:`pvclean.mojibake.model`); the best path wins.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import model

# (misread as, really) — tried in this order; the trace names the path.
PATHS: tuple[tuple[str, str], ...] = (
    ("gbk", "utf-8"),
    ("latin-1", "gbk"),
    ("cp1252", "gbk"),
    ("latin-1", "big5"),
    ("cp1252", "big5"),
    ("gbk", "big5"),
    ("big5", "gbk"),
)
REPLACEMENT = "\ufffd"
# U+FFFD written as UTF-8 and read as GBK (锟斤拷, two of them in six bytes): the text was
# lost before it was misread.
LOST_AS_GBK = re.compile(f"(?:{(REPLACEMENT * 2).encode('utf-8').decode('gbk')})+")


class Redecoded(NamedTuple):
    text: str
    path: str


def _through(run: str, wrong: str, right: str) -> str | None:
    """``run`` re-encoded with ``wrong`` and decoded with ``right``; None if that fails.

    A multi-byte character cut at the run's end (its last byte went with the next
    character) may decode to one U+FFFD there and nowhere else.
    """
    try:
        raw = run.encode(wrong)
    except UnicodeEncodeError:
        return None
    fixed = raw.decode(right, errors="replace")
    if REPLACEMENT in fixed[:-1]:
        return None
    return fixed


def redecode(run: str, left: str = "", right: str = "") -> Redecoded | None:
    """The best codec path for ``run`` if it is a clear win, else None."""
    if LOST_AS_GBK.fullmatch(run):
        # the honest repair is the U+FFFD the run stands for, not the noise
        return Redecoded(REPLACEMENT * (len(run) // 3 * 2), "utf-8-replacement-read-as-gbk")
    best: tuple[float, Redecoded] | None = None
    for wrong, really in PATHS:
        fixed = _through(run, wrong, really)
        if fixed is None or fixed == run or not model.accepts(run, fixed, left, right):
            continue
        new = model.score(fixed, left, right)
        if best is None or new > best[0]:
            best = (new, Redecoded(fixed, f"{really}-read-as-{wrong}"))
    return best[1] if best else None
