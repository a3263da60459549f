"""pvclean: raw scraped web articles in, clean text out.

    >>> import pvclean
    >>> pvclean.clean("<p>中國(guó)的經濟</p>")
    '中国的经济\\n'

``clean`` takes text, ``clean_bytes`` takes raw file bytes in any encoding, and ``Pipeline``
runs a chosen subset of the steps and returns what each one changed (see ``pipeline.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .decode import decode
from .pipeline import Change, Options, Pipeline, Result

__all__ = ["Change", "Options", "Pipeline", "Result", "clean", "clean_bytes"]
__version__ = "0.1.0"


def _pipeline(steps: Iterable[str] | None, skip: Iterable[str],
              options: dict[str, Any]) -> Pipeline:
    return Pipeline(steps=steps, skip=skip, options=Options(**options))


def clean(text: str, *, steps: Iterable[str] | None = None, skip: Iterable[str] = (),
          **options: Any) -> str:
    """Clean one document. Keyword options are the fields of :class:`Options`."""
    return _pipeline(steps, skip, options).clean(text)


def clean_bytes(data: bytes, *, steps: Iterable[str] | None = None, skip: Iterable[str] = (),
                **options: Any) -> str:
    """Decode raw bytes (UTF-8, GB18030, Big5, UTF-16, cp1252 …), then clean them."""
    return _pipeline(steps, skip, options).clean(decode(data).text)
