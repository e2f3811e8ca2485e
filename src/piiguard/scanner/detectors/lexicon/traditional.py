"""Traditional Chinese forms of the name model's characters (issue 18, R2.7).

names.py lists surnames and given-name characters as mainland China writes them (张, 陈,
黄, 伟, 华); Taiwan, Hong Kong and Macau write the same names in Traditional characters (張,
陳, 黃, 偉, 華). Each pair below is a Simplified character of those lists and its Traditional
form where the two differ, so that the model reads 張詠晴, 陳淑娟, 黃冠霖 and 歐陽志偉 as it
reads 张咏晴 and 陈淑娟; `traditional` also gives the Traditional writing of the words that
begin with a surname and are no names (黃金 as 黄金).
"""

from __future__ import annotations

from typing import Final

# Simplified then Traditional, pair by pair: the surnames' characters (and the compound
# surnames' other characters: 歐陽, 諸葛, 軒轅, 鍾離 …) …
_SURNAME_PAIRS = (
    "张張刘劉陈陳杨楊黄黃赵趙吴吳孙孫马馬罗羅郑鄭谢謝许許韩韓冯馮邓鄧肖蕭蒋蔣叶葉苏蘇吕呂卢盧钟鍾谭譚陆陸贾賈韦韋邹鄒闫閆龙龍贺賀顾顧龚龔万萬钱錢严嚴汤湯温溫齐齊乔喬"
    "庞龐颜顏庄莊聂聶鲁魯欧歐关關兰蘭宁寧纪紀毕畢单單骆駱蓝藍鲍鮑华華饶饒阳陽时時农農缪繆简簡车車项項连連芦蘆麦麥娄婁窦竇党黨宫宮费費卫衛应應闵閔邬鄔边邊师師栾欒荣榮"
    "丛叢巩鞏迟遲邝鄺谈談荆荊乐樂储儲劳勞谌諶蔺藺楼樓盘盤满滿闻聞厉厲区區阚闞权權强強帅帥盖蓋练練丰豐国國计計晋晉门門云雲来來阙闕乌烏况況鲜鮮诸諸战戰银銀宾賓阴陰尧堯"
    "闭閉萧蕭赖賴阎閻凤鳳贝貝钮鈕怀懷苍蒼双雙贡貢寿壽习習鱼魚禄祿养養郦酈涂塗东東长長轩軒辕轅独獨离離颛顓闾閭夹夾台臺"
)
# … and the given names' (偉, 華, 國, 賢, 詠 …).
_GIVEN_PAIRS = (
    "伟偉静靜丽麗强強军軍艳艷杰傑涛濤华華刚剛兰蘭红紅鹏鵬飞飛辉輝凯凱帅帥宁寧龙龍国國云雲鸿鴻颖穎悦悅瑶瑤轩軒泽澤诗詩凤鳳晓曉荣榮贵貴庆慶胜勝宝寶银銀栋棟学學晖暉兴興"
    "发發达達顺順卫衛东東蓝藍莲蓮樱櫻杨楊枫楓乐樂娇嬌娅婭圆圓远遠鹤鶴聪聰义義礼禮俭儉坚堅韵韻飘飄尔爾长長护護润潤潇瀟洁潔渊淵滢瀅书書艺藝寿壽禄祿财財玮瑋琼瓊阳陽亚亞"
    "晋晉莹瑩梦夢众眾宾賓彦彥烨燁骏駿驰馳骁驍腾騰跃躍鸣鳴啸嘯咏詠畅暢岚嵐峥崢嵘嶸宽寬实實宪憲积積稳穩竞競简簡纯純纬緯纪紀约約纳納纶綸绍紹经經维維绪緒续續绮綺绵綿缘緣"
    "缨纓萧蕭观觀谊誼谦謙谨謹贞貞贤賢赞贊逊遜遥遙鉴鑑铭銘锋鋒锐銳锦錦镇鎮闻聞阔闊韬韜韩韓颂頌颐頤飒颯驹駒骞騫鸥鷗鹃鵑鹰鷹齐齊龄齡砚硯硕碩祎禕纤纖蕴蘊谋謀诚誠贝貝贺賀"
    "资資赛賽轶軼进進郑鄭钊釗钦欽钧鈞钰鈺铎鐸铮錚锟錕锡錫镜鏡阁閣陈陳靓靚韦韋顾顧颜顏风風骥驥鲁魯语語铠鎧滨濱树樹仓倉满滿婵嬋娴嫻爱愛勋勳晔曄桦樺欢歡涟漣灵靈炜煒烁爍"
    "献獻瓒瓚矫矯筑築纨紈纹紋绘繪绣繡绫綾缤繽莺鶯蔷薔视視览覽觉覺誉譽诺諾贻貽赋賦辞辭铃鈴闯闖阑闌雏雛雾霧韧韌颀頎飙飆驿驛鸾鸞鹊鵲焕煥灿燦汉漢亿億澜瀾壮壯继繼隽雋霁霽"
    "鲲鯤迈邁苇葦仪儀启啟"
)
TO_TRADITIONAL: Final = {
    s: t
    for pairs in (_SURNAME_PAIRS, _GIVEN_PAIRS)
    for s, t in zip(pairs[::2], pairs[1::2], strict=True)
}
# Given-name characters that Taiwan uses often and that have no Simplified form in the list.
TAIWAN_GIVEN: Final = "妤蓁珮宥昀瑀昇峯琇婕筑甯芃"


def traditional(text: str) -> str:
    """text with each character of the pairs in its Traditional form."""
    return "".join(TO_TRADITIONAL.get(c, c) for c in text)


def added(chars: str) -> str:
    """The Traditional forms of `chars` that differ from them, in order, once each."""
    out = dict.fromkeys(TO_TRADITIONAL[c] for c in chars if c in TO_TRADITIONAL)
    return "".join(c for c in out if c not in chars)
