"""Benchmarks of the spam step.

    python bench/bench_spam.py speed [--mb 8] [--rounds 3]   MB/s of the spam step alone
    python bench/bench_spam.py score [--per-doc]   pvclean over bench/spamset, scored
    python bench/bench_spam.py score --raw DIR --gold DIR   ... over any raw/gold pair

``speed`` times ``pvclean.steps.spam.run`` on documents built from the evaluation set (its
raw files repeated up to the requested size: all of them, then the Chinese and the English
ones apart, then the gold articles, which are ordinary article text with no noise), and on
hostile 1 MB lines. Times are CPU time of this process, the best of ``--rounds``: the
machine the bench runs on is shared, and wall time would measure its load. ``score`` cleans
every raw file with the whole pipeline and compares with gold using the project's
``score.py`` (``--scorer PATH``, default ../shared/tools/score.py) when present, or else the
same measure computed here: paragraphs normalized, characters aligned with difflib.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pvclean.pipeline import Options, Pipeline
from pvclean.steps import spam

HERE = Path(__file__).resolve().parent
SPAMSET = HERE / "spamset"
DEFAULT_SCORER = HERE.parent.parent / "shared" / "tools" / "score.py"
_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")


def _corpus(megabytes: float, pattern: str = "raw/*.txt") -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(SPAMSET.glob(pattern))]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for doc in docs:
            out.append(doc)
            size += len(doc.encode("utf-8"))
    return out


def _time(texts: list[str], rounds: int) -> float:
    """CPU seconds to run the step over ``texts``, the best of ``rounds``."""
    options = Options()
    spam.run(texts[0], options)  # rules load once, outside the timing
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            spam.run(text, options)
        best = min(best, time.process_time() - start)
    return best


def speed(megabytes: float, rounds: int) -> None:
    for name, pattern in (("spamset documents", "raw/*.txt"),
                          ("  Chinese only", "raw/zh_*.txt"), ("  English only", "raw/en_*.txt"),
                          ("gold articles, Chinese", "gold/zh_*.txt"),
                          ("gold articles, English", "gold/en_*.txt")):
        texts = _corpus(megabytes, pattern)
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        seconds = _time(texts, rounds)
        print(f"{name}: {size:.1f} MB in {seconds:.2f} s = {size / seconds:.1f} MB/s")
    for name, line in (("1 MB line of CJK text with spaces", "测试文本 " * 200_000),
                       ("1 MB line of dots and brackets", "a. () " * 170_000),
                       ("1 MB line of dates", "2024-01-01 " * 95_000)):
        seconds = _time([line], rounds)
        print(f"{name}: {seconds:.2f} s")


def _normalize(text: str) -> str:
    lines = (_BLANKS.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _builtin_score(gold_dir: Path, out_dir: Path) -> None:
    matched = gold_chars = out_chars = 0
    for gold_path in sorted(gold_dir.glob("*.txt")):
        gold = _normalize(gold_path.read_text(encoding="utf-8"))
        out = _normalize((out_dir / gold_path.name).read_text(encoding="utf-8"))
        blocks = difflib.SequenceMatcher(None, out, gold, autojunk=False).get_matching_blocks()
        matched += sum(b.size for b in blocks)
        gold_chars += len(gold)
        out_chars += len(out)
    p, r = matched / out_chars, matched / gold_chars
    print(f"P={p:.4f} R={r:.4f} F1={2 * p * r / (p + r):.4f} (built-in measure)")


def score(raw_dir: Path, gold_dir: Path, scorer: Path, per_doc: bool) -> None:
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as out:
        for path in sorted(raw_dir.iterdir()):
            text = path.read_text(encoding="utf-8", errors="replace")
            (Path(out) / path.name).write_text(pipeline.clean(text), encoding="utf-8")
        if scorer.exists():
            args = [sys.executable, str(scorer), str(gold_dir), out]
            subprocess.run(args + (["--per-doc"] if per_doc else []), check=True)
        else:
            _builtin_score(gold_dir, Path(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--mb", type=float, default=8.0)
    s.add_argument("--rounds", type=int, default=3, help="best of this many (CPU time)")
    c = sub.add_parser("score")
    c.add_argument("--raw", type=Path, default=SPAMSET / "raw")
    c.add_argument("--gold", type=Path, default=SPAMSET / "gold")
    c.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    c.add_argument("--per-doc", action="store_true")
    args = parser.parse_args()
    if args.mode == "speed":
        speed(args.mb, args.rounds)
    else:
        score(args.raw, args.gold, args.scorer, args.per_doc)


if __name__ == "__main__":
    main()
