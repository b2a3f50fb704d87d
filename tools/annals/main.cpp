// annals: parse the command line, call the engine, map its outcome to an exit status.
// Everything a command decides lives in the engine (annals/commands.hpp).
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "annals/commands.hpp"
#include "annals/lsp.hpp"
#include "annals/standard_output.hpp"

namespace po = boost::program_options;

namespace {

using strings = std::vector<std::string>;

int exit_status(annals::outcome o) {
  switch (o) {
    case annals::outcome::ok: return 0;
    case annals::outcome::input_error: return 1;
    case annals::outcome::usage_error: return 2;
  }
  return 2;
}

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses `args` against `options` with `positional` for the rest; throws usage_error.
po::variables_map parse(const strings& args, const po::options_description& options, const char* positional,
                        int style = po::command_line_style::default_style) {
  po::positional_options_description pos;
  pos.add(positional, -1);
  // The positional arguments are an option too, but not one --help lists.
  po::options_description all;
  all.add(options).add_options()(positional, po::value<strings>()->default_value({}, ""));
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw usage_error(e.what());
  }
  return vm;
}

std::string text(const po::variables_map& vm, const char* name) { return vm[name].as<std::string>(); }

// --tz and --style on the commands that show dates: one wording in every --help.
void add_tz_option(po::options_description& options) {
  options.add_options()("tz", po::value<std::string>()->default_value(""),
                        "show every time of day in this IANA zone (America/New_York, UTC); default: each in its writer's")(
      "style", po::value<std::string>()->default_value("as-written"),
      "how Julian dates are labelled: as-written (25 Oct 1917 (Julian) = 7 Nov 1917) or os-ns (25 Oct 1917 O.S. = 7 Nov 1917 N.S.)");
}

// Progress on big inputs goes to standard error when it is a terminal; ANNALS_THREADS caps
// the parsing threads (benchmarks compare one thread with all).
std::atomic<bool> progress_shown{false};

annals::command_env environment() {
  static const auto reader = annals::make_disk_reader();
  annals::command_env env{*reader, std::cout, std::cerr, {}};
  if (const char* t = std::getenv("ANNALS_THREADS")) env.load.threads = std::strtoul(t, nullptr, 10);
  if (isatty(STDERR_FILENO)) {
    static const auto start = std::chrono::steady_clock::now();
    env.load.progress = [](const std::string& path, std::size_t events, std::size_t bytes, std::size_t total) {
      constexpr std::size_t big = 10 << 20;  // smaller files read too fast to need it
      if (total < big) return;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\r%s: %zu of %zu MB, %zu events, %.1f MB/s\033[K", path.c_str(), bytes >> 20,
                   total >> 20, events, seconds > 0 ? static_cast<double>(bytes) / (1 << 20) / seconds : 0.0);
      progress_shown = true;
    };
  }
  return env;
}

// Runs a command after clearing the progress line, if there is one.
int finish(annals::outcome o) {
  if (progress_shown) std::fprintf(stderr, "\r\033[K");
  return exit_status(o);
}

bool help(const po::variables_map& vm, const po::options_description& options) {
  if (vm.count("help")) std::cout << options << '\n';
  return vm.count("help") > 0;
}

int validate_command(const strings& args) {
  po::options_description options("annals validate FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json")(
      "strict", "warnings fail the validation");
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  auto env = environment();
  return finish(annals::run_validate({vm["file"].as<strings>(), text(vm, "format"), vm.count("strict") > 0}, env));
}

int date_command(const strings& args) {
  po::options_description options("annals date TEXT... [options]");
  options.add_options()("help,h", "show this help")(
      "reference", po::value<std::string>()->default_value(""),
      "anchor for relative dates: any date, kept at its precision (2015-11-25, August 1862; default today)")(
      "reading", po::value<std::string>()->default_value("news"),
      "news (an article's date: a month without a year looks back) or narrative (the last date a history named: forward)")(
      "calendar", po::value<std::string>()->default_value(""), "gregorian, julian, solar_hijri, islamic, hebrew, rumi or french_republican")(
      "tz", po::value<std::string>()->default_value(""), "IANA zone for days and times without an offset")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  // No short options here, so that a negative year (-0043-03-15) is a TEXT; -h by hand.
  const bool short_help = std::find(args.begin(), args.end(), "-h") != args.end();
  const auto vm = parse(args, options, "text", po::command_line_style::default_style & ~po::command_line_style::allow_short);
  if (short_help) {
    std::cout << options << '\n';
    return 0;
  }
  if (help(vm, options)) return 0;
  // The engine reads no clock: today is decided here, at the edge.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return exit_status(annals::run_date({vm["text"].as<strings>(), text(vm, "reference"), text(vm, "calendar"),
                                       text(vm, "tz"), text(vm, "format"), text(vm, "reading")},
                                      today, std::cout, std::cerr));
}

