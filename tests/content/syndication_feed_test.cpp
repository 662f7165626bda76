// SPDX-License-Identifier: Apache-2.0
// parseSyndicationFeed: RSS 2.0, RSS 1.0 and Atom 1.0 in the encodings feeds
// use, into exact items; hostile and broken documents refused with one reason.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <string>

#include "ContentTestSupport.hpp"
#include "content/SyndicationFeed.hpp"
#include "feeds/SampleFeeds.hpp"

using namespace newsticker::content;
using sample_feeds::encodedAs;

namespace {

SyndicationFeed parsed(const SyndicationParse& result) {
  INFO("error: " << result.error);
  REQUIRE(result.feed.has_value());
  return *result.feed;
}

}  // namespace

TEST_CASE("RSS 2.0: CDATA and escaped HTML reduced to text, relative links resolved, RFC 822 dates in UTC") {
  const SyndicationParse result =
      parseSyndicationFeed(sample_feeds::kEnglishRss, "", "https://gazette.example/feeds/main.xml");
  const SyndicationFeed feed = parsed(result);
  CHECK(feed.format == "RSS 2.0");
  CHECK(feed.title == "Harbor Town Gazette");
  CHECK(feed.link == "https://gazette.example/");
  CHECK(feed.language == "en-GB");
  REQUIRE(feed.items.size() == 3);

  const SyndicationItem& ferry = feed.items[0];
  CHECK(ferry.id == "gazette-101");
  CHECK(ferry.title == "Ferry timetable changes for winter");
  CHECK(ferry.link == "https://gazette.example/news/ferry-winter");
  CHECK(ferry.summary == "The winter timetable starts on 1 November. Late boats run on Fridays & Saturdays.");
  CHECK(ferry.published == "2026-10-06T07:30:00Z");
  CHECK(ferry.image_url == "https://gazette.example/media/ferry.jpg");
  CHECK(ferry.language == "en-GB");

  const SyndicationItem& repair = feed.items[1];
  CHECK(repair.id == "repair-corner-2026");
  CHECK(repair.link == "https://gazette.example/news/repair-corner");
  CHECK(repair.summary == "Bring a lamp, a toaster or a bike light \u2014 volunteers fix them for free.");
  CHECK(repair.published == "2026-10-05T22:00:00Z");                      // 18:00 EDT
  CHECK(repair.image_url == "https://gazette.example/media/repair.png");  // the description's <img>

  const SyndicationItem& market = feed.items[2];
  CHECK(market.id.empty());
  CHECK(market.title == "Bakers & brewers market returns");
  CHECK(market.link == "https://gazette.example/feeds/news/market");
  CHECK(market.summary == "Forty stalls on the quay, every Sunday morning.");
  CHECK(market.published == "2026-10-04T07:15:00Z");
  CHECK(market.image_url.empty());
}

TEST_CASE("Atom 1.0: xml:base, HTML and XHTML text constructs, RFC 3339 offsets, updated as the date fallback") {
  const SyndicationFeed feed =
      parsed(parseSyndicationFeed(sample_feeds::kEnglishAtom, "", "https://events.example/board/feed.atom"));
  CHECK(feed.format == "Atom 1.0");
  CHECK(feed.title == "Riverside Events Board");
  CHECK(feed.link == "https://events.example/");
  CHECK(feed.language == "en");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].id == "tag:events.example,2026:concert-17");
  CHECK(feed.items[0].title == "Open-air concert moved to the pier");
  CHECK(feed.items[0].link == "https://events.example/board/concerts/17");
  CHECK(feed.items[0].published == "2026-10-07T23:00:00Z");
  CHECK(feed.items[0].summary == "Same time, new place: the east pier. Bring a blanket.");
  CHECK(feed.items[1].title == "Book swap at the old station");
  CHECK(feed.items[1].link == "https://events.example/board/book-swap");
  CHECK(feed.items[1].published == "2026-10-03T10:00:00Z");
  CHECK(feed.items[1].summary == "Saturday Leave one, take one. Children\u2019s corner upstairs.");
}

