"""The command line: parses options and calls the library, nothing more.

Exit codes: 0 all inputs cleaned; 1 some input failed (one line on stderr for each, naming the
input and the reason); 2 usage error (Click's own).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from .errors import PvcleanError
from .pipeline import STEP_NAMES, STEPS, Options, Pipeline

DEFAULT_MAX_MB = 256


def _split_steps(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    names = [n.strip() for v in value for n in v.split(",") if n.strip()]
    for name in names:
        if name not in STEP_NAMES:
            raise click.BadParameter(f"unknown step {name!r}; choose from {', '.join(STEP_NAMES)}")
    return names


def _read_input(name: str, max_bytes: int) -> str:
    """The text of a file, or of standard input for ``-``; PvcleanError says why not."""
    from .decode import decode
    from .io.readers import read_text

    if name != "-":
        return read_text(name, max_bytes).text
    data = sys.stdin.buffer.read()
    if len(data) > max_bytes:
        raise PvcleanError(f"<stdin>: over the {max_bytes / 1e6:.0f} MB limit")
    return decode(data, "<stdin>").text


def _read_or_exit(name: str, max_bytes: int) -> str:
    try:
        return _read_input(name, max_bytes)
    except PvcleanError as exc:
        click.echo(f"pvclean: {exc}", err=True)
        sys.exit(1)


def pipeline_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every cleaning command shares; passes a built ``pipeline`` instead."""

    @click.option("--steps", "steps", multiple=True, callback=_split_steps, metavar="A,B",
                  help="Run only these steps (comma-separated; see `pvclean steps`).")
    @click.option("--skip", multiple=True, callback=_split_steps, metavar="STEP",
                  help="Do not run this step (repeatable).")
    @click.option("--convert", type=click.Choice(["t2s", "none"]), default="t2s",
                  show_default=True, help="Traditional to simplified Chinese, or no conversion.")
    @click.option("--rules", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  metavar="PATH", help="Extra spam rule file (repeatable).")
    @click.option("--keep", multiple=True, metavar="FAMILY",
                  help="Keep what this spam family (or family/rule) would remove, e.g. "
                  "`--keep chrome/byline` (repeatable).")
    @click.option("--extract", type=click.Choice(["auto", "never"]), default="auto",
                  show_default=True, help="Cut whole saved pages down to their article, "
                  "or only strip tags.")
    @click.option("--max-size", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_MB,
                  show_default=True, metavar="MB", help="Refuse inputs larger than this.")
    @functools.wraps(command)
    def wrapper(*args: Any, steps: list[str], skip: list[str], convert: str,
                rules: tuple[str, ...], keep: tuple[str, ...], extract: str, max_size: float,
                **kwargs: Any) -> Any:
        options = Options(convert=convert, rules=tuple(rules), keep=frozenset(keep),
                          extract=extract)
        try:
            pipeline = Pipeline(steps=steps or None, skip=skip, options=options)
            if rules:  # a malformed rule file is a usage error, reported before any input
                from .spam.rules import load

                load(tuple(rules))
        except (ValueError, PvcleanError) as exc:
            raise click.UsageError(str(exc)) from None
        return command(*args, pipeline=pipeline, max_bytes=int(max_size * 1e6), **kwargs)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pvclean")
