#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "annals/arena.hpp"
#include "annals/event.hpp"

using namespace annals;

TEST_CASE("what an arena stores keeps its address when the arena moves or is adopted", "[arena]") {
  arena a;
  std::string text = "Putin visits Tehran";
  const std::string_view stored = a.store(text);
  text.assign(text.size(), 'x');  // the arena holds a copy
  const stored_list<symbol> list = a.store({1u, 2u, 3u});
  const std::string big(200 * 1024, 'b');  // past a quarter block: a block of its own
  const std::string_view stored_big = a.store(big);

  arena moved = std::move(a);
  arena whole;
  whole.store("before");
  whole.adopt(std::move(moved));
  CHECK(stored == "Putin visits Tehran");
  CHECK(stored_big == big);
  REQUIRE(list.size() == 3);
  CHECK(list[0] == 1);
  CHECK(list[2] == 3);
  CHECK(whole.reserved() >= big.size());
}

TEST_CASE("an arena aligns each list for its type", "[arena]") {
  arena a;
  for (int i = 0; i < 1000; ++i) {
    a.store("odd");
    const stored_list<annals::link> links = a.store({annals::link{link_kind::after, 7, {0, 1, 2}}});
    CHECK(reinterpret_cast<std::uintptr_t>(links.begin()) % alignof(annals::link) == 0);
    CHECK(links.front().target == 7);
  }
}

TEST_CASE("stored lists and references compare by content", "[arena]") {
  arena a, b;
  CHECK(a.store({4u, 5u}) == b.store({4u, 5u}));
  CHECK_FALSE(a.store({4u, 5u}) == b.store({4u}));
  CHECK(stored_list<symbol>() == b.store(std::span<const symbol>()));
  CHECK(a.append(a.store({4u}), 5u) == b.store({4u, 5u}));
  const relative_date r{relative_date::relation::after, 3, std::nullopt};
  CHECK(a.store_one(r) == b.store_one(r));
  CHECK_FALSE(a.store_one(r) == stored_ref<relative_date>());
  CHECK(stored_ref<relative_date>() == stored_ref<relative_date>());
}
