#include "annals/causes.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "cli_run.hpp"
#include "timeline_builder.hpp"

using namespace annals;
using annals::test::in_month;
using annals::test::on;
using annals::test::timeline_builder;

namespace {

// The seed chronology's links, built in code.
timeline seed() {
  timeline_builder b;
  b.add("putin-tehran-2015", on(2015, 11, 23), "November 23rd").title = "Putin visits Tehran for the GECF summit";
  b.add("ban-lifted", on(2015, 11, 23), "November 23rd").title = "Decree lifts the ban on supplying goods to Iran";
  b.add("credit-line", in_month(2015, 11), "November 2015").title = "Russia opens a $5 billion credit line";
  b.add("bombers-escorted", on(2015, 11, 20), "2015-11-20").title = "Iranian jets escort Russian bombers";
  b.add("s300-delivery", in_month(2015, 12), "December 2015").title = "S-300 deliveries begin";
  b.link("ban-lifted", link_kind::caused_by, "putin-tehran-2015");
  b.link("putin-tehran-2015", link_kind::enables, "credit-line");
  b.link("putin-tehran-2015", link_kind::responds_to, "bombers-escorted");
  b.link("ban-lifted", link_kind::causes, "s300-delivery");
  b.link("s300-delivery", link_kind::after, "credit-line");  // orders only: not followed
  return b.build();
}

std::vector<causal_node> nodes(const timeline& tl, std::string_view root, causal_direction d) {
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  return trace_causal(tl, *lookup_event(tl, root).index, d, ch).nodes;
}

}  // namespace

TEST_CASE("why follows causal links backwards from either end of the link", "[causes]") {
  const timeline tl = seed();
  CHECK(nodes(tl, "s300-delivery", causal_direction::causes) ==
        std::vector<causal_node>{{1, 1, link_kind::caused_by}, {0, 2, link_kind::caused_by},
                                 {3, 3, link_kind::responds_to}});
}

TEST_CASE("effects follow causal links forwards, siblings in chronological order", "[causes]") {
  const timeline tl = seed();
  CHECK(nodes(tl, "bombers-escorted", causal_direction::effects) ==
        std::vector<causal_node>{{0, 1, link_kind::responds_to}, {1, 2, link_kind::causes},
                                 {4, 3, link_kind::causes}, {2, 2, link_kind::enables}});
}

TEST_CASE("the causal tree prints as an indented tree with dates and link kinds", "[causes]") {
  const timeline tl = seed();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  const causal_tree tree = trace_causal(tl, 4, causal_direction::causes, ch);
  CHECK(format_causal_text(tl, tree, ch) ==
        "s300-delivery  Dec 2015  S-300 deliveries begin\n"
        "  caused by ban-lifted  23 Nov 2015  Decree lifts the ban on supplying goods to Iran\n"
        "    caused by putin-tehran-2015  23 Nov 2015  Putin visits Tehran for the GECF summit\n"
        "      responds to bombers-escorted  20 Nov 2015  Iranian jets escort Russian bombers\n");
  CHECK(format_causal_json(tl, tree) ==
        R"({
  "root": "s300-delivery",
  "nodes": [
    {
      "id": "ban-lifted",
      "depth": 1,
      "via": "caused_by",
      "words": "caused by"
    },
    {
      "id": "putin-tehran-2015",
      "depth": 2,
      "via": "caused_by",
      "words": "caused by"
    },
    {
      "id": "bombers-escorted",
      "depth": 3,
      "via": "responds_to",
      "words": "responds to"
    }
  ]
}
)");
}

TEST_CASE("a narrowed date shows its inferred bounds beside the stated one", "[causes]") {
  timeline_builder b;
  b.add("visit", on(2015, 11, 23), "November 23rd").title = "Visit";
  b.add("credit", in_month(2015, 11), "November 2015").title = "Credit";
  b.link("credit", link_kind::enabled_by, "visit");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(format_causal_text(tl, trace_causal(tl, 0, causal_direction::effects, ch), ch) ==
        "visit  23 Nov 2015  Visit\n"
        "  enabled credit  Nov 2015 (inferred 23–30 Nov 2015)  Credit\n");
}

TEST_CASE("an event reached twice appears once, at its least depth", "[causes]") {
  timeline_builder b;
  b.add("a", on(2015, 1, 1), "2015-01-01");
  b.add("b", on(2015, 1, 2), "2015-01-02");
  b.add("c", on(2015, 1, 3), "2015-01-03");
  b.add("d", on(2015, 1, 4), "2015-01-04");
  b.link("a", link_kind::causes, "b").link("a", link_kind::causes, "c");
  b.link("d", link_kind::caused_by, "b").link("c", link_kind::causes, "d").link("a", link_kind::causes, "d");
  const timeline tl = b.build();
  CHECK(nodes(tl, "d", causal_direction::causes) ==
        std::vector<causal_node>{{0, 1, link_kind::caused_by}, {1, 1, link_kind::caused_by},
                                 {2, 1, link_kind::caused_by}});
  CHECK(nodes(tl, "a", causal_direction::effects) ==
        std::vector<causal_node>{{1, 1, link_kind::causes}, {2, 1, link_kind::causes}, {3, 1, link_kind::causes}});
}

TEST_CASE("a cycle of causes ends the walk instead of looping", "[causes]") {
  timeline_builder b;
  b.add("a", on(2015, 1, 1), "2015-01-01");
  b.add("b", on(2015, 1, 1), "2015-01-01");
  b.link("a", link_kind::causes, "b").link("b", link_kind::causes, "a");
  const timeline tl = b.build();
  CHECK(nodes(tl, "a", causal_direction::causes) == std::vector<causal_node>{{1, 1, link_kind::caused_by}});
}

