"""Batch throughput with 1 and 2 jobs, beside the naive chain, in the same run.

    python bench/make_corpus.py /tmp/corpus --files 1200
    python bench/bench_batch.py /tmp/corpus

The naive chain is what a user would glue from the same packages, one process:
BeautifulSoup(raw bytes).get_text() -> ftfy.fix_text -> OpenCC("t2s").convert, on every
.txt/.html file and on the text of every .jsonl/.jsonl.gz record (no output written).
MB/s counts input bytes on disk per second of wall time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pvclean.batch import BatchConfig, run_batch
from pvclean.batch.walk import iter_inputs
from pvclean.engines import choose


def naive_chain() -> Callable[[bytes | str], str]:
    import ftfy
    from bs4 import BeautifulSoup
    from opencc import OpenCC

    converter = OpenCC("t2s")

    def run(data: bytes | str) -> str:
        return converter.convert(ftfy.fix_text(BeautifulSoup(data, "html.parser").get_text()))

    return run


def time_naive(corpus: Path) -> tuple[float, int]:
    chain = naive_chain()
    size = 0
    start = time.perf_counter()
    for found in iter_inputs(BatchConfig(sources=(str(corpus),), dest="/nonexistent")):
        data = Path(found.path).read_bytes()
        size += len(data)
        if found.kind.startswith("jsonl"):
            raw = gzip.decompress(data) if found.kind == "jsonl.gz" else data
            for line in raw.splitlines():
                chain(json.loads(line)["text"])
        else:
            chain(data)
    return time.perf_counter() - start, size


def time_batch(corpus: Path, jobs: int) -> tuple[float, int]:
    dest = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        config = BatchConfig(sources=(str(corpus),), dest=str(dest))
        start = time.perf_counter()
        summary = run_batch(config, choose(jobs=jobs))
        return time.perf_counter() - start, summary.total.bytes_in
    finally:
        shutil.rmtree(dest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    rows = [(f"pvclean batch -j {jobs}", jobs, *time_batch(args.corpus, jobs))
            for jobs in args.jobs]
    rows.append(("naive chain (bs4 → ftfy → OpenCC)", 1, *time_naive(args.corpus)))
    files = sum(1 for _ in iter_inputs(BatchConfig(sources=(str(args.corpus),), dest="/x")))
    print(f"{files} files")
    print(f"{'tool':<36} {'jobs':>4} {'seconds':>8} {'MB/s':>7} {'MB/s/core':>9}")
    for name, jobs, seconds, size in rows:
        rate = size / 1e6 / seconds
        print(f"{name:<36} {jobs:>4} {seconds:>8.2f} {rate:>7.2f} {rate / jobs:>9.2f}")


if __name__ == "__main__":
    main()
