from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a rare counterexample found
# by a random draw shows up on a developer's machine (and gets fixed), not as a flaky CI run.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
