"""Getting DEST ready: sweep what a killed run left, and decide whether --resume can trust
the outputs already there."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from collections.abc import Iterator

from ..io.atomic import TEMP_PREFIX, write_text
from .config import BatchConfig
from .walk import MANIFEST


def prepare_dest(config: BatchConfig) -> tuple[BatchConfig, str]:
    """Sweep temporary files and write the manifest; return the config to run and a note.

    The manifest records the settings' fingerprint. ``--resume`` trusts existing outputs
    only when the previous run wrote them under the same fingerprint; otherwise it cleans
    everything again (and the note says so) rather than mix outputs of two settings.
    """
    os.makedirs(config.dest, exist_ok=True)
    removed = sweep_temporaries(config.dest)
    fingerprint = config.fingerprint()
    manifest = os.path.join(config.dest, MANIFEST)
    note = f"removed {removed} temporary files left by an interrupted run" if removed else ""
    if config.resume and _read_fingerprint(manifest) != fingerprint:
        config = dataclasses.replace(config, resume=False)
        note = "--resume: DEST was written with other settings (or none); cleaning all again"
    write_text(manifest, json.dumps({"fingerprint": fingerprint}) + "\n")
    return config, note


def sweep_temporaries(folder: str) -> int:
    """Delete every temporary file under ``folder`` (atomic writes or parts cut short)."""
    return sum(_unlink(path) for path in _temporaries(folder))


def _temporaries(folder: str) -> Iterator[str]:
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and not entry.is_dir(follow_symlinks=False):
            yield entry.path
        elif entry.is_dir(follow_symlinks=False):
            yield from _temporaries(entry.path)


def _unlink(path: str) -> int:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
        return 1
    return 0


def _read_fingerprint(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None
