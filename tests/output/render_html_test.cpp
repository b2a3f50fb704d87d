// html and svg: user text comes out inert, one mark per event, deterministic bytes.

#include <catch2/catch.hpp>
#include <sstream>

#include "annals/render.hpp"
#include "sample_timeline.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

std::string render(const sample& s, std::string_view format, render_options o = {}) {
  return *render_to_string(format, s.tl, s.chron, o);
}

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

sample hostile() {
  sample s("<script>alert(0)</script>");
  const symbol a = s.actor("a", "\"><img src=x onerror=alert(9)>");
  s.add("one", "<script>alert(1)</script>", day_value(2015, 11, 23), "k<b>", {a}).description = "</p><script>alert(2)</script>";
  s.add("two", "\"><img src=x onerror=alert(1)>", day_value(2015, 11, 24), "", {a});
  s.tl.sources.push_back({s.tl.names.intern("src"), "<i>src</i>", "javascript:alert(3)", "", {}});
  s.tl.events[0].sources = s.tl.store.store({s.tl.names.intern("src")});
  s.link_to("two", link_kind::caused_by, "one");
  s.finish();
  return s;
}

}  // namespace

TEST_CASE("html and svg write script and attribute-breaking titles as inert text", "[render][html][svg]") {
  const sample s = hostile();
  for (std::string_view format : {"html", "svg"}) {
    SECTION(std::string(format)) {
      const std::string out = render(s, format);
      CHECK(out.find("<script") == std::string::npos);
      CHECK(out.find("<img") == std::string::npos);
      CHECK(out.find("<i>") == std::string::npos);
      CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
      CHECK(out.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
      CHECK((out.find("javascript:") == std::string::npos || format == "html"));
    }
  }
}

TEST_CASE("html links only web addresses, never a javascript: URL", "[render][html]") {
  const std::string out = render(hostile(), "html");
  CHECK(out.find("href=\"javascript:") == std::string::npos);
  CHECK(out.find("&lt;i&gt;src&lt;/i&gt;") != std::string::npos);  // the source, as text
}

TEST_CASE("html and svg draw one mark per event and the html lists each once", "[render][html][svg]") {
  const sample s = seed_sample();
  const std::string html = render(s, "html"), svg = render(s, "svg");
  CHECK(count(svg, "<g class=\"event\"") == s.tl.events.size());
  CHECK(count(html, "<g class=\"event\"") == s.tl.events.size());
  CHECK(count(html, "<article class=\"item\"") == s.tl.events.size());
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("the html page fetches nothing: no scripts, external styles or images", "[render][html]") {
  const std::string out = render(seed_sample(), "html");
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("<link") == std::string::npos);
  CHECK(out.find("src=") == std::string::npos);
  CHECK(out.find("@import") == std::string::npos);
  CHECK(out.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("the drawing shows a long empty stretch as a gap band labelled with its length", "[render][svg]") {
  const std::string svg = render(seed_sample(), "svg");
  CHECK(count(svg, "<g class=\"band\">") == 1);
  CHECK(svg.find("8 years and 1 month without events") != std::string::npos);
}

TEST_CASE("the drawing marks causal links with arrows and inferred bounds distinctly", "[render][svg]") {
  const std::string svg = render(seed_sample(), "svg");
  CHECK(count(svg, "<path class=\"link\"") == 2);  // visit → decree, statement → bank
  CHECK(count(svg, "class=\"mark inferred\"") == 1);
  // Narrowed to the afternoon of its day: drawn as inferred, but the label "23 Nov 2015" already says it all.
  CHECK(svg.find("inferred from links") == std::string::npos);
}

TEST_CASE("lanes follow the option: one per actor or one per kind", "[render][svg]") {
  const sample s = seed_sample();
  render_options by_kind;
  by_kind.lanes = render_options::lane_key::kind;
  const std::string actors = render(s, "svg"), kinds = render(s, "svg", by_kind);
  CHECK(count(actors, "class=\"lane-name\"") == 5);
  CHECK(actors.find(">Vladimir Putin<") != std::string::npos);
  CHECK(count(kinds, "class=\"lane-name\"") == 4);  // visit, decree, military, statement
  CHECK(kinds.find(">Visit<") != std::string::npos);
}

TEST_CASE("html, svg and timelinejs give the same bytes for the same input", "[render][html][svg][timelinejs]") {
  for (std::string_view format : {"html", "svg", "timelinejs"}) {
    CHECK(render(seed_sample(), format) == render(seed_sample(), format));
  }
}
