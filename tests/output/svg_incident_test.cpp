// The chart fits the incident, through the command line: --from/--to crop the axis of the
// svg and html drawings (a range running past the window is cut with a mark), and an
// incident gets an impact band between its start and end milestones and a flag at each
// milestone, an uncertain one drawn over all the time it can be.

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

// A four-hour incident in UTC, a span across it and two follow-ups days later.
constexpr const char* incident = R"(timeline: outage
title: Writes fail
timezone: UTC
events:
  - id: migration
    title: A schema migration starts
    date: 2017-02-28T09:30Z
  - id: impact
    title: Writes begin to fail
    date: 2017-02-28T09:37Z
    milestone: impact_start
    caused_by: [migration]
  - id: page
    title: The error-rate alert pages the on-call engineer
    date: around 09:50 on 28 February 2017
    milestone: detected
  - id: ack
    title: On-call acknowledges
    date: 2017-02-28T09:58Z
    milestone: acknowledged
  - id: latency
    title: Elevated latency on reads
    date: 2017-02-28T09:40Z/2017-02-28T13:30Z
  - id: failover
    title: Failover to the replica
    date: between 11:35 and 11:37 on 28 February 2017
    milestone: mitigated
  - id: healthy
    title: Error rates back to normal
    date: 2017-02-28T13:49Z
    milestone: resolved
  - id: review
    title: Incident review
    date: 2017-03-03
  - id: postmortem
    title: Postmortem published
    date: 2017-03-06
)";

std::string attr(const std::string& element, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(element, m, std::regex(" " + name + "=\"([^\"]*)\""))) return "";
  return m[1];
}

// The opening tag of the first element with this class ("axis", "impact").
std::string element(const std::string& svg, const std::string& cls) {
  std::smatch m;
  if (!std::regex_search(svg, m, std::regex("<g class=\"" + cls + "[^\"]*\"[^>]*>"))) return "";
  return m[0];
}

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

// Each milestone flag: its data-from..data-to and the x range of its pole (a line, or a
// hatched rect when the time is uncertain).
struct flag {
  std::string from, to;
  double x0 = 0, x1 = 0;
};
std::map<std::string, flag> flags(const std::string& svg) {
  std::map<std::string, flag> out;
  const std::regex g("<g class=\"milestone\" data-milestone=\"([a-z_]+)\"[^>]*>.*?</g>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), g); it != std::sregex_iterator(); ++it) {
    const std::string whole = (*it)[0];
    flag f{attr(whole, "data-from"), attr(whole, "data-to")};
    std::smatch m;
    if (std::regex_search(whole, m, std::regex("<line class=\"pole\" x1=\"([0-9.]+)\""))) {
      f.x0 = f.x1 = std::stod(m[1]);
    } else if (std::regex_search(
                   whole, m,
                   std::regex("<rect class=\"pole\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\""))) {
      f.x0 = std::stod(m[1]);
      f.x1 = f.x0 + std::stod(m[2]);
    }
    out[(*it)[1]] = f;
  }
  return out;
}

