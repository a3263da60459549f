"""HTML out: the simplest honest version (BeautifulSoup's text); the html issue replaces it."""

from __future__ import annotations

from ..pipeline import Options, StepResult, changes_from_diff

NAME = "html"


def run(text: str, options: Options) -> StepResult:
    if "<" not in text and "&" not in text:
        return StepResult(text, [])
    from bs4 import BeautifulSoup

    out = BeautifulSoup(text, "html.parser").get_text()
    return StepResult(out, changes_from_diff(NAME, "tags", text, out))
