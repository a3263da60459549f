"""Steps, the record of what they changed, and the pipeline that orders them.

Every step is a plain function ``run(text, options) -> StepResult``. The result carries the
new text and a list of :class:`Change` records, each a span *of the step's own input* with
what replaced it and the rule that fired. Two invariants hold for every step, and the tests
check them for all of them:

* the changes are sorted, do not overlap, and ``change.before == input[start:end]``;
* ``apply_changes(input, changes) == output``.

So ``explain``, ``diff --html`` and the per-step counts are views over the same records, and
no step needs to know about any of them.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

# The html step wraps the text of every <a> element in these two private-use characters so
# that the spam step can measure link density per line after the text has been repaired and
# converted. Every later step leaves them alone; the whitespace step (or, if it is skipped,
# the pipeline itself) removes them before the text leaves pvclean.
LINK_OPEN = "\ue000"
LINK_CLOSE = "\ue001"
LINK_MARKS = LINK_OPEN + LINK_CLOSE


@dataclass(frozen=True)
class Change:
    """One span of a step's input that the step removed or replaced.

    ``rule`` names what fired. The spam step writes it as ``family/rule`` (for example
    ``related/teaser-run``) so that reports can count removals per family.
    """

    step: str
    rule: str
    start: int
    end: int
    before: str
    after: str = ""

    @property
    def removed(self) -> bool:
        return not self.after

    @property
    def family(self) -> str:
        return self.rule.split("/", 1)[0] if "/" in self.rule else ""


class StepResult(NamedTuple):
    text: str
    changes: list[Change]


@dataclass(frozen=True)
class Options:
    """What a user can choose; every step reads the fields it cares about.

    convert   "t2s" (traditional to simplified) or "none".
    rules     extra spam rule files (see ``pvclean/rules/README.md``).
    keep      spam families not to remove (``--keep bylines``).
    extract   "auto": a whole saved page is reduced to its article; "never": strip tags only.
    """

    convert: str = "t2s"
    rules: tuple[str, ...] = ()
    keep: frozenset[str] = frozenset()
    extract: str = "auto"

    def __post_init__(self) -> None:
        # Library callers pass lists; steps cache on these fields, so they must be hashable.
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "keep", frozenset(self.keep))


StepFunction = Callable[[str, Options], StepResult]


@dataclass(frozen=True)
class StepInfo:
    name: str
    module: str
    description: str

    def load(self) -> StepFunction:
        """Import the step's module only when it runs: `pvclean steps` must stay instant."""
        return importlib.import_module(self.module).run


# The data flow, in order. A whole saved page is first cut down to its article; tags go
# next; text is repaired and converted to simplified before the spam rules (written for
# simplified text) read it; layout is settled last.
STEPS: tuple[StepInfo, ...] = (
    StepInfo("extract", "pvclean.steps.extract",
             "cut a whole saved web page down to its article (menus, sidebars, footers out)"),
    StepInfo("html", "pvclean.steps.html",
             "remove tags, scripts and comments, decode entities, mark link text"),
    StepInfo("mojibake", "pvclean.steps.mojibake",
             "repair text decoded with the wrong codec (ftfy, GBK misalignment, UTF-8 as GBK)"),
    StepInfo("pinyin", "pvclean.steps.pinyin",
             "drop pinyin glosses spam mirrors put after converted characters: 國(guó)"),
    StepInfo("t2s", "pvclean.steps.t2s",
             "convert traditional Chinese (incl. Taiwan/Hong Kong forms) to simplified"),
    StepInfo("spam", "pvclean.steps.spam",
             "remove link lists, ads, keyword stuffing and page chrome; keep the article"),
    StepInfo("whitespace", "pvclean.steps.whitespace",
             "normalise line ends, invisible characters, blank lines and indentation"),
)
STEP_NAMES: tuple[str, ...] = tuple(s.name for s in STEPS)
_BY_NAME = {s.name: s for s in STEPS}


