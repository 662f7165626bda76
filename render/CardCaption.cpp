// SPDX-License-Identifier: Apache-2.0
#include "render/CardCaption.hpp"

#include <map>

namespace newsticker::render {

std::string scanCaption(const content::LanguageTag& language) {
  static const std::map<std::string, std::string> kCaptions = {
      {"en", "Scan to read"},          {"fr", "Scannez pour lire"},
      {"de", "Zum Lesen scannen"},     {"es", "Escanea para leer"},
      {"it", "Scansiona per leggere"}, {"pt", "Escaneie para ler"},
      {"nl", "Scan om te lezen"},      {"ja", "スキャンして読む"},
      {"zh-Hans", "扫码阅读全文"},     {"zh-Hant", "掃碼閱讀全文"},
      {"ko", "스캔하여 기사 읽기"},    {"ar", "امسح الرمز للقراءة"},
      {"he", "סרקו לקריאה"},           {"th", "สแกนเพื่ออ่าน"},
      {"hi", "पढ़ने के लिए स्कैन करें"},
  };
  const auto it = kCaptions.find(language.str());
  return it != kCaptions.end() ? it->second : kCaptions.at("en");
}

std::string urgentLabel(const content::LanguageTag& language) {
  static const std::map<std::string, std::string> kLabels = {
      {"en", "URGENT"},  {"fr", "URGENT"},   {"de", "DRINGEND"}, {"es", "URGENTE"},   {"it", "URGENTE"},
      {"pt", "URGENTE"}, {"nl", "DRINGEND"}, {"ja", "緊急"},     {"zh-Hans", "紧急"}, {"zh-Hant", "緊急"},
      {"ko", "긴급"},    {"ar", "عاجل"},     {"he", "דחוף"},     {"th", "ด่วน"},       {"hi", "अत्यावश्यक"},
  };
  const auto it = kLabels.find(language.str());
  return it != kLabels.end() ? it->second : kLabels.at("en");
}

}  // namespace newsticker::render
