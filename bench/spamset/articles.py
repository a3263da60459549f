# ruff: noqa: E501  (article prose: one paragraph per string reads better than wrapped)
"""Article text for the spam evaluation set, written for it (not taken from any page).

Each article is a title and its paragraphs. ``HARD_NEGATIVES`` are whole documents that look
like noise in places and must come through the spam step unchanged.
"""

ARTICLES_ZH = [
    ("城西湿地公园完成生态修复 候鸟数量明显回升", [
        "经过两年的治理,城西湿地公园的生态修复工程日前通过验收。园区管理处介绍,修复工程共清理淤泥十二万立方米,新栽水生植物四十余种,湿地水质由劣五类提升至三类。",
        "今年入冬以来,来此越冬的候鸟数量明显增加。观鸟志愿者记录到白鹭、苍鹭、小䴙䴘等三十多种鸟类,其中数量最多的一天超过两千只,创下近十年来的最高纪录。",
        "管理处负责人表示,下一步将继续控制周边农田面源污染,并在核心区设置观鸟栈道,在保护生态的同时满足市民亲近自然的需求。",
    ]),
    ("县域冷链物流中心投用 农产品损耗率下降三成", [
        "位于县城东侧的冷链物流中心本月正式投入使用,中心建有冷藏库容一万五千吨,配备分拣线六条,可同时为两百多家合作社提供预冷、仓储和配送服务。",
        "过去,当地出产的杨梅、枇杷等水果采摘后只能就近低价出售,运输途中损耗往往超过两成。冷链中心投用后,水果从田间到超市货架全程温控,损耗率下降了三成左右。",
        "县农业农村局相关负责人说,冷链中心还将接入电商平台的订单系统,帮助农户把特色农产品卖到更远的城市。",
    ]),
    ("老旧小区加装电梯提速 今年计划完成三百台", [
        "记者从市住建部门获悉,今年全市计划为老旧小区加装电梯三百台,截至目前已有一百二十台完成安装并投入运行,另有九十台正在施工。",
        "为了解决居民意见不一致的问题,各街道普遍引入了第三方协调机制,由社区工作人员、设计单位和居民代表共同商议费用分摊方案,低楼层住户的顾虑也被纳入考虑。",
        "家住三楼的李阿姨告诉记者,电梯装好以后,她每天都能下楼买菜、散步,再也不用为腿脚不便发愁了。",
    ]),
    ("高校学生自主研发水下机器人 获国际竞赛一等奖", [
        "在刚刚结束的国际水下机器人大赛中,某理工大学学生团队自主研发的作业型机器人获得一等奖。这台机器人能够在浑浊水体中识别目标并完成抓取,定位误差不超过两厘米。",
        "团队负责人介绍,他们用了一年半时间反复调试推进器和视觉算法,仅在学校游泳池里就进行了四百多次下水试验。",
        "指导教师表示,比赛只是检验成果的一种方式,团队接下来将与海洋工程企业合作,把这项技术用于水下管道巡检。",
    ]),
    ("社区食堂开进居民楼 老人吃饭有了好去处", [
        "今年以来,全区新建社区食堂二十六家,覆盖了八成以上的老年人口集中居住的小区。食堂每天提供早、中、晚三餐,七十岁以上老人用餐可享受八折优惠。",
        "在一家开业不久的社区食堂,记者看到,午餐供应两荤两素一汤,价格在十二元左右。前来就餐的王大爷说,饭菜清淡可口,比自己在家做饭方便多了。",
        "区民政局表示,将根据老人的反馈不断调整菜品,并探索为行动不便的老人提供送餐上门服务。",
    ]),
    ("古镇老街修缮完工 传统手工艺店铺重新开张", [
        "历时十个月的古镇老街修缮工程近日完工。施工方按照修旧如旧的原则,保留了街巷原有的石板路和木结构门面,对一百余处破损屋面进行了加固。",
        "修缮完成后,竹编、木雕、手工酱坊等十多家传统手工艺店铺陆续回到老街营业。经营竹编店的陈师傅说,游客可以现场看到编织过程,很多孩子还会坐下来学上一会儿。",
        "镇政府表示,老街将实行错峰开放,节假日期间控制游客数量,避免过度商业化影响居民生活。",
    ]),
    ("山区学校用上远程课堂 孩子们同上一堂音乐课", [
        "上周三上午,大山深处的一所村小里,二十多名学生通过屏幕与城区学校的孩子一起上了一堂音乐课。这是当地推进城乡学校结对帮扶、开设远程同步课堂的一个缩影。",
        "目前,全县已有四十所乡村学校接入远程教学平台,音乐、美术、英语等过去难以开齐的课程得到了补充。乡村教师也可以在线观摩城区名师的课堂,提高自己的教学水平。",
        "县教育局表示,今年还将为乡村学校更换一批教学设备,保证网络和画面的稳定。",
    ]),
    ("夜间经济带动消费 步行街客流同比增长四成", [
        "入夏以来,市中心步行街的夜间客流持续走高。商圈管理方的统计显示,六月份晚上七点至十一点的客流量同比增长四成,餐饮和文创商铺的营业额也随之上涨。",
        "为了延长消费时间,步行街在周末增设了街头演出和市集摊位,公交部门同步加开了夜间线路,方便市民晚间出行。",
        "不少商户表示,夜间经营虽然增加了人工成本,但带来的客流和收入明显高于投入。",
    ]),
]

