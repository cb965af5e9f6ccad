"""Word lists the extractor uses: cities, surnames, titles, the interest taxonomy, intents."""
from __future__ import annotations

FIELDS = ("name", "gender", "phone", "email", "wechat_id", "qq", "id_number", "birthday", "age",
          "company", "job_title", "city", "address", "budget", "interests", "family", "intent")
MULTI_VALUED = frozenset({"interests", "family", "intent"})
PII_FIELDS = frozenset({"phone", "email", "wechat_id", "qq", "id_number", "address"})

# Prefecture-level and larger cities people name most; value is the canonical Chinese name.
CN_CITIES = (
    "北京 上海 天津 重庆 广州 深圳 杭州 成都 武汉 南京 西安 苏州 长沙 郑州 青岛 厦门 东莞 佛山 宁波 "
    "无锡 合肥 昆明 大连 沈阳 哈尔滨 长春 济南 福州 南昌 南宁 贵阳 太原 石家庄 兰州 海口 三亚 乌鲁木齐 "
    "呼和浩特 银川 西宁 拉萨 珠海 中山 惠州 温州 嘉兴 绍兴 金华 台州 常州 南通 扬州 徐州 烟台 潍坊 "
    "临沂 泉州 漳州 洛阳 宜昌 襄阳 岳阳 株洲 桂林 柳州 绵阳 遵义 唐山 保定 廊坊 芜湖 汕头 江门 湛江 "
    "香港 澳门 台北 台中 高雄 台南 新北 桃园 新竹 基隆 嘉义 宜兰 花莲 台东 屏东 苗栗 彰化 南投 云林 "
    "新加坡 吉隆坡 槟城 怡保 新山 伦敦 曼彻斯特 悉尼 墨尔本 布里斯班 多伦多 温哥华 纽约 洛杉矶 旧金山 西雅图 芝加哥 波士顿 "
    "法兰克福 柏林 慕尼黑 巴黎 东京 大阪 首尔 迪拜 曼谷 奥克兰 都柏林 阿姆斯特丹 清迈 雅加达 泗水 万隆 马尼拉 宿务 普吉 芭提雅 金边 河内 胡志明市 "
    "杜塞尔多夫 爱丁堡 伯明翰 利物浦 谢菲尔德 诺丁汉 格拉斯哥 珀斯 阿德莱德 堪培拉 黄金海岸 惠灵顿 基督城 卡尔加里 蒙特利尔 渥太华 埃德蒙顿 休斯顿 达拉斯 迈阿密 亚特兰大 费城 拉斯维加斯 尔湾 圣何塞 名古屋 横滨 福冈 札幌 釜山 孟买 新德里 多哈 阿布扎比 斯图加特 科隆 维也纳 苏黎世 京都 仁川"
    " 呼市 乌市 哈市 乌特勒支 曼城 里昂"
).split()
CITY_ALIASES = {
    "beijing": "北京", "shanghai": "上海", "tianjin": "天津", "chongqing": "重庆",
    "guangzhou": "广州", "shenzhen": "深圳", "hangzhou": "杭州", "chengdu": "成都",
    "wuhan": "武汉", "nanjing": "南京", "xi'an": "西安", "xian": "西安", "suzhou": "苏州",
    "changsha": "长沙", "zhengzhou": "郑州", "qingdao": "青岛", "xiamen": "厦门",
    "dongguan": "东莞", "ningbo": "宁波", "hong kong": "香港", "macau": "澳门", "taipei": "台北",
    "la": "Los Angeles", "nyc": "New York", "sf": "San Francisco", "kl": "Kuala Lumpur", "hk": "香港",
    "dc": "Washington",
    "milano": "Milan", "roma": "Rome", "münchen": "Munich", "köln": "Cologne", "wien": "Vienna", "praha": "Prague",
    "lisboa": "Lisbon", "montréal": "Montreal",
    # short forms people say for long city names
    "呼市": "呼和浩特", "乌市": "乌鲁木齐", "哈市": "哈尔滨",
    # mainland cities written in pinyin
    "shenyang": "沈阳",
    "kunming": "昆明",
    "dalian": "大连",
    "hefei": "合肥",
    "foshan": "佛山",
    "fuzhou": "福州",
    "harbin": "哈尔滨",
    "jinan": "济南",
    "wenzhou": "温州",
    "changchun": "长春",
    "shijiazhuang": "石家庄",
    "changzhou": "常州",
    "quanzhou": "泉州",
    "nanning": "南宁",
    "guiyang": "贵阳",
    "nanchang": "南昌",
    "nantong": "南通",
    "jinhua": "金华",
    "xuzhou": "徐州",
    "taiyuan": "太原",
    "jiaxing": "嘉兴",
    "yantai": "烟台",
    "huizhou": "惠州",
    "baoding": "保定",
    "zhongshan": "中山",
    "shaoxing": "绍兴",
    "urumqi": "乌鲁木齐",
    "lanzhou": "兰州",
    "haikou": "海口",
    "sanya": "三亚",
    "zhuhai": "珠海",
    "yiwu": "义乌",
    "kunshan": "昆山",
    "wuxi": "无锡",
    "hohhot": "呼和浩特",
    "yinchuan": "银川",
    "xining": "西宁",
    "lhasa": "拉萨",
    "guilin": "桂林",
    "luoyang": "洛阳",
    "weifang": "潍坊",
    "tangshan": "唐山",
    "清迈": "Chiang Mai", "雅加达": "Jakarta", "泗水": "Surabaya", "万隆": "Bandung", "马尼拉": "Manila", "宿务": "Cebu",
    "普吉": "Phuket", "芭提雅": "Pattaya", "金边": "Phnom Penh", "河内": "Hanoi", "胡志明市": "Ho Chi Minh City",
    # foreign cities written in Chinese
    "新加坡": "Singapore", "吉隆坡": "Kuala Lumpur", "槟城": "Penang", "怡保": "Ipoh", "新山": "Johor Bahru",
    "伦敦": "London", "曼彻斯特": "Manchester", "悉尼": "Sydney", "墨尔本": "Melbourne", "布里斯班": "Brisbane",
    "多伦多": "Toronto", "温哥华": "Vancouver", "纽约": "New York", "洛杉矶": "Los Angeles", "旧金山": "San Francisco",
    "西雅图": "Seattle", "芝加哥": "Chicago", "波士顿": "Boston", "法兰克福": "Frankfurt", "柏林": "Berlin",
    "慕尼黑": "Munich", "汉堡": "Hamburg", "巴黎": "Paris", "东京": "Tokyo", "大阪": "Osaka", "首尔": "Seoul",
    "迪拜": "Dubai", "曼谷": "Bangkok", "奥克兰": "Auckland", "都柏林": "Dublin", "阿姆斯特丹": "Amsterdam",
    "杜塞尔多夫": "Düsseldorf", "爱丁堡": "Edinburgh", "伯明翰": "Birmingham", "利物浦": "Liverpool", "谢菲尔德": "Sheffield", "诺丁汉": "Nottingham",
    "格拉斯哥": "Glasgow", "珀斯": "Perth", "阿德莱德": "Adelaide", "堪培拉": "Canberra", "黄金海岸": "Gold Coast", "惠灵顿": "Wellington",
    "基督城": "Christchurch", "卡尔加里": "Calgary", "蒙特利尔": "Montreal", "渥太华": "Ottawa", "埃德蒙顿": "Edmonton", "休斯顿": "Houston",
    "达拉斯": "Dallas", "迈阿密": "Miami", "亚特兰大": "Atlanta", "费城": "Philadelphia", "拉斯维加斯": "Las Vegas", "尔湾": "Irvine",
    "圣何塞": "San Jose", "名古屋": "Nagoya", "横滨": "Yokohama", "福冈": "Fukuoka", "札幌": "Sapporo", "釜山": "Busan",
    "孟买": "Mumbai", "新德里": "New Delhi", "多哈": "Doha", "阿布扎比": "Abu Dhabi", "斯图加特": "Stuttgart", "科隆": "Cologne", "京都": "Kyoto", "仁川": "Incheon",
    "维也纳": "Vienna", "苏黎世": "Zurich", "乌特勒支": "Utrecht", "曼城": "Manchester", "里昂": "Lyon",
}
# countries as written in Chinese -> ISO 3166 code (a number "西班牙号 612 …" is dialled there;
# "立讯精密越南厂" is the employer's plant in that country)
COUNTRIES_CN = {
    "香港": "HK", "澳门": "MO", "台湾": "TW", "新加坡": "SG", "马来西亚": "MY", "大马": "MY", "澳洲": "AU",
    "澳大利亚": "AU", "新西兰": "NZ", "纽西兰": "NZ", "美国": "US", "加拿大": "CA", "英国": "GB", "爱尔兰": "IE",
    "日本": "JP", "韩国": "KR", "泰国": "TH", "越南": "VN", "印尼": "ID", "印度尼西亚": "ID", "菲律宾": "PH",
    "柬埔寨": "KH", "缅甸": "MM", "老挝": "LA", "印度": "IN", "巴基斯坦": "PK", "孟加拉": "BD", "斯里兰卡": "LK",
    "阿联酋": "AE", "沙特": "SA", "卡塔尔": "QA", "土耳其": "TR", "以色列": "IL", "埃及": "EG", "南非": "ZA",
    "尼日利亚": "NG", "肯尼亚": "KE", "加纳": "GH", "埃塞俄比亚": "ET", "德国": "DE", "法国": "FR", "意大利": "IT",
    "西班牙": "ES", "葡萄牙": "PT", "荷兰": "NL", "比利时": "BE", "瑞士": "CH", "奥地利": "AT", "瑞典": "SE",
    "挪威": "NO", "丹麦": "DK", "芬兰": "FI", "波兰": "PL", "捷克": "CZ", "匈牙利": "HU", "希腊": "GR",
    "俄罗斯": "RU", "乌克兰": "UA", "塞尔维亚": "RS", "墨西哥": "MX", "巴西": "BR", "阿根廷": "AR", "智利": "CL",
    "秘鲁": "PE", "哥伦比亚": "CO",
}
# International cities and the phone region (ISO 3166) a local number there is dialled in.
CITY_REGION = {
    "Düsseldorf": "DE", "Stuttgart": "DE", "Nagoya": "JP", "Yokohama": "JP", "Fukuoka": "JP", "Sapporo": "JP",
    "Singapore": "SG", "London": "GB", "Manchester": "GB", "Edinburgh": "GB", "Birmingham": "GB",
    "Bristol": "GB", "Leeds": "GB", "Liverpool": "GB", "Glasgow": "GB", "Cambridge": "GB",
    "Oxford": "GB", "Brighton": "GB", "Cardiff": "GB", "Belfast": "GB", "Dublin": "IE",
    "New York": "US", "San Francisco": "US", "Los Angeles": "US", "Chicago": "US", "Boston": "US",
    "Seattle": "US", "Austin": "US", "Houston": "US", "Miami": "US", "Dallas": "US",
    "Atlanta": "US", "Denver": "US", "Phoenix": "US", "Philadelphia": "US", "San Diego": "US",
    "San Jose": "US", "Portland": "US", "Washington": "US", "Las Vegas": "US", "Detroit": "US",
    "Minneapolis": "US", "Honolulu": "US", "Toronto": "CA", "Vancouver": "CA", "Montreal": "CA",
    "Calgary": "CA", "Ottawa": "CA", "Sydney": "AU", "Melbourne": "AU", "Brisbane": "AU",
    "Perth": "AU", "Adelaide": "AU", "Canberra": "AU", "Gold Coast": "AU", "Auckland": "NZ",
    "Wellington": "NZ", "Christchurch": "NZ", "Kuala Lumpur": "MY", "Penang": "MY",
    "Johor Bahru": "MY", "Bangkok": "TH", "Jakarta": "ID", "Bali": "ID", "Manila": "PH",
    "Ho Chi Minh City": "VN", "Hanoi": "VN", "Tokyo": "JP", "Osaka": "JP", "Kyoto": "JP",
    "Seoul": "KR", "Busan": "KR", "Dubai": "AE", "Abu Dhabi": "AE", "Doha": "QA",
    "Mumbai": "IN", "Delhi": "IN", "New Delhi": "IN", "Bangalore": "IN", "Bengaluru": "IN",
    "Karachi": "PK", "Lahore": "PK", "Islamabad": "PK", "Rawalpindi": "PK", "Faisalabad": "PK", "Multan": "PK",
    "Peshawar": "PK", "Quetta": "PK", "Hyderabad (Sindh)": "PK",
    "Dhaka": "BD", "Chittagong": "BD", "Chattogram": "BD", "Sylhet": "BD", "Khulna": "BD", "Rajshahi": "BD",
    "Colombo": "LK", "Kandy": "LK", "Galle": "LK", "Jaffna": "LK", "Negombo": "LK",
    "Kampala": "UG", "Entebbe": "UG", "Jinja": "UG", "Gulu": "UG", "Mbarara": "UG",
    "Dar es Salaam": "TZ", "Arusha": "TZ", "Dodoma": "TZ", "Mwanza": "TZ", "Zanzibar": "TZ", "Kyoto": "JP", "Davao City": "PH", "Accra": "GH", "Kumasi": "GH", "Tema": "GH", "Incheon": "KR",
    "Paris": "FR", "Lyon": "FR", "Berlin": "DE", "Munich": "DE", "Hamburg": "DE",
    "Frankfurt": "DE", "Cologne": "DE", "Amsterdam": "NL", "Rotterdam": "NL", "Brussels": "BE",
    "Zurich": "CH", "Geneva": "CH", "Vienna": "AT", "Madrid": "ES", "Barcelona": "ES",
    "Lisbon": "PT", "Rome": "IT", "Milan": "IT", "Stockholm": "SE", "Copenhagen": "DK",
    "Oslo": "NO", "Helsinki": "FI", "Warsaw": "PL", "Prague": "CZ", "Istanbul": "TR",
    "Tel Aviv": "IL", "Cairo": "EG", "Johannesburg": "ZA", "Cape Town": "ZA", "Nairobi": "KE",
    "Durban": "ZA", "Pretoria": "ZA", "Port Elizabeth": "ZA", "Gqeberha": "ZA", "Bloemfontein": "ZA",
    "Stellenbosch": "ZA", "Mombasa": "KE", "Abuja": "NG", "Accra": "GH",
    "Lagos": "NG", "Mexico City": "MX", "Sao Paulo": "BR", "São Paulo": "BR",
    "Rio de Janeiro": "BR", "Buenos Aires": "AR", "Santiago": "CL", "Lima": "PE",
    "Hong Kong": "HK", "Macau": "MO", "Taipei": "TW", "Beijing": "CN", "Shanghai": "CN",
    "Shenzhen": "CN", "Guangzhou": "CN", "Hangzhou": "CN", "Chengdu": "CN", "Wuhan": "CN",
    "Nanjing": "CN", "Xiamen": "CN", "Suzhou": "CN",
    **{name.title(): "CN" for name in ("tianjin chongqing changsha zhengzhou qingdao dongguan ningbo shenyang kunming dalian "
                                       "hefei foshan fuzhou harbin jinan wenzhou changchun shijiazhuang changzhou quanzhou "
                                       "nanning guiyang nanchang nantong jinhua xuzhou taiyuan jiaxing yantai huizhou "
                                       "baoding zhongshan shaoxing urumqi lanzhou haikou sanya zhuhai yiwu kunshan wuxi "
                                       "hohhot yinchuan xining lhasa guilin luoyang weifang tangshan").split()},
    "Bandung": "ID", "Surabaya": "ID", "Medan": "ID", "Semarang": "ID", "Yogyakarta": "ID", "Denpasar": "ID",
    "Pattaya": "TH", "Chiang Rai": "TH", "Hat Yai": "TH", "Phnom Penh": "KH", "Hanoi": "VN", "Ho Chi Minh City": "VN",
}
CITY_REGION.update({"Pune": "IN", "Hyderabad": "IN", "Chennai": "IN", "Kolkata": "IN", "Ahmedabad": "IN",
                    "Gurgaon": "IN", "Noida": "IN", "Sacramento": "US", "Evanston": "US", "Jersey City": "US",
                    "Petaling Jaya": "MY", "Shah Alam": "MY", "Subang Jaya": "MY", "Rochester": "US",
                    "Oakland": "US", "Irvine": "US", "Pasadena": "US",
                    "George Town": "MY", "Kota Kinabalu": "MY", "Chiang Mai": "TH", "Phuket": "TH",
                    "Cebu": "PH", "Hobart": "AU", "Darwin": "AU", "Aberdeen": "GB", "Nottingham": "GB",
                    "Sheffield": "GB", "Newcastle": "GB", "Cork": "IE", "Quebec City": "CA"})
