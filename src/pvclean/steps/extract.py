"""Whole pages to their article: the simplest honest version (passes text through); the
extraction issue builds it."""

from __future__ import annotations

from ..pipeline import Options, StepResult

NAME = "extract"


def run(text: str, options: Options) -> StepResult:
    return StepResult(text, [])