int gaps_command(const strings& args) {
  po::options_description options("annals gaps FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "series", po::value<std::string>()->default_value(""), "the events to measure: 'kind=visit actor=putin place=tehran'")(
      "by", po::value<std::string>()->default_value(""), "one series per value of these keys: kind,actor,place,tag")(
      "min", po::value<std::string>()->default_value(""), "only gaps that may last at least this long (8 years, P1Y)")(
      "quiet", po::value<std::string>()->default_value(""), "stretches of at least this long with no event at all (alone: only these)")(
      "from", po::value<std::string>()->default_value(""), "only events that can end on or after this date")(
      "to", po::value<std::string>()->default_value(""), "only events that can begin on or before this date")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  add_tz_option(options);
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  auto env = environment();
  return finish(annals::run_gaps({vm["file"].as<strings>(), text(vm, "series"), text(vm, "by"), text(vm, "min"),
                                  text(vm, "quiet"), text(vm, "from"), text(vm, "to"), text(vm, "format"), text(vm, "tz"), text(vm, "style")},
                                 env));
}

int metrics_command(const strings& args) {
  po::options_description options("annals metrics FILE... [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  add_tz_option(options);
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  auto env = environment();
  return finish(annals::run_metrics({vm["file"].as<strings>(), text(vm, "format"), text(vm, "tz"), text(vm, "style")}, env));
}

int trace_command(const strings& args, annals::causal_direction direction, const char* name) {
  po::options_description options(std::string("annals ") + name + " FILE... ID [options]");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  add_tz_option(options);
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  strings files = vm["file"].as<strings>();
  std::string id;
  if (!files.empty()) {
    id = files.back();
    files.pop_back();
  }
  auto env = environment();
  return finish(annals::run_trace({files, id, direction, text(vm, "format"), text(vm, "tz"), text(vm, "style")}, env));
}

std::string format_list() {
  std::string out;
  for (const auto& r : annals::renderers()) {
    out += "\n  " + std::string(r.name) + std::string(r.name.size() < 11 ? 11 - r.name.size() : 1, ' ') +
           std::string(r.description);
  }
  return out;
}

int render_command(const strings& args) {
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
      "lanes", po::value<std::string>()->default_value("actor"), "html/svg: one lane per actor or per kind")(
      "layout", po::value<std::string>()->default_value("horizontal"),
      "svg, png, pdf, html: time across the page in lanes, or vertical: down the page, for print")(
      "embed-media", po::bool_switch(), "html, timelinejs: inline local image files as data: URIs")(
      "media-root", po::value<std::string>()->default_value(""),
      "with --embed-media: read media paths beneath this folder, not each timeline file's");
  add_tz_option(options);
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  annals::render_args r;
  r.files = vm["file"].as<strings>();
  r.format = text(vm, "format");
  r.output = text(vm, "output");
  r.filter = {text(vm, "from"), text(vm, "to"), vm["kind"].as<strings>(), vm["actor"].as<strings>(),
              vm["place"].as<strings>(), vm["tag"].as<strings>()};
  r.lanes = text(vm, "lanes");
  r.layout = text(vm, "layout");
  r.embed_media = vm["embed-media"].as<bool>();
  r.media_root = text(vm, "media-root");
  r.tz = text(vm, "tz");
  r.style = text(vm, "style");
  const bool terminal = r.output.empty() && isatty(STDOUT_FILENO);
  r.color = annals::wants_color(terminal, std::getenv("NO_COLOR"), std::getenv("TERM"));
  if (winsize w{}; terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 40) r.width = w.ws_col;
  auto env = environment();
  return finish(annals::run_render(r, env));
}

