"""Mojibake: repair text decoded with the wrong codec, and leave correct text byte-identical.

The work is in :mod:`pvclean.mojibake`: ftfy (with options that never touch legitimate
text) for UTF-8 read as Latin-1/cp1252/MacRoman, and plausibility-judged re-decoding for
what Chinese scrapes add: GBK runs misaligned by a lost byte, UTF-8 read as GBK, GBK or Big5
read as Latin-1, Big5 and GBK confused. Every repair is a change whose rule names the codec
path; a suspicious run that no repair makes plausible is left as it was.
"""

from __future__ import annotations

from ..mojibake.scan import repair_text
from ..pipeline import Options, StepResult

NAME = "mojibake"


def run(text: str, options: Options) -> StepResult:
    outcome = repair_text(text, NAME)
    return StepResult(outcome.text, outcome.changes)
