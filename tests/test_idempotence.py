"""clean(clean(x)) == clean(x): cleaning what pvclean already cleaned changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvclean import Pipeline

PIPELINE = Pipeline()


def _common_hanzi() -> str:
    """GB2312 level 1: the 3,755 most common characters. Runs of rare characters are what a
    GBK stream that lost a byte decodes to, so random rare ones are mojibake-shaped text that
    the mojibake step may (rightly) repair differently once t2s has converted its neighbours."""
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


_CHINESE = st.text(alphabet=_common_hanzi() + "國經濟發會說這們", min_size=1, max_size=30)
_ENGLISH = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=40)
_PUNCT = st.sampled_from(["。", ",", "!", "?", ".", "…", "...", ":", "“", "”", "(", ")"])
_TAGS = st.sampled_from(["<p>", "</p>", "<br>", "<div id='x'>", "</div>", "<a href='/n'>",
                         "</a>", "<span>", "</span>", "&nbsp;", "&amp;", "<!-- c -->"])
_BREAKS = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", " ", "\u3000", "\t"])
_NOISE = st.sampled_from(["2024-01-05", "相关阅读", "Related posts", "...", "1.", "•", ">",
                          "Copyright © 2020", "admin", "(gù)", "國", "經濟"])

_PIECES = st.lists(st.one_of(_CHINESE, _ENGLISH, _PUNCT, _TAGS, _BREAKS, _NOISE),
                   min_size=0, max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECES)
def test_clean_is_idempotent(pieces: list[str]) -> None:
    once = PIPELINE.clean("".join(pieces))
    assert PIPELINE.clean(once) == once
