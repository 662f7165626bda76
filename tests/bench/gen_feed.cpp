// SPDX-License-Identifier: Apache-2.0
// gen-feed DIR N: writes a synthetic content folder for the benchmarks.
//
// DIR/feed.yaml, DIR/posts/ with N posts and DIR/logos/ + DIR/images/ with a
// few pictures. Half the posts are blog posts (Markdown body after YAML front
// matter), half are news-aggregator items (front matter only: excerpt,
// publishedDateTime, webUrl, provider, topics, images, related). Languages are
// mixed: English and French, Japanese, Simplified and Traditional Chinese,
// Korean. Output is deterministic: the same N gives the same bytes, and post i
// does not depend on N (the 1,000-post feed is the newest part of the
// 10,000-post one). Every text is assembled from the phrase lists below;
// titles end in " #<i+1>" so that no two posts are the same card.
//
// Exit status: 0 written, 1 a file could not be written, 2 usage (or DIR/posts
// already holds files: the generator never mixes its output with others').
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Words = std::vector<std::string>;

// splitmix64: small, fast, and the same on every platform.
struct Random {
  std::uint64_t state;
  explicit Random(std::uint64_t seed) : state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  const std::string& pick(const Words& words) { return words[below(words.size())]; }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
};

// ---------------------------------------------------------------- phrases --

struct Language {
  std::string code;     // what the post declares
  std::string slug;     // file name part
  bool spaced;          // words separated by spaces
  Words subjects;       // who the news is about
  Words title_actions;  // what they did (title form)
  Words reasons;
  Words changes;
  Words ways;
  Words times;
  Words tags;
  Words authors;
  // Sentence templates; {S} subject, {R} reason, {C} change, {W} way, {T} time.
  Words sentences;
  std::string title_join;  // between subject and action in a title
};

