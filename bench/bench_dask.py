"""``pvclean batch`` on a local Dask cluster beside the local engine, in the same run.

    python bench/bench_dask.py                     # about 4 MB built from samples/raw
    python bench/bench_dask.py --megabytes 16 --tiny-tasks 5000
    python bench/bench_dask.py --scheduler tcp://127.0.0.1:8786   # workers started apart

Both engines clean the same corpus: small .txt/.html files in folders plus .jsonl shards, one
of them large enough to be split into line-aligned parts. The local engine runs with
``jobs=2``; Dask runs on a ``LocalCluster`` of 2 single-threaded worker processes on
127.0.0.1, started before the clock starts (as an existing cluster would be) and timed apart,
or on the cluster at ``--scheduler``.
MB/s counts input bytes per second of wall time for the whole run (walk, tasks, split-file
assembly). The two DEST trees are compared byte for byte.

The scheduling overhead is measured on tasks that do nothing: each holds one input already
marked as failed, so ``run_task`` returns at once without touching a file. Their time per
task in this process is next to nothing; the time per task through an engine is what that
engine adds to every task (submit, ship, run, return, collect), with its whole window of
tasks in flight.

Every output is fsync'ed before its rename, so small files cost a disk flush each; the
page cache is flushed before each timed phase so that no phase pays for an earlier one's
writes.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pvclean.batch import (
    BatchConfig,
    Task,
    TaskResult,
    Unit,
    run_batch,
    run_task,
)
from pvclean.engines import dask as dask_engine
from pvclean.engines import local as local_engine

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "raw"
FILES_PER_FOLDER = 500
Engine = Callable[[Iterable[Task], BatchConfig], Iterator[TaskResult]]


def build_corpus(src: Path, megabytes: float) -> str:
    """Half the bytes as small files, half as .jsonl shards; returns a one-line description.

    The largest shard is over ``BatchConfig.part_bytes`` so that the split path is timed.
    """
    samples = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    budget = int(megabytes * 1e6 / 2)
    written = files = 0
    while written < budget:
        sample = samples[files % len(samples)]
        folder = src / "pages" / f"{files // FILES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = sample.read_bytes()
        (folder / f"{files:06d}{sample.suffix}").write_bytes(data)
        written += len(data)
        files += 1
    texts = [p.read_bytes().decode("utf-8", "replace") for p in samples]
    shard_sizes = [budget * 2 // 3, budget - budget * 2 // 3]
    records = 0
    (src / "shards").mkdir()
    for shard, size in enumerate(shard_sizes):
        with open(src / "shards" / f"{shard:03d}.jsonl", "w", encoding="utf-8") as out:
            done = 0
            while done < size:
                line = json.dumps({"id": records, "text": texts[records % len(texts)]},
                                  ensure_ascii=False) + "\n"
                out.write(line)
                done += len(line.encode("utf-8"))
                records += 1
    return f"{files:,} files + {len(shard_sizes)} jsonl shards ({records:,} records)"


def timed(config: BatchConfig, engine: Engine) -> tuple[float, float]:
    """(MB/s, seconds) of one whole batch run."""
    os.sync()
    start = time.perf_counter()
    summary = run_batch(config, engine)
    elapsed = time.perf_counter() - start
    return summary.total.bytes_in / 1e6 / elapsed, elapsed


def digest(folder: Path) -> str:
    """One hash over every file's relative path and bytes, in a fixed order."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def per_task_ms(engine: Engine, config: BatchConfig, count: int) -> float:
    """Wall milliseconds per task of ``engine`` over ``count`` tasks that do nothing."""
    tasks = [Task((Unit(f"tiny-{i}", "", "text", problem="nothing to do"),))
             for i in range(count)]
    os.makedirs(config.dest, exist_ok=True)  # run_batch would have made it
    os.sync()
    start = time.perf_counter()
    for _ in engine(tasks, config):
        pass
    return (time.perf_counter() - start) * 1e3 / count


@contextlib.contextmanager
def cluster_at(address: str | None) -> Iterator[tuple[str, str]]:
    """The scheduler address to run on and how it was had: ``address`` when given (an
    existing cluster), else a LocalCluster of 2 single-threaded workers, timed."""
    if address:
        yield address, "existing cluster"
        return
    from distributed import LocalCluster

    started = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address, \
            f"2 workers x 1 thread, started in {time.perf_counter() - started:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=4.0,
                        help="size of the generated corpus")
    parser.add_argument("--tiny-tasks", type=int, default=2000,
                        help="empty tasks for the scheduling overhead")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="an existing cluster (workers on this machine: the corpus is "
                        "in a local temporary folder) instead of a LocalCluster")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp, \
            cluster_at(args.scheduler) as (address, cluster):
        root = Path(tmp)
        print(f"corpus: {build_corpus(root / 'src', args.megabytes)}")

        def config(dest: str) -> BatchConfig:
            return BatchConfig(sources=(str(root / "src"),), dest=str(root / dest))

        def local(tasks: Iterable[Task], cfg: BatchConfig) -> Iterator[TaskResult]:
            return local_engine.execute(tasks, cfg, jobs=2)

        def on_cluster(tasks: Iterable[Task], cfg: BatchConfig) -> Iterator[TaskResult]:
            return dask_engine.execute(tasks, cfg, scheduler=address)

        local_rate, local_s = timed(config("out-local"), local)
        dask_rate, dask_s = timed(config("out-dask"), on_cluster)
        same = digest(root / "out-local") == digest(root / "out-dask")
        print(f"local engine, jobs=2   {local_rate:7.2f} MB/s  ({local_s:.2f} s)")
        print(f"dask engine            {dask_rate:7.2f} MB/s  ({dask_s:.2f} s; {cluster})")
        print(f"outputs byte-identical: {'yes' if same else 'NO'}")

        nothing = config("unused")
        count = args.tiny_tasks
        work_ms = per_task_ms(lambda tasks, cfg: (run_task(t, cfg) for t in tasks),
                              nothing, count)
        local_ms = per_task_ms(local, nothing, count)
        dask_ms = per_task_ms(on_cluster, nothing, count)
        print(f"per-task overhead over {count:,} empty tasks: in-process {work_ms:.3f} ms; "
              f"local engine +{local_ms - work_ms:.2f} ms (its pool start included); "
              f"dask +{dask_ms - work_ms:.2f} ms")


if __name__ == "__main__":
    main()
