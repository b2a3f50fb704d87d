// dot on time (issue 23): events ranked by their order, a time spine at round values,
// titles wrapped, each link once from the earlier event to the later.

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "annals/memory_reader.hpp"
#include "annals/render.hpp"
#include "annals/validate.hpp"
#include "output/render_common.hpp"

using namespace annals;

namespace {

// What a dot file draws, read back from its text.
struct drawing {
  std::map<std::string, std::size_t> rank;       // event id -> its rank (the spine node it is ranked with)
  std::map<std::size_t, std::string> tick;       // rank -> the spine's label there ("" for none)
  std::map<std::size_t, bool> dashed;            // rank -> the spine runs dashed into it (time left out)
  std::map<std::string, std::string> label;      // event id -> its label, lines joined by '\n'
  std::vector<std::string> edges;                // the links' edge lines, as written
  std::vector<std::vector<std::string>> boxes;   // the events of each cluster
};

// The quoted DOT string starting at `at` (its opening quote), unescaped; `at` moves past it.
std::string quoted(const std::string& s, std::size_t& at) {
  REQUIRE(s[at] == '"');
  std::string out;
  for (++at; at < s.size() && s[at] != '"'; ++at) {
    if (s[at] == '\\') {
      ++at;
      out += s[at] == 'n' ? '\n' : s[at];
    } else {
      out += s[at];
    }
  }
  ++at;
  return out;
}

std::size_t tick_number(const std::string& id) {
  REQUIRE(id.rfind("tick:", 0) == 0);
  return std::stoul(id.substr(5));
}

drawing read_dot(const std::string& dot) {
  drawing d;
  std::istringstream lines(dot);
  std::string line;
  bool boxed = false;
  while (std::getline(lines, line)) {
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    if (line.find("subgraph \"cluster:") != std::string::npos) {
      boxed = true;
      d.boxes.emplace_back();
      continue;
    }
    if (line == "  }") boxed = false;
    if (line.rfind("  { rank=same; ", 0) == 0) {
      std::size_t at = line.find('"');
      const std::size_t r = tick_number(quoted(line, at));
      while ((at = line.find('"', at)) != std::string::npos) d.rank[quoted(line, at)] = r;
      continue;
    }
    if (line[first] != '"') continue;
    std::size_t at = first;
    const std::string id = quoted(line, at);
    if (line.compare(at, 4, " -> ") == 0) {
      at += 4;
      const std::string to = quoted(line, at);
      if (id.rfind("tick:", 0) == 0) {
        if (to.rfind("tick:", 0) == 0) d.dashed[tick_number(to)] = line.find("style=dashed") != std::string::npos;
      } else {
        d.edges.push_back(line.substr(first));
      }
      continue;
    }
    const std::size_t l = line.find("[label=", at);
    if (l == std::string::npos) continue;
    std::size_t from = l + 7;
    const std::string text = quoted(line, from);
    if (id.rfind("tick:", 0) == 0) {
      d.tick[tick_number(id)] = text;
    } else {
      d.label[id] = text;
      if (boxed) d.boxes.back().push_back(id);
    }
  }
  return d;
}

std::string dot_of(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  const validation v = validate({"input"}, reader, {});
  for (const diagnostic& g : v.diagnostics) {
    INFO(g.message);
    REQUIRE(g.level != severity::error);
  }
  const auto out = render_to_string("dot", v.loaded.tl, v.chron, {});
  REQUIRE(out);
  return *out;
}

// Seven events of one afternoon, minutes apart, written out of order.
constexpr const char* afternoon = R"(timeline: outage
timezone: UTC
events:
  - {id: e5, title: Five, date: 2019-07-02T14:09Z}
  - {id: e1, title: One, date: 2019-07-02T13:42Z}
  - {id: e7, title: Seven, date: 2019-07-02T14:52Z}
  - {id: e3, title: Three, date: 2019-07-02T14:02Z}
  - {id: e2, title: Two, date: 2019-07-02T13:45Z}
  - {id: e6, title: Six, date: 2019-07-02T14:31Z}
  - {id: e4, title: Four, date: 2019-07-02T14:07Z}
)";

}  // namespace

