// --style os-ns through the command line: Julian dates labelled as English histories write
// them, "25 Oct 1917 O.S. = 7 Nov 1917 N.S.", by render (every format that prints labels),
// why, effects and gaps; Gregorian dates and those of other calendars unchanged; without
// it, "(Julian) = ". Figures checked by hand: Julian 25 Oct 1917 is Gregorian 7 Nov 1917,
// Julian 9 Jan 1905 is 22 Jan 1905, Julian 2 Mar 1917 is 15 Mar 1917 (13 days apart).

#include <catch2/catch.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

constexpr const char* russia = R"(timeline: russia
title: Russia 1905-1918
events:
  - {id: sunday, title: Bloody Sunday, date: 9 January 1905 (Julian)}
  - {id: abdication, title: The Tsar abdicates, date: 2 March 1917 (Julian), caused_by: [sunday]}
  - {id: october, title: The Winter Palace is taken, date: 25 October 1917 (Julian), caused_by: [abdication]}
  - {id: family, title: The imperial family is shot, date: 17 July 1918, caused_by: [october]}
)";

// A label as `format` writes it: dot, whose nodes are narrow, breaks a date in two calendars
// between them ("25 Oct 1917 O.S.", "= 7 Nov 1917 N.S.", escaped as DOT writes a newline).
std::string in(std::string_view format, std::string label) {
  if (format == "dot") label.replace(label.find(" = "), 1, "\\n");
  return label;
}

}  // namespace

TEST_CASE("Old Style labels on request: Julian dates O.S. with their N.S. equivalent in every format", "[label-style][cli]") {
  cli_dir dir("label-style-render");
  dir.write("russia.yaml", russia);
  for (const char* format : {"text", "markdown", "html", "svg", "timelinejs", "json", "csv", "mermaid", "dot", "ics"}) {
    INFO(format);
    const auto styled = run_cli_clean(dir, {"render", "russia.yaml", "--format", format, "--style", "os-ns"});
    CHECK(styled.out.find(in(format, "25 Oct 1917 O.S. = 7 Nov 1917 N.S.")) != std::string::npos);
    CHECK(styled.out.find(in(format, "9 Jan 1905 O.S. = 22 Jan 1905 N.S.")) != std::string::npos);
    if (std::string(format) != "json") CHECK(styled.out.find("(Julian)") == std::string::npos);  // JSON keeps the input
    CHECK(styled.out.find("17 Jul 1918 N.S.") == std::string::npos);  // a Gregorian date stays as it is
    const auto plain = run_cli_clean(dir, {"render", "russia.yaml", "--format", format});
    CHECK(plain.out.find(in(format, "25 Oct 1917 (Julian) = 7 Nov 1917")) != std::string::npos);
    CHECK(plain.out.find("O.S.") == std::string::npos);
    CHECK(run_cli_clean(dir, {"render", "russia.yaml", "--format", format, "--style", "as-written"}).out == plain.out);
  }
}

TEST_CASE("Old Style labels on request in why, effects and gaps as render does", "[label-style][cli]") {
  cli_dir dir("label-style-commands");
  dir.write("russia.yaml", russia);
  const auto why = run_cli_clean(dir, {"why", "russia.yaml", "family", "--style", "os-ns"});
  CHECK(why.out.find("25 Oct 1917 O.S. = 7 Nov 1917 N.S.") != std::string::npos);
  CHECK(why.out.find("2 Mar 1917 O.S. = 15 Mar 1917 N.S.") != std::string::npos);
  CHECK(why.out.find("(Julian)") == std::string::npos);
  const auto effects = run_cli_clean(dir, {"effects", "russia.yaml", "sunday", "--style", "os-ns"});
  CHECK(effects.out.find("9 Jan 1905 O.S. = 22 Jan 1905 N.S.") != std::string::npos);
  CHECK(effects.out.find("(Julian)") == std::string::npos);
  const auto gaps = run_cli_clean(dir, {"gaps", "russia.yaml", "--style", "os-ns"});
  CHECK(gaps.out.find("2 Mar 1917 O.S. = 15 Mar 1917 N.S. → 25 Oct 1917 O.S. = 7 Nov 1917 N.S.") != std::string::npos);
  CHECK(gaps.out.find("(Julian)") == std::string::npos);
  CHECK(run_cli_clean(dir, {"gaps", "russia.yaml"}).out.find("2 Mar 1917 (Julian) = 15 Mar 1917") != std::string::npos);
}

TEST_CASE("an unknown --style is a usage error naming the styles", "[label-style][cli]") {
  cli_dir dir("label-style-refused");
  dir.write("russia.yaml", russia);
  for (const char* command : {"render", "gaps", "metrics"}) {
    INFO(command);
    const auto r = run_cli(dir, {command, "russia.yaml", "--style", "old-style"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == std::string("annals ") + command +
                       ": unknown label style 'old-style' (use as-written or os-ns)\n"
                       "(see 'annals " + command + " --help')\n");
  }
}
