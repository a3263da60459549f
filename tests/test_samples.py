"""Regression: every sample in samples/raw cleans to its reviewed text in samples/expected.

When a change alters a sample's output on purpose, review the new output and regenerate:
``pvclean batch samples/raw samples/expected``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pvclean import clean_bytes

from .conftest import SAMPLES_EXPECTED, SAMPLES_RAW

RAW_FILES = sorted(p for p in SAMPLES_RAW.iterdir() if p.is_file())


def test_every_sample_has_an_expectation() -> None:
    assert RAW_FILES
    missing = [p.name for p in RAW_FILES if not _expected_path(p).exists()]
    assert not missing


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.name)
def test_sample_cleans_to_its_reviewed_text(raw: Path) -> None:
    expected = _expected_path(raw).read_text(encoding="utf-8")
    assert clean_bytes(raw.read_bytes()) == expected


def _expected_path(raw: Path) -> Path:
    return SAMPLES_EXPECTED / raw.with_suffix(".txt").name
