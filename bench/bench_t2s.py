"""Throughput of the t2s step beside opencc-python-reimplemented's own ``convert``.

    python bench/bench_t2s.py                 # about 1 MB per text kind
    python bench/bench_t2s.py --megabytes 4

Three kinds of text are built from the Chinese samples in ``samples/raw``: *simplified*
(the library's t2s of them), *traditional* (its s2t of that), and *mixed* (simplified and
traditional paragraphs alternating). Each is repeated up to --megabytes and converted, in
the same process, by

* ``library``: ``OpenCC("t2s").convert``;
* ``pvclean``: the whole t2s step (``pvclean.steps.t2s.run``: detection, conversion and
  the trace of changes).

MB/s is UTF-8 input bytes per second of wall time, best of --repeat runs. The one-off cost
of building pvclean's tables is reported apart (``first call``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpora(megabytes: float) -> dict[str, str]:
    from opencc import OpenCC

    from pvclean.decode import decode

    samples = sorted((ROOT / "samples" / "raw").glob("zh_*"))
    base = "\n".join(decode(p.read_bytes(), p.name).text for p in samples)
    simplified = OpenCC("t2s").convert(base)
    traditional = OpenCC("s2t").convert(simplified)
    mixed = "\n".join(s if i % 2 else t for i, (s, t) in enumerate(
        zip(simplified.split("\n"), traditional.split("\n"), strict=True)))
    size = int(megabytes * 1e6)
    return {name: (text * (size // len(text.encode()) + 1))[: size // 3]
            for name, text in (("simplified", simplified), ("traditional", traditional),
                               ("mixed", mixed))}


def best_seconds(function: Callable[[str], object], text: str, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from opencc import OpenCC

    from pvclean.pipeline import Options
    from pvclean.steps import t2s

    start = time.perf_counter()
    t2s.run("臺灣", Options())
    print(f"pvclean first call (tables built): {time.perf_counter() - start:.3f} s")

    library = OpenCC("t2s")
    options = Options()
    tools: dict[str, Callable[[str], object]] = {
        "library": library.convert,
        "pvclean": lambda text: t2s.run(text, options),
    }
    print(f"{'text':<12} {'MB':>6} " + " ".join(f"{name + ' MB/s':>14}" for name in tools)
          + f" {'speed-up':>9}")
    for kind, text in corpora(args.megabytes).items():
        megabytes = len(text.encode()) / 1e6
        rates = {name: megabytes / best_seconds(tool, text, args.repeat)
                 for name, tool in tools.items()}
        print(f"{kind:<12} {megabytes:>6.2f} "
              + " ".join(f"{rate:>14.1f}" for rate in rates.values())
              + f" {rates['pvclean'] / rates['library']:>8.1f}x")


if __name__ == "__main__":
    main()
