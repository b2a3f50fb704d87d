#pragma once

// The engine side of every command (SPEC §6): option checking, which errors still let a
// command run, and what it prints. The tool only parses the command line, calls these
// and maps the outcome to an exit status.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "annals/causes.hpp"
#include "annals/load.hpp"
#include "annals/render.hpp"

namespace annals {

/// How a command ended; the tool exits 0, 1 and 2 for them.
enum class outcome : std::uint8_t {
  ok,           // success
  input_error,  // the input has errors: a failed validation, an unparsed date, a claim that does not hold
  usage_error,  // a bad option or option value, a missing or unreadable file
};

/// What a command reads and writes, and the facts of the machine it runs on.
struct command_env {
  file_reader& reader;
  std::ostream& out;  // standard output
  std::ostream& err;  // standard error
  load_options load;
};

/// Memory ran out in `command` (under `ulimit -v`, or an input too big for the machine):
/// says so as `too-large` on `err`; an input error, never an abort. Every run_* ends so.
outcome out_of_memory(std::string_view command, std::ostream& err);

/// `annals COMMAND: MESSAGE` and the pointer to its help: how every usage error reads.
std::string usage_message(std::string_view command, std::string_view message);

/// `annals date TEXT... [--reference DATE] [--reading news|narrative] [--calendar C] [--tz ZONE]
/// [--format text|json]`.
struct date_args {
  std::vector<std::string> texts;
  std::string reference;        // "" = today; any date annals reads, kept at its precision ("1862")
  std::string calendar;         // "" = gregorian
  std::string timezone;         // "" = none
  std::string format = "text";
  std::string reading;          // "" = news; narrative: against the last date a history named
};
/// Normalizes each text: one line each on `out`, errors with a caret on `err` (text) or
/// as error objects (json). `today` anchors relative phrases when there is no
/// --reference: the engine reads no clock.
outcome run_date(const date_args& args, std::chrono::sys_days today, std::ostream& out, std::ostream& err);

/// A date in words for terminals: "from 2015-12-11 to 2015-12-20, to the day: mid-Dec 2015".
std::string describe_date(const temporal_value& v);

/// `annals validate FILE... [--format text|json] [--strict]`.
struct validate_args {
  std::vector<std::string> files;
  std::string format = "text";
  bool strict = false;
};
outcome run_validate(const validate_args& args, command_env& env);

/// `annals render FILE... [--format F] [-o OUT] [filters] [--lanes actor|kind] [--embed-media [--media-root DIR]] [--tz ZONE] [--style S]`.
struct render_args {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;  // "" = standard output
  filter_args filter;
  std::string lanes = "actor";
  std::string layout = "horizontal";
  bool color = false;       // ANSI colour: the tool sets it on a terminal without NO_COLOR
  std::size_t width = 80;   // the text format's wrap column
  bool embed_media = false; // html, timelinejs: local image files inlined as data: URIs
  std::string media_root;   // --media-root: the folder media paths are read beneath ("" = each timeline's)
  std::string tz;            // --tz: the zone times of day are shown in ("" = each in its writer's)
  std::string style;         // --style: how Julian dates are labelled, as-written or os-ns ("" = as written)
};
outcome run_render(const render_args& args, command_env& env);

/// `annals gaps FILE... [--series S | --by KEYS] [--min D] [--quiet D] [--from] [--to] [--format] [--tz ZONE] [--style S]`.
struct gaps_args {
  std::vector<std::string> files;
  std::string series;  // "" = every event
  std::string by;      // "" = one series
  std::string min, quiet, from, to;
  std::string format = "text";
  std::string tz;            // --tz: the zone times of day are shown in ("" = each in its writer's)
  std::string style;         // --style: how Julian dates are labelled, as-written or os-ns ("" = as written)
};
outcome run_gaps(const gaps_args& args, command_env& env);

/// `annals metrics FILE... [--format text|json] [--tz ZONE] [--style S]`: an incident's time to detect,
/// acknowledge, mitigate and resolve, from its milestones.
struct metrics_args {
  std::vector<std::string> files;
  std::string format = "text";
  std::string tz;            // --tz: the zone times of day are shown in ("" = each in its writer's)
  std::string style;         // --style: how Julian dates are labelled, as-written or os-ns ("" = as written)
};
outcome run_metrics(const metrics_args& args, command_env& env);

/// `annals why|effects FILE... ID [--format text|json] [--tz ZONE] [--style S]`.
struct trace_args {
  std::vector<std::string> files;
  std::string id;
  causal_direction direction = causal_direction::causes;
  std::string format = "text";
  std::string tz;            // --tz: the zone times of day are shown in ("" = each in its writer's)
  std::string style;         // --style: how Julian dates are labelled, as-written or os-ns ("" = as written)
};
outcome run_trace(const trace_args& args, command_env& env);

/// `annals import FORMAT FILE... [-o OUT] [--into EXISTING] [--reference DATE] [--map F=COLUMN,...]
/// [--group-as kind|actor]`: a chronology from a TimelineJS sheet or JSON, a CSV, a calendar or a
/// Wikidata query's results, checked as annals would load it, then written atomically.
struct import_args {
  std::string format;
  std::vector<std::string> files;
  std::string output;     // "" = standard output
  std::string into;       // "" = a new file; else events updated by id in this one, new ones added
  std::string reference;  // csv: what relative dates are read against
  std::string map;        // csv: field=Column,field=Column
  std::string group_as = "kind";  // timelinejs: a group becomes a kind or an actor
};
outcome run_import(const import_args& args, command_env& env);

/// `annals extract ARTICLE... --reference DATE [--source-title T] [--source-url U] [--with FILE...]
/// [-o OUT]`: a chronology drafted from articles (plain text, Markdown, HTML), every date
/// phrase an event with its sentence and where it was read, checked, then written atomically.
struct extract_args {
  std::vector<std::string> articles;
  std::string reference;  // the article's date: what its relative dates are read against (required)
  std::string source_title, source_url;
  std::vector<std::string> with;  // annals files whose actors and places are matched by name
  std::string output;     // "" = standard output
};
outcome run_extract(const extract_args& args, command_env& env);

/// A format `annals import` reads, for --help.
struct import_format {
  std::string_view name, description;
};
std::vector<import_format> import_formats();

/// `annals normalize [FILE|-] [--reference DATE] [-o OUT] [--max-line BYTES]`: JSON Lines, an
/// event per line, each written back with its normalized date and its diagnostics, a record
/// at a time (memory bounded by the longest line). A record's own `reference` comes first;
/// one without, and no --reference, is an error in its line (no clock is read).
struct normalize_args {
  std::string input = "-";               // "-" = standard input
  std::string reference;                 // "" = each record's own, else an error in its line
  std::string output;                    // "" = standard output; else written atomically
  std::size_t max_line_bytes = 1 << 20;  // a longer line is line-too-long, unread
};
outcome run_normalize(const normalize_args& args, command_env& env);
/// The lines of `in` (positions in `origin`) normalized onto `out`: ok when every record is
/// clean, input_error when some carry diagnostics (every line is written all the same).
outcome normalize_lines(std::istream& in, const std::string& origin, const normalize_args& args, std::ostream& out);

}  // namespace annals