const std::vector<Language>& languages() {
  static const std::vector<Language> all = {
      {"en",
       "en",
       true,
       {"Harbourside Library", "The night ferry service", "Eastbank Repair Cafe", "The city youth orchestra",
        "Riverside Market", "Northgate School's robotics club", "The tram depot museum", "Lantern Street Bakery",
        "Community radio station Wave 7", "The old lighthouse trust", "Hillcrest swimming pool", "The botanical garden",
        "Westpier cycling group", "The regional archive", "Quayside climbing wall"},
       {"opens evening workshops for beginners", "extends its weekend timetable", "announces a spring concert series",
        "reopens after winter repairs", "starts a free repair clinic", "adds a second reading room",
        "tests solar panels on its roof", "welcomes volunteers for guided walks", "moves to a larger hall",
        "publishes plans for a quiet hour", "launches a seed-swap festival", "lowers prices for students"},
       {"requests from neighbours", "a survey of regular visitors", "a small grant from the city council",
        "longer daylight hours in spring", "feedback gathered last autumn", "a year of waiting lists"},
       {"stay open two hours later on weekdays", "set aside places that need no booking",
        "lend tools to anyone with a library card", "run every session in two languages",
        "add step-free access at the side entrance", "keep the doors open on public holidays"},
       {"sign up at the front desk", "book a place online", "simply drop in", "bring a friend along",
        "join a short introduction first"},
       {"every Tuesday evening", "on the first Saturday of each month", "from 10:00 to 16:00", "until the end of March",
        "during the school holidays", "on weekday mornings"},
       {"community", "transport", "culture", "education", "environment", "sport", "food", "libraries"},
       {"Harbour Commons newsroom", "Eastbank volunteers", "City events desk", "Northgate parents' group"},
       {"{S} says the plan follows {R}.", "From next month it will {C}.", "Visitors can {W} {T}.",
        "Organisers expect the first sessions to fill quickly, so they suggest you {W} early.",
        "The change is a trial and will be reviewed {T}.", "Staff will {C} if the pilot goes well."},
       " "},
      {"fr",
       "fr",
       true,
       {"La médiathèque du port", "Le marché couvert", "L'atelier vélo du quai", "Le chœur municipal",
        "La piscine des Hauts", "Le jardin partagé de la gare", "Le musée du tramway", "La maison des associations"},
       {"ouvre des ateliers du soir", "prolonge ses horaires d'été", "annonce une saison de concerts",
        "rouvre après travaux", "lance une permanence de réparation gratuite", "accueille de nouveaux bénévoles"},
       {"la demande des habitants", "une enquête auprès des usagers", "une aide de la ville",
        "les retours recueillis l'automne dernier"},
       {"rester ouvert plus tard en semaine", "réserver des places sans inscription",
        "proposer chaque séance en deux langues", "prêter des outils à tous les adhérents"},
       {"s'inscrire à l'accueil", "réserver en ligne", "venir sans rendez-vous"},
       {"chaque mardi soir", "le premier samedi du mois", "de 10 h à 16 h", "jusqu'à fin mars"},
       {"quartier", "culture", "transports", "éducation", "sport"},
       {"Rédaction du quartier", "Équipe des bénévoles"},
       {"{S} explique que ce projet répond à {R}.", "Dès le mois prochain, il s'agit de {C}.",
        "Le public peut {W}, {T}.", "Un bilan sera fait {T}, avant de décider de la suite."},
       " "},
      {"ja",
       "ja",
       false,
       {"港町図書館", "夜間フェリー", "東岸リペアカフェ", "市民オーケストラ", "川沿いマルシェ", "北門小学校ロボット部",
        "路面電車資料館", "灯台保存会", "丘の上市民プール", "植物園"},
       {"が初心者向けの夜間講座を開始", "が週末の運行時間を延長", "が春の演奏会シリーズを発表", "が改修を終えて再開",
        "で無料の修理相談会", "が屋上に太陽光パネルを設置", "がボランティアを募集", "が新しい閲覧室を公開"},
       {"利用者アンケートの結果", "近隣住民からの要望", "市の補助金", "昨年秋に寄せられた意見"},
       {"開館時間を二時間延ばす", "予約なしで参加できる枠を増やす", "すべての回を二か国語で行う",
        "段差のない入口を設ける"},
       {"受付での申し込み", "オンライン予約", "当日参加"},
       {"毎週火曜日の夜", "毎月第一土曜日", "午前10時から午後4時まで", "3月末まで", "夏休みの期間中"},
       {"地域", "交通", "文化", "教育", "環境", "図書館"},
       {"港町ニュース編集部", "東岸ボランティア会", "市民イベント係"},
       {"{S}は、{R}を受けて、{C}ことを決めました。", "参加方法は{W}で、{T}に行われます。",
        "担当者は「まずは気軽に来てほしい」と話しています。", "試行期間の結果を見て、{C}かどうかを判断します。"},
       ""},
      {"zh-Hans",
       "zh",
       false,
       {"港湾图书馆", "夜间渡轮", "东岸修理咖啡馆", "市民管弦乐团", "河畔集市", "北门小学机器人社", "有轨电车博物馆",
        "灯塔保护协会"},
       {"推出面向初学者的夜间课程", "延长周末运营时间", "公布春季音乐会安排", "完成翻修后重新开放", "举办免费维修咨询",
        "在屋顶安装太阳能板"},
       {"读者问卷调查的结果", "周边居民的建议", "市政府的专项补助", "去年秋天收集的意见"},
       {"把开放时间延长两个小时", "增加无需预约的名额", "用两种语言进行每一场活动", "在侧门增设无障碍通道"},
       {"在服务台报名", "网上预约", "现场参加"},
       {"每周二晚上", "每月第一个星期六", "上午十点至下午四点", "三月底之前"},
       {"社区", "交通", "文化", "教育", "环境"},
       {"港湾日报社区版", "东岸志愿者协会"},
       {"{S}表示，根据{R}，将{C}。", "参加方式为{W}，活动安排在{T}。", "负责人说，希望更多市民走进来看看。",
        "试行结束后将根据反馈决定是否{C}。"},
       ""},
      {"zh-Hant",
       "tw",
       false,
       {"港灣圖書館", "夜間渡輪", "東岸修理咖啡館", "市民管弦樂團", "河畔市集", "北門小學機器人社", "電車博物館",
        "燈塔保存協會"},
       {"推出給初學者的夜間課程", "延長週末營運時間", "公布春季音樂會安排", "完成整修後重新開放", "舉辦免費維修諮詢",
        "在屋頂安裝太陽能板"},
       {"讀者問卷調查的結果", "周邊居民的建議", "市政府的專案補助", "去年秋天蒐集的意見"},
       {"把開放時間延長兩個小時", "增加不需預約的名額", "用兩種語言進行每一場活動", "在側門增設無障礙通道"},
       {"在服務台報名", "網路預約", "現場參加"},
       {"每週二晚上", "每月第一個星期六", "上午十點至下午四點", "三月底之前"},
       {"社區", "交通", "文化", "教育", "環境"},
       {"港灣日報社區版", "東岸志工協會"},
       {"{S}表示，根據{R}，將{C}。", "參加方式為{W}，活動安排在{T}。", "負責人說，希望更多市民走進來看看。",
        "試辦結束後將依照回饋決定是否{C}。"},
       ""},
      {"ko",
       "ko",
       true,
       {"항구 도서관", "야간 페리", "동쪽 강변 수리 카페", "시민 오케스트라", "강변 장터", "북문초등학교 로봇 동아리",
        "전차 박물관", "등대 보존회"},
       {"초보자를 위한 저녁 강좌 시작", "주말 운행 시간 연장", "봄 음악회 일정 발표", "보수 공사 마치고 다시 문 열어",
        "무료 수리 상담회 개최", "옥상에 태양광 설비 설치"},
       {"이용자 설문 조사 결과", "주민들의 요청", "시의 지원금", "지난가을에 모은 의견"},
       {"운영 시간을 두 시간 늘릴", "예약 없이 참여할 수 있는 자리를 늘릴", "모든 행사를 두 언어로 진행할",
        "옆문에 경사로를 설치할"},
       {"안내 데스크 신청", "온라인 예약", "현장 접수"},
       {"매주 화요일 저녁", "매달 첫째 토요일", "오전 10시부터 오후 4시까지", "3월 말까지"},
       {"지역", "교통", "문화", "교육", "환경"},
       {"강변 소식 편집팀", "동쪽 강변 자원봉사단"},
       {"{S} 측은 {R}에 따라 {C} 계획이라고 밝혔습니다.", "참가는 {W} 방식으로 할 수 있으며, 행사는 {T}에 열립니다.",
        "담당자는 많은 시민이 부담 없이 찾아오기를 바란다고 말했습니다."},
       ", "},
  };
  return all;
}

