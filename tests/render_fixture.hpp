#pragma once

// A timeline built in memory for the render tests: every kind of date label, links,
// inferred bounds, an uncertain order, a long gap, and hostile text in every field.

#include <algorithm>
#include <numeric>

#include "annals/order.hpp"
#include "annals/timeline.hpp"
#include "render_common.hpp"

namespace annals::testing {

inline instant day(std::int64_t y, unsigned m, unsigned d) { return from_civil(y, m, d); }
inline instant before(instant t) { return t - std::chrono::seconds{1}; }

struct fixture {
  timeline tl;
  chronology chron;
};

inline fixture make_fixture() {
  fixture f;
  timeline& tl = f.tl;
  name_table& n = tl.names;
  tl.files.push_back({"fixture.yaml", n.intern("fixture"), "Fixture: Russia and Iran, November 2015",
                      std::chrono::sys_days{std::chrono::year{2015} / 11 / 25}, "Asia/Tehran", {}});
  tl.actors.push_back({n.intern("putin"), "Vladimir Putin", "", {}});
  tl.actors.push_back({n.intern("rouhani"), "Hassan Rouhani", "", {}});
  tl.places.push_back({n.intern("tehran"), "Tehran", "Iran", {}});
  tl.sources.push_back({n.intern("seed"), "Putin's visit to Tehran", "https://example.org/article?a=1&b=(2)", "", {}});
  tl.sources.push_back({n.intern("evil"), "<b>bold</b> [source]", "javascript:alert(1)", "", {}});

  const auto add = [&](std::string id, std::string title, std::string text, instant first, instant last,
                       precision p) -> event& {
    event e;
    e.id = n.intern(id);
    e.title = tl.store.store(title);
    e.date_text = tl.store.store(text);
    e.date.earliest = first;
    e.date.latest = last;
    e.date.prec = p;
    tl.events.push_back(std::move(e));
    return tl.events.back();
  };
  {
    event& e = add("putin-tehran-2007", "Putin attends the Caspian summit in Tehran", "2007-10-16", day(2007, 10, 16),
                   before(day(2007, 10, 17)), precision::day);
    e.kind = n.intern("visit");
    e.actors = tl.store.store({n.intern("putin")});
    e.place = n.intern("tehran");
  }
  {
    event& e = add("putin-tehran-2015", "Putin visits Tehran for the GECF summit", "November 23rd", day(2015, 11, 23),
                   before(day(2015, 11, 24)), precision::day);
    e.kind = n.intern("visit");
    e.actors = tl.store.store({n.intern("putin"), n.intern("rouhani")});
    e.place = n.intern("tehran");
    e.sources = tl.store.store({n.intern("seed")});
    e.tags = tl.store.store({n.intern("energy")});
  }
  {
    event& e = add("ban-lifted", "Decree lifts the ban, \"on goods\"; with a back\\slash", "November 23rd",
                   day(2015, 11, 23), before(day(2015, 11, 24)), precision::day);
    e.links = tl.store.store({link{link_kind::caused_by, n.intern("putin-tehran-2015"), {}}});
    e.sources = tl.store.store({n.intern("evil")});
  }
  add("caesar", "Caesar is killed", "44 BC", day(-43, 1, 1), before(day(-42, 1, 1)), precision::year);
  {
    event& e = add("script", "<script>alert(1)</script>", "c. 1500", day(1499, 1, 1), before(day(1502, 1, 1)),
                   precision::year);
    e.date.approximate = true;
  }
  {
    event& e = add("img", "\"><img src=x onerror=alert(1)>", "mid-December 2015", day(2015, 12, 11),
                   before(day(2015, 12, 21)), precision::day);
    e.kind = n.intern("<kind>");
  }
  {
    event& e = add("week", "=HYPERLINK(\"http://x\")", "the past week", day(2015, 11, 18), before(day(2015, 11, 26)),
                   precision::day);
    e.date.interval = true;
    e.description = "Commas, semicolons; and\nnewlines \\ backslashes: all inert.";
  }
  {
    event& e = add("talks", "Talks begin", "2015-11-23T14:00", day(2015, 11, 23) + std::chrono::hours{10} +
                                                                std::chrono::minutes{30},
                   day(2015, 11, 23) + std::chrono::hours{10} + std::chrono::minutes{31} - std::chrono::seconds{1},
                   precision::minute);
    e.links = tl.store.store({link{link_kind::part_of, n.intern("putin-tehran-2015"), {}}});
  }
  {
    event& e = add("deal", "Gas deal signed after the visit", "November 2015", day(2015, 11, 1),
                   before(day(2015, 12, 1)), precision::month);
    e.links = tl.store.store({link{link_kind::after, n.intern("putin-tehran-2015"), {}}});
  }
  add("long", "Überraschung in Tehrān: a long title that must wrap across lines and fold in calendars, "
              "with accents éèêë and more words to pass seventy-five octets",
      "2016-21", day(2016, 3, 1), before(day(2016, 6, 1)), precision::season);
  tl.index_events();

  // The chronology ordering would produce: by earliest, then latest, then file order.
  chronology& c = f.chron;
  c.order.resize(tl.events.size());
  std::iota(c.order.begin(), c.order.end(), 0u);
  std::stable_sort(c.order.begin(), c.order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const temporal_value &x = tl.events[a].date, &y = tl.events[b].date;
    return x.earliest != y.earliest ? x.earliest < y.earliest : x.latest < y.latest;
  });
  for (const event& e : tl.events) c.bounds.push_back({e.date.earliest, e.date.latest, e.date.earliest, e.date.latest});
  c.narrowed.assign(tl.events.size(), false);
  c.order_uncertain.assign(tl.events.size(), false);
  const std::size_t deal = *tl.find_event("deal");
  c.narrowed[deal] = true;
  c.bounds[deal].start_min = c.bounds[deal].end_min = day(2015, 11, 23);
  c.order_uncertain[*tl.find_event("putin-tehran-2015")] = true;
  c.order_uncertain[*tl.find_event("ban-lifted")] = true;
  return f;
}

}  // namespace annals::testing
