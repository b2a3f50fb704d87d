// The command table is the one list of commands and options: --help, the spelling hints,
// --version, the completions and the man page are built from it, and what they say is
// checked against it (and against the tables its choices come from).

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "annals/command_table.hpp"
#include "annals/validate.hpp"
#include "annals/version.hpp"
#include "cli_run.hpp"

using namespace annals;
using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/" + path);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The body of the fish function that prints the choices of `command_option` ("render_format").
std::string fish_choices(const std::string& fish, const std::string& command_option) {
  std::string name = command_option;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  const auto start = fish.find("function __annals_" + name + "\n");
  if (start == std::string::npos) return {};
  return fish.substr(start, fish.find("\nend\n", start) - start);
}

}  // namespace

TEST_CASE("every command and option of the table has one name", "[cli][commands]") {
  std::set<std::string_view> commands;
  for (const command_row& c : command_table()) {
    CHECK(commands.insert(c.name).second);
    CHECK(find_command(c.name) == &c);
    CHECK(!c.summary.empty());
    std::set<std::string_view> options{"help"};
    std::set<char> shorts{'h'};
    for (const option_row& o : c.options) {
      INFO(c.name << " --" << o.name);
      CHECK(options.insert(o.name).second);
      if (o.short_name) CHECK(shorts.insert(o.short_name).second);
      CHECK(!o.help.empty());
      CHECK((o.kind == value_kind::flag) == o.value_name.empty());
      CHECK((o.kind == value_kind::choice) == (o.choices != nullptr));
      if (o.choices && !o.default_value.empty()) {  // a default is one of the choices
        const auto choices = o.choices();
        CHECK(std::any_of(choices.begin(), choices.end(), [&](const choice& x) { return x.name == o.default_value; }));
      }
    }
  }
  CHECK(find_command("valdate") == nullptr);
}

