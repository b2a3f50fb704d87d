// The commands as the tool runs them: option checking, which errors still let a
// command run, what goes to standard output and error, and the outcome.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/command_table.hpp"
#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"

using namespace annals;

namespace {

struct run_result {
  outcome status;
  std::string out, err;
};

// Runs a command over files held in memory.
template <typename Args, typename Run>
run_result run(const std::vector<std::pair<std::string, std::string>>& files, Args args, Run command) {
  memory_reader reader;
  for (const auto& [path, text] : files) reader.add(path, text);
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  const outcome status = command(args, env);
  return {status, out.str(), err.str()};
}

render_args render_of(std::string format) {
  render_args a;
  a.files = {"input"};
  a.format = std::move(format);
  return a;
}

gaps_args gaps_of() {
  gaps_args a;
  a.files = {"input"};
  return a;
}

constexpr const char* visits = R"(timeline: visits
reference: 2015-11-25
events:
  - {id: a, title: A, date: 2007-10-16, kind: visit}
  - {id: b, title: B, date: 2015-11-23, kind: visit}
  - {id: c, title: C, date: 2017-11-01, kind: visit}
)";

// The same visits with a claim the dates contradict.
constexpr const char* wrong_claim = R"(timeline: visits
reference: 2015-11-25
events:
  - {id: a, title: A, date: 2007-10-16, kind: visit}
  - {id: b, title: B, date: 2015-11-23, kind: visit, claims: [{first_in: 3 years}]}
  - {id: c, title: C, date: 2017-11-01, kind: visit}
)";

}  // namespace

