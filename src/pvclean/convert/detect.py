"""Which traditional Chinese a text is written in: OpenCC standard, Taiwan or Hong Kong.

Mirror sites serve text converted to Taiwan or Hong Kong traditional (著 for the aspect
particle 着, 揹, 衞, regional spellings). Converted with the plain t2s tables that text keeps
those forms (忙碌著 stays 忙碌著), so the variant chain must be chosen per document.

The decision reads the first :data:`SAMPLE` characters:

* **evidence for a region** is the number of the region's own characters whose conversion
  through that region's chain (tw2s, hk2s), in a few characters of context, differs from the
  standard t2s result. Phrase exceptions are
  part of the chains, so 著名, 著作 or 顯著 give no evidence: only 著 where Taiwan usage
  means 着 does;
* **evidence against it** is the number of characters the region spells differently but the
  text spells the standard way (着 itself argues against Taiwan);
* **the text must read as traditional**: characters only traditional text uses, plus the
  region evidence, must outnumber characters only simplified text uses (国, 这, 们).

A region wins with positive net evidence in a traditional text, the larger one if both do.
Mainland text therefore never takes a regional chain: 著名 and 显著 stay as they are, and a
simplified document with one stray 著 is outvoted by its simplified characters.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import dictionaries
from .convert import convert
from .tables import char_class, table

# A thousand characters carry plenty of evidence; a longer sample only costs time.
SAMPLE = 1_000
REGIONS = ("tw", "hk")
VARIANT_PASS = {"tw": "TWVariantsRev", "hk": "HKVariantsRev"}


@functools.cache
def _simplified_only() -> re.Pattern[str]:
    """Characters that simplified-to-traditional conversion always changes (国, 这…)."""
    forward = dictionaries.load("STCharacters")
    return re.compile(char_class({k for k, v in forward.items() if len(k) == 1 and v != k}))


@functools.cache
def _standard_forms(region: str) -> re.Pattern[str]:
    """Standard traditional characters the region writes differently (着 for Taiwan)."""
    reverse = dictionaries.load(VARIANT_PASS[region])
    return re.compile(char_class({v for k, v in reverse.items() if len(k) == 1 and v != k}))


@functools.cache
def _region_chars(region: str) -> re.Pattern[str]:
    """Characters the region's chain converts differently from the standard one (著, 衞)."""
    std, regional = table("std"), table(region)
    chars = {chr(c) for c, out in regional.chars.items() if std.chars.get(c, chr(c)) != out}
    return re.compile(char_class(chars))


# Characters of context on each side of a regional character: enough for any phrase that
# protects it (著名, 顯著), small enough that detection converts a few windows, not the text.
_WINDOW = 4


def _region_evidence(sample: str, region: str) -> int:
    """Regional characters whose conversion really differs in context (phrases decide),
    less the standard forms the region would not write."""
    std, regional = table("std"), table(region)
    evidence = 0
    for match in _region_chars(region).finditer(sample):
        window = sample[max(0, match.start() - _WINDOW):match.end() + _WINDOW]
        evidence += convert(window, std) != convert(window, regional)
    return evidence - len(_standard_forms(region).findall(sample))


class Reading(NamedTuple):
    region: str        # "std", "tw" or "hk": the chain to convert with
    simplified: bool   # a standard-chain text that reads as simplified (see t2s.run)


def read(text: str) -> Reading:
    """The chain for ``text``, and whether it reads as simplified, from one sample count."""
    sample = text[:SAMPLE]
    traditional = sum(map(len, table("std").char_run.findall(sample)))
    simplified = len(_simplified_only().findall(sample))
    if not traditional and simplified:
        return Reading("std", True)  # simplified text (the common case): no regional chain
    scores = {r: _region_evidence(sample, r) for r in REGIONS}
    region = max(REGIONS, key=lambda r: scores[r])
    if scores[region] > 0 and traditional + scores[region] > simplified:
        return Reading(region, False)
    return Reading("std", simplified > traditional)


def detect(text: str) -> str:
    """``"tw"``, ``"hk"`` or ``"std"`` (OpenCC standard traditional, or not traditional)."""
    return read(text).region


def may_convert(text: str) -> bool:
    """Does the text hold a character standard t2s converts on its own (們, 這)? One scan of
    a character class; false for simplified text, which then costs nothing more. Regional
    characters alone (么, 著) do not count: they are ordinary simplified characters too, and
    Taiwan or Hong Kong text always has standard traditional characters besides."""
    return table("std").char_run.search(text) is not None