int extract_command(const strings& args) {
  po::options_description options("annals extract ARTICLE... --reference DATE [options]");
  options.add_options()("help,h", "show this help")(
      "reference", po::value<std::string>()->default_value(""),
      "the article's date (required): what its relative dates are read against")(
      "source-title", po::value<std::string>()->default_value(""), "the article's title, for its source entry")(
      "source-url", po::value<std::string>()->default_value(""), "the article's address, for its source entry")(
      "with", po::value<strings>()->default_value({}, ""),
      "an annals file whose actors and places are put on the events that name them (repeatable)")(
      "output,o", po::value<std::string>()->default_value(""), "write to this file (atomically) instead of standard output");
  const auto vm = parse(args, options, "article");
  if (help(vm, options)) return 0;
  auto env = environment();
  return finish(annals::run_extract({vm["article"].as<strings>(), text(vm, "reference"), text(vm, "source-title"),
                                     text(vm, "source-url"), vm["with"].as<strings>(), text(vm, "output")},
                                    env));
}

int normalize_command(const strings& args) {
  po::options_description options("annals normalize [FILE|-] [options]");
  options.add_options()("help,h", "show this help")(
      "reference", po::value<std::string>()->default_value(""),
      "anchor for relative dates of records without their own 'reference' (default: none, an error in the record's line)")(
      "output,o", po::value<std::string>()->default_value(""), "write to this file (atomically) instead of standard output")(
      "max-line", po::value<std::size_t>()->default_value(std::size_t{1} << 20), "the longest record in bytes; a longer one is line-too-long");
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  const strings files = vm["file"].as<strings>();
  if (files.size() > 1) throw usage_error("normalize reads one input (a FILE, or - for standard input)");
  auto env = environment();
  return finish(annals::run_normalize({files.empty() ? "-" : files[0], text(vm, "reference"), text(vm, "output"),
                                       vm["max-line"].as<std::size_t>()},
                                      env));
}

std::string import_format_list() {
  std::string out;
  for (const auto& i : annals::import_formats()) {
    out += "\n  " + std::string(i.name) + std::string(i.name.size() < 11 ? 11 - i.name.size() : 1, ' ') +
           std::string(i.description);
  }
  return out;
}

int import_command(const strings& args) {
  po::options_description options("annals import FORMAT FILE... [options]\n\nformats:" + import_format_list() +
                                  "\n\noptions");
  options.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>()->default_value(""), "write to this file (atomically) instead of standard output")(
      "into", po::value<std::string>()->default_value(""),
      "merge into this annals file: events with its ids updated in place, new ones added (comments and order kept)")(
      "reference", po::value<std::string>()->default_value(""), "csv: the date relative dates are read against")(
      "map", po::value<std::string>()->default_value(""), "csv: fields from columns, as date=When,title=Headline")(
      "group-as", po::value<std::string>()->default_value("kind"), "timelinejs: a slide's group becomes its kind or its actor");
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  strings files = vm["file"].as<strings>();
  annals::import_args a;
  if (!files.empty()) {
    a.format = files.front();
    files.erase(files.begin());
  }
  a.files = files;
  a.output = text(vm, "output");
  a.into = text(vm, "into");
  a.reference = text(vm, "reference");
  a.map = text(vm, "map");
  a.group_as = text(vm, "group-as");
  auto env = environment();
  return finish(annals::run_import(a, env));
}

int lsp_command(const strings& args) {
  po::options_description options("annals lsp [options]\n\nA Language Server Protocol server on standard input and output\n(for editors: see the README's \"In your editor\").\n\noptions");
  options.add_options()("help,h", "show this help");
  const auto vm = parse(args, options, "file");
  if (help(vm, options)) return 0;
  if (!vm["file"].as<strings>().empty()) throw usage_error("lsp takes no files: the editor sends them");
  annals::load_options load;
  if (const char* t = std::getenv("ANNALS_THREADS")) load.threads = std::strtoul(t, nullptr, 10);
  return exit_status(annals::lsp::run_lsp(std::cin, std::cout, std::cerr, load));
}

