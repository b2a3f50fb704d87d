// Writes the renderer outputs the browser tests load: the in-memory seed sample and a
// hostile one (script titles, BC and vague dates), in every browser-facing format.
//   annals_render_fixture OUTDIR

#include <fstream>
#include <iostream>
#include <string>

#include "annals/render.hpp"
#include "sample_timeline.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

sample hostile_sample() {
  sample s("<script>alert('title')</script> & \"Chronology\"");
  const symbol a = s.actor("a", "<img src=x onerror=alert(1)>");
  const symbol b = s.actor("b", "Caesar's \"heirs\"");
  s.add("xss-script", "<script>alert(1)</script>", day_value(2015, 11, 23), "test", {a});
  s.add("xss-attr", "\"><img src=x onerror=alert(1)>", day_value(2015, 11, 24), "test", {a}).description =
      "</p><script>alert(2)</script>";
  s.add("ides", "Caesar is killed on the Ides of March", day_value(-43, 3, 15), "killing", {b});
  temporal_value circa = stated(day_start(1500, 1, 1), day_start(1500, 12, 31) + std::chrono::seconds{86399}, precision::year);
  circa.earliest = day_start(1499, 1, 1);
  circa.latest = day_start(1501, 12, 31) + std::chrono::seconds{86399};
  circa.approximate = true;
  circa.start.qual = circa.end.qual = qualifier::approximate;
  s.add("circa", "Something around 1500 & after", circa, "", {b});
  const temporal_value span = stated(day_start(1990, 1, 1), day_start(1999, 12, 31) + std::chrono::seconds{86399}, precision::decade);
  s.add("nineties", "The 1990s, a span", span, "era", {});
  s.link_to("xss-attr", link_kind::caused_by, "xss-script");
  s.tl.sources.push_back({s.tl.names.intern("bad"), "javascript source", "javascript:alert(3)", "", {}});
  s.tl.index_events();
  s.tl.events[*s.tl.find_event("xss-script")].sources = s.tl.store.store({s.tl.names.intern("bad")});
  s.finish();
  return s;
}

bool write(const sample& s, const std::string& format, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  render_report report;
  render(*find_renderer(format), s.tl, s.chron, {}, out, report);
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: annals_render_fixture OUTDIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const sample seed = seed_sample(), hostile = hostile_sample();
  bool ok = true;
  for (const auto& [name, s] : {std::pair{"sample", &seed}, std::pair{"hostile", &hostile}}) {
    ok &= write(*s, "html", dir + "/" + name + ".html");
    ok &= write(*s, "svg", dir + "/" + name + ".svg");
    ok &= write(*s, "timelinejs", dir + "/" + name + ".timelinejs.json");
  }
  return ok ? 0 : 1;
}
