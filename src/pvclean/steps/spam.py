"""Spam: remove link lists, ads, keyword stuffing and page chrome; keep the article.

The step reads the text as lines, measures each (``spam.features``), classifies them from
their own shape, their neighbours and their place in the document (``spam.classify``), and
removes what is junk — whole lines mostly, and two narrow kinds of fragment inside a kept
paragraph (``spam.fragments``). Lexicons and keys are data (``pvclean/rules/*.tsv``, plus
``--rules PATH``); ``--keep FAMILY`` (or ``--keep family/rule``) keeps what a family would
remove. Every removal is a change named ``family/rule``, so ``explain`` can say why.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..pipeline import ChangeBuilder, Options, StepResult
from ..spam import rules
from ..spam.classify import Cut, classify, inner_cuts
from ..spam.features import Features, measure_all
from ..spam.lines import split_lines

NAME = "spam"


def _kept(label: rules.Label, keep: frozenset[str]) -> bool:
    family, rule = label
    return family in keep or f"{family}/{rule}" in keep


# Readings of one text at most (see ``find_cuts``). Pages need two at most, hand-made
# chains three; the bound keeps the step linear on anything.
MAX_READINGS = 4


def _read(text: str, options: Options,
          known: Mapping[str, Features] | None = None) -> tuple[list[Cut], list[Features]]:
    """The spans one reading of ``text`` removes (sorted, non-overlapping), and the features
    of its lines (``known``: features of lines read before, see ``measure_all``)."""
    ruleset = rules.load(tuple(options.rules))
    features = measure_all(split_lines(text), ruleset, known)
    verdicts = classify(features)
    cuts = [Cut(f.line.start, f.line.end, label)
            for f, label in zip(features, verdicts, strict=True) if label is not None]
    cuts.extend(inner_cuts(features, verdicts))
    return sorted((c for c in cuts if not _kept(c.label, options.keep)),
                  key=lambda c: c.start), features


def find_cuts(text: str, options: Options) -> list[Cut]:
    """Every span the step removes, sorted and non-overlapping.

    A removal changes what is left: a paragraph that loses its emptied-link fragment may
    become too short to end a list, and lines a removed line kept apart become neighbours.
    A second run of the step would read the text it left afresh and find more, so the step
    reads what it left itself, until a reading finds nothing (or ``MAX_READINGS``). Text
    with nothing to remove — most text — is read once; a later reading measures only the
    lines a removal changed."""
    cuts, features = _read(text, options)
    for _ in range(MAX_READINGS - 1):
        if not cuts:
            break
        segments = _kept_segments(cuts, len(text))
        known = {f.line.raw: f for f in features}
        more, features = _read("".join(text[a:b] for a, b in segments), options, known)
        if not more:
            break
        cuts = sorted([*cuts, *_map_back(more, segments)], key=lambda c: c.start)
    return cuts


def _kept_segments(cuts: list[Cut], length: int) -> list[tuple[int, int]]:
    """The spans of the input between the (sorted) cuts, in order."""
    segments = []
    pos = 0
    for cut in [*cuts, Cut(length, length, ("", ""))]:
        if cut.start > pos:
            segments.append((pos, cut.start))
        pos = cut.end
    return segments


def _map_back(cuts: list[Cut], segments: list[tuple[int, int]]) -> list[Cut]:
    """Cuts of the text left (the ``segments`` of the input, joined) as cuts of the input.
    A cut of what was left may straddle an earlier removal: it maps to the pieces around
    it, so every change still names only characters of the input that it removed."""
    mapped = []
    k = out = 0  # segment k starts at ``out`` in the text left
    for cut in cuts:
        while out + segments[k][1] - segments[k][0] <= cut.start:
            out += segments[k][1] - segments[k][0]
            k += 1
        j, j_out = k, out
        while j < len(segments) and j_out < cut.end:
            start, end = segments[j]
            lo, hi = max(cut.start, j_out), min(cut.end, j_out + end - start)
            if lo < hi:
                mapped.append(Cut(start + lo - j_out, start + hi - j_out, cut.label))
            j_out += end - start
            j += 1
    return mapped


def run(text: str, options: Options) -> StepResult:
    builder = ChangeBuilder(NAME, text)
    for cut in find_cuts(text, options):
        builder.remove(cut.start, cut.end, "/".join(cut.label))
    return builder.result()
