#include <catch2/catch.hpp>

#include <string>

#include "annals/names.hpp"

using namespace annals;

TEST_CASE("interning gives each name one symbol, in the order names were first seen", "[names]") {
  name_table names;
  CHECK_FALSE(names.find("a"));
  for (int i = 0; i < 10000; ++i) CHECK(names.intern("n" + std::to_string(i)) == static_cast<symbol>(i));
  CHECK(names.intern("") == 10000);
  CHECK(names.size() == 10001);
  for (int i = 0; i < 10000; i += 37) {
    const std::string n = "n" + std::to_string(i);
    CHECK(names.intern(n) == static_cast<symbol>(i));
    CHECK(names.find(n) == static_cast<symbol>(i));
    CHECK(names.name(static_cast<symbol>(i)) == n);
  }
  CHECK(names.find("") == 10000u);
  CHECK_FALSE(names.find("n10000"));
  CHECK(names.name(no_symbol).empty());

  SECTION("a copy and a reserved table find the same symbols") {
    name_table copy = names;
    copy.reserve(100000);
    CHECK(copy.size() == names.size());
    CHECK(copy.find("n9999") == 9999u);
    CHECK(copy.intern("new") == 10001);
    CHECK_FALSE(names.find("new"));
  }
  SECTION("views of names stay valid while the table grows") {
    const std::string_view first = names.name(0);
    for (int i = 0; i < 50000; ++i) names.intern("m" + std::to_string(i));
    CHECK(first == "n0");
  }
}
