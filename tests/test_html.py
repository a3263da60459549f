"""The html step: real markup goes, every word of text stays, and the trace says what went."""

from __future__ import annotations

import time

import pytest

from pvclean.markup import elements
from pvclean.pipeline import LINK_CLOSE, LINK_OPEN, Change, Options, apply_changes
from pvclean.steps.html import run

OPTIONS = Options()
OPEN, CLOSE = LINK_OPEN, LINK_CLOSE


def clean(text: str) -> str:
    return run(text, OPTIONS).text


def rules(text: str) -> list[str]:
    return [change.rule for change in run(text, OPTIONS).changes]


# ---------------------------------------------------------------- markup that goes

TAG_SOUP = [
    # random ids on any element name, at the top, between paragraphs and at the bottom
    ('<span id="qkwz"></span><dfn id="qkwz"><kbd id="qkwz"></kbd></dfn>\n太阳能电站今年并网。',
     "\n太阳能电站今年并网。"),
    ('第一段讲装机容量。\n<bdo id="rtm"></bdo><sub id="rtm"><var id="rtm"></var></sub>\n'
     "第二段讲电价。",
     "第一段讲装机容量。\n\n第二段讲电价。"),
    ("The plant opened in May.\n<samp id=xv></samp><ins id=xv><wbr id=xv></ins>",
     "The plant opened in May.\n"),
    # names no browser knows: markup because of a valued attribute, a self-close, or a pair
    ('<zqmfa data-k="1"></zqmfa>风电<kvzt/>项目<pwrb></pwrb>开工', "风电项目开工"),
    ('<noscript id="mm"><meter id="mm"></meter></noscript><rt id="mm"><thead id="mm">'
     "</thead></rt>正文开始", "正文开始"),
    ("<O:P></O:P>Office markup<o:p>&nbsp;</o:p>", "Office markup\u00a0"),
]

REMOVED_WHOLE = [
    ("<script>var n = 1; if (n<2) { go('<p>'); }</script>储能项目", "储能项目"),
    ('<script type="text/javascript">\n  window.x = "</div>";\n</SCRIPT >Grid news', "Grid news"),
    ("<style>p { color: red } a>b { x: 1 }</style>电网", "电网"),
    ("Before<noscript><img src=pixel.gif>Enable JavaScript</noscript>after", "Beforeafter"),
    ("<template><p>{{ title }}</p></template>Headline", "Headline"),
    ("前<!-- 广告位 <div>ad</div> -->后", "前后"),
    ("a<!---->b<!-->c<!--->d", "abcd"),
    ("<!--[if lt IE 9]><script src=x.js></script><![endif]-->Body", "Body"),
    ("<!DOCTYPE html><?xml version=\"1.0\"?>文章", "文章"),
    ("<![CDATA[<p>Feed text</p>]]>", "Feed text"),
]

LAYOUT = [
    # a block tag between text breaks the line; at a line's edge it adds nothing
    ("<p>第一段。</p><p>第二段。</p>", "第一段。\n第二段。"),
    ("<p>First.</p>\n\n<p>Second.</p>", "First.\n\nSecond."),
    ("<div><ul><li>一</li><li>二</li></ul></div>", "一\n二"),
    ("<table><tr><td>Name</td><td>Value</td></tr></table>", "Name\nValue"),
    ("<h1>标题</h1>正文", "标题\n正文"),
    # <br> is a line break, unless the source breaks the line there anyway
    ("第一行<br>第二行<br/>第三行<BR />", "第一行\n第二行\n第三行"),
    ("one<br><br>two", "one\n\ntwo"),
    ("one<br>\ntwo", "one\ntwo"),
    ("one<br><br>\ntwo", "one\n\ntwo"),
    # inline tags join without adding anything, in Chinese and in English
    ("光伏<b>组件</b>的<span class=h>产量</span>", "光伏组件的产量"),
    ("un<em>believ</em>able <font color=red>price</font>", "unbelievable price"),
    # whitespace that was text stays as it was
    ("<p>  缩进\u3000的段落  </p>", "  缩进\u3000的段落  "),
]

