"""Decoding whole saved pages: valid UTF-8 first, then the page's own declaration (legacy
Chinese names read as their supersets), and detection only when the page says nothing or
lies."""

from __future__ import annotations

import pytest

from pvclean.decode import declared_encoding, decode

# 镕 and 堃 are in GBK but not in GB2312; 㗎 is in Big5-HKSCS but not in Big5.
GBK_TEXT = "朱镕基视察堃山水库，要求确保汛期安全。" * 3
HKSCS_TEXT = "佢話呢間餐廳好食㗎，下次一齊去試吓。" * 3


def page(head: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>t</title></head>"
            f"<body><p>{body}</p></body></html>")


@pytest.mark.parametrize(("head", "body", "codec", "expected"), [
    # declared as the subset, read as the superset
    ('<meta charset="gb2312">', GBK_TEXT, "gb18030", "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', GBK_TEXT, "gbk",
     "gb18030"),
    ("<meta http-equiv=content-type content='text/html;charset=x-gbk'>", GBK_TEXT, "gbk",
     "gb18030"),
    ('<meta charset="big5">', HKSCS_TEXT, "big5hkscs", "big5hkscs"),
    ('<meta charset="x-x-big5">', HKSCS_TEXT, "big5hkscs", "big5hkscs"),
    # valid UTF-8 stays UTF-8 whatever the page declares (re-encoded saves)
    ('<meta charset="gb2312">', GBK_TEXT, "utf-8", "utf-8"),
    ('<meta charset="big5">', HKSCS_TEXT, "utf-8", "utf-8"),
    # no declaration: the Chinese codec that reads common characters
    ("", GBK_TEXT, "gb18030", "gb18030"),
    ("", HKSCS_TEXT, "big5hkscs", "big5hkscs"),
    # a declaration that lies (the bytes do not decode under it): detection decides
    ('<meta charset="big5">', GBK_TEXT, "gb18030", "gb18030"),
    ('<meta charset="utf-8">', GBK_TEXT, "gb18030", "gb18030"),
])
def test_page_charset(head: str, body: str, codec: str, expected: str) -> None:
    decoded = decode(page(head, body).encode(codec))
    assert (decoded.encoding, body in decoded.text) == (expected, True)


def test_declaration_after_a_long_inline_style_is_found() -> None:
    style = "<style>" + ".c{color:red}\n" * 1000 + "</style>"
    data = page(style + '<meta charset="gbk">', GBK_TEXT).encode("gb18030")
    assert declared_encoding(data) == "gb18030"


@pytest.mark.parametrize(("data", "expected"), [
    # a charset named in the body is the article's example, not the page's declaration
    (b'<html><head><title>t</title></head><body><meta charset="koi8-r"></body>', None),
    (b'<html><head><meta charset="euc-cn"></head><body></body>', "gb18030"),
    (b"<html><head><meta charset='csbig5'></head>", "big5hkscs"),
    (b'<?xml version="1.0" encoding="GB2312"?><html></html>', "gb18030"),
])
def test_declared_encoding_reads_the_head(data: bytes, expected: str | None) -> None:
    assert declared_encoding(data) == expected
