// annals: parse the command line, call the engine, print, map the result to an exit status.
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "annals/validate.hpp"

namespace po = boost::program_options;

namespace {

constexpr int exit_ok = 0, exit_input = 1, exit_usage = 2;

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses `args` against `options` with FILE... positional; throws usage_error.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& options,
                        const char* positional) {
  po::positional_options_description pos;
  pos.add(positional, -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw usage_error(e.what());
  }
  return vm;
}

int validate_command(const std::vector<std::string>& args) {
  po::options_description options("annals validate FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json")(
      "strict", "warnings fail the validation")("file", po::value<std::vector<std::string>>(), "FILE");
  const auto vm = parse(args, options, "file");
  if (vm.count("help")) {
    std::cout << options << '\n';
    return exit_ok;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw usage_error("unknown format '" + format + "'");
  if (!vm.count("file")) throw usage_error("validate needs at least one FILE");
  const bool strict = vm.count("strict") > 0;
  auto reader = annals::make_disk_reader();
  const auto result = annals::validate(vm["file"].as<std::vector<std::string>>(), *reader, {});
  std::cout << (format == "json" ? annals::report_json(result.diagnostics, strict)
                                 : annals::report_text(result.diagnostics));
  if (result.loaded.io_failed) return exit_usage;
  return result.valid(strict) ? exit_ok : exit_input;
}

struct command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

constexpr command commands[] = {
    {"validate", "check event files and report every problem with its position", validate_command},
};

void print_help(std::ostream& out) {
  out << "usage: annals COMMAND [options]\n\ncommands:\n";
  for (const command& c : commands) out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ')
                                         << c.summary << '\n';
  out << "\nannals COMMAND --help shows a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty()) {
    print_help(std::cerr);
    return exit_usage;
  }
  if (all[0] == "--help" || all[0] == "-h") {
    print_help(std::cout);
    return exit_ok;
  }
  if (all[0] == "--version") {
    std::cout << "annals " << ANNALS_VERSION << '\n';
    return exit_ok;
  }
  for (const command& c : commands) {
    if (all[0] != c.name) continue;
    try {
      return c.run({all.begin() + 1, all.end()});
    } catch (const usage_error& e) {
      std::cerr << "annals " << c.name << ": " << e.what() << "\n(see 'annals " << c.name << " --help')\n";
      return exit_usage;
    }
  }
  std::cerr << "annals: unknown command '" << all[0] << "'\n";
  print_help(std::cerr);
  return exit_usage;
}
