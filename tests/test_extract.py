"""The extract step: whole pages come out as their article, everything else untouched.

Fixture pages in ``tests/pages`` are written for these tests (no third-party text): each
``NAME.html`` comes with ``NAME.txt``, the text ``extract,html,whitespace`` must produce.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from pvclean.decode import decode
from pvclean.extraction.tree import build, class_words
from pvclean.pipeline import Options, Pipeline, apply_changes
from pvclean.steps.extract import is_page, run

PAGES = Path(__file__).parent / "pages"
OPTIONS = Options()


def page_text(name: str) -> str:
    return decode((PAGES / f"{name}.html").read_bytes()).text


def rules(text: str) -> set[str]:
    return {change.rule for change in run(text, OPTIONS).changes}


# ---------------------------------------------------------------- whole pages

FIXTURES = ["zh_news_gb2312", "en_blog", "table_article", "no_meta_gbk",
            # the headline: beside the body block, inside it, beside it with a sidebar h1
            # that matches <title> better, no heading at all
            "title_sibling", "title_inside", "title_sidebar_h1", "no_heading"]


@pytest.mark.parametrize("name", FIXTURES)
def test_page_comes_out_as_its_article(name: str) -> None:
    expected = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    assert Pipeline(steps=["extract", "html", "whitespace"]).clean(page_text(name)) == expected


@pytest.mark.parametrize(("name", "reasons"), [
    # nav bar and crumbs, hot-list sidebar, friend links and the footer: named by class/id
    ("zh_news_gb2312", {"extract/head", "extract/boilerplate-class",
                        "extract/outside-article"}),
    # menu in a <header>, popular posts in an <aside>, a <footer>
    ("en_blog", {"extract/head", "extract/header", "extract/aside", "extract/footer",
                 "extract/boilerplate-class", "extract/outside-article"}),
    ("table_article", {"extract/head", "extract/outside-article"}),
    # the kept title changes no reason: nav, share bar, sidebar and footer by class, the
    # byline between the title and the body as outside-article
    ("title_sibling", {"extract/head", "extract/boilerplate-class",
                       "extract/outside-article"}),
])
def test_trace_names_why_each_block_went(name: str, reasons: set[str]) -> None:
    assert rules(page_text(name)) == reasons


@pytest.mark.parametrize(("name", "gone"), [
    ("zh_news_gb2312", ["热点排行", "友情链接", "备案号", "上一篇", "当前位置"]),
    ("en_blog", ["Popular posts", "Leave a reply", "Write your comment", "Privacy", "Tools"]),
    ("table_article", ["选课系统", "成绩查询", "版权所有"]),
    ("no_meta_gbk", ["相关阅读", "关于本站", "美食"]),
    ("title_sibling", ["来源", "分享到", "热门新闻", "版权所有"]),
    ("title_inside", ["Riverside Walks", "Notes from a slow city"]),
    ("title_sidebar_h1", ["每周读书推荐", "书单下载"]),
    ("no_heading", ["东门社区居委会"]),
])
def test_furniture_text_is_gone(name: str, gone: list[str]) -> None:
    text = run(page_text(name), OPTIONS).text
    assert [word for word in gone if word in text] == []


@pytest.mark.parametrize("name", FIXTURES)
def test_trace_invariants(name: str) -> None:
    text = page_text(name)
    result = run(text, OPTIONS)
    assert result.changes
    positions = [(c.start, c.end) for c in result.changes]
    assert positions == sorted(positions)
    assert all(a[1] <= b[0] for a, b in pairwise(positions))
    assert all(c.before == text[c.start:c.end] and c.step == "extract" for c in result.changes)
    assert apply_changes(text, result.changes) == result.text


@pytest.mark.parametrize(("name", "title", "byline", "reason"), [
    ("title_sibling", "<h1>青山县启动农村生活污水治理三年行动</h1>",
     "2024-05-20 10:12 来源：青山新闻网 编辑：王丽", "extract/outside-article"),
    ("zh_news_gb2312", "<h1>青石镇新建水厂通水 三万居民喝上放心水</h1>",
     "2023-05-18 09:30 来源：晨光资讯网 编辑：王宁", "extract/outside-article"),
    ("zh_news_gb2312", "<h1>青石镇新建水厂通水 三万居民喝上放心水</h1>",
     "当前位置", "extract/boilerplate-class"),
])
def test_a_kept_title_is_in_no_change_and_its_neighbours_keep_their_reason(
        name: str, title: str, byline: str, reason: str) -> None:
    text = page_text(name)
    changes = run(text, OPTIONS).changes
    start = text.index(title)
    assert not [c for c in changes if c.start < start + len(title) and start < c.end]
    at = text.index(byline)
    assert [c.rule for c in changes if c.start <= at < c.end] == [reason]


# ---------------------------------------------------------------- which heading is the title

BODY = ('<div class="content"><p>The first paragraph of the story, long enough to be prose,'
        ' with a comma, and a full stop.</p><p>A second paragraph follows it, and it says'
        ' more of the same, at some length.</p><p>The third one ends it, as stories end.</p>'
        "</div>")


def page(title: str | None, before: str, body: str = BODY) -> str:
    head = "" if title is None else f"<head><title>{title}</title></head>"
    return f"<html>{head}<body><div class='wrap'>{before}{body}</div></body></html>"


def first_line(text: str) -> str:
    return Pipeline(steps=["extract", "html", "whitespace"]).clean(text).splitlines()[0]


@pytest.mark.parametrize(("text", "first"), [
    # no <title>: the nearest h1 before the body, else the nearest h2
    (page(None, "<h1>Site</h1><div><h1>Headline</h1></div>"), "Headline"),
    (page(None, "<h2>Headline</h2><div class=info>May 20</div>"), "Headline"),
    # the <title> decides between a logo h1 and the headline in an h2; "Site" alone is not
    # enough to match "Headline words here - Site"
    (page("Headline words here - Site", "<h1>Site</h1><h2>Headline words here</h2>"),
     "Headline words here"),
    (page("Headline words here - Site", "<h2>Headline words here</h2><h1>Site</h1>"),
     "Headline words here"),
    # a <title> that names no heading: an h1 still counts, an h2 (a date line) does not
    (page("Only the site", "<h1>Headline</h1>"), "Headline"),
    (page("Only the site", "<h2>Monday, 20 May</h2>"), "The first paragraph"),
    # a heading that is a link (a logo) or a paragraph's length is not a title
    (page(None, "<h1><a href='/'>Site</a></h1>"), "The first paragraph"),
    (page(None, "<h1>" + "A heading that goes on and on " * 8 + "</h1>"), "The first paragraph"),
    # furniture: a header with a menu is the site's; an article's own header is not
    (page(None, "<header><h1>Site</h1><nav><a href=/>Home</a></nav></header>"),
     "The first paragraph"),
    (page(None, "<header class='entry-header'><h1>Headline</h1><span>By A. Writer</span>"
                "</header>"), "Headline"),
    (page(None, "<div class='sidebar'><h1>Popular</h1></div>"), "The first paragraph"),
    # after the body is not before it
    (page(None, "", BODY + "<h1>Next story</h1>"), "The first paragraph"),
    # already inside the body: kept once, nothing added before it
    (page("Inside title - Site", "<h1>Site</h1>", BODY.replace("<p>", "<h1>Inside title</h1><p>",
                                                               1)), "Inside title"),
])
def test_title_choice(text: str, first: str) -> None:
    assert first_line(text).startswith(first)


def test_a_title_inside_the_body_is_not_repeated() -> None:
    text = page("Inside title - Site", "<h1>Inside title</h1>",
                BODY.replace("<p>", "<h1>Inside title</h1><p>", 1))
    assert Pipeline(steps=["extract", "html", "whitespace"]).clean(text).count("Inside") == 1


def test_extract_never_leaves_a_page_to_the_html_step() -> None:
    text = page_text("en_blog")
    assert run(text, Options(extract="never")) == (text, [])


def test_a_page_with_no_prose_is_left_whole() -> None:
    text = '<html><body><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></ul></body></html>'
    assert run(text, OPTIONS) == (text, [])


# ---------------------------------------------------------------- not pages: untouched

NOT_PAGES = [
    "",
    "纯文本，没有任何标签。",
    "正文第一段。<br>正文第二段。<p>第三段</p>",
    '<span id="qkwz"></span>太阳能电站今年并网。<a href="http://x.example">链接</a>',
    "a < b and PM2.5<35微克 in prose",
    "An essay about the <html> element, far below the top of the text. " * 100,
    # markup, but less than half of the characters
    "<p>" + "Plain prose with a tag now and then. " * 80 + "</p>",
]


@pytest.mark.parametrize("text", NOT_PAGES)
def test_text_that_is_not_a_page_is_returned_unchanged(text: str) -> None:
    assert run(text, OPTIONS) == (text, [])


@pytest.mark.parametrize(("text", "page"), [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("\n\n<HEAD><title>t</title></HEAD><BODY>x</BODY>", True),
    ('<body class="home">x</body>', True),
    ("<div><span><a href='#'>x</a></span></div>" * 100, True),  # markup is most of the text
    ("<div>short</div>", False),
    ("text mentioning <bodyguard> tags", False),
    ("no tags at all", False),
])
def test_is_page(text: str, page: bool) -> None:
    assert is_page(text) is page


# ---------------------------------------------------------------- the span tree

def spans(text: str) -> list[tuple[str, str]]:
    """(name, source text) of every element, in document order."""
    found: list[tuple[str, str]] = []
    pending = list(reversed(build(text).children))
    while pending:
        node = pending.pop()
        found.append((node.name, text[node.start:node.end]))
        pending.extend(reversed(node.children))
    return found


@pytest.mark.parametrize(("text", "expected"), [
    # an unclosed <p> ends where the next block starts
    ("<p>one<p>two<div>three</div>",
     [("p", "<p>one"), ("p", "<p>two"), ("div", "<div>three</div>")]),
    # unclosed list items and table cells close at their next sibling
    ("<ul><li>a<li>b</ul>", [("ul", "<ul><li>a<li>b</ul>"), ("li", "<li>a"), ("li", "<li>b")]),
    ("<table><tr><td>a<td>b<tr><td>c</table>",
     [("table", "<table><tr><td>a<td>b<tr><td>c</table>"), ("tr", "<tr><td>a<td>b"),
      ("td", "<td>a"), ("td", "<td>b"), ("tr", "<tr><td>c"), ("td", "<td>c")]),
    # a stray end tag changes nothing; an end tag closes what was left open inside it
    ("<div>a</span>b</div>", [("div", "<div>a</span>b</div>")]),
    ("<div><span>a</div>b", [("div", "<div><span>a</div>"), ("span", "<span>a")]),
    # void elements and self-closing tags hold nothing; scripts are one leaf
    ("<div><br><img src=x><x/><script>if (a<b) {}</script></div>",
     [("div", "<div><br><img src=x><x/><script>if (a<b) {}</script></div>"),
      ("script", "<script>if (a<b) {}</script>")]),
    # open elements close at the end of the text
    ("<div><p>a", [("div", "<div><p>a"), ("p", "<p>a")]),
])
def test_tree_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_tree_counts_link_text_and_punctuation() -> None:
    root = build("<div><p>正文一句，又一句。</p><p><a href='/x'>链接文字</a></p></div>")
    div = root.children[0]
    # seven Han characters and two marks weigh 16, four linked Han characters 8
    assert (div.units, div.link, div.punct) == (24, 8, 2)


@pytest.mark.parametrize(("tag", "words"), [
    ('<div class="sideBar-left hot_list">', {"side", "bar", "left", "hot", "list"}),
    ("<div id=mainContent>", {"main", "content"}),
    ("<div class='a'  id=\"Nav\">", {"a", "nav"}),
    ("<div data-class=\"x\">", set()),
])
def test_class_words(tag: str, words: set[str]) -> None:
    assert class_words(tag) == words


# ---------------------------------------------------------------- hostile input

HOSTILE = {
    "deep divs": "<html><body>" + "<div>" * 50_000 + "深处的正文，有标点。" * 5 + "</div>" * 50_000,
    "deep inline": "<html><body><div>" + "<span>字，" * 50_000 + "</div>",
    "unclosed paragraphs": "<html><body>" + "<p>段落，又一句。" * 50_000,
    "cells and rows": "<html><body>" + "<td>格，" * 30_000 + "<tr>行。" * 30_000,
    "stray end tags": "<html><body>" + "</div>" * 50_000 + "<a href=x>链接" * 20_000,
    "lone brackets": "<html><body>" + "<" * 200_000 + "x" * 10,
    # a heading before every level of a deep body: the title's search stays linear
    "nested headings": ("<html><head><title>标题</title></head><body>"
                        + "<div><h1>标题</h1><header><h2>标题</h2>" * 20_000
                        + "正文，有标点。" * 5),
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_pages_finish_and_keep_the_invariant(text: str) -> None:
    result = run(text, OPTIONS)
    assert apply_changes(text, result.changes) == result.text
