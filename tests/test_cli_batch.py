"""`pvclean batch`, `diff` and `explain` as a user meets them: exit codes, summary,
reports, a run killed half-way and resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.test_batch import make_tree, tree_bytes

PVCLEAN = [sys.executable, "-m", "pvclean"]


def test_batch_summary_report_and_exit_code(run_cli, tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    report, errors = tmp_path / "report.json", tmp_path / "errors.jsonl"
    result = run_cli(["batch", str(src), str(tmp_path / "out"), "-j", "1",
                      "--report", str(report), "--errors", str(errors)])
    assert result.exit_code == 1  # one binary file, one malformed line
    assert "cleaned 5 files (0 up to date, 1 failed)" in result.stderr
    assert "a.jsonl:2: malformed JSON" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert set(data) == {"files", "records", "bytes", "steps", "families", "failures",
                         "timing"}
    assert [json.loads(line) for line in errors.read_text("utf-8").splitlines()] == \
        data["failures"]
    assert (tmp_path / "out" / "site0" / "zh" / "news.txt").exists()


def test_batch_quiet_and_all_good(run_cli, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("中國的經濟\n", encoding="utf-8")
    result = run_cli(["batch", "-q", str(src), str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "中国的经济\n"


def test_batch_refuses_dest_inside_src(run_cli, tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    result = run_cli(["batch", str(src), str(src / "clean")])
    assert result.exit_code == 2
    assert "--allow-dest-inside-src" in result.stderr
    assert not (src / "clean").exists()


def test_batch_passes_pipeline_options(run_cli, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("中國的經濟\n", encoding="utf-8")
    run_cli(["batch", "-q", "--convert", "none", str(src), str(tmp_path / "out")])
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "中國的經濟\n"


def test_killed_run_resumed_equals_uninterrupted_run(tmp_path: Path) -> None:
    """A real process killed with SIGKILL mid-run, then finished with --resume."""
    src = make_tree(tmp_path / "src", copies=60)
    subprocess.run([*PVCLEAN, "batch", "-q", "-j", "1", str(src), str(tmp_path / "fresh")],
                   check=False)
    dest = tmp_path / "killed"
    run = subprocess.Popen([*PVCLEAN, "batch", "-q", "-j", "1", str(src), str(dest)])
    deadline = time.monotonic() + 60
    while run.poll() is None and time.monotonic() < deadline:
        # the first task's outputs are in place (not only its temporary part files)
        if dest.exists() and any(not p.name.startswith(".") for p in dest.rglob("*.txt")):
            os.kill(run.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    run.wait()
    resumed = subprocess.run([*PVCLEAN, "batch", "-j", "1", "--resume", str(src), str(dest)],
                             capture_output=True, text=True, check=False)
    assert resumed.returncode == 1
    assert run.returncode == -signal.SIGKILL
    assert "(0 up to date" not in resumed.stderr
    assert tree_bytes(dest) == tree_bytes(tmp_path / "fresh")


def test_explain_lists_changes_with_filters(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("中國的經濟\n相关文章：\n上一篇：旧闻一则\n", encoding="utf-8")
    lines = run_cli(["explain", str(page)]).stdout.splitlines()
    assert lines[0].split()[:3] == ["1", "t2s", "char"]
    spam = run_cli(["explain", "--step", "spam", str(page)]).stdout.splitlines()
    assert spam and all(line.split()[1] == "spam" for line in spam)
    assert run_cli(["explain", str(tmp_path / "missing.txt")]).exit_code == 1


def test_diff_file_stat_and_html(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>中國的經濟</p>\n相关文章：\n", encoding="utf-8")
    unified = run_cli(["diff", str(page)]).stdout
    assert "-<p>中國的經濟</p>" in unified and "+中国的经济" in unified
    assert "\x1b[" not in unified  # not a terminal: no colour
    assert "spam" in run_cli(["diff", "--stat", str(page)]).stdout
    report = tmp_path / "report.html"
    assert run_cli(["diff", "--html", str(report), str(page)]).exit_code == 0
    assert "<del data-step=\"spam\"" in report.read_text(encoding="utf-8")


def test_diff_folders_and_one_file(run_cli, tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src")
    run_cli(["batch", "-q", str(src), str(tmp_path / "out")])
    rows = run_cli(["diff", str(src), str(tmp_path / "out")]).stdout.splitlines()
    assert rows[-1].endswith("total of 6 files")
    assert any(row.startswith("missing") and "broken.txt" in row for row in rows)
    one = run_cli(["diff", str(src), str(tmp_path / "out"), "--file", "site0/zh/trad.txt"])
    assert "-相关文章：" in one.stdout
    assert run_cli(["diff", str(src), str(tmp_path / "out"), "--file", "nope.txt"]) \
        .exit_code == 2


def test_a_source_given_twice_is_cleaned_once(tmp_path) -> None:
    from click.testing import CliRunner

    from pvclean.cli import main

    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "x.txt"
    src.write_text("正文。\n", encoding="utf-8")
    dest = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), str(src), str(dest), "-q"])
    assert result.exit_code == 0
    assert (dest / "x.txt").read_text(encoding="utf-8") == "正文。\n"


def test_an_unusable_scheduler_is_a_usage_error(tmp_path) -> None:
    from click.testing import CliRunner

    from pvclean.cli import main

    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), str(tmp_path / "out"),
                                       "--scheduler", "tcp://no-port", "-q"])
    assert result.exit_code == 2
    assert "scheduler" in result.output
