"""`pvclean clean` and `pvclean steps` as a user meets them: pipes, files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pvclean.pipeline import STEP_NAMES

RAW = "<p>中國(guó)的經濟</p>\n\n\n<p>第二段。</p>"
CLEAN = "中国的经济\n\n第二段。\n"


def test_stdin_to_stdout(run_cli) -> None:
    result = run_cli(["clean"], input=RAW.encode("utf-8"))
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8") == CLEAN


def test_dash_means_stdin(run_cli) -> None:
    assert run_cli(["clean", "-"], input=RAW).stdout == CLEAN


def test_files_and_output_file(run_cli, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(RAW.encode("gb18030"))
    out = tmp_path / "sub" / "out.txt"
    result = run_cli(["clean", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == CLEAN
    assert [p.name for p in out.parent.iterdir()] == ["out.txt"]  # no temporary left


def test_steps_and_skip_choose_steps(run_cli) -> None:
    assert run_cli(["clean", "--steps", "html"], input=RAW).stdout == RAW.replace(
        "<p>", "").replace("</p>", "")
    assert run_cli(["clean", "--skip", "t2s", "--skip", "pinyin"], input="經濟\n").stdout == (
        "經濟\n")
    assert run_cli(["clean", "--convert", "none"], input="經濟").stdout == "經濟\n"


def test_jsonl_format_has_path_text_and_counts(run_cli, tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text(RAW, encoding="utf-8")
    result = run_cli(["clean", "--format", "jsonl", str(src), "-"], input="第三段\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(src), "-"]
    assert records[0]["text"] == CLEAN
    assert set(records[0]["steps"]) == set(STEP_NAMES)
    assert records[0]["steps"]["html"]["removed"] > 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "img.png", b"\x89PNG\x00\x00\x01\x02" * 10), "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(run_cli, tmp_path: Path, make, message) -> None:
    good = _write(tmp_path / "good.txt", "好的文字\n".encode())
    bad = make(tmp_path)
    result = run_cli(["clean", str(bad), str(good)])
    assert result.exit_code == 1
    assert result.stdout == "好的文字\n"  # the good file is still cleaned
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0] and str(bad) in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(run_cli, tmp_path: Path) -> None:
    f = _write(tmp_path / "secret.txt", b"x")
    f.chmod(0)
    result = run_cli(["clean", str(f)])
    assert result.exit_code == 1
    assert "permission denied" in result.stderr


def test_empty_file_gives_empty_output(run_cli, tmp_path: Path) -> None:
    result = run_cli(["clean", str(_write(tmp_path / "empty.txt", b""))])
    assert (result.exit_code, result.stdout) == (0, "")


def test_size_limit(run_cli, tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", b"a" * 20_000)
    result = run_cli(["clean", "--max-size", "0.01", str(big)])
    assert result.exit_code == 1
    assert "limit" in result.stderr


@pytest.mark.parametrize("args", [["clean", "--steps", "nope"], ["clean", "--convert", "x"],
                                  ["nosuchcommand"]])
def test_usage_errors_exit_2(args) -> None:
    from click.testing import CliRunner

    from pvclean.cli import main

    assert CliRunner().invoke(main, args).exit_code == 2


def test_steps_lists_every_step_in_order(run_cli) -> None:
    names = [line.split()[0] for line in run_cli(["steps"]).stdout.splitlines()]
    assert names == list(STEP_NAMES)


def test_real_pipe_and_module_entry_point(tmp_path: Path) -> None:
    """The installed command works in a shell pipe, and `python -m pvclean` is the same."""
    for command in (["pvclean", "clean"], [sys.executable, "-m", "pvclean", "clean"]):
        done = subprocess.run(command, input=RAW.encode("utf-8"), capture_output=True,
                              check=True)
        assert done.stdout.decode("utf-8") == CLEAN


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_malformed_rule_file_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pvclean.cli import main

    rules = _write(tmp_path / "mine.tsv", b"ads\tonly-two-fields\n")
    result = CliRunner().invoke(main, ["clean", "--rules", str(rules)], input="正文\n")
    assert result.exit_code == 2
    assert "mine.tsv:1" in result.output


def test_extract_never_strips_tags_of_a_whole_page(run_cli) -> None:
    page = ("<html><head><title>t</title></head><body><nav><a href='/'>首页</a></nav>"
            "<p>正文第一段,内容足够长,说明事情的经过。</p></body></html>")
    kept = run_cli(["clean", "--extract", "never", "--skip", "spam"], input=page).stdout
    cut = run_cli(["clean", "--skip", "spam"], input=page).stdout
    assert "首页" in kept and "首页" not in cut
    assert "正文第一段" in kept and "正文第一段" in cut