TEST_CASE("render names on standard error every event a format cannot hold", "[commands][render]") {
  const std::string yaml = "events:\n"
                           "  - {id: founding, title: Founding, date: c. 753 BC}\n"
                           "  - {id: visit, title: Visit, date: 2015-11-23}\n"
                           "  - {id: far, title: Far future, date: Y17000000}\n"
                           "  - {id: campaign, title: Campaign, date: 2015-09-30/..}\n";
  SECTION("ics leaves out years outside 1 to 9999, keeps an open-ended event") {
    const run_result r = run({{"input", yaml}}, render_of("ics"), run_render);
    CHECK(r.status == outcome::ok);
    CHECK(r.err ==
          "annals render: warning: event 'founding' is left out: iCalendar holds years 1 to 9999 only\n"
          "annals render: warning: event 'far' is left out: iCalendar holds years 1 to 9999 only\n");
    CHECK(r.out.find("UID:visit@") != std::string::npos);
    CHECK(r.out.find("UID:campaign@") != std::string::npos);
    CHECK(r.out.find("DTSTART;VALUE=DATE:20150930") != std::string::npos);
  }
  SECTION("timelinejs keeps every other date whole when one event is beyond its dates") {
    const run_result r = run({{"input", yaml}}, render_of("timelinejs"), run_render);
    CHECK(r.status == outcome::ok);
    CHECK(r.err == "annals render: warning: event 'far' is left out: TimelineJS dates reach only about 271,000 years "
                   "from 1970\n");
    const auto doc = nlohmann::json::parse(r.out);
    CHECK_FALSE(doc.contains("scale"));
    REQUIRE(doc["events"].size() == 3);
    CHECK(doc["events"][0]["start_date"]["year"] == -753);  // 753 BC, in TimelineJS's numbering
    CHECK(doc["events"][0]["display_date"] == "c. 753 BC");
    CHECK(doc["events"][1]["start_date"]["month"] == 9);
  }
  SECTION("formats that hold everything say nothing") {
    for (const char* format : {"text", "json", "csv", "html", "markdown", "mermaid", "dot", "svg"}) {
      INFO(format);
      const run_result r = run({{"input", yaml}}, render_of(format), run_render);
      CHECK(r.status == outcome::ok);
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("render refuses input with errors and bad options", "[commands][render]") {
  const run_result bad = run({{"input", "events:\n  - {id: a, title: A, date: 2015-02-30}\n"}}, render_of("text"),
                             run_render);
  CHECK(bad.status == outcome::input_error);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("[invalid-date]") != std::string::npos);
  const run_result format = run({{"input", visits}}, render_of("gif"), run_render);
  CHECK(format.status == outcome::usage_error);
  std::vector<choice> formats;  // every format there is, from its table
  for (const renderer_entry& r : renderers()) formats.push_back({r.name, r.description});
  CHECK(format.err == "annals render: unknown format 'gif' (use " + choice_names(formats) + ")\n(see 'annals render --help')\n");
  render_args lanes = render_of("html");
  lanes.lanes = "place";
  CHECK(run({{"input", visits}}, lanes, run_render).status == outcome::usage_error);
  render_args from = render_of("text");
  from.filter.from = "the day after never";
  CHECK(run({{"input", visits}}, from, run_render).status == outcome::usage_error);
  CHECK(run({}, render_of("text"), run_render).status == outcome::usage_error);  // a missing file
}

TEST_CASE("render's --from and --to read against the first file's reference and zone", "[commands][render]") {
  render_args a = render_of("csv");
  a.filter.from = "November 2015";
  const run_result r = run({{"input", visits}}, a, run_render);
  CHECK(r.status == outcome::ok);
  CHECK(r.out.find("\r\nb,") != std::string::npos);
  CHECK(r.out.find("\r\nc,") != std::string::npos);
  CHECK(r.out.find("\r\na,") == std::string::npos);
}

TEST_CASE("gaps runs despite wrong claims, shows the real gaps, and fails", "[commands][gaps]") {
  const run_result r = run({{"input", wrong_claim}}, gaps_of(), run_gaps);
  CHECK(r.status == outcome::input_error);
  CHECK(r.err.find("[claim-mismatch]") != std::string::npos);
  CHECK(r.out ==
        "all\n"
        "  a → b  16 Oct 2007 → 23 Nov 2015  8 years, 1 month and 7 days (2960 days)\n"
        "  b → c  23 Nov 2015 → 1 Nov 2017  1 year, 11 months and 9 days (709 days)\n");
  const run_result broken = run({{"input", "events:\n  - {id: a, title: A, date: never}\n"}}, gaps_of(), run_gaps);
  CHECK(broken.status == outcome::input_error);
  CHECK(broken.out.empty());  // other errors stop it: the gaps would mislead
}

TEST_CASE("gaps --quiet alone lists quiet periods only, with a series or --by, both", "[commands][gaps]") {
  gaps_args a = gaps_of();
  a.quiet = "5 years";
  const run_result quiet = run({{"input", visits}}, a, run_gaps);
  CHECK(quiet.out ==
        "no gaps\n"
        "quiet periods\n"
        "  16 Oct 2007 → 23 Nov 2015  8 years, 1 month and 7 days (2960 days)\n");
  a.by = "kind";
  const run_result both = run({{"input", visits}}, a, run_gaps);
  CHECK(both.out.find("kind=visit\n  a → b") == 0);
  CHECK(both.out.find("quiet periods\n") != std::string::npos);
}

TEST_CASE("gaps --from and --to keep the events that can overlap the window", "[commands][gaps]") {
  gaps_args a = gaps_of();
  a.from = "2015";
  const run_result r = run({{"input", visits}}, a, run_gaps);
  CHECK(r.out == "all\n  b → c  23 Nov 2015 → 1 Nov 2017  1 year, 11 months and 9 days (709 days)\n");
  a.from = "";
  a.to = "2016";
  CHECK(run({{"input", visits}}, a, run_gaps).out ==
        "all\n  a → b  16 Oct 2007 → 23 Nov 2015  8 years, 1 month and 7 days (2960 days)\n");
  a.to = "Novembr";
  const run_result bad = run({{"input", visits}}, a, run_gaps);
  CHECK(bad.status == outcome::usage_error);
  CHECK(bad.err.rfind("annals gaps: --to: cannot read date 'Novembr'", 0) == 0);
}

TEST_CASE("gaps checks its options before reading files", "[commands][gaps]") {
  gaps_args a = gaps_of();
  a.min = "eight-ish years";
  CHECK(run({{"input", visits}}, a, run_gaps).status == outcome::usage_error);
  a = gaps_of();
  a.by = "kinds,actr";
  const run_result r = run({{"input", visits}}, a, run_gaps);
  CHECK(r.status == outcome::usage_error);
  CHECK(r.err == "annals gaps: unknown series key 'actr'; did you mean 'actor'?\n(see 'annals gaps --help')\n");
}

TEST_CASE("validate maps problems to outcomes: input errors, warnings under --strict, unreadable files",
          "[commands][validate]") {
  validate_args a;
  a.files = {"input"};
  CHECK(run({{"input", "events: []\n"}}, a, run_validate).status == outcome::ok);
  const std::string unverifiable = "events:\n  - {id: a, title: A, date: 2015, kind: visit, claims: [{first_in: 1 year}]}\n";
  CHECK(run({{"input", unverifiable}}, a, run_validate).status == outcome::ok);
  a.strict = true;
  CHECK(run({{"input", unverifiable}}, a, run_validate).status == outcome::input_error);
  a.files = {"missing"};
  CHECK(run({}, a, run_validate).status == outcome::usage_error);
  a.format = "xml";
  CHECK(run({}, a, run_validate).status == outcome::usage_error);
}

TEST_CASE("why and effects look the event up and print the tree", "[commands][trace]") {
  const std::string yaml = "events:\n"
                           "  - {id: cause, title: Cause, date: 2015-11-20}\n"
                           "  - {id: effect, title: Effect, date: 2015-11-23, caused_by: [cause]}\n";
  trace_args a{{"input"}, "effect", causal_direction::causes, "text"};
  const run_result r = run({{"input", yaml}}, a, run_trace);
  CHECK(r.status == outcome::ok);
  CHECK(r.out == "effect  23 Nov 2015  Effect\n  caused by cause  20 Nov 2015  Cause\n");
  a.id = "efect";
  const run_result unknown = run({{"input", yaml}}, a, run_trace);
  CHECK(unknown.status == outcome::usage_error);
  CHECK(unknown.err == "annals why: unknown event 'efect', did you mean 'effect'?\n(see 'annals why --help')\n");
}

// Issue 15's lifespans: `born` and `died` on actors, the warning outside-lifespan, an
// actor's age beside its name, errors at their positions.
namespace {

template <typename Args>
Args with_file(Args a) {
  a.files = {"rome.yaml"};
  return a;
}

constexpr const char* rome = R"(timeline: rome
actors:
  caesar: {name: Julius Caesar, born: 12 or 13 July 100 BC, died: 15 March 44 BC}
  crassus: {name: Crassus, born: c. 115 BC, died: 53 BC}
  augustus: {name: Augustus, born: 23 September 63 BC}
events:
  - {id: ides, title: Caesar is assassinated, date: 15 March 44 BC, actors: [caesar]}
  - {id: carrhae, title: Battle of Carrhae, date: 53 BC, actors: [crassus]}
  - {id: actium, title: Battle of Actium, date: 2 September 31 BC, actors: [augustus, caesar]}
)";

}  // namespace

TEST_CASE("an event an actor cannot have lived to see is outside-lifespan, at its date", "[lifespans]") {
  validate_args a;
  const run_result r = run({{"rome.yaml", rome}}, with_file(a), run_validate);
  CHECK(r.status == outcome::ok);  // a warning
  CHECK(r.out ==
        "rome.yaml:9:49: warning: event 'actium' (2 Sep 31 BC) is after the death of actor 'caesar' (Julius Caesar, "
        "12 or 13 Jul 100 BC – 15 Mar 44 BC) [outside-lifespan]\n");
  CHECK(r.err == "0 errors, 1 warning\n");
  a.strict = true;
  CHECK(run({{"rome.yaml", rome}}, with_file(a), run_validate).status == outcome::input_error);
}

TEST_CASE("with vague dates only a lifespan no reading allows is reported", "[lifespans]") {
  validate_args a;
  // Died 53 BC, the event "c. 52 BC" (53 to 51 BC) might be in 53: no warning; before a
  // birth of c. 115 BC (116 to 114 BC), 117 BC is certainly before it.
  const std::string yaml = R"(actors:
  crassus: {name: Crassus, born: c. 115 BC, died: 53 BC}
events:
  - {id: a, title: A, date: c. 52 BC, actors: [crassus]}
  - {id: b, title: B, date: 117 BC, actors: [crassus]}
)";
  const run_result r = run({{"rome.yaml", yaml}}, with_file(a), run_validate);
  CHECK(r.out.find("event 'a'") == std::string::npos);
  CHECK(r.out.find("event 'b' (117 BC) is before the birth of actor 'crassus'") != std::string::npos);
}

