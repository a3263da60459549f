"""Traditional to simplified: the simplest honest version (the library's own t2s)."""

from __future__ import annotations

from ..pipeline import Options, StepResult, changes_from_diff

NAME = "t2s"


def run(text: str, options: Options) -> StepResult:
    if options.convert == "none":
        return StepResult(text, [])
    from opencc import OpenCC

    out = OpenCC("t2s").convert(text)
    return StepResult(out, changes_from_diff(NAME, "opencc-t2s", text, out))
