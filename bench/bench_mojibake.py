"""Throughput of the mojibake step beside ``ftfy.fix_text`` (the naive alternative).

    python bench/bench_mojibake.py                 # about 1 MB per text kind
    python bench/bench_mojibake.py --megabytes 4

Text kinds, all generated here from a few sentences of our own:

* ``clean-zh`` / ``clean-en``: paragraphs with curly quotes, full-width punctuation,
  numbers: nothing to repair, so the step should cost one scan;
* ``damaged-zh``: the same Chinese with one paragraph in eight damaged (a GBK stream cut
  inside a character, UTF-8 read as GBK, GBK read as Latin-1);
* ``damaged-en``: English with one paragraph in eight as UTF-8 read as cp1252.

Each is run, in the same process, through ``pvclean.steps.mojibake.run`` (repairs and
trace) and ``ftfy.fix_text`` (defaults). MB/s is UTF-8 input bytes per second of wall
time, best of --repeat runs. The one-off cost of loading the model table and compiling the
scans is reported apart (``first call``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

ZH = [
    "我们今天在北京召开了全体会议，讨论明年的工作计划。",
    "这座城市的交通越来越方便，地铁已经通到了郊区。",
    "研究人员发现，每天坚持运动可以明显改善睡眠质量。",
    "老师说：“学习语言最重要的是每天练习。”大家都点头。",
    "2023年，全市工业总产值达到505亿元，比上年增长8.5%。",
]
EN = [
    "The council met on Tuesday to discuss next year’s budget — again.",
    "Researchers found that “daily exercise” improves sleep quality by 15%.",
    "Trains now reach the suburbs, and the café by the station is always full.",
]


def paragraphs(sentences: list[str], count: int) -> list[str]:
    return [" ".join(sentences[(i + j) % len(sentences)] for j in range(4)) for i in range(count)]


def damage_zh(paragraph: str, kind: int) -> str:
    raw = paragraph.encode("gbk")
    if kind == 0:
        cut = len(raw) // 3 | 1
        return (raw[:cut].decode("cp936", errors="replace").replace("\ufffd", "?")
                + raw[cut:].decode("cp936", errors="replace"))
    if kind == 1:
        return paragraph.encode("utf-8").decode("gbk", errors="replace")
    return raw.decode("latin-1")


def corpora(megabytes: float) -> dict[str, str]:
    size = int(megabytes * 1e6)
    zh = paragraphs(ZH, 200)
    en = paragraphs(EN, 200)
    damaged_zh = [damage_zh(p, i // 8 % 3) if i % 8 == 0 else p for i, p in enumerate(zh)]
    damaged_en = [p.encode("utf-8").decode("cp1252", errors="replace") if i % 8 == 0 else p
                  for i, p in enumerate(en)]
    kinds = {"clean-zh": zh, "clean-en": en, "damaged-zh": damaged_zh, "damaged-en": damaged_en}
    out = {}
    for name, paras in kinds.items():
        block = "\n\n".join(paras) + "\n\n"
        out[name] = (block * (size // len(block.encode("utf-8")) + 1))[:size // 3 * 2]
    return out


def best_of(function: Callable[[str], object], text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    began = time.perf_counter()
    from pvclean.pipeline import Options
    from pvclean.steps.mojibake import run
    run("预热：中文?文本", Options())
    print(f"first call (model table, scans): {time.perf_counter() - began:.3f} s")

    import ftfy

    tools: dict[str, Callable[[str], object]] = {
        "pvclean mojibake": lambda t: run(t, Options()),
        "ftfy.fix_text": ftfy.fix_text,
    }
    print(f"{'text':<12} {'MB':>6}  " + "  ".join(f"{n:>18}" for n in tools) + "  changes")
    for name, text in corpora(args.megabytes).items():
        megabytes = len(text.encode("utf-8")) / 1e6
        rates = [megabytes / best_of(f, text, args.repeat) for f in tools.values()]
        changes = len(run(text, Options()).changes)
        print(f"{name:<12} {megabytes:6.2f}  "
              + "  ".join(f"{r:13.1f} MB/s" for r in rates) + f"  {changes}")


if __name__ == "__main__":
    main()
