"""Reading one input file into text, with errors a user can act on."""

from __future__ import annotations

import os
from pathlib import Path

from ..decode import Decoded, decode
from ..errors import InputTooLargeError, PvcleanError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; a PvcleanError naming the file for anything that is not a file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise PvcleanError(f"{p}: is a directory")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{p}: {size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit "
                "(raise it with --max-size)")
        return p.read_bytes()
    except FileNotFoundError:
        raise PvcleanError(f"{p}: no such file") from None
    except PermissionError:
        raise PvcleanError(f"{p}: permission denied") from None
    except OSError as exc:
        raise PvcleanError(f"{p}: {exc.strerror or exc}") from None


def read_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    return decode(read_bytes(path, max_bytes), str(path))