TEST_CASE("text, markdown and html show an actor's age where the dates give it to the year", "[lifespans]") {
  render_args a;
  a.format = "text";
  const run_result text = run({{"rome.yaml", rome}}, with_file(a), run_render);
  CHECK(text.out.find("Julius Caesar, 55\n") != std::string::npos);  // born 12 or 13 July 100 BC
  CHECK(text.out.find("Crassus\n") != std::string::npos);            // born c. 115 BC: no single age
  CHECK(text.out.find("Augustus, 31; Julius Caesar\n") != std::string::npos);  // no age after a death
  a.format = "markdown";
  CHECK(run({{"rome.yaml", rome}}, with_file(a), run_render).out.find("*Julius Caesar, 55*") != std::string::npos);
  a.format = "html";
  const run_result html = run({{"rome.yaml", rome}}, with_file(a), run_render);
  CHECK(html.out.find("Julius Caesar, 55") != std::string::npos);
  CHECK(html.out.find("<text class=\"lane-life\"") != std::string::npos);  // the lane shows the lifespan
  CHECK(html.out.find(">b. 63 BC<") != std::string::npos);  // Augustus, born 63 BC
  a.format = "json";
  const std::string json = run({{"rome.yaml", rome}}, with_file(a), run_render).out;
  CHECK(json.find("\"text\": \"12 or 13 July 100 BC\"") != std::string::npos);
  CHECK(json.find("\"label\": \"12 or 13 Jul 100 BC\"") != std::string::npos);
}