CITY_REGION.update({**dict.fromkeys(["Galway", "Limerick", "Waterford"], "IE"),
                    **dict.fromkeys(["Cairns", "Wollongong", "Geelong", "Townsville"], "AU"),
                    **dict.fromkeys(["Taupo", "Tauranga", "Dunedin", "Rotorua", "Napier"], "NZ"),
                    **dict.fromkeys(["Edmonton", "Winnipeg", "Mississauga", "Burnaby", "Kelowna"], "CA"),
                    **dict.fromkeys(["Salford", "York", "Coventry", "Leicester", "Southampton", "Portsmouth",
                                     "Milton Keynes", "Swansea", "Dundee", "Inverness", "Norwich", "Exeter"], "GB"),
                    **dict.fromkeys(["Ipoh", "Malacca", "Melaka", "Kuching", "Seremban", "Johor Bahru"], "MY"),
                    **dict.fromkeys(["Mountain View", "Palo Alto", "Cupertino", "Sunnyvale", "Redmond", "Bellevue"],
                                    "US"),
                    **dict.fromkeys(["Makati", "Quezon City", "Pasig", "Taguig", "Cebu City", "Davao", "Mandaluyong"], "PH"),
                    # cities as their own people write them (read as the English name, see CITY_ALIASES)
                    "Milano": "IT", "Roma": "IT", "München": "DE", "Köln": "DE", "Wien": "AT", "Praha": "CZ",
                    "Lisboa": "PT", "Montréal": "CA"})