// The certain part of the impact band: [x, x + width].
std::pair<double, double> band_span(const std::string& svg) {
  std::smatch m;
  REQUIRE(std::regex_search(
      svg, m, std::regex("<rect class=\"impact-span\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"")));
  return {std::stod(m[1]), std::stod(m[1]) + std::stod(m[2])};
}

std::vector<std::string> tick_labels(const std::string& svg) {
  std::vector<std::string> out;
  const std::regex t("<g class=\"tick\"[^>]*>[^\n]*?text-anchor=\"middle\">([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), t); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("the drawing's axis is cropped by --from and --to to the events shown", "[render][svg][html][axis][cli]") {
  cli_dir dir("chart-window");
  dir.write("incident.yaml", incident);
  SECTION("the whole file spans the follow-ups days later") {
    const auto r = run_cli_clean(dir, {"render", "incident.yaml", "--format", "svg"});
    CHECK(attr(element(r.out, "axis"), "data-to") >= "2017-03-06");
    // The days between are a gap band: the four hours keep most of the width.
    CHECK(count(r.out, "<g class=\"band\">") == 1);
    const auto f = flags(r.out);
    REQUIRE(f.size() == 5);
    CHECK(f.at("resolved").x0 - f.at("impact_start").x0 > 400);
  }
  for (const char* format : {"svg", "html"}) {
    SECTION(std::string("--to the day of the incident, ") + format) {
      const auto r =
          run_cli_clean(dir, {"render", "incident.yaml", "--format", format, "--to", "2017-02-28"});
      const std::string axis = element(r.out, "axis");
      // The events shown run from 09:30 to 13:49: the axis holds them, within an hour.
      CHECK(attr(axis, "data-from") <= "2017-02-28T09:30:00Z");
      CHECK(attr(axis, "data-from") >= "2017-02-28T08:30:00Z");
      CHECK(attr(axis, "data-to") >= "2017-02-28T13:49:59Z");
      CHECK(attr(axis, "data-to") <= "2017-02-28T14:50:00Z");
      // Ticks every half hour in the file's zone, none on the days after.
      const auto ticks = tick_labels(r.out);
      CHECK(has(ticks, "10:00"));
      CHECK(has(ticks, "10:30"));
      CHECK(!has(ticks, "1 Mar"));
      CHECK(count(r.out, "class=\"cut\"") == 0);
    }
  }
  SECTION("a window inside the events: the axis is the window, a range past it is cut with a mark") {
    const auto r = run_cli_clean(dir, {"render", "incident.yaml", "--format", "svg", "--from",
                                       "2017-02-28T10:30Z", "--to", "2017-02-28T12:00Z"});
    const std::string axis = element(r.out, "axis");
    CHECK(attr(axis, "data-from") == "2017-02-28T10:30:00Z");
    CHECK(attr(axis, "data-to") == "2017-02-28T12:00:59Z");
    // The latency span runs past both ends of the window: a break mark at each.
    std::smatch m;
    const std::string latency = r.out.substr(r.out.find("data-id=\"latency\""));
    CHECK(count(latency.substr(0, latency.find("</g>")), "class=\"cut\"") == 4);
    CHECK(r.out.find("goes on past the window asked for") != std::string::npos);
    // The impact band runs past both ends too: drawn to the axis's ends.
    CHECK(attr(element(r.out, "impact"), "data-from") == "2017-02-28T09:37:00Z");
    CHECK(flags(r.out).size() == 1);  // mitigated, the one milestone in the window
  }
}

TEST_CASE("an incident's milestones are flags and its impact a band between impact start and resolved",
          "[render][svg][html][cli]") {
  cli_dir dir("chart-milestones");
  dir.write("incident.yaml", incident);
  for (const char* format : {"svg", "html"}) {
    DYNAMIC_SECTION(format) {
      const auto r =
          run_cli_clean(dir, {"render", "incident.yaml", "--format", format, "--to", "2017-02-28"});
      const auto f = flags(r.out);
      REQUIRE(f.size() == 5);
      // In the order of the incident, each at its time.
      CHECK(f.at("impact_start").x0 < f.at("detected").x0);
      CHECK(f.at("detected").x1 < f.at("acknowledged").x0);
      CHECK(f.at("acknowledged").x1 < f.at("mitigated").x0);
      CHECK(f.at("mitigated").x1 < f.at("resolved").x0);
      CHECK(f.at("impact_start").from == "2017-02-28T09:37:00Z");
      CHECK(f.at("impact_start").to == "2017-02-28T09:37:00Z");
      // A time written to the minute is one line; an uncertain one is drawn over its range.
      CHECK(f.at("resolved").x0 == f.at("resolved").x1);
      CHECK(f.at("detected").from == "2017-02-28T09:45:00Z");
      CHECK(f.at("detected").to == "2017-02-28T09:55:00Z");
      CHECK(f.at("detected").x1 - f.at("detected").x0 > 10);
      CHECK(f.at("mitigated").from == "2017-02-28T11:35:00Z");
      CHECK(f.at("mitigated").to == "2017-02-28T11:37:00Z");
      // The band between the impact start and resolved flags, its length from the metrics.
      const auto [b0, b1] = band_span(r.out);
      CHECK(b0 == Approx(f.at("impact_start").x0).margin(0.11));
      CHECK(b1 == Approx(f.at("resolved").x0).margin(0.11));
      const std::string band = element(r.out, "impact");
      CHECK(attr(band, "data-from") == "2017-02-28T09:37:00Z");
      CHECK(attr(band, "data-to") == "2017-02-28T13:49:00Z");
      CHECK(r.out.find("<title>Impact 4h12m: from 28 Feb 2017 09:37 UTC to 28 Feb 2017 13:49 UTC "
                       "(Resolved)</title>") != std::string::npos);
      // The words, and the legend.
      for (const char* words :
           {">Impact start<", ">Detected<", ">Acknowledged<", ">Mitigated<", ">Resolved<",
            ">impact, from its start to its end (else resolved)<", ">milestone time uncertain<"}) {
        CHECK(r.out.find(words) != std::string::npos);
      }
    }
  }
}

TEST_CASE("an impact with no end marked is an open band to the last event shown", "[render][svg][cli]") {
  cli_dir dir("chart-open");
  std::string open = incident;
  open.replace(open.find("    milestone: resolved\n"), 24, "");
  dir.write("incident.yaml", open);
  const auto r = run_cli_clean(dir, {"render", "incident.yaml", "--format", "svg", "--to", "2017-02-28"});
  const std::string band = element(r.out, "impact");
  CHECK(band.find("class=\"impact open\"") != std::string::npos);
  CHECK(attr(band, "data-to") == "..");
  CHECK(r.out.find(">impact: no end marked<") != std::string::npos);
  CHECK(flags(r.out).size() == 4);
  // It runs to the last event shown, the healthy report at 13:49.
  const auto [b0, b1] = band_span(r.out);
  CHECK(b1 > b0);
}

TEST_CASE("a timeline without milestones has no band, no flags and no incident legend",
          "[render][svg][html][cli]") {
  cli_dir dir("chart-plain");
  std::string plain = incident;
  for (std::size_t p; (p = plain.find("    milestone: ")) != std::string::npos;)
    plain.erase(p, plain.find('\n', p) + 1 - p);
  dir.write("plain.yaml", plain);
  for (const char* format : {"svg", "html"}) {
    const auto r = run_cli_clean(dir, {"render", "plain.yaml", "--format", format, "--to", "2017-02-28"});
    CHECK(r.out.find("class=\"impact") == std::string::npos);
    CHECK(r.out.find("class=\"milestone") == std::string::npos);
    CHECK(r.out.find("annals-uncertain") == std::string::npos);
    CHECK(r.out.find("class=\"axis\" data-from=") != std::string::npos);
  }
}
