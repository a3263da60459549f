"""Mojibake: repair text decoded with the wrong codec, and leave correct text byte-identical.

The work is in :mod:`pvclean.mojibake`: ftfy (with options that never touch legitimate
text) for UTF-8 read as Latin-1/cp1252/MacRoman, and plausibility-judged re-decoding for
what Chinese scrapes add: GBK runs misaligned by a lost byte, UTF-8 read as GBK, GBK or Big5
read as Latin-1, Big5 and GBK confused. Every repair is a change whose rule names the codec
path. A suspicious run that no repair makes plausible is left as it was; the step result
has no place for those, so they are counted in the log (``repair_text`` returns them).
"""

from __future__ import annotations

import logging

from ..mojibake.scan import repair_text
from ..pipeline import Options, StepResult

NAME = "mojibake"
log = logging.getLogger(__name__)


def run(text: str, options: Options) -> StepResult:
    outcome = repair_text(text, NAME)
    if outcome.unrepaired:
        log.debug("%d suspicious run(s) left as they were", len(outcome.unrepaired))
    return StepResult(outcome.text, outcome.changes)
