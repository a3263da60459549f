"""UTF-8 read as a single-byte codec (Latin-1, cp1252, MacRoman, ...): ftfy's job.

ftfy is the best tool for this repair, but its defaults also "improve" text that was never
broken. Each option, and why it is set the way it is:

* ``fix_encoding``, ``restore_byte_a0``, ``replace_lossy_sequences``,
  ``decode_inconsistent_utf8``, ``fix_c1_controls``, ``fix_surrogates``: on. These are the
  encoding repairs; each acts only where ftfy's badness heuristic finds mojibake (or on C1
  controls and lone surrogates, which no legitimate text contains).
* ``unescape_html``: off. The html step decoded entities exactly once; an ``&amp;`` still in
  the text is what the page showed (an article about HTML), and decoding again would change
  it.
* ``uncurl_quotes``, ``fix_latin_ligatures``, ``fix_character_width``: off. Curly quotes,
  ligatures and full-width forms are how the author wrote the text.
* ``normalization``: None. NFC would rewrite legitimate decomposed or compatibility text.
* ``fix_line_breaks``, ``remove_control_chars``, ``remove_terminal_escapes``: off. Layout and
  invisible characters belong to the whitespace step, which records them under its name.

ftfy's heuristics are slow next to a character scan, so it only sees the lines that hold a
pair of characters mojibake of this kind is made of (``GATE``); most documents have none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

# The single-byte codecs ftfy undoes (ftfy.chardata.CHARMAP_ENCODINGS and its sloppy
# variants, as far as Python names them).
_CODECS = ("latin-1", "cp1252", "mac_roman", "cp437", "cp1250", "cp1251", "cp1253", "cp1254",
           "iso-8859-2")


def _decoded(codec: str, first: int, last: int) -> str:
    chars = (bytes([b]).decode(codec, errors="ignore") for b in range(first, last + 1))
    return re.escape("".join(sorted({c for c in chars if c and not c.isascii()})))


# UTF-8 read as one of those codecs always leaves a lead byte's character (0xC2–0xF4)
# followed by a continuation byte's (0x80–0xBF) of the same codec; C1 controls and lone
# surrogates are broken text on their own. A two-byte lead (0xC2–0xDF) followed by a space
# or U+FFFD is a continuation byte lost on the way (``voilÃ le``: its NBSP became a space).
# Legitimate text rarely has such a pair (``é`` followed by a letter is not one), so ftfy
# only looks at lines that do.
GATE = re.compile(
    "|".join(f"[{_decoded(c, 0xC2, 0xF4)}][{_decoded(c, 0x80, 0xBF)}]" for c in _CODECS)
    + f"|[{_decoded('cp1252', 0xC2, 0xDF)}][ \ufffd]|[\x80-\x9f\ud800-\udfff]"
)
# The same pairs with the codecs mixed: one pair of classes, which re scans many times
# faster than GATE's alternatives. GATE then checks only where this finds something.
_ANY_PAIR = re.compile(
    f"[{''.join(_decoded(c, 0xC2, 0xF4) for c in _CODECS)}]"
    f"[{''.join(_decoded(c, 0x80, 0xBF) for c in _CODECS)}]"
    f"|[{_decoded('cp1252', 0xC2, 0xDF)}][ \ufffd]|[\x80-\x9f\ud800-\udfff]"
)


def suspicious(text: str) -> bool:
    """Whether ``text`` holds a pair of characters UTF-8 mojibake is made of."""
    return any(GATE.match(text, m.start()) for m in _ANY_PAIR.finditer(text))


class Fixed(NamedTuple):
    text: str
    rule: str


@lru_cache(maxsize=1)
def _config() -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def fix(segment: str) -> Fixed | None:
    """ftfy's repair of one line, with the plan it followed as the rule; None if unchanged."""
    import ftfy

    fixed, plan = ftfy.fix_and_explain(segment, _config())
    if fixed == segment:
        return None
    steps = ",".join(f"{step.action}:{step.parameter}" for step in plan or ())
    return Fixed(fixed, f"ftfy/{steps}" if steps else "ftfy")
