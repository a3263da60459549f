"""Spam: remove link lists, ads, keyword stuffing and page chrome; keep the article.

The step reads the text as lines, measures each (``spam.features``), classifies them from
their own shape, their neighbours and their place in the document (``spam.classify``), and
removes what is junk — whole lines mostly, and two narrow kinds of fragment inside a kept
paragraph (``spam.fragments``). Lexicons and keys are data (``pvclean/rules/*.tsv``, plus
``--rules PATH``); ``--keep FAMILY`` (or ``--keep family/rule``) keeps what a family would
remove. Every removal is a change named ``family/rule``, so ``explain`` can say why.
"""

from __future__ import annotations

from ..pipeline import ChangeBuilder, Options, StepResult
from ..spam import rules
from ..spam.classify import Cut, classify, inner_cuts
from ..spam.features import measure_all
from ..spam.lines import split_lines

NAME = "spam"


def _kept(label: rules.Label, keep: frozenset[str]) -> bool:
    family, rule = label
    return family in keep or f"{family}/{rule}" in keep


def find_cuts(text: str, options: Options) -> list[Cut]:
    """Every span the step removes, sorted and non-overlapping."""
    ruleset = rules.load(tuple(options.rules))
    features = measure_all(split_lines(text), ruleset)
    verdicts = classify(features)
    cuts = [Cut(f.line.start, f.line.end, label)
            for f, label in zip(features, verdicts, strict=True) if label is not None]
    cuts.extend(inner_cuts(features, verdicts))
    return sorted((c for c in cuts if not _kept(c.label, options.keep)),
                  key=lambda c: c.start)


def run(text: str, options: Options) -> StepResult:
    builder = ChangeBuilder(NAME, text)
    for cut in find_cuts(text, options):
        builder.remove(cut.start, cut.end, "/".join(cut.label))
    return builder.result()
