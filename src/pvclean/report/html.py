"""``pvclean diff --html``: one self-contained page showing what happened to the raw text.

The raw text is shown whole. Every removed span is struck through and coloured by the step
that removed it (one hue per step, one shade per rule, named in a tooltip and the legend);
every changed span shows the raw text struck, an arrow, and what replaced it. Totals per
step and per spam family head the page. No script, font or style sheet is fetched: the
page works offline and can be mailed as one file.
"""

from __future__ import annotations

import html
import zlib
from collections import Counter

from ..pipeline import STEP_NAMES, Result
from .annotate import Segment, annotate

# One hue per step, far apart on the colour wheel.
_HUES = dict(zip(STEP_NAMES, (30, 210, 280, 320, 130, 0, 55), strict=False))
_SHADES = (86, 78, 70, 92)

_STYLE = """
body { font: 14px/1.5 system-ui, sans-serif; margin: 2em; color: #222; }
pre.text { white-space: pre-wrap; word-break: break-all; border: 1px solid #ccc;
           padding: 1em; font: 14px/1.6 ui-monospace, monospace; }
table { border-collapse: collapse; margin: 0 2em 1em 0; display: inline-table; }
td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
del { text-decoration: line-through; }
ins { text-decoration: none; font-weight: bold; background: #dfd; }
.arrow { color: #666; padding: 0 2px; }
.legend span { display: inline-block; margin: 2px 6px 2px 0; padding: 0 6px; }
"""


def render(result: Result, title: str) -> str:
    """The whole page for one cleaned document."""
    segments = annotate(result)
    rules = sorted({(s.change.step, s.change.rule) for s in segments if s.change},
                   key=lambda sr: (STEP_NAMES.index(sr[0]) if sr[0] in STEP_NAMES else 99, sr))
    colours = {rule: _colour(*rule) for rule in rules}
    body = "".join(_segment(s, colours) for s in segments)
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>pvclean: {html.escape(title)}</title><style>{_STYLE}</style></head>\n"
            f"<body><h1>{html.escape(title)}</h1>\n{_totals(result)}\n"
            f"{_legend(result, colours)}\n<pre class=\"text\">{body}</pre></body></html>\n")


def _colour(step: str, rule: str) -> str:
    """Stable per rule: the same rule has the same shade on every page."""
    shade = _SHADES[zlib.crc32(rule.encode()) % len(_SHADES)]
    return f"hsl({_HUES.get(step, 0)}, 70%, {shade}%)"


def _segment(segment: Segment, colours: dict[tuple[str, str], str]) -> str:
    text = html.escape(segment.text)
    change = segment.change
    if change is None:
        return text
    attrs = (f'data-step="{change.step}" data-rule="{html.escape(change.rule)}" '
             f'title="{change.step}: {html.escape(change.rule)}" '
             f'style="background: {colours[change.step, change.rule]}"')
    if change.removed:
        return f"<del {attrs}>{text}</del>"
    after = f'<span class="arrow">→</span><ins>{html.escape(change.after)}</ins>' \
        if segment.last else ""
    return f'<span class="change" {attrs}><del>{text}</del>{after}</span>'


def _totals(result: Result) -> str:
    raw = result.traces[0].input if result.traces else ""
    rows = "".join(f"<tr><td>{step}</td><td>{c['removed']:,}</td><td>{c['changed']:,}</td></tr>"
                   for step, c in result.counts().items())
    spans: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for change in result.changes():
        if change.family:
            spans[change.family] += 1
            chars[change.family] += change.end - change.start
    families = "".join(f"<tr><td>{html.escape(f)}</td><td>{spans[f]:,}</td>"
                       f"<td>{chars[f]:,}</td></tr>" for f in sorted(spans))
    return (f"<p>{len(raw):,} characters in, {len(result.text):,} out "
            f"({len(raw) - len(result.text):,} fewer).</p>\n"
            "<table class=\"totals\"><tr><th>step</th><th>removed</th><th>changed</th></tr>"
            f"{rows}</table>\n"
            "<table class=\"families\"><tr><th>spam family</th><th>spans</th><th>chars</th>"
            f"</tr>{families}</table>")


def _legend(result: Result, colours: dict[tuple[str, str], str]) -> str:
    counts = Counter((c.step, c.rule) for c in result.changes())
    items = "".join(f'<span style="background: {colour}">{step}: {html.escape(rule)} '
                    f"({counts[step, rule]})</span>"
                    for (step, rule), colour in colours.items())
    return f'<div class="legend">{items}</div>'
