"""Which lines are junk, and why: line rules, runs of lines, and position in the document.

The order of the passes matters and is the design:

1. *line rules* that need no context because the evidence is overwhelming — keyword
   stuffing, ad lines, breadcrumbs, emptied-link fragments;
2. *runs*: a list header and the teaser lines under it; a run of teaser-shaped lines
   (dates, trailing ellipses, counters, link text) without a header;
3. *position*: the article's body is bounded by its first and last "anchor" paragraphs
   (prose-shaped lines that carry no chrome key). Before the body, after the title, bylines
   and datelines are chrome; after the body, anything with junk evidence is the page's tail.

Prose-shaped lines are protected everywhere except against overwhelming evidence, and
lexicon terms the article's own paragraphs use are discounted (a health article's headings
may name the disease that ad lines name too). Most verdicts need evidence a line carries
itself, or a header above it; those that read a neighbour or the document's shape can
change once a removal changes what is left, so the head pass repeats until it removes
nothing, and the step (``pvclean.steps.spam.find_cuts``) reads the text it left again.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import fragments, shapes
from .features import Features
from .rules import Label

# Density (share of a line's letters covered by lexicon terms) and distinct terms needed.
AD_DENSITY, AD_DISTINCT = 0.3, 2
STUFFING_DENSITY, STUFFING_DISTINCT = 0.3, 3
# ... and what it takes to remove a prose-shaped line: overwhelming evidence only.
PROSE_DENSITY, PROSE_DISTINCT = 0.5, 5
# A run of teaser-shaped lines without a header: total signal and signal per line.
RUN_SIGNAL, RUN_SIGNAL_PER_LINE = 6.0, 0.8
# A prose line this long ends a list under a header even if it looks like a teaser.
PARAGRAPH_UNITS = 60
# Breadcrumb segments (but the last, which may be the title) are at most this long.
CRUMB_UNITS = 12
# Words-with-separators shape of keyword stuffing: many short segments.
_LIST_SPLIT = re.compile(r"[,,、|]+")
_BLANK_SPLIT = re.compile(r"\s+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LONE_TOKEN = re.compile(r"^[a-z][a-z0-9_.-]{1,19}$")
_CRUMB_SPLIT = re.compile(r"\s?(?:>>?|»|›|→)\s?|\s/\s")

ADS, STUFFING = "ads", "stuffing"
HEAD_FAMILIES = frozenset({"chrome", "related"})


@dataclass(frozen=True)
class Cut:
    """A span of the input to remove (a whole line, or part of one) and why."""

    start: int
    end: int
    label: Label


def topic_terms(features: Sequence[Features]) -> frozenset[str]:
    """Lexicon terms the article's own paragraphs use: evidence of topic, not of ads."""
    return frozenset(term for f in features if f.terms and f.prose and f.key is None
                     for _, term in f.terms)


def _density(f: Features, family: str, topic: frozenset[str]) -> tuple[float, int, Label | None]:
    """Share of the line's letters covered by the family's (off-topic) terms, the number of
    distinct terms, and the most frequent rule among them."""
    if not f.terms:  # most lines: nothing to count
        return 0.0, 0, None
    hits = [(label, term) for label, term in f.terms
            if label[0] == family and term not in topic]
    if not hits or not f.letters:
        return 0.0, 0, None
    covered = sum(len(term) for _, term in hits)
    rule = Counter(label for label, _ in hits).most_common(1)[0][0]
    return covered / f.letters, len({term for _, term in hits}), rule


def _segments(f: Features) -> list[str]:
    """The keywords of a would-be keyword run: comma-separated, or (in Chinese, which does
    not space its words) blank-separated."""
    parts = [p for p in _LIST_SPLIT.split(f.norm) if p.strip()]
    if len(parts) < 4 and f.letters and shapes.cjk_count(f.norm) * 2 >= f.letters:
        parts = [p for p in _BLANK_SPLIT.split(f.norm) if p]
    return parts


def _units_of(segment: str) -> set[str]:
    """What a keyword run repeats: CJK bigrams, or latin words."""
    return _cjk_bigrams(segment) | set(shapes.WORD.findall(segment))