TEST_CASE("a bad birth date is an error at its column, a death before a birth is invalid-lifespan", "[lifespans]") {
  validate_args a;
  const run_result bad = run({{"rome.yaml", "actors:\n  x: {name: X, born: Smarch 1900}\nevents: []\n"}}, with_file(a), run_validate);
  CHECK(bad.status == outcome::input_error);
  CHECK(bad.out.find("rome.yaml:2:22: error: cannot read date 'Smarch 1900'") != std::string::npos);
  const run_result order = run({{"rome.yaml", "actors:\n  x: {name: X, born: 1950, died: 1900}\nevents: []\n"}}, with_file(a), run_validate);
  CHECK(order.out.find("rome.yaml:2:34: error: actor 'x' dies (1900) before being born (1950) [invalid-lifespan]") !=
        std::string::npos);
  const run_result schema = run({{"rome.yaml", "actors:\n  x: {name: X, born: [1950]}\nevents: []\n"}}, with_file(a), run_validate);
  CHECK(schema.status == outcome::input_error);
}

// Issue 15's disputed dates: a date by source, covering every reading, uncertain.
namespace {

constexpr const char* disputed = R"(timeline: disputed
sources:
  reuters: {title: Reuters}
  tass: {title: TASS}
events:
  - id: meeting
    title: Putin meets Khamenei
    date: {sources: {reuters: 2015-11-23, tass: 2015-11-24}}
  - id: deal
    title: The deal is signed
    date: {sources: {reuters: November 2015, tass: 2015-11-24}}
)";

}  // namespace

TEST_CASE("a disputed date covers every reading, readings apart are date-conflict", "[commands][disputed]") {
  validate_args a;
  const run_result v = run({{"rome.yaml", disputed}}, with_file(a), run_validate);
  CHECK(v.status == outcome::ok);
  CHECK(v.out == "rome.yaml:8:11: warning: the sources disagree on the date of event 'meeting': reuters 23 Nov 2015, "
                 "tass 24 Nov 2015; the event covers every reading, uncertain which [date-conflict]\n");
  CHECK(v.err == "0 errors, 1 warning\n");
  render_args r;
  r.format = "text";
  const std::string text = run({{"rome.yaml", disputed}}, with_file(r), run_render).out;
  CHECK(text.find("23 or 24 Nov 2015") != std::string::npos);
  CHECK(text.find("dated by source: Reuters: 23 Nov 2015; TASS: 24 Nov 2015") != std::string::npos);
  r.format = "json";
  const nlohmann::json j = nlohmann::json::parse(run({{"rome.yaml", disputed}}, with_file(r), run_render).out);
  const nlohmann::json& meeting = j["events"][1]["date"];
  CHECK(meeting["earliest"] == "2015-11-23");
  CHECK(meeting["latest"] == "2015-11-24");
  CHECK(meeting["uncertain"] == true);
  CHECK(meeting["form"] == "either");
  CHECK(meeting["readings"].size() == 2);
  CHECK(meeting["readings"][1]["source"] == "tass");
  CHECK(j["events"][0]["date"]["form"] == "single");  // November holds the 24th: no conflict
}

