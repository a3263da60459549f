"""The engine-free part of ``pvclean batch``: walking, planning, running a task, resuming,
and adding results up deterministically."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from pvclean.batch import BatchConfig, SourceError, TaskResult, plan_tasks, run_batch, run_task
from pvclean.batch.dest import sweep_temporaries
from pvclean.batch.plan import Task
from pvclean.batch.walk import MANIFEST, iter_inputs, output_name
from pvclean.engines import local
from pvclean.io.atomic import TEMP_PREFIX

ZH_HTML = ('<html><head><meta charset="gb2312"><title>新闻</title></head><body>'
           '<p>中國(guó)的經濟發展很快。</p><p>专家认为明年还会继续增长。</p>'
           "<p>相关文章：</p><ul><li><a href='/1'>上一篇：旧闻一则</a></li></ul></body></html>")
ZH_TRAD = "臺灣的天氣很好，我們明天去爬山。\n相关文章：\n上一篇：旧闻一则\n下一篇：新闻两则\n"
EN_TEXT = ("The harbour reopened on Monday after the storm &amp; crews worked overnight.\n"
           "Related posts:\n- Ten tips for sailing\n- Best boats 2023\n")
RECORDS = [
    {"id": 1, "text": "<p>經濟發展</p>", "url": "http://a.example/1"},
    {"id": 2, "text": "Plain English text with   extra spaces.", "lang": "en"},
]


def make_tree(root: Path, copies: int = 1) -> Path:
    """A small mixed corpus: html in GB2312, traditional Chinese, English, jsonl (one line
    malformed), jsonl.gz, and one binary file posing as text."""
    for i in range(copies):
        folder = root / f"site{i}"
        (folder / "zh").mkdir(parents=True)
        (folder / "en").mkdir()
        (folder / "data").mkdir()
        (folder / "zh" / "news.html").write_bytes(ZH_HTML.encode("gb18030"))
        (folder / "zh" / "trad.txt").write_text(ZH_TRAD, encoding="utf-8")
        (folder / "en" / "post.txt").write_text(EN_TEXT, encoding="utf-8")
        lines = [json.dumps(RECORDS[0], ensure_ascii=False), "{not json", "",
                 json.dumps(RECORDS[1])]
        (folder / "data" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        with gzip.open(folder / "data" / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
            handle.write(json.dumps(RECORDS[0], ensure_ascii=False) + "\n")
        (folder / "notes.md").write_text("not an input kind")
    (root / "site0" / "broken.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00")
    return root


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def config(src: Path, dest: Path, **kw: object) -> BatchConfig:
    return BatchConfig(sources=(str(src),), dest=str(dest), **kw)  # type: ignore[arg-type]


def serial(tasks: Iterable[Task], cfg: BatchConfig) -> Iterator[TaskResult]:
    return local.execute(tasks, cfg, jobs=1)


# ---------------------------------------------------------------- walking and naming

@pytest.mark.parametrize(("name", "kind", "siblings", "output"), [
    ("a.txt", "text", {"a.txt"}, "a.txt"),
    ("a.html", "html", {"a.html"}, "a.txt"),
    ("a.htm", "html", {"a.htm"}, "a.txt"),
    ("a.html", "html", {"a.html", "a.txt"}, "a.html.txt"),
    ("a.htm", "html", {"a.htm", "a.html"}, "a.htm.txt"),
    ("r.jsonl.gz", "jsonl.gz", set(), "r.jsonl.gz"),
])
def test_output_names(name: str, kind: str, siblings: set[str], output: str) -> None:
    assert output_name(name, kind, siblings) == output


def test_walk_is_sorted_and_mirrors_relative_paths(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    found = list(iter_inputs(config(src, tmp_path / "out")))
    rel = [os.path.relpath(f.path, src) for f in found]
    assert rel == ["site0/broken.txt", "site0/data/a.jsonl", "site0/data/b.jsonl.gz",
                   "site0/en/post.txt", "site0/zh/news.html", "site0/zh/trad.txt"]
    assert found[-2].output == str(tmp_path / "out" / "site0" / "zh" / "news.txt")


def test_several_sources_go_under_their_names(tmp_path: Path) -> None:
    make_tree(tmp_path / "src", copies=2)
    cfg = BatchConfig(sources=(str(tmp_path / "src/site0"), str(tmp_path / "src/site1/en")),
                      dest=str(tmp_path / "out"))
    outputs = {os.path.relpath(f.output, tmp_path / "out") for f in iter_inputs(cfg)}
    assert "site0/zh/news.txt" in outputs and "en/post.txt" in outputs


@pytest.mark.parametrize(("pattern", "expected"), [
    ("*/zh/*.html", ["site0/zh/news.html", "site1/zh/news.html"]),
    ("**/*.jsonl", ["site0/data/a.jsonl", "site1/data/a.jsonl"]),
    ("site1/**/t?ad.txt", ["zh/trad.txt"]),
])
def test_glob_sources(tmp_path: Path, pattern: str, expected: list[str]) -> None:
    src = make_tree(tmp_path / "src", copies=2)
    pattern_path = f"{src}/{pattern}"
    root = src / pattern.split("/")[0] if "*" not in pattern.split("/")[0] else src
    found = list(iter_inputs(BatchConfig(sources=(pattern_path,), dest=str(tmp_path / "o"))))
    assert [os.path.relpath(f.path, root) for f in found] == expected


def test_symlinks_out_of_src_and_linked_folders_are_not_followed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (tmp_path / "outside.txt").write_text("secret")
    (src / "in.txt").write_text("inside")
    (src / "escape.txt").symlink_to(tmp_path / "outside.txt")
    (src / "alias.txt").symlink_to(src / "in.txt")
    (src / "loop").symlink_to(src)
    found = [os.path.basename(f.path) for f in iter_inputs(config(src, tmp_path / "out"))]
    assert found == ["alias.txt", "in.txt"]


@pytest.mark.parametrize(("dest", "allowed", "refused"), [
    ("src", False, True),
    ("src/out", False, True),
    ("src/out", True, False),
    (".", True, True),  # DEST holding SRC could write over inputs
    ("out", False, False),
])
def test_dest_placement(tmp_path: Path, dest: str, allowed: bool, refused: bool) -> None:
    src = make_tree(tmp_path / "src")
    cfg = config(src, tmp_path / dest, allow_dest_in_src=allowed)
    if refused:
        with pytest.raises(SourceError):
            run_batch(cfg, serial)
    else:
        run_batch(cfg, serial)
        assert (tmp_path / dest / "site0" / "zh" / "news.txt").exists()


def test_dest_inside_src_is_left_out_of_the_walk(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    cfg = config(src, src / "clean", allow_dest_in_src=True)
    first = run_batch(cfg, serial)
    second = run_batch(cfg, serial)
    assert not (src / "clean" / "clean").exists()
    assert second.total.files == first.total.files == 5


# ---------------------------------------------------------------- planning

def test_small_files_are_grouped(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src", copies=3)
    tasks = list(plan_tasks(config(src, tmp_path / "out", group_files=5)))
    assert [len(t.units) for t in tasks] == [5, 5, 5, 1]  # 3 sites of 5 inputs, 1 broken
    by_size = list(plan_tasks(config(src, tmp_path / "out", part_bytes=300)))
    assert all(sum(u.size for u in t.units) <= 300 or len(t.units) == 1 for t in by_size)


def test_large_jsonl_is_split_on_line_boundaries(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    lines = [json.dumps({"n": i, "text": f"第{i}行 line {i} &amp;"}, ensure_ascii=False)
             for i in range(200)]
    lines[137] = "{broken"
    (src / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    split = config(src, tmp_path / "split", part_bytes=500)
    parts = [t.units[0] for t in plan_tasks(split)]
    assert len(parts) > 5
    assert [p.start for p in parts[1:]] == [p.stop for p in parts[:-1]]
    data = (src / "big.jsonl").read_bytes()
    for part in parts:
        assert part.start == 0 or data[part.start - 1:part.start] == b"\n"
        assert part.first_line == data[:part.start].count(b"\n") + 1

    summary = run_batch(split, serial)
    whole = run_batch(config(src, tmp_path / "whole"), serial)
    assert tree_bytes(tmp_path / "split") == tree_bytes(tmp_path / "whole")
    assert summary.report()["failures"] == whole.report()["failures"] == [
        {"path": str(src / "big.jsonl"), "line": 138,
         "reason": "malformed JSON (Expecting property name enclosed in double quotes "
                   "at column 2)"}]
    assert summary.total.files == 1 and summary.total.records == 199
    assert not [p for p in (tmp_path / "split").iterdir() if p.name.startswith(TEMP_PREFIX)]


# ---------------------------------------------------------------- running tasks

def test_a_bad_file_among_good_ones(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    summary = run_batch(config(src, tmp_path / "out"), serial)
    out = tmp_path / "out" / "site0"
    assert (out / "zh" / "news.txt").read_text(encoding="utf-8").startswith("中国的经济发展很快")
    assert "相关文章" not in (out / "zh" / "trad.txt").read_text(encoding="utf-8")
    assert not (out / "broken.txt").exists()
    assert not (out / "notes.md").exists()
    report = summary.report()
    assert report["files"] == {"cleaned": 5, "skipped": 0, "failed": 1}
    assert {(f["path"], f["line"]) for f in report["failures"]} == {
        (str(src / "site0" / "broken.txt"), None),
        (str(src / "site0" / "data" / "a.jsonl"), 2)}
    assert report["steps"]["t2s"]["changed"] > 0 and report["families"]["related"]["spans"] > 0
    assert report["bytes"]["in"] > report["bytes"]["out"] > 0


def test_jsonl_keeps_other_fields_and_drops_only_the_malformed_line(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    run_batch(config(src, tmp_path / "out"), serial)
    out = tmp_path / "out" / "site0" / "data"
    records = [json.loads(line) for line in (out / "a.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, 2]
    assert records[0] == {"id": 1, "text": "经济发展\n", "url": "http://a.example/1"}
    assert records[1]["lang"] == "en"
    with gzip.open(out / "b.jsonl.gz", "rt", encoding="utf-8") as handle:
        assert json.loads(handle.read())["text"] == "经济发展\n"


def test_text_key_option(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "r.jsonl").write_text('{"body": "<b>經濟</b>", "text": "<b>x</b>"}\n', "utf-8")
    summary = run_batch(config(src, tmp_path / "out", text_key="body"), serial)
    assert json.loads((tmp_path / "out" / "r.jsonl").read_text("utf-8")) == {
        "body": "经济\n", "text": "<b>x</b>"}
    assert summary.total.records == 1


def test_rerunning_a_task_writes_identical_bytes(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    cfg = config(src, tmp_path / "out")
    tasks = list(plan_tasks(cfg))
    first = [run_task(t, cfg) for t in tasks]
    before = tree_bytes(tmp_path / "out")
    second = [run_task(t, cfg) for t in tasks]
    assert tree_bytes(tmp_path / "out") == before
    assert [r.failures for r in first] == [r.failures for r in second]
    assert len(before) == 5  # written under temporary names; the run loop renames them
    gz = before[f"site0/data/{TEMP_PREFIX}part-000000-b.jsonl.gz"]
    assert gz[4:8] == b"\x00\x00\x00\x00"  # gzip mtime field: 0, for identical bytes


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("gone.txt", None, "no such file"),
    ("huge.txt", b"x" * 2000, "limit"),
    ("bad.jsonl.gz", b"not gzip at all", "unreadable"),
])
def test_run_task_reports_instead_of_raising(tmp_path: Path, name: str, data: bytes | None,
                                            reason: str) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    src = str(tmp_path)
    cfg = BatchConfig(sources=(src,), dest=str(tmp_path / "out"), max_bytes=1000)
    kind = "jsonl.gz" if name.endswith(".gz") else "text"
    from pvclean.batch.plan import Unit

    result = run_task(Task((Unit(str(path), str(tmp_path / "out" / name), kind),)), cfg)
    assert result.files == 0 and len(result.failures) == 1
    assert reason in result.failures[0].reason
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_failed_result_for_an_engine_that_gave_up(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    task = next(iter(plan_tasks(config(src, tmp_path / "out"))))
    result = TaskResult.failed(task, "cluster: KilledWorker")
    assert [f.path for f in result.failures] == [u.path for u in task.units]


# ---------------------------------------------------------------- resume

class Interrupted(Exception):
    pass


def interrupted_after(count: int):
    """An engine that is 'killed' (raises) after ``count`` results, as Ctrl-C would."""
    def engine(tasks: Iterable[Task], cfg: BatchConfig) -> Iterator[TaskResult]:
        for i, result in enumerate(serial(tasks, cfg)):
            if i == count:
                raise Interrupted
            yield result
    return engine


def test_resume_after_interruption_gives_identical_output(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src", copies=4)
    fresh = run_batch(config(src, tmp_path / "fresh"), serial)

    dest = tmp_path / "resumed"
    small_tasks = config(src, dest, group_files=2)
    with pytest.raises(Interrupted):
        run_batch(small_tasks, interrupted_after(3))
    (dest / "site3").mkdir(parents=True, exist_ok=True)
    (dest / "site3" / f"{TEMP_PREFIX}left-by-a-kill").write_text("half")
    resumed = run_batch(config(src, dest, group_files=2, resume=True), serial)

    assert tree_bytes(dest) == tree_bytes(tmp_path / "fresh")
    assert resumed.total.skipped > 0
    assert resumed.total.files + resumed.total.skipped == fresh.total.files
    assert resumed.report()["failures"] == fresh.report()["failures"]


def test_resume_redoes_outputs_older_than_their_input(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    run_batch(config(src, tmp_path / "out"), serial)
    post = src / "site0" / "en" / "post.txt"
    post.write_text("Changed text.\n", encoding="utf-8")
    future = os.stat(tmp_path / "out" / "site0" / "en" / "post.txt").st_mtime_ns + 10**9
    os.utime(post, ns=(future, future))
    summary = run_batch(config(src, tmp_path / "out", resume=True), serial)
    assert summary.total.files == 1
    assert (tmp_path / "out/site0/en/post.txt").read_text(encoding="utf-8") == "Changed text.\n"


def test_resume_with_other_settings_cleans_everything(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    run_batch(config(src, tmp_path / "out"), serial)
    notes: list[str] = []
    summary = run_batch(config(src, tmp_path / "out", resume=True, skip=("t2s",)), serial,
                        notify=notes.append)
    assert summary.total.skipped == 0 and summary.total.files == 5
    assert notes and "other settings" in notes[0]
    assert (tmp_path / "out" / MANIFEST).exists()


def test_sweep_temporaries(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / f"{TEMP_PREFIX}x").write_text("")
    (tmp_path / "a" / "keep.txt").write_text("")
    assert sweep_temporaries(str(tmp_path)) == 1
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["keep.txt"]


# ---------------------------------------------------------------- summary

def test_two_jobs_give_the_same_outputs_report_and_error_report(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src", copies=5)
    runs = []
    for jobs in (1, 2):
        dest = tmp_path / f"out{jobs}"
        summary = run_batch(config(src, dest, group_files=3),
                            lambda t, c, jobs=jobs: local.execute(t, c, jobs=jobs))
        summary.write_errors(str(tmp_path / f"errors{jobs}.jsonl"))
        report = summary.report()
        assert set(report.pop("timing")) == {"elapsed_s", "mb_per_s"}
        runs.append((tree_bytes(dest), report))
    assert runs[0] == runs[1]
    errors = (tmp_path / "errors1.jsonl").read_bytes()
    assert errors == (tmp_path / "errors2.jsonl").read_bytes()
    assert len(errors.splitlines()) == 6  # 1 binary file + 5 malformed lines


def test_summary_lines_name_failures(tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    lines = run_batch(config(src, tmp_path / "out"), serial).lines()
    assert lines[0].startswith("cleaned 5 files (0 up to date, 1 failed)")
    assert any(line.endswith("a.jsonl:2: malformed JSON (Expecting property name enclosed in "
                             "double quotes at column 2)") for line in lines)