struct Provider {
  std::string name, domain;
};

// News providers; the first three have a logo in logos/ named by domain.
const std::vector<Provider>& providers() {
  static const std::vector<Provider> all = {{"Harbour Daily Wire", "harbourwire.example"},
                                            {"港町ニュース", "minato-news.example"},
                                            {"강변 소식", "gangbyeon.example"},
                                            {"Eastbank Courier", "eastbank-courier.example"},
                                            {"河畔日报", "hepan-daily.example"},
                                            {"Le Fil du Quai", "lefilduquai.example"},
                                            {"Metro Notes", "metronotes.example"}};
  return all;
}

// Picks the language of post i: about half English, the rest CJK and French.
const Language& languageFor(Random& random) {
  static const int weights[] = {45, 7, 15, 12, 6, 15};  // en fr ja zh-Hans zh-Hant ko
  std::size_t roll = random.below(100), index = 0;
  while (roll >= static_cast<std::size_t>(weights[index])) roll -= weights[index++];
  return languages()[index];
}

std::string fill(std::string text, const Language& lang, const std::string& subject, Random& random) {
  const auto replace = [&](const std::string& key, const std::string& value) {
    for (std::size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
  };
  replace("{S}", subject);
  replace("{R}", random.pick(lang.reasons));
  replace("{C}", random.pick(lang.changes));
  replace("{W}", random.pick(lang.ways));
  replace("{T}", random.pick(lang.times));
  return text;
}

std::string paragraph(const Language& lang, const std::string& subject, Random& random, int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    if (i > 0 && lang.spaced) text += ' ';
    text += fill(random.pick(lang.sentences), lang, subject, random);
  }
  return text;
}

