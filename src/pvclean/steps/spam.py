"""Spam: the simplest honest version (removes nothing yet); the spam issue builds it."""

from __future__ import annotations

from ..pipeline import Options, StepResult

NAME = "spam"


def run(text: str, options: Options) -> StepResult:
    return StepResult(text, [])
