// The YAML 1.2 rules annals checks where yaml-cpp is lax (issue 13): the cases of the
// official test suite that passed inside a valid event file, each refused at its place.

#include <catch2/catch.hpp>

#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"
#include "input/yaml_lint.hpp"

using namespace annals;

namespace {

// The first problem `lint_yaml` finds, as "line:column message".
std::string lint(std::string_view text) {
  const auto errors = lint_yaml(text);
  if (errors.empty()) return "ok";
  return std::to_string(errors[0].line) + ":" + std::to_string(errors[0].column) + " " + errors[0].message;
}

// An event file whose description holds `value` (its lines indented under the field).
std::string in_event(std::string_view value) {
  return "events:\n  - id: e\n    title: T\n    date: 2015\n    description: " + std::string(value);
}

std::string report(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  return report_text(validate({"input"}, reader, {}).diagnostics);
}

}  // namespace

TEST_CASE("what yaml-cpp lets pass inside an event file is refused at its place", "[yaml][lint]") {
  CHECK(lint(in_event("\"quoted \\' scalar\"\n")) == "5:26 '\\'' is no escape of a double-quoted scalar");
  CHECK(lint(in_event("\"A\"# c\n")) == "5:21 a comment needs a space before '#'");
  CHECK(lint(in_event("># c\n      text\n")) == "5:19 a comment needs a space before '#'");
  CHECK(lint(in_event("\"a\n    b\"\n")) ==
        "6:5 a quoted scalar's next line must be indented past the line it starts on, with spaces");
  CHECK(lint(in_event("\"a\n\tb\"\n")) ==
        "6:1 a quoted scalar's next line must be indented past the line it starts on, with spaces");
  CHECK(lint(in_event("[ a, b ]#x\n")) == "5:26 a comment needs a space before '#'");
  CHECK(lint(in_event("[ a,#x\n      b ]\n")) == "5:22 a comment needs a space before '#'");
  CHECK(lint(in_event("[-]\n")) == "5:19 '-' cannot start an entry of a flow collection; quote it");
  CHECK(lint(in_event("[-, -]\n")) == "5:19 '-' cannot start an entry of a flow collection; quote it");
  CHECK(lint(in_event("[\n\ta]\n")) ==
        "6:1 a flow collection's next line must be indented past the line it starts on, with spaces");
  CHECK(lint("events:\n&anchor\n- a\n") == "2:1 the top level is a mapping: a line here must hold a key and ':'");
  CHECK(lint(in_event("\n      a: b\n      &anchor\n      - c\n")) == "7:7 a line here, in a mapping, must hold a key and ':'");
  const auto directive = check_documents("events: []\n...\n%YAML 1.2\n---\n");  // a directive after the document
  REQUIRE(directive);
  CHECK(directive->line == 3);
  CHECK(lint(in_event(">\n        \n      text\n")) ==
        "6:7 a block scalar's leading empty line holds more spaces than its first line's indentation");
}

TEST_CASE("more that YAML 1.2 forbids: empty flow entries, text after a flow, tabs, tags", "[yaml][lint]") {
  CHECK(lint("a: [ , b ]\n") == "1:6 an empty entry in a flow collection: ',' right after its opening bracket");
  CHECK(lint("a: [ b, , c ]\n") == "1:9 an empty entry in a flow collection: two ',' in a row");
  CHECK(lint("- { y: z }- invalid\n") == "1:11 nothing may follow a flow collection on its line but a comment or ':'");
  CHECK(lint("-\t- a\n") == "1:3 a tab cannot indent a block collection; use spaces");
  CHECK(lint("--- a: b\n") == "1:5 a mapping cannot start on the '---' line; put it on the next line");
  CHECK(lint("- !!str, x\n") == "1:8 a tag cannot hold ','");
  CHECK(lint("a: !<!> x\n") == "1:4 '!<!>' is no tag: a verbatim tag cannot be '!'");
  CHECK(lint("- key: value\n - item\n") == "2:2 this line is indented past the list's '-' but short of its item's content");
  CHECK(lint("[ key\n  : value ]\n") ==
        "2:3 an implicit key in a flow sequence must be on one line; put ':' after it or write '? key'");
}

TEST_CASE("valid YAML stays valid: what the checks allow", "[yaml][lint]") {
  for (const char* ok : {"a: b # c\n", "a: \"x\\ty \\u00e9\"\n", "a: 'it''s'\n", "a: [b, c, ]\n", "a:\n- b\n- c\nd: e\n",
                         "a: |\n  text\n\n  more\nb: c\n", "[a]: b\n", "a: \"long\n  text\"\n", "- a#b\n",
                         "? a\n: b\n", "a:\n  b: c\n  d:\n  - e\n", "url: http://example.org/#x\n"}) {
    INFO(ok);
    CHECK(lint(ok) == "ok");
  }
}

TEST_CASE("every syntax problem of a file is reported, one for each item that has one", "[yaml][lint]") {
  CHECK(report("events:\n"
                "  - {id: a, title: \"A\\q\", date: 2015}\n"
                "  - {id: b, title: B, date: 2015}\n"
                "  - {id: c, title: [ , x], date: 2015}\n") ==
        "input:2:22: error: '\\q' is no escape of a double-quoted scalar [yaml-syntax]\n"
        "input:4:22: error: an empty entry in a flow collection: ',' right after its opening bracket [yaml-syntax]\n"
        "2 errors, 0 warnings\n");
  // With a list at the top, too.
  CHECK(report("- \"x\\q\"\n- ok\n- [ , 1]\n") ==
        "input:1:5: error: '\\q' is no escape of a double-quoted scalar [yaml-syntax]\n"
        "input:3:5: error: an empty entry in a flow collection: ',' right after its opening bracket [yaml-syntax]\n"
        "2 errors, 0 warnings\n");
}

TEST_CASE("'!!str' tags a text: on a mapping or a list it is refused", "[yaml]") {
  CHECK(report("events: []\nactors: !!str {a: b}\n") ==
        "input:2:9: error: '!!str' tags a text, not a mapping [schema]\n1 error, 0 warnings\n");
}