int why_command(const strings& args) { return trace_command(args, annals::causal_direction::causes, "why"); }

int effects_command(const strings& args) { return trace_command(args, annals::causal_direction::effects, "effects"); }

struct command {
  const char* name;
  const char* summary;
  int (*run)(const strings& args);
};

constexpr command commands[] = {
    {"validate", "check event files and report every problem with its position", validate_command},
    {"render", "draw the chronology: text, markdown, json, csv, html, svg, dot, mermaid, ics, timelinejs, png, pdf",
     render_command},
    {"gaps", "the gaps between the events of a series, and quiet periods", gaps_command},
    {"date", "normalize date texts to intervals", date_command},
    {"extract", "draft a chronology from an article: each date phrase an event", extract_command},
    {"normalize", "JSON Lines events, each with its normalized date and its diagnostics, streamed", normalize_command},
    {"import", "a chronology from a TimelineJS sheet, a CSV, a calendar or a Wikidata query", import_command},
    {"metrics", "an incident's time to detect, acknowledge, mitigate and resolve", metrics_command},
    {"why", "the causes of an event, transitively, as a tree", why_command},
    {"effects", "what an event led to, transitively, as a tree", effects_command},
    {"lsp", "a language server for editors: diagnostics, hover, completion, definitions", lsp_command},
};

// Memory held back for the way out. When memory runs out, a failed allocation gives
// back one of these blocks and fails (std::bad_alloc): what runs while the stack unwinds
// then finds room (nlohmann::json's destructor allocates, and an exception from a
// destructor aborts), and the command says too-large instead of aborting. Several
// blocks: the loader recovers from running out on a parsing thread and goes on.
constexpr std::size_t reserve_blocks = 8;
std::array<std::atomic<char*>, reserve_blocks> unwinding_reserve{};

void release_reserve() {
  for (auto& block : unwinding_reserve) {
    if (char* b = block.exchange(nullptr)) {
      delete[] b;
      break;
    }
  }
  throw std::bad_alloc();
}

void print_help(std::ostream& out) {
  out << "usage: annals COMMAND [options]\n\ncommands:\n";
  for (const command& c : commands) {
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary << '\n';
  }
  out << "\nannals COMMAND --help shows a command's options.\n";
}

int dispatch(const strings& all) {
  if (all.empty()) {
    print_help(std::cerr);
    return 2;
  }
  if (all[0] == "--help" || all[0] == "-h") {
    print_help(std::cout);
    return 0;
  }
  if (all[0] == "--version") {
    std::cout << "annals " << ANNALS_VERSION << '\n';
    return 0;
  }
  for (const command& c : commands) {
    if (all[0] != c.name) continue;
    try {
      return c.run({all.begin() + 1, all.end()});
    } catch (const usage_error& e) {
      std::cerr << annals::usage_message(c.name, e.what());
      return 2;
    } catch (const std::bad_alloc&) {  // outside the engine's commands: reading the options
      return exit_status(annals::out_of_memory(c.name, std::cerr));
    }
  }
  std::cerr << "annals: unknown command '" << all[0] << "'\n";
  print_help(std::cerr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  for (auto& block : unwinding_reserve) block = new (std::nothrow) char[2 << 20];  // address space, never written
  std::set_new_handler(release_reserve);
  // Every command's standard output is checked once, here: a failed or short write is
  // exit status 2, never a truncated page and 0.
  annals::checked_output out(std::cout, STDOUT_FILENO);
  const strings all(argv + 1, argv + argc);
  const int status = dispatch(all);
  if (const int error = out.finish(); error != 0) {
    const bool named = !all.empty() && std::any_of(std::begin(commands), std::end(commands),
                                                   [&](const command& c) { return all[0] == c.name; });
    std::cerr << annals::cannot_write_output(named ? all[0] : "", error);
    return 2;
  }
  return status;
} catch (const std::bad_alloc&) {  // before a command runs: the arguments themselves
  const std::string_view name = argc > 1 ? argv[1] : "";
  const bool named = std::any_of(std::begin(commands), std::end(commands), [&](const command& c) { return name == c.name; });
  return exit_status(annals::out_of_memory(named ? name : "", std::cerr));
}
