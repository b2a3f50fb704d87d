#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "output/char_width.hpp"
#include "output/render_common.hpp"

using namespace annals;

namespace {

// The byte offsets where `text`'s grapheme clusters start, and its end.
std::vector<std::size_t> boundaries(std::string_view text) {
  std::vector<std::size_t> at{0};
  for (std::size_t i = 0; i < text.size();) at.push_back(i += next_grapheme(text, i).size);
  return at;
}

bool is_boundary(std::string_view text, std::size_t i) {
  const auto b = boundaries(text);
  return std::find(b.begin(), b.end(), i) != b.end();
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

// Each line at most `width` columns, and the lines put back together give the text
// (spaces where they broke at one).
void check_wrap(std::string_view text, std::size_t width) {
  const std::vector<std::string> lines = wrap(text, width);
  std::string joined;
  for (const std::string& l : lines) {
    INFO(l);
    CHECK(display_width(l) <= width);
    CHECK(display_width(l) > 0);
    joined += l;
  }
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  std::string joined_compact;
  for (char c : joined) {
    if (c != ' ') joined_compact += c;
  }
  CHECK(joined_compact == compact);
}

// The family emoji: man, ZWJ, woman, ZWJ, girl.
const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

}  // namespace

TEST_CASE("East Asian wide and fullwidth characters take two columns", "[render][width]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("普京访问德黑兰") == 14);
  CHECK(display_width("東京オリンピック") == 16);
  CHECK(display_width("대한민국") == 8);
  CHECK(display_width("ＡＢＣ") == 6);       // fullwidth Latin
  CHECK(display_width("ｱｲｳ") == 3);          // halfwidth katakana
  CHECK(display_width("\u3000") == 2);       // ideographic space
  CHECK(display_width("Ж Ω تهران") == 9);    // Cyrillic, Greek, Persian: one each
  CHECK(display_width("“quoted” — 1…2") == 14);  // East Asian ambiguous: narrow
}

TEST_CASE("emoji take two columns, sequences and flags included", "[render][width]") {
  CHECK(display_width("😀") == 2);
  CHECK(display_width(family) == 2);                           // a ZWJ sequence
  CHECK(display_width("\U0001F44D\U0001F3FD") == 2);           // thumbs up, medium skin tone
  CHECK(display_width("\U0001F1EE\U0001F1F7") == 2);           // the flag of Iran
  CHECK(display_width("\U0001F1EE\U0001F1F7\U0001F1F7\U0001F1FA") == 4);  // two flags
  CHECK(display_width("\u2764") == 1);                         // a heart, text presentation
  CHECK(display_width("\u2764\uFE0F") == 2);                   // VS16: emoji presentation
  CHECK(display_width("1\uFE0F\u20E3") == 2);                  // the keycap 1
  CHECK(display_width("\U0001F3F3\uFE0F\u200D\U0001F308") == 2);  // the rainbow flag
  CHECK(display_width("a\uFE0F") == 1);                        // VS16 after a letter asks for nothing
  CHECK(display_width("ok 🎉!") == 6);
}

TEST_CASE("combining marks, joiners and variation selectors take no column", "[render][width]") {
  CHECK(display_width("e\u0301") == 1);                 // e + combining acute
  CHECK(display_width("Z\u0351\u036B\u0343\u036A") == 1);  // stacked marks
  CHECK(display_width("\u1112\u1161\u11AB") == 2);       // 한 written as three jamo
  CHECK(display_width("a\u200Db") == 2);
  CHECK(display_width("a\u200Bb") == 2);                 // zero width space
  CHECK(display_width("\uFE0E\uFE0F") == 0);
  CHECK(display_width("محمد\u064E") == 4);              // an Arabic vowel mark
}

TEST_CASE("grapheme clusters hold a base with its marks and an emoji sequence whole", "[render][width]") {
  CHECK(next_grapheme("e\u0301x", 0).size == 3);
  CHECK(next_grapheme(family + "x", 0).size == family.size());
  CHECK(next_grapheme("\U0001F1EE\U0001F1F7\U0001F1F7\U0001F1FA", 0).size == 8);  // a flag is two indicators
  CHECK(next_grapheme("\u1112\u1161\u11AB\u1112", 0).size == 9);
  CHECK(next_grapheme("ab", 0).size == 1);
  CHECK(next_grapheme("\xFF\xFE", 0).size == 1);  // an invalid byte stands alone
  CHECK(next_grapheme("\xFF", 0).width == 1);
  // A ZWJ joins an emoji to an emoji, not a letter to a letter.
  CHECK(next_grapheme("a\u200Db", 0).size == 4);
  CHECK(boundaries("a\u200Db") == std::vector<std::size_t>{0, 4, 5});
}

TEST_CASE("clip never cuts inside a grapheme cluster", "[render][width]") {
  const std::string marks = repeat("e\u0301", 6);
  CHECK(clip(marks, 2) == "e\u0301e\u0301…");
  CHECK(clip("ab" + family + "cd", 3) == "ab…");
  CHECK(clip("ab" + family + "cd", 4) == "ab" + family + "…");
  CHECK(clip("漢字漢字", 3) == "漢…");
  CHECK(clip("漢字漢字", 8) == "漢字漢字");
  CHECK(clip("\U0001F1EE\U0001F1F7\U0001F1F7\U0001F1FA", 3) == "\U0001F1EE\U0001F1F7…");
  const std::string mixed = "Путин 普京 e\u0301 " + family + " \u2764\uFE0F تهران 1\uFE0F\u20E3";
  for (std::size_t n = 0; n <= display_width(mixed); ++n) {
    const std::string c = clip(mixed, n);
    INFO(n << ": " << c);
    if (c == mixed) continue;
    REQUIRE(c.size() >= 3);
    const std::string kept = c.substr(0, c.size() - 3);  // less the ellipsis
    CHECK(c.substr(c.size() - 3) == "…");
    CHECK(mixed.compare(0, kept.size(), kept) == 0);
    CHECK(is_boundary(mixed, kept.size()));
    CHECK(display_width(kept) <= n);
  }
}

TEST_CASE("wrap keeps CJK, emoji, combining and mixed lines within the width in columns", "[render][width]") {
  // Without spaces CJK text breaks between characters.
  const std::string cjk = repeat("普京总统访问德黑兰，会见伊朗最高领袖。", 8);
  for (std::size_t w : {10u, 11u, 40u, 76u}) check_wrap(cjk, w);
  for (const std::string& l : wrap(cjk, 11)) {
    CHECK(l.rfind("，", 0) != 0);  // closing punctuation never starts a line
    CHECK(l.rfind("。", 0) != 0);
  }
  check_wrap(repeat("party 🎉 with " + family + " and 🇮🇷 ", 12), 20);
  check_wrap(repeat("🎉", 60), 25);  // an odd width: an emoji never straddles it
  check_wrap(repeat("cafe\u0301 re\u0301sume\u0301 ", 20), 17);
  const std::string mixed = repeat("Putin 普京 visits Tehran تهران 😀 e\u0301te\u0301 ", 10);
  check_wrap(mixed, 30);
  for (const std::string& l : wrap(mixed, 30)) CHECK(l.find(" ") != 0);
  // Where it fits, a line is filled: 10 CJK characters in 20 columns.
  CHECK(wrap(repeat("漢", 25), 20) == std::vector<std::string>{repeat("漢", 10), repeat("漢", 10), repeat("漢", 5)});
  // Combining marks stay with their letter when a long word is cut.
  for (const std::string& l : wrap(repeat("e\u0301", 30), 7)) {
    CHECK(l.rfind("\u0301", 0) != 0);
    CHECK(display_width(l) <= 7);
  }
}

TEST_CASE("wrap cuts a token longer than the line at the width", "[render][width]") {
  const std::string url = "https://example.org/" + repeat("a-very-long-path-segment/", 8) + "index.html";
  const std::vector<std::string> lines = wrap("source: " + url, 40);
  REQUIRE(lines.size() >= 2);
  CHECK(lines.front() == "source:");  // the token starts a line of its own
  std::string joined;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    CHECK(display_width(lines[i]) <= 40);
    joined += lines[i];
  }
  CHECK(joined == url);
  CHECK(wrap(repeat("x", 200), 80) == std::vector<std::string>{repeat("x", 80), repeat("x", 80), repeat("x", 40)});
  check_wrap("a " + repeat("y", 200) + " b", 80);
  // Words that fit are not cut.
  CHECK(wrap("the quick brown fox", 9) == std::vector<std::string>{"the quick", "brown fox"});
  CHECK(wrap("", 10) == std::vector<std::string>{""});
}