ARTICLES_EN = [
    ("Harbor town restores its century-old lighthouse", [
        "The lighthouse that has guarded the entrance to the harbor since 1911 shone again on Saturday night after an eighteen-month restoration paid for largely by local donations.",
        "Volunteers stripped and repainted the iron lantern room, while a specialist firm rebuilt the original lens mechanism. The keeper's cottage next door will open as a small museum in the spring.",
        "The harbor master said the light is no longer needed for navigation, but that the town wanted to keep a landmark that generations of fishermen had steered by.",
    ]),
    ("City council approves protected bike lanes on main avenue", [
        "The city council voted seven to two on Tuesday to build protected bike lanes along the full length of the main avenue, a project that has been debated for more than three years.",
        "Supporters pointed to a rise in cycling commuters and to crash figures showing that the avenue is one of the most dangerous streets in the city. Opponents argued that removing a parking lane would hurt shops.",
        "Construction is expected to begin in the summer and to be finished before the end of the year, according to the transportation department.",
    ]),
    ("Researchers map the nesting sites of a rare seabird", [
        "A team of biologists has produced the first complete map of the nesting sites of a rare petrel that breeds only on a handful of rocky islands in the southern ocean.",
        "Using small GPS tags and drone surveys, the researchers located more than four hundred active burrows, far more than earlier estimates had suggested. Most were hidden under dense tussock grass.",
        "The findings will help conservation groups decide where to focus efforts to remove invasive rats, which prey on the birds' eggs and chicks.",
    ]),
    ("Small bakery wins national bread award", [
        "A two-person bakery in a former garage has won the national award for the best sourdough loaf, beating more than three hundred entries from across the country.",
        "The owners, a married couple who left office jobs to start the business, said they use flour from a mill twenty miles away and let their dough rise for almost two days.",
        "Since the award was announced, the queue outside the shop has started forming before dawn, and the couple say they are now looking for a third baker to help.",
    ]),
    ("Library opens a tool lending service", [
        "The public library has started lending out more than two hundred tools, from power drills and ladders to sewing machines and pressure washers, to anyone with a library card.",
        "Librarians said the idea came from residents who asked why they should buy a drill they would use twice a year. Each tool can be borrowed for one week and renewed once.",
        "The service is funded by a small grant from the county, and local tradespeople have offered free workshops on how to use the equipment safely.",
    ]),
    ("Volunteers clean up river after spring floods", [
        "More than one hundred and fifty volunteers spent Sunday morning clearing debris from the banks of the river, which burst its banks twice during the spring floods.",
        "They removed fallen branches, plastic waste and even a sofa that had been carried downstream. The parks department provided gloves, bags and two trucks to take the rubbish away.",
        "Organizers said they plan to hold a second clean-up in the autumn and hope to plant native trees along the most eroded stretches of the bank.",
    ]),
    ("Regional airport adds direct flights to the capital", [
        "The regional airport will offer direct flights to the capital four times a week starting next month, ending a decade in which travelers had to change planes at a larger hub.",
        "Airport officials said the route was made possible by a guarantee from local businesses, which agreed to buy a minimum number of seats during the first year.",
        "The tourism board expects the new flights to bring more weekend visitors to the lakes and hiking trails in the surrounding hills.",
    ]),
]

