"""The spam step, by behaviour: what each noise family loses, what article text keeps.

Every document here is written for these tests (no page's text). ``ZH`` and ``EN`` are two
small articles; each case puts noise around or inside one of them and states the exact output
and the families the trace must name.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pvclean.errors import PvcleanError
from pvclean.pipeline import LINK_CLOSE, LINK_OPEN, Options, apply_changes
from pvclean.spam import rules
from pvclean.steps import spam

ZH_TITLE = "河畔步道全线贯通 市民多了散步新去处"
ZH_P1 = ("经过一年多的建设,沿河步道日前全线贯通。步道全长十二公里,串联起三座公园和五个社区,"
         "沿途设置了十处休息驿站和两个儿童游乐场。")
ZH_P2 = ("住在附近的张先生说,以前傍晚散步只能在小区里绕圈,现在沿着河边走一圈,既能锻炼身体,"
         "又能看到不少水鸟,心情也好了很多。")
ZH = f"{ZH_TITLE}\n\n{ZH_P1}\n\n{ZH_P2}\n"

EN_TITLE = "Village hall reopens after a year of repairs"
EN_P1 = ("The village hall reopened on Friday after a year of repairs to its roof and heating. "
         "More than two hundred residents came to the reopening, which ended with a dance.")
EN_P2 = ("The hall committee said the work was paid for by a lottery grant and by a series of "
         "bake sales. Bookings for weddings and clubs have already filled most weekends.")
EN = f"{EN_TITLE}\n\n{EN_P1}\n\n{EN_P2}\n"


def clean(text: str, **options: object) -> tuple[str, set[str]]:
    result = spam.run(text, Options(**options))  # type: ignore[arg-type]
    return result.text, {c.rule for c in result.changes}


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# (case, raw, rules that must fire) — the output must be exactly the article (ZH or EN).
NOISY = [
    ("zh related list with header, dates",
     ZH + "猜你喜欢\n冬天喝姜茶的三个好处\n2023-12-01\n老街新开了一家书店\n2023-11-28\n",
     {"related/list-header", "related/teaser-run"}),
    ("zh ranked list with trailing dates, no header",
     ZH + "1. 这种水果营养丰富 12-01\n2. 旧厂房变身文创园 11-30\n3. 秋季养生要注意什么 11-29\n"
     "4. 周末去哪儿玩 11-28\n",
     {"related/teaser-run"}),
    ("zh teasers with ellipses and counters",
     ZH + "\n她辞职回乡种茶,三年后...\n阅读(1203)\n一座桥连起了两个村庄...\n阅读(988)\n"
     "为什么这里的米特别香...\n阅读(756)\n",
     {"related/teaser-run"}),
    ("en related posts with ellipses and dates",
     EN + "You might also like\nA walk along the old canal...\nMarch 2, 2024\n"
     "The bakery that never closes...\nFebruary 27, 2024\n",
     {"related/list-header", "related/teaser-run"}),
    ("zh friend links", ZH + "友情链接\n本地论坛 天气预报 公交查询\n", {"related/friend-links"}),
    ("zh previous/next", ZH + "上一篇:公园菊花展开幕\n下一篇:图书馆延长开放时间\n",
     {"related/prev-next"}),
    ("en previous/next", EN + "Previous post: Spring fair dates announced\n"
     "Next post: Choir seeks new members\n", {"related/prev-next"}),
    ("zh medical ads in the tail", ZH + "郑州哪家医院看癫痫好\n治疗湿疹最好的专科医院\n",
     {"ads/medical"}),
    ("zh gambling ad", ZH + "真人娱乐城百家乐投注开户送彩金\n", {"ads/gambling"}),
    ("zh loan ad", ZH + "急用钱无抵押贷款秒批当天放款\n", {"ads/loans"}),
    ("en pharma spam", EN + "Cheap cialis online, buy generic pills no prescription\n",
     {"ads/pharma"}),
    ("en casino spam", EN + "Best online casino: free spins, no deposit bonus, jackpot slots\n",
     {"ads/gambling"}),
    ("zh porn keyword stuffing",
     ZH + "午夜福利视频在线观看,国产精品无码一区,日韩高清中文字幕 免费成人影院\n",
     {"stuffing/keyword-run"}),
    ("zh repeated-keyword stuffing, no lexicon",
     ZH + "杭州搬家公司,杭州搬家公司电话,杭州搬家公司价格,杭州搬家公司哪家强\n",
     {"stuffing/keyword-run"}),
    ("en repeated-keyword stuffing",
     EN + "cheap sneakers, cheap sneakers sale, cheap sneakers outlet, cheap sneakers men\n",
     {"stuffing/keyword-run"}),
    ("zh copyright and icp", ZH + "Copyright © 2015-2023 河畔生活网 版权所有\n沪ICP备87654321号\n",
     {"chrome/copyright"}),
    ("zh long copyright declaration after the article",
     ZH + "(责任编辑:周文)\n免责声明:本网转载的文章仅代表作者观点,不代表本网立场,如涉及版权问题,"
     "请作品权利人与本网联系,本网将及时处理。\n",
     {"chrome/editor-credit", "chrome/copyright"}),
    ("en copyright", EN + "© 2024 Hillside Herald. All rights reserved.\n", {"chrome/copyright"}),
    ("zh bracketed disclaimer written as a sentence",
     ZH + "【免责声明】本文仅代表作者本人观点,与本网无关。\n", {"chrome/copyright"}),
    ("en share widget", EN + "Share: Facebook Twitter WhatsApp\n", {"chrome/share"}),
    ("zh byline after the title",
     f"{ZH_TITLE}\n发布时间:2024-03-01 08:00 来源:河畔日报\n\n{ZH_P1}\n\n{ZH_P2}\n",
     {"chrome/byline"}),
    ("en byline after the title",
     f"{EN_TITLE}\nBy Anna Cole | March 1, 2024\n\n{EN_P1}\n\n{EN_P2}\n", {"chrome/byline"}),
    ("bare username and timestamp after the title",
     f"{EN_TITLE}\nwebmaster\n2024-03-01 08:00:12\n\n{EN_P1}\n\n{EN_P2}\n",
     {"chrome/byline", "chrome/dateline"}),
    ("zh category glued to a date",
     f"{ZH_TITLE}\n\n社会2024年03月01日\n\n{ZH_P1}\n\n{ZH_P2}\n", {"chrome/dateline"}),
    ("zh breadcrumb with a list number",
     f"2. 首页 > 城市 > 正文\n{ZH_TITLE}\n\n{ZH_P1}\n\n{ZH_P2}\n", {"chrome/breadcrumb"}),
    ("en breadcrumb", f"Home » Community » Events\n{EN_TITLE}\n\n{EN_P1}\n\n{EN_P2}\n",
     {"chrome/breadcrumb"}),
    ("share widget", f"{ZH_TITLE}\n分享到:微信 微博 【打印】\n\n{ZH_P1}\n\n{ZH_P2}\n",
     {"chrome/share"}),
    ("en truncated title duplicate and nav bullet",
     f"Top story Village hall reopens after a ye\n\n• Print\n\n{EN}", {"chrome/title-duplicate",
                                                                    "chrome/nav"}),
    ("zh truncated title duplicate",
     f"河畔步道全线贯通 市民多\n{ZH}", {"chrome/title-duplicate"}),
    ("zh byline that starts with its date",
     f"{ZH_TITLE}\n2023-05-06 10:20  来源:河畔网  作者:李青\n\n{ZH_P1}\n\n{ZH_P2}\n",
     {"chrome/byline"}),
    ("zh items that start with a bracketed date",
     ZH + "[2024-07-25] 冬季进补要注意\n[2024-07-24] 老街换新颜\n[2024-07-23] 周末好去处\n",
     {"related/teaser-run"}),
    ("zh items that start with month-day", ZH + "06-12 冬季进补要注意\n06-11 老街换新颜\n"
     "06-10 周末好去处\n", {"related/teaser-run"}),
    ("zh tag cloud", ZH + "热门搜索:装修 旅游 美食 教育 健康\n", {"chrome/tags"}),
    ("en post footer", EN + "Posted in Community | Tagged hall, village | Leave a comment\n",
     {"chrome/byline"}),
    ("en emptied-link fragment after the last sentence",
     EN.replace("weekends.", "weekends. Hillside hardware () Shop"), {"injected/empty-link"}),
    ("en adult keyword stuffing",
     EN + "free porn videos, hot sexy girls, xxx movies online, adult webcam chat, live cams\n",
     {"stuffing/keyword-run"}),
    ("en emptied-link fragment holding a dot",
     EN.replace("weekends.", "weekends. Riverside steel pipe () Co., Ltd"),
     {"injected/empty-link"}),
]

INJECTED_LEAD = "受冷空气影响本周全省气温将明显下降 "


def test_injected_lead_sentence_is_cut_and_the_paragraph_kept() -> None:
    out, fired = clean(f"{ZH_TITLE}\n\n{INJECTED_LEAD}{ZH_P1}\n\n{ZH_P2}\n")
    assert lines_of(out) == lines_of(ZH)
    assert fired == {"injected/lead-sentence"}


@pytest.mark.parametrize(("case", "raw", "families"), NOISY, ids=[c[0] for c in NOISY])
def test_noise_is_removed_and_the_article_kept(case: str, raw: str, families: set[str]) -> None:
    out, fired = clean(raw)
    article = ZH if ZH_TITLE in raw else EN
    assert lines_of(out) == lines_of(article)
    assert families <= fired


# Articles that look like noise in places: they must come through unchanged.
HARD_NEGATIVES = [
    ("en article on age checks for adult sites",
     "New rules for adult websites take effect\n\nFrom July, adult websites and webcam "
     "services must check the age of their users, the regulator said. Sites that show porn "
     "without such checks face fines of up to ten percent of their turnover.\n\nCritics say "
     "the rules will push users towards sites that ignore them.\n"),
    ("en short sentence with empty call brackets at the end",
     EN + "The fix was simple. Call reset() twice.\n"),
    ("health article on the disease ads name",
     "银屑病患者冬季护理指南\n\n银屑病是一种慢性炎症性皮肤病,冬季干燥寒冷,病情容易加重。"
     "皮肤科医生建议患者在正规医院接受治疗,不要相信所谓的根治偏方。\n\n一、保湿护理\n\n"
     "洗澡后三分钟内涂抹保湿霜,可以减少皮肤水分流失,缓解瘙痒和脱屑。\n\n二、规范治疗\n\n"
     "医生会根据病情轻重选择外用药物、光疗或系统治疗,患者应按医嘱坚持治疗并定期复诊。\n"),
    ("legal article quoting copyright notices",
     "转载他人文章注明出处就不算侵权吗\n\n很多网站在文末写着“版权所有,转载请注明出处”。"
     "律师指出,注明出处并不等于获得授权,未经许可转载仍可能构成侵权。\n\n"
     "“本文版权归原作者所有”这样的说明,也不能免除转载者的法律责任。法院在审理此类案件时,"
     "会审查转载者是否取得了权利人的许可。\n"),
    ("numbered steps and short headings",
     "How to bleed a radiator\n\nCold patches at the top of a radiator mean air is trapped inside. "
     "Bleeding it takes ten minutes and needs only a radiator key and a cloth.\n\n"
     "Before you start\n\nTurn the heating off and let the radiators cool down.\n\n"
     "Steps\n\n1. Find the valve at the top corner.\n2. Hold the cloth under the valve.\n"
     "3. Turn the key slowly until air hisses out.\n4. Close the valve when water appears.\n\n"
     "Finally, check the boiler pressure and top it up if it has dropped below one bar.\n"),
    ("dates, times, stock codes and comparisons in prose",
     "公司公告将于下周复牌\n\n2024年5月6日晚间,某电池企业(300750)发布公告称,"
     "公司股票将于5月13日9:30起复牌。公告显示,重组方案已于2024-05-06获董事会通过。\n\n"
     "当日全市空气质量良好,PM2.5<35微克每立方米,市民出行未受影响。\n"),
    ("a real list of resources at the end",
     "Getting started with birdwatching\n\nYou do not need expensive gear to start watching birds. "
     "A cheap pair of binoculars and a notebook are enough for the first few months.\n\n"
     "Go out early in the morning, when birds are most active, and learn the common species "
     "in your garden before you travel further.\n\nUseful resources\n\n"
     "A field guide to garden birds\nThe county bird club's monthly walks\n"
     "A free app for recording sightings\n"),
    ("an article about gambling ads",
     "Regulator fines betting firm over misleading bonus ads\n\nThe gambling regulator fined an "
     "online casino operator on Monday for ads that promised free spins and a deposit bonus "
     "without explaining the conditions.\n\nThe regulator said the ads had been shown during "
     "football matches watched by children, and ordered the firm to review all of its "
     "promotions.\n"),
    ("a timeline with dates at the start of lines",
     "公司发展历程\n\n这家企业从一个小作坊起步,二十年间成长为行业骨干企业,下面是它的几个重要节点。\n\n"
     "2004-03-01 公司在城郊注册成立\n2010-06-18 第一条自动化生产线投产\n"
     "2016-09-09 产品出口到东南亚市场\n2023-12-20 新厂区建成投用\n\n"
     "企业负责人说,未来五年将把研发投入提高到营业收入的百分之五。\n"),
    ("a Chinese article with a spaced Latin name",
     "开源社区发布新版本\n\n这次更新由社区志愿者共同完成 Python 版本的支持也随之扩展到最新发行版,"
     "开发者可以直接升级。\n\n维护者表示,下一个版本将重点改进文档和错误提示。\n"),
]


@pytest.mark.parametrize(("case", "text"), HARD_NEGATIVES, ids=[c[0] for c in HARD_NEGATIVES])
def test_hard_negatives_come_through_unchanged(case: str, text: str) -> None:
    out, fired = clean(text)
    assert out == text, fired


ALL_TEXTS = [raw for _, raw, _ in NOISY] + [text for _, text in HARD_NEGATIVES]


@pytest.mark.parametrize("raw", ALL_TEXTS)
def test_trace_invariants(raw: str) -> None:
    result = spam.run(raw, Options())
    previous_end = 0
    for change in result.changes:
        assert change.start >= previous_end
        assert change.before == raw[change.start:change.end]
        assert change.after == ""
        assert "/" in change.rule and change.family in rules.FAMILIES
        previous_end = change.end
    assert apply_changes(raw, result.changes) == result.text


@pytest.mark.parametrize("raw", ALL_TEXTS)
def test_step_is_idempotent_on_its_own_output(raw: str) -> None:
    once = spam.run(raw, Options()).text
    assert spam.run(once, Options()).changes == []


# Removing a head line gives its neighbours new neighbours: the head pass judges them again
# (a bullet left alone by the removal of the duplicate above it is a lone nav bullet).
@pytest.mark.parametrize(("raw", "out"), [
    ("\u2022 \n\u2022 \n" + ZH_P1, ZH_P1),
    (f"{ZH_TITLE}\n\u2022 \n\u2022 \n{ZH_P1}", f"{ZH_TITLE}\n{ZH_P1}"),
])
def test_head_pass_judges_lines_again_after_a_removal(raw: str, out: str) -> None:
    assert clean(raw)[0] == out
    assert spam.run(out, Options()).changes == []


# A chain of title duplicates, each uncovered by the removal of the one after it: all go in
# one run, and the head pass judges again only the lines next to a removal.
def test_a_chain_of_title_duplicates_goes_in_one_run() -> None:
    variants = "甲乙丙丁戊己庚辛壬癸"
    lines = []
    for k in range(300):
        chars = list(ZH_P1[:24])
        chars[k % 20 + 2] = variants[(k // 20) % 10]
        lines.append("".join(chars))
    raw = "\n".join(lines) + "\n" + ZH_P1 + "\n"
    result = spam.run(raw, Options())
    assert result.text == ZH_P1 + "\n"
    assert {c.rule for c in result.changes} == {"chrome/title-duplicate"}


# A removal inside a line changes the line: without its emptied-link fragment this paragraph
# is too short to end the list under the header (what a second run would find), so the step
# reads what it left again, and the trace still names characters of its own input.
def test_text_left_after_a_fragment_cut_is_read_again() -> None:
    raw = f"相关阅读\n{ZH_P1}相关阅读() "
    result = spam.run(raw, Options())
    assert {c.rule for c in result.changes} >= {"injected/empty-link", "related/list-header"}
    assert all(c.before == raw[c.start:c.end] for c in result.changes)
    assert apply_changes(raw, result.changes) == result.text
    assert spam.run(result.text, Options()).changes == []


def test_crlf_lines_are_removed_with_their_line_break() -> None:
    raw = ZH.replace("\n", "\r\n") + "版权所有 © 2024 河畔生活网\r\n"
    out, _ = clean(raw)
    assert out == ZH.replace("\n", "\r\n")


def test_link_dense_ranked_lines_form_a_teaser_run() -> None:
    items = "".join(f"{n}. {LINK_OPEN}第{n}条新闻标题{LINK_CLOSE} 03-0{n}\n" for n in range(1, 5))
    out, fired = clean(ZH + items)
    assert lines_of(out) == lines_of(ZH)
    assert fired == {"related/teaser-run"}


# --keep: a family, or one family/rule, is kept.
@pytest.mark.parametrize(("keep", "kept_line"), [
    ("chrome", "作者:李青"),
    ("chrome/byline", "作者:李青"),
    ("ads", "郑州哪家医院看癫痫好"),
])
def test_keep_switches_a_family_off(keep: str, kept_line: str) -> None:
    raw = (f"{ZH_TITLE}\n作者:李青\n\n{ZH_P1}\n\n{ZH_P2}\n"
           "郑州哪家医院看癫痫好\n治疗湿疹最好的专科医院\n")
    out, fired = clean(raw, keep=frozenset({keep}))
    assert kept_line in out
    assert all(not (rule == keep or rule.startswith(keep + "/")) for rule in fired)


def test_user_rule_file_adds_a_lexicon(tmp_path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("ads\tsolar-sales\tterm\t光伏板|逆变器|光伏支架\n", encoding="utf-8")
    raw = ZH + "光伏板逆变器光伏支架现货\n"
    assert "光伏板" in clean(raw)[0]
    out, fired = clean(raw, rules=(str(extra),))
    assert lines_of(out) == lines_of(ZH)
    assert fired == {"ads/solar-sales"}


@pytest.mark.parametrize("line", ["ads\tmedical\tterm", "ads\tmedical\tphrase\t医院",
                                  "ads/x\tmedical\tterm\t医院"])
def test_malformed_rule_file_is_reported_with_its_line(tmp_path, line: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PvcleanError, match=r"bad\.tsv:2"):
        rules.load((str(bad),))


@pytest.mark.parametrize("line", [
    "测试文本 " * 200_000,
    "a. () " * 170_000,
    "2024-01-01 " * 95_000,
    "首页 > " * 150_000,
    "国产精品," * 200_000,
], ids=["cjk", "brackets", "dates", "breadcrumbs", "stuffing"])
def test_a_one_megabyte_line_is_handled(line: str) -> None:
    result = spam.run(ZH + line + "\n", Options())
    assert apply_changes(ZH + line + "\n", result.changes) == result.text


_PIECES = st.lists(st.sampled_from([
    ZH_TITLE, ZH_P1, EN_P1, "\n", "\n\n", " ", "相关阅读", "Related posts", "2024-01-05",
    "...", "1. ", "• ", " > ", "admin", "Copyright © 2020", "医院", "无码", "() ",
    "标题一则", LINK_OPEN, LINK_CLOSE]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_step_is_idempotent_on_generated_text(pieces: list[str]) -> None:
    once = spam.run("".join(pieces), Options()).text
    assert spam.run(once, Options()).changes == []


# The lexicon scan reads as a left-to-right regex scan would: the longest value at the
# leftmost position, then on from its end; a latin value only as a whole word, and a value
# that is not a whole word still ends its stretch of the scan.
@pytest.mark.parametrize(("line", "terms"), [
    ("online casino bonus", ["online casino", "bonus"]),
    ("better alphabet", []),
    ("eno deposit", []),  # "no deposit" is not a whole word and hides "deposit"
    ("无抵押贷款秒批", ["无抵押", "贷款", "秒批"]),
    ("", []),
])
def test_lexicon_scan_takes_leftmost_longest_whole_words(line: str, terms: list[str]) -> None:
    hits = rules.load().scan(["相关阅读", line, "copyright 2024"])  # lines as normalized
    assert [term for _, term in hits[1].terms] == terms
    assert hits[2].key == (("chrome", "copyright"), "copyright")
    assert hits[0].key is None and hits[0].terms == ()
