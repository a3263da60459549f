"""The contract every step keeps: its trace rebuilds its output exactly."""

from __future__ import annotations

import pytest

from pvclean import Options, Pipeline, clean
from pvclean.pipeline import LINK_CLOSE, LINK_OPEN, STEP_NAMES, apply_changes, select_steps

from .conftest import SAMPLES_RAW

# Inputs that exercise every step: tags, entities, link text, mojibake, glosses, traditional
# characters, chrome, ragged layout.
DOCUMENTS = [
    "",
    "\n\n \n",
    "plain English text.\n",
    "<p>第一段。</p><p>第二段&nbsp;有<a href='/x'>链接</a>。</p>",
    "中國(guó)的經濟(jì)發展很快。\r\n\r\n\r\n  第二段\u3000\u3000開始了。",
    "The cafÃ© reopened â€” with new soup.\n",
    "首页 > 新闻 > 地方\n\n标题\n\n正文第一段,内容很长很长,说明了事情的来龙去脉。\n\n"
    "相关阅读\n某某新闻...\n2024-01-01\n",
    "Copyright © 2020 Example\n" + "x " * 50,
]


def _sample_texts() -> list[str]:
    from pvclean.decode import decode

    return [decode(p.read_bytes(), p.name).text for p in sorted(SAMPLES_RAW.iterdir())]


@pytest.mark.parametrize("text", DOCUMENTS + _sample_texts())
def test_every_step_trace_rebuilds_its_output(text: str) -> None:
    result = Pipeline().run(text)
    assert [t.step for t in result.traces] == list(STEP_NAMES)
    for trace, following in zip(result.traces, [*result.traces[1:], None], strict=True):
        output = following.input if following else result.text
        starts = [c.start for c in trace.changes]
        assert starts == sorted(starts), trace.step
        for change in trace.changes:
            assert change.step == trace.step
            assert trace.input[change.start:change.end] == change.before, change
            assert change.rule
        assert apply_changes(trace.input, trace.changes) == output, trace.step


@pytest.mark.parametrize("text", DOCUMENTS + _sample_texts())
def test_link_marks_never_leave_pvclean(text: str) -> None:
    for skip in ([], ["whitespace"], ["spam", "whitespace"]):
        out = Pipeline(skip=skip).clean(text)
        assert LINK_OPEN not in out and LINK_CLOSE not in out


@pytest.mark.parametrize(
    ("steps", "skip", "expected"),
    [
        (None, [], list(STEP_NAMES)),
        (["whitespace", "html"], [], ["html", "whitespace"]),  # always in data-flow order
        (None, ["spam", "t2s"], [n for n in STEP_NAMES if n not in ("spam", "t2s")]),
        (["html"], ["html"], []),
    ],
)
def test_select_steps_keeps_data_flow_order(steps, skip, expected) -> None:
    assert select_steps(steps, skip) == expected


def test_unknown_step_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        Pipeline(steps=["nope"])


def test_unknown_conversion_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown conversion"):
        Pipeline(options=Options(convert="s2t"))


def test_counts_report_removed_and_changed_chars_per_step() -> None:
    result = Pipeline(steps=["html", "whitespace"]).run("<b>粗体</b>文字\n\n\n")
    counts = result.counts()
    assert set(counts) == {"html", "whitespace"}
    assert counts["html"]["removed"] == len("<b>") + len("</b>")
    assert result.text == "粗体文字\n"


def test_clean_converts_unless_told_not_to() -> None:
    assert clean("經濟發展") == "经济发展\n"
    assert clean("經濟發展", convert="none") == "經濟發展\n"


def test_library_options_accept_lists() -> None:
    text = "正文很长的一段话,说明了事情的来龙去脉和前因后果。\n\n版权所有 某某网\n"
    assert "版权所有" in clean(text, keep=["chrome"], rules=[])
    assert "版权所有" not in clean(text)
