// The rows of the command table and what each command does with its command line: the
// options as data, read by the tool's parser, --help, the completions and the man page.
#include "annals/lsp.hpp"
#include "annals/command_table.hpp"

#include <charconv>
#include <ostream>

#include "annals/validate.hpp"
#include "commands/option_values.hpp"
#include "time/calendars.hpp"

namespace annals {

namespace {

// The fixed sets, each read from its one table: the name and description of every row.
template <typename Rows>
std::vector<choice> choices_of(const Rows& rows) {
  std::vector<choice> out;
  for (const auto& r : rows) out.push_back({r.name, r.description});
  return out;
}
std::vector<choice> report_format_choices() { return choices_of(report_formats()); }
std::vector<choice> import_format_choices() { return choices_of(import_formats()); }
using detail::calendar_choices;
using detail::data_format_choices;
using detail::render_format_choices;

std::vector<choice> lane_choices() { return detail::as_choices(detail::lane_keys()); }
std::vector<choice> layout_choices() { return detail::as_choices(detail::layouts()); }
std::vector<choice> reading_choices() { return detail::as_choices(detail::readings()); }
std::vector<choice> label_style_choices() { return detail::as_choices(detail::label_styles()); }
std::vector<choice> shell_choices() { return detail::as_choices(detail::shells()); }
std::vector<choice> group_role_choices() {
  const auto rows = detail::group_roles();
  return {rows.begin(), rows.end()};
}

using k = value_kind;

constexpr option_row tz_option{"tz", 0, k::text, "ZONE", "",
                               "show every time of day in this IANA zone (America/New_York, UTC); default: each in its writer's"};
constexpr option_row style_option{"style", 0, k::choice, "STYLE", "as-written", "how Julian dates are labelled",
                                  label_style_choices, false, "label style"};
constexpr option_row output_option{"output", 'o', k::file, "OUT", "",
                                   "write to this file (atomically) instead of standard output"};
constexpr option_row data_format_option{"format", 0, k::choice, "FORMAT", "text", "the output format", data_format_choices};
constexpr option_row from_option{"from", 0, k::text, "DATE", "", "only events that can end on or after this date"};
constexpr option_row to_option{"to", 0, k::text, "DATE", "", "only events that can begin on or before this date"};

constexpr operand_row files[] = {{"FILE", k::file, nullptr, true}};

constexpr option_row validate_options[] = {
    {"format", 0, k::choice, "FORMAT", "text", "the report format", report_format_choices},
    {"strict", 0, k::flag, "", "", "warnings fail the validation"},
};

constexpr option_row render_options_rows[] = {
    {"format", 0, k::choice, "FORMAT", "text", "the output format", render_format_choices},
    output_option,
    from_option,
    to_option,
    {"kind", 0, k::text, "KIND", "", "only events of this kind (repeatable)", nullptr, true},
    {"actor", 0, k::text, "ACTOR", "", "only events with this actor (repeatable)", nullptr, true},
    {"place", 0, k::text, "PLACE", "", "only events at this place (repeatable)", nullptr, true},
    {"tag", 0, k::text, "TAG", "", "only events with this tag (repeatable)", nullptr, true},
    {"lanes", 0, k::choice, "KEY", "actor", "html/svg: what a lane holds", lane_choices, false, "lane key"},
    {"layout", 0, k::choice, "LAYOUT", "horizontal", "svg, png, pdf, html: how time runs", layout_choices},
    {"embed-media", 0, k::flag, "", "", "html, timelinejs: inline local image files as data: URIs"},
    {"media-root", 0, k::directory, "DIR", "", "with --embed-media: read media paths beneath this folder, not each timeline file's"},
    tz_option,
    style_option,
};

constexpr option_row gaps_options[] = {
    {"series", 0, k::text, "SELECTOR", "", "the events to measure: 'kind=visit actor=putin place=tehran'"},
    {"by", 0, k::text, "KEYS", "", "one series per value of these keys: kind,actor,place,tag"},
    {"min", 0, k::text, "DURATION", "", "only gaps that may last at least this long (8 years, P1Y)"},
    {"quiet", 0, k::text, "DURATION", "", "stretches of at least this long with no event at all (alone: only these)"},
    from_option,
    to_option,
    data_format_option,
    tz_option,
    style_option,
};

constexpr operand_row date_operands[] = {{"TEXT", k::text, nullptr, true}};
constexpr option_row date_options[] = {
    {"reference", 0, k::text, "DATE", "",
     "anchor for relative dates: any date, kept at its precision (2015-11-25, August 1862; default today)"},
    {"reading", 0, k::choice, "READING", "news", "what a month without a year is read against", reading_choices},
    {"calendar", 0, k::choice, "CALENDAR", "", "the calendar of dates that name none (default: gregorian, or --reference's)",
     calendar_choices},
    {"tz", 0, k::text, "ZONE", "", "IANA zone for days and times without an offset"},
    data_format_option,
};

constexpr operand_row extract_operands[] = {{"ARTICLE", k::file, nullptr, true}};
constexpr option_row extract_options[] = {
    {"reference", 0, k::text, "DATE", "", "the article's date (required): what its relative dates are read against"},
    {"source-title", 0, k::text, "TITLE", "", "the article's title, for its source entry"},
    {"source-url", 0, k::text, "URL", "", "the article's address, for its source entry"},
    {"with", 0, k::file, "FILE", "", "an annals file whose actors and places are put on the events that name them (repeatable)",
     nullptr, true},
    output_option,
};

constexpr operand_row normalize_operands[] = {{"FILE|-", k::file}};
constexpr option_row normalize_options[] = {
    {"reference", 0, k::text, "DATE", "",
     "anchor for relative dates of records without their own 'reference' (default: none, an error in the record's line)"},
    output_option,
    {"max-line", 0, k::number, "BYTES", "1048576", "the longest record in bytes; a longer one is line-too-long"},
};

constexpr operand_row import_operands[] = {{"FORMAT", k::choice, import_format_choices}, {"FILE", k::file, nullptr, true}};
constexpr option_row import_options[] = {
    output_option,
    {"into", 0, k::file, "EXISTING", "",
     "merge into this annals file: events with its ids updated in place, new ones added (comments and order kept)"},
    {"reference", 0, k::text, "DATE", "", "csv: the date relative dates are read against"},
    {"map", 0, k::text, "FIELD=COLUMN,...", "", "csv: fields from columns, as date=When,title=Headline"},
    {"group-as", 0, k::choice, "ROLE", "kind", "timelinejs: what a slide's group becomes", group_role_choices},
};

constexpr option_row report_options[] = {data_format_option, tz_option, style_option};

constexpr operand_row trace_operands[] = {{"FILE", k::file, nullptr, true}, {"ID", k::text}};

constexpr operand_row completions_operands[] = {{"SHELL", k::choice, shell_choices}};

outcome usage(command_context& c, std::string_view command, std::string_view message) {
  c.env.err << usage_message(command, message);
  return outcome::usage_error;
}

outcome validate_command(const command_line& l, command_context& c) {
  return run_validate({l.operands(), l.text("format"), l.flag("strict")}, c.env);
}

outcome render_command(const command_line& l, command_context& c) {
  render_args r;
  r.files = l.operands();
  r.format = l.text("format");
  r.output = l.text("output");
  r.filter = {l.text("from"), l.text("to"), l.texts("kind"), l.texts("actor"), l.texts("place"), l.texts("tag")};
  r.lanes = l.text("lanes");
  r.layout = l.text("layout");
  r.embed_media = l.flag("embed-media");
  r.media_root = l.text("media-root");
  r.tz = l.text("tz");
  r.style = l.text("style");
  // Colour and the terminal's width only when the page goes to a terminal.
  const bool terminal = r.output.empty() && c.stdout_terminal;
  r.color = wants_color(terminal, c.no_color, c.term);
  if (terminal && c.terminal_columns >= 40) r.width = c.terminal_columns;
  return run_render(r, c.env);
}

outcome gaps_command(const command_line& l, command_context& c) {
  return run_gaps({l.operands(), l.text("series"), l.text("by"), l.text("min"), l.text("quiet"), l.text("from"),
                   l.text("to"), l.text("format"), l.text("tz"), l.text("style")},
                  c.env);
}

outcome date_command(const command_line& l, command_context& c) {
  return run_date({l.operands(), l.text("reference"), l.text("calendar"), l.text("tz"), l.text("format"), l.text("reading")},
                  c.today, c.env.out, c.env.err);
}

outcome extract_command(const command_line& l, command_context& c) {
  return run_extract(
      {l.operands(), l.text("reference"), l.text("source-title"), l.text("source-url"), l.texts("with"), l.text("output")},
      c.env);
}

outcome normalize_command(const command_line& l, command_context& c) {
  const auto& files = l.operands();
  if (files.size() > 1) return usage(c, "normalize", "normalize reads one input (a FILE, or - for standard input)");
  const std::string bytes = l.text("max-line");
  std::size_t max_line = 0;
  const auto [end, error] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), max_line);
  if (error != std::errc() || end != bytes.data() + bytes.size() || bytes.empty()) {
    return usage(c, "normalize", "--max-line takes a number of bytes, not '" + bytes + "'");
  }
  return run_normalize({files.empty() ? "-" : files[0], l.text("reference"), l.text("output"), max_line}, c.env);
}