TEST_CASE("a disputed date's problems are reported where they are", "[commands][disputed]") {
  validate_args a;
  const auto check = [&](const std::string& date, const std::string& expected) {
    const std::string yaml = "sources:\n  reuters: {title: R}\nevents:\n  - id: x\n    title: X\n    date: " + date + "\n";
    const run_result r = run({{"rome.yaml", yaml}}, with_file(a), run_validate);
    CHECK(r.status == outcome::input_error);
    CHECK(r.out.find(expected) != std::string::npos);
  };
  check("{sources: {reutrs: 2015-11-23}}", "rome.yaml:6:22: error: unknown source 'reutrs'; did you mean 'reuters'?");
  check("{sources: {reuters: Smarch 2015}}", "rome.yaml:6:31: error: cannot read date 'Smarch 2015'");
  check("{on: 2015, sources: {reuters: 2015}}", "rome.yaml:6:16: error: 'on' does not go with 'sources'");
  check("{sources: {}}", "rome.yaml:6:");
}

// Issue 15's incident timelines: milestones checked like links, `annals metrics`, offsets
// from impact start, and the postmortem skeleton.
namespace {

constexpr const char* incident = R"(timeline: outage
timezone: UTC
events:
  - {id: deploy, title: Bad config deployed, date: 2019-07-02T13:42Z, milestone: impact_start}
  - {id: page, title: First page, date: 2019-07-02T13:45Z, milestone: detected, caused_by: [deploy]}
  - {id: rollback, title: Rollback, date: 2019-07-02T14:07Z, milestone: mitigated}
  - {id: healthy, title: Healthy again, date: 2019-07-02, milestone: resolved}
)";

metrics_args metrics_of(std::string format) {
  metrics_args a;
  a.files = {"rome.yaml"};
  a.format = std::move(format);
  return a;
}

}  // namespace

TEST_CASE("metrics measures from impact start, as ranges when times are vague", "[commands][incident]") {
  const run_result text = run({{"rome.yaml", incident}}, metrics_of("text"), run_metrics);
  CHECK(text.status == outcome::ok);
  CHECK(text.out == "impact start         2 Jul 2019 13:42 UTC  (deploy)\n"
                    "time to detect       3m            detected: 2 Jul 2019 13:45 UTC (page)\n"
                    "time to acknowledge  not marked\n"
                    "time to mitigate     25m           mitigated: 2 Jul 2019 14:07 UTC (rollback)\n"
                    "time to resolve      0m–10h17m     resolved: 2 Jul 2019 (healthy)\n"
                    "impact duration      0m–10h17m     resolved: 2 Jul 2019 (healthy), no impact_end marked\n");
  const nlohmann::json j = nlohmann::json::parse(run({{"rome.yaml", incident}}, metrics_of("json"), run_metrics).out);
  CHECK(j["impact_start"]["event"] == "deploy");
  CHECK(j["metrics"][0]["min_seconds"] == 180);
  CHECK(j["metrics"][1] == nlohmann::json{{"milestone", "acknowledged"}, {"marked", false}});
  CHECK(j["metrics"][3]["max_seconds"] == 37020);  // 13:42 to the day's last minute, 23:59
  const run_result none = run({{"rome.yaml", "events:\n  - {id: a, title: A, date: 2015}\n"}}, metrics_of("text"), run_metrics);
  CHECK(none.status == outcome::input_error);
  CHECK(run({{"rome.yaml", incident}}, metrics_of("xml"), run_metrics).status == outcome::usage_error);
}

TEST_CASE("milestones out of order or twice are errors at their position", "[commands][incident]") {
  validate_args a;
  const std::string twice = std::string(incident) + "  - {id: again, title: Again, date: 2019-07-02T13:50Z, milestone: detected}\n";
  const run_result t = run({{"rome.yaml", twice}}, with_file(a), run_validate);
  CHECK(t.out.find("rome.yaml:8:67: error: a second 'detected' milestone, on event 'again': the first is on event "
                   "'page' (line 5) [duplicate-milestone]") != std::string::npos);
  const std::string early =
      "timezone: UTC\nevents:\n  - {id: fix, title: Fix, date: 2019-07-01, milestone: resolved}\n"
      "  - {id: mitigate, title: Mitigate, date: 2019-07-02, milestone: mitigated}\n";
  const run_result o = run({{"rome.yaml", early}}, with_file(a), run_validate);
  CHECK(o.status == outcome::input_error);
  CHECK(o.out.find("rome.yaml:3:56: error: 'resolved' (event 'fix', 1 Jul 2019) comes before 'mitigated' (event "
                   "'mitigate', 2 Jul 2019) [milestone-order]") != std::string::npos);
  CHECK(run({{"rome.yaml", "events:\n  - {id: a, title: A, date: 2015, milestone: fixed}\n"}}, with_file(a), run_validate)
            .status == outcome::input_error);
}

