"""What the classifier knows about one line: measurements taken once, and only when asked.

Sizes count CJK ideographs and latin words alike ("units"), so that one threshold serves
Chinese and English. Lexicon hits are kept term by term: the classifier discounts terms the
article itself is about (see ``classify.topic_terms``).

Speed is the reason for the shape of :class:`Features`: the size of every line is needed,
and its lexicon hits come from one scan of the whole document (``RuleSet.scan``), but most
shape tests (dates, counters, ranks, bullets...) only matter for the short lines of lists,
chrome and the head and tail of the page. They are cached properties, taken on first use,
so that a paragraph of the article pays for none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Generic, TypeVar

from . import shapes
from .lines import Line
from .rules import Hits, Label, RuleSet, normalize

# A line this long (in units) can be a paragraph; shorter lines are titles, items, chrome.
LONG_UNITS = 20
# A line of at most this many units is "short": a teaser title, a heading, a byline.
SHORT_UNITS = 40

T = TypeVar("T")


class lazy(Generic[T]):
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first
    access, which costs more than most of the measurements it guards). The value goes into
    the instance's ``__dict__``, where later lookups find it before this descriptor."""

    def __init__(self, compute: Callable[[Features], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, features: Features, owner: type | None = None) -> T:
        value = self.compute(features)
        features.__dict__[self.name] = value
        return value


class Features:
    """One line, its normalized text ``norm``, its size, its lexicon hits and its shape."""

    def __init__(self, line: Line, norm: str, hits: Hits, rules: RuleSet) -> None:
        self.line = line
        self.norm = norm
        self.blank = line.blank
        self.key: tuple[Label, str] | None = hits.key
        self.marks: tuple[Label, ...] = hits.marks
        self.terms: tuple[tuple[Label, str], ...] = hits.terms
        if self.blank:  # a third of the lines of most texts: nothing to measure
            self.header = None
            self.units = self.letters = 0
            return
        self.header = rules.header(line.text)
        cjk = 0 if norm.isascii() else shapes.cjk_count(norm)  # isascii() reads a flag
        unworded, words = shapes.WORD.subn("", norm)
        self.units = cjk + words
        # ideographs and the characters of latin words: what lexicon density is a share of
        self.letters = cjk + len(norm) - len(unworded)

    def moved(self, line: Line) -> Features:
        """These features for a line with the same text at another place: every measurement
        taken so far comes along."""
        twin = object.__new__(Features)
        twin.__dict__.update(self.__dict__)
        twin.line = line
        return twin

    @property
    def long(self) -> bool:
        return self.units >= LONG_UNITS

    @property
    def short(self) -> bool:
        return self.units <= SHORT_UNITS

    @lazy
    def prose(self) -> bool:
        """Shaped like a paragraph of the article: long, ending like (or holding) sentences,
        not truncated. Link share does not count here: the marks are gone once the text is
        clean, so a paragraph judged by them would be judged differently on a second clean
        (and a whole paragraph wrapped in a link is still the article's paragraph)."""
        return self.long and not self.ellipsis and (self.terminal or self.sentences >= 2)

    @lazy
    def terminal(self) -> bool:
        return shapes.ends_sentence(self.norm)

    @lazy
    def ellipsis(self) -> bool:
        return shapes.ends_with_ellipsis(self.norm)

    @lazy
    def sentences(self) -> int:
        """Sentence ends inside the line, counted up to 3 (all the classifier asks)."""
        count = 0
        for _ in shapes.SENTENCE_END_INSIDE.finditer(self.norm):
            count += 1
            if count == 3:
                break
        return count

    @lazy
    def link_share(self) -> float:
        if not self.line.link_chars:
            return 0.0
        visible = shapes.visible_count(self.line.text)
        return self.line.link_chars / visible if visible else 0.0

    @lazy
    def date_only(self) -> bool:
        return bool(shapes.DATE_ONLY.match(self.norm))

    @lazy
    def trailing_date(self) -> bool:
        return shapes.ends_with_date(self.norm)

    @lazy
    def leading_date(self) -> bool:
        return bool(shapes.LEADING_DATE.match(self.norm))

    @lazy
    def word_date(self) -> bool:
        return bool(shapes.WORD_DATE.match(self.norm))

    @lazy
    def counter(self) -> bool:
        return bool(shapes.COUNTER.search(self.norm))

    @lazy
    def rank(self) -> bool:
        return bool(shapes.RANK.match(self.norm))

    @lazy
    def bullet(self) -> bool:
        return bool(shapes.BULLET.match(self.norm))

    @lazy
    def empty_brackets(self) -> bool:
        return bool(shapes.EMPTY_BRACKETS.search(self.norm))

    @lazy
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


def measure_all(lines: Sequence[Line], rules: RuleSet,
                known: Mapping[str, Features] | None = None) -> list[Features]:
    """The features of every line; the lexicons scan all the lines in one pass.

    ``known`` maps the raw text of lines measured before to their features. What a line
    measures depends on its text alone, and when the step reads the text it has left again
    most lines are unchanged: those are not measured (nor scanned) twice."""
    if known:
        fresh = iter(measure_all([line for line in lines if line.raw not in known], rules))
        return [known[line.raw].moved(line) if line.raw in known else next(fresh)
                for line in lines]
    norms = [normalize(line.text) for line in lines]
    return [Features(line, norm, hits, rules)
            for line, norm, hits in zip(lines, norms, rules.scan(norms), strict=True)]
