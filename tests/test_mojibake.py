"""The mojibake step: damage made here from our own sentences, the way scrapes damage text.

Every case is generated: a sentence is encoded, a byte is lost or the bytes are read with the
wrong codec, and the step must bring the sentence back (or at least closer), while text
that was never damaged passes through byte-identical.
"""

from __future__ import annotations

import difflib

import pytest

from pvclean.mojibake.scan import repair_text
from pvclean.pipeline import LINK_CLOSE, LINK_OPEN, Options, apply_changes
from pvclean.steps.mojibake import NAME, run

SIMPLIFIED = [
    "我们今天在北京召开了全体会议，讨论明年的工作计划。",
    "这座城市的交通越来越方便，地铁已经通到了郊区。",
    "研究人员发现，每天坚持运动可以明显改善睡眠质量。",
    "老师说：“学习语言最重要的是每天练习。”大家都点头。",
]
TRADITIONAL = [
    "我們今天在台北召開了全體會議，討論明年的工作計劃。",
    "這座城市的交通越來越方便，捷運已經通到了郊區。",
    "研究人員發現，每天堅持運動可以明顯改善睡眠品質。",
]
SENTENCES = SIMPLIFIED + TRADITIONAL

CLEAN = {
    "english": "He said “it’s fine” — and left… The café’s ﬁnal bill: £35 × 2.",
    "chinese": "他说：“今天天气很好！”我们一起去公园散步，看见了许多花。",
    "full-width": "ＡＢＣ１２３，（全角）「引号」『书名』",
    "classical": "學而時習之，不亦說乎？有朋自遠方來，不亦樂乎？",
    "rare characters": "龘靐齉齾爩鱻麤龗灪爨癵驫饢籱",
    "japanese": "ひらがなとカタカナ、そして漢字を使って日本語を書きます。",
    "emoji": "今天很开心😀🎉，明天见👋",
    "math": "∀x∈ℝ, ∑ᵢ xᵢ² ≥ 0 ⇒ ∫₀¹ f(x)dx ≤ √2 ± ε",
    "latin": "Ôôô VIDA MINHA — NESTLÉ® Ökonomie über alles, naïve façade",
    "box drawing": "├┤a┼┐a┼┐a └─┘",
    "question marks": "你好吗?我很好!谢谢?? 真的??",
    "entity text": "Write &amp; to get &, and &lt;b&gt; for <b>.",
    "replacement char": "原文损坏�，无法恢复",
}


def check_trace(text: str) -> str:
    """Run the step, check the trace invariants, return the output."""
    out, changes = run(text, Options())
    assert apply_changes(text, changes) == out
    pos = 0
    for change in changes:
        assert change.step == NAME
        assert pos <= change.start <= change.end
        assert text[change.start:change.end] == change.before
        pos = change.end
    return out


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


# ---------------------------------------------------------------- clean text passes untouched

@pytest.mark.parametrize("text", CLEAN.values(), ids=CLEAN.keys())
def test_clean_text_is_byte_identical(text: str) -> None:
    out, changes = run(text, Options())
    assert out == text
    assert changes == []


# ---------------------------------------------------------------- GBK misalignment

def drop_byte(text: str, index: int) -> str:
    """Lose one byte of the GBK stream and decode with replacement (a lossy transfer)."""
    raw = text.encode("gbk")
    return (raw[:index] + raw[index + 1:]).decode("cp936", errors="replace")


def chunked(text: str, cut: int) -> str:
    """A stream decoded in two chunks cut inside a character, by a page that then printed
    full-width signs as ASCII: the lone lead byte becomes "?", the rest is read one off."""
    raw = text.encode("gbk")
    head = raw[:cut].decode("cp936", errors="replace").replace("\ufffd", "?")
    tail = raw[cut:].decode("cp936", errors="replace")
    shifted = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in tail)
    return head + shifted


def test_dropped_bytes_are_mostly_repaired_never_made_worse_on_the_whole() -> None:
    exact = improved = worse = total = 0
    for sentence in SENTENCES:
        for tail in ("", "(ok)", "12"):
            text = sentence + tail
            for index in range(len(sentence.encode("gbk")) - 2):
                damaged = drop_byte(text, index)
                if damaged == text:
                    continue
                out = check_trace(damaged)
                total += 1
                exact += out == text
                improved += out != text and similarity(out, text) > similarity(damaged, text)
                worse += similarity(out, text) < similarity(damaged, text)
    assert total > 500
    assert exact + improved >= 0.45 * total
    assert worse <= 0.03 * total


CHUNK_CASES = [
    # (sentence, byte offset of the cut: inside the character that loses its lead byte)
    ("他们在会上发言。“我们一定完成任务”主任说。", 15),
    ("這座城市的交通越來越方便。“地鐵已經通到郊區”市長說。", 25),
    ("会议决定：加强管理、考核制度，年底前完成。", 13),
    ("工人们在各自的岗位上紧张地忙碌着,大家干劲十足。", 7),
]