def main() -> None:
    """Clean raw scraped web articles: tag soup, spam lists and page chrome, mojibake,
    pinyin glosses and traditional characters out; the article's text kept."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here (atomically) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True, help="jsonl: one object per input with path, text and "
              "per-step counts of removed and changed characters.")
@pipeline_options
def clean(files: tuple[str, ...], output: str | None, fmt: str, pipeline: Pipeline,
          max_bytes: int) -> None:
    """Clean FILES (or standard input) to standard output.

    \b
      cat raw.txt | pvclean clean > clean.txt
      pvclean clean --skip spam page.html
    """
    from .io.atomic import write_text

    pieces: list[str] = []
    failed = 0
    for name in files or ("-",):
        try:
            text = _read_input(name, max_bytes)
        except PvcleanError as exc:
            click.echo(f"pvclean: {exc}", err=True)
            failed += 1
            continue
        result = pipeline.run(text)
        if fmt == "jsonl":
            record = {"path": name, "text": result.text, "steps": result.counts()}
            pieces.append(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            pieces.append(result.text)
        if output is None:
            # bytes, not sys.stdout's own encoding: the output is UTF-8 whatever the locale
            sys.stdout.buffer.write(pieces.pop().encode("utf-8"))
            sys.stdout.flush()
    if output is not None:
        write_text(output, "".join(pieces))
    if failed:
        sys.exit(1)


@main.command()
def steps() -> None:
    """List the steps, in the order they run."""
    width = max(len(s.name) for s in STEPS)
    for info in STEPS:
        click.echo(f"{info.name:<{width}}  {info.description}")


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SRC...")
@click.argument("dest", type=click.Path(file_okay=False))
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core).")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Run on a Dask cluster (tcp://host:port) or a local one (needs pvclean[dask]).")
@click.option("--text-key", default="text", show_default=True,
              help="The field of a .jsonl record that holds the text.")
@click.option("--resume", is_flag=True,
              help="Skip inputs whose output is complete and newer (same settings).")
@click.option("--report", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write counts, failures and timing as JSON.")
@click.option("--errors", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write every failure as JSON lines, sorted by path and line.")
@click.option("--allow-dest-inside-src", is_flag=True,
              help="Allow DEST inside a source folder (the walk leaves DEST out).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@pipeline_options
def batch(sources: tuple[str, ...], dest: str, jobs: int | None, scheduler: str | None,
          text_key: str, resume: bool, report: str | None, errors: str | None,
          allow_dest_inside_src: bool, quiet: bool, pipeline: Pipeline, max_bytes: int) -> None:
    """Clean folders, files or glob patterns (SRC...) into DEST, mirroring relative paths.

    \b
    Inputs: .txt, .html/.htm (written as .txt), .jsonl and .jsonl.gz (same kind, cleaned
    text under --text-key, other fields kept). With several SRC, each goes under
    DEST/<its name>. Exit code 1 if any input or line failed.
    \b
      pvclean batch scraped/ clean/ --report report.json
      pvclean batch 'dump/**/*.html' clean/ --resume -j 2
    """
    from .batch import BatchConfig, SourceError, run_batch
    from .batch.progress import for_terminal
    from .engines import choose
    from .engines.dask import SchedulerError  # the module imports Dask only when it runs

    config = BatchConfig(sources=sources, dest=dest, text_key=text_key,
                         steps=tuple(pipeline.names), options=pipeline.options,
                         max_bytes=max_bytes, resume=resume,
                         allow_dest_in_src=allow_dest_inside_src)
    engine = choose(jobs=jobs, scheduler=scheduler)
    try:
        summary = run_batch(config, engine, progress=for_terminal(config, quiet),
                            notify=lambda note: click.echo(f"pvclean: {note}", err=True))
    except (SourceError, SchedulerError) as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("\npvclean: interrupted; every output written is complete. "
                   "Finish with the same command and --resume.", err=True)
        sys.exit(130)
    if report:
        summary.write_report(report)
    if errors:
        summary.write_errors(errors)
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILE | RAW_DIR CLEAN_DIR")
@click.option("--side-by-side", is_flag=True, help="Raw on the left, clean on the right.")
@click.option("--stat", is_flag=True, help="Counts only (FILE).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), metavar="PAGE",
              help="Write a self-contained HTML page of every removal and change (FILE).")
@click.option("--file", "one_file", metavar="PATH",
              help="With two folders: diff this raw file (relative to RAW_DIR) with its output.")
@click.option("--width", type=click.IntRange(min=20), help="Columns for --side-by-side.")
@pipeline_options
def diff(paths: tuple[str, ...], side_by_side: bool, stat: bool, html_path: str | None,
         one_file: str | None, width: int | None, pipeline: Pipeline, max_bytes: int) -> None:
    """Show what cleaning FILE removes and changes (coloured on a terminal).

    \b
      pvclean diff page.html                  unified diff, raw against clean
      pvclean diff --html page.html.html page.html
      pvclean diff raw/ clean/                one row per file: share kept, sizes
      pvclean diff raw/ clean/ --file a/b.txt one file's diff
    """
    from .report import diff as views

    if len(paths) == 2:
        from .report.dirs import find_pair, pairs, summary_rows

        if stat or html_path:
            raise click.UsageError("--stat and --html take one FILE")
        if one_file is None:
            for line in summary_rows(pairs(*paths)):
                click.echo(line)
            return
        try:
            pair = find_pair(*paths, one_file)
        except LookupError as exc:
            raise click.UsageError(str(exc)) from None
        raw, clean = _read_or_exit(pair.raw, max_bytes), _read_or_exit(pair.clean, max_bytes)
        name = one_file
    elif len(paths) == 1:
        name = paths[0]
        result = pipeline.run(_read_or_exit(name, max_bytes))
        if html_path:
            from .io.atomic import write_text
            from .report.html import render

            write_text(html_path, render(result, name))
            return
        if stat:
            for line in views.stat(result):
                click.echo(line)
            return
        raw, clean = result.traces[0].input if result.traces else result.text, result.text
    else:
        raise click.UsageError("give one FILE, or RAW_DIR and CLEAN_DIR")
    for line in views.diff_lines(raw, clean, name, side_by_side=side_by_side, width=width):
        click.echo(line)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--step", "only", multiple=True, callback=_split_steps, metavar="STEP",
              help="Only changes of this step (repeatable).")
@click.option("--family", multiple=True, metavar="FAMILY",
              help="Only spam removals of this rule family (repeatable).")
@click.option("--width", type=click.IntRange(min=10), default=60, show_default=True,
              help="Longest text shown per change.")
@pipeline_options
def explain(file: str, only: list[str], family: tuple[str, ...], width: int,
            pipeline: Pipeline, max_bytes: int) -> None:
    """List every removal and change in FILE, in order: line, step, rule, text.

    \b
      pvclean explain page.html
      pvclean explain --step spam --family related page.html
    """
    from .report.explain import format_rows, rows

    result = pipeline.run(_read_or_exit(file, max_bytes))
    for line in format_rows(rows(result, steps=frozenset(only), families=frozenset(family)),
                            width):
        click.echo(line)
