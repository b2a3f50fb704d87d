// Each link kind in its own words and direction, through the command line: why and
// effects, text, markdown, html, dot and the postmortem; and the link table's columns.

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "annals/event.hpp"
#include "cli_run.hpp"
#include "model/link_table.hpp"

using namespace annals;
using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

// Two events, `a` then `b`, and one link written on `holder`; for part_of, `a` is a month holding `b`.
std::string two_events(std::string_view kind, std::string_view holder) {
  const bool part = kind == "part_of";
  const std::string target = holder == "a" ? "b" : "a";
  std::string link = std::string(kind) + ": " + (part ? target : "[" + target + "]");
  auto event = [&](std::string_view id, std::string_view title, std::string_view date) {
    std::string e = "  - {id: " + std::string(id) + ", title: " + std::string(title) + ", date: " + std::string(date);
    if (id == holder) e += ", " + link;
    return e + "}\n";
  };
  return "timeline: links\nevents:\n" + event("a", "A", part ? "2015-11" : "2015-11-20") + event("b", "B", "2015-11-23");
}

struct run_out {
  int status;
  std::string out;
};

run_out annals_on(const std::string& yaml, std::vector<std::string> args) {
  // Test cases run in parallel processes: a scratch directory of this process's own.
  static int runs = 0;
  cli_dir dir("link-words-" + std::to_string(::getpid()) + "-" + std::to_string(++runs));
  dir.write("f.yaml", yaml);
  args.insert(args.begin() + 1, "f.yaml");
  const annals::testing::cli_result r = run_cli(dir, std::move(args));
  INFO(r.err);
  return {r.status, r.out};
}

// The lines of `text` holding `marker`, without their leading spaces.
std::vector<std::string> lines_with(const std::string& text, std::string_view marker) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    if (line.find(marker) != std::string::npos) out.push_back(line.substr(line.find_first_not_of(' ')));
    at = end + 1;
  }
  return out;
}

struct kind_case {
  std::string_view kind, holder;
  std::string_view why_b, effects_a;  // the second line of `why b`, `effects a`: "" when not followed
  std::string_view text, markdown;    // the holder's link line
  std::string_view other_text, other_markdown;  // the line of the event it names, read from that side
  std::vector<std::string> html_a, html_b;
  std::string_view dot;
};

