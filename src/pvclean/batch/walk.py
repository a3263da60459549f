"""Finding the inputs: a lazy, deterministic walk of the sources, and where each one goes.

The walk reads one folder at a time with ``os.scandir`` and sorts only that folder's
entries, so a tree of millions of files is never listed in memory and two runs (or two
engines) meet the inputs in the same order. It never follows a link out of its source, and
never descends a linked folder: that would let a loop, or a link to ``/``, run forever.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..io.atomic import TEMP_PREFIX
from .config import BatchConfig

# pvclean's own files in DEST: the settings' fingerprint, and the failures journal
BOOKKEEPING = ".pvclean-batch"
MANIFEST = BOOKKEEPING + ".json"
JOURNAL = BOOKKEEPING + "-failures.jsonl"

_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_GLOB_MAGIC = re.compile(r"[*?\[]")


class SourceError(ValueError):
    """The sources or DEST as given cannot be used (missing, or DEST overlapping SRC)."""


class Input(NamedTuple):
    """One input file and the output it becomes. ``problem`` names why it cannot be read
    (a folder that cannot be listed): it then travels as a task like any other input, so
    every engine reports it the same way."""

    path: str
    output: str
    kind: str
    size: int = 0
    problem: str = ""


@dataclass(frozen=True)
class Source:
    """A folder to walk, the sub-folder of DEST it maps to, and an optional path filter
    (from a glob pattern); or, with ``file``, one file named on the command line."""

    root: str
    prefix: str = ""
    pattern: re.Pattern[str] | None = None
    file: str = ""


def input_kind(name: str) -> str | None:
    """text, html, jsonl or jsonl.gz by the file name; None for anything else."""
    lower = name.lower()
    if lower.endswith(".jsonl.gz"):
        return "jsonl.gz"
    return _KINDS.get(os.path.splitext(lower)[1])


def output_name(name: str, kind: str, siblings: Container[str]) -> str:
    """The output's file name: the input's, but ``page.html`` becomes ``page.txt``.

    Cleaned html is text, and a ``.txt`` name says so. When the folder also holds
    ``page.txt`` (or both ``page.htm`` and ``page.html``) the short name would be written
    twice, so the html input keeps its whole name instead: ``page.html.txt``.
    """
    if kind != "html":
        return name
    stem = os.path.splitext(name)[0]
    rivals = {stem + suffix for suffix in (".txt", ".htm", ".html")} - {name}
    return name + ".txt" if any(r in siblings for r in rivals) else stem + ".txt"


def sources(config: BatchConfig) -> list[Source]:
    """The sources as walkable folders. One source folder is mirrored straight into DEST;
    with several, each goes under DEST/<its name> so that their trees cannot collide."""
    unique = list(dict.fromkeys(config.sources))  # a source given twice is cleaned once
    many = len(unique) > 1
    found: list[Source] = []
    for arg in unique:
        if _GLOB_MAGIC.search(arg) and not os.path.lexists(arg):
            root, pattern = _split_glob(arg)
            found.append(Source(root, _prefix(root, many), _glob_regex(pattern)))
        elif os.path.isdir(arg):
            found.append(Source(arg, _prefix(arg, many)))
        elif os.path.isfile(arg):
            found.append(Source(os.path.dirname(arg) or ".", file=os.path.basename(arg)))
        else:
            raise SourceError(f"{arg}: no such file or folder")
    return found


def check_paths(config: BatchConfig) -> None:
    """Refuse a DEST that would write into a source: the same folder, a folder holding a
    source, or (unless allowed) a folder inside one. SourceError says which."""
    dest = os.path.realpath(config.dest)
    for source in sources(config):
        root = os.path.realpath(source.root)
        if _inside(root, dest):
            raise SourceError(f"DEST {config.dest} is or contains the source {source.root}")
        if _inside(dest, root) and (source.file or not config.allow_dest_in_src):
            raise SourceError(f"DEST {config.dest} is inside the source {source.root} "
                             "(allow it with --allow-dest-inside-src)")


def iter_inputs(config: BatchConfig) -> Iterator[Input]:
    """Every input of every source, in a fixed order, as it is found."""
    dest_real = os.path.realpath(config.dest)
    for source in sources(config):
        root_real = os.path.realpath(source.root)
        out_root = os.path.join(config.dest, source.prefix)
        if source.file:
            path = os.path.join(source.root, source.file)
            kind = input_kind(source.file) or "text"
            yield _stat_input(path, os.path.join(out_root, output_name(
                source.file, kind, ())), kind)
        else:
            yield from _walk(source, source.root, "", out_root, root_real, dest_real)


def _walk(source: Source, folder: str, rel: str, out_folder: str, root_real: str,
          dest_real: str) -> Iterator[Input]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield Input(folder, "", "folder", problem=f"cannot list folder: {exc.strerror}")
        return
    names = {e.name for e in entries if input_kind(e.name)}
    for entry in entries:
        if entry.name.startswith((TEMP_PREFIX, BOOKKEEPING)):
            continue
        entry_rel = f"{rel}{entry.name}"
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if not _inside(target, root_real) or os.path.isdir(target):
                continue
        elif entry.is_dir(follow_symlinks=False):
            if os.path.realpath(entry.path) != dest_real:
                yield from _walk(source, entry.path, entry_rel + "/",
                                 os.path.join(out_folder, entry.name), root_real, dest_real)
            continue
        elif not entry.is_file(follow_symlinks=False):
            continue
        kind = input_kind(entry.name)
        if kind is None or (source.pattern and not source.pattern.fullmatch(entry_rel)):
            continue
        output = os.path.join(out_folder, output_name(entry.name, kind, names))
        yield _stat_input(entry.path, output, kind)


def _stat_input(path: str, output: str, kind: str) -> Input:
    try:
        return Input(path, output, kind, os.stat(path).st_size)
    except OSError as exc:
        return Input(path, output, kind, problem=exc.strerror or str(exc))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _prefix(root: str, many: bool) -> str:
    return os.path.basename(os.path.abspath(root)) if many else ""


def _split_glob(arg: str) -> tuple[str, str]:
    """``data/2024/**/*.html`` -> (``data/2024``, ``**/*.html``): walk the fixed part."""
    parts = arg.split("/")
    fixed = next(i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part))
    return "/".join(parts[:fixed]) or (os.sep if arg.startswith("/") else "."), \
        "/".join(parts[fixed:])


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A shell glob over relative paths: ``*`` and ``?`` stay inside one folder name,
    ``**`` spans any number of folders, ``[...]`` is a character class."""
    out: list[str] = []
    for i, part in enumerate(pattern.split("/")):
        last = i == pattern.count("/")
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        out.append("".join(_glob_piece(piece) for piece in
                           re.findall(r"\*|\?|\[[^\]]*\]|[^*?\[]+", part)))
        if not last:
            out.append("/")
    return re.compile("".join(out))


def _glob_piece(piece: str) -> str:
    if piece == "*":
        return "[^/]*"
    if piece == "?":
        return "[^/]"
    if piece.startswith("[") and len(piece) > 2:
        return "[" + piece[1:-1].replace("!", "^", 1 if piece[1] == "!" else 0) + "]"
    return re.escape(piece)
