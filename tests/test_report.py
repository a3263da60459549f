"""diff and explain as views over the traces: spans carried back to the raw text, rows in
order, the HTML page, and the text diffs."""

from __future__ import annotations

from html.parser import HTMLParser

import click
import pytest

from pvclean.pipeline import Change, Pipeline, Result, StepTrace
from pvclean.report.annotate import annotate
from pvclean.report.diff import diff_lines, fit, stat
from pvclean.report.explain import format_rows, rows, shorten
from pvclean.report.html import render
from pvclean.report.spans import LineIndex, OffsetMap, SpanMapper

RAW = (
    "<div><p>中國(guó)的經濟發展很快。專家認爲明年還會繼續。</p>\n"
    "<p>The economy grew fast &amp; experts expect more.</p>\n"
    "相关文章：\n上一篇：旧闻一则\n下一篇：新闻两则\n</div>\n"
)


def _trace(step: str, text: str, spans: list[tuple[int, int, str]]) -> tuple[StepTrace, str]:
    """A hand-made trace of ``step`` on ``text`` and its output."""
    changes = [Change(step, "r", s, e, text[s:e], after) for s, e, after in spans]
    out, pos = [], 0
    for c in changes:
        out += [text[pos:c.start], c.after]
        pos = c.end
    return StepTrace(step, text, changes), "".join(out) + text[pos:]


# raw:  "<b>AB</b> C&amp;D"   step 1 drops the tags and decodes the entity;
# then: "AB C&D"              step 2 drops "B C" and rewrites "&" as "and".
RAW_SMALL = "<b>AB</b> C&amp;D"
FIRST, MIDDLE = _trace("html", RAW_SMALL, [(0, 3, ""), (5, 9, ""), (11, 16, "&")])
SECOND, FINAL = _trace("spam", MIDDLE, [(1, 4, ""), (4, 5, "and")])


def test_hand_made_traces_are_consistent() -> None:
    assert MIDDLE == "AB C&D"
    assert FINAL == "AandD"


@pytest.mark.parametrize(("start", "end", "raw"), [
    (0, 1, "A"),             # before any change: same text
    (1, 4, "B</b> C"),       # spans a removed tag: the tag is inside the raw span
    (4, 5, "&amp;"),         # a replacement maps to the whole span it replaced
    (5, 6, "D"),             # after every change: shifted by what went before
    (0, 6, RAW_SMALL[3:]),   # the leading tag went before the first character
    (6, 6, ""),              # the end of the text is the end of the raw text
])
def test_span_of_a_later_step_maps_to_the_raw_text(start: int, end: int, raw: str) -> None:
    mapper = SpanMapper([FIRST, SECOND])
    raw_start, raw_end = mapper.to_raw(1, start, end)
    assert RAW_SMALL[raw_start:raw_end] == raw


def test_first_step_spans_are_raw_spans() -> None:
    assert SpanMapper([FIRST, SECOND]).to_raw(0, 5, 9) == (5, 9)


def test_offset_map_lengths() -> None:
    offset_map = OffsetMap(FIRST.changes, len(RAW_SMALL))
    assert offset_map.output_length == len(MIDDLE)
    assert offset_map.char(4) == (11, 16)  # the "&" came from "&amp;"


def test_every_real_change_maps_onto_its_before_text() -> None:
    """For the real pipeline: a change's raw span, once earlier steps are re-applied to it,
    holds exactly the change's ``before`` text."""
    result = Pipeline().run(RAW)
    mapper = SpanMapper(result.traces)
    assert result.changes()
    for index, trace in enumerate(result.traces):
        for change in trace.changes:
            start, end = mapper.to_raw(index, change.start, change.end)
            assert 0 <= start <= end <= len(RAW)
            assert change.before in _replay(result, index, start, end)


def _replay(result: Result, index: int, start: int, end: int) -> str:
    """The raw slice as it stands after the steps before ``index`` (for the check above)."""
    text = RAW[start:end]
    for trace in result.traces[:index]:
        for change in trace.changes:
            text = text.replace(change.before, change.after) if change.before else text
    return text


@pytest.mark.parametrize(("text", "pos", "line"), [
    ("a\nb\nc", 0, 1), ("a\nb\nc", 1, 1), ("a\nb\nc", 2, 2), ("a\nb\nc", 4, 3), ("", 0, 1),
])
def test_line_index(text: str, pos: int, line: int) -> None:
    assert LineIndex(text).line(pos) == line


