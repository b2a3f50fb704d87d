#include <catch2/catch.hpp>
#include <string>

#include "annals/commands.hpp"
#include "cli_run.hpp"

using annals::wants_color;
using namespace annals::testing;

TEST_CASE("colour only on a terminal that has it: not under NO_COLOR, TERM=dumb or no TERM", "[color]") {
  CHECK(wants_color(true, nullptr, "xterm-256color"));
  CHECK(wants_color(true, "", "xterm"));           // an empty NO_COLOR says nothing (no-color.org)
  CHECK_FALSE(wants_color(false, nullptr, "xterm"));  // a pipe or a file
  CHECK_FALSE(wants_color(true, "1", "xterm"));
  CHECK_FALSE(wants_color(true, "0", "xterm"));    // any value but "" turns colour off
  CHECK_FALSE(wants_color(true, nullptr, "dumb"));
  CHECK_FALSE(wants_color(true, nullptr, nullptr));
  CHECK_FALSE(wants_color(true, nullptr, ""));
}

// On a terminal (a pseudo-terminal that script(1) makes), the environment decides.
TEST_CASE("render on a terminal writes no colour codes under TERM=dumb, NO_COLOR or without TERM", "[color][cli]") {
  const cli_dir dir("terminal-color");
  dir.write("t.yaml",
            "timeline: t\ntitle: Colours\nevents:\n"
            "  - {id: a, title: First, date: 2015-11-23}\n"
            "  - {id: b, title: Second, date: 2015-11-24, after: [a]}\n");
  // The environment is set after env -u clears what the test runner's may hold.
  const auto run = [&](const std::string& vars) {
    const std::string out = dir / "out.txt";
    const std::string command = "\"$ANNALS\" render '" + (dir / "t.yaml") + "'";
    REQUIRE(run_sh("env -u NO_COLOR -u TERM " + vars + " script -qec \"" + command + "\" /dev/null </dev/null >'" +
                   out + "' 2>&1") == 0);
    const std::string text = cli_slurp(out);
    INFO(vars << ":\n" << text);
    CHECK(text.find("Second") != std::string::npos);
    return text.find('\x1b') != std::string::npos;
  };
  CHECK(run("TERM=xterm-256color"));  // the terminal the others are compared with
  CHECK_FALSE(run("TERM=dumb"));
  CHECK_FALSE(run("TERM=xterm NO_COLOR=1"));
  CHECK_FALSE(run(""));
  // Not a terminal: a pipe gets no colour whatever TERM says.
  const std::string out = dir / "piped.txt";
  REQUIRE(run_sh("TERM=xterm-256color \"$ANNALS\" render '" + (dir / "t.yaml") + "' | cat >'" + out + "'") == 0);
  CHECK(cli_slurp(out).find('\x1b') == std::string::npos);
}