EN_CITIES = tuple(CITY_REGION)
# country names and abbreviations that say where a local number is dialled ("我HK号码 6123 4567")
COUNTRY_REGION = {"HK": "HK", "Hong Kong": "HK", "香港": "HK", "UK": "GB", "Britain": "GB", "England": "GB",
                  "Scotland": "GB", "Wales": "GB", "英国": "GB", "Singapore": "SG", "SG": "SG", "新加坡": "SG",
                  "Malaysia": "MY", "马来西亚": "MY", "Australia": "AU", "澳洲": "AU", "澳大利亚": "AU",
                  "Canada": "CA", "加拿大": "CA", "USA": "US", "US": "US", "美国": "US", "NZ": "NZ",
                  "New Zealand": "NZ", "新西兰": "NZ", "Ireland": "IE", "爱尔兰": "IE", "Japan": "JP",
                  "日本": "JP", "Korea": "KR", "韩国": "KR", "Taiwan": "TW", "台湾": "TW", "Macau": "MO",
                  "澳门": "MO", "Germany": "DE", "德国": "DE", "France": "FR", "法国": "FR",
                  "South Africa": "ZA", "南非": "ZA", "Philippines": "PH", "菲律宾": "PH", "UAE": "AE",
                  "Nigeria": "NG", "Kenya": "KE", "India": "IN", "印度": "IN", "Pakistan": "PK", "Bangladesh": "BD",
                  "Sri Lanka": "LK", "Uganda": "UG", "Tanzania": "TZ", "Ghana": "GH"}
