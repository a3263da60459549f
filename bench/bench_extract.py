"""Extraction speed and quality: pvclean's extract step beside trafilatura and jusText.

Two uses:

* as adapters for the peer-suite runner (function mode, str -> str), run from the project
  root so that ``bench`` is importable::

      python ../shared/peer-suites/run_peer_suites.py --stages extract \\
          --extract-func bench.bench_extract:trafilatura_text
      python ../shared/peer-suites/run_peer_suites.py --stages extract \\
          --extract-func bench.bench_extract:justext_text
      python ../shared/peer-suites/run_peer_suites.py --stages extract \\
          --extract-func bench.bench_extract:pvclean_text

* as a speed benchmark: ``python bench/bench_extract.py [PAGES_DIR ...]`` times every
  extractor on the same decoded pages (default: the HTML pages of the peer suites) and
  prints pages per second. trafilatura and jusText come from the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_PAGES = (
    Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "trafilatura" / "html",
    Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "magic-html",
)


def pvclean_extract_only(text: str) -> str:
    """The extract step followed by the html step: the article's lines, nothing repaired."""
    from pvclean.pipeline import Pipeline

    return Pipeline(steps=["extract", "html", "whitespace"]).clean(text)


def pvclean_text(text: str) -> str:
    """The whole pipeline without conversion, as ``pvclean clean --convert none`` runs it."""
    from pvclean.pipeline import Options, Pipeline

    return Pipeline(options=Options(convert="none")).clean(text)


def trafilatura_text(text: str) -> str:
    """trafilatura with default options (what the issue's reference numbers used)."""
    import trafilatura

    return trafilatura.extract(text) or ""


def justext_text(text: str) -> str:
    """jusText with its default settings; Chinese has no stoplist, so pages with Han text
    run in its language-independent mode (empty stoplist, stopword thresholds at zero)."""
    import justext

    if sum(1 for c in text if "\u4e00" <= c <= "\u9fff") > 50:
        options = {"stoplist": frozenset(), "stopwords_low": 0, "stopwords_high": 0}
    else:
        options = {"stoplist": justext.get_stoplist("English")}
    paragraphs = justext.justext(text.encode("utf-8"), encoding="utf-8", **options)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "pvclean-extract": pvclean_extract_only,
    "pvclean-clean": pvclean_text,
    "trafilatura": trafilatura_text,
    "justext": justext_text,
}


def load_pages(folders: list[Path]) -> list[str]:
    """Every .html file under the folders, decoded the way ``pvclean clean`` decodes files."""
    from pvclean.decode import decode

    return [decode(p.read_bytes(), str(p)).text
            for folder in folders for p in sorted(folder.rglob("*.html"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_PAGES))
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds, interleaved; the fastest round of each counts, so that "
                        "other load on the machine does not decide the comparison")
    args = parser.parse_args()
    pages = load_pages(args.folders)
    if not pages:
        sys.exit("no .html pages found")
    megabytes = sum(len(p.encode()) for p in pages) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB")
    names = args.only or list(EXTRACTORS)
    for name in names:
        EXTRACTORS[name](pages[0])  # imports and first-use tables outside the clock
    best = dict.fromkeys(names, float("inf"))
    for _ in range(args.repeat):
        for name in names:
            function = EXTRACTORS[name]
            began = time.perf_counter()
            for page in pages:
                function(page)
            best[name] = min(best[name], time.perf_counter() - began)
    for name, seconds in best.items():
        print(f"{name:16} {len(pages) / seconds:7.1f} pages/s  {megabytes / seconds:6.2f} MB/s")


if __name__ == "__main__":
    main()
