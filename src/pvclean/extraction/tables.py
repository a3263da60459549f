"""The data the extractor reads: element names and class/id words, kept apart from the
logic so that they can be reviewed (and extended) without touching the scoring.

The class/id words are the ones the published extractors (readability, jusText,
trafilatura, GNE) converge on for page furniture in English and pinyin-named Chinese
templates; they name *roles* (navigation, sidebar, footer), never a site.
"""

from __future__ import annotations

import re

# Elements whose whole content is page furniture wherever they stand, with the reason the
# trace gives. ``header`` is here only for the part of the page outside the article: inside
# it, a header holds the article's own title and byline.
FURNITURE_TAGS: dict[str, str] = {
    "head": "head",
    "nav": "nav",
    "menu": "nav",
    "aside": "aside",
    "footer": "footer",
    "header": "header",
    "form": "form",
    "select": "form",
    "button": "form",
    "textarea": "form",
    "dialog": "hidden",
    "template": "hidden",
    "noscript": "hidden",
    "iframe": "embed",
    "object": "embed",
    "svg": "embed",
    "canvas": "embed",
}

# Furniture that still goes when it stands inside the article's container.
FURNITURE_INSIDE: frozenset[str] = frozenset(FURNITURE_TAGS) - {"header", "head"}

# Elements that may hold an article: only these are candidates for the article container.
CONTAINER_TAGS: frozenset[str] = frozenset({
    "body", "div", "section", "article", "main", "td", "center", "blockquote", "font",
    "span", "dd", "li", "ul", "table", "tbody", "tr", "form",
})

# class/id words for page furniture. A word matches a whole token of the class/id value
# (split at "-", "_", spaces and camelCase humps), or its beginning for the longer words.
BOILERPLATE_TOKENS: frozenset[str] = frozenset({
    "nav", "navi", "navbar", "navigation", "menu", "menus", "submenu", "topbar", "toolbar",
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "side", "aside", "sider",
    "widget", "widgets", "footer", "foot", "copyright", "header", "masthead", "banner",
    "ad", "ads", "advert", "advertisement", "sponsor", "promo", "share", "sharing", "social",
    "related", "recommend", "recommended", "hot", "popular", "ranking", "rank", "tags",
    "tagcloud", "login", "signin", "signup", "register", "subscribe", "newsletter", "search",
    "pagination", "pager", "paging", "links", "friendlink", "flink", "sitemap",
    "cookie", "cookies", "modal", "popup", "outbrain", "taboola", "disqus",
    "respond", "skip", "hidden", "toc", "tool", "tools", "dh", "daohang", "tuijian",
    "remen", "youlian", "yqlj", "gg", "guanggao", "footnav", "topnav", "sitenav", "mainnav",
})

# Words that stand for the article's own container. A match is a mild bonus, never proof,
# and it overrules a furniture word in the same class/id (readability's rule): templates
# name layout columns after what sits beside them ("the-content equalize-sidebar").
CONTENT_TOKENS: frozenset[str] = frozenset({
    "article", "content", "contents", "post", "entry", "main", "text", "body", "story",
    "detail", "details", "news", "zhengwen", "neirong", "wenzhang", "con", "cont", "txt",
    "thread", "message", "blog", "page", "markdown", "prose",
})

CLASS_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")

# Sentence punctuation: full-width marks always, ASCII ones only before a space or line end
# (a dot inside "3.5" or a URL is not the end of a sentence).
PUNCTUATION = re.compile(r"[，。！？；：、…“”]|[,.;:!?](?=\s|$)")

# Chinese, Japanese and Korean characters carry about a word each: they weigh double in the
# text measures so that a Chinese paragraph and an English one of the same content weigh
# about the same.
WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Inline style or attributes that hide an element from every reader. Not ``visibility:
# hidden``: script-revealed article bodies (fade-in templates) start with it.
HIDDEN = re.compile(r"display\s*:\s*none|\shidden(?:[\s=/>])",
                    re.IGNORECASE)

# Optional end tags (HTML's implied-end rules, simplified): a start tag of the key closes
# an open element of the listed names, searching up the open elements no further than the
# first of the ``scope`` names.
IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
}

# End tags that never close anything early: content after </body> is still the body's.
IGNORED_END: frozenset[str] = frozenset({"html", "body", "br"})

# How much of a paragraph's score each block above it receives: the paragraph itself, its
# parent, its grandparent ... (readability's decay, carried a little further up so that a
# forum thread's posts, nested a few levels deep, still add up in their common container).
DECAY: tuple[float, ...] = (1.0, 1.0, 0.5, 1 / 3, 0.2, 0.1)

# ---------------------------------------------------------------- the article's title
#
# Templates put the headline *beside* the body far more often than inside it (a title and
# byline block, then the body block that the scoring picks, because that is where the
# prose is). These rows say which headings may be the title and where they may stand; the
# choice itself is :mod:`.title`.

# Heading elements that may be the article's title, the likelier first: a page's ``h1`` is
# its headline on most templates; many Chinese portals and blog themes use ``h2`` for it and
# keep ``h1`` for the logo.
TITLE_TAGS: tuple[str, ...] = ("h1", "h2")

# Furniture reasons a title may still stand in: an article's own ``<header>`` (or a block
# class-named "header") holds its headline and byline. It stays furniture when it holds
# menus (see :data:`MENU_TOKENS`): then it is the site's header, and its heading the logo.
TITLE_HOLDERS: frozenset[str] = frozenset({"header"})
TITLE_HOLDER_TOKENS: frozenset[str] = frozenset({"header"})

# class/id words of a menu or a search box: a header holding one of these (or a ``nav``, a
# ``form``, or a list that is mostly links) is the site's header, not the article's.
MENU_TOKENS: frozenset[str] = frozenset({
    "nav", "navi", "navbar", "navigation", "menu", "menus", "submenu", "topbar", "toolbar",
    "topnav", "sitenav", "mainnav", "search", "login", "signin", "dh", "daohang",
})
MENU_TAGS: frozenset[str] = frozenset({"nav", "menu", "form", "select"})
LIST_TAGS: frozenset[str] = frozenset({"ul", "ol", "dl"})
