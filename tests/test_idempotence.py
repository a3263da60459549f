"""clean(clean(x)) == clean(x): cleaning what pvclean already cleaned changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvclean import Pipeline

PIPELINE = Pipeline()

_CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
                   min_size=1, max_size=30)
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
