"""Build the spam evaluation set: raw/*.txt (article + noise) and gold/*.txt (article only).

    python bench/spamset/build.py

Deterministic (seeded), so the committed files can be rebuilt and reviewed. Every noisy
document mixes several noise families around (and sometimes inside) an article; the hard
negatives are copied unchanged to both sides.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES_EN, ARTICLES_ZH, HARD_NEGATIVES  # noqa: E402
from noise import (  # noqa: E402
    FRAGMENT_EN,
    HEAD_EN,
    HEAD_ZH,
    INJECTED_ZH,
    TAIL_EN,
    TAIL_ZH,
)

DOCS_PER_ARTICLE = 2


def _truncated_title(title: str, rng: random.Random) -> str:
    """The title duplicate a page prints above the title: cut mid-way, maybe decorated."""
    cut = max(6, int(len(title) * rng.uniform(0.5, 0.8)))
    return ("The latest " if title.isascii() else "") + title[:cut]


def document(title: str, paragraphs: list[str], lang: str,
             rng: random.Random) -> tuple[str, str]:
    heads, tails = (HEAD_ZH, TAIL_ZH) if lang == "zh" else (HEAD_EN, TAIL_EN)
    raw: list[str] = []
    if rng.random() < 0.3:
        raw.append(_truncated_title(title, rng))
    pre = rng.sample(heads, rng.randint(0, 1))
    raw.extend(pre)
    raw.append(title)
    raw.extend(rng.sample([h for h in heads if h not in pre], rng.randint(0, 2)))
    body = list(paragraphs)
    if lang == "zh" and rng.random() < 0.4:
        body[0] = rng.choice(INJECTED_ZH) + " " + body[0]
    if lang == "en" and rng.random() < 0.3:
        body[-1] = body[-1] + " " + rng.choice(FRAGMENT_EN)
    raw.extend(body)
    raw.extend(rng.sample(tails, rng.randint(2, 4)))
    indent = "\u3000\u3000" if lang == "zh" and rng.random() < 0.5 else ""
    sep = rng.choice(["\n\n", "\n", "\r\n\r\n"])
    raw_text = sep.join(indent + block if block in paragraphs else block for block in raw)
    gold_text = "\n\n".join([title, *paragraphs])
    return raw_text + "\n", gold_text + "\n"


def main() -> None:
    rng = random.Random(20240601)
    raw_dir, gold_dir = HERE / "raw", HERE / "gold"
    raw_dir.mkdir(exist_ok=True)
    gold_dir.mkdir(exist_ok=True)
    count = 0
    for lang, articles in (("zh", ARTICLES_ZH), ("en", ARTICLES_EN)):
        for number, (title, paragraphs) in enumerate(articles):
            for copy in range(DOCS_PER_ARTICLE):
                raw, gold = document(title, paragraphs, lang, rng)
                name = f"{lang}_{number:02d}_{copy}.txt"
                (raw_dir / name).write_text(raw, encoding="utf-8")
                (gold_dir / name).write_text(gold, encoding="utf-8")
                count += 1
    for name, text in HARD_NEGATIVES.items():
        (raw_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        (gold_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        count += 1
    print(f"{count} documents in {raw_dir} and {gold_dir}")


if __name__ == "__main__":
    main()
