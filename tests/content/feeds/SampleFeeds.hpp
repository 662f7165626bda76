// SPDX-License-Identifier: Apache-2.0
// Sample feeds for the feed tests (tests/content/syndication_feed_test.cpp and
// tests/firmware/feed_fetcher_test.cpp), all invented for these tests. The
// text is written here in UTF-8; encodedAs() turns a feed into the bytes a
// server in its declared encoding sends (Shift_JIS, EUC-KR, GB18030, Big5).
#pragma once

#include <unicode/ucnv.h>

#include <stdexcept>
#include <string>

namespace sample_feeds {

// `utf8` in `encoding`, through ICU; throws when ICU cannot.
inline std::string encodedAs(const char* encoding, const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding, &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("no ICU converter for ") + encoding);
  std::string out(utf8.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t length = ucnv_fromAlgorithmic(converter, UCNV_UTF8, out.data(), static_cast<int32_t>(out.size()),
                                              utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + encoding);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// RSS 2.0 in English: CDATA and escaped HTML descriptions, relative links
// (resolved against the feed's own address), an image enclosure, an <img>
// in a description, RFC 822 dates with a numeric offset, a US zone and GMT.
inline const std::string kEnglishRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbor Town Gazette</title>
    <link>/</link>
    <description>News from the harbour district</description>
    <language>en-GB</language>
    <item>
      <title>Ferry timetable changes for winter</title>
      <link>/news/ferry-winter</link>
      <guid isPermaLink="false">gazette-101</guid>
      <description><![CDATA[<p>The <b>winter timetable</b> starts on <em>1 November</em>.</p><p>Late boats run on Fridays &amp; Saturdays.</p>]]></description>
      <pubDate>Tue, 06 Oct 2026 09:30:00 +0200</pubDate>
      <enclosure url="/media/ferry.jpg" length="2048" type="image/jpeg"/>
    </item>
    <item>
      <title>Library opens a repair corner</title>
      <link>https://gazette.example/news/repair-corner</link>
      <guid isPermaLink="false">repair-corner-2026</guid>
      <description>&lt;p&gt;Bring a lamp, a toaster or a bike light &amp;mdash; volunteers fix them for free.&lt;/p&gt;&lt;img src="/media/repair.png" alt=""&gt;</description>
      <pubDate>Mon, 05 Oct 2026 18:00:00 EDT</pubDate>
    </item>
    <item>
      <title>Bakers &amp; brewers market returns</title>
      <link>news/market</link>
      <description>Forty stalls on the quay, every Sunday morning.</description>
      <pubDate>4 Oct 2026 07:15 GMT</pubDate>
    </item>
  </channel>
</rss>
)";

// Atom 1.0 in English: xml:base, an HTML title, an XHTML summary, an HTML
// content in CDATA, RFC 3339 dates with an offset, an entry with only <updated>.
inline const std::string kEnglishAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://events.example/board/">
  <title>Riverside Events Board</title>
  <link rel="alternate" type="text/html" href="/"/>
  <link rel="self" href="https://events.example/board/feed.atom"/>
  <id>tag:events.example,2026:board</id>
  <updated>2026-10-08T08:00:00Z</updated>
  <entry>
    <id>tag:events.example,2026:concert-17</id>
    <title type="html">Open-air concert &lt;i&gt;moved&lt;/i&gt; to the pier</title>
    <link rel="alternate" href="concerts/17"/>
    <published>2026-10-07T19:00:00-04:00</published>
    <updated>2026-10-08T07:00:00Z</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Same time, new place: the <strong>east pier</strong>.</p><p>Bring a blanket.</p></div></summary>
  </entry>
  <entry>
    <id>tag:events.example,2026:book-swap</id>
    <title>Book swap at the old station</title>
    <link href="https://events.example/board/book-swap"/>
    <updated>2026-10-03T10:00:00Z</updated>
    <content type="html"><![CDATA[<h2>Saturday</h2><p>Leave one, take one. Children&#8217;s corner upstairs.</p>]]></content>
  </entry>
</feed>
)";

// RSS 2.0 in Japanese, declared Shift_JIS (send encodedAs("Shift_JIS", ...)).
inline const std::string kJapaneseRss = R"(<?xml version="1.0" encoding="Shift_JIS"?>
<rss version="2.0">
  <channel>
    <title>湊町だより</title>
    <link>https://minatomachi.example/</link>
    <language>ja</language>
    <item>
      <title>駅前に新しい図書館が開館</title>
      <link>https://minatomachi.example/news/library</link>
      <guid>https://minatomachi.example/news/library</guid>
      <description>&lt;p&gt;土曜日から、駅前の新しい図書館が利用できます。&lt;/p&gt;</description>
      <pubDate>Thu, 08 Oct 2026 10:00:00 +0900</pubDate>
    </item>
    <item>
      <title>秋祭りの日程が決まりました</title>
      <link>/news/matsuri</link>
      <description><![CDATA[神社の秋祭りは<strong>十月十七日</strong>と十八日です。]]></description>
      <pubDate>Wed, 07 Oct 2026 15:30:00 +0900</pubDate>
    </item>
  </channel>
</rss>
)";

// RSS 2.0 in Korean, declared EUC-KR.
inline const std::string kKoreanRss = R"(<?xml version="1.0" encoding="EUC-KR"?>
<rss version="2.0">
  <channel>
    <title>강변 소식</title>
    <link>https://gangbyeon.example/</link>
    <language>ko</language>
    <item>
      <title>시청 광장에서 주말 장터 개최</title>
      <link>https://gangbyeon.example/news/market</link>
      <guid>gangbyeon-market-42</guid>
      <description>토요일과 일요일 오전 열 시부터 열립니다.</description>
      <pubDate>Fri, 09 Oct 2026 09:00:00 +0900</pubDate>
    </item>
  </channel>
</rss>
)";