TEST_CASE("times written to the minute are a whole number of minutes apart, also as readings or sets",
          "[commands][incident]") {
  // By hand: 13:42 to 13:45 or 13:46 is 3 or 4 minutes; to any of 13:50..13:52, 8 to 10;
  // to about 14:00 (EDTF '~' on a minute: 13:59..14:01), 17 to 19.
  constexpr const char* vague = R"(timeline: outage
timezone: UTC
sources:
  a: {title: A}
  b: {title: B}
events:
  - {id: deploy, title: Deployed, date: 2019-07-02T13:42Z, milestone: impact_start}
  - {id: page, title: Paged, date: {sources: {a: 2019-07-02T13:45Z, b: 2019-07-02T13:46Z}}, milestone: detected}
  - {id: ack, title: Acknowledged, date: "[2019-07-02T13:50Z..2019-07-02T13:52Z]", milestone: acknowledged}
  - {id: fix, title: Fixed, date: 2019-07-02T14:00Z~, milestone: mitigated}
)";
  const run_result text = run({{"rome.yaml", vague}}, metrics_of("text"), run_metrics);
  CHECK(text.status == outcome::ok);
  CHECK(text.out.find("time to detect       3m–4m") != std::string::npos);
  CHECK(text.out.find("time to acknowledge  8m–10m") != std::string::npos);
  CHECK(text.out.find("time to mitigate     17m–19m") != std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(run({{"rome.yaml", vague}}, metrics_of("json"), run_metrics).out);
  CHECK(j["metrics"][0]["min_seconds"] == 180);
  CHECK(j["metrics"][0]["max_seconds"] == 240);
  // No offset beyond what the bounds allow: the set starts no earlier than 13:50.
  render_args r;
  r.format = "text";
  const std::string page = run({{"rome.yaml", vague}}, with_file(r), run_render).out;
  CHECK(page.find("T+0:08–0:10") != std::string::npos);
  CHECK(page.find("T\u2212") == std::string::npos);
}

TEST_CASE("renderers show offsets from impact start, postmortem fills the template", "[commands][incident]") {
  render_args r;
  r.format = "text";
  const std::string text = run({{"rome.yaml", incident}}, with_file(r), run_render).out;
  CHECK(text.find("2 Jul 2019 13:45 UTC · T+0:03") != std::string::npos);
  CHECK(text.find("2 Jul 2019 · T\u221213:42 to T+10:17") != std::string::npos);  // a day around impact start
  r.format = "postmortem";
  const std::string pm = run({{"rome.yaml", incident}}, with_file(r), run_render).out;
  for (const char* section : {"## Summary", "## Impact", "## Root causes", "## Trigger", "## Resolution", "## Detection",
                              "## Action items", "## Lessons learned", "## Timeline"}) {
    CHECK(pm.find(section) != std::string::npos);
  }
  CHECK(pm.find("| Time to detect (TTD) | 3m | 2 Jul 2019 13:45 UTC: First page |") != std::string::npos);
  CHECK(pm.find("| Time to resolve (TTR) | 0m–10h17m | 2 Jul 2019: Healthy again |") != std::string::npos);
  CHECK(pm.find("- detected (TTD 3m): **2 Jul 2019 13:45 UTC · T+0:03** — First page") != std::string::npos);
  CHECK(pm.find("| 2 Jul 2019 14:07 UTC · T+0:25 |  | Rollback *(mitigated)* |") != std::string::npos);
}