outcome import_command(const command_line& l, command_context& c) {
  import_args a;
  a.files = l.operands();
  if (!a.files.empty()) {
    a.format = a.files.front();
    a.files.erase(a.files.begin());
  }
  a.output = l.text("output");
  a.into = l.text("into");
  a.reference = l.text("reference");
  a.map = l.text("map");
  a.group_as = l.text("group-as");
  return run_import(a, c.env);
}

outcome metrics_command(const command_line& l, command_context& c) {
  return run_metrics({l.operands(), l.text("format"), l.text("tz"), l.text("style")}, c.env);
}

// why and effects: the last operand is the event's ID, the others its files.
outcome trace_command(const command_line& l, command_context& c, causal_direction direction) {
  std::vector<std::string> files = l.operands();
  std::string id;
  if (!files.empty()) {
    id = std::move(files.back());
    files.pop_back();
  }
  return run_trace({files, id, direction, l.text("format"), l.text("tz"), l.text("style")}, c.env);
}
outcome why_command(const command_line& l, command_context& c) { return trace_command(l, c, causal_direction::causes); }
outcome effects_command(const command_line& l, command_context& c) { return trace_command(l, c, causal_direction::effects); }

outcome completions_command(const command_line& l, command_context& c) {
  const auto& words = l.operands();
  if (words.size() != 1) return usage(c, "completions", "completions needs one SHELL: " + choice_names(shell_choices()));
  const auto s = detail::find_value(detail::shells(), words[0]);
  if (!s) return usage(c, "completions", unknown_choice("shell", words[0], shell_choices()));
  c.env.out << completion_script(*s);
  return outcome::ok;
}

