// annals: parse the command line, call the engine, print, map the result to an exit status.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "annals/causes.hpp"
#include "annals/date_command.hpp"
#include "annals/gaps.hpp"
#include "annals/output.hpp"
#include "annals/render.hpp"
#include "annals/validate.hpp"

namespace po = boost::program_options;

namespace {

constexpr int exit_ok = 0, exit_input = 1, exit_usage = 2;

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses `args` against `options` with FILE... positional; throws usage_error.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& options,
                        const char* positional, int style = po::command_line_style::default_style) {
  po::positional_options_description pos;
  pos.add(positional, -1);
  // The positional arguments are an option too, but not one --help lists.
  po::options_description all;
  all.add(options).add_options()(positional, po::value<std::vector<std::string>>());
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw usage_error(e.what());
  }
  return vm;
}

// Load options from the environment: ANNALS_THREADS caps the parsing threads
// (benchmarks compare one thread with all).
// Progress on big inputs goes to standard error when it is a terminal.
std::atomic<bool> progress_shown{false};
annals::load_options load_options() {
  annals::load_options o;
  if (const char* t = std::getenv("ANNALS_THREADS")) o.threads = std::strtoul(t, nullptr, 10);
  if (isatty(STDERR_FILENO)) {
    static const auto start = std::chrono::steady_clock::now();
    o.progress = [](const std::string& path, std::size_t events, std::size_t bytes, std::size_t total) {
      constexpr std::size_t big = 10 << 20;  // smaller files read too fast to need it
      if (total < big) return;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\r%s: %zu of %zu MB, %zu events, %.1f MB/s\033[K", path.c_str(), bytes >> 20,
                   total >> 20, events, seconds > 0 ? static_cast<double>(bytes) / (1 << 20) / seconds : 0.0);
      progress_shown = true;
    };
  }
  return o;
}

// Clears the progress line, if there is one, before results are printed.
void end_progress() {
  if (progress_shown) std::fprintf(stderr, "\r\033[K");
}

int validate_command(const std::vector<std::string>& args) {
  po::options_description options("annals validate FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json")(
      "strict", "warnings fail the validation");
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
  const auto result = annals::validate(vm["file"].as<std::vector<std::string>>(), *reader, load_options());
  end_progress();
  std::cout << (format == "json" ? annals::report_json(result.diagnostics, strict)
                                 : annals::report_text(result.diagnostics));
  if (result.loaded.io_failed) return exit_usage;
  return result.valid(strict) ? exit_ok : exit_input;
}

// The format option of a command that prints text or json.
std::string text_or_json(const po::variables_map& vm) {
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw usage_error("unknown format '" + format + "'");
  return format;
}

// Loads and checks FILE... for a command that reads a timeline; every diagnostic
// goes to standard error. `status` is exit_input when the input has errors, and
// `usable` says whether the command may still run: only when the errors are wrong
// claims, which `gaps` exists to show.
struct loaded_input {
  annals::validation v;
  int status = exit_ok;
  bool usable = true;
};

loaded_input load_checked(const po::variables_map& vm) {
  if (!vm.count("file")) throw usage_error("at least one FILE is needed");
  auto reader = annals::make_disk_reader();
  loaded_input in{annals::validate(vm["file"].as<std::vector<std::string>>(), *reader, load_options())};
  end_progress();
  for (const auto& d : in.v.diagnostics) std::cerr << annals::format_text(d) << '\n';
  if (!in.v.valid(false)) {
    in.status = in.v.loaded.io_failed ? exit_usage : exit_input;
    in.usable = std::all_of(in.v.diagnostics.begin(), in.v.diagnostics.end(), [](const annals::diagnostic& d) {
      return d.level != annals::severity::error || d.code == "claim-mismatch";
    });
  }
  return in;
}

// The input of a command that needs a valid timeline: on errors, the status to exit with.
loaded_input load_valid(const po::variables_map& vm) {
  loaded_input in = load_checked(vm);
  in.usable = in.status == exit_ok;
  return in;
}

