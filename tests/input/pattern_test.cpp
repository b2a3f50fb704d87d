#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "input/pattern.hpp"

using namespace annals;

TEST_CASE("a pattern matches short and long texts alike", "[pattern]") {
  const schema_pattern id("^[a-z0-9][a-z0-9._-]*$");
  const schema_pattern date("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  const schema_pattern inner("b+c");
  for (std::size_t length : {1, 2, 127, 128, 129, 1000}) {
    const std::string ok = "a" + std::string(length - 1, '-');
    CHECK(id.matches(ok));
    CHECK_FALSE(id.matches(ok + "A"));
    CHECK_FALSE(id.matches("-" + ok));
    CHECK(inner.matches(std::string(length, 'a') + "bbc" + std::string(length, 'a')));
    CHECK_FALSE(inner.matches(std::string(length, 'a') + "c"));
  }
  CHECK(date.matches("2020-06-15"));
  CHECK_FALSE(date.matches("2020-6-15"));
  CHECK_FALSE(id.matches(""));
}

TEST_CASE("a pattern agrees with std::regex on every short text of a small alphabet", "[pattern]") {
  // Greedy-decidable patterns and ones that need the general match alike.
  const std::vector<std::string> patterns = {
      "^[a-z0-9][a-z0-9._-]*$", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^a*b?c+$", "^a*ab$", "^[ab]*b$",
      "^a{1,2}b{0,2}a$", "^a?a?b", "ab*c", "^.a*$", "^[^a]+a{2,}$", "^b*a*b*$", "^a-?b$"};
  const std::string alphabet = "ab-c1";
  for (const std::string& source : patterns) {
    const schema_pattern pattern(source);
    const std::regex oracle(source, std::regex::ECMAScript);
    std::string text;
    // Every text of up to 5 characters: counting in base 5 with the lengths in turn.
    for (std::size_t length = 0; length <= 5; ++length) {
      std::size_t count = 1;
      for (std::size_t i = 0; i < length; ++i) count *= alphabet.size();
      for (std::size_t k = 0; k < count; ++k) {
        text.assign(length, ' ');
        for (std::size_t i = 0, rest = k; i < length; ++i, rest /= alphabet.size()) text[i] = alphabet[rest % alphabet.size()];
        INFO(source << " on '" << text << "'");
        CHECK(pattern.matches(text) == std::regex_search(text, oracle));
      }
    }
  }
}