TEST_CASE("Japanese, Korean and Chinese feeds in their declared encodings") {
  SUBCASE("RSS 2.0, Shift_JIS") {
    const SyndicationFeed feed = parsed(parseSyndicationFeed(encodedAs("Shift_JIS", sample_feeds::kJapaneseRss), "",
                                                             "https://minatomachi.example/feed.xml"));
    CHECK(feed.title == "湊町だより");
    REQUIRE(feed.items.size() == 2);
    CHECK(feed.items[0].title == "駅前に新しい図書館が開館");
    CHECK(feed.items[0].summary == "土曜日から、駅前の新しい図書館が利用できます。");
    CHECK(feed.items[0].published == "2026-10-08T01:00:00Z");
    CHECK(feed.items[0].language == "ja");
    CHECK(feed.items[1].title == "秋祭りの日程が決まりました");
    CHECK(feed.items[1].summary == "神社の秋祭りは十月十七日と十八日です。");
    CHECK(feed.items[1].link == "https://minatomachi.example/news/matsuri");
    CHECK(feed.items[1].published == "2026-10-07T06:30:00Z");
  }
  SUBCASE("RSS 2.0, EUC-KR") {
    const SyndicationFeed feed = parsed(
        parseSyndicationFeed(encodedAs("EUC-KR", sample_feeds::kKoreanRss), "", "https://gangbyeon.example/rss"));
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.title == "강변 소식");
    CHECK(feed.items[0].title == "시청 광장에서 주말 장터 개최");
    CHECK(feed.items[0].summary == "토요일과 일요일 오전 열 시부터 열립니다.");
    CHECK(feed.items[0].published == "2026-10-09T00:00:00Z");
  }
  SUBCASE("Atom 1.0, GB18030") {
    const SyndicationFeed feed = parsed(
        parseSyndicationFeed(encodedAs("GB18030", sample_feeds::kChineseAtom), "", "https://jiangcheng.example/atom"));
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == "城市公园新增夜间照明");
    CHECK(feed.items[0].summary == "晚上散步更安全了。");
    CHECK(feed.items[0].published == "2026-10-09T00:00:00Z");
    CHECK(feed.items[0].language == "zh-CN");
  }
  SUBCASE("RSS 1.0 (RDF), Big5") {
    const SyndicationFeed feed =
        parsed(parseSyndicationFeed(encodedAs("Big5", sample_feeds::kTaiwanRdf), "", "https://gangkou.example/rdf"));
    CHECK(feed.format == "RSS 1.0");
    CHECK(feed.language == "zh-TW");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].id == "https://gangkou.example/news/ferry-night");
    CHECK(feed.items[0].title == "港口渡輪增開夜間班次");
    CHECK(feed.items[0].published == "2026-10-08T13:00:00Z");
  }
}

