"""Throughput of the html step beside plain ``BeautifulSoup(text, "html.parser").get_text()``.

    python bench/bench_html.py                 # about 4 MB of each kind of text
    python bench/bench_html.py --megabytes 1

The texts are generated here (Chinese and English paragraphs, no third-party article text):

* plain   no ``<`` and no ``&``: the common case, which the step passes through untouched;
* prose   look-alike text only (``a < b``, ``PM2.5<35``, ``R&D``): scanned, nothing changes;
* markup  scraped-page dirt: tag soup with random ids, ``<p>``/``<br>``, spam anchors,
  entities, a script and a style block, comments.

MB/s counts UTF-8 input bytes per second of wall time, best of --repeat runs, in one process.
BeautifulSoup does less (no trace, no link marks, no double-escape decoding, and it eats the
look-alike text), so it is the yardstick, not a like-for-like competitor.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

CHINESE = "光伏组件的产量今年继续增长,储能电站在多个省份并网发电,电网公司调整了峰谷电价。"
ENGLISH = "Solar module output kept growing this year while storage plants came online. "


def plain_text(size: int, rng: random.Random) -> str:
    return _fill(size, lambda: rng.choice([CHINESE, ENGLISH]) * rng.randint(2, 6) + "\n\n")


def prose_text(size: int, rng: random.Random) -> str:
    asides = [" a < b 时成立。", " PM2.5<35微克。", " R&D spending rose. ", " x<y>z is code. "]
    return _fill(size, lambda: rng.choice([CHINESE, ENGLISH]) * rng.randint(1, 3)
                 + rng.choice(asides) + "\n\n")


def markup_text(size: int, rng: random.Random) -> str:
    def soup() -> str:
        tag_id = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(5))
        names = rng.sample(["span", "meter", "rp", "tbody", "dfn", "kbd", "sub", "bdo"], 3)
        return "".join(f'<{n} id="{tag_id}"></{n}>' for n in names)

    blocks = [
        lambda: f"<p>{CHINESE * 2}&nbsp;&ldquo;新能源&rdquo;</p>\n",
        lambda: f"<p>{ENGLISH}<br>{ENGLISH}&amp; more &#20809;&#x4F0F;</p>\n",
        lambda: f'<div class="rel"><a href="/n/{rng.randint(1, 9999)}">相关新闻标题</a></div>\n',
        lambda: soup() + "\n",
        lambda: "<script>var n = 1; if (n<2) { track('x'); }</script>\n",
        lambda: "<style>.a { color: red }</style><!-- ad slot -->\n",
    ]
    return _fill(size, lambda: rng.choice(blocks)())


def _fill(size: int, piece: Callable[[], str]) -> str:
    """Pieces joined until they make ``size`` bytes of UTF-8."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(piece())
        total += len(parts[-1].encode("utf-8"))
    return "".join(parts)


def html_step() -> Callable[[str], str]:
    from pvclean.pipeline import Options
    from pvclean.steps.html import run

    options = Options()
    return lambda text: run(text, options).text


def beautifulsoup() -> Callable[[str], str]:
    from bs4 import BeautifulSoup

    return lambda text: BeautifulSoup(text, "html.parser").get_text()


def megabytes_per_second(function: Callable[[str], str], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return len(text.encode("utf-8")) / 1e6 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0, help="size of each text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20240105)
    size = int(args.megabytes * 1e6)
    texts = {"plain": plain_text(size, rng), "prose": prose_text(size, rng),
             "markup": markup_text(size, rng)}
    tools = {"pvclean html": html_step(), "BeautifulSoup": beautifulsoup()}
    print(f"{'text':8} {'MB':>6} " + " ".join(f"{name:>16}" for name in tools))
    for label, text in texts.items():
        rates = [megabytes_per_second(tool, text, args.repeat) for tool in tools.values()]
        print(f"{label:8} {len(text.encode('utf-8')) / 1e6:6.2f} "
              + " ".join(f"{rate:11.1f} MB/s" for rate in rates))


if __name__ == "__main__":
    main()