def test_explain_rows_are_in_raw_order_with_raw_line_numbers() -> None:
    result = Pipeline().run(RAW)
    found = rows(result)
    assert len(found) == len(result.changes())
    assert [r.raw_start for r in found] == sorted(r.raw_start for r in found)
    raw_lines = RAW.splitlines(keepends=True)
    for row in found:
        if row.change.removed and row.change.step in ("html", "spam"):
            assert row.change.before.strip() in raw_lines[row.line - 1] + raw_lines[-1]


def test_explain_places_a_spam_line_on_its_raw_line() -> None:
    found = rows(Pipeline().run(RAW), steps=frozenset({"spam"}))
    teasers = [r for r in found if "旧闻" in r.change.before]
    assert teasers and teasers[0].line == 4


@pytest.mark.parametrize(("steps", "families"), [
    (frozenset({"t2s"}), frozenset()),
    (frozenset(), frozenset({"related"})),
])
def test_explain_filters(steps: frozenset[str], families: frozenset[str]) -> None:
    found = rows(Pipeline().run(RAW), steps=steps, families=families)
    assert found
    assert all((not steps or r.change.step in steps)
               and (not families or r.change.family in families) for r in found)


def test_explain_format_shows_before_and_after() -> None:
    lines = list(format_rows(rows(Pipeline().run(RAW), steps=frozenset({"t2s"}))))
    assert any("國的經濟" in line and " → 国的经济" in line for line in lines)
    assert all(line.split()[0].isdigit() for line in lines)


@pytest.mark.parametrize(("text", "width", "short"), [
    ("abc", 10, "abc"),
    ("a\nb", 10, "a⏎b"),
    ("0123456789", 5, "01…89"),
    ("相关文章相关文章相关文章", 7, "相关文…关文章"),
])
def test_shorten(text: str, width: int, short: str) -> None:
    assert shorten(text, width) == short


def test_annotation_covers_the_raw_text_once() -> None:
    result = Pipeline().run(RAW)
    segments = annotate(result)
    assert "".join(s.text for s in segments) == RAW
    removed = "".join(s.text for s in segments if s.change and s.change.removed)
    assert "相关文章" in removed and "&amp;" not in removed


class _Page(HTMLParser):
    """Collects the text of every <del> that carries a step, and any external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.removed: dict[str, list[str]] = {}
        self.external: list[str] = []
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or "src" in found or "href" in found:
            self.external.append(tag)
        if tag == "del":
            self._open.append(found.get("data-step"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "del":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1]:
            self.removed.setdefault(self._open[-1], []).append(data)


def test_html_page_parses_and_strikes_every_removed_span() -> None:
    result = Pipeline().run(RAW)
    page = _Page()
    page.feed(render(result, "fixture.html"))
    page.close()
    assert page.external == []
    for segment in annotate(result):
        if segment.change and segment.change.removed and segment.text:
            assert segment.text in "".join(page.removed[segment.change.step])
    # removals whose raw text no earlier step touched appear verbatim
    for change in result.changes():
        if change.removed and change.step in ("html", "spam"):
            assert change.before in "".join(page.removed[change.step])


def test_html_page_shows_changes_before_and_after_and_totals() -> None:
    page = render(Pipeline().run(RAW), "fixture.html")
    assert "<del>國</del>" in page and "<ins>国的经济" in page
    assert "<td>spam</td>" in page and "<td>related</td>" in page


def test_unified_diff_plain_lines() -> None:
    lines = list(diff_lines("a\nb\nc\n", "a\nc\n", "f.txt"))
    assert lines[:2] == ["--- a/f.txt", "+++ b/f.txt"]
    assert "-b" in [click.unstyle(line) for line in lines]


def test_side_by_side_marks_and_widths() -> None:
    lines = [click.unstyle(line) for line in
             diff_lines("同一行\n垃圾\n", "同一行\n", "f", side_by_side=True, width=23)]
    # two columns of (23 - 3) // 2 = 10, each Chinese character two wide
    assert lines == ["同一行" + " " * 7 + "同一行", "垃圾" + " " * 7 + "<"]


@pytest.mark.parametrize(("text", "columns", "fitted"), [
    ("abc", 5, "abc  "), ("中文字", 5, "中文 "), ("abcdef", 3, "abc"),
])
def test_fit_counts_wide_characters_twice(text: str, columns: int, fitted: str) -> None:
    assert fit(text, columns) == fitted


def test_stat_counts_steps() -> None:
    lines = list(stat(Pipeline().run(RAW)))
    assert lines[0].startswith(f"{len(RAW):,} characters")
    assert any(line.split()[0] == "spam" for line in lines)
