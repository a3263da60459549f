"""Throughput and quality of `pvclean.clean` beside the naive chain, in the same run.

The naive chain is what a user would glue from the same packages:
BeautifulSoup(text).get_text() -> ftfy.fix_text -> OpenCC("t2s").convert.

    python bench/bench_clean.py                       # samples/raw
    python bench/bench_clean.py ../shared/seeds/raw --gold ../shared/seeds/gold

Every input file is cleaned repeatedly until about --megabytes of text went through each
tool; MB/s counts input bytes (UTF-8) per second of wall time in one process. With --gold,
both tools' outputs are scored with the same measure as ../shared/tools/score.py
(character precision/recall/F1 after normalising blank space).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def naive_chain() -> Callable[[str], str]:
    import ftfy
    from bs4 import BeautifulSoup
    from opencc import OpenCC

    converter = OpenCC("t2s")

    def run(text: str) -> str:
        return converter.convert(ftfy.fix_text(BeautifulSoup(text, "html.parser").get_text()))

    return run


def pvclean_chain() -> Callable[[str], str]:
    from pvclean import Pipeline

    return Pipeline().clean


def throughput(tool: Callable[[str], str], texts: list[str], megabytes: float) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, int(megabytes * 1e6 / max(size, 1)))
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            tool(text)
    return rounds * size / 1e6 / (time.perf_counter() - start)


_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")


def _normalise(text: str) -> str:
    lines = (_BLANKS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def score(gold: dict[str, str], out: dict[str, str]) -> tuple[float, float, float]:
    """Micro-averaged character precision, recall and F1 (score.py's measure)."""
    matched = gold_chars = out_chars = 0
    for name, g in gold.items():
        g, o = _normalise(g), _normalise(out.get(name, ""))
        if g and o:
            sm = difflib.SequenceMatcher(None, o, g, autojunk=False)
            matched += sum(b.size for b in sm.get_matching_blocks())
        gold_chars, out_chars = gold_chars + len(g), out_chars + len(o)
    p = matched / out_chars if out_chars else 0.0
    r = matched / gold_chars if gold_chars else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw_dir", nargs="?", type=Path, default=ROOT / "samples" / "raw")
    ap.add_argument("--gold", type=Path, help="gold folder (same file names) to score against")
    ap.add_argument("--megabytes", type=float, default=3.0)
    args = ap.parse_args()

    from pvclean.decode import decode

    files = sorted(p for p in args.raw_dir.iterdir() if p.is_file())
    texts = {p.name: decode(p.read_bytes(), p.name).text for p in files}
    tools = {"naive chain": naive_chain(), "pvclean": pvclean_chain()}
    print(f"{len(files)} files, {sum(len(t.encode()) for t in texts.values()) / 1e3:.1f} KB "
          f"from {args.raw_dir}, ~{args.megabytes} MB per tool, Python {sys.version.split()[0]}")
    gold = ({p.name: p.read_text(encoding="utf-8") for p in sorted(args.gold.iterdir())}
            if args.gold else None)
    for name, tool in tools.items():
        mbs = throughput(tool, list(texts.values()), args.megabytes)
        line = f"{name:12s} {mbs:7.2f} MB/s"
        if gold:
            p, r, f = score(gold, {n: tool(t) for n, t in texts.items()})
            line += f"   P={p:.4f} R={r:.4f} F1={f:.4f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
