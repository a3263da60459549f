"""The whitespace step settles layout without ever joining or splitting lines."""

from __future__ import annotations

import pytest

from pvclean.pipeline import Options, apply_changes
from pvclean.steps.whitespace import run


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("\n \n\t\n", ""),
        ("a", "a\n"),
        ("a\n", "a\n"),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("  indented\n\u3000\u3000全角缩进\n", "indented\n全角缩进\n"),
        ("a  b\t\tc\u00a0\u00a0d", "a b c d\n"),
        ("one\n\n\n\n\ntwo\n\n\n", "one\n\ntwo\n"),
        ("one\n \t\ntwo", "one\n\ntwo\n"),
        ("\ufeffBOM at start", "BOM at start\n"),
        ("zero\u200bwidth\u200d joined", "zerowidth joined\n"),
        ("a \u200b b", "a b\n"),
        ("soft\u00adhyphen", "softhyphen\n"),
        ("\ue000link\ue001 text", "link text\n"),
        ("line one\nline two\n", "line one\nline two\n"),  # a single break stays single
    ],
)
def test_layout(raw: str, expected: str) -> None:
    result = run(raw, Options())
    assert result.text == expected
    assert apply_changes(raw, result.changes) == expected


@pytest.mark.parametrize("raw", ["a b\n", "第一段。\n\n第二段。\n", "x\ny\n"])
def test_settled_text_is_untouched_and_free(raw: str) -> None:
    assert run(raw, Options()) == (raw, [])


def test_is_idempotent_on_its_output() -> None:
    raw = "\r\n  a \u3000 b \r\n\r\n\r\n\u200b\nc  "
    once = run(raw, Options()).text
    assert run(once, Options()).text == once