int date_command(const std::vector<std::string>& args) {
  po::options_description options("annals date TEXT... [options]");
  options.add_options()("help,h", "show this help")(
      "reference", po::value<std::string>()->default_value(""), "anchor for relative dates (YYYY-MM-DD; default today)")(
      "calendar", po::value<std::string>()->default_value(""), "gregorian, julian, solar_hijri or islamic")(
      "tz", po::value<std::string>()->default_value(""), "IANA zone for times without an offset")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  // No short options here, so that a negative year (-0043-03-15) is a TEXT; -h by hand.
  const bool short_help = std::find(args.begin(), args.end(), "-h") != args.end();
  const auto vm = parse(args, options, "text", po::command_line_style::default_style & ~po::command_line_style::allow_short);
  if (short_help || vm.count("help")) {
    std::cout << options << '\n';
    return exit_ok;
  }
  if (!vm.count("text")) throw usage_error("date needs at least one TEXT");
  annals::date_options o{vm["reference"].as<std::string>(), vm["calendar"].as<std::string>(),
                         vm["tz"].as<std::string>(), text_or_json(vm)};
  // The engine reads no clock: today is decided here, at the edge.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto result = annals::run_date_command(vm["text"].as<std::vector<std::string>>(), o, today);
  std::cout << result.out;
  std::cerr << result.err;
  return result.status;
}

int gaps_command(const std::vector<std::string>& args) {
  po::options_description options("annals gaps FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "series", po::value<std::string>(), "the events to measure: 'kind=visit actor=putin place=tehran'")(
      "by", po::value<std::string>(), "one series per value of these keys: kind,actor,place,tag")(
      "min", po::value<std::string>(), "only gaps that may last at least this long (8 years, P1Y)")(
      "quiet", po::value<std::string>(), "also stretches of at least this long with no event at all")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  const auto vm = parse(args, options, "file");
  if (vm.count("help")) {
    std::cout << options << '\n';
    return exit_ok;
  }
  const std::string format = text_or_json(vm);
  auto duration_option = [&](const char* name) -> std::optional<annals::duration> {
    if (!vm.count(name)) return std::nullopt;
    auto d = annals::parse_duration(vm[name].as<std::string>());
    if (!d) throw usage_error("cannot read '" + vm[name].as<std::string>() + "' as a duration for --" + name);
    return d;
  };
  annals::gap_options o;
  o.min = duration_option("min");
  o.quiet = duration_option("quiet");
  if (vm.count("by")) {
    auto keys = annals::parse_series_keys(vm["by"].as<std::string>());
    if (!keys.ok()) throw usage_error(keys.error + (keys.hint.empty() ? "" : "; " + keys.hint));
    o.by = keys.value;
  }
  // Gaps run despite wrong claims: the real gaps are what their author needs to see.
  auto in = load_checked(vm);
  if (!in.usable) return in.status;
  const auto& tl = in.v.loaded.tl;
  if (vm.count("series")) {
    auto s = annals::parse_selector(vm["series"].as<std::string>(), tl);
    if (!s.ok()) throw usage_error(s.error + (s.hint.empty() ? "" : "; " + s.hint));
    o.series = s.value;
  }
  const auto report = annals::find_gaps(tl, in.v.chron, o);
  std::cout << (format == "json" ? annals::format_gaps_json(report, tl) : annals::format_gaps_text(report, tl));
  return in.status;
}

int trace_command(const std::vector<std::string>& args, annals::causal_direction direction, const char* name) {
  po::options_description options(std::string("annals ") + name + " FILE... ID [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  auto vm = parse(args, options, "file");
  if (vm.count("help")) {
    std::cout << options << '\n';
    return exit_ok;
  }
  const std::string format = text_or_json(vm);
  auto files = vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() < 2) throw usage_error(std::string(name) + " needs FILE... and an event ID");
  const std::string id = files.back();
  files.pop_back();
  vm.at("file").value() = files;
  auto in = load_valid(vm);
  if (in.status != exit_ok) return in.status;
  const auto& tl = in.v.loaded.tl;
  const auto found = annals::lookup_event(tl, id);
  if (!found.index) throw usage_error(found.error);
  const auto tree = annals::trace_causal(tl, *found.index, direction, in.v.chron);
  std::cout << (format == "json" ? annals::format_causal_json(tl, tree)
                                 : annals::format_causal_text(tl, tree, in.v.chron));
  return exit_ok;
}