def _repetitive(segments: list[str]) -> bool:
    """Keyword runs repeat their keyword: one unit in most segments of many short ones."""
    if len(segments) < 4 or sum(len(s) for s in segments) / len(segments) > 24:
        return False
    seen: Counter[str] = Counter()
    for segment in segments:
        seen.update(_units_of(segment))
    return bool(seen) and seen.most_common(1)[0][1] >= 0.6 * len(segments)


def stuffing(f: Features, topic: frozenset[str]) -> Label | None:
    """A run of keywords: repetitive short segments, or a dense run of stuffing terms."""
    if not f.prose and not f.terminal and _repetitive(_segments(f)):
        return (STUFFING, "keyword-run")
    density, distinct, rule = _density(f, STUFFING, topic)
    if f.prose:
        return rule if density >= PROSE_DENSITY and distinct >= PROSE_DISTINCT else None
    return rule if density >= STUFFING_DENSITY and distinct >= STUFFING_DISTINCT else None


def ad(f: Features, topic: frozenset[str]) -> Label | None:
    density, distinct, rule = _density(f, ADS, topic)
    if f.prose:
        return rule if density >= PROSE_DENSITY and distinct >= PROSE_DISTINCT - 1 else None
    return rule if density >= AD_DENSITY and distinct >= AD_DISTINCT else None


def breadcrumb(f: Features) -> bool:
    """``首页 > 新闻 > 地方`` or ``Home » News``: short segments joined by arrows."""
    if f.terminal or len(f.norm) > 160:
        return False
    text = shapes.RANK.sub("", f.norm, count=1).strip()
    parts = [p.strip() for p in _CRUMB_SPLIT.split(text)]
    if len(parts) < 3 or not all(parts):
        return False
    return all(shapes.units(p) <= CRUMB_UNITS for p in parts[:-1]) and not all(
        p.replace(".", "").isdigit() for p in parts)


def line_rule(f: Features, topic: frozenset[str]) -> Label | None:
    """Pass 1: verdicts a line earns on its own, wherever it stands."""
    if f.prose and not f.terms:
        return None  # most lines of an article: no lexicon evidence, and shaped like prose
    label = stuffing(f, topic) or ad(f, topic)
    if label:
        return label
    if f.prose:
        return None
    if breadcrumb(f):
        return ("chrome", "breadcrumb")
    if f.empty_brackets and f.units <= fragments.MAX_FRAGMENT_UNITS and not f.terminal:
        return ("injected", "empty-link")
    return None


def anchor(f: Features) -> bool:
    """A paragraph that bounds the body: prose-shaped and not a chrome key line."""
    return f.prose and f.key is None and not (f.marks and f.short)


def _nonblank(features: Sequence[Features], verdicts: list[Label | None],
              start: int, stop: int) -> list[int]:
    return [i for i in range(start, stop) if not features[i].blank and verdicts[i] is None]


def header_runs(features: Sequence[Features], verdicts: list[Label | None]) -> None:
    """Pass 2a: a list header takes the lines under it, up to the next real paragraph."""
    n = len(features)
    i = 0
    while i < n:
        f = features[i]
        if f.blank or verdicts[i] is not None or f.header is None:
            i += 1
            continue
        stop = i + 1
        while stop < n and not (features[stop].prose and features[stop].units >= PARAGRAPH_UNITS):
            stop += 1
        items = _nonblank(features, verdicts, i + 1, stop)
        if stop < n:
            # Give back the heading and lines of the text that resumes after the list.
            while items and features[items[-1]].teaser_signal == 0 and not (
                    features[items[-1]].header or features[items[-1]].ellipsis):
                items.pop()
        if stop < n and not items:
            i += 1  # a header-like line right before a paragraph is a section heading
            continue
        verdicts[i] = f.header
        for j in items:
            verdicts[j] = features[j].header or (f.header[0], "teaser-run")
        i = (items[-1] + 1) if items else stop


def teaser_runs(features: Sequence[Features], verdicts: list[Label | None]) -> None:
    """Pass 2b: a run of teaser-shaped lines with no header (title, snippet..., date)."""
    run: list[int] = []
    for i, f in enumerate([*features, None]):
        if f is not None and (f.blank or verdicts[i] is not None):
            continue
        if f is not None and not f.prose:
            run.append(i)
            continue
        _judge_run(features, verdicts, run)
        run = []


