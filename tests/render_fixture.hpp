#pragma once

// A timeline for the render tests, loaded and ordered as a user's file is: every kind
// of date label (zoned times, a Julian date, qualified and open intervals, a relative
// date, early/mid/late, seasons, BC years, a date the sources dispute), links, inferred
// bounds, an uncertain order, a long gap, an actor's age, media, and hostile text in every field.

#include <stdexcept>

#include "annals/load.hpp"
#include "annals/memory_reader.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals::testing {

inline constexpr const char* fixture_yaml = R"yaml(timeline: fixture
title: "Fixture: Russia and Iran, November 2015"
reference: 2015-11-25
timezone: Asia/Tehran
actors:
  putin: {name: Vladimir Putin, born: 7 October 1952}
  rouhani: {name: Hassan Rouhani}
places:
  tehran: {name: Tehran, country: Iran}
sources:
  seed: {title: "Putin's visit to Tehran", url: "https://example.org/article?a=1&b=(2)"}
  evil: {title: "<b>bold</b> [source]"}
events:
  - id: putin-tehran-2007
    title: Putin attends the Caspian summit in Tehran
    date: 2007-10-16
    kind: visit
    actors: [putin]
    place: tehran
  - id: putin-tehran-2015
    title: Putin visits Tehran for the GECF summit
    date: November 23rd
    kind: visit
    actors: [putin, rouhani]
    place: tehran
    sources: [seed]
    tags: [energy]
    media: {url: "https://example.org/putin-tehran.jpg", caption: "Putin and Rouhani <meet>", credit: "Photo: \"Agency\" & co", alt: Two presidents shake hands}
  - id: ban-lifted
    title: "Decree lifts the ban, \"on goods\"; with a back\\slash"
    date: November 23rd
    caused_by: [putin-tehran-2015]
    sources: [evil]
  - id: caesar
    title: Caesar is killed
    date: 44 BC
  - id: ides
    title: The Ides of March, as the Romans dated them
    date: {on: 15 March 44 BC, calendar: julian}
    after: [caesar-rises]
  - id: caesar-rises
    title: Caesar's rise, before the Ides
    date: ../-0043
  - id: script
    title: "<script>alert(1)</script>"
    date: c. 1500
  - id: renaissance
    title: "A span between c. 1500 and 1600 & <b>more</b>"
    date: between c. 1500 and 1600
  - id: img
    title: "\"><img src=x onerror=alert(1)>"
    date: mid-December 2015
    kind: visit
  - id: december
    title: About December 2015
    date: 2015-12~
  - id: years
    title: About 2015, to 2016
    date: 2015~/2016
  - id: week
    title: "=HYPERLINK(\"http://x\")"
    date: the past week
    description: "Commas, semicolons; and\nnewlines \\ backslashes: all inert."
  - id: talks
    title: Talks begin
    date: 2015-11-23T14:00
    part_of: putin-tehran-2015
  - id: follow-up
    title: Follow-up meeting three days later
    date: {after: putin-tehran-2015, by: 3 days}
  - id: deal
    title: Gas deal signed after the visit
    date: November 2015
    after: [putin-tehran-2015]
  - id: disputed
    title: Khamenei receives Putin, on a day the agencies give differently
    date: {sources: {seed: 2015-11-23, evil: 2015-11-24}}
    actors: [putin]
  - id: long
    title: "Überraschung in Tehrān: a long title that must wrap across lines and fold in calendars, with accents éèêë and more words to pass seventy-five octets"
    date: 2016-21
)yaml";

struct fixture {
  timeline tl;
  chronology chron;
};

/// The fixture loaded and ordered; a kind that no file could hold (`<kind>`) is put on
/// `img` afterwards, so that renderers are seen to escape even ids, and a `javascript:`
/// url (`unsafe-url` in a file) on the source `evil`, so that they are seen never to link it.
inline fixture make_fixture() {
  memory_reader reader;
  reader.add("fixture.yaml", fixture_yaml);
  load_result loaded = load({"fixture.yaml"}, reader, {});
  std::vector<diagnostic> problems;
  for (const diagnostic& d : loaded.diagnostics) {
    if (d.level == severity::error) throw std::runtime_error("fixture: " + d.message + " [" + d.code + "]");
  }
  fixture f{std::move(loaded.tl), {}};
  f.tl.events[*f.tl.find_event("img")].kind = f.tl.names.intern("<kind>");
  for (source& s : f.tl.sources)
    if (f.tl.names.name(s.id) == "evil") s.url = "javascript:alert(1)";
  f.chron = order_events(f.tl, problems);
  for (const diagnostic& d : problems) {
    if (d.level == severity::error) throw std::runtime_error("fixture: " + d.message + " [" + d.code + "]");
  }
  return f;
}

}  // namespace annals::testing