// Atom 1.0 in Simplified Chinese, declared GB18030.
inline const std::string kChineseAtom = R"(<?xml version="1.0" encoding="GB18030"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>江城快讯</title>
  <link href="https://jiangcheng.example/"/>
  <id>urn:uuid:6f1d2c1e-0000-4000-8000-000000000001</id>
  <updated>2026-10-09T02:00:00Z</updated>
  <entry>
    <id>urn:uuid:6f1d2c1e-0000-4000-8000-000000000002</id>
    <title>城市公园新增夜间照明</title>
    <link href="https://jiangcheng.example/news/park-lights"/>
    <published>2026-10-09T08:00:00+08:00</published>
    <summary type="html">&lt;p&gt;晚上散步更安全了。&lt;/p&gt;</summary>
  </entry>
</feed>
)";

// RSS 1.0 (RDF) in Traditional Chinese, declared Big5.
inline const std::string kTaiwanRdf = R"(<?xml version="1.0" encoding="Big5"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gangkou.example/">
    <title>港口日報</title>
    <link>https://gangkou.example/</link>
    <dc:language>zh-TW</dc:language>
  </channel>
  <item rdf:about="https://gangkou.example/news/ferry-night">
    <title>港口渡輪增開夜間班次</title>
    <link>https://gangkou.example/news/ferry-night</link>
    <description>週五與週六晚上加開兩班。</description>
    <dc:date>2026-10-08T21:00:00+08:00</dc:date>
  </item>
</rdf:RDF>
)";

// Not well-formed: </item> closes an open <title>.
inline const std::string kMalformed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>This title never closes</item>
</channel></rss>
)";

// The billion-laughs document: ten levels of ten references each.
inline const std::string kBillionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
)";

// An external entity naming a local file (XXE): `path` is that file.
inline std::string externalEntityFeed(const std::string& path) {
  return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY leak SYSTEM \"file://" + path +
         "\">\n]>\n<rss version=\"2.0\"><channel><title>Leak</title>\n"
         "<item><title>Look: &leak;</title><description>&leak;</description></item>\n</channel></rss>\n";
}

// The same through a parameter entity, the other XXE route.
inline std::string parameterEntityFeed(const std::string& path) {
  return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY % leak SYSTEM \"file://" + path +
         "\">\n  %leak;\n]>\n<rss version=\"2.0\"><channel><title>Leak</title>\n"
         "<item><title>Parameter</title></item>\n</channel></rss>\n";
}

}  // namespace sample_feeds
