"""A position-keeping lexer for HTML inside scraped text, and the table of HTML elements.

Why not BeautifulSoup's parser (or ``html.parser``) for this: the html step must say exactly
which characters of its input it removed (the trace is spans), and no tree builder reports
where a node came from. They also decide too early what is markup: ``PM2.5<35微克`` or
``x<y>z`` in prose about code come out of a parser as a broken tag or as lost text, and an
unclosed ``<!--`` swallows the rest of the document. So this module only *finds candidates*:
every comment, declaration, CDATA marker, tag, raw-text element and character reference,
with its span. Whether a candidate tag is real markup is decided by the html step, which
can see the whole list (``<foo>`` is markup if ``</foo>`` follows it).

Linear time on hostile input, by construction:

* one master regex finds the next candidate; every repetition in it is either bounded or
  over a character class that cannot overlap its neighbours, and no tag part but a quoted
  attribute value may contain ``<``, so a failed attempt never rescans far;
* an unclosed ``<!--`` or ``<script>`` is looked up once: after a search for ``-->`` (or
  ``</script>``) fails, no later one is tried, so ``<!--`` repeated a million times costs one
  scan, not a million.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import cache
from importlib.resources import files
from typing import NamedTuple


class Layout(str, Enum):
    """How an element lays out the text around it (column 2 of the element table)."""

    BLOCK = "block"
    INLINE = "inline"
    BREAK = "break"
    RAW = "raw"


class EndTag(str, Enum):
    """Whether an element's end tag may be omitted (column 3 of the element table)."""

    VOID = "void"
    OPTIONAL = "optional"
    REQUIRED = "required"


class Element(NamedTuple):
    layout: Layout
    end: EndTag