TEST_CASE("encodings from bytes written by hand, the declaration, the HTTP charset and a byte order mark") {
  const auto rss = [](const std::string& declaration, const std::string& title) {
    return "<?xml version=\"1.0\"" + declaration + "?><rss version=\"2.0\"><channel><title>t</title><item><title>" +
           title + "</title></item></channel></rss>";
  };
  const auto title = [](const SyndicationParse& result) {
    INFO("error: " << result.error);
    REQUIRE(result.feed.has_value());
    REQUIRE(result.feed->items.size() == 1);
    return result.feed->items[0].title;
  };
  const std::string base = "https://example.org/feed";
  CHECK(title(parseSyndicationFeed(
            rss(" encoding=\"Shift_JIS\"", "\x89\x77\x91\x4f\x82\xc9\x90\x56\x82\xb5\x82\xa2\x90\x7d\x8f\x91\x8a\xd9"),
            "", base)) == "駅前に新しい図書館");
  CHECK(title(parseSyndicationFeed(rss(" encoding='euc-kr'", "\xc1\xd6\xb8\xbb\x20\xc0\xe5\xc5\xcd"), "", base)) ==
        "주말 장터");
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"GB18030\"", "\xd2\xb9\xbc\xe4\xd5\xd5\xc3\xf7"), "", base)) ==
        "夜间照明");
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"gb2312\"", "\xd2\xb9\xbc\xe4\xd5\xd5\xc3\xf7"), "", base)) ==
        "夜间照明");
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"Big5\"", "\xa9\x5d\xb6\xa1\xaf\x5a\xa6\xb8"), "", base)) ==
        "夜間班次");
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"ISO-8859-1\"", "Caf\xe9 du port"), "", base)) == "Café du port");
  // No declared encoding: the Content-Type charset decides.
  CHECK(title(parseSyndicationFeed(rss("", "Caf\xe9"), "iso-8859-1", base)) == "Café");
  // The declaration wins over a charset the server got wrong.
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"EUC-KR\"", "\xc1\xd6\xb8\xbb"), "utf-8", base)) == "주말");
  // A declaration that says UTF-16 but was read as ASCII: the bytes are not UTF-16.
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"UTF-16\"", "plain"), "", base)) == "plain");
  // UTF-16 with its byte order mark.
  CHECK(title(parseSyndicationFeed(encodedAs("UTF-16LE", "\xEF\xBB\xBF" + rss("", "二十")), "", base)) == "二十");
  // Declared UTF-8 with bytes that are not UTF-8, and no charset to try: replaced, not refused.
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"utf-8\"", "ok \xff here"), "", base)) == "ok \xEF\xBF\xBD here");

  const SyndicationParse unknown = parseSyndicationFeed(rss(" encoding=\"x-no-such-charset\"", "a"), "", base);
  CHECK_FALSE(unknown.feed);
  CHECK(unknown.error == "encoding 'x-no-such-charset' is not one ICU converts");
  // Fuzz finding (syndication_feed_fuzz): a label with a newline forged a
  // second log line. Labels are shown with only name characters, and cut.
  const SyndicationParse forged =
      parseSyndicationFeed(rss(" encoding=\"ugb18030\nnewsticker: all fine\"", "a"), "", base);
  CHECK_FALSE(forged.feed);
  CHECK(forged.error == "encoding 'ugb18030?newsticker:?all?fine' is not one ICU converts");
  const SyndicationParse charset = parseSyndicationFeed(rss("", "a\xff"), std::string(60, 'x') + "\x1b[2J", base);
  CHECK(charset.error == "encoding '" + std::string(40, 'x') + "...' is not one ICU converts");
}

TEST_CASE("a billion-laughs document is refused at its first entity declaration, in milliseconds") {
  const auto start = std::chrono::steady_clock::now();
  const SyndicationParse result = parseSyndicationFeed(sample_feeds::kBillionLaughs, "", "https://example.org/feed");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(result.feed);
  CHECK(result.error ==
        "the document declares an entity ('lol'); feeds need no entity declarations, so it is refused unexpanded");
  CHECK(elapsed < std::chrono::milliseconds(200));
}

TEST_CASE("external entities (XXE) are refused and the named file is never read into the result") {
  content_test::TempDir dir("xxe");
  const std::string secret = dir.path().string() + "/secret.txt";
  std::ofstream(secret) << "SECRET-LINE-7F3A";
  for (const std::string& document :
       {sample_feeds::externalEntityFeed(secret), sample_feeds::parameterEntityFeed(secret)}) {
    const SyndicationParse result = parseSyndicationFeed(document, "", "https://example.org/feed");
    CHECK_FALSE(result.feed);
    CHECK(result.error.find("entity ('leak', external)") != std::string::npos);
    CHECK(result.error.find("SECRET") == std::string::npos);
  }
}