TEST_CASE("dot puts seven events of one day, 13:42 to 14:52, on seven ranks in their order", "[render][dot]") {
  const drawing d = read_dot(dot_of(afternoon));
  REQUIRE(d.rank.size() == 7);
  for (int k = 1; k < 7; ++k) {
    INFO("e" << k << " before e" << k + 1);
    CHECK(d.rank.at("e" + std::to_string(k)) < d.rank.at("e" + std::to_string(k + 1)));
  }
}

TEST_CASE("the dot spine is ticked at round times, each tick on the rank of the first event at or after it",
          "[render][dot]") {
  // By hand: seven ranks allow five ticks; minutes repeat the events' own times, 5 minutes
  // give six ticks (13:40 13:45 14:00 14:05 14:30 14:50), 10 minutes four.
  const drawing d = read_dot(dot_of(afternoon));
  CHECK(d.tick.at(d.rank.at("e1")) == "2 Jul 2019 13:40 UTC");
  CHECK(d.tick.at(d.rank.at("e2")).empty());
  CHECK(d.tick.at(d.rank.at("e3")) == "2 Jul 2019 14:00 UTC");
  CHECK(d.tick.at(d.rank.at("e4")).empty());
  CHECK(d.tick.at(d.rank.at("e5")).empty());
  CHECK(d.tick.at(d.rank.at("e6")) == "2 Jul 2019 14:30 UTC");
  CHECK(d.tick.at(d.rank.at("e7")) == "2 Jul 2019 14:50 UTC");
  // Dashed where ten-minute stretches with no event are left out (13:50; 14:10 and 14:20; 14:40).
  CHECK(d.dashed.at(d.rank.at("e3")));
  CHECK_FALSE(d.dashed.at(d.rank.at("e4")));
  CHECK(d.dashed.at(d.rank.at("e6")));
  CHECK(d.dashed.at(d.rank.at("e7")));
}

