"""Generate a synthetic mixed corpus for bench_batch.py: scraped-mirror pages in several
kinds and encodings, built from our own sentence pool (no external data).

    python bench/make_corpus.py /tmp/corpus --files 1200

Kinds: .txt (UTF-8, simplified or traditional Chinese, English), .html (GB18030 or UTF-8,
with a <meta charset>), .jsonl (50 records) and .jsonl.gz. Noise: tags and entities, spam
lists ("相关文章", "Related posts"), pinyin glosses, keyword runs, and mojibake lines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

ZH = ["今年的经济增长率达到百分之五，专家认为明年还会继续。",
      "这座城市的地铁线路已经覆盖了大部分居民区。",
      "研究人员发现，适量运动可以明显改善睡眠质量。",
      "当地政府宣布将在下个月开放新的图书馆。",
      "这家公司去年的营业收入比前年增加了两成。"]
ZH_TRAD = ["臺灣的天氣很好，我們明天去爬山。", "這個問題需要從經濟與歷史兩個方面來討論。",
           "圖書館週末開放時間延長到晚上九點。"]
EN = ["The harbour reopened on Monday after the storm, and crews worked overnight.",
      "Researchers found that regular exercise improves the quality of sleep.",
      "The council will open a new library in the old market hall next month."]
SPAM_ZH = ["相关文章：", "上一篇：{}", "下一篇：{}", "热门推荐：{}", "本文来源：网络 编辑：小王"]
SPAM_EN = ["Related posts:", "- {}", "Share this: Facebook | Twitter | Email", "Tags: a, b, c"]


def paragraph(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return "".join(rng.choices(ZH, k=rng.randint(2, 6)))
    if roll < 0.6:
        text = "".join(rng.choices(ZH_TRAD, k=rng.randint(2, 5)))
        return text.replace("經濟", "經(jīng)濟(jì)") if rng.random() < 0.3 else text
    if roll < 0.9:
        return " ".join(rng.choices(EN, k=rng.randint(2, 5))).replace(" and ", " &amp; ")
    # a line decoded with the wrong codec, as mirrors serve them
    return rng.choice(ZH).encode("utf-8").decode("gbk", errors="ignore")


def spam(rng: random.Random) -> list[str]:
    pool = SPAM_ZH if rng.random() < 0.6 else SPAM_EN
    return [line.format(rng.choice(ZH)[:10]) for line in rng.sample(pool, k=len(pool))]


def article(rng: random.Random) -> list[str]:
    lines = [paragraph(rng) for _ in range(rng.randint(4, 14))]
    return lines + spam(rng)


def html_page(rng: random.Random, charset: str) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in article(rng))
    menu = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(8))
    return (f'<html><head><meta charset="{charset}"><title>新闻</title></head><body>'
            f"<ul class='nav'>{menu}</ul><div class='content'>{body}</div>"
            "<div class='footer'>版权所有 © 2024 镜像站</div></body></html>")


def write(root: Path, index: int, rng: random.Random) -> None:
    folder = root / f"site{index % 17:02d}" / f"part{index % 5}"
    folder.mkdir(parents=True, exist_ok=True)
    roll = rng.random()
    if roll < 0.45:
        (folder / f"doc{index:05d}.txt").write_text("\n".join(article(rng)) + "\n", "utf-8")
    elif roll < 0.85:
        charset = rng.choice(["gb2312", "utf-8"])
        data = html_page(rng, charset).encode("gb18030" if charset == "gb2312" else "utf-8",
                                              errors="ignore")
        (folder / f"page{index:05d}.html").write_bytes(data)
    else:
        records = [json.dumps({"id": f"{index}-{i}", "text": "\n".join(article(rng))},
                              ensure_ascii=False) for i in range(50)]
        data = ("\n".join(records) + "\n").encode("utf-8")
        if roll < 0.95:
            (folder / f"records{index:05d}.jsonl").write_bytes(data)
        else:
            (folder / f"records{index:05d}.jsonl.gz").write_bytes(gzip.compress(data, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for index in range(args.files):
        write(args.dest, index, rng)
    size = sum(p.stat().st_size for p in args.dest.rglob("*") if p.is_file())
    print(f"{args.files} files, {size / 1e6:.1f} MB in {args.dest}")


if __name__ == "__main__":
    main()