TEST_CASE("broken and foreign documents are refused with one reason") {
  const std::string base = "https://example.org/feed";
  CHECK(parseSyndicationFeed(sample_feeds::kMalformed, "", base).error ==
        "not well-formed XML (line 3, column 39: mismatched tag)");
  CHECK(parseSyndicationFeed("<!DOCTYPE html><html><body>Moved</body></html>", "", base).error ==
        "not an RSS or Atom feed (the document is <html>)");
  CHECK(parseSyndicationFeed("", "", base).error.rfind("not well-formed XML", 0) == 0);
  CHECK(parseSyndicationFeed("<rss version=\"2.0\"><title>x</title></rss>", "", base).error ==
        "an RSS document without a <channel>");

  std::string deep = "<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 100; ++i) deep += "<x>";
  CHECK(parseSyndicationFeed(deep, "", base).error == "XML nested deeper than 64 levels; refused");

  SyndicationLimits small;
  small.max_bytes = 100;
  CHECK(parseSyndicationFeed(sample_feeds::kEnglishRss, "", base, small).error ==
        "the document is larger than 100 bytes; refused");
  small = SyndicationLimits{};
  small.max_elements = 10;
  CHECK(parseSyndicationFeed(sample_feeds::kEnglishRss, "", base, small).error == "more than 10 XML elements; refused");
}

TEST_CASE("items: pictures from media elements, titles from summaries, long summaries cut, unsafe links dropped") {
  const std::string document =
      R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title>
    <item><title>Thumb</title><link>javascript:alert(1)</link><media:thumbnail url="thumbs/a.jpg"/></item>
    <item><title>Content</title><media:group><media:content url="https://cdn.example/b.png" medium="image"/></media:group></item>
    <item><title>File link</title><link>file:///etc/hostname</link><enclosure url="file:///etc/hostname" type="image/png"/></item>
    <item><description>No title here, only a description that goes on for quite a while about the new ferry pier and its benches</description></item>
    <item><title></title><description></description></item>
    <item><title>Long</title><description>)" +
      std::string(700, 'a') + R"( tail</description></item>
  </channel></rss>)";
  const SyndicationFeed feed = parsed(parseSyndicationFeed(document, "", "https://example.org/rss/feed.xml"));
  REQUIRE(feed.items.size() == 5);  // the empty item is left out
  CHECK(feed.items[0].link.empty());
  CHECK(feed.items[0].image_url == "https://example.org/rss/thumbs/a.jpg");
  CHECK(feed.items[1].image_url == "https://cdn.example/b.png");
  CHECK(feed.items[2].link.empty());
  CHECK(feed.items[2].image_url.empty());
  CHECK(feed.items[3].title == "No title here, only a description that goes on for quite a while about the new\u2026");
  CHECK(feed.items[4].summary == std::string(600, 'a') + "\u2026");
}

TEST_CASE("undeclared entities: HTML's names, under an external DOCTYPE or none; declared ones still refused") {
  const std::string base = "https://example.org/feed";
  // RSS 0.91's DOCTYPE names a DTD that is never read: its entities were
  // skipped, and the words around them lost their letters.
  const std::string netscape = R"(<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Le journal du port</title>
<item><title>Le caf&eacute; du port ferme pour l&rsquo;hiver</title>
<description>R&eacute;ouverture en mars &ndash; &alpha;&beta; &madeup;</description></item></channel></rss>)";
  const SyndicationFeed feed = parsed(parseSyndicationFeed(netscape, "", base));
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Le café du port ferme pour l\u2019hiver");
  CHECK(feed.items[0].summary == "Réouverture en mars \u2013 αβ &madeup;");  // an unknown name stays as written

  // No DOCTYPE at all: expat called this "undefined entity" and the feed was refused.
  const std::string bare =
      "<rss version=\"2.0\"><channel><title>t</title><item><title>na&iuml;ve &hearts; "
      "&amp;alpha;</title></item></channel></rss>";
  const SyndicationFeed no_doctype = parsed(parseSyndicationFeed(bare, "", base));
  REQUIRE(no_doctype.items.size() == 1);
  CHECK(no_doctype.items[0].title == "naïve \u2665 α");  // &amp;alpha; is HTML's &alpha; once XML is read

  // A document that declares an entity is refused as before, HTML name or not.
  const std::string declared = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY eacute "&#233;">]>
<rss version="2.0"><channel><title>t</title><item><title>caf&eacute;</title></item></channel></rss>)";
  CHECK(parseSyndicationFeed(declared, "", base).error ==
        "the document declares an entity ('eacute'); feeds need no entity declarations, so it is refused unexpanded");
}