def _judge_run(features: Sequence[Features], verdicts: list[Label | None],
               run: list[int]) -> None:
    if len(run) < 2:
        return  # one line cannot hold the two strong signals a run needs: skip measuring it
    while run and features[run[0]].teaser_signal == 0 and not (
            len(run) > 1 and features[run[1]].ellipsis and not features[run[0]].terminal):
        run = run[1:]
    if not run:
        return
    signals = [features[i].teaser_signal for i in run]
    strong = sum(1 for i in run if features[i].ellipsis or features[i].date_only
                 or features[i].trailing_date or features[i].leading_date or features[i].counter)
    if sum(signals) >= RUN_SIGNAL and sum(signals) / len(run) >= RUN_SIGNAL_PER_LINE \
            and strong >= 2:
        for i in run:
            verdicts[i] = ("related", "teaser-run")


def _near_prefix(short: Features, full: Features) -> bool:
    """``short`` is a truncated (maybe decorated) copy of ``full``: the title duplicate."""
    if short.norm == full.norm:
        return True
    if short.terminal or not len(short.norm) < len(full.norm) <= 3 * len(short.norm):
        return False
    if full.norm.startswith(short.norm):
        return True
    words = shapes.WORD.findall(short.norm)
    if len(words) >= 3:
        full_words = shapes.WORD.findall(full.norm)
        vocabulary = set(full_words)
        last = words[-1]
        truncated = last not in vocabulary and any(w.startswith(last) for w in full_words)
        shared = sum(1 for w in words[:-1] if w in vocabulary) / (len(words) - 1)
        decorated = any(words[d:] == full_words[:len(words) - d]
                        for d in range(1, min(3, len(words) - 2) + 1))
        return (truncated and shared >= 0.6) or decorated
    grams = _cjk_bigrams(short.norm)
    # a pair of ideographs found anywhere in ``full`` is one of its bigrams: no need to
    # build the (long) line's bigram set
    return len(grams) >= 5 and sum(g in full.norm for g in grams) >= 0.7 * len(grams)


def _cjk_bigrams(text: str) -> set[str]:
    return {a + b for run in _CJK_RUN.findall(text) for a, b in itertools.pairwise(run)}


def _head_chrome(f: Features) -> Label | None:
    """Chrome between the title and the first paragraph: bylines, datelines, counters."""
    if f.key and f.key[0][0] in HEAD_FAMILIES and not f.prose:
        return f.key[0]
    if f.date_only or f.word_date:
        return ("chrome", "dateline")
    if _LONE_TOKEN.match(f.line.text) or (f.counter and f.short):
        return ("chrome", "byline")
    if f.marks and f.short:
        return f.marks[0]
    return None


def head(features: Sequence[Features], verdicts: list[Label | None], first: int) -> None:
    """Pass 3a: before the first paragraph — bylines, datelines, a lone nav bullet and the
    truncated duplicate of the title go; the title (the first line left) stays.

    Some of these verdicts read a neighbour: a bullet is nav only if no bullet stands next
    to it, a line is the title's duplicate if the next line extends it. Removing a line
    gives its neighbours new neighbours, and a second run of the step would judge them
    afresh (``• / • / paragraph``: the first bullet goes as the duplicate of the second,
    which is then a lone nav bullet). So after judging every line once, the pass judges
    again the lines a removal gave a new neighbour, until it removes none (``_settle``)."""
    lines = _nonblank(features, verdicts, 0, first)
    for k, i in enumerate(lines):
        neighbours = [features[j] for j in lines[max(0, k - 1):k + 2] if j != i]
        verdicts[i] = _nav(features[i], neighbours) or _head_chrome(features[i])
    kept = _nonblank(features, verdicts, 0, first)
    for i, j in zip(kept, [*kept[1:], first], strict=False):
        if _duplicate(features[i], features[j]):
            verdicts[i] = ("chrome", "title-duplicate")
    _settle(features, verdicts, lines, first)


def _nav(f: Features, neighbours: Sequence[Features]) -> Label | None:
    """A short bulleted line with no bulleted neighbour: a navigation link, not a list."""
    if f.bullet and f.units <= 4 and not any(g.bullet for g in neighbours):
        return ("chrome", "nav")
    return None


