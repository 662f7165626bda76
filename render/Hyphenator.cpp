// SPDX-License-Identifier: Apache-2.0
#include "render/Hyphenator.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "content/Utf8.hpp"

namespace newsticker::render {
namespace {

// Part of a word for the patterns: letters and the marks inside them
// (Tamil vowel signs and viramas, combining accents).
bool inWord(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return u_isalpha(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool isMark(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || c == 0x200C || c == 0x200D;
}

constexpr std::size_t kShortestWord = 5;

}  // namespace

struct Hyphenator::Dictionary {
  HyphenDict* dict = nullptr;
  ~Dictionary() {
    if (dict != nullptr) hnj_hyphen_free(dict);
  }
};

Hyphenator::Hyphenator(std::string folder) : folder_(std::move(folder)) {}
Hyphenator::~Hyphenator() = default;

std::string Hyphenator::dictionaryFor(const content::LanguageTag& language) const {
  namespace fs = std::filesystem;
  const std::string primary = language.primary();
  if (primary.empty()) return "";
  std::error_code error;
  const fs::path plain = fs::path(folder_) / ("hyph_" + primary + ".dic");
  if (fs::exists(plain, error)) return plain.string();
  std::vector<std::string> found;
  for (fs::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("hyph_" + primary + "_", 0) == 0 && it->path().extension() == ".dic") found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

Hyphenator::Dictionary* Hyphenator::dictionary(const content::LanguageTag& language) {
  const std::string file = dictionaryFor(language);
  auto it = dictionaries_.find(file);
  if (it != dictionaries_.end()) return it->second.get();
  // Loaded once for the whole process (hyph_de.dic takes about 2 s to read
  // here): every Hyphenator, on any thread, shares it; libhyphen only reads
  // a loaded dictionary.
  static std::mutex loading;
  static std::map<std::string, std::shared_ptr<Dictionary>> loaded;
  const std::lock_guard<std::mutex> lock(loading);
  std::shared_ptr<Dictionary>& shared = loaded[file];
  if (!shared) {
    shared = std::make_shared<Dictionary>();
    if (!file.empty()) {
      shared->dict = hnj_hyphen_load(file.c_str());
      if (shared->dict == nullptr) {
        std::fprintf(stderr, "newsticker: %s: cannot read the hyphenation patterns\n", file.c_str());
      }
    }
  }
  return dictionaries_.emplace(file, shared).first->second.get();
}

std::vector<std::size_t> Hyphenator::points(std::string_view text, const content::LanguageTag& language) {
  std::vector<std::size_t> result;
  HyphenDict* dict = nullptr;
  for (std::size_t pos = 0; pos < text.size();) {
    // The next word: its characters' byte offsets, lowercased in the
    // dictionary's encoding.
    std::vector<std::size_t> starts;
    std::vector<char32_t> letters;
    while (pos < text.size()) {
      std::size_t next = pos;
      const char32_t c = content::nextCodePoint(text, next);
      if (!inWord(c)) {
        if (letters.empty()) {
          pos = next;
          continue;
        }
        break;
      }
      starts.push_back(pos);
      letters.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
      pos = next;
    }
    if (letters.size() < kShortestWord) continue;
    if (dict == nullptr) {
      Dictionary* found = dictionary(language);
      if (found == nullptr || found->dict == nullptr) return result;
      dict = found->dict;
    }
    std::string word;
    bool encodable = true;
    for (const char32_t c : letters) {
      if (dict->utf8) {
        content::appendUtf8(word, c);
      } else if (c < 0x100) {
        word += static_cast<char>(c);  // ISO 8859-1 (hyph_de.dic)
      } else {
        encodable = false;
      }
    }
    if (!encodable) continue;
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* where = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate2(dict, word.data(), static_cast<int>(word.size()), hyphens.data(), nullptr,
                                             &rep, &where, &cut);
    // hyphens[i] odd: a break after character i (libhyphen counts characters
    // in UTF-8 dictionaries too).
    for (std::size_t i = 0; failed == 0 && i + 1 < letters.size(); ++i) {
      if ((hyphens[i] - '0') % 2 == 1 && (rep == nullptr || rep[i] == nullptr) && !isMark(letters[i + 1])) {
        result.push_back(starts[i + 1]);
      }
    }
    if (rep != nullptr) {
      for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
      std::free(rep);
    }
    std::free(where);
    std::free(cut);
  }
  return result;
}

}  // namespace newsticker::render
