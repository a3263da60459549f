# ruff: noqa: E501  (noise blocks: one block per string, as a page prints it)
"""Noise for the spam evaluation set, written for it, family by family (Chinese and English).

Each entry is a block of lines a scraped page adds around or inside an article. The builder
places head noise before the title's paragraphs, tail noise after the last paragraph.
"""

HEAD_ZH = [
    "首页 > 社会 > 民生",
    "当前位置:首页 > 本地新闻 > 正文",
    "1. 新闻中心 > 城市 > 要闻",
    "作者:本网记者 张晓 来源:城市晚报 发布时间:2023-08-14 09:12",
    "发布日期:2022年11月03日 浏览次数:1538",
    "editor01\n2023-05-21 08:30:45",
    "民生2022年09月17日",
    "分享到:微信 微博 QQ空间 【打印】 【关闭】",
    "字号:大 中 小 | 打印本页 | 关闭窗口",
]
HEAD_EN = [
    "Home » News » Local",
    "You are here: Home > Community > Events",
    "By Sarah Miller | Published March 3, 2023",
    "Posted by admin on 2022-10-05",
    "admin\n2021-07-09 14:02:11",
    "Share this: Facebook Twitter Email Print",
    "Last updated: Jan 12, 2024 10:15 am",
    "• Detail",
]

TAIL_ZH = [
    "(责任编辑:王明)",
    "【编辑:刘洋】",
    "版权声明:本站所有文章均来自互联网,如有侵权请与我们联系删除,转载请注明出处。",
    "Copyright © 2012-2023 城市生活网 版权所有 京ICP备12345678号-2",
    "关于我们 | 联系我们 | 网站地图 | 广告服务",
    "上一篇:小区物业费上涨引发热议\n下一篇:周末天气晴好 适宜出行",
    "标签:民生 城市 生活",
    "猜你喜欢\n夏天吃西瓜的五个误区,很多人都中招了\n2023-07-02\n这种鱼被称为“水中人参”,营养价值极高\n2023-06-28\n男子酒后驾车被查,竟说自己只喝了一口\n2023-06-25",
    "推荐阅读\n1. 为什么越来越多年轻人选择回老家工作 08-12\n2. 一碗面卖了三十年,老板说秘诀只有一个 08-11\n3. 这个小县城,凭什么成为网红打卡地 08-10\n4. 女子网购退货遭遇骗局,损失上万元 08-09",
    "热门文章\n她把旧房子改成民宿,一年接待游客上千人...\n阅读(2341)\n春节前后买车划算吗?内行人说出了实话...\n阅读(1876)\n这三种蔬菜千万不要生吃,很多人还不知道...\n阅读(1502)",
    "大家都在看\n明星夫妇罕见同框,网友:终于等到了\n农村大妈靠种草莓年入二十万,她是怎么做到的\n国内首条跨海高铁有望明年通车",
    "友情链接\n城市生活网 本地宝 天气查询 交通违章查询 房产资讯网",
    "北京哪家医院治疗白癜风好\n广州治疗牛皮癣最好的专科医院\n癫痫病哪里治疗效果好费用多少钱",
    "澳门真人娱乐城 百家乐在线开户 注册送彩金 体育投注官网",
    "无抵押小额贷款当天放款 黑户也能办理 秒批秒到 加微信咨询",
    "国产精品视频在线观看,亚洲欧美日韩中文字幕,高清无码免费观看 久久精品人妻 午夜福利影院",
    "上海装修公司,上海装修公司哪家好,上海装修公司排名,上海装修公司报价,上海装修设计公司",
]
TAIL_EN = [
    "Copyright © 2023 Riverside Daily. All rights reserved.",
    "© 2019 The Valley Gazette | Privacy Policy | Terms of Use",
    "Tags: community, local news, volunteers",
    "Previous post: Farmers market returns for the summer\nNext post: School board elects new chair",
    "Related posts\nTen things to do in town this weekend...\nMay 2, 2023\nNew cafe opens on the high street...\nApril 28, 2023\nWhy the old mill is finally being repaired...\nApril 20, 2023",
    "You may also like\nThe best hiking trails near the lake 2023-06-01\nHow to prepare your garden for winter 2023-05-28\nLocal team wins regional championship 2023-05-21\nFive recipes for a rainy afternoon 2023-05-15",
    "Popular posts\nWhy everyone is talking about the new bridge...\n1,204 views\nA guide to the summer festival...\n987 views\nMeet the oldest shopkeeper in the county...\n845 views",
    "Buy cheap viagra online no prescription best price free shipping",
    "Online casino bonus free spins no deposit jackpot slots",
    "Payday loans bad credit no credit check instant approval fast cash",
    "cheap jerseys, cheap nfl jerseys, cheap jerseys wholesale, cheap jerseys china, cheap jerseys online",
    "Leave a comment | Share on Facebook | Share on Twitter",
    "(Editor: Tom Reed)",
]

# An unrelated clause pasted in front of a paragraph (Chinese): cut as injected/lead-sentence.
INJECTED_ZH = [
    "而国际原油价格近期连续多日震荡下行",
    "与此同时多家券商上调了明年的盈利预期",
    "受寒潮影响北方多地气温创下今冬新低",
]
# Words left of a removed link after a paragraph's last sentence.
FRAGMENT_EN = ["Riverside paint () Dept", "Northway tools () Store"]
