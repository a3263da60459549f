"""What a batch run is asked to do, as one frozen, picklable value.

Every engine ships this value to its workers beside each task, so it holds plain data only
(paths as strings, step names, :class:`Options`), never an open file or a built pipeline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..io.readers import DEFAULT_MAX_BYTES
from ..pipeline import Options

# A task holds up to this many small files, or this many bytes: enough work per task that
# the cost of shipping it to a worker is lost in the noise, small enough to keep both cores
# busy to the end of the run. A plain .jsonl file larger than PART_BYTES is split into
# line-aligned ranges of about that size, one task each.
GROUP_FILES = 64
PART_BYTES = 8_000_000


@dataclass(frozen=True)
class BatchConfig:
    """Sources (folders, files or glob patterns), DEST, and how to clean.

    ``steps`` None means every step. ``resume`` skips inputs whose output is already
    complete and newer than the input. ``allow_dest_in_src`` permits DEST inside a source
    folder (the walk then leaves DEST out).
    """

    sources: tuple[str, ...]
    dest: str
    text_key: str = "text"
    steps: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    options: Options = field(default_factory=Options)
    max_bytes: int = DEFAULT_MAX_BYTES
    resume: bool = False
    allow_dest_in_src: bool = False
    group_files: int = GROUP_FILES
    part_bytes: int = PART_BYTES

    def fingerprint(self) -> str:
        """A digest of every setting that shapes an output's bytes.

        ``--resume`` trusts an existing output only when it was written under the same
        fingerprint: outputs cleaned with other steps or rules are not "up to date" merely
        because they are newer than their inputs. Rule files count by their content.
        """
        from .. import __version__

        options = asdict(self.options)
        options["keep"] = sorted(self.options.keep)
        options["rules"] = [_digest(Path(p).read_bytes()) for p in self.options.rules]
        settings = {"version": __version__, "text_key": self.text_key, "steps": self.steps,
                    "skip": sorted(self.skip), "options": options}
        return _digest(json.dumps(settings, sort_keys=True).encode())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]