// One to three different entries of `words`, in list order.
Words someOf(const Words& words, Random& random) {
  const std::size_t count = 1 + random.below(3);
  const std::size_t first = random.below(words.size());
  Words chosen;
  for (std::size_t i = 0; i < count && i < words.size(); ++i) chosen.push_back(words[(first + i * 2) % words.size()]);
  return chosen;
}

// Double-quoted YAML scalar (the phrase lists hold no quotes or backslashes,
// but a future phrase might).
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// ------------------------------------------------------------------ dates --

struct Civil {
  int year, month, day, hour, minute, second;
};

// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
Civil civilFromUnix(std::int64_t t) {
  std::int64_t days = t / 86400, rest = t % 86400;
  days += 719468;
  const std::int64_t era = days / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return {y, m, d, static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

std::string format(const char* pattern, const Civil& c) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, c.year, c.month, c.day, c.hour, c.minute, c.second);
  return text;
}

// ------------------------------------------------------------------ posts --

struct Post {
  std::string file_name;
  std::string text;
};

Post makePost(std::size_t index) {
  Random random(0x6e657773ull * 1000003ull + index);  // "news"
  const Language& lang = languageFor(random);
  const std::string subject = random.pick(lang.subjects);
  // The number makes every title unique: newsticker shows a title-and-source
  // pair once, and the phrase lists alone repeat after a few hundred posts.
  const std::string title =
      subject + lang.title_join + random.pick(lang.title_actions) + " #" + std::to_string(index + 1);

  // Newest first by index: about 47 minutes apart, with some jitter, ending
  // on the last day of 2026 (10,000 posts reach back about eleven months).
  const std::int64_t newest = 1798761600;  // 2027-01-01T00:00:00Z
  const std::int64_t when = newest - static_cast<std::int64_t>(index + 1) * 2820 - random.below(1800);
  const Civil date = civilFromUnix(when);

  char number[16];
  std::snprintf(number, sizeof number, "%05zu", index);
  const bool news_item = random.chance(50);
  Post post;
  post.file_name = format("%04d-%02d-%02d-", date) + lang.slug + (news_item ? "-item-" : "-post-") + number + ".md";

  std::string& out = post.text;
  out = "---\n";
  if (news_item) {
    const Provider& provider = providers()[random.below(providers().size())];
    const std::string url = "https://" + provider.domain + "/news/" + format("%04d/%02d/", date) + number;
    out += "title: " + quoted(title) + "\n";
    out += "excerpt: " + quoted(paragraph(lang, subject, random, 2 + static_cast<int>(random.below(2)))) + "\n";
    out += "publishedDateTime: " + format("%04d-%02d-%02dT%02d:%02d:%02dZ", date) + "\n";
    out += "webUrl: " + quoted(url) + "\n";
    out += "originalUrl: " + quoted(url) + "\n";
    out += "type: article\n";
    out += "quality: " + std::to_string(20 + random.below(70)) + "\n";
    if (random.chance(2)) out += "published: false\n";
    out += "\nprovider:\n  name: " + quoted(provider.name) + "\n  domain: " + provider.domain + "\n";
    out += "\ntopics:\n";
    for (const std::string& tag : someOf(lang.tags, random)) out += "  - " + tag + "\n";
    out += "\nimages:\n";
    // One in eight shows the feed's photo; the others name a picture that is
    // not in the folder (as aggregator items do), so the card has none.
    const bool photo = random.chance(12);
    out +=
        "  - url: " +
        quoted("https://" + provider.domain + "/media/" + (photo ? "quay-photo.png" : number + std::string(".jpg"))) +
        "\n";
    out += "    width: 1200\n    height: 800\n";
    if (random.chance(30)) {
      const Provider& other = providers()[random.below(providers().size())];
      out += "\nrelated:\n";
      out +=
          "  - title: " + quoted(random.pick(lang.subjects) + lang.title_join + random.pick(lang.title_actions)) + "\n";
      out += "    provider:\n      name: " + quoted(other.name) + "\n";
    }
    out += "---\n";
  } else {
    out += "layout: post\n";
    out += "title: " + quoted(title) + "\n";
    out += "date: " + format("%04d-%02d-%02dT%02d:%02d:%02d+00:00", date) + "\n";
    out += "source: " + quoted(random.pick(lang.authors)) + "\n";
    out += std::string(random.chance(50) ? "lang: " : "language: ") + lang.code + "\n";
    out += "tags: [";
    const Words tags = someOf(lang.tags, random);
    for (std::size_t i = 0; i < tags.size(); ++i) out += (i ? ", " : "") + tags[i];
    out += "]\n";
    static const Words logos = {"lantern-club.svg", "orchard-coop.png", "quay-radio.svg"};
    if (random.chance(40)) out += "logo: " + random.pick(logos) + "\n";
    const std::string summary = paragraph(lang, subject, random, 2);
    if (random.chance(30)) out += "summary: " + quoted(summary) + "\n";
    out += "---\n\n" + summary + "\n\n";
    out += paragraph(lang, subject, random, 3) + "\n\n";
    if (random.chance(25)) out += "## " + random.pick(lang.tags) + "\n\n" + paragraph(lang, subject, random, 2) + "\n";
    if (lang.code == "en" && random.chance(10)) {
      // A second-language version after a rule: the card's second title.
      const Language& ja = languages()[2];
      const std::string other = random.pick(ja.subjects);
      out += "\n---\n\n# " + other + random.pick(ja.title_actions) + "\n\n" + paragraph(ja, other, random, 2) + "\n";
    }
  }
  return post;
}