TEST_CASE("annals --help lists every command of the table, and each command's --help every option", "[cli][commands]") {
  cli_dir dir("help-table");
  const auto top = run_cli(dir, {"--help"});
  CHECK(top.status == 0);
  for (const command_row& c : command_table()) {
    INFO(c.name);
    CHECK(top.out.find("\n  " + std::string(c.name) + " ") != std::string::npos);
    const auto help = run_cli(dir, {std::string(c.name), "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.rfind(usage_line(c), 0) == 0);
    for (const option_row& o : c.options) CHECK(help.out.find("--" + std::string(o.name)) != std::string::npos);
  }
  // A long list of choices is listed with what each means: render's formats, all of them.
  const auto render = run_cli(dir, {"render", "--help"});
  for (const renderer_entry& r : renderers()) {
    CHECK(render.out.find("\n  " + std::string(r.name) + " ") != std::string::npos);
  }
  CHECK(render.out.find("postmortem") != std::string::npos);
}

TEST_CASE("an unknown command is a usage error with a spelling hint", "[cli][commands]") {
  cli_dir dir("unknown-command");
  const auto typo = run_cli(dir, {"valdate", "x.yaml"});
  CHECK(typo.status == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err == "annals: unknown command 'valdate'; did you mean 'validate'?\n(see 'annals --help')\n");
  const auto far = run_cli(dir, {"frobnicate"});
  CHECK(far.status == 2);
  CHECK(far.err.find("annals: unknown command 'frobnicate'; the commands are validate, render, ") == 0);
  const auto none = run_cli(dir, {});
  CHECK(none.status == 2);
  CHECK(none.err.find("commands:") != std::string::npos);
}

TEST_CASE("an unknown value of a fixed set names the nearest and every one", "[cli][commands]") {
  cli_dir dir("unknown-choice");
  dir.write("a.yaml", "events:\n  - {id: a, title: A, date: 2015}\n");
  std::string formats;
  for (const renderer_entry& r : renderers()) formats += (formats.empty() ? "" : ", ") + std::string(r.name);
  const auto pos = formats.rfind(", ");
  formats.replace(pos, 2, " or ");
  const auto render = run_cli(dir, {"render", "a.yaml", "--format", "svgg"});
  CHECK(render.status == 2);
  CHECK(render.out.empty());
  CHECK(render.err == "annals render: unknown format 'svgg'; did you mean 'svg'? (use " + formats +
                          ")\n(see 'annals render --help')\n");

  std::vector<choice> reports;
  for (const report_format_row& r : report_formats()) reports.push_back({r.name, r.description});
  const auto validate = run_cli(dir, {"validate", "a.yaml", "--format", "sarf"});
  CHECK(validate.status == 2);
  CHECK(validate.err == "annals validate: unknown format 'sarf'; did you mean 'sarif'? (use " + choice_names(reports) +
                            ")\n(see 'annals validate --help')\n");

  const auto gaps = run_cli(dir, {"gaps", "a.yaml", "--format", "jsn"});
  CHECK(gaps.status == 2);
  CHECK(gaps.err == "annals gaps: unknown format 'jsn'; did you mean 'json'? (use text or json)\n(see 'annals gaps --help')\n");
  const auto layout = run_cli(dir, {"render", "a.yaml", "--format", "svg", "--layout", "diagonal"});
  CHECK(layout.status == 2);
  CHECK(layout.err.find("unknown layout 'diagonal' (use horizontal or vertical)") != std::string::npos);
  const auto shell = run_cli(dir, {"completions", "tcsh"});
  CHECK(shell.status == 2);
  CHECK(shell.err.find("unknown shell 'tcsh' (use bash, zsh or fish)") != std::string::npos);
}

TEST_CASE("an unknown option is a usage error with a spelling hint", "[cli][commands]") {
  cli_dir dir("unknown-option");
  const auto r = run_cli(dir, {"render", "a.yaml", "--fromat", "svg"});
  CHECK(r.status == 2);
  CHECK(r.err == "annals render: unknown option '--fromat'; did you mean '--format'?\n(see 'annals render --help')\n");
  // date has no short options: a negative year is a TEXT, and -h still asks for help.
  const auto date = run_cli(dir, {"date", "-h"});
  CHECK(date.status == 0);
  CHECK(date.out.rfind("annals date TEXT... [options]", 0) == 0);
  const auto year = run_cli(dir, {"date", "--reference", "2015-11-25", "-0043-03-15"});
  CHECK(year.status == 0);
}

TEST_CASE("the version is the top CMakeLists.txt's project VERSION, and --version says it", "[cli][commands]") {
  const std::string cmake = read_source("CMakeLists.txt");
  std::smatch m;
  REQUIRE(std::regex_search(cmake, m, std::regex(R"(project\(annals VERSION ([0-9.]+))")));
  CHECK(version() == m[1].str());
  cli_dir dir("version");
  const auto r = run_cli(dir, {"--version"});
  CHECK(r.status == 0);
  CHECK(r.out == "annals " + m[1].str() + "\n");
  CHECK(man_page().find("\"annals " + m[1].str() + "\"") != std::string::npos);
}

TEST_CASE("the completions and the man page offer every command, option and choice of the table", "[cli][commands]") {
  const std::string bash = completion_script(shell::bash), zsh = completion_script(shell::zsh),
                    fish = completion_script(shell::fish), man = man_page();
  CHECK(zsh.rfind("#compdef annals\n", 0) == 0);
  for (const command_row& c : command_table()) {
    INFO(c.name);
    CHECK(bash.find("    " + std::string(c.name) + ")\n") != std::string::npos);
    CHECK(zsh.find("'" + std::string(c.name) + ":") != std::string::npos);
    CHECK(fish.find("-a " + std::string(c.name) + " ") != std::string::npos);
    CHECK(man.find(".SS annals " + std::string(c.name)) != std::string::npos);
    for (const option_row& o : c.options) {
      INFO("--" << o.name);
      const std::string name = "--" + std::string(o.name);
      CHECK(bash.find(name) != std::string::npos);
      CHECK(zsh.find(name) != std::string::npos);
      CHECK(fish.find("-l " + std::string(o.name)) != std::string::npos);
      std::string roff_name;
      for (char ch : name) roff_name += ch == '-' ? std::string("\\-") : std::string(1, ch);
      CHECK(man.find(roff_name) != std::string::npos);
      if (!o.choices) continue;
      const std::string fish_function = fish_choices(fish, std::string(c.name) + "_" + std::string(o.name));
      for (const choice& x : o.choices()) {
        INFO(x.name);
        CHECK(bash.find(std::string(x.name)) != std::string::npos);
        CHECK(zsh.find(std::string(x.name) + "\\:") != std::string::npos);
        CHECK(fish_function.find(" '" + std::string(x.name) + "' ") != std::string::npos);
      }
    }
  }
  // The formats there are, from their tables: a new row is offered without another edit.
  for (const renderer_entry& r : renderers()) {
    CHECK(fish_choices(fish, "render_format").find(" '" + std::string(r.name) + "' ") != std::string::npos);
  }
  for (const report_format_row& r : report_formats()) {
    CHECK(fish_choices(fish, "validate_format").find(" '" + std::string(r.name) + "' ") != std::string::npos);
  }
  for (const import_format& i : import_formats()) {
    CHECK(fish_choices(fish, "import_FORMAT").find(" '" + std::string(i.name) + "' ") != std::string::npos);
  }
}

TEST_CASE("annals completions writes each shell's script, and refuses a shell it does not know", "[cli][commands]") {
  cli_dir dir("completions");
  for (std::string_view s : {"bash", "zsh", "fish"}) {
    const auto r = run_cli(dir, {"completions", std::string(s)});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == completion_script(s == "bash" ? shell::bash : s == "zsh" ? shell::zsh : shell::fish));
  }
  CHECK(run_cli(dir, {"completions"}).status == 2);
  CHECK(run_cli(dir, {"completions", "bash", "zsh"}).status == 2);
}

TEST_CASE("the README's command summary names every command of the table", "[cli][commands][readme]") {
  const std::string readme = read_source("README.md");
  const auto start = readme.find("## Commands\n\n```\n");
  REQUIRE(start != std::string::npos);
  const std::string block = readme.substr(start, readme.find("```\n", start + 16) - start);
  for (const command_row& c : command_table()) {
    INFO(c.name);
    CHECK(block.find("\nannals " + std::string(c.name) + " ") != std::string::npos);
  }
}