class StepTrace(NamedTuple):
    step: str
    input: str
    changes: list[Change]

    @property
    def removed_chars(self) -> int:
        return sum(c.end - c.start for c in self.changes if c.removed)

    @property
    def changed_chars(self) -> int:
        return sum(c.end - c.start for c in self.changes if not c.removed)


class Result(NamedTuple):
    text: str
    traces: list[StepTrace]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per step: characters removed and characters changed (of that step's input)."""
        return {t.step: {"removed": t.removed_chars, "changed": t.changed_chars}
                for t in self.traces}

    def changes(self) -> list[Change]:
        return [c for t in self.traces for c in t.changes]


def select_steps(steps: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[str]:
    """The step names to run, always in data-flow order; unknown names raise ValueError."""
    chosen = list(STEP_NAMES) if steps is None else list(steps)
    skipped = set(skip)
    unknown = [n for n in [*chosen, *skipped] if n not in _BY_NAME]
    if unknown:
        raise ValueError(f"unknown step {unknown[0]!r} (steps: {', '.join(STEP_NAMES)})")
    return [n for n in STEP_NAMES if n in chosen and n not in skipped]


class Pipeline:
    """Runs the chosen steps in order and collects what each one did."""

    def __init__(self, steps: Iterable[str] | None = None, skip: Iterable[str] = (),
                 options: Options | None = None) -> None:
        self.names = select_steps(steps, skip)
        self.options = options or Options()
        self._functions = [(n, _BY_NAME[n].load()) for n in self.names]
        if self.options.convert not in ("t2s", "none"):
            raise ValueError(f"unknown conversion {self.options.convert!r} (t2s or none)")

    def run(self, text: str) -> Result:
        traces: list[StepTrace] = []
        for name, function in self._functions:
            new_text, changes = function(text, self.options)
            traces.append(StepTrace(name, text, changes))
            text = new_text
        if LINK_OPEN in text or LINK_CLOSE in text:
            # whitespace was skipped: link marks must still never leave pvclean
            text = text.translate({ord(c): None for c in LINK_MARKS})
        return Result(text, traces)

    def clean(self, text: str) -> str:
        return self.run(text).text


# ---------------------------------------------------------------- helpers for steps

def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Rebuild a step's output from its input and its changes (the trace invariant)."""
    parts: list[str] = []
    pos = 0
    for c in changes:
        if c.start < pos:
            raise ValueError(f"overlapping or unsorted change at {c.start}: {c!r}")
        parts.append(text[pos:c.start])
        parts.append(c.after)
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)


def changes_from_diff(step: str, rule: str, before: str, after: str,
                      offset: int = 0) -> list[Change]:
    """Changes that turn ``before`` into ``after``, for a step whose tool gives no spans.

    Used for whole-segment rewrites (an ftfy repair, say): ``difflib`` finds the minimal
    replaced runs so that the trace names the characters that really changed.
    ``offset`` shifts the spans when ``before`` is a slice of the step's input.
    """
    if before == after:
        return []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [Change(step, rule, offset + i1, offset + i2, before[i1:i2], after[j1:j2])
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def spans_between(text: str, separator: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every piece of ``text`` between matches of ``separator`` — lines, for
    steps that work line by line but must report spans of the whole text."""
    start = 0
    for match in separator.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


@dataclass
class ChangeBuilder:
    """Builds a step's output and its trace together, left to right.

    A step walks its input and calls :meth:`keep` / :meth:`replace` on consecutive spans;
    the output and the change list can then never disagree.
    """

    step: str
    text: str
    pos: int = 0
    parts: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def replace(self, start: int, end: int, after: str, rule: str) -> None:
        if start < self.pos:
            raise ValueError(f"span {start}-{end} starts before {self.pos}")
        self.parts.append(self.text[self.pos:start])
        before = self.text[start:end]
        if before != after:
            self.changes.append(Change(self.step, rule, start, end, before, after))
        self.parts.append(after)
        self.pos = end

    def remove(self, start: int, end: int, rule: str) -> None:
        self.replace(start, end, "", rule)

    def result(self) -> StepResult:
        self.parts.append(self.text[self.pos:])
        self.pos = len(self.text)
        return StepResult("".join(self.parts), self.changes)
