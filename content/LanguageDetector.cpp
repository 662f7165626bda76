// SPDX-License-Identifier: Apache-2.0
#include "content/LanguageDetector.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "content/Utf8.hpp"

namespace newsticker::content {
namespace {

// Frequent characters that exist in only one of the two Chinese scripts.
// They differ pairwise (这/這, 们/們, ...), so counting them tells the two apart.
constexpr std::string_view kSimplifiedOnly =
    "这们个说为会来时从对么过还发当与国学书长门见东车马鸟鱼业专两乐习买亲产"
    "众优传体价决几则创别动务区医华协单卖卫历压厂县参双变叶号后员听团园图场"
    "块坚声处备复头奖实审宝导将层岁师带帮应开张强归录态总战报择据数无显术机"
    "条极构样检楼欢气汉没测济满灵点热爱现电画监盘确礼离种称简红级纪约线组经"
    "结给络统续维网联脑艺节范药营蓝虽视觉计认让议记讲许论设访证评识语误请读"
    "课谁调谈资费赛赞进远运选释钟钱铁银错镇问间阅队阳际陆险难静页项须顾领题"
    "风飞饭馆验龙";
constexpr std::string_view kTraditionalOnly =
    "這們個說為會來時從對麼過還發當與國學書長門見東車馬鳥魚業專兩樂習買親產"
    "眾優傳體價決幾則創別動務區醫華協單賣衛歷壓廠縣參雙變葉號後員聽團園圖場"
    "塊堅聲處備複頭獎實審寶導將層歲師帶幫應開張強歸錄態總戰報擇據數無顯術機"
    "條極構樣檢樓歡氣漢沒測濟滿靈點熱愛現電畫監盤確禮離種稱簡紅級紀約線組經"
    "結給絡統續維網聯腦藝節範藥營藍雖視覺計認讓議記講許論設訪證評識語誤請讀"
    "課誰調談資費賽贊進遠運選釋鐘錢鐵銀錯鎮問間閱隊陽際陸險難靜頁項須顧領題"
    "風飛飯館驗龍";

std::unordered_set<char32_t> codePointSet(std::string_view text) {
  std::unordered_set<char32_t> set;
  for (std::size_t pos = 0; pos < text.size();) set.insert(nextCodePoint(text, pos));
  return set;
}

bool isKana(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F && c != 0x309B && c != 0x309C) ||    // hiragana
         (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x31F0 && c <= 0x31FF) ||  // katakana
         (c >= 0xFF66 && c <= 0xFF9D);                                    // halfwidth
}
bool isHangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E);
}
bool isHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

}  // namespace

LanguageTag detectLanguage(std::string_view utf8) {
  static const auto simplified = codePointSet(kSimplifiedOnly);
  static const auto traditional = codePointSet(kTraditionalOnly);
  std::size_t kana = 0, hangul = 0, han = 0, latin = 0, simp = 0, trad = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t c = nextCodePoint(utf8, pos);
    if (c < 0x80) {
      if (std::isalpha(static_cast<int>(c))) ++latin;
    } else if (isKana(c)) {
      ++kana;
    } else if (isHangul(c)) {
      ++hangul;
    } else if (isHan(c)) {
      ++han;
      if (simplified.count(c)) ++simp;
      if (traditional.count(c)) ++trad;
    }
  }
  const std::size_t cjk = kana + hangul + han;
  // A CJK character carries about as much as a Latin word: a few of them in a
  // long English text (a quoted name) do not make the text Chinese.
  if (cjk == 0 || cjk * 5 < latin) return "";
  if (hangul >= kana && hangul >= han) return "ko";
  if (kana * 20 >= cjk) return "ja";
  if (han == 0) return kana > 0 ? "ja" : "";
  return trad > simp ? "zh-Hant" : "zh-Hans";
}

}  // namespace newsticker::content