@pytest.mark.parametrize(("sentence", "cut"), CHUNK_CASES)
def test_chunk_cut_with_mark_is_repaired(sentence: str, cut: int) -> None:
    """Everything comes back but, at worst, the character whose lead byte was lost: that
    one is a guess from its trail byte and its neighbours."""
    damaged = chunked(sentence, cut)
    assert damaged != sentence
    out = check_trace(damaged)
    assert len(out) == len(sentence)
    assert sum(a != b for a, b in zip(out, sentence, strict=True)) <= 1


def test_realignment_is_named_in_the_trace() -> None:
    damaged = chunked(CHUNK_CASES[0][0], CHUNK_CASES[0][1])
    changes = run(damaged, Options()).changes
    assert {c.rule for c in changes} == {"gbk-misaligned"}


def test_gloss_swallowed_by_the_mark_goes_with_it() -> None:
    """A pinyin gloss whose "(" the lost byte's mark swallowed is part of the damage."""
    sentence = "工人们在各自的岗位上紧张地忙碌着,大家干劲十足。"
    damaged = chunked(sentence, 7)
    broken = damaged.replace("?", "?zài)", 1)
    assert check_trace(broken) == sentence


# ---------------------------------------------------------------- whole runs, wrong codec

def utf8_as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace")


def gbk_as_latin1(text: str) -> str:
    return text.encode("gbk").decode("latin-1")


def gbk_as_cp1252(text: str) -> str:
    return text.encode("gbk").decode("cp1252", errors="replace")


def big5_as_latin1(text: str) -> str:
    return text.encode("big5").decode("latin-1")


def big5_as_gbk(text: str) -> str:
    return text.encode("big5").decode("gbk", errors="replace")


REDECODE_CASES = [
    ("utf-8 read as gbk", utf8_as_gbk, "发布时间"),
    ("utf-8 read as gbk", utf8_as_gbk, "今天天气很好"),
    ("gbk read as latin-1", gbk_as_latin1, "中华人民共和国"),
    ("gbk read as latin-1", gbk_as_latin1, "研究人员发现"),
    ("gbk read as cp1252", gbk_as_cp1252, "城市交通"),
    ("big5 read as gbk", big5_as_gbk, "中華民國"),
    ("big5 read as latin-1", big5_as_latin1, "臺灣大學的圖書館"),
]


@pytest.mark.parametrize(("kind", "damage", "sentence"), REDECODE_CASES,
                         ids=[f"{k}:{s}" for k, _, s in REDECODE_CASES])
def test_wrong_codec_runs_are_redecoded(kind: str, damage, sentence: str) -> None:
    damaged = damage(sentence)
    assert damaged != sentence
    assert check_trace(f"标题：{damaged}\n") == f"标题：{sentence}\n"


def test_lost_utf8_read_as_gbk_becomes_the_replacement_it_stands_for() -> None:
    damaged = "\ufffd\ufffd".encode().decode("gbk")
    assert check_trace(f"内容{damaged}结束") == "内容\ufffd\ufffd结束"


# ---------------------------------------------------------------- ftfy's part

FTFY_CASES = [
    ("cafÃ©", "café"),
    ("â€œHelloâ€\x9d, she said", "“Hello”, she said"),
    ("Itâ€™s here", "It’s here"),
    ("\x93quoted\x94", "“quoted”"),
    ("ä¸\xadæ–‡", "中文"),
]


@pytest.mark.parametrize(("damaged", "expected"), FTFY_CASES)
def test_utf8_read_as_single_byte_codec(damaged: str, expected: str) -> None:
    assert check_trace(f"line one\n{damaged}\nline three") == f"line one\n{expected}\nline three"


def test_only_the_damaged_line_is_changed() -> None:
    text = "“curly” ﬁ ＡＢＣ\ncafÃ©\n“curly again”"
    out = check_trace(text)
    assert out == "“curly” ﬁ ＡＢＣ\ncafé\n“curly again”"


# ---------------------------------------------------------------- boundaries and counting

def test_link_marks_stay_where_they_are() -> None:
    sentence, cut = CHUNK_CASES[0]
    damaged = chunked(sentence, cut)
    text = f"{LINK_OPEN}{damaged}{LINK_CLOSE}{LINK_OPEN}cafÃ©{LINK_CLOSE}"
    out = check_trace(text)
    assert out == f"{LINK_OPEN}{sentence}{LINK_CLOSE}{LINK_OPEN}café{LINK_CLOSE}"


def test_unrepairable_run_is_left_and_counted() -> None:
    text = "开头?龘靐齉齾爩结尾"
    outcome = repair_text(text, NAME)
    assert outcome.text == text
    assert outcome.changes == []
    assert len(outcome.unrepaired) >= 1
    start, end = outcome.unrepaired[0]
    assert text[start:end]


def test_long_noise_is_left_alone_with_a_valid_trace() -> None:
    """Long runs of marks, rare characters and kana (hostile input for the scans: every
    position is a candidate) come out as they went in."""
    noise = "?" * 3000 + "龘靐" * 3000 + "ぁ" * 3000 + "a?" * 3000
    assert check_trace(noise * 2) == noise * 2