TEST_CASE("HTML written straight into RSS <title> and <description> and Atom type=\"html\": the words in tags kept") {
  const std::string rss = R"(<rss version="2.0"><channel><title>The <i>Squeeze</i> blog</title>
<item><title>What <em>exactly</em> is good compression?</title>
<description><p>It depends on <b>what exactly</b> good compression <a href="/m">means</a> to you &amp;lt;3</p>
<script>var hidden = 1;</script><img src="/pics/zip.png"/></description></item></channel></rss>)";
  const SyndicationFeed feed = parsed(parseSyndicationFeed(rss, "", "https://squeeze.example/feed"));
  CHECK(feed.title == "The Squeeze blog");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "What exactly is good compression?");
  CHECK(feed.items[0].summary == "It depends on what exactly good compression means to you <3");
  CHECK(feed.items[0].image_url == "https://squeeze.example/pics/zip.png");

  const std::string atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title>
<entry><title type="html">Tags <b>in</b> an html title</title>
<summary type="html">Escaped &lt;i&gt;and&lt;/i&gt; <strong>written</strong> tags</summary></entry>
<entry><title>Plain text with <b>a stray</b> tag</title></entry></feed>)";
  const SyndicationFeed atom_feed = parsed(parseSyndicationFeed(atom, "", "https://a.example/feed"));
  REQUIRE(atom_feed.items.size() == 2);
  CHECK(atom_feed.items[0].title == "Tags in an html title");
  CHECK(atom_feed.items[0].summary == "Escaped and written tags");
  CHECK(atom_feed.items[1].title == "Plain text with a stray tag");
}

TEST_CASE("whitespace, or a byte order mark and whitespace, before the XML declaration is read past") {
  const std::string base = "https://podcast.example/feed";
  const std::string rss =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<rss version=\"2.0\"><channel><title>Pod</title>"
      "<item><title>Folge 12: K\xE4se</title></item></channel></rss>";
  for (const std::string& prefix : {std::string("\n"), std::string("  \r\n\t\n")}) {
    const SyndicationFeed feed = parsed(parseSyndicationFeed(prefix + rss, "", base));
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == "Folge 12: Käse");  // the declaration (ISO-8859-1) was found past the whitespace
  }
  const std::string utf8 =
      "\xEF\xBB\xBF\n \n<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
      "<title>Pod</title><item><title>Folge 13: Käse</title></item></channel></rss>";
  const SyndicationFeed bom = parsed(parseSyndicationFeed(utf8, "", base));
  REQUIRE(bom.items.size() == 1);
  CHECK(bom.items[0].title == "Folge 13: Käse");
  // Lines of an error count the whitespace that was cut.
  CHECK(parseSyndicationFeed("\n\n<?xml version=\"1.0\"?>\n<rss><channel></rss>", "", base).error ==
        "not well-formed XML (line 4, column 17: mismatched tag)");
  // Anything else before the declaration is still not XML.
  CHECK(parseSyndicationFeed("x<?xml version=\"1.0\"?><rss/>", "", base).error.rfind("not well-formed XML", 0) == 0);
}

TEST_CASE("RSS 0.90: the Netscape namespace for channel and items, as heise online still serves it") {
  const std::string rdf = R"(<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>heise online News</title><link>https://www.heise.de/</link>
    <description>Nachrichten</description></channel>
  <item><title>Neue Prozessoren vorgestellt</title><link>https://www.heise.de/news/cpu-1.html</link></item>
  <item><title>Browser-Update schließt Lücken</title><link>https://www.heise.de/news/browser-2.html</link></item>
</rdf:RDF>)";
  const SyndicationFeed feed = parsed(parseSyndicationFeed(rdf, "", "https://www.heise.de/rss/heise.rdf"));
  CHECK(feed.format == "RSS 0.90");
  CHECK(feed.title == "heise online News");
  CHECK(feed.link == "https://www.heise.de/");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].title == "Neue Prozessoren vorgestellt");
  CHECK(feed.items[0].link == "https://www.heise.de/news/cpu-1.html");
  CHECK(feed.items[1].title == "Browser-Update schließt Lücken");
}

