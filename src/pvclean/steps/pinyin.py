"""Pinyin glosses: the simplest honest version (a toned syllable in parentheses after Han)."""

from __future__ import annotations

import re

from ..pipeline import ChangeBuilder, Options, StepResult

NAME = "pinyin"
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def run(text: str, options: Options) -> StepResult:
    if "(" not in text and "（" not in text:
        return StepResult(text, [])
    builder = ChangeBuilder(NAME, text)
    for match in _GLOSS.finditer(text):
        builder.remove(match.start(), match.end(), "gloss")
    return builder.result()