HARD_NEGATIVES = {
    "hn_zh_health_vitiligo": """白癜风的规范治疗:医生提醒不要轻信偏方

白癜风是一种常见的色素脱失性皮肤病,表现为皮肤上出现大小不等的白色斑片。皮肤科医生指出,白癜风并不传染,但病程较长,需要在正规医院接受系统治疗。

一、早期症状

白癜风早期的白斑颜色较淡,边界不清,容易被误认为是普通的皮肤干燥或癣。出现不明原因的白斑时,应及时到医院皮肤科就诊,通过伍德灯检查明确诊断。

二、常用治疗方法

目前白癜风的治疗以外用药物、光疗和手术移植为主。医生会根据白斑的面积、部位和病情是否稳定来制定方案,一般需要坚持治疗三个月以上才能判断效果。

三、日常注意事项

患者应避免皮肤外伤和暴晒,保持规律作息。医生特别提醒,网上宣传的所谓根治偏方大多没有科学依据,盲目使用可能加重病情。
""",
    "hn_zh_legal_copyright": """网站页脚的版权声明有没有法律效力

不少网站会在页面底部写上一段文字,例如“版权所有,未经许可不得转载”,或者“凡注明来源本网的作品,版权均属本网所有”。这类声明究竟有没有法律效力?

律师解释说,根据著作权法,作品自创作完成之日起就自动产生著作权,并不以声明为前提。版权声明的作用主要是提示和警示,表明权利人主张权利的态度。

在一起案件中,某网站在文章末尾注明“版权所有,转载须注明出处”,另一家公众号全文转载却没有注明来源。法院审理后认为,转载者侵犯了原作者的署名权和信息网络传播权,判决其赔偿经济损失。

律师提醒,即使网站没有写任何版权声明,未经许可转载他人作品同样可能构成侵权。
""",
    "hn_en_steps_headings": """How to repot a houseplant without killing it

Repotting is one of the most stressful moments in a houseplant's life, but it does not have to end badly. Most plants need a bigger pot every one to two years, when roots start to circle the bottom of the old one.

What you need

A pot one size larger, fresh potting mix, and a blunt knife are enough for most plants.

Step by step

1. Water the plant a day before you repot it.
2. Turn the pot on its side and ease the plant out.
3. Loosen the outer roots gently with your fingers.
4. Set the plant in the new pot at the same depth as before.
5. Fill the gaps with fresh mix and water thoroughly.

Aftercare

Keep the plant out of direct sun for a week and do not feed it for a month, so that the roots can settle into their new home.
""",
    "hn_zh_dates_numbers": """光伏龙头公司发布停牌公告 股价盘中一度涨停

3月4日晚间,某光伏龙头企业(600438)发布公告称,公司正在筹划重大资产重组事项,股票自3月5日开市起停牌,预计停牌时间不超过10个交易日。

公告发布前的3月4日14:30左右,该公司股价快速拉升,盘中一度涨停,全天成交额超过40亿元。分析人士认为,市场此前已对重组有所预期。

另据当地环境监测站数据,今年一季度全市PM2.5<35微克每立方米的天数达到78天,较去年同期增加12天。2024年1月至3月,全市新增分布式光伏装机容量约为56万千瓦。

公司表示,将于2024-03-15前披露重组预案,并申请股票复牌。
""",
    "hn_en_resources": """Learning to read old handwriting: a beginner's guide

Family historians often hit a wall when they first open a parish register written two hundred years ago. The letters look familiar, yet whole words refuse to make sense.

The good news is that old handwriting follows rules, and a few weeks of regular practice is usually enough to read most records from the eighteenth and nineteenth centuries.

Start with documents whose content you already know, such as a baptism record of an ancestor whose name and date you have from another source. Copy the text letter by letter, and build your own alphabet chart as you go.

Further resources

The National Archives palaeography tutorial
Reading Old Handwriting, a workbook by a county record office
A glossary of Latin terms used in church records
""",
    "hn_en_gambling_policy": """State lawmakers debate limits on online sports betting ads

Lawmakers heard testimony on Wednesday about a bill that would ban online betting companies from advertising during live sports broadcasts before ten in the evening.

Supporters of the bill said children are exposed to dozens of gambling ads during a single game, many of them promising free bets or a deposit bonus to new customers. A counselor who works with problem gamblers told the committee that such offers draw young adults into debt.

Representatives of the betting industry argued that the ads help steer customers away from illegal offshore casino sites, and that the state already collects significant tax revenue from licensed operators.

The committee is expected to vote on the bill next month.
""",
    "hn_zh_loan_policy": """小微企业贷款利率继续下行 银行加大首贷支持

人民银行最新数据显示,今年前三季度,新发放的普惠小微企业贷款平均利率为百分之四点一,比去年同期下降零点三个百分点。

为了帮助首次贷款的小微企业,多家银行推出了线上申请、无抵押信用贷款等产品,审批时间由过去的一周左右缩短到两个工作日。

不过,专家提醒,企业在办理贷款时应通过银行官方渠道申请,警惕打着“低息秒批”旗号的非法中介,避免因泄露征信信息而蒙受损失。
""",
    "hn_zh_numbered_steps": """家庭急救:遇到烫伤怎么办

夏季是烫伤的高发期,尤其是家里有小孩的家庭。掌握正确的处理方法,可以大大减轻伤害。

第一步

1、立即用流动的凉水冲洗烫伤部位,持续十五到二十分钟。
2、在冷水中小心脱去衣物,如有粘连不要强行撕开。
3、用干净的纱布轻轻覆盖伤处,不要涂抹牙膏、酱油等。
4、如果烫伤面积较大或起了大水泡,应尽快到医院就诊。

医生提醒,烫伤后不要自行挑破水泡,以免引起感染。
""",
}
