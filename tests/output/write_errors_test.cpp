// A failed or short write to standard output is exit status 2 and a line on standard
// error, for every command: never a truncated page and exit status 0.

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <ostream>
#include <string>
#include <vector>

#include "annals/standard_output.hpp"
#include "annals/command_table.hpp"
#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::cli_slurp;
using annals::testing::run_sh;

namespace {

const std::string seed = ANNALS_SOURCE_DIR "/timelines/cloudflare-2019.yaml";

struct invocation {
  std::string command;  // as the message names it; "" for annals' own --help and --version
  std::string args;
};

// Every command, each format of the ones with a choice, and the help texts.
std::vector<invocation> invocations() {
  std::vector<invocation> all = {
      // (text and github write nothing on standard output for a clean file: the summary is on standard error)
      {"validate", "validate --format json " + seed},
      {"validate", "validate --format sarif " + seed},
      {"gaps", "gaps " + seed},
      {"gaps", "gaps --format json " + seed},
      {"date", "date 2015-11-23"},
      {"date", "date --format json 2015-11-23"},
      {"metrics", "metrics " + seed},
      {"metrics", "metrics --format json " + seed},
      {"why", "why " + seed + " traffic-recovers"},
      {"why", "why --format json " + seed + " traffic-recovers"},
      {"effects", "effects " + seed + " rule-deployed"},
      {"effects", "effects --format json " + seed + " rule-deployed"},
      {"", "--help"},
      {"", "--version"},
  };
  // Every format of the table but the pictures (drawn by libraries loaded for them).
  for (const annals::renderer_entry& format : annals::renderers()) {
    if (format.unavailable) continue;
    all.push_back({"render", "render --format " + std::string(format.name) + " " + seed});
  }
  for (const annals::command_row& c : annals::command_table()) {
    all.push_back({std::string(c.name), std::string(c.name) + " --help"});
  }
  all.push_back({"completions", "completions bash"});
  return all;
}

}  // namespace

TEST_CASE("every command writing to a full disk exits 2 and says it could not write", "[write-errors]") {
  cli_dir dir("write-errors-full");
  const std::string err = dir / "err";
  for (const invocation& i : invocations()) {
    INFO("annals " << i.args);
    CHECK(run_sh("\"$ANNALS\" " + i.args + " >/dev/full 2>'" + err + "'") == 2);
    const std::string message = std::string("annals") + (i.command.empty() ? "" : " " + i.command) +
                                ": cannot write standard output: No space left on device\n";
    const std::string said = cli_slurp(err);
    CHECK(said.size() >= message.size());
    CHECK(said.substr(said.size() - std::min(said.size(), message.size())) == message);
  }
}

TEST_CASE("a write cut short part way through a page exits 2", "[write-errors]") {
  cli_dir dir("write-errors-short");
  const std::string out = dir / "page.html", err = dir / "err";
  // A file size limit of 1 KiB: the write that crosses it is short, the next one fails
  // with EFBIG (the signal that would say so is ignored).
  CHECK(run_sh("trap '' XFSZ; ulimit -f 1; \"$ANNALS\" render --format html '" + seed + "' >'" + out +
               "' 2>'" + err + "'") == 2);
  CHECK(cli_slurp(err) == "annals render: cannot write standard output: File too large\n");
  CHECK(cli_slurp(out).size() <= 1024);
}

TEST_CASE("a page written whole to standard output exits 0 with every byte", "[write-errors]") {
  cli_dir dir("write-errors-whole");
  const std::string piped = dir / "piped.html", file = dir / "file.html";
  CHECK(run_sh("\"$ANNALS\" render --format html '" + seed + "' >'" + piped + "'") == 0);
  CHECK(run_sh("\"$ANNALS\" render --format html '" + seed + "' -o '" + file + "'") == 0);
  CHECK(cli_slurp(piped).size() > 1024);
  CHECK(cli_slurp(piped) == cli_slurp(file));
}

TEST_CASE("checked output keeps the errno of the first failed write until the end", "[write-errors]") {
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(full >= 0);
  std::ostream stream(nullptr);
  {
    annals::checked_output out(stream, full);
    stream << std::string(200'000, 'x');  // past the buffer: fails before the end
    stream << "more";
    CHECK(out.finish() == ENOSPC);
    CHECK(out.finish() == ENOSPC);
  }
  CHECK(stream.rdbuf() == nullptr);  // its own buffer back
  ::close(full);
  CHECK(annals::cannot_write_output("why", ENOSPC) ==
        "annals why: cannot write standard output: No space left on device\n");
  CHECK(annals::cannot_write_output("", EFBIG) == "annals: cannot write standard output: File too large\n");
}

TEST_CASE("checked output writes every byte and reports none failed", "[write-errors]") {
  cli_dir dir("write-errors-helper");
  const std::string path = dir / "out";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  std::ostream stream(nullptr);
  const std::string bytes(200'000, 'y');
  {
    annals::checked_output out(stream, fd);
    stream << bytes << '\n';
    CHECK(out.finish() == 0);
  }
  ::close(fd);
  CHECK(cli_slurp(path) == bytes + "\n");
}