ENTITIES = [
    ("Tom&nbsp;&amp;&nbsp;Jerry", "Tom\u00a0&\u00a0Jerry"),
    ("&ldquo;新能源&rdquo;&mdash;&hellip;", "“新能源”—…"),
    ("&#20809;&#x4F0F;&#X6c;", "光伏l"),
    ("&#150;&#0;&#xD800;&#x110000;", "\u2013\ufffd\ufffd\ufffd"),
    # double escapes decode through, once
    ("&amp;nbsp;&amp;ldquo;x&amp;rdquo;&amp;#20809;", "\u00a0“x”光"),
    ("&amp;amp;nbsp;", "\u00a0"),
    ("&amp;lt;br&amp;gt; is a tag", "<br> is a tag"),
    # legacy names without ";" decode where no name or URL value can go on
    ("&copy 2024 &nbsp", "© 2024 \u00a0"),
]

# ---------------------------------------------------------------- text that must stay

KEPT = [
    "a < b and c > d",
    "PM2.5<35微克每立方米,AQI>100为污染",
    "In C++, x<y>z parses as a comparison.",
    "The generic type List<String> and Map<K, V> and vector<int>.",
    "if a<b and c>d then swap",
    "when i<n, a<b>c is not bold",
    "邮件请寄 <editor@example.com> 或访问 <https://example.com/a?b=1>",
    "<<< 向左 >>> 向右 <-- 箭头 <3",
    "1<2>0 是假的",
    "Use the “<br>” tag, or '<p>', or `<div>`, 或者「<table>」。",
    "R&D spending, AT&T and Q&A, ?id=3&not=4&copy=5",
    "Unknown &foo; and &#1; and &#xFFFE; stay as written.",
    "&ampere; & &; &#; &#x;",
    "An unclosed <script> tag is just text here",
    "A lone <qkzvm> and a stray </qq> are prose",
    "]]> without a CDATA section",
]