std::string format_list() {
  std::string out;
  for (const auto& r : annals::renderers()) {
    out += "\n  " + std::string(r.name) + std::string(r.name.size() < 11 ? 11 - r.name.size() : 1, ' ') +
           std::string(r.description);
  }
  return out;
}

int render_command(const std::vector<std::string>& args) {
  using strings = std::vector<std::string>;
  po::options_description options("annals render FILE... [options]\n\nformats:" + format_list() + "\n\noptions");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "the output format (above)")(
      "output,o", po::value<std::string>()->default_value(""), "write to this file (atomically) instead of standard output")(
      "from", po::value<std::string>()->default_value(""), "only events that can end on or after this date")(
      "to", po::value<std::string>()->default_value(""), "only events that can begin on or before this date")(
      "kind", po::value<strings>()->default_value({}, ""), "only events of this kind (repeatable)")(
      "actor", po::value<strings>()->default_value({}, ""), "only events with this actor (repeatable)")(
      "place", po::value<strings>()->default_value({}, ""), "only events at this place (repeatable)")(
      "tag", po::value<strings>()->default_value({}, ""), "only events with this tag (repeatable)")(
      "lanes", po::value<std::string>()->default_value("actor"), "html/svg: one lane per actor or per kind");
  const auto vm = parse(args, options, "file");
  if (vm.count("help")) {
    std::cout << options << '\n';
    return exit_ok;
  }
  const std::string format = vm["format"].as<std::string>();
  if (!annals::find_renderer(format)) throw usage_error("unknown format '" + format + "'");
  const std::string lanes = vm["lanes"].as<std::string>();
  if (lanes != "actor" && lanes != "kind") throw usage_error("--lanes takes actor or kind");
  auto in = load_valid(vm);
  if (in.status != exit_ok) return in.status;
  const auto& tl = in.v.loaded.tl;

  annals::date_context context;
  if (!tl.files.empty()) {
    context.reference = tl.files[0].reference;
    context.timezone = tl.files[0].timezone;
  }
  const auto filter = annals::make_filter({vm["from"].as<std::string>(), vm["to"].as<std::string>(),
                                           vm["kind"].as<strings>(), vm["actor"].as<strings>(),
                                           vm["place"].as<strings>(), vm["tag"].as<strings>()},
                                          context);
  if (filter.error) throw usage_error(filter.error_option + ": " + filter.error->message);
  const auto chron = annals::apply_filter(tl, std::move(in.v.chron), filter.filter);

  const std::string output = vm["output"].as<std::string>();
  annals::render_options o;
  o.lanes = lanes == "kind" ? annals::render_options::lane_key::kind : annals::render_options::lane_key::actor;
  const bool terminal = output.empty() && isatty(STDOUT_FILENO);
  o.color = terminal && !std::getenv("NO_COLOR");
  if (winsize w{}; terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 40) o.width = w.ws_col;
  // Streamed either way: a million events are never one string.
  const auto render = [&](std::ostream& out) {
    annals::find_renderer(format)->factory()->render(tl, chron, o, out);
  };
  if (output.empty()) {
    render(std::cout);
    return exit_ok;
  }
  if (auto w = annals::write_atomically(output, render, vm["file"].as<strings>()); !w.ok()) {
    std::cerr << "annals render: " << *w.error << '\n';
    return exit_usage;
  }
  return exit_ok;
}

int why_command(const std::vector<std::string>& args) {
  return trace_command(args, annals::causal_direction::causes, "why");
}

int effects_command(const std::vector<std::string>& args) {
  return trace_command(args, annals::causal_direction::effects, "effects");
}

struct command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

constexpr command commands[] = {
    {"validate", "check event files and report every problem with its position", validate_command},
    {"render", "draw the chronology: text, markdown, json, csv, html, svg, dot, mermaid, ics, timelinejs",
     render_command},
    {"gaps", "the gaps between the events of a series, and quiet periods", gaps_command},
    {"date", "normalize date texts to intervals", date_command},
    {"why", "the causes of an event, transitively, as a tree", why_command},
    {"effects", "what an event led to, transitively, as a tree", effects_command},
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
