// timelinejs: valid TimelineJS3 JSON, escaped strings, vague and BC dates.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <map>
#include <sstream>

#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"
#include "annals/render.hpp"
#include "sample_timeline.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

nlohmann::json render_json(const sample& s) {
  std::ostringstream out;
  render_report report;
  render(*find_renderer("timelinejs"), s.tl, s.chron, {}, out, report);
  return nlohmann::json::parse(out.str());
}

}  // namespace

TEST_CASE("timelinejs has a title slide and one slide per event with start_date objects", "[render][timelinejs]") {
  const auto j = render_json(seed_sample());
  CHECK(j["title"]["text"]["headline"] == "Russia and Iran, November 2015");
  REQUIRE(j["events"].size() == 7);
  const auto& first = j["events"][0];
  CHECK(first["unique_id"] == "event-putin-tehran-2007");
  CHECK(first["start_date"] == nlohmann::json{{"year", 2007}, {"month", 10}, {"day", 16}, {"display_date", "16 Oct 2007"}});
  CHECK(first["display_date"] == "16 Oct 2007");  // the label every format shows
  CHECK(first["autolink"] == false);
  CHECK(first["group"] == "Vladimir Putin");
  CHECK(first.contains("end_date") == false);
}

TEST_CASE("timelinejs gives a span an end_date and a vague date a display_date", "[render][timelinejs]") {
  sample s;
  s.add("span", "a week", days_value(day_start(2015, 11, 18), day_start(2015, 11, 25)));
  temporal_value circa = stated(day_start(1500, 1, 1), day_start(1500, 12, 31) + std::chrono::seconds{86399}, precision::year);
  circa.earliest = day_start(1499, 1, 1);
  circa.latest = day_start(1501, 12, 31) + std::chrono::seconds{86399};
  circa.approximate = true;
  circa.start.qual = circa.end.qual = qualifier::approximate;
  s.add("circa", "around 1500", circa);
  s.add("ides", "the Ides of March", day_value(-43, 3, 15));
  s.finish();
  const auto j = render_json(s);
  REQUIRE(j["events"].size() == 3);
  CHECK(j["events"][0]["start_date"]["year"] == -44);  // TimelineJS numbers BC years historically: 44 BCE
  CHECK(j["events"][0]["display_date"] == "15 Mar 44 BC");
  CHECK(j["events"][1]["start_date"]["year"] == 1500);
  CHECK(j["events"][1]["display_date"] == "c. 1500");
  CHECK(j["events"][2]["end_date"] == nlohmann::json{{"year", 2015}, {"month", 11}, {"day", 25}});
}

TEST_CASE("timelinejs strings are escaped: markup in titles arrives as text", "[render][timelinejs]") {
  sample s("<script>alert(0)</script>");
  const symbol a = s.actor("a", "<img src=x onerror=alert(1)>");
  s.add("one", "<script>alert(1)</script> \"quoted\" \\ back", day_value(2015, 11, 23), "", {a});
  s.finish();
  const std::string out = *render_to_string("timelinejs", s.tl, s.chron, {});
  CHECK(out.find('<') == std::string::npos);  // no raw markup anywhere in the file
  const auto j = nlohmann::json::parse(out);
  CHECK(j["title"]["text"]["headline"] == "&lt;script&gt;alert(0)&lt;/script&gt;");
  CHECK(j["events"][0]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; \\ back");
  // TimelineJS decodes `group` once before setting it as HTML: escaped twice.
  CHECK(j["events"][0]["group"] == "&amp;lt;img src=x onerror=alert(1)&amp;gt;");
}

// Issue 23: TimelineJS shows the date its fields make unless display_date says otherwise.
TEST_CASE("timelinejs display_date says how a date is uncertain and what links narrowed it to",
          "[render][timelinejs]") {
  memory_reader reader;
  reader.add("input", R"(timeline: t
events:
  - {id: summit, title: Summit, date: 2015-12-05}
  - {id: talks, title: Talks, date: December 2015, after: [summit], before: [deal]}
  - {id: deal, title: Deal, date: 2015-12-09}
  - {id: circa, title: Circa, date: c. 1500}
  - {id: range, title: Range, date: 1500/1600}
  - {id: before, title: Before, date: before 1917}
  - {id: mid, title: Mid, date: mid-December 2015}
  - {id: either, title: Either, date: 23 or 24 Nov 2015}
)");
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  render_args args;
  args.files = {"input"};
  args.format = "timelinejs";
  REQUIRE(run_render(args, env) == outcome::ok);
  const auto j = nlohmann::json::parse(out.str());
  std::map<std::string, std::string> shown;
  for (const auto& e : j["events"]) {
    const std::string date = e["display_date"];
    CHECK(e["start_date"]["display_date"] == date);  // the slide and its date object agree
    shown[e["unique_id"]] = date;
  }
  CHECK(shown["event-circa"] == "c. 1500");
  CHECK(shown["event-range"] == "1500 – 1600");
  CHECK(shown["event-before"] == "before 1917");
  CHECK(shown["event-mid"] == "mid-Dec 2015");
  CHECK(shown["event-either"] == "23 or 24 Nov 2015");
  CHECK(shown["event-talks"] == "Dec 2015 (inferred from links: 5–9 Dec 2015)");
  CHECK(shown["event-summit"] == "5 Dec 2015");  // exact: only the label
}
