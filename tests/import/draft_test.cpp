#include <catch2/catch.hpp>

#include "import/draft.hpp"

using namespace annals;

TEST_CASE("ids are made from titles, short, valid and never given twice", "[draft]") {
  draft d;
  CHECK(d.unique_id("Putin visits Tehran") == "putin-visits-tehran");
  CHECK(d.unique_id("Putin visits Tehran!") == "putin-visits-tehran-2");
  CHECK(d.unique_id("Putin's visit") == "putins-visit");
  CHECK(d.unique_id("«»", "slide") == "slide");
  CHECK(d.unique_id("") == "event");
  CHECK(d.unique_id("The Gas Exporting Countries Forum summit in Tehran opens on Monday").size() <= 40);
}

TEST_CASE("a producer's own ids are kept when they are valid and new", "[draft]") {
  draft d;
  CHECK(d.keep_id("q42") == "q42");
  CHECK(d.keep_id("q42") == "q42-2");
  CHECK(d.keep_id("Event 7") == "event-7");
  CHECK(d.keep_id("040000008200E00074C5B7101A82E008@calendar") == "040000008200e00074c5b7101a82e008-calendar");
}
