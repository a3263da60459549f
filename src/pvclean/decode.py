"""Raw bytes to text: the one place that decides which codec a file was written in.

Order of evidence, strongest first:

1. a byte-order mark;
2. valid UTF-8 — saved pages are often re-encoded to UTF-8 while still *declaring* GB2312,
   so bytes that decode as UTF-8 stay UTF-8 whatever the page says;
3. the page's own declaration (``<meta charset>``, ``http-equiv``, ``<?xml encoding>``),
   reading the legacy Chinese names as their supersets (GB2312/GBK as GB18030, Big5 as
   Big5-HKSCS) because real pages use characters outside the subset they name;
4. UTF-8 with a few broken sequences (a truncated download, a spliced file): decoded with
   U+FFFD in place of the broken bytes, and counted;
5. GB18030 or Big5-HKSCS when one of them reads the bytes as common Chinese characters;
6. statistical detection (charset-normalizer) when nothing else holds.

Bytes that none of these can read raise :class:`DecodeError`; NUL bytes outside UTF-16 raise
:class:`BinaryInputError`. Nothing is ever guessed silently into garbage.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import NamedTuple

from .errors import BinaryInputError, DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared names read as the codec that real pages under that name actually need.
# The names are the WHATWG Encoding Standard's labels for these codecs.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "gb_2312": "gb18030", "csgb2312": "gb18030", "csiso58gb231280": "gb18030",
    "iso-ir-58": "gb18030", "chinese": "gb18030", "cp936": "gb18030", "windows-936": "gb18030",
    "euc-cn": "gb18030", "x-euc-cn": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs", "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs", "csbig5": "big5hkscs", "x-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252",
}

# Bounded: a charset name is short, and only the head of a document is searched. The head of
# a saved page can carry tens of kilobytes of inline style and script before its <meta>.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_HEAD_BYTES = 65536

# Share of common characters above which a Chinese decoding is taken without detection.
_COMMON_SHARE = 0.8

# A file that is UTF-8 but for a few broken sequences: at most one per this many bytes.
_UTF8_DAMAGE_RATIO = 200


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int  # U+FFFD put in for bytes that could not be read


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in its head, as a Python codec name, or None.

    The search stops at ``</head>`` when there is one: a charset named in the body is an
    example in the article's text, not the page's own declaration."""
    head = data[:_HEAD_BYTES]
    end = head.lower().find(b"</head")
    match = _DECLARED.search(head, 0, end if end >= 0 else len(head))
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs in every other byte of mostly-ASCII text."""
    head = data[:2000]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """The most frequent Chinese characters in both scripts: GB2312 level 1 (3,755 simplified)
    and Big5's frequently-used block (5,401 traditional), read from the codecs themselves."""
    chars: set[str] = set()
    for codec, leads, trails in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    ):
        for lead in leads:
            for trail in trails:
                char = _strict(bytes((lead, trail)), codec)
                if char:
                    chars.add(char)
    return frozenset(chars)


def _chinese_candidate(data: bytes) -> str | None:
    """GB18030 or Big5-HKSCS, whichever reads the bytes as common Chinese characters.

    Statistical detectors are unreliable on short Chinese files (a few sentences of GB18030
    come back as EUC-KR). The wrong one of the two Chinese codecs, or any other codec, turns
    Chinese bytes into rare characters or Hangul; the right one gives mostly common ones.
    """
    common = _common_hanzi()
    best, best_share = None, 0.0
    for codec in ("gb18030", "big5hkscs"):
        text = _strict(data, codec)
        if text is None:
            continue
        wide = [c for c in text if ord(c) > 0x2FFF]
        if len(wide) < 2:
            continue
        share = sum(c in common for c in wide) / len(wide)
        if share > best_share:
            best, best_share = codec, share
    return best if best_share >= _COMMON_SHARE else None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported only for files that need it

    best = from_bytes(data).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    elif encoding.startswith("cp125") and _strict(data, "cp1252") is not None:
        # The detector often names a sibling Windows code page on short Western text; the
        # web's legacy default is cp1252, so prefer it whenever it reads the bytes.
        encoding = "cp1252"
    return encoding


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode raw file bytes; raise a PvcleanError that says why when that is impossible."""
    if not data:
        return Decoded("", "utf-8", 0)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is not None:
                return Decoded(text, encoding, 0)
    if b"\x00" in data:
        utf16 = _looks_utf16(data)
        text = _strict(data, utf16) if utf16 else None
        if text is None:
            raise BinaryInputError(f"{name}: binary data (NUL bytes), not text")
        return Decoded(text, utf16 or "", 0)

    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", 0)

    declared = declared_encoding(data)
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return Decoded(text, declared, 0)

    loose = data.decode("utf-8", errors="replace")
    damage = loose.count("\ufffd") - _valid_fffd_count(data)
    if damage * _UTF8_DAMAGE_RATIO <= len(data) and _mostly_multibyte_utf8(data):
        return Decoded(loose, "utf-8", damage)

    detected = _chinese_candidate(data) or _detect(data)
    if detected:
        text = _strict(data, detected)
        if text is not None:
            return Decoded(text, detected, 0)
    raise DecodeError(f"{name}: cannot tell which encoding these bytes are in")


def _valid_fffd_count(data: bytes) -> int:
    """U+FFFD characters that are already in the file as valid UTF-8 (not damage)."""
    return data.count("\ufffd".encode())


def _mostly_multibyte_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly well-formed UTF-8 sequences.

    Without this test a GBK file with a run of valid-looking bytes would pass as damaged
    UTF-8; real UTF-8 damage leaves the great majority of sequences intact.
    """
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if not high:
        return True
    valid = len(data[:65536].decode("utf-8", errors="ignore").encode("utf-8"))
    ascii_bytes = len(data[:65536]) - high
    return (valid - ascii_bytes) >= 0.9 * high