# Well-known districts people name instead of their city (district -> canonical city name).
DISTRICT_CITY = {
    **dict.fromkeys("朝阳 海淀 通州 东城 西城 丰台 昌平 大兴 顺义 望京 中关村 亦庄".split(), "北京"),
    **dict.fromkeys("浦东 徐汇 静安 黄浦 长宁 闵行 杨浦 虹口 陆家嘴 张江".split(), "上海"),
    **dict.fromkeys("南山 福田 罗湖 宝安 龙岗 龙华 前海".split(), "深圳"),
    **dict.fromkeys("天河 越秀 海珠 番禺 荔湾".split(), "广州"),
    **dict.fromkeys("滨江 拱墅 余杭 萧山 西湖区 钱塘 钱塘区 临平 临平区".split(), "杭州"),
    **dict.fromkeys("武侯 锦江 青羊 双流 郫都 郫都区".split(), "成都"),
    "鄠邑": "西安", "鄠邑区": "西安",  # districts formed after the division codes cn_divisions.tsv is built from
    **dict.fromkeys("江宁 玄武 秦淮 建邺".split(), "南京"),
    **dict.fromkeys("光谷 武昌 汉口 汉阳".split(), "武汉"),
    "松山湖": "东莞", "思明": "厦门", "湖里": "厦门",
    # business districts and landmarks people give as where they work or live
    **dict.fromkeys("国贸 西二旗 五道口 金融街 上地 酒仙桥 三里屯 后厂村".split(), "北京"),
    **dict.fromkeys("徐家汇 漕河泾 五角场 金桥 虹桥 人民广场 世纪公园 新天地".split(), "上海"),
    **dict.fromkeys("科技园 车公庙 华强北 坂田 蛇口".split(), "深圳"),
    **dict.fromkeys("珠江新城 体育西 琶洲 天河北".split(), "广州"),
    **dict.fromkeys("未来科技城 西溪 钱江新城".split(), "杭州"),
    **dict.fromkeys("春熙路 天府软件园 金融城".split(), "成都"),
    # state-level new areas, named as districts though no district bears the name
    "两江新区": "重庆", "西咸新区": "西安", "贵安新区": "贵阳", "天府新区": "成都", "南沙新区": "广州", "横琴": "珠海",
    "前海": "深圳", "江北新区": "南京", "金普新区": "大连", "郑东新区": "郑州", "红谷滩": "南昌", "浑南": "沈阳", "雄安新区": "雄安", "雄安": "雄安",
    "新街口": "南京", "解放碑": "重庆", "观音桥": "重庆", "五一广场": "长沙", "曲江": "西安",
    **dict.fromkeys("旺角 铜锣湾 尖沙咀 中环 湾仔 沙田 观塘 九龙 荃湾".split(), "香港"),
    **dict.fromkeys(["Manhattan", "Brooklyn", "Queens", "the Bronx", "Harlem"], "New York"),
    **dict.fromkeys(["Pudong", "Puxi"], "上海"),
    **dict.fromkeys(["Tampines", "Jurong", "Bedok", "Woodlands", "Punggol", "Toa Payoh", "Ang Mo Kio"], "Singapore"),
    **dict.fromkeys(["Kowloon", "Mong Kok", "Sha Tin", "Tsim Sha Tsui", "Causeway Bay", "Wan Chai", "Kwun Tong",
                     "Central", "Tuen Mun", "Tai Po", "Tsuen Wan"], "香港"),
    **dict.fromkeys(["Jurong West", "Clementi", "Raffles Place", "Bukit Timah", "Pasir Ris"], "Singapore"),
    "Fitzroy": "Melbourne", "St Kilda": "Melbourne", "Clifton": "Bristol",
    **dict.fromkeys(["Shoreditch", "Camden", "Hackney", "Islington", "Brixton"], "London"),
    **dict.fromkeys(["Bondi", "Parramatta", "Surry Hills"], "Sydney"),
    **dict.fromkeys(["Koreatown", "Santa Monica", "Hollywood"], "Los Angeles"),
    **dict.fromkeys("将军澳 大埔 屯门 元朗 西贡 北角 鲗鱼涌 太古 红磡 油麻地 深水埗 黄大仙 柴湾 筲箕湾 香港仔 天水围 马鞍山 "
                    "上水 粉岭 东涌 九龙塘 土瓜湾 何文田 葵涌 青衣 跑马地 金钟 上环 西环".split(), "香港"),
    **dict.fromkeys(["Tseung Kwan O", "Quarry Bay", "Tai Koo", "Taikoo", "North Point", "Yuen Long", "Sai Kung",
                     "Hung Hom", "Sham Shui Po", "Kowloon Tong", "Tung Chung", "Ma On Shan", "Sheung Wan",
                     "Admiralty", "Happy Valley", "Discovery Bay", "Kwai Chung", "Tsing Yi", "Fanling",
                     "Sheung Shui", "Tin Shui Wai", "Kowloon Bay", "Lai Chi Kok", "Cheung Sha Wan"], "香港"),
    **dict.fromkeys(["Sengkang", "Bishan", "Tengah", "Hougang", "Yishun", "Serangoon", "Choa Chu Kang",
                     "Bukit Batok", "Bukit Panjang", "Queenstown", "Marine Parade", "Geylang", "Kallang", "Novena",
                     "Tiong Bahru", "Jurong East", "Boon Lay", "Sembawang", "Holland Village", "Buona Vista",
                     "Tanjong Pagar", "Katong", "Paya Lebar", "Simei", "Kembangan", "Bukit Merah", "Redhill",
                     "Telok Blangah", "Marina Bay", "Punggol", "Changi", "Orchard Road", "Bedok North"], "Singapore"),
    **dict.fromkeys(["Bangsar", "Cheras", "Mont Kiara", "Bukit Jalil", "Setapak", "Kepong", "Ampang",
                     "Sri Petaling", "Bukit Bintang", "KLCC", "KL Sentral", "Brickfields", "Sentul", "Wangsa Maju"],
                    "Kuala Lumpur"),
    **dict.fromkeys("大安 大安区 士林 北投 内湖 文山 南港 万华 天母 信义区".split(), "台北"),
    **dict.fromkeys("左营 前镇 苓雅 三民 凤山 楠梓".split(), "高雄"),
    **dict.fromkeys("西屯 北屯 南屯 丰原 大里 乌日 潭子".split(), "台中"),
    **dict.fromkeys("日出康城 太古城 美孚新邨 美孚 黄埔花园 沙田第一城 海怡半岛 杏花邨 丽港城 嘉湖山庄".split(), "香港"),
    "滨湖新区": "合肥", "星沙": "长沙", "Soweto": "Johannesburg",
    # Singapore's towns as Chinese-speaking Singaporeans write them
    **dict.fromkeys("裕廊东 兀兰 盛港 榜鹅 义顺 后港 武吉知马 金文泰 实龙岗 勿洛 马林百列 碧山 丹戎巴葛 牛车水 乌节 芽笼 惹兰勿刹 "
                    "加冷 波东巴西 文礼 克兰芝".split(), "Singapore"),
    **dict.fromkeys(["Partick", "Shawlands", "Dennistoun", "Finnieston", "Govan", "Hillhead"], "Glasgow"),
    **dict.fromkeys("西营盘 坚尼地城 石塘咀 炮台山 西湾河 小西湾 赤柱 浅水湾 薄扶林 鸭脷洲 黄竹坑 九龙城 佐敦 大角咀 长沙湾 荔枝角 "
                    "石硖尾 牛头角 九龙湾 油塘 秀茂坪 钻石山 慈云山 新蒲岗 坑口 宝琳 调景岭 大围 火炭 大屿山 愉景湾".split(), "香港"),
    **dict.fromkeys(["Taman Molek", "Taman Pelangi", "Taman Daya", "Taman Mount Austin", "Bukit Indah", "Iskandar Puteri"],
                    "Johor Bahru"),
    **dict.fromkeys("氹仔 路环 路氹 新口岸 黑沙环 筷子基 高士德 望厦 祐汉 水坑尾 Taipa Coloane Cotai".split(), "澳门"),
    **dict.fromkeys("板桥 新庄 中和 永和 三重 新店 淡水".split(), "新北"),
    # neighbourhoods abroad as Chinese speakers write them
    **dict.fromkeys("法拉盛 皇后区 布鲁克林 曼哈顿 唐人街 日落公园 艾姆赫斯特".split(), "New York"),
    **dict.fromkeys("新宿 涩谷 池袋 中野 高田马场 早稻田 上野 秋叶原 品川 目黑".split(), "Tokyo"),
    **dict.fromkeys("好市围 车士活 宝活".split(), "Sydney"),
    # cities of their own in Greater Vancouver and Toronto, as the people there name them
    "本拿比": "Burnaby", "素里": "Surrey", "万锦": "Markham", "萬錦": "Markham", "列治文山": "Richmond Hill", "烈治文山": "Richmond Hill",
    **dict.fromkeys("士嘉堡 北约克".split(), "Toronto"),
    "箱山": "Melbourne",
    **dict.fromkeys("伊士活 史卓菲 麦觉理".split(), "Sydney"), **dict.fromkeys("大久保 西葛西".split(), "Tokyo"),
    **dict.fromkeys("心斋桥 心齋橋 难波".split(), "Osaka"), **dict.fromkeys("蕉赖 甲洞 安邦".split(), "Kuala Lumpur"),
    "八打灵": "Petaling Jaya", "阿罕布拉": "Alhambra", "圣盖博": "San Gabriel", "蒙特利公园": "Monterey Park",
    **dict.fromkeys(["Skudai", "Johor Jaya"], "Johor Bahru"),
    # neighbourhoods of the region's large cities that people name instead of the city
    **dict.fromkeys(["Dhanmondi", "Gulshan", "Banani", "Uttara", "Mirpur", "Motijheel", "Bashundhara"], "Dhaka"),
    **dict.fromkeys(["Agrabad", "Halishahar", "Panchlaish"], "Chittagong"),
    **dict.fromkeys(["Gulshan-e-Iqbal", "Nazimabad", "Korangi", "Saddar"], "Karachi"),
    **dict.fromkeys(["Gulberg", "Johar Town", "Iqbal Town"], "Lahore"),
    **dict.fromkeys(["Ntinda", "Kololo", "Nakasero", "Muyenga", "Bugolobi"], "Kampala"),
    **dict.fromkeys(["Sukhumvit", "Silom", "Sathorn", "Thonglor", "On Nut", "Ekkamai"], "Bangkok"),
    **dict.fromkeys(["Thao Dien"], "Ho Chi Minh City"),
    **dict.fromkeys(["Cau Giay", "Hoan Kiem", "Tay Ho"], "Hanoi"),
    **dict.fromkeys(["Kemang", "Menteng", "Kuningan", "Senayan", "Kelapa Gading"], "Jakarta"),
    **dict.fromkeys(["Mid-Levels", "Tai Wai", "Sai Kung", "Happy Valley", "Kennedy Town"], "香港"),
    **dict.fromkeys(["Borivali", "Malad", "Goregaon", "Chembur", "Lower Parel"], "Mumbai"),
    **dict.fromkeys(["Hitech City", "Kukatpally", "Secunderabad"], "Hyderabad"),
    **dict.fromkeys(["Adum", "Asokwa"], "Kumasi"),
    **dict.fromkeys(["Table View", "Bellville", "Observatory", "Woodstock"], "Cape Town"),
    **dict.fromkeys(["Kilimani", "Westlands", "Lavington", "Kileleshwa", "Parklands", "Langata", "Embakasi", "Kasarani",
                     "Ruaka", "Upper Hill", "Gigiri", "Runda"], "Nairobi"),
    **dict.fromkeys(["Nyali", "Bamburi", "Likoni", "Shanzu"], "Mombasa"),
    **dict.fromkeys(["Lekki", "Ikeja", "Victoria Island", "Ikoyi", "Yaba", "Surulere", "Ajah", "Magodo", "Gbagada",
                     "Festac"], "Lagos"),
    **dict.fromkeys(["Wuse", "Maitama", "Garki", "Asokoro", "Gwarinpa", "Jabi"], "Abuja"),
    **dict.fromkeys(["East Legon", "Osu", "Cantonments", "Labone", "Dansoman", "Spintex", "Madina", "Adabraka"], "Accra"),
    **dict.fromkeys(["USJ", "SS15", "Sunway"], "Subang Jaya"),
    **dict.fromkeys(["Bayan Lepas", "Jelutong", "Air Itam", "Gelugor", "Tanjung Bungah", "Batu Ferringhi"], "Penang"),
    **dict.fromkeys(["BGC", "Bonifacio Global City"], "Taguig"),
    **dict.fromkeys(["Bangsar South", "KLCC", "Damansara Heights"], "Kuala Lumpur"),
    **dict.fromkeys(["Damansara Utama", "SS2", "Kelana Jaya"], "Petaling Jaya"),
    **dict.fromkeys(["Indooroopilly"], "Brisbane"),
    **dict.fromkeys(["Brooklyn", "Queens", "Bronx", "the Bronx", "Manhattan", "Staten Island", "Harlem"], "New York"),
    **dict.fromkeys(["Kanata", "Nepean", "Barrhaven", "Orleans"], "Ottawa"),
    **dict.fromkeys(["Verdun", "Plateau", "Rosemont", "NDG"], "Montreal"),
    **dict.fromkeys(["Beltline", "Mission", "Inglewood"], "Calgary"),
    **dict.fromkeys(["Headingley", "Chapel Allerton", "Roundhay"], "Leeds"),
    **dict.fromkeys(["Marchmont", "Bruntsfield", "Newington"], "Edinburgh"),
    **dict.fromkeys(["Halswell", "Papanui"], "Christchurch"),
    **dict.fromkeys(["Sandton", "Soweto", "Rosebank", "Randburg", "Midrand", "Fourways", "Braamfontein"], "Johannesburg"),
    **dict.fromkeys(["Sea Point", "Claremont", "Rondebosch", "Woodstock", "Observatory", "Bellville"], "Cape Town"),
    **dict.fromkeys(["Umhlanga", "Berea", "Westville"], "Durban"),
    # well-known neighbourhoods people name instead of their city
    **dict.fromkeys(["Clapham", "Peckham", "Battersea", "Kensington", "Notting Hill", "Greenwich", "Wimbledon",
                     "Canary Wharf", "Fulham", "Hammersmith", "Wandsworth", "Lewisham", "Croydon", "Walthamstow",
                     "Ealing", "Tottenham", "Stoke Newington", "Dalston", "Bermondsey", "Balham", "Tooting", "Putney"],
                    "London"),
    **dict.fromkeys(["Didsbury", "Chorlton", "Ancoats", "Fallowfield", "Withington"], "Manchester"),
    **dict.fromkeys(["Leith", "Morningside", "Portobello", "Stockbridge"], "Edinburgh"),
    **dict.fromkeys(["Edgbaston", "Digbeth", "Moseley"], "Birmingham"),
    **dict.fromkeys(["Clerkenwell", "Soho", "Mayfair", "Marylebone", "Holborn", "Bloomsbury", "King's Cross",
                     "Southwark", "Westminster"], "London"),
    **dict.fromkeys(["Kreuzberg", "Mitte", "Prenzlauer Berg", "Friedrichshain", "Neukölln", "Charlottenburg"], "Berlin"),
    **dict.fromkeys(["One-North", "one-north", "Tanjong Pagar", "Raffles Place", "Marina Bay", "Bugis", "Jurong"], "Singapore"),
    **dict.fromkeys(["Redfern", "Newtown", "Manly", "Chatswood", "Coogee", "Glebe", "Marrickville", "Randwick",
                     "Cronulla"], "Sydney"),
    **dict.fromkeys(["Brunswick", "Carlton", "Collingwood", "Footscray", "Prahran", "South Yarra", "Hawthorn",
                     "Box Hill", "Docklands"], "Melbourne"),
    **dict.fromkeys(["Fortitude Valley", "New Farm", "Toowong", "Chermside"], "Brisbane"),
    **dict.fromkeys(["Glenelg", "Norwood"], "Adelaide"),
    **dict.fromkeys(["Fremantle", "Subiaco", "Joondalup"], "Perth"),
    **dict.fromkeys(["Ponsonby", "Parnell", "Grey Lynn", "Mt Eden", "Mount Eden", "Remuera", "Takapuna", "Manukau"],
                    "Auckland"),
    **dict.fromkeys(["Te Aro", "Karori", "Kelburn"], "Wellington"),
    **dict.fromkeys(["Riccarton", "Sumner", "Merivale"], "Christchurch"),
    **dict.fromkeys(["Kitsilano", "Yaletown", "Gastown", "Kerrisdale"], "Vancouver"),
    **dict.fromkeys(["Etobicoke", "North York", "Yorkville", "Leslieville", "Liberty Village"], "Toronto"),
    **dict.fromkeys(["Mile End", "Westmount", "Outremont"], "Montreal"),
    **dict.fromkeys(["Williamsburg", "Astoria", "Bushwick", "Park Slope", "Upper West Side", "Upper East Side",
                     "Tribeca", "SoHo", "Flushing", "Long Island City"], "New York"),
    **dict.fromkeys(["Silver Lake", "Echo Park", "Los Feliz", "West Hollywood"], "Los Angeles"),
    **dict.fromkeys(["Lincoln Park", "Wicker Park", "Logan Square", "Lakeview", "River North", "Pilsen"], "Chicago"),
    **dict.fromkeys(["Mission District", "SoMa", "Noe Valley", "Pacific Heights", "Sunset District"], "San Francisco"),
    **dict.fromkeys(["Capitol Hill", "Ballard", "Fremont", "Queen Anne", "Wallingford"], "Seattle"),
    **dict.fromkeys(["Back Bay", "Beacon Hill", "Jamaica Plain", "Dorchester"], "Boston"),
    **dict.fromkeys(["Dwarka", "Saket", "Vasant Kunj", "Connaught Place", "Karol Bagh", "Rohini", "Lajpat Nagar"], "Delhi"),
    **dict.fromkeys(["Andheri", "Bandra", "Powai", "Juhu", "Colaba", "Dadar", "Worli"], "Mumbai"),
    **dict.fromkeys(["Whitefield", "Koramangala", "Indiranagar", "HSR Layout", "Jayanagar", "Electronic City",
                     "Marathahalli"], "Bengaluru"),
    **dict.fromkeys(["Kothrud", "Hinjewadi", "Baner", "Viman Nagar", "Koregaon Park", "Hadapsar", "Wakad"], "Pune"),
    **dict.fromkeys(["Gachibowli", "HITEC City", "Banjara Hills", "Jubilee Hills", "Madhapur", "Kondapur"], "Hyderabad"),
    **dict.fromkeys(["Adyar", "T Nagar", "Velachery", "Anna Nagar"], "Chennai"),
    **dict.fromkeys(["Rathmines", "Ranelagh", "Drumcondra", "Clontarf", "Dun Laoghaire", "Sandyford", "Swords",
                     "Tallaght"], "Dublin"),
}


