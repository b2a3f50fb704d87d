#include <catch2/catch.hpp>

#include "output/escape.hpp"

using namespace annals;

TEST_CASE("JSON strings escape quotes, backslashes, controls and script delimiters", "[escape]") {
  CHECK(escape_json("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(escape_json("line\nnext\t\x01") == "line\\nnext\\t\\u0001");
  CHECK(escape_json("</script><img src=x>") == "\\u003c/script\\u003e\\u003cimg src=x\\u003e");
  CHECK(json_string("\xE2\x80\xA8") == "\"\\u2028\"");
  CHECK(escape_json("caf\xC3\xA9") == "caf\xC3\xA9");
  SECTION("invalid UTF-8 becomes U+FFFD") { CHECK(escape_json("a\xFF" "b") == "a\xEF\xBF\xBD" "b"); }
}

TEST_CASE("XML text turns markup into references", "[escape]") {
  CHECK(escape_xml("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(escape_xml("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(escape_xml("Tom & Jerry's") == "Tom &amp; Jerry&#39;s");
  CHECK(escape_xml("a\x01" "b") == "ab");
}

TEST_CASE("CSV fields are quoted per RFC 4180 and formulas neutralized", "[escape]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\r\nlines") == "\"two\r\nlines\"");
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-1") == "'-1");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
}

TEST_CASE("DOT strings escape quotes and backslashes so no escape sequence survives", "[escape]") {
  CHECK(escape_dot("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(escape_dot("C:\\N\\l") == "C:\\\\N\\\\l");
  CHECK(dot_string("a\nb") == "\"a\\nb\"");
  CHECK(dot_string("end\\") == "\"end\\\\\"");
}

TEST_CASE("ICS text escapes commas, semicolons, backslashes and newlines", "[escape]") {
  CHECK(escape_ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  CHECK(escape_ics_text("crlf\r\nline") == "crlf\\nline");
}

TEST_CASE("ICS lines fold at 75 octets and never inside a UTF-8 sequence", "[escape]") {
  CHECK(fold_ics_line("SUMMARY:short") == "SUMMARY:short\r\n");
  const std::string long_line = "SUMMARY:" + std::string(100, 'x');
  const std::string folded = fold_ics_line(long_line);
  CHECK(folded == long_line.substr(0, 75) + "\r\n " + long_line.substr(75) + "\r\n");
  std::string accents = "SUMMARY:";
  for (int i = 0; i < 60; ++i) accents += "\xC3\xA9";  // é, two octets each
  const std::string f = fold_ics_line(accents);
  std::size_t start = 0;
  while (start < f.size()) {
    const std::size_t end = f.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    // A physical line never ends between the two octets of é.
    CHECK(static_cast<unsigned char>(f[end - 1]) != 0xC3);
    start = end + 2;
  }
}

TEST_CASE("markdown text cannot open markup or raw HTML", "[escape]") {
  CHECK(escape_markdown("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
  CHECK(escape_markdown("a|b *c* [d](e)") == "a\\|b \\*c\\* \\[d\\](e)");
  CHECK(escape_markdown("# not a heading") == "\\# not a heading");
  CHECK(escape_markdown("two\nlines") == "two lines");
}

TEST_CASE("mermaid labels turn its syntax into entity codes", "[escape]") {
  CHECK(escape_mermaid("a: b") == "a#58; b");
  CHECK(escape_mermaid("<b>#1;%%") == "#60;b#62;#35;1#59;#37;#37;");
}

TEST_CASE("only http, https and mailto URLs are linked", "[escape]") {
  CHECK(is_safe_url("https://example.org/a?b=c"));
  CHECK(is_safe_url("HTTP://EXAMPLE.ORG"));
  CHECK(is_safe_url("mailto:a@b.c"));
  CHECK_FALSE(is_safe_url("javascript:alert(1)"));
  CHECK_FALSE(is_safe_url("data:text/html,<script>"));
  CHECK_FALSE(is_safe_url("https://a b"));
}

TEST_CASE("CSV fields drop control characters and bidi controls, keeping line breaks and tabs", "[escape]") {
  // An ESC written as "\e" in a double-quoted YAML scalar, a C1 CSI, a right-to-left override.
  CHECK(csv_field("red\x1b[31mtext\xC2\x9B") == "red[31mtext");
  CHECK(csv_field("invoice \xE2\x80\xAEgpj.exe\xE2\x81\xA9") == "invoice gpj.exe");
  // After dropping, a cell that would start a formula is still neutralized.
  CHECK(csv_field("\x1b=1+1") == "'=1+1");
  CHECK(csv_field("a\tb") == "a\tb");
  // Persian text and its marks stay.
  CHECK(csv_field("\xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86\xE2\x80\x8F") == "\xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86\xE2\x80\x8F");
}

TEST_CASE("terminal text drops escape sequences and bidi overrides", "[escape]") {
  CHECK(escape_terminal("a\x1b[2Jb\xC2\x9B") == "a[2Jb");
  CHECK(escape_terminal("x\xE2\x80\xAEy\xE2\x81\xA6z\xE2\x80\xAA") == "xyz");
  CHECK(escape_terminal("line\nnext\ttab") == "line next tab");
}

TEST_CASE("workflow command messages escape percent signs and line breaks", "[escape][github]") {
  CHECK(escape_workflow_data("100% done\r\n::error::forged") == "100%25 done%0D%0A::error::forged");
  CHECK(escape_workflow_data("a: b, c") == "a: b, c");
  SECTION("a property also escapes the colon and the comma that would end it") {
    CHECK(escape_workflow_property("a,line=1:b%\n") == "a%2Cline=1%3Ab%25%0A");
  }
}

TEST_CASE("a path as a URI is percent-encoded, and never reads as a scheme", "[escape][sarif]") {
  CHECK(uri_path("timelines/iran-1979.yaml") == "timelines/iran-1979.yaml");
  CHECK(uri_path("my files/a#1?.yaml") == "my%20files/a%231%3F.yaml");
  CHECK(uri_path("c:evil.yaml") == "c%3Aevil.yaml");
  CHECK(uri_path("100%.yaml") == "100%25.yaml");
  CHECK(uri_path("t\xC3\xA9hran\n.yaml") == "t%C3%A9hran%0A.yaml");
}