// --------------------------------------------------------------- pictures --

// SVG logos made of shapes only (no <text>: not every rasteriser draws it).
std::string svgLogo(const char* fill, const char* mark, int shape) {
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n";
  svg += std::string("  <rect x=\"8\" y=\"8\" width=\"240\" height=\"240\" rx=\"48\" fill=\"") + fill + "\"/>\n";
  if (shape == 0) {
    svg += std::string("  <circle cx=\"128\" cy=\"128\" r=\"70\" fill=\"none\" stroke=\"") + mark +
           "\" stroke-width=\"22\"/>\n";
  } else if (shape == 1) {
    svg += std::string("  <path d=\"M60 190 L128 62 L196 190 Z\" fill=\"") + mark + "\"/>\n";
  } else {
    svg += std::string("  <path d=\"M56 80 H200 M56 128 H200 M56 176 H150\" stroke=\"") + mark +
           "\" stroke-width=\"24\" stroke-linecap=\"round\"/>\n";
  }
  return svg + "</svg>\n";
}

std::uint32_t crc32(const std::string& bytes) {
  static std::uint32_t table[256];
  if (table[1] == 0) {
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[n] = c;
    }
  }
  std::uint32_t c = 0xFFFFFFFFu;
  for (const unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void putBig32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
  putBig32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  putBig32(png, crc32(body));
}

// An RGB PNG with uncompressed ("stored") deflate blocks: no zlib needed.
// `pixel(x, y)` gives 0xRRGGBB.
template <typename Pixel>
std::string png(int width, int height, Pixel pixel) {
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < width; ++x) {
      const std::uint32_t rgb = pixel(x, y);
      raw += static_cast<char>(rgb >> 16);
      raw += static_cast<char>((rgb >> 8) & 0xFF);
      raw += static_cast<char>(rgb & 0xFF);
    }
  }
  std::string z = "\x78\x01";
  for (std::size_t at = 0; at < raw.size() || at == 0; at += 65535) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    z += static_cast<char>(at + n >= raw.size() ? 1 : 0);
    z += static_cast<char>(n & 0xFF);
    z += static_cast<char>(n >> 8);
    z += static_cast<char>(~n & 0xFF);
    z += static_cast<char>((~n >> 8) & 0xFF);
    z.append(raw, at, n);
  }
  std::uint32_t a = 1, b = 0;
  for (const unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  putBig32(z, (b << 16) | a);

  std::string out = "\x89PNG\r\n\x1a\n";
  std::string header;
  putBig32(header, static_cast<std::uint32_t>(width));
  putBig32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter set, no interlace
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", z);
  chunk(out, "IEND", "");
  return out;
}

