from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_RAW = ROOT / "samples" / "raw"
SAMPLES_EXPECTED = ROOT / "samples" / "expected"


@pytest.fixture
def run_cli():
    """Invoke the CLI in-process and return Click's result (stdout/stderr kept apart)."""
    from click.testing import CliRunner

    from pvclean.cli import main

    def invoke(args: list[str], input: bytes | str | None = None):
        return CliRunner().invoke(main, args, input=input, catch_exceptions=False)

    return invoke