// Issue 15's eras: background periods in every format that can show them.
namespace {

constexpr const char* with_eras = R"(timeline: war
eras:
  - {id: war, title: The Great War, date: 1914/1918}
  - {id: peace, title: The peace, date: from 1919 to 1920}
events:
  - {id: sarajevo, title: Sarajevo, date: 28 June 1914}
  - {id: armistice, title: Armistice, date: 11 November 1918}
  - {id: versailles, title: Versailles, date: 28 June 1919}
)";

std::string render_eras(std::string format, std::string from = {}) {
  render_args r;
  r.format = std::move(format);
  r.filter.from = std::move(from);
  return run({{"rome.yaml", with_eras}}, with_file(r), run_render).out;
}

}  // namespace

TEST_CASE("eras are bands, TimelineJS eras, sections and heading lines, --from keeps those it overlaps",
          "[commands][eras]") {
  CHECK(render_eras("text").find("== The Great War, 1914 – 1918 ==\n") != std::string::npos);
  CHECK(render_eras("markdown").find("## Era: The peace, 1919 – 1920") != std::string::npos);
  const std::string mermaid = render_eras("mermaid");
  CHECK(mermaid.find("section The Great War, 1914 – 1918\n        28 Jun 1914 : Sarajevo") != std::string::npos);
  const std::string svg = render_eras("svg");
  CHECK(svg.find("<g class=\"era\"><title>The Great War, 1914 – 1918</title>") != std::string::npos);
  const nlohmann::json tjs = nlohmann::json::parse(render_eras("timelinejs"));
  REQUIRE(tjs["eras"].size() == 2);
  CHECK(tjs["eras"][0]["text"]["headline"] == "The Great War");
  CHECK(tjs["eras"][0]["start_date"]["year"] == 1914);
  CHECK(tjs["eras"][0]["end_date"]["year"] == 1918);
  const nlohmann::json j = nlohmann::json::parse(render_eras("json", "1919"));
  REQUIRE(j["timeline"]["eras"].size() == 1);  // 1914-1918 ends before --from 1919
  CHECK(j["timeline"]["eras"][0]["id"] == "peace");
  CHECK(j["timeline"]["eras"][0]["earliest"] == "1919-01-01");
  validate_args a;
  const run_result bad = run({{"rome.yaml", "eras:\n  - {id: x, title: X, date: Smarch}\n  - {id: x, title: Y, date: 2015}\n"
                                            "events: []\n"}},
                             with_file(a), run_validate);
  CHECK(bad.out.find("rome.yaml:2:29: error: cannot read date 'Smarch'") != std::string::npos);
  CHECK(bad.out.find("rome.yaml:3:29: error: era 'x' is defined twice [duplicate-id]") != std::string::npos);
  CHECK(run({{"rome.yaml", "eras:\n  - {id: x, title: X}\nevents: []\n"}}, with_file(a), run_validate).status ==
        outcome::input_error);  // the schema wants a date
}

// Issue 15's media: on slides, as images, as captions with links; --embed-media inlines local files.
TEST_CASE("media: alt is required with a url, unsafe urls are refused, each format shows it", "[commands][media]") {
  validate_args a;
  const auto check = [&](const std::string& media, const std::string& expected) {
    const run_result r = run({{"dir/rome.yaml", "events:\n  - {id: a, title: A, date: 2015, media: " + media + "}\n"}},
                             [&] { auto b = a; b.files = {"dir/rome.yaml"}; return b; }(), run_validate);
    CHECK(r.status == outcome::input_error);
    CHECK(r.out.find(expected) != std::string::npos);
  };
  check("{url: https://x.org/a.jpg}", "dir/rome.yaml:2:42: error: media with a 'url' needs 'alt'");
  check("{url: 'javascript:alert(1)', alt: x}", "dir/rome.yaml:2:48: error: media url 'javascript:alert(1)' is not http");
  check("{url: a.jpg, alt: x, size: 3}", "dir/rome.yaml:2:");

  const std::string yaml = "events:\n  - {id: a, title: A, date: 2015, media: {url: img/a.png, caption: The caption, "
                           "credit: The credit, alt: An image}}\n";
  render_args r;
  r.files = {"dir/rome.yaml"};
  const auto render_as = [&](std::string format, bool embed) {
    r.format = std::move(format);
    r.embed_media = embed;
    return run({{"dir/rome.yaml", yaml}, {"dir/img/a.png", std::string("\x89PNG\r\n\x1a\n", 8)}}, r, run_render);
  };
  CHECK(render_as("markdown", false).out.find("  - ![An image](img/a.png) *The caption* (The credit)") != std::string::npos);
  CHECK(render_as("text", false).out.find("media: The caption (The credit) <img/a.png>") != std::string::npos);
  const std::string linked = render_as("html", false).out;
  CHECK(linked.find("<a href=\"img/a.png\">An image</a>") != std::string::npos);
  CHECK(linked.find("<img src=") == std::string::npos);  // the page fetches nothing
  CHECK(render_as("html", true).out.find("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"An image\">") !=
        std::string::npos);
  const nlohmann::json tjs = nlohmann::json::parse(render_as("timelinejs", false).out);
  CHECK(tjs["events"][0]["media"]["url"] == "img/a.png");
  CHECK(tjs["events"][0]["media"]["alt"] == "An image");
  const nlohmann::json j = nlohmann::json::parse(render_as("json", false).out);
  CHECK(j["events"][0]["media"]["credit"] == "The credit");
  r.files = {"dir/rome.yaml"};
  r.format = "html";
  r.embed_media = true;
  const run_result missing = run({{"dir/rome.yaml", yaml}}, r, run_render);
  CHECK(missing.status == outcome::ok);
  CHECK(missing.err.find("annals render: warning: cannot embed media 'img/a.png': no such file; it stays a link") != std::string::npos);
}