TEST_CASE("an unknown id is an error that suggests the nearest id", "[causes]") {
  const timeline tl = seed();
  SECTION("a near miss gets a suggestion") {
    const event_lookup got = lookup_event(tl, "putin-tehran-2051");
    CHECK_FALSE(got.index);
    CHECK(got.error == "unknown event 'putin-tehran-2051', did you mean 'putin-tehran-2015'?");
  }
  SECTION("nothing near gets none") {
    CHECK(lookup_event(tl, "zzz").error == "unknown event 'zzz'");
  }
  SECTION("a known id is found") {
    CHECK(lookup_event(tl, "credit-line").index == std::optional<std::uint32_t>{2});
  }
}

namespace {

// "e<i>"; appended, not "e" + ...: GCC 12 warns falsely on that.
std::string id_of(int i, std::string_view prefix = "e") {
  std::string id(prefix);
  id += std::to_string(i);
  return id;
}

// e0 caused e1 caused ... e(n-1): a chain of causes n events long, a day apart.
timeline chain(int n) {
  timeline_builder b;
  for (int i = 0; i < n; ++i) {
    b.add(id_of(i), on(2015, 1, 1 + static_cast<unsigned>(i)), id_of(1 + i, "Jan ")).title = "t";
    if (i > 0) b.link(id_of(i), link_kind::caused_by, id_of(i - 1));
  }
  return b.build();
}

}  // namespace

TEST_CASE("past sixteen levels a tree line stops indenting and names its depth", "[causes]") {
  const timeline tl = chain(19);
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  const std::string text = format_causal_text(tl, trace_causal(tl, 18, causal_direction::causes, ch), ch);
  const std::string deepest(2 * max_indented_depth, ' ');
  CHECK(text.find("\n" + deepest + "caused by e2  3 Jan 2015  t\n" + deepest +
                  "[depth 17] caused by e1  2 Jan 2015  t\n" + deepest + "[depth 18] caused by e0  1 Jan 2015  t\n") !=
        std::string::npos);
  CHECK(text.find(deepest + " ") == std::string::npos);  // never deeper than sixteen levels

  SECTION("effects alike") {
    const std::string down = format_causal_text(tl, trace_causal(tl, 0, causal_direction::effects, ch), ch);
    CHECK(down.find("\n" + deepest + "[depth 18] caused e18  19 Jan 2015  t\n") != std::string::npos);
  }
  SECTION("json keeps the depth as a number, with no indentation to cap") {
    const std::string json = format_causal_json(tl, trace_causal(tl, 18, causal_direction::causes, ch));
    CHECK(json.find("\"id\": \"e0\",\n      \"depth\": 18,\n      \"via\": \"caused_by\",\n      \"words\": \"caused by\"\n    }\n  ]\n}\n") !=
          std::string::npos);
  }
}

TEST_CASE("a tree with no nodes is the root alone, in text and json", "[causes]") {
  const timeline tl = chain(2);
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  const causal_tree tree = trace_causal(tl, 0, causal_direction::causes, ch);
  CHECK(format_causal_text(tl, tree, ch) == "e0  1 Jan 2015  t\n");
  CHECK(format_causal_json(tl, tree) == "{\n  \"root\": \"e0\",\n  \"nodes\": []\n}\n");
}

TEST_CASE("a chain of 100,000 causes gives why, effects and a postmortem linear in it, in bounded memory",
          "[causes][cli]") {
  constexpr int n = 100'000;
  annals::testing::cli_dir dir("causes-deep-chain");
  const std::string file = dir / "chain.yaml", out = dir / "out", err = dir / "err";
  {
    // e0 caused e1 caused ... e99999, the impact start: some 9 MB.
    std::ofstream yaml(file);
    yaml << "timeline: chain\nevents:\n";
    for (int i = 0; i < n; ++i) {
      yaml << "  - id: e" << i << "\n    title: Step " << i << "\n    date: 2019-07-02T13:42Z\n";
      if (i > 0) yaml << "    caused_by: [e" << i - 1 << "]\n";
    }
    yaml << "    milestone: impact_start\n";
  }
  // 1 GiB of address space: the quadratic output took 4 GB before it aborted.
  const std::string limit = annals::testing::sanitized ? "" : "ulimit -v 1048576; ";
  const std::string last = id_of(n - 1), deepest(2 * max_indented_depth, ' ');
  const std::pair<std::string, std::string> runs[] = {
      {"why '" + file + "' " + last,
       "\n" + deepest + "[depth 99999] caused by e0  2 Jul 2019 13:42 UTC  Step 0\n"},
      {"why --format json '" + file + "' " + last, "\"id\": \"e0\",\n      \"depth\": 99999,"},
      {"effects '" + file + "' e0", "\n" + deepest + "[depth 17] caused e17  2 Jul 2019 13:42 UTC  Step 17\n"},
      {"effects --format json '" + file + "' e0", "\"id\": \"" + last + "\",\n      \"depth\": 99999,"},
      {"render --format postmortem '" + file + "'",
       "\n" + std::string(2 * max_indented_depth - 2, ' ') + "- [depth 17] **2 Jul 2019 13:42 UTC"},
  };
  for (const auto& [args, line] : runs) {
    INFO("annals " << args);
    REQUIRE(annals::testing::run_sh(limit + "\"$ANNALS\" " + args + " >'" + out + "' 2>'" + err + "'") == 0);
    const std::string text = annals::testing::cli_slurp(out);
    CHECK(text.size() < std::size_t{200} * n);
    CHECK(std::count(text.begin(), text.end(), '\n') >= n);
    CHECK(text.find(deepest + " ") == std::string::npos);  // never indented past sixteen levels
    CHECK(text.find(line) != std::string::npos);
  }
}
