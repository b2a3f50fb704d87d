#include <catch2/catch.hpp>

#include "import/extract_text.hpp"

using namespace annals::extract;

namespace {

std::vector<std::string> texts(std::string_view bytes, text_kind kind) {
  std::vector<std::string> out;
  for (const sentence& s : sentences(clean(bytes, kind))) out.push_back(s.text);
  return out;
}

}  // namespace

TEST_CASE("HTML is read as its text: tags stripped, entities decoded, scripts and comments left out", "[extract]") {
  const std::string html =
      "<html><head><title>Port strike</title><style>p{}</style><script>var d = '1 May 2001';</script></head>"
      "<body><p>Workers returned on <b>Monday</b>, after June&nbsp;22 &amp; the union&rsquo;s vote.</p>"
      "<!-- 1 January 1999 --><p>Ships wait &#8212; 40 of them.</p></body></html>";
  CHECK(guess_kind("a.html", html) == text_kind::html);
  CHECK(guess_kind("a.txt", html) == text_kind::html);
  const auto s = texts(html, text_kind::html);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Port strike");
  CHECK(s[1] == "Workers returned on Monday, after June 22 & the union\u2019s vote.");
  CHECK(s[2] == "Ships wait \u2014 40 of them.");
}

TEST_CASE("Markdown marks are dropped: headings, lists, emphasis, links", "[extract]") {
  const std::string md = "# A heading\n\nLeaders **will meet** in [Riga](https://x.org/r) on\nFriday. Then *more*.\n\n- An item on June 2\n- Another\n";
  const auto s = texts(md, text_kind::markdown);
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "A heading");
  CHECK(s[1] == "Leaders will meet in Riga on Friday.");
  CHECK(s[2] == "Then more.");
  CHECK(s[3] == "An item on June 2");
  CHECK(s[4] == "Another");
}

TEST_CASE("sentences end at . ! ? before a capital, not after an abbreviation or initial", "[extract]") {
  const auto s = texts("Mr. Smith met Dr. Jones on Nov. 23 in the U.S. capital. It rained! Did it? Yes.", text_kind::plain);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Mr. Smith met Dr. Jones on Nov. 23 in the U.S. capital.");
  CHECK(s[3] == "Yes.");
}

TEST_CASE("a plain text's heading is a block of its own, a wrapped paragraph is one", "[extract]") {
  const auto s = texts("Economical cooperation\nRecently, cooperation grew between the two\ncountries, it said.\n", text_kind::plain);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Economical cooperation");
  CHECK(s[1] == "Recently, cooperation grew between the two countries, it said.");
}

TEST_CASE("every character of a sentence knows its line and column in the article", "[extract]") {
  const std::string text = "Title\n\nOne day. On November 23rd, it rained.\n";
  const auto ss = sentences(clean(text, text_kind::plain));
  REQUIRE(ss.size() == 3);
  const std::size_t at = ss[2].text.find("November");
  const position p = position_of(text, ss[2].origin[at]);
  CHECK(p.line == 3);
  CHECK(p.column == 13);
  // Multi-byte characters count once.
  CHECK(position_of("\xC3\xA9t\xC3\xA9 x", 5).column == 4);
}
