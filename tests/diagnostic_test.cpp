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
