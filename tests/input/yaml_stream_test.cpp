#include <catch2/catch.hpp>

#include <string>

#include "input/yaml_stream.hpp"

using namespace annals;

namespace {

// The error that stops reading `text`, as "line:column: [code] message"; "" when none.
std::string first_error(const std::string& text) {
  yaml_sink sink;
  sink.header = [](record, record) {};
  sink.event = [](record) {};
  const auto errors = read_yaml(text, {}, sink);
  if (errors.empty()) return "";
  const yaml_error& e = errors.front();
  return std::to_string(e.line) + ":" + std::to_string(e.column) + ": [" + e.code + "] " + e.message;
}

// A mapping of `n` keys k0..k(n-1) under `events:`'s first item, then `extra`.
std::string event_with_keys(int n, const std::string& extra) {
  std::string text = "events:\n  - k0: 0\n";
  for (int i = 1; i < n; ++i) text += "    k" + std::to_string(i) + ": 0\n";
  return text + extra;
}

}  // namespace

TEST_CASE("a duplicate key names its first line, in small and big mappings alike", "[yaml]") {
  SECTION("at the top level") {
    CHECK(first_error("title: a\ntitle: b\n") == "2:1: [duplicate-key] duplicate key 'title' (first at line 1)");
  }
  SECTION("in an event of a few keys") {
    CHECK(first_error(event_with_keys(8, "    k3: 1\n")) ==
          "10:5: [duplicate-key] duplicate key 'k3' (first at line 5)");
  }
  SECTION("in a mapping of exactly as many keys as are scanned, then one more") {
    CHECK(first_error(event_with_keys(16, "    k0: 1\n")) ==
          "18:5: [duplicate-key] duplicate key 'k0' (first at line 2)");
  }
  SECTION("in a mapping big enough to be hashed") {
    CHECK(first_error(event_with_keys(40, "    k39: 1\n")) ==
          "42:5: [duplicate-key] duplicate key 'k39' (first at line 41)");
    CHECK(first_error(event_with_keys(40, "    k2: 1\n")) ==
          "42:5: [duplicate-key] duplicate key 'k2' (first at line 4)");
  }
  SECTION("distinct keys are no error, however many") {
    CHECK(first_error(event_with_keys(100, "")) == "");
  }
}

TEST_CASE("events reach the sink whole, whatever the size of their siblings", "[yaml]") {
  // Sizes reserved from one sibling must not leak into the next one's content.
  std::string text = "events:\n";
  for (int i = 0; i < 5; ++i) {
    text += "  - id: e" + std::to_string(i) + "\n";
    for (int k = 0; k < i * 7; ++k) text += "    k" + std::to_string(k) + ": [a, b]\n";
  }
  std::vector<std::size_t> sizes;
  yaml_sink sink;
  sink.header = [](record, record) {};
  sink.event = [&](record item) {
    sizes.push_back(item.children.size());
    for (std::size_t i = 3; i < item.children.size(); i += 2) CHECK(item.children[i].children.size() == 2);
  };
  CHECK(read_yaml(text, {}, sink).empty());
  CHECK(sizes == std::vector<std::size_t>{2, 16, 30, 44, 58});
}