# cities of Taiwan, in the simplified form the rules read (their money is NT$, their numbers +886)
TW_CITIES = frozenset("台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖 金门".split())
AMBIGUOUS_DISTRICT: dict[str, tuple[str, ...]] = {}  # 鼓楼区 -> (南京, 开封, 徐州, 福州)
CITY_BY_ID_CODE: dict[str, str] = {}  # the first four digits of a division code (as in an ID number) -> city


def _resource_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``resources/profiles/<name>``, without its ``#`` comment lines."""
    from engine.resources import resource

    return [line.split("\t") for line in resource("profiles", name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


COUNTY_CITIES: set[str] = set()  # county-level cities (昆山, 龙海): smaller places, whose names people carry too


def _load_cn_divisions() -> None:
    """Every Chinese prefecture city, county-level city and district, and the city of each
    prefecture code (cn_divisions.tsv, built from the national division codes by
    resources/profiles/build_cn_divisions.py)."""
    known = set(CN_CITIES)
    for name, city, kind in _resource_rows("cn_divisions.tsv"):
        if kind == "ambiguous":
            AMBIGUOUS_DISTRICT[name] = tuple(city.split(","))
        elif kind == "code":
            CITY_BY_ID_CODE[name] = city
        elif kind in ("city", "county_city"):
            if kind == "county_city":
                COUNTY_CITIES.add(name)
            if name not in known:
                CN_CITIES.append(name)
                known.add(name)
        else:
            DISTRICT_CITY.setdefault(name, city)  # the hand-made entries above win (大安 is Taipei's)


_load_cn_divisions()


CN_AREA_CITY: dict[str, str] = {}  # "天通苑" -> "北京": read after a home or work cue only


def _load_cn_areas() -> None:
    """Areas, sub-districts, business districts and landmarks people name instead of their city
    ("住天通苑" → 北京, "在江北嘴上班" → 重庆; cn_areas.tsv, hand-compiled); the division codes and the
    hand-made entries above win. Kept apart from the districts: a firm's registered name may start
    with such an area ("粤海通国际贸易有限公司"), and an airport or a university is an employer too."""
    for name, city in _resource_rows("cn_areas.tsv"):
        if name not in DISTRICT_CITY and name not in AMBIGUOUS_DISTRICT and name not in CN_CITIES \
                and not name.endswith(("机场", "大学", "学院", "医院", "中学", "小学")):
            CN_AREA_CITY[name] = city


_load_cn_areas()

CN_CITIES_CORE = tuple(CN_CITIES)  # the hand-made list and China's divisions, before the gazetteer of cities abroad
EN_PLACE_COUNTRIES = frozenset("US CA GB IE AU NZ IN MY SG ZA PH NG KE AE".split())  # the markets en_places.tsv covers
FOREIGN_CITY_COUNTRY: dict[str, str] = {}  # English name of a city from foreign_cities_zh.tsv -> its country


def _load_foreign_cities_zh() -> None:
    """Cities abroad as Chinese speakers write them (米兰 → Milan; built from GeoNames by
    resources/profiles/build_foreign_cities_zh.py). The hand-made aliases and Chinese place
    names win."""
    known = set(CN_CITIES) | set(DISTRICT_CITY) | set(AMBIGUOUS_DISTRICT)
    for name, english, country in _resource_rows("foreign_cities_zh.tsv"):
        if name in known or name in CITY_ALIASES:
            continue
        CN_CITIES.append(name)
        CITY_ALIASES[name] = english
        if country not in EN_PLACE_COUNTRIES:  # ("Richmond" is a town of several of those; en_places.tsv says which)
            FOREIGN_CITY_COUNTRY.setdefault(english, country)


_load_foreign_cities_zh()

NEIGHBOURHOOD_CITY_REGION: dict[str, str] = {}  # "Reading" -> "GB": the country of the cities en_neighbourhoods.tsv names


def _load_en_neighbourhoods() -> None:
    """Neighbourhoods, districts and inner suburbs of the main cities of the English-speaking
    markets ("we're in Roath" → Cardiff; en_neighbourhoods.tsv, hand-compiled): read as the
    districts above are. The hand-made entries win; a neighbourhood wins over a town of the same
    name in the tables below ("Chomedey" is Laval's)."""
    for name, city, country in _resource_rows("en_neighbourhoods.tsv"):
        NEIGHBOURHOOD_CITY_REGION.setdefault(city, country)
        if name not in CITY_REGION:
            DISTRICT_CITY.setdefault(name, city)



_load_en_neighbourhoods()

# towns of the English-speaking markets beyond the hand-made lists (en_places.tsv): read only
# after a cue that says the customer lives there, since many towns share a name with a business,
# a street or a place elsewhere ("Hale", "Marina", "Douglas")
TOWN_CITY: dict[str, str] = {}  # "Decatur" -> "Decatur", "Parramatta" -> "Sydney"
TOWN_REGION: dict[str, str] = {}  # the city of a town -> its country


def _load_en_places() -> None:
    """Towns and cities with 15,000 people or more (built from GeoNames by
    resources/profiles/build_en_places.py). The hand-made lists win: a suburb named there
    ("Brunswick" → Melbourne) stays that suburb."""
    for name, city, country in _resource_rows("en_places.tsv"):
        if name in CITY_REGION or name in DISTRICT_CITY:
            continue
        TOWN_CITY[name] = city
        TOWN_REGION.setdefault(city, country)


_load_en_places()

# "Methven" -> {"NZ": "Methven"}, "Amberley" -> {"US": "Cincinnati", "NZ": "Amberley"} (the most
# populous first), read only right after a home cue
SMALL_TOWN_CITY: dict[str, dict[str, str]] = {}


def _load_en_small_towns() -> None:
    """Towns and villages of 1,000 to 15,000 people (en_small_towns.tsv, built from GeoNames by
    resources/profiles/build_en_places.py); the other tables win."""
    for name, city, country in _resource_rows("en_small_towns.tsv"):
        if name not in TOWN_CITY and name not in CITY_REGION and name not in DISTRICT_CITY:
            SMALL_TOWN_CITY.setdefault(name, {})[country] = city


_load_en_small_towns()

SUBURB_CITY: dict[str, dict[str, str]] = {}  # country -> suburb -> the city people mean ("Red Hill" -> Brisbane in AU)


def _load_en_suburbs() -> None:
    """Suburbs of the main cities of Australia, New Zealand, Ireland and South Africa (built from
    GeoNames by resources/profiles/build_en_places.py)."""
    for name, city, country in _resource_rows("en_suburbs.tsv"):
        SUBURB_CITY.setdefault(country, {})[name] = city


_load_en_suburbs()
# abbreviations people write for where they live (upper case only)
EN_CITY_ALIASES = {"LA": "Los Angeles", "NYC": "New York", "SF": "San Francisco", "KL": "Kuala Lumpur",
                   "HK": "Hong Kong", "DC": "Washington", "PJ": "Petaling Jaya", "JB": "Johor Bahru",
                   "Joburg": "Johannesburg", "Jozi": "Johannesburg", "Brum": "Birmingham", "HCMC": "Ho Chi Minh City", "Saigon": "Ho Chi Minh City", "Philly": "Philadelphia", "Vegas": "Las Vegas",
                   "Chch": "Christchurch", "chch": "Christchurch", "ChCh": "Christchurch", "QC": "Quezon City", "Welly": "Wellington",
                   "Brissy": "Brisbane", "Melb": "Melbourne"}
PROVINCES = ("河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 "
             "贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆").split()

CN_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝于阎郁燕冀鞠蔺晋栗满权逯原洪楼芮鄢闻晁揭粟练邸郗")
CN_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐")
# A given name stops before these characters (they start the next word far more often).
NAME_STOP = set("今是在的来住家，。,.!！?？了呢啊吧哈我你他她和也就想要做从姓名叫年岁总经理老师先生女小姐"
                "这那有去到说问请谢好对不嗯哦呀吗么 \n\t0123456789")

CN_TITLES = ("村医", "乡医", "村支书", "支书", "村长", "站长", "所长", "民警", "出纳", "产品经理", "项目经理", "销售经理", "客户经理", "总经理", "副总裁", "董事长", "总监", "经理",
             "主管", "工程师", "架构师", "程序员", "设计师", "会计师", "会计", "律师", "医生", "护士",
             "教师", "老师", "教授", "销售", "店长", "厨师", "司机", "公务员", "主任", "创始人", "合伙人",
             "老板", "老板娘", "买手", "质检", "分拣员", "拣货员", "装配工", "仓管", "质检员", "普工", "操作工", "总裁", "财务", "运营", "编辑", "记者", "HR", "CEO", "CTO", "CFO", "COO", "护士长", "科长", "处长",
             "院长", "校长", "组长", "部长", "行长", "店员", "助理", "专员", "顾问", "文员", "导游", "翻译", "负责人",
             "质检员", "精算师", "柜员", "调度员", "采购员", "收银员", "营业员", "药师", "药剂师", "审计师", "分析师",
             "技术员", "操作工", "保安", "快递员", "外卖员", "研究员", "讲师", "辅导员", "空姐", "空少", "机长", "乘务员",
             "机师", "飞行员", "区域运营经理", "运营经理", "空乘", "服务员", "空中服务员", "乘务长", "空服员", "地勤", "荷官", "保洁", "月嫂", "护工", "育婴师", "骑手", "配送员", "网约车司机", "主播", "辅警", "协警")
EN_TITLES = ("teller", "waiter", "waitress", "operator", "attorney", "paralegal", "head", "fellow", "engineer", "manager", "director", "dev", "advisor", "adviser", "buyer", "RN", "cook", "lead", "executive", "specialist", "coordinator", "admin", "teacher", "doctor", "nurse", "lawyer", "accountant",
             "designer", "developer", "consultant", "analyst", "ceo", "cto", "cfo", "founder",
             "owner", "architect", "officer", "professor", "programmer", "pharmacist", "dentist",
             "chef", "driver", "pilot", "salesman", "saleswoman", "sales rep", "editor",
             "journalist", "scientist", "researcher", "banker", "broker", "agent", "president",
             "vp", "partner", "secretary", "administrator", "technician", "electrician", "assistant",
             "paralegal", "associate", "intern", "clerk", "cashier", "receptionist", "therapist",
             "physiotherapist", "surgeon", "veterinarian", "vet", "postdoc", "tutor", "lecturer", "coach", "trainer",
             "mechanic", "plumber", "carpenter", "photographer", "writer", "musician", "barista",
             "specialist", "coordinator", "executive", "supervisor", "planner", "recruiter", "realtor",
             "solicitor", "barrister", "md", "gm", "tester", "foreman", "adjuster", "auditor", "hygienist", "paramedic",
             "firefighter", "carer", "caregiver", "cleaner", "courier", "labourer", "laborer", "machinist", "welder",
             "apprentice", "SWE", "CNA", "LPN", "EMT")
ORG_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "银行", "医院", "大学", "学院",
                "研究院", "研究所", "事务所", "律所", "工作室", "中学", "小学", "幼儿园", "酒店", "科技", "商行", "合作社")
EN_ORG_SUFFIXES = ("Inc", "Ltd", "LLC", "Corp", "Corporation", "Company", "Co", "Group", "Bank",
                   "Hospital", "University", "Pte", "GmbH", "Limited", "Labs", "Technologies")

# Interest taxonomy: tag -> keywords (Chinese and English). Documented in docs/profiles.md.
INTERESTS = {
    "travel": ["旅游", "旅行", "自驾", "出国玩", "travel", "traveling", "travelling", "trips"],
    "sports": ["篮球", "足球", "羽毛球", "网球", "健身", "跑步", "马拉松", "游泳", "瑜伽", "骑行",
               "basketball", "football", "soccer", "tennis", "gym", "running", "marathon",
               "swimming", "yoga", "cycling", "badminton"],
    "outdoors": ["钓鱼", "爬山", "徒步", "露营", "登山", "fishing", "hiking", "camping", "climbing"],
    "food": ["美食", "烹饪", "做饭", "烘焙", "喝茶", "咖啡", "红酒", "cooking", "baking", "food",
             "coffee", "wine", "tea"],
    "music": ["音乐", "唱歌", "钢琴", "吉他", "听歌", "music", "piano", "guitar", "singing"],
    "reading": ["看书", "读书", "阅读", "小说", "reading", "books", "novels"],
    "photography": ["摄影", "拍照", "photography", "photos"],
    "gaming": ["游戏", "打游戏", "王者荣耀", "gaming", "video games", "games"],
    "investing": ["理财", "基金", "股票", "炒股", "投资", "investing", "stocks", "funds", "crypto", "etfs", "etf",
                  "shares"],
    "cars": ["汽车", "车", "赛车", "cars", "racing"],
    "fashion": ["时尚", "穿搭", "买衣服", "fashion", "shopping"],
    "beauty": ["化妆", "护肤", "美妆", "makeup", "skincare", "beauty"],
    "pets": ["猫", "狗", "养宠物", "宠物", "cats", "dogs", "pets", "puppies", "kittens"],
    "tech": ["数码", "科技", "电子产品", "gadgets", "tech", "technology"],
    "art": ["画画", "书法", "绘画", "painting", "drawing", "art"],
    "movies": ["电影", "看剧", "追剧", "movies", "films", "tv shows"],
}
INTEREST_CUES_CN = ("喜欢", "爱好", "热爱", "爱", "迷上", "平时", "经常", "周末", "空闲", "业余", "闲时")
INTEREST_CUES_EN = ("love", "loved", "loves", "like", "enjoy", "enjoys", "into", "fan of", "hobby", "hobbies",
                    "passionate about", "spend my weekends", "obsessed with", "crazy about", "been trading",
                    "i trade", "keen on")
NEGATIONS_CN = ("不喜欢", "不爱", "讨厌", "不感兴趣", "没兴趣", "不太喜欢", "从不")
NEGATIONS_EN = ("don't", "do not", "dont", "hate", "not into", "never", "dislike", "not a fan")

# Intent taxonomy: intent -> keywords.
INTENTS = {
    "buying": ["想买", "要买", "打算买", "准备买", "下单", "购买", "怎么付款", "付款", "订一", "拍下", "买一", "入手",
               "want to buy", "like to buy", "buy it", "place an order", "i'll take", "how do i pay", "purchase",
               "order one", "sign up", "下定", "付定金", "交定金", "预订", "订房", "想报", "报个", "想办", "办一张", "开个账户",
               "looking to buy", "want to join", "sign me up", "book a", "reserve a", "need a room", "i'll buy"],
    "comparing": ["对比", "比较一下", "比较下", "哪个好", "哪款好", "别家", "比别人", "货比三家", "compare", "comparing",
                  "versus", "cheaper elsewhere", "other brands", "which one is better", "difference between",
                  "比哪个好", "哪个更好", "哪个更划算", "decide between", "trying to decide", "better than"],
    "complaining": ["投诉", "还没发货", "没收到", "怎么还没", "太差", "退款", "坑人", "骗人", "质量问题", "坏了", "不满意", "差评", "售后",
                    "complain", "complaint", "refund", "terrible", "broken", "disappointed", "worst",
                    "not working", "not happy", "unhappy", "didn't arrive", "never arrived", "something's wrong",
                    "something is wrong", "no one answers", "nobody answers", "overcharged", "charged twice",
                    "没人联系", "没人理", "没人管", "多扣", "扣错"],
    "inquiring": ["多少钱", "怎么卖", "有优惠", "优惠吗", "how much", "price", "discount",
                  "any offer", "how much is", "想了解", "了解一下", "想问", "想咨询", "咨询一下", "需要什么", "还有号吗",
                  "怎么办理", "怎么申请", "how do i", "how can i", "do you have", "what do i need", "looking for",
                  "i'd like to know", "is it possible"],
    "cancelling": ["取消订单", "退订", "不要了", "cancel my", "unsubscribe", "cancel the order"],
}

THIRD_PARTY_CN = ("客人", "老人", "阿拉爷", "阿拉娘", "阿拉姆妈", "老公", "老婆", "丈夫", "妻子", "爱人", "媳妇", "太太", "儿子", "女儿", "孩子", "宝宝",
                  "爸爸", "妈妈", "我爸", "我妈", "我爹", "俺爹", "俺娘", "我娘", "父亲", "母亲", "哥哥", "姐姐", "弟弟", "妹妹", "朋友",
                  "同事", "老板", "领导", "助理", "秘书", "客户", "室友", "邻居", "他的", "她的", "家人",
                  "对象", "男朋友", "女朋友", "闺蜜", "公婆", "岳父", "岳母", "我先生",
                  "她电话", "他电话", "她手机", "他手机", "她邮箱", "他邮箱", "她微信", "他微信", "父母", "爸妈",
                  "公公", "婆婆", "老伴", "司机", "师傅", "快递员", "快递小哥", "客服", "店员", "未婚夫", "未婚妻",
                  "闺女", "小孩", "老爸", "老妈", "表哥", "表姐", "表妹", "表弟", "舅舅", "叔叔", "阿姨", "姑姑", "爷爷", "奶奶",
                  "外公", "外婆", "姥姥", "姥爷", "上司", "上级", "直属领导", "leader", "助手", "候选人", "紧急联系人", "孙子", "孙女", "孙娃", "外孙", "外孙女",
                  "阿妈", "阿爸", "老豆", "老母", "阿嫲", "阿爷", "老乡", "对方", "同学", "战友", "合伙人", "房东", "租客",
                  "我姐", "我哥", "我弟", "我妹", "个仔", "个女", "细路", "侄子", "侄女", "外甥", "外甥女", "儿媳", "女婿", "嫂子",
                  "姐夫", "妹夫", "亲戚", "家姐", "细佬", "细妹", "收款人", "汇款人", "受益人", "受保人", "被保人", "被保险人", "卖家", "商家", "店家", "工人姐姐", "菲佣", "印佣", "保姆")
THIRD_PARTY_EN = ("abbu", "ammi", "abba", "amma", "seller", "buyer's", "cardholder", "tenant", "tenant's", "landlord", "landlord's", "receiver", "recipient", "beneficiary", "moms", "mums", "dads", "helper", "maid", "wife", "husband", "son", "daughter", "kid", "kids", "mom", "mum", "mother",
                  "dad", "father", "brother", "sister", "friend", "colleague", "coworker",
                  "boss", "assistant", "secretary", "partner", "his", "her", "their", "girlfriend",
                  "boyfriend", "neighbour", "neighbor", "roommate", "roommates", "flatmates", "housemates", "client", "manager's", "parents",
                  "in-laws", "fiancé", "fiance", "fiancée", "fiancee", "grandma", "grandpa", "nephew", "niece",
                  "hubby", "wifey", "missus", "bf", "gf", "bestie", "cousin", "uncle", "aunt", "auntie", "grandson", "granddaughter",
                  "stepson", "stepdaughter", "son-in-law", "daughter-in-law", "carer", "caregiver", "sis", "beliau", "family", "admin", "asisten",
                  "grandmother", "grandfather", "mother-in-law", "father-in-law", "flatmate", "housemate", "PA",
                  "my manager", "supervisor", "leader", "line manager", "EA", "executive assistant", "spouse", "candidate",
                  "emergency contact")
SELF_CN = ("我的", "本人", "我自己", "我手机", "我电话", "我邮箱", "我微信", "我号码", "我是", "我叫")
SELF_EN = ("my own", "mine", "my ", "my phone", "my number", "my email", "me at", "i am", "i'm")
# Businesses that serve one country: a staff member who greets as one tells where the customer's
# local numbers are dialled (matched case-sensitively, as whole words, in staff messages only).
BRAND_REGION = {
    **dict.fromkeys(["Singtel", "StarHub", "DBS", "OCBC", "UOB", "POSB", "NTUC", "FairPrice", "SP Group"], "SG"),
    **dict.fromkeys(["PCCW", "HKT", "SmarTone", "CSL", "Hang Seng", "Centaline", "Midland Realty", "MTR",
                     "HKBN", "Cathay Pacific", "Maxim's", "BOCHK"], "HK"),
    **dict.fromkeys(["Maybank", "CIMB", "Celcom", "Digi", "Maxis", "U Mobile", "Public Bank", "RHB", "Petronas",
                     "TNB", "Astro"], "MY"),
    **dict.fromkeys(["Telstra", "Optus", "CommBank", "Commonwealth Bank", "Westpac", "NAB", "Woolworths", "Coles",
                     "Qantas"], "AU"),
    **dict.fromkeys(["BT", "EE", "Barclays", "NatWest", "Lloyds", "Tesco", "Sainsbury's", "Argos", "Currys",
                     "Royal Mail", "British Gas", "Virgin Media", "John Lewis", "NHS"], "GB"),
    **dict.fromkeys(["Verizon", "AT&T", "T-Mobile", "Comcast", "Xfinity", "Wells Fargo", "Bank of America",
                     "Walmart", "Best Buy", "Kaiser Permanente", "Mayo Clinic", "Chase Bank"], "US"),
    **dict.fromkeys(["Rogers", "Bell Canada", "Telus", "RBC", "Scotiabank", "Shoppers Drug Mart"], "CA"),
    **dict.fromkeys(["Eir", "AIB", "Bank of Ireland"], "IE"),
    **dict.fromkeys(["Spark NZ", "One NZ", "2degrees", "Kiwibank"], "NZ"),
    **dict.fromkeys(["Jio", "Airtel", "HDFC", "ICICI", "Flipkart"], "IN"),
}

# Chinese universities known by a short name, and their city (a student's city)
UNIVERSITY_CITY = {"北大": "北京", "清华": "北京", "北航": "北京", "北师大": "北京", "复旦": "上海", "同济": "上海", "上交": "上海",
                   "华师大": "上海", "浙大": "杭州", "武大": "武汉", "华科": "武汉", "川大": "成都", "电子科大": "成都",
                   "南大": "南京", "东南大学": "南京", "厦大": "厦门", "中山大学": "广州", "华南理工": "广州", "深大": "深圳",
                   "港大": "香港", "港中文": "香港", "台大": "台北", "成大": "台南", "西交": "西安", "哈工大": "哈尔滨",
                   "山大": "济南", "兰大": "兰州", "重大": "重庆", "南开": "天津", "天大": "天津"}

# Large employers that are often written with two characters, where two characters after a city
# would otherwise read as a district ("北京国贸"): "在成都华为这边上班"
KNOWN_EMPLOYERS_CN = frozenset("华为 腾讯 阿里 百度 京东 美团 小米 网易 滴滴 字节 联想 海尔 格力 美的 中兴 顺丰 苏宁 国美 万科 "
                               "恒大 招行 工行 建行 农行 中行 交行 伊利 蒙牛 宝钢 太钢 首钢 鞍钢 武钢 一汽 二汽 东风 吉利 长安 "
                               "奇瑞 长城 三一 徐工 中联 海信 TCL 创维 OPPO vivo 大疆 拼多多 携程 快手 蔚来 小鹏 理想 宁德时代".split())
# Large employers by the names people write for them, for an employer named with no cue word when
# the message is about the writer ("南方航空，做财务", "茅台 182…", "07834 562 190. yes, KPMG").
# Names that are also everyday words or products people buy (苹果, Apple, 三星 phones) are left out.
EMPLOYER_NAMES_CN = frozenset("""
鹅厂 菊厂 猪厂 狼厂 宇宙行 网易游戏 美图 特斯拉 微软 谷歌 苹果公司 亚马逊 英特尔 三星电子 同程 荣耀 讯飞 科大讯飞
华为 腾讯 阿里巴巴 阿里 百度 京东 美团 小米 网易 字节跳动 字节 滴滴 拼多多 携程 快手 联想 海尔 格力 美的 海信 创维 中兴
大疆 比亚迪 吉利 长城汽车 长安汽车 一汽 东风汽车 上汽 广汽 蔚来 小鹏 宁德时代 富士康 顺丰 中通 圆通 韵达 申通 苏宁 万科
碧桂园 保利 华润 中海 招商银行 工商银行 建设银行 农业银行 中国银行 交通银行 中国平安 中国人寿 太平洋保险 中国移动
中国联通 中国电信 国家电网 南方电网 中石油 中石化 中海油 宝钢 太钢 首钢 鞍钢 武钢 南钢 沙钢 三一重工 徐工 中联重科
宇通客车 宇通 茅台 五粮液 伊利 蒙牛 娃哈哈 海底捞 南方航空 南航 东方航空 东航 国航 海航 厦门航空 四川航空 中国中车
中建 中铁 中交 步步高 华晨宝马 上汽大众 一汽大众 德勤 普华永道 安永 毕马威 麦肯锡 埃森哲 微软 谷歌 汇丰 渣打 星展
中银香港 港铁 国泰 长荣 银河 澳门银河 美高梅 永利 金沙 台积电 鸿海 联发科 华硕 宏碁 新华三 海康威视 海康 大华 科大讯飞 云南白药 江西铜业 中国石化 郑州日产 广达电脑 广达 日立 三星电子 富士通 松下 索尼 丰田 本田 药明康德 恒瑞 迈瑞 立讯精密 歌尔 京东方
中芯国际 中国建筑 中国铁建 中国电建 中国中铁 中国烟草 中信银行 民生银行 浦发银行 兴业银行 光大银行 邮储银行 中国邮政 潍柴 安踏 米哈游
哔哩哔哩 小红书 蚂蚁集团 华泰证券 中信证券 长江存储 亿纬锂能 理想汽车 小鹏汽车 蔚来汽车 吉利汽车 奇瑞汽车 中国重汽 联影 华大基因 河钢 包钢
马钢 中核 中广核 中国商飞 航天科技 饿了么 三一集团 国家能源集团 中煤 山西焦煤 陕煤 兖矿 淮北矿业 开滦
""".split())
EMPLOYER_NAMES_EN = frozenset("""
Google Microsoft Amazon Meta Facebook Netflix IBM Oracle Intel Cisco Salesforce Accenture Deloitte PwC KPMG EY McKinsey BCG
Infosys TCS Wipro HCL Cognizant Capgemini HSBC Barclays Lloyds NatWest Santander Citi Citibank JPMorgan Goldman Sachs
DBS OCBC UOB Maybank CIMB ANZ NAB CBA Westpac RBC BMO Scotiabank CIBC NHS Tesco Sainsbury's Asda Woolworths Coles Walmart
Costco Shell BP BHP Petronas Grab Shopee Lazada Singtel Telstra Vodafone Boeing Airbus Qantas Emirates Siemens Bosch
Unilever Nestle Nestlé Deliveroo Uber Shopify Suncor Infineon Micron Dyson Safaricom Dangote MTN Ecobank
Huawei Alibaba Tencent ByteDance Lenovo Haier Xiaomi ZTE BYD Shein DJI Cathay Teleperformance Concentrix
""".split()) | {"Rio Tinto", "Goldman Sachs", "Morgan Stanley", "Wells Fargo", "Bank of America", "Standard Chartered",
                "Ernst & Young", "Jaguar Land Rover", "Rolls-Royce", "Procter & Gamble", "Johnson & Johnson"}

# platforms people drive or deliver for: "我跑滴滴的", "在美团跑外卖"
GIG_PLATFORMS_CN = ("滴滴", "美团", "饿了么", "货拉拉", "曹操出行", "T3出行", "高德", "闪送", "达达", "顺丰", "快狗", "满帮")