const std::vector<kind_case>& cases() {
  static const std::vector<kind_case> all = {
      {"causes", "a", "caused by a  20 Nov 2015  A", "caused b  23 Nov 2015  B", "→ caused b", "- caused b",
       "← caused by a", "- caused by a", {"<b>Caused:</b> <a href=\"#event-b\">B</a>"}, {"<b>Caused by:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [color=\"#b03a2e\", label=\"caused\"];"},
      {"caused_by", "b", "caused by a  20 Nov 2015  A", "caused b  23 Nov 2015  B", "← caused by a", "- caused by a",
       "→ caused b", "- caused b", {"<b>Caused:</b> <a href=\"#event-b\">B</a>"}, {"<b>Caused by:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [color=\"#b03a2e\", label=\"caused\"];"},
      {"enables", "a", "enabled by a  20 Nov 2015  A", "enabled b  23 Nov 2015  B", "→ enabled b", "- enabled b", "← enabled by a", "- enabled by a",
       {"<b>Enabled:</b> <a href=\"#event-b\">B</a>"}, {"<b>Enabled by:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [color=\"#1f618d\", label=\"enabled\"];"},
      {"enabled_by", "b", "enabled by a  20 Nov 2015  A", "enabled b  23 Nov 2015  B", "← enabled by a",
       "- enabled by a", "→ enabled b", "- enabled b", {"<b>Enabled:</b> <a href=\"#event-b\">B</a>"},
       {"<b>Enabled by:</b> <a href=\"#event-a\">A</a>"}, "\"a\" -> \"b\" [color=\"#1f618d\", label=\"enabled\"];"},
      {"responds_to", "b", "responds to a  20 Nov 2015  A", "responded to by b  23 Nov 2015  B", "← responds to a",
       "- responds to a", "→ responded to by b", "- responded to by b", {"<b>Responded to by:</b> <a href=\"#event-b\">B</a>"},
       {"<b>Responds to:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [color=\"#7d3c98\", label=\"responded to by\"];"},
      {"part_of", "b", "", "", "← part of a", "- part of a", "→ has part b", "- has part b", {"<b>Has part:</b> <a href=\"#event-b\">B</a>"}, {"<b>Part of:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [style=dotted, dir=back, arrowtail=odiamond, label=\"has part\"];"},
      {"after", "b", "", "", "← after a", "- after a", "→ before b", "- before b", {"<b>Before:</b> <a href=\"#event-b\">B</a>"}, {"<b>After:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [style=dashed, color=gray40, label=\"before\"];"},
      {"before", "a", "", "", "→ before b", "- before b", "← after a", "- after a", {"<b>Before:</b> <a href=\"#event-b\">B</a>"}, {"<b>After:</b> <a href=\"#event-a\">A</a>"},
       "\"a\" -> \"b\" [style=dashed, color=gray40, label=\"before\"];"},
  };
  return all;
}

std::vector<std::string> html_notes(const std::string& page, std::string_view id) {
  const std::size_t from = page.find("<article class=\"item\" id=\"event-" + std::string(id) + "\" ");
  REQUIRE(from != std::string::npos);
  const std::size_t to = page.find("</article>", from);
  std::vector<std::string> out;
  for (const std::string& l : lines_with(page.substr(from, to - from), "<p class=\"note\">")) {
    std::string note = l.substr(std::string_view("<p class=\"note\">").size(), l.size() - 16 - 4);
    // The titles' isolation (<bdi>) aside: the words and links are what this test reads.
    for (std::string_view tag : {"<bdi>", "</bdi>"}) {
      for (auto at = note.find(tag); at != std::string::npos; at = note.find(tag)) note.erase(at, tag.size());
    }
    out.push_back(note);
  }
  return out;
}

}  // namespace

TEST_CASE("the link table says apart what is a cause, what why follows and what constrains time", "[links]") {
  for (const link_info& k : link_kinds()) {
    INFO(k.field);
    const link_info& c = info(k.converse);
    // A link and its converse are one link: the same meaning, read from the other event.
    CHECK(c.is_cause == k.is_cause);
    CHECK(c.followed == k.followed);
    CHECK(c.contributes == k.contributes);
    CHECK(c.relation == k.relation);
    CHECK(c.source_words == k.source_words);
    CHECK(c.target_words == k.target_words);
    if (&c != &k) CHECK(c.holder_is_source != k.holder_is_source);
    CHECK(k.source_words != k.target_words);
  }
  CHECK(is_cause(link_kind::causes));
  CHECK(is_cause(link_kind::caused_by));
  CHECK_FALSE(is_cause(link_kind::enabled_by));  // contributing, not a root cause
  CHECK(info(link_kind::enabled_by).contributes);
  CHECK_FALSE(is_cause(link_kind::responds_to));
  CHECK_FALSE(info(link_kind::responds_to).contributes);
  CHECK(is_followed(link_kind::responds_to));
  CHECK_FALSE(is_followed(link_kind::part_of));
  CHECK(link_words(link_kind::enabled_by) == "enabled by");
  CHECK(link_words(link_kind::responds_to) == "responds to");
  CHECK(link_words(link_kind::responds_to, false) == "responded to by");
  CHECK(link_words(link_kind::part_of, false) == "has part");
}

TEST_CASE("why and effects read every link kind in its own words from each side", "[links][cli]") {
  for (const kind_case& c : cases()) {
    SECTION(std::string(c.kind) + " on " + std::string(c.holder)) {
      const std::string yaml = two_events(c.kind, c.holder);
      const run_out why = annals_on(yaml, {"why", "b"});
      const run_out effects = annals_on(yaml, {"effects", "a"});
      CHECK(why.status == 0);
      CHECK(effects.status == 0);
      const std::string a_line = c.kind == "part_of" ? "a  Nov 2015  A\n" : "a  20 Nov 2015  A\n";
      CHECK(why.out == "b  23 Nov 2015  B\n" + (c.why_b.empty() ? "" : "  " + std::string(c.why_b) + "\n"));
      CHECK(effects.out == a_line + (c.effects_a.empty() ? "" : "  " + std::string(c.effects_a) + "\n"));
    }
  }
}

TEST_CASE("text, markdown, html and dot write every link kind in its own words and direction", "[links][cli]") {
  for (const kind_case& c : cases()) {
    SECTION(std::string(c.kind) + " on " + std::string(c.holder)) {
      const std::string yaml = two_events(c.kind, c.holder);
      const run_out text = annals_on(yaml, {"render", "--format", "text"});
      CHECK(text.status == 0);
      std::vector<std::string> arrows = lines_with(text.out, "→ ");
      for (std::string& l : lines_with(text.out, "← ")) arrows.push_back(l);
      // Both events read the link, each from its own side.
      std::sort(arrows.begin(), arrows.end());
      std::vector<std::string> expected{std::string(c.text), std::string(c.other_text)};
      std::sort(expected.begin(), expected.end());
      CHECK(arrows == expected);

      const run_out md = annals_on(yaml, {"render", "--format", "markdown"});
      CHECK(md.status == 0);
      std::vector<std::string> links = lines_with(md.out, "- ");
      std::erase_if(links, [](const std::string& l) { return !l.ends_with(" a") && !l.ends_with(" b"); });
      std::sort(links.begin(), links.end());
      std::vector<std::string> expected_md{std::string(c.markdown), std::string(c.other_markdown)};
      std::sort(expected_md.begin(), expected_md.end());
      CHECK(links == expected_md);

      const run_out html = annals_on(yaml, {"render", "--format", "html"});
      CHECK(html.status == 0);
      CHECK(html_notes(html.out, "a") == c.html_a);
      CHECK(html_notes(html.out, "b") == c.html_b);

      const run_out dot = annals_on(yaml, {"render", "--format", "dot"});
      CHECK(dot.status == 0);
      std::vector<std::string> edges = lines_with(dot.out, " -> ");
      std::erase_if(edges, [](const std::string& l) { return l.starts_with("\"tick:"); });  // the time axis
      CHECK(edges == std::vector<std::string>{std::string(c.dot)});
    }
  }
}

TEST_CASE("html never shows an enabling event as a cause", "[links][cli]") {
  const run_out html = annals_on(two_events("enabled_by", "b"), {"render", "--format", "html"});
  CHECK(html.out.find("Caused by") == std::string::npos);
  CHECK(html.out.find("Led to") == std::string::npos);
}

TEST_CASE("the svg legend names the arrows by the words of the links they draw", "[links][cli]") {
  const run_out svg = annals_on(two_events("causes", "a"), {"render", "--format", "svg"});
  CHECK(svg.out.find(">caused, enabled or responded to by</text>") != std::string::npos);
  CHECK(svg.out.find("<title>a caused b</title>") != std::string::npos);
  const run_out response = annals_on(two_events("responds_to", "b"), {"render", "--format", "svg"});
  CHECK(response.out.find("<title>a responded to by b</title>") != std::string::npos);
}

namespace {

// Impact at 13:42, caused by a bad rule (itself caused by a deploy), enabled by a missing
// limit and by a gap the deploy needed, answered by a page; a later cleanup is part of nothing.
constexpr const char* incident = R"(timeline: outage
events:
  - {id: deploy, title: Deploy, date: 2019-07-02T13:00Z}
  - {id: no-limit, title: No CPU limit, date: 2019-07-01T09:00Z, enables: [impact]}
  - {id: no-canary, title: No canary stage, date: 2019-07-01T08:00Z, enables: [deploy]}
  - {id: rule, title: Bad rule, date: 2019-07-02T13:31Z, caused_by: [deploy]}
  - {id: impact, title: CPU exhaustion, date: 2019-07-02T13:42Z, milestone: impact_start, caused_by: [rule]}
  - {id: page, title: Page, date: 2019-07-02T13:45Z, responds_to: [impact], milestone: detected}
)";

std::string section(const std::string& page, std::string_view heading, std::string_view next) {
  const std::size_t from = page.find(heading);
  REQUIRE(from != std::string::npos);
  return page.substr(from, page.find(next, from) - from);
}

// The root causes of the test incidents' impact (deploy causes the bad rule, which causes the
// impact), as the postmortem opens them, up to its contributors.
constexpr const char* bad_rule_causes =
        "## Root causes\n\n"
        "- **2 Jul 2019 13:31 UTC · T−0:11** — Bad rule\n"
        "  - **2 Jul 2019 13:00 UTC · T−0:42** — Deploy\n\n";

}  // namespace

TEST_CASE("the postmortem lists only causes as root causes and enabling events as contributing", "[links][cli]") {
  const run_out pm = annals_on(incident, {"render", "--format", "postmortem"});
  CHECK(pm.status == 0);
  CHECK(section(pm.out, "## Root causes", "## Trigger") == bad_rule_causes);
  CHECK(section(pm.out, "## Contributing factors", "## Lessons") ==
        "## Contributing factors\n\n"
        "- **1 Jul 2019 08:00 UTC · T−1d 05:42** — No canary stage (enabled the impact or a cause)\n"
        "- **1 Jul 2019 09:00 UTC · T−1d 04:42** — No CPU limit (enabled the impact or a cause)\n\n");
}

TEST_CASE("a postmortem whose impact is only enabled has no root cause but a contributing event", "[links][cli]") {
  const std::string yaml = R"(timeline: outage
events:
  - {id: no-limit, title: No CPU limit, date: 2019-07-01T09:00Z, enables: [impact]}
  - {id: impact, title: CPU exhaustion, date: 2019-07-02T13:42Z, milestone: impact_start}
)";
  const run_out pm = annals_on(yaml, {"render", "--format", "postmortem"});
  CHECK(section(pm.out, "## Root causes", "## Trigger") ==
        "## Root causes\n\n"
        "_To be written._ (no event is linked as a cause of impact start)\n\n");
  CHECK(section(pm.out, "## Contributing factors", "## Lessons") ==
        "## Contributing factors\n\n"
        "- **1 Jul 2019 09:00 UTC · T−1d 04:42** — No CPU limit (enabled the impact or a cause)\n\n");
}

TEST_CASE("the postmortem reads a link the same whichever event wrote it", "[links][cli]") {
  // The incident above with every link written on its other event.
  const std::string yaml = R"(timeline: outage
events:
  - {id: deploy, title: Deploy, date: 2019-07-02T13:00Z, causes: [rule]}
  - {id: no-limit, title: No CPU limit, date: 2019-07-01T09:00Z}
  - {id: no-canary, title: No canary stage, date: 2019-07-01T08:00Z}
  - {id: rule, title: Bad rule, date: 2019-07-02T13:31Z, causes: [impact]}
  - {id: impact, title: CPU exhaustion, date: 2019-07-02T13:42Z, milestone: impact_start, enabled_by: [no-limit]}
  - {id: page, title: Page, date: 2019-07-02T13:45Z, milestone: detected}
  - {id: deploy-2, title: Deploy again, date: 2019-07-02T13:50Z, responds_to: [impact], enabled_by: [no-canary]}
)";
  // deploy-2 responds to the impact: its own enabler, no-canary, contributes nothing to the impact.
  const run_out pm = annals_on(yaml, {"render", "--format", "postmortem"});
  CHECK(pm.status == 0);
  CHECK(section(pm.out, "## Root causes", "## Trigger") == bad_rule_causes);
  CHECK(section(pm.out, "## Contributing factors", "## Lessons") ==
        "## Contributing factors\n\n"
        "- **1 Jul 2019 09:00 UTC · T−1d 04:42** — No CPU limit (enabled the impact or a cause)\n\n");
}