TEST_CASE("the dot spine counts years before Christ as they are written: 760 BC, 510 BC, 50 BC", "[render][dot]") {
  // By hand: six ranks allow five ticks; 2 and 5 years give six, 10 years five: 753 BC lies
  // in 760-751 BC, 509 BC in 510-501 BC, 49 and 44 BC in 50-41 BC, AD 79 in AD 70-79.
  const drawing d = read_dot(dot_of(R"(timeline: rome
events:
  - {id: founding, title: Founding, date: 753 BC}
  - {id: republic, title: Republic, date: 509 BC}
  - {id: rubicon, title: Rubicon, date: 49 BC}
  - {id: ides, title: Ides, date: 44 BC}
  - {id: vesuvius, title: Vesuvius, date: AD 79}
  - {id: fall, title: Fall, date: AD 476}
)"));
  CHECK(d.tick.at(d.rank.at("founding")) == "760 BC");
  CHECK(d.tick.at(d.rank.at("republic")) == "510 BC");
  CHECK(d.tick.at(d.rank.at("rubicon")) == "50 BC");
  CHECK(d.tick.at(d.rank.at("ides")).empty());
  CHECK(d.tick.at(d.rank.at("vesuvius")) == "AD 70");
  CHECK(d.tick.at(d.rank.at("fall")) == "AD 470");
}

TEST_CASE("dot lets events whose order is uncertain share a rank, and a link orders them", "[render][dot]") {
  // A day holds 14:00; c. 1500 may be 1499 to 1501, so 1501 may come before it, 1503 not.
  const std::string dates = R"(timeline: t
timezone: UTC
events:
  - {id: day, title: Day, date: 2019-07-02}
  - {id: afternoon, title: Afternoon, date: 2019-07-02T14:00Z}
  - {id: about, title: About, date: c. 1500}
  - {id: after, title: After, date: 1501}
  - {id: later, title: Later, date: 1503}
)";
  const drawing d = read_dot(dot_of(dates));
  CHECK(d.rank.at("day") == d.rank.at("afternoon"));
  CHECK(d.rank.at("about") == d.rank.at("after"));
  CHECK(d.rank.at("after") < d.rank.at("later"));

  const drawing linked = read_dot(dot_of(dates + R"(  - {id: reply, title: Reply, date: 2019-07-02T14:00Z, responds_to: [afternoon]}
)"));
  CHECK(linked.rank.at("day") == linked.rank.at("afternoon"));
  CHECK(linked.rank.at("afternoon") < linked.rank.at("reply"));
}

TEST_CASE("dot boxes a large group of events in no known order, a few to a rank", "[render][dot]") {
  const drawing d = read_dot(dot_of(R"(timeline: t
events:
  - {id: a, title: A, date: 2019-07-12}
  - {id: b, title: B, date: 2019-07-12}
  - {id: c, title: C, date: 2019-07-12}
  - {id: d, title: D, date: 2019-07-12}
  - {id: e, title: E, date: 2019-07-12}
)"));
  REQUIRE(d.boxes.size() == 1);
  CHECK(d.boxes[0] == std::vector<std::string>{"a", "b", "c", "d", "e"});
  std::map<std::size_t, int> per_rank;
  for (const auto& [id, r] : d.rank) ++per_rank[r];
  CHECK(per_rank.size() == 2);
  for (const auto& [r, n] : per_rank) CHECK(n <= 3);
  // The spine is ticked once, where the group begins (at a month: days would repeat the dates).
  CHECK(d.tick.at(d.rank.at("a")) == "Jul 2019");
}

TEST_CASE("dot wraps titles and dates into narrow nodes", "[render][dot]") {
  const std::string title =
      "Change the procedure to roll rules out in stages, as other software is, keeping emergency global "
      "deployment for active attacks";
  const drawing d = read_dot(dot_of("timeline: t\nevents:\n  - {id: long, title: \"" + title +
                                    "\", date: 2019-07-12}\n  - {id: ides, title: Ides, date: {on: 15 March 44 BC, "
                                    "calendar: julian}}\n"));
  std::vector<std::string> lines;
  std::istringstream in(d.label.at("long"));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() >= 5);
  CHECK(lines.back() == "12 Jul 2019");
  std::string words;
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    INFO(lines[k]);
    CHECK(display_width(lines[k]) <= 28);
    words += (words.empty() ? "" : " ") + lines[k];
  }
  CHECK(words == title);
  // A date in two calendars breaks between them.
  CHECK(d.label.at("ides") == "Ides\n15 Mar 44 BC (Julian)\n= 13 Mar 44 BC");
}

TEST_CASE("dot draws each linked pair once, from the earlier event to the later, in the order", "[render][dot]") {
  // a causes b, written on both, and b is also after a: one arrow, the cause's.
  const drawing d = read_dot(dot_of(R"(timeline: t
events:
  - {id: b, title: B, date: 2015-11-24, caused_by: [a], after: [a]}
  - {id: a, title: A, date: 2015-11-23, causes: [b]}
  - {id: c, title: C, date: 2015-11-25, part_of: whole}
  - {id: whole, title: Whole, date: 2015-11-20/2015-11-30}
)"));
  CHECK(d.edges == std::vector<std::string>{
                       R"("whole" -> "c" [style=dotted, dir=back, arrowtail=odiamond, label="has part"];)",
                       R"("a" -> "b" [color="#b03a2e", label="caused"];)",
                   });
}

TEST_CASE("dot ranks undated events last, under the spine's Undated, in the order their links give", "[render][dot]") {
  // c and d have no bound at all; e is undated too, and responds to c.
  const drawing d = read_dot(dot_of(R"(timeline: t
events:
  - {id: c, title: C, date: {during: d}}
  - {id: d, title: D, date: {before: c}}
  - {id: e, title: E, date: {during: d}, responds_to: [c]}
  - {id: dated, title: Dated, date: 2015-11-23}
)"));
  CHECK(d.rank.at("dated") < d.rank.at("c"));
  CHECK(d.tick.at(d.rank.at("c")) == "Undated");
  CHECK(d.dashed.at(d.rank.at("c")));
  CHECK(d.rank.at("c") < d.rank.at("e"));
  CHECK(d.tick.at(d.rank.at("e")).empty());
}
