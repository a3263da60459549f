"""What the classifier knows about one line: cheap measurements, computed once.

Sizes count CJK ideographs and latin words alike ("units"), so that one threshold serves
Chinese and English. Lexicon hits are kept term by term: the classifier discounts terms the
article itself is about (see ``classify.topic_terms``).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import shapes
from .lines import Line
from .rules import Label, RuleSet, normalize

# A line this long (in units) can be a paragraph; shorter lines are titles, items, chrome.
LONG_UNITS = 20
# A line of at most this many units is "short": a teaser title, a heading, a byline.
SHORT_UNITS = 40


@dataclass(frozen=True)
class Features:
    line: Line
    norm: str
    units: int
    letters: int
    terminal: bool
    ellipsis: bool
    sentences: int
    link_share: float
    date_only: bool
    trailing_date: bool
    leading_date: bool
    word_date: bool
    counter: bool
    rank: bool
    bullet: bool
    empty_brackets: bool
    header: Label | None
    key: tuple[Label, str] | None
    marks: tuple[Label, ...]
    terms: tuple[tuple[Label, str], ...]

    @property
    def blank(self) -> bool:
        return self.line.blank

    @property
    def long(self) -> bool:
        return self.units >= LONG_UNITS

    @property
    def short(self) -> bool:
        return self.units <= SHORT_UNITS

    @property
    def prose(self) -> bool:
        """Shaped like a paragraph of the article: long, ending like (or holding) sentences,
        not truncated, not mostly link text."""
        return (self.long and not self.ellipsis and self.link_share < 0.5
                and (self.terminal or self.sentences >= 2))

    @property
    def teaser_signal(self) -> float:
        """How much this line looks like an item of a link list, on its own."""
        score = 0.0
        if self.ellipsis:
            score += 2
        if self.date_only or self.trailing_date or self.leading_date:
            score += 2
        if self.counter:
            score += 1
        if self.link_share >= 0.6:
            score += 1
            if self.rank:
                score += 0.5
        return score


def measure(line: Line, rules: RuleSet) -> Features:
    norm = normalize(line.text)
    cjk = shapes.cjk_count(norm)
    words = shapes.WORD.findall(norm)
    letters = cjk + sum(len(w) for w in words)
    visible = shapes.visible_count(line.text)
    sentences = 0
    for _ in shapes.SENTENCE_END_INSIDE.finditer(norm):
        sentences += 1
        if sentences == 3:
            break
    return Features(
        line=line,
        norm=norm,
        units=cjk + len(words),
        letters=letters,
        terminal=shapes.ends_sentence(norm),
        ellipsis=bool(shapes.ELLIPSIS_END.search(norm)),
        sentences=sentences,
        link_share=line.link_chars / visible if visible else 0.0,
        date_only=bool(shapes.DATE_ONLY.match(norm)),
        trailing_date=bool(shapes.TRAILING_DATE.search(norm)),
        leading_date=bool(shapes.LEADING_DATE.match(norm)),
        word_date=bool(shapes.WORD_DATE.match(norm)),
        counter=bool(shapes.COUNTER.search(norm)),
        rank=bool(shapes.RANK.match(norm)),
        bullet=bool(shapes.BULLET.match(norm)),
        empty_brackets=bool(shapes.EMPTY_BRACKETS.search(norm)),
        header=rules.header(line.text),
        key=rules.key(norm),
        marks=tuple(rules.marks_in(norm)) if len(norm) <= 200 else (),
        terms=tuple(rules.terms_in(norm)),
    )
