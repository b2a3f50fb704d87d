#include "annals/diagnostic.hpp"

#include <catch2/catch.hpp>

using namespace annals;

TEST_CASE("a diagnostic prints as file:line:column: severity: message [code]", "[diagnostic]") {
  diagnostic d{severity::error, "unknown-reference", "input", 12, 7, "unknown event 'putin-tehran-2051'",
               "did you mean 'putin-tehran-2015'?"};
  CHECK(format_text(d) ==
        "input:12:7: error: unknown event 'putin-tehran-2051'; did you mean 'putin-tehran-2015'? "
        "[unknown-reference]");
}

TEST_CASE("a diagnostic without a position names only the file", "[diagnostic]") {
  diagnostic d{severity::warning, "io-error", "missing.yaml", 0, 0, "no such file", ""};
  CHECK(format_text(d) == "missing.yaml: warning: no such file [io-error]");
}

TEST_CASE("spellcheck suggests the nearest id within a few edits", "[diagnostic]") {
  std::vector<std::string_view> ids{"putin-tehran-2015", "putin-tehran-2007", "ban-lifted"};
  CHECK(spellcheck("putin-tehran-2051", ids) == "putin-tehran-2015");
  CHECK(spellcheck("ban-lifter", ids) == "ban-lifted");
  CHECK(spellcheck("completely-else", ids).empty());
}

TEST_CASE("a diagnostic is always one line: control characters in quoted user text are escaped", "[diagnostic]") {
  diagnostic d{severity::error, "schema", "in\nput", 2, 3,
               "unknown field 'x\ninput:9:9: error: forged [yaml-syntax]\x1b[2J\xC2\x9B'", "tab\there"};
  const std::string line = format_text(d);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK(line ==
        "in\\nput:2:3: error: unknown field 'x\\ninput:9:9: error: forged [yaml-syntax]\\x1b[2J\\u009b'; tab\\there "
        "[schema]");
}

TEST_CASE("bidi controls and line separators in user text are shown as escapes", "[diagnostic]") {
  // U+202E (right-to-left override), U+2066 (left-to-right isolate), U+200F, U+061C, U+2028.
  diagnostic d{severity::error, "unknown-reference", "input", 1, 1,
               "unknown event 'evil\xE2\x80\xAEgnp.exe\xE2\x81\xA6x\xE2\x80\x8F\xD8\x9C\xE2\x80\xA8'", ""};
  CHECK(format_text(d) ==
        "input:1:1: error: unknown event 'evil\\u202egnp.exe\\u2066x\\u200f\\u061c\\u2028' [unknown-reference]");
  // Other non-ASCII text is shown as written.
  CHECK(display_text("'Tehran, \xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86'") == "'Tehran, \xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86'");
}

TEST_CASE("a long quotation in a message is cut at 200 characters, the rest of the message kept", "[diagnostic]") {
  const std::string date(1'000'000, '9');
  const std::string shown = display_text("cannot read date '" + date + "' of event 'x'");
  CHECK(shown == "cannot read date '" + std::string(max_quoted_chars, '9') + "\u2026' of event 'x'");
  // Characters, not bytes: a quotation of Cyrillic letters keeps 200 whole letters.
  std::string cyrillic;
  for (int i = 0; i < 300; ++i) cyrillic += "\xD0\x96";
  std::string kept;
  for (int i = 0; i < 200; ++i) kept += "\xD0\x96";
  CHECK(display_text("'" + cyrillic + "'") == "'" + kept + "\u2026'");
  // An apostrophe inside a word opens no quotation.
  CHECK(display_text("don't stop") == "don't stop");
}

TEST_CASE("a message is cut at 2000 characters however its user text is spread", "[diagnostic]") {
  std::string readings;
  for (int i = 0; i < 100'000; ++i) readings += "src" + std::to_string(i) + " 753 BC, ";
  const std::string shown = display_text("the sources disagree: " + readings);
  CHECK(shown.size() == max_message_chars + std::string("\u2026").size());
  CHECK(shown.ends_with("\u2026"));
  // An unclosed quotation is cut too.
  CHECK(display_text("'" + std::string(500, 'a')) == "'" + std::string(200, 'a') + "\u2026");
}