ESCAPED_MARKUP_STAYS_TEXT = [
    ("&lt;p&gt;段落&lt;/p&gt;", "<p>段落</p>"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
    ("&lt;!-- note --&gt;", "<!-- note -->"),
]

HOSTILE_LOSSLESS = [
    # malformed markup goes (or stays, if it cannot be markup); no text is lost with it
    ("正文<!-- 没有结束的注释 <b>粗</b>", "正文 没有结束的注释 粗"),
    ('<a href="/x>链接文字', '<a href="/x>链接文字'),
    ("<div <p>文字</p>", "<div \n文字"),
    ("<<p>>段落<</p>>", "<\n>段落<\n>"),
]

# ---------------------------------------------------------------- link marks

LINKS = [
    ('阅读<a href="/n/1">更多新闻</a>。', f"阅读{OPEN}更多新闻{CLOSE}。"),
    ("<a href=/x> padded </a>", f" {OPEN}padded {CLOSE}"),
    ("<a href=/x></a>empty anchor", "empty anchor"),
    ("<a href=/a>one<br>two</a>", f"{OPEN}one{CLOSE}\n{OPEN}two{CLOSE}"),
    ("<a href=/a>line one\nline two</a>", f"{OPEN}line one{CLOSE}\n{OPEN}line two{CLOSE}"),
    ("<a href=/a>outer <a href=/b>inner</a> after", f"{OPEN}outer inner{CLOSE} after"),
    ("<a href=/a>never closed\nnext line", f"{OPEN}never closed{CLOSE}\nnext line"),
    ("</a>stray end", "stray end"),
    ("<a href=/a><b>粗体</b>链接</a>", f"{OPEN}粗体链接{CLOSE}"),
    ("<a href=/a>&amp; co</a>", f"{OPEN}& co{CLOSE}"),
    ("<a href=/a>up&#10;down</a>", f"{OPEN}up{CLOSE}\n{OPEN}down{CLOSE}"),
]

ALL_CASES = TAG_SOUP + REMOVED_WHOLE + LAYOUT + ENTITIES + ESCAPED_MARKUP_STAYS_TEXT + \
    HOSTILE_LOSSLESS + LINKS


@pytest.mark.parametrize(("raw", "expected"), TAG_SOUP)
def test_tag_soup_goes(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), REMOVED_WHOLE)
def test_code_comments_and_declarations_go_whole(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), LAYOUT)
def test_block_tags_break_lines_and_inline_tags_join(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), ENTITIES)
def test_entities_decode_once(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize("text", KEPT)
def test_text_that_looks_like_markup_stays(text: str) -> None:
    result = run(text, OPTIONS)
    assert result.text == text
    assert result.changes == []


@pytest.mark.parametrize(("raw", "expected"), ESCAPED_MARKUP_STAYS_TEXT)
def test_decoded_text_is_never_parsed_again(raw: str, expected: str) -> None:
    assert clean(raw) == expected
    assert set(rules(raw)) == {"entity"}


@pytest.mark.parametrize(("raw", "expected"), HOSTILE_LOSSLESS)
def test_malformed_markup_loses_no_text(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), LINKS)
def test_link_text_is_marked_per_line(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), ALL_CASES)
def test_link_marks_pair_up_on_every_line(raw: str, expected: str) -> None:
    for line in clean(raw).splitlines():
        marks = [c for c in line if c in (LINK_OPEN, LINK_CLOSE)]
        assert marks == [LINK_OPEN, LINK_CLOSE] * (len(marks) // 2), line


# ---------------------------------------------------------------- the trace

def _check_trace(text: str, changes: list[Change], output: str) -> None:
    end = 0
    for change in changes:
        assert change.step == "html"
        assert change.start >= end, change
        assert text[change.start:change.end] == change.before
        end = change.end
    assert apply_changes(text, changes) == output


@pytest.mark.parametrize("raw", [raw for raw, _ in ALL_CASES] + KEPT)
def test_trace_rebuilds_the_output(raw: str) -> None:
    result = run(raw, OPTIONS)
    _check_trace(raw, result.changes, result.text)


@pytest.mark.parametrize(
    ("raw", "expected_rules"),
    [
        ("<p>一</p><p>二</p>", ["block-tag", "block-tag", "block-tag", "block-tag"]),
        ("x<br>y", ["br"]),
        ("<b>x</b>", ["tag", "tag"]),
        ("<!-- c -->x<!-- open", ["comment", "unclosed-comment"]),
        ("<script>1</script><style>a{}</style><noscript>n</noscript>",
         ["script", "style", "raw-text"]),
        ("<!DOCTYPE html>x", ["declaration"]),
        ("&amp;", ["entity"]),
        ("<a href=x>y</a>", ["tag", "link-mark", "link-mark", "tag"]),
    ],
)
def test_trace_names_what_went(raw: str, expected_rules: list[str]) -> None:
    assert rules(raw) == expected_rules


def test_trace_records_removed_markup_verbatim() -> None:
    raw = '文<span id="z1">字</span>'
    assert [(c.before, c.after) for c in run(raw, OPTIONS).changes] == [
        ('<span id="z1">', ""), ("</span>", "")]


# ---------------------------------------------------------------- the free common case

@pytest.mark.parametrize("text", ["", "纯文本,没有标记。\n", "plain > text; no markup\n"])
def test_text_without_lt_or_amp_passes_through(text: str) -> None:
    result = run(text, OPTIONS)
    assert result.text is text
    assert result.changes == []


# ---------------------------------------------------------------- hostile input

def _nested(depth: int) -> str:
    return "<div><span>" * depth + "深处的文字" + "</span></div>" * depth


HOSTILE = [
    ("lt-run", "<" * 300_000, None),
    ("lt-letter-run", "<a" * 150_000, None),
    ("nested", _nested(30_000), "深处的文字"),
    ("unclosed-comments", "<!--" * 60_000, ""),
    ("unclosed-scripts", "<script>" * 30_000, None),
    ("huge-attribute", '<img src="data:' + "A" * 300_000 + '">正文', "正文"),
    ("unclosed-quotes", '<a title="' * 30_000, None),
    ("alternating-quotes", "<a x=\"<b y='" * 20_000, None),
    ("double-escapes", "&amp;" * 60_000, "&" * 60_000),
    ("bare-attributes", "<b " + "and " * 60_000, None),
    ("unclosed-cdata", "<![CDATA[" * 30_000, ""),
]


@pytest.mark.parametrize(("label", "raw", "expected"), HOSTILE,
                         ids=[label for label, _, _ in HOSTILE])
def test_hostile_input_is_linear_and_lossless(label: str, raw: str,
                                              expected: str | None) -> None:
    started = time.perf_counter()
    result = run(raw, OPTIONS)
    # Linear work on these inputs takes well under a second; quadratic would take hours.
    assert time.perf_counter() - started < 20, label
    assert result.text == (raw if expected is None else expected)
    _check_trace(raw, result.changes, result.text)


# ---------------------------------------------------------------- the element table

def test_element_table_is_consistent() -> None:
    table = elements()
    assert {"p", "br", "a", "script", "style", "noscript", "template", "div"} <= set(table)
    assert all(name == name.lower() for name in table)
    assert table["br"].layout.value == "break"
    assert {name for name, e in table.items() if e.layout.value == "raw"} >= {
        "script", "style", "noscript", "template"}
