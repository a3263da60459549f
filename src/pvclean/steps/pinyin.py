"""Pinyin glosses: the reading spam mirrors put after each character they converted.

Mirror sites convert an article to traditional characters and write the first reading of
each converted character after it: ``中國(guó)西藏網(wǎng)``, or ``國（guó）``. A gloss is
removed only when all of this holds, so that the parentheses of real text stay:

* it directly follows a Han character: ``(3月14日)`` after a digit or ``(NDRC)`` after a
  space never qualifies;
* it holds exactly one lower-case pinyin syllable of the inventory, tone-marked (``guó``)
  or tone-numbered (``guo2``), or toneless: ``(02015)``, ``(JKS.US)``, a lesson's
  ``(nǐ hǎo)`` or capitalised ``(Běijīng)`` are not one syllable;
* when the character's readings are known, the syllable is one of them, tones ignored
  (converters gloss the dictionary reading, not the tone spoken in context): ``案(àn)`` is a
  gloss, ``案(nǐ)`` is not;
* a toneless syllable — ``(a)``, ``(e)``, ``(n)``, ``(m)`` are as often list labels or units —
  is removed only when it is a known reading of the character; an unknown character needs a
  tone mark or number.

The step runs after ``mojibake``: spam pages interleave glosses with misaligned GBK runs
(``碑a(chǎn)``), and only after the repair does the gloss follow its character (``產(chǎn)``).
"""

from __future__ import annotations

import re

from ..convert.pinyin_readings import readings, syllable
from ..pipeline import ChangeBuilder, Options, StepResult

NAME = "pinyin"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_LETTERS = "a-z:āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c"
# A Han character, then one parenthesised word of pinyin letters (ASCII or full-width
# parentheses). Fixed width before, bounded repetition inside: linear on any input.
_GLOSS = re.compile(f"([{_HAN}])[(（]([{_LETTERS}]{{1,7}}[1-5]?)[)）]")
_OPENERS = re.compile("[(（]")


def is_gloss(char: str, spelling: str) -> bool:
    """Is ``(spelling)`` after ``char`` the spam pattern (see the module docstring)?"""
    found = syllable(spelling)
    if found is None:
        return False
    known = readings(char)
    if known:
        return found.base in known
    return found.toned


def run(text: str, options: Options) -> StepResult:
    if not _OPENERS.search(text):
        return StepResult(text, [])
    builder = ChangeBuilder(NAME, text)
    for match in _GLOSS.finditer(text):
        if is_gloss(match.group(1), match.group(2)):
            builder.remove(match.end(1), match.end(), "gloss")
    return builder.result()
