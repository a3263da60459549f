"""The pinyin step removes spam glosses and nothing else in parentheses."""

from __future__ import annotations

import pytest

from pvclean.pipeline import LINK_CLOSE, LINK_OPEN, Options, apply_changes
from pvclean.steps import pinyin

REMOVED = [
    # (input, output): glosses after the character they read
    ("歷(lì)史", "歷史"),
    ("這(zhè)裡(lǐ)", "這裡"),
    ("學（xué）校", "學校"),               # full-width parentheses
    ("說(shuo1)話", "說話"),                # tone number
    ("綠(lv4)色", "綠色"),                # v for ü
    ("綠(lǜ)色", "綠色"),
    ("長(cháng)江", "長江"),               # a reading, not the one in context
    ("長(zhǎng)大", "長大"),
    ("銀(yìn)行", "銀行"),                 # wrong tone: readings are tone-insensitive
    ("㐁(tiǎn)", "㐁"),                    # unknown character: the toned syllable decides
    ("啊(a)", "啊"),                      # toneless, but a reading of the character
]

KEPT = [
    "會議(4月2日)召開",
    "代碼(30017)上漲",
    "機構(WTO)表示",
    "公司(AB.HK)股價",
    "你好(nǐ hǎo)",                        # a lesson: several syllables
    "北京(Běijīng)",                      # capitalised, and not one syllable
    "張(Zhāng)",                           # capitalised: a name lesson, not spam
    "案(nǐ)",                              # a syllable, but not a reading of 案
    "方案(a)與方案(b)",                   # toneless and not a reading: a list label
    "寬度(m)",                            # a unit
    "㐁(e)",                              # toneless after a character with no known reading
    "word(guó)",                          # not after a Han character
    "國 (guó)",                           # not directly after it
    "國(gguó)",                            # not a syllable
    "no parentheses at all",
]


@pytest.mark.parametrize(("text", "expected"), REMOVED)
def test_glosses_are_removed(text: str, expected: str) -> None:
    assert pinyin.run(text, Options()).text == expected


@pytest.mark.parametrize("text", KEPT)
def test_other_parentheses_are_kept(text: str) -> None:
    result = pinyin.run(text, Options())
    assert (result.text, result.changes) == (text, [])


def test_trace_names_each_gloss() -> None:
    text = f"{LINK_OPEN}中國(guó){LINK_CLOSE}經(jīng)濟"
    result = pinyin.run(text, Options())
    assert result.text == f"{LINK_OPEN}中國{LINK_CLOSE}經濟"
    assert [(c.rule, c.before) for c in result.changes] == [("gloss", "(guó)"), ("gloss", "(jīng)")]
    assert apply_changes(text, result.changes) == result.text


def test_near_misses_in_bulk_are_kept() -> None:
    # unclosed glosses and overlong words: the bounded pattern rejects each in one step
    text = "國(" + "a" * 10_000 + "國(guó" * 1_000 + "國(guóguóguó)" * 1_000
    assert pinyin.run(text, Options()).changes == []
