"""Whole saved pages to their article's markup; any other text passes through untouched.

A scraped file is either text with some tags injected into it (the common case, left to
the html step) or a whole saved page: ``<head>``, menus, sidebars, comment forms, footers
with friend links around one article. For a page this step removes everything but the
article, as source spans with a reason each (``extract/head``, ``extract/nav``,
``extract/link-dense``, ``extract/boilerplate-class``, ``extract/outside-article`` ...), so
``explain`` and ``diff --html`` show the removals like any other. The html step then turns
the kept markup into lines. How the article is found: :mod:`pvclean.extraction.score`; its
headline is kept with it also when it stands beside the article's block rather than in it
(:mod:`pvclean.extraction.title`).

Deciding that the text is a page costs one bounded scan: a document structure tag
(``<html>``, ``<head>``, ``<body>``) near the top, or markup making up most of the
characters. Anything else returns at once, unchanged.
"""

from __future__ import annotations

import re

from ..pipeline import ChangeBuilder, Options, StepResult

NAME = "extract"

# A document structure tag within the first bytes of the text (after a BOM, doctype,
# comments or a few stray lines of a bad save).
_STRUCTURE = re.compile(r"<(?:html|head|body)(?=[\s>])", re.IGNORECASE)
_STRUCTURE_WINDOW = 4096
# Otherwise: tags (bounded, so a stray "<" costs at most this much look-ahead) covering more
# than this share of a text of some length.
_TAG = re.compile(r"<[/!A-Za-z][^<>]{0,2000}>")
_MARKUP_SHARE = 0.5
_MIN_PAGE_CHARS = 2000


def is_page(text: str) -> bool:
    """True for a whole saved page, False for text with (or without) injected tags."""
    if "<" not in text:
        return False
    if _STRUCTURE.search(text, 0, _STRUCTURE_WINDOW):
        return True
    if len(text) < _MIN_PAGE_CHARS:
        return False
    markup = sum(m.end() - m.start() for m in _TAG.finditer(text))
    return markup > _MARKUP_SHARE * len(text)


def run(text: str, options: Options) -> StepResult:
    if options.extract == "never" or not is_page(text):
        return StepResult(text, [])
    from ..extraction.score import plan  # only pages pay for the extractor's imports
    from ..extraction.tree import build

    builder = ChangeBuilder(NAME, text)
    for removal in plan(build(text), text):
        builder.remove(removal.start, removal.end, f"{NAME}/{removal.reason}")
    return builder.result()