bool writeFile(const fs::path& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) {
    std::fprintf(stderr, "gen-feed: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen-feed DIR N   (writes DIR/feed.yaml, N posts in DIR/posts, logos, a photo)\n");
    return 2;
  }
  char* end = nullptr;
  const long long count = std::strtoll(argv[2], &end, 10);
  if (*argv[2] == '\0' || *end != '\0' || count < 0 || count > 1000000) {
    std::fprintf(stderr, "gen-feed: N must be a number from 0 to 1000000, not '%s'\n", argv[2]);
    return 2;
  }
  const fs::path dir = argv[1];
  std::error_code ec;
  if (fs::exists(dir / "posts", ec) && !fs::is_empty(dir / "posts", ec)) {
    std::fprintf(stderr, "gen-feed: %s/posts already holds files; give an empty or new folder\n", dir.c_str());
    return 2;
  }
  for (const char* sub : {"posts", "logos", "images"}) {
    fs::create_directories(dir / sub, ec);
    if (ec) {
      std::fprintf(stderr, "gen-feed: cannot create %s/%s: %s\n", dir.c_str(), sub, ec.message().c_str());
      return 1;
    }
  }

  bool ok = writeFile(dir / "feed.yaml",
                      "name: Bench Harbour Commons\n"
                      "language: en\n"
                      "duration: 8\n"
                      "logo: commons.svg\n"
                      "base_url: https://bench.harbour.example\n");
  ok = ok && writeFile(dir / "logos/commons.svg", svgLogo("#f4b942", "#13294b", 0));
  ok = ok && writeFile(dir / "logos/lantern-club.svg", svgLogo("#2f855a", "#f0fff4", 1));
  ok = ok && writeFile(dir / "logos/quay-radio.svg", svgLogo("#553c9a", "#faf5ff", 2));
  ok = ok && writeFile(dir / "logos/harbourwire.example.svg", svgLogo("#1a365d", "#bee3f8", 2));
  ok = ok && writeFile(dir / "logos/minato-news.example.svg", svgLogo("#c53030", "#fff5f5", 0));
  ok = ok && writeFile(dir / "logos/orchard-coop.png", png(96, 96, [](int x, int y) {
                         const int dx = x - 48, dy = y - 48;
                         return dx * dx + dy * dy < 36 * 36 ? 0x38A169u : 0xF0FFF4u;
                       }));
  ok = ok && writeFile(dir / "logos/gangbyeon.example.png",
                       png(128, 64, [](int x, int y) { return (x / 16 + y / 16) % 2 ? 0x2B6CB0u : 0xEBF8FFu; }));
  // A 640x400 photo (a dusk-coloured gradient with a horizon line).
  ok = ok && writeFile(dir / "images/quay-photo.png", png(640, 400, [](int x, int y) {
                         if (y > 260) return 0x1A2A44u + static_cast<std::uint32_t>((x * 7 + y) % 16);
                         const std::uint32_t r = 40 + y * 180 / 260, g = 30 + y * 90 / 260, b = 90 + y * 40 / 260;
                         return (r << 16) | (g << 8) | b;
                       }));
  for (long long i = 0; ok && i < count; ++i) {
    const Post post = makePost(static_cast<std::size_t>(i));
    ok = writeFile(dir / "posts" / post.file_name, post.text);
  }
  if (!ok) return 1;
  std::printf("gen-feed: %lld posts in %s\n", count, dir.c_str());
  return 0;
}