TEST_CASE("bytes that do not match the encoding: the HTTP charset, then windows-1252; no C1 control reaches a card") {
  const auto rss = [](const std::string& declaration, const std::string& title) {
    return "<?xml version=\"1.0\"" + declaration + "?><rss version=\"2.0\"><channel><title>t</title><item><title>" +
           title + "</title></item></channel></rss>";
  };
  const auto title = [](const SyndicationParse& result) {
    INFO("error: " << result.error);
    REQUIRE(result.feed.has_value());
    REQUIRE(result.feed->items.size() == 1);
    return result.feed->items[0].title;
  };
  const std::string base = "https://example.org/feed";
  // No declaration, no charset, not UTF-8: windows-1252, as RFC 7303 and every feed reader read it (was U+FFFD).
  CHECK(title(parseSyndicationFeed(rss("",
                                       "Caf\xe9 \x93"
                                       "bien\x94 \x80 5"),
                                   "", base)) == "Café \u201Cbien\u201D \u20AC 5");
  // No declaration but valid UTF-8: UTF-8.
  CHECK(title(parseSyndicationFeed(rss("", "Caf\xc3\xa9"), "", base)) == "Café");
  // A template's declaration that the bytes contradict, and a server that knows better.
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"UTF-8\"", "Caf\xe9 cr\xe8me"), "ISO-8859-1", base)) ==
        "Café crème");
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"UTF-8\"", "\xc1\xd6\xb8\xbb"), "euc-kr", base)) == "주말");
  // An unknown declared encoding with a charset the server names: the charset.
  CHECK(title(parseSyndicationFeed(rss(" encoding=\"x-no-such-charset\"", "Caf\xe9"), "windows-1252", base)) == "Café");

  // C1 controls (U+0080 to U+009F), in UTF-8 or as character references: read as windows-1252, as HTML
  // reads them, and dropped where it has nothing (U+0081, U+008D, U+008F, U+0090, U+009D).
  CHECK(title(parseSyndicationFeed(rss("", "\xC2\x93quoted\xC2\x94 \xC2\x96 &#x96; &#150;\xC2\x81\xC2\x9D."), "",
                                   base)) == "\u201Cquoted\u201D \u2013 \u2013 \u2013.");
  // windows-1252's five unassigned bytes, undeclared: nothing drawn for them.
  const std::string unassigned = title(parseSyndicationFeed(rss("",
                                                                "a\x81\x8D\x8F\x90\x9D"
                                                                "b \xe9"),
                                                            "", base));
  CHECK(unassigned == "ab é");
}

TEST_CASE("dates from dcterms (issued, created, modified), W3C-DTF and RFC 5322 comments reach the items") {
  const std::string rss = R"(<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>c</title>
<item><title>Issued</title><dcterms:modified>2026-10-09T00:00:00Z</dcterms:modified>
  <dcterms:issued>2026-10-08T12:00:00+02:00</dcterms:issued></item>
<item><title>Created</title><dcterms:created>2026-09</dcterms:created></item>
<item><title>Commented</title><pubDate>Fri, 9 Oct 2026 8:15:00 +0200 (CEST)</pubDate></item>
<item><title>Undated</title><pubDate>sometime soon</pubDate></item></channel></rss>)";
  const SyndicationFeed feed = parsed(parseSyndicationFeed(rss, "", "https://d.example/feed"));
  REQUIRE(feed.items.size() == 4);
  CHECK(feed.items[0].published == "2026-10-08T10:00:00Z");
  CHECK(feed.items[1].published == "2026-09-01");
  CHECK(feed.items[2].published == "2026-10-09T06:15:00Z");
  CHECK(feed.items[3].published.empty());
  const std::string atom = R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/">
<title>a</title><entry><title>e</title><dcterms:modified>2026-10-02</dcterms:modified></entry></feed>)";
  const SyndicationFeed atom_feed = parsed(parseSyndicationFeed(atom, "", "https://d.example/atom"));
  REQUIRE(atom_feed.items.size() == 1);
  CHECK(atom_feed.items[0].published == "2026-10-02");
}
