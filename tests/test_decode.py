"""Raw bytes in any of the encodings scraped files come in; clear errors otherwise."""

from __future__ import annotations

import codecs

import pytest

from pvclean import clean_bytes
from pvclean.decode import declared_encoding, decode
from pvclean.errors import BinaryInputError, DecodeError

SIMPLIFIED = "山区小学用上了云课堂,孩子们可以和城里的同学一起上音乐课。老师说效果很好。"
TRADITIONAL = "社區共享書櫃啟用,居民忙碌著整理捐書。志工們分類、登記上百本繪本與讀物。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        ("plain ASCII text, nothing else".encode("utf-16-le"), "utf-16-le"),
        ((SIMPLIFIED * 3).encode("gb18030"), "gb18030"),
        ((TRADITIONAL * 3).encode("big5"), None),  # big5 or a superset of it
    ],
)
def test_decodes_common_encodings(data: bytes, encoding: str | None) -> None:
    decoded = decode(data)
    assert decoded.text.lstrip("\ufeff") in (SIMPLIFIED, TRADITIONAL,
                                              SIMPLIFIED * 3, TRADITIONAL * 3,
                                              "plain ASCII text, nothing else")
    if encoding:
        assert decoded.encoding.replace("_", "-") == encoding
    assert decoded.replaced == 0


@pytest.mark.parametrize(("text", "codec"), [("中国的经济。第二段。", "gb18030"),
                                            ("中國的經濟。第二段。", "big5hkscs")])
def test_short_chinese_files_are_not_mistaken_for_other_codecs(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert decode(data) == (text, codec, 0)


def test_declared_charset_wins_for_legacy_bytes() -> None:
    page = ('<html><head><meta charset="gb2312"></head><body><p>' + SIMPLIFIED +
            "</p></body></html>").encode("gb18030")
    decoded = decode(page)
    assert decoded.encoding == "gb18030"
    assert SIMPLIFIED in decoded.text


def test_valid_utf8_stays_utf8_whatever_the_page_declares() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">' + SIMPLIFIED
    assert decode(page.encode("utf-8")).text == page


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="GB2312">', "gb18030"),
        (b"<meta http-equiv=Content-Type content='text/html; charset=big5'>", "big5hkscs"),
        (b'<?xml version="1.0" encoding="GBK"?>', "gb18030"),
        (b'<meta charset="no-such-codec">', None),
        (b"no declaration at all", None),
    ],
)
def test_declared_encoding(head: bytes, codec: str | None) -> None:
    assert declared_encoding(head) == codec


def test_a_few_broken_utf8_bytes_are_replaced_and_counted() -> None:
    data = (SIMPLIFIED * 20).encode("utf-8")
    damaged = data[:300] + b"\xff" + data[300:]
    decoded = decode(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert decoded.text.replace("\ufffd", "") == SIMPLIFIED * 20


def test_binary_data_is_refused_by_name() -> None:
    with pytest.raises(BinaryInputError, match=r"photo\.png: binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.png")


def test_undecodable_bytes_are_refused_not_guessed() -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(4096)).replace(b"\x00", b"\x01")
    try:
        decoded = decode(noise, "noise.bin")
    except DecodeError as exc:
        assert "noise.bin" in str(exc)
    else:  # a detector may still read it as some single-byte code page: never garbage-free
        assert decoded.encoding != "utf-8"


def test_empty_input_is_empty_text() -> None:
    assert decode(b"") == ("", "utf-8", 0)
    assert clean_bytes(b"") == ""