@cache
def elements() -> dict[str, Element]:
    """The known HTML elements by lower-case name, read from ``data/html_elements.txt``."""
    table: dict[str, Element] = {}
    text = files("pvclean").joinpath("data/html_elements.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, layout, end = line.split()
            table[name] = Element(Layout(layout), EndTag(end))
    return table


class Kind(str, Enum):
    COMMENT = "comment"                  # <!-- ... -->
    UNCLOSED_COMMENT = "unclosed-comment"  # the bare "<!--" of a comment that never ends
    DECLARATION = "declaration"          # <!DOCTYPE ...>, <?xml ...?>, <![endif]>
    CDATA_OPEN = "cdata-open"            # <![CDATA[
    CDATA_CLOSE = "cdata-close"          # ]]>  (markup only after a CDATA_OPEN)
    RAW = "raw"                          # <script ...> ... </script>, whole
    START = "start"                      # <name ...>
    END = "end"                          # </name ...>
    ENTITY = "entity"                    # &amp; &#123; &#x4e2d; &amp;nbsp;


class Attributes(str, Enum):
    NONE = "none"
    BARE = "bare"      # only names without values: <b and c> in prose looks like this
    VALUED = "valued"  # at least one name=value: real markup, whatever the tag's name


class Token(NamedTuple):
    kind: Kind
    start: int
    end: int
    name: str = ""  # lower-case tag name (START, END, RAW)
    attributes: Attributes = Attributes.NONE
    self_closing: bool = False
    quoted: bool = False  # written between quotes, as in “<br>”: a tag mentioned, not used


_WS = r"[ \t\n\r\f]"
_TAG_NAME = r"[A-Za-z][A-Za-z0-9_:-]{0,63}"
_ATTR_NAME = r"""[^ \t\n\r\f"'<>/=]{1,256}"""
# Quoted values are unbounded (a data: URI can be megabytes) but end at the first quote of
# their kind; unquoted ones cannot contain "<", so an attempt that fails stops there.
_ATTR_VALUE = r""""[^"]*"|'[^']*'|[^ \t\n\r\f"'<>=`]{1,4096}"""
_ATTRIBUTE = (rf"""(?:{_WS}{{1,256}}|(?<=["'])){_ATTR_NAME}"""
              rf"(?:{_WS}{{0,64}}={_WS}{{0,64}}(?:{_ATTR_VALUE}))?")
_TAG = (rf"(?P<close>/)?(?P<name>{_TAG_NAME})(?P<attrs>(?:{_ATTRIBUTE}){{0,512}})"
        rf"{_WS}{{0,256}}(?P<slash>/)?>")
# Named references end with ";" or, for the legacy names HTML decodes without one (&nbsp,
# &copy), at a character that cannot continue a name or start a URL parameter's value.
_ENTITY = (r"(?:amp;){0,3}(?:#[0-9]{1,16}(?![0-9]);?|#[xX][0-9A-Fa-f]{1,16}(?![0-9A-Fa-f]);?"
           r"|[A-Za-z][A-Za-z0-9]{1,31}(?:;|(?![A-Za-z0-9=])))")
# Every alternative starts with a plain "<", "&" or "]" outside its group: that lets the
# regex engine skip ahead to those characters at C speed instead of trying each position.
_CANDIDATE = (
    r"<(?P<comment>!--)"
    r"|<(?P<cdata_open>!\[CDATA\[)"
    r"|<(?P<declaration>!(?:[A-Za-z]|\[)[^<>]{0,1024}>|\?[A-Za-z][^<>]{0,1024}>)"
    rf"|<(?P<tag>{_TAG})"
    rf"|&(?P<entity>{_ENTITY})"
    r"|\](?P<cdata_close>\]>)"
)


@cache
def _candidate() -> re.Pattern[str]:
    """Compiled on first use: compiling costs milliseconds that plain text never needs."""
    return re.compile(_CANDIDATE)

# A tag written between a pair of quotes is a tag being talked about.
_QUOTE_PAIRS = dict(zip("\"'`“‘「『〈《", "\"'`”’」』〉》", strict=True))


def tokenize(text: str) -> list[Token]:
    """Every markup candidate in ``text``, in order, with its span."""
    return list(_tokens(text))


def _tokens(text: str) -> Iterator[Token]:
    # Closers ("-->", "script") a search has already failed to find. Candidates are met left
    # to right, so a closer missing after one position is missing after every later one.
    unclosed: set[str] = set()
    candidate = _candidate()
    pos = 0
    while (match := candidate.search(text, pos)) is not None:
        start, end = match.span()
        kind = match.lastgroup
        if kind == "comment":
            # from start + 2, so that "<!-->" and "<!--->" are the empty comments HTML says
            close = -1 if "-->" in unclosed else text.find("-->", start + 2)
            if close < 0:
                unclosed.add("-->")
                yield Token(Kind.UNCLOSED_COMMENT, start, end)
            else:
                end = close + 3
                yield Token(Kind.COMMENT, start, end)
        elif kind == "tag":
            token = _tag_token(text, match)
            if token.kind is Kind.START and not token.quoted:
                token = _swallow_raw_text(text, token, unclosed)
            yield token
            end = token.end
        else:
            yield Token(Kind(kind.replace("_", "-")), start, end)
        pos = end


def _tag_token(text: str, match: re.Match[str]) -> Token:
    start, end = match.span()
    attrs = match["attrs"]
    opener = text[start - 1] if start else ""
    return Token(
        Kind.END if match["close"] else Kind.START, start, end,
        name=match["name"].lower(),
        attributes=(Attributes.VALUED if "=" in attrs
                    else Attributes.BARE if attrs else Attributes.NONE),
        self_closing=bool(match["slash"]),
        quoted=opener in _QUOTE_PAIRS and text.startswith(_QUOTE_PAIRS[opener], end),
    )


def _swallow_raw_text(text: str, token: Token, unclosed: set[str]) -> Token:
    """A script, style or similar start tag and its content up to the end tag, as one token.

    Without an end tag the start tag stays a START token (the step decides whether it is
    markup); its would-be content is text, because nothing proves that it is code."""
    element = elements().get(token.name)
    if element is None or element.layout is not Layout.RAW or token.self_closing:
        return token
    found = None if token.name in unclosed else _raw_closer(token.name).search(text, token.end)
    if found is None:
        unclosed.add(token.name)
        return token
    return token._replace(kind=Kind.RAW, end=found.end())


@cache
def _raw_closer(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}(?![A-Za-z0-9_:-])[^<>]{{0,256}}>", re.IGNORECASE)

