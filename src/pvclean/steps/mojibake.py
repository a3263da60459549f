"""Mojibake: the simplest honest version (ftfy's encoding repair only)."""

from __future__ import annotations

from ..pipeline import Options, StepResult, changes_from_diff

NAME = "mojibake"


def run(text: str, options: Options) -> StepResult:
    import ftfy

    out = ftfy.fix_encoding(text)
    return StepResult(out, changes_from_diff(NAME, "ftfy", text, out))
