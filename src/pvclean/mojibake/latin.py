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
character mojibake of this kind is made of (``GATE``); most documents have none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

# Characters that a UTF-8 lead or continuation byte becomes under Latin-1, cp1252, MacRoman,
# cp437 or the Cyrillic/Greek single-byte codecs, and lone surrogates. Legitimate text may
# hold some (é, ©): then ftfy looks at the line and leaves it alone.
GATE = re.compile(
    "[\x80-\xff\u0100-\u017f\u0192\u02c6\u02c7\u02d8-\u02dd\u0370-\u03ff\u0400-\u04ff"
    "\u2020-\u2022\u2030\u2039\u203a\u20ac\u2122\u2202\u2206\u220f\u2211\u221a\u221e"
    "\u2248\u2260\u2264\u2265\u2500-\u259f\u25ca\ufb01\ufb02\ud800-\udfff]"
)


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
