#include <catch2/catch.hpp>

#include <string>

#include "pattern.hpp"

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
