/**
 * Characters that tell Simplified from Traditional Chinese: frequent pairs (simplified first),
 * biased towards the words of shop support (orders, goods, delivery, payment, returns).
 *
 * A pair is listed only when neither character is also in ordinary use on the other side: 后/後,
 * 里/裡, 台/臺, 只/隻, 干/乾, 面/麵, 系/係, 了/瞭, 着/著, 周/週, 于/於, 准/準, 余/餘, 云/雲, 几/幾 are
 * left out as pairs, because the first character of each is also a normal Traditional character
 * (or, for 著, the second a normal Simplified one). Their Traditional sides that Simplified text
 * never uses are listed on their own below.
 */
const PAIRS =
  '们們 这這 个個 来來 说說 请請 谢謝 订訂 单單 货貨 发發 时時 问問 题題 么麼 为為 还還 没沒 过過 对對 会會 东東 现現 ' +
  '买買 卖賣 钱錢 价價 换換 运運 输輸 递遞 邮郵 号號 码碼 确確 认認 应應 该該 帮幫 给給 话話 电電 网網 页頁 账賬 帐帳 ' +
  '户戶 关關 联聯 质質 坏壞 损損 伤傷 颜顏 车車 开開 门門 间間 图圖 书書 业業 务務 员員 经經 语語 写寫 读讀 实實 际際 ' +
  '样樣 张張 长長 万萬 亿億 块塊 钟鐘 点點 两兩 边邊 进進 让讓 识識 记記 录錄 难難 觉覺 学學 习習 爱愛 欢歡 乐樂 烦煩 ' +
  '气氣 优優 购購 结結 费費 动動 办辦 处處 决決 态態 状狀 况況 签簽 丢丟 误誤 错錯 尽盡 马馬 总總 线線 区區 县縣 园園 ' +
  '楼樓 层層 编編 详詳 细細 资資 讯訊 试試 验驗 证證 护護 银銀 转轉 额額 达達 从從 虽雖 吗嗎 听聽 见見 视視 频頻 类類 ' +
  '别別 种種 选選 择擇 项項 热熱 满滿 谁誰 机機 声聲 积積 领領 显顯 礼禮 贸貿 头頭 纸紙 装裝 饰飾 袜襪 裤褲 衬襯 厂廠 ' +
  '产產 检檢 询詢 数數 统統 计計 设設 备備 脑腦 软軟 载載 缓緩 报報 纳納 税稅 险險 赔賠 偿償 济濟 责責 当當 与與 ' +
  '将將 条條 双雙 轻輕 贵貴 币幣 汇匯 绑綁 册冊 饭飯 馆館 宾賓 预預 约約 飞飛 场場 铁鐵 队隊 续續 补補 红紅 绿綠 蓝藍 ' +
  '黄黃 团團 兴興 节節 庆慶 岁歲 龄齡 妈媽 爷爺 亲親 讲講 谈談 论論 议議 评評 诉訴 负負 维維 钥鑰 锁鎖 链鏈 镜鏡 钻鑽 ' +
  '铃鈴 钮鈕 针針 织織 纯純 丝絲 尔爾 华華 韩韓 国國 湾灣 级級 众眾 汉漢 简簡 体體 历歷 获獲 须須 苏蘇 术術 签籤 复復 ' +
  '胶膠 满滿 惯慣 贴貼 冻凍 凉涼 减減 净淨 严嚴 肤膚 壳殼 盖蓋 厅廳 扫掃 挂掛 拥擁 摄攝 灯燈 烧燒 牵牽 独獨 猫貓 ' +
  '毕畢 异異 疗療 痒癢 监監 盘盤 码碼 础礎 离離 稳穩 笔筆 筑築 签簽 篮籃 粮糧 紧緊 约約 级級 纪紀 纬緯 练練 组組 细細 ' +
  '终終 经經 绍紹 给給 绝絕 统統 继繼 续續 维維 综綜 网網 罗羅 职職 联聯 肃肅 胜勝 脏髒 舰艦 艺藝 节節 药藥 虑慮 ' +
  '补補 规規 觅覓 览覽 触觸 订訂 计計 认認 讨討 让讓 训訓 议議 记記 讲講 许許 设設 访訪 证證 评評 识識 诉訴 词詞 译譯';

/** Traditional characters with no entry above whose Simplified form is shared with other words (see above). */
const TRADITIONAL_EXTRA = '裡後臺隻週於乾幹麵髮鬆鬥穀製曆衝準餘雲醜係繫佈佔併並遊誌緻傑嚮鹹捲捨徵鬱睏據穫鬚諮葉颱彙儘';

function build(): { simplified: Set<string>; traditional: Set<string> } {
  const simplified = new Set<string>();
  const traditional = new Set<string>([...TRADITIONAL_EXTRA]);
  for (const pair of PAIRS.split(' ')) {
    const [simple, complex] = [...pair];
    // A pair that is the same character on both sides carries no evidence.
    if (!simple || !complex || simple === complex) continue;
    simplified.add(simple);
    traditional.add(complex);
  }
  // A character that ended up on both sides (a typo in the table) must not count at all.
  for (const char of simplified) if (traditional.has(char)) (simplified.delete(char), traditional.delete(char));
  return { simplified, traditional };
}

export const { simplified: SIMPLIFIED_ONLY, traditional: TRADITIONAL_ONLY } = build();
