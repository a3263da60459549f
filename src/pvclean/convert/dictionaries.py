"""OpenCC's dictionaries as pvclean uses them: the library's copies, then newer entries.

opencc-python-reimplemented ships OpenCC's text dictionaries, but from an old OpenCC.
``data/t2s_newer.tsv`` (written by ``scripts/build_t2s_tables.py`` from BYVoid/OpenCC,
Apache-2.0) holds only the entries that changed upstream since; they are laid over the
library's at load time. Only an entry's first value is kept: it is OpenCC's default
candidate, and conversion never chooses among the others.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

NEWER = "t2s_newer.tsv"
REMOVED = "-"


def _library_dir() -> Path:
    import opencc

    return Path(opencc.__file__).parent / "dictionary"


def _parse(lines: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            key, values = line.split("\t", 1)
            entries[key] = values.split(" ", 1)[0].strip()
    return entries


@functools.cache
def _newer() -> dict[str, dict[str, str]]:
    """dictionary name -> {key: first value or REMOVED}, from the shipped data file."""
    text = resources.files("pvclean.data").joinpath(NEWER).read_text(encoding="utf-8")
    by_name: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, key, value = line.split("\t")
            by_name.setdefault(name, {})[key] = value
    return by_name


@functools.cache
def load(name: str) -> dict[str, str]:
    """One dictionary (``TSCharacters``, ``TWVariantsRevPhrases``…), key -> first value."""
    path = _library_dir() / f"{name}.txt"
    entries = _parse(path.read_text(encoding="utf-8").splitlines()) if path.exists() else {}
    for key, value in _newer().get(name, {}).items():
        if value == REMOVED:
            entries.pop(key, None)
        else:
            entries[key] = value
    return entries
