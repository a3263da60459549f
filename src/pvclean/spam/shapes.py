"""Structural patterns: the shapes page chrome and link lists take, in any wording.

All patterns run on a line in its normalized form (NFKC, lower case). Every repetition is
bounded or over a single character class, and none nests, so matching stays linear on a
1 MB line.
"""

from __future__ import annotations

import re

_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
           "april|june|july|august|september|october|november|december")
_TIME = r"(?:\s{0,2}\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?)?"
# A calendar date in the forms pages print: 2024-07-25, 2024/7/25, 2024.07.25,
# 2024年7月25日, 7月25日, Jul 25, 2024, 25 July 2024 — with an optional time after it.
DATE = (r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日?|\d{1,2}月\d{1,2}日"
        rf"|(?:{_MONTHS})\.?\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s(?:{_MONTHS})\.?,?\s\d{{4}})"
        + _TIME)
_WEEKDAY = r"(?:\s{0,2}(?:星期|周)[一二三四五六日天])?"
_OPEN, _CLOSE = r"[\[(【]?", r"[\])】]?"

# The whole line is a date (or a clock time, or a relative age: "3小时前", "2 hours ago").
DATE_ONLY = re.compile(
    rf"^{_OPEN}(?:{DATE}{_WEEKDAY}|\d{{1,2}}-\d{{1,2}}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"|\d{1,3}\s?(?:分钟|小时|天)前|\d{1,3}\s(?:minutes?|hours?|days?)\sago)"
    rf"{_CLOSE}$")
# A list item that ends with its date: "某某标题 2024-07-25", "Title [07-25]".
TRAILING_DATE = re.compile(
    rf"(?:\s|^|[\[(【])(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}-\d{{1,2}}){_TIME}"
    rf"{_CLOSE}$")
# The longest TRAILING_DATE match: a blank, a full date, a time with seconds and "pm", a
# bracket (1 + 10 + 13 + 1).
_TRAILING_DATE_REACH = 25
# A list item that starts with its date, bracketed or without the year: "[2024-07-25] 标题",
# "06-12 标题". (A bare "2019-03-01 公司成立" may be a timeline in the article: not counted.)
LEADING_DATE = re.compile(r"^(?:[\[(【]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\])】]|\d{1,2}-\d{1,2}\s)")
# A short word glued to a date, the category+date line under a title: "体育2021年06月02日".
WORD_DATE = re.compile(rf"^[^\d\s]{{1,12}}\s?{DATE}$")
# A view/comment counter: "阅读(1234)", "浏览 56 次", "1,234 views".
COUNTER = re.compile(
    r"(?:阅读|浏览|点击|评论|views?|reads?|comments?)\s?[:(]?\s?\d[\d,]{0,9}"
    r"|\d[\d,]{0,9}\s?(?:次浏览|次阅读|人阅读|人浏览|条评论|views|reads|comments)")
# The rank or number a list item starts with: "1.", "02、", "[3]", "No.4", "TOP5".
RANK = re.compile(r"^(?:\d{1,3}\s?[.、)]|[\[(【]\d{1,3}[\])】]|no\.\s?\d{1,3}|top\s?\d{1,3})")
# Truncation: teasers end in "..." or "…" (NFKC turns "…" into "...").
ELLIPSIS_END = re.compile(r"(?:\.{2,}|。{2,})[\"'”’」』)\]]?$")
# The most of a line's end that ELLIPSIS_END needs to see: two dots and a closer.
_ELLIPSIS_REACH = 3
# A bullet that opens a navigation line: "• Detail".
BULLET = re.compile(r"^[•·▪►▸◆◇■□●○]\s?")
# An emptied link: the text of a link whose target was dropped, "glass () Department".
EMPTY_BRACKETS = re.compile(r"\(\s?\)|\[\s?\]|【\s?】")
# A latin word, and a run of CJK ideographs (for sizing a line).
WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
SENTENCE_END_INSIDE = re.compile(r"[.!?](?:[\"'”’)]?)\s|[。!?]")

TERMINAL = frozenset("。.!?;…")
CLOSERS = frozenset("\"'”’」』)]》")


_NOT_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")
_BLANKS = re.compile(r"\s+")


def cjk_count(text: str) -> int:
    """CJK ideographs in ``text`` (one C-speed pass, no Python loop per character)."""
    return len(_NOT_CJK.sub("", text))


def visible_count(text: str) -> int:
    return len(_BLANKS.sub("", text))


def units(text: str) -> int:
    """Size in "units": CJK ideographs and latin words alike, so one threshold serves both."""
    return cjk_count(text) + len(WORD.findall(text))


def _found_at_end(pattern: re.Pattern[str], text: str, reach: int) -> bool:
    """Whether ``pattern``, which ends with ``$`` and matches at most ``reach`` characters,
    is found in ``text``. Only the last ``reach`` characters are searched: an unanchored
    search of the whole line would try every position of a long paragraph. (``^`` does not
    match at a search's start position, so a pattern's ``^`` keeps its meaning.)"""
    return pattern.search(text, max(0, len(text) - reach)) is not None


def ends_with_ellipsis(text: str) -> bool:
    return _found_at_end(ELLIPSIS_END, text, _ELLIPSIS_REACH)


def ends_with_date(norm: str) -> bool:
    return _found_at_end(TRAILING_DATE, norm, _TRAILING_DATE_REACH)


def ends_sentence(norm: str) -> bool:
    """The line ends like a sentence: a terminal mark, maybe inside closing quotes."""
    end = norm.rstrip()
    while end and end[-1] in CLOSERS:
        end = end[:-1]
    return bool(end) and end[-1] in TERMINAL and not ends_with_ellipsis(end)