def _duplicate(line: Features, following: Features) -> bool:
    return line.short and _near_prefix(line, following)


def _settle(features: Sequence[Features], verdicts: list[Label | None], lines: list[int],
            first: int) -> None:
    """Judge again the head lines next to a removal, with their new neighbours, until none
    is removed. Only those can change (the other verdicts read the line alone), so the
    work stays linear even when each removal uncovers one more duplicate."""
    kept = [i for i in lines if verdicts[i] is None]
    if not kept:
        return
    before = dict(zip(kept, [None, *kept[:-1]], strict=True))
    after = dict(zip(kept, [*kept[1:], first], strict=True))
    todo = _next_to_removals(lines, verdicts)
    while todo:
        uncovered: set[int] = set()
        for i in sorted(todo):
            if verdicts[i] is not None:
                continue
            previous, following = before[i], after[i]
            neighbours = [features[j] for j in (previous, following)
                          if j is not None and j != first]
            label = _nav(features[i], neighbours)
            if label is None and _duplicate(features[i], features[following]):
                label = ("chrome", "title-duplicate")
            if label is None:
                continue
            verdicts[i] = label
            if previous is not None:
                after[previous] = following
                uncovered.add(previous)
            if following != first:
                before[following] = previous
                uncovered.add(following)
        todo = uncovered


def _next_to_removals(lines: list[int], verdicts: list[Label | None]) -> set[int]:
    """The kept lines with a removed line right before or after them."""
    found: set[int] = set()
    last, gap = None, False
    for i in lines:
        if verdicts[i] is not None:
            gap = True
            continue
        if gap:
            found.add(i)
            if last is not None:
                found.add(last)
        last, gap = i, False
    if gap and last is not None:
        found.add(last)
    return found


# A key that ends like a label (``版权声明:``, ``【免责声明】``) introduces a notice, so it takes
# the whole line even when the notice is written as a sentence.
_LABEL_ENDS = (":", "】", "]")


def _tail_junk(f: Features) -> Label | None:
    """After the last paragraph, a line with any junk evidence of its own is the page's."""
    if f.key and (not f.prose or f.key[1].endswith(_LABEL_ENDS)):
        return f.key[0]
    if f.marks and not f.prose:
        return f.marks[0]
    if f.header:
        return f.header
    if f.teaser_signal >= 2:
        return ("related", "teaser-run")
    if f.date_only:
        return ("chrome", "dateline")
    return None


def tail(features: Sequence[Features], verdicts: list[Label | None], last: int) -> None:
    """Pass 3b: after the last paragraph — copyright, credits, stray list items."""
    for i in _nonblank(features, verdicts, last + 1, len(features)):
        verdicts[i] = _tail_junk(features[i])


def classify(features: Sequence[Features]) -> list[Label | None]:
    """One verdict per line: None to keep it, or the (family, rule) that removes it."""
    topic = topic_terms(features)
    verdicts: list[Label | None] = [None if f.blank else line_rule(f, topic) for f in features]
    if any(f.header for f in features):
        header_runs(features, verdicts)
    teaser_runs(features, verdicts)
    anchors = [i for i, f in enumerate(features) if verdicts[i] is None and anchor(f)]
    if anchors:
        head(features, verdicts, anchors[0])
        tail(features, verdicts, anchors[-1])
    return verdicts


def inner_cuts(features: Sequence[Features], verdicts: list[Label | None]) -> list[Cut]:
    """Pass 4: the finer cuts inside kept paragraphs (injected lead, trailing fragment)."""
    cuts: list[Cut] = []
    for f, verdict in zip(features, verdicts, strict=True):
        if verdict is not None or not f.long:
            continue
        lead = fragments.injected_lead(f.line) if f.prose else None
        if lead:
            cuts.append(Cut(*lead, ("injected", "lead-sentence")))
        # the fragment is an emptied link: no empty brackets in the line, no fragment
        trailing = fragments.trailing_fragment(f.line) if f.empty_brackets else None
        if trailing:
            cuts.append(Cut(*trailing, ("injected", "empty-link")))
    return cuts