// The language server reads its messages from standard input until the editor says exit.
// No progress line: its standard error is the editor's log.
outcome lsp_command(const command_line&, command_context& c) {
  load_options options = c.env.load;
  options.progress = nullptr;
  return lsp::run_lsp(*c.in, c.env.out, c.env.err, options);
}

constexpr command_row rows[] = {
    {"validate", "check event files and report every problem with its position", files, validate_options, validate_command},
    {"render", "draw the chronology in a format: text, a page, a picture, a calendar, a graph", files,
     render_options_rows, render_command},
    {"gaps", "the gaps between the events of a series, and quiet periods", files, gaps_options, gaps_command},
    {"date", "normalize date texts to intervals", date_operands, date_options, date_command, false},
    {"extract", "draft a chronology from an article: each date phrase an event", extract_operands, extract_options,
     extract_command},
    {"normalize", "JSON Lines events, each with its normalized date and its diagnostics, streamed", normalize_operands,
     normalize_options, normalize_command},
    {"import", "a chronology from a TimelineJS sheet, a CSV, a calendar or a Wikidata query", import_operands,
     import_options, import_command},
    {"metrics", "an incident's time to detect, acknowledge, mitigate and resolve", files, report_options, metrics_command},
    {"why", "the causes of an event, transitively, as a tree", trace_operands, report_options, why_command},
    {"effects", "what an event led to, transitively, as a tree", trace_operands, report_options, effects_command},
    {"lsp", "a language server for editors: diagnostics, hover, completion, definitions", {}, {}, lsp_command},
    {"completions", "a completion script for bash, zsh or fish, from this table", completions_operands, {},
     completions_command},
};

constexpr data_format_row data_format_rows[] = {
    {data_format::text, "text", "lines for people"},
    {data_format::json, "json", "a JSON document for programs"},
};

}  // namespace

std::span<const command_row> command_table() { return rows; }

const command_row* find_command(std::string_view name) {
  for (const command_row& c : rows) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::span<const data_format_row> data_formats() { return data_format_rows; }

const data_format_row* find_data_format(std::string_view name) {
  for (const data_format_row& f : data_format_rows) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The choices of the tables that live elsewhere, for the rows and the commands.
namespace detail {

std::vector<choice> render_format_choices() { return choices_of(renderers()); }

std::vector<choice> data_format_choices() { return choices_of(data_formats()); }

std::vector<choice> calendar_choices() {
  std::vector<choice> out;
  for (const detail::calendar_row* c : detail::calendar_rows()) out.push_back({c->id, c->title});
  return out;
}

}  // namespace detail

}  // namespace annals