// Issue 15's richer claims: first_in with no upper bound, and first_since.
TEST_CASE("first_in at_least and first_since are checked, a false one is claim-mismatch", "[commands][claims]") {
  const std::string spills = R"(events:
  - {id: ixtoc, title: Ixtoc I blowout, date: 3 June 1979, kind: blowout}
  - {id: other, title: Another blowout, date: 1990, kind: blowout}
  - {id: macondo, title: Macondo blowout, date: 20 April 2010, kind: blowout, claims: [CLAIM]}
)";
  const auto check = [&](const std::string& claim) {
    std::string yaml = spills;
    yaml.replace(yaml.find("CLAIM"), 5, claim);
    validate_args a;
    return run({{"rome.yaml", yaml}}, with_file(a), run_validate);
  };
  CHECK(check("{first_in: {at_least: 15 years}}").status == outcome::ok);  // 20 years since 1990
  const run_result long_claim = check("{first_in: {at_least: 30 years}}");
  CHECK(long_claim.status == outcome::input_error);
  CHECK(long_claim.out.find("claim 'first_in: at least 30 years' does not hold: the gap from 'other'") !=
        std::string::npos);
  CHECK(check("{first_since: other}").status == outcome::ok);
  const run_result since = check("{first_since: ixtoc}");
  CHECK(since.status == outcome::input_error);
  CHECK(since.out.find("rome.yaml:4:102: error: claim 'first_since: ixtoc' does not hold: 'other' (1990) of the series "
                       "'kind=blowout' comes between [claim-mismatch]") != std::string::npos);
  CHECK(check("{first_since: ixtok}").out.find("unknown event 'ixtok'; did you mean 'ixtoc'?") != std::string::npos);
  CHECK(check("{first_since: ixtoc, first_in: 8 years}").status == outcome::input_error);
}

TEST_CASE("ics holds every event of years 1 to 9999, the last day of 9999 with a DURATION", "[commands][ics]") {
  constexpr const char* far = R"(timeline: far
events:
  - {id: first-day, title: First day, date: 0001-01-01}
  - {id: last-day, title: Last day, date: 9999-12-31}
  - {id: last-year, title: Last year, date: "9999"}
  - {id: last-minute, title: Last minute, date: "9999-12-31T23:59Z"}
  - {id: past-it, title: Past it, date: Y10000}
)";
  const run_result r = run({{"input", far}}, render_of("ics"), run_render);
  CHECK(r.status == outcome::ok);
  CHECK(r.out.find("DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010102\r\n") != std::string::npos);
  CHECK(r.out.find("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n") != std::string::npos);
  CHECK(r.out.find("DTSTART;VALUE=DATE:99990101\r\nDURATION:P365D\r\n") != std::string::npos);
  CHECK(r.out.find("DTSTART:99991231T235900Z\r\nDURATION:PT60S\r\n") != std::string::npos);
  CHECK(r.out.find("10000") == std::string::npos);
  CHECK(r.err == "annals render: warning: event 'past-it' is left out: iCalendar holds years 1 to 9999 only\n");
}
