#include "annals/commands.hpp"

#include <algorithm>
#include <new>
#include <ostream>

#include "annals/command_table.hpp"
#include "annals/diagnostic.hpp"
#include "annals/gaps.hpp"
#include "annals/incidents.hpp"
#include "annals/output.hpp"
#include "annals/validate.hpp"
#include "commands/option_values.hpp"
#include "output/media_embed.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

outcome usage(command_env& env, std::string_view command, std::string_view message) {
  env.err << usage_message(command, message);
  return outcome::usage_error;
}

// The --format of gaps, metrics, why and effects; null after saying why it is none.
const data_format_row* read_data_format(const std::string& name, command_env& env, std::string_view command) {
  const data_format_row* f = find_data_format(name);
  if (!f) usage(env, command, unknown_choice("format", name, detail::data_format_choices()));
  return f;
}

// --tz: the zone every time of day is shown in, read into `shown` ("" leaves each in its
// writer's); --style: how Julian dates are labelled. An unknown name is a usage error,
// with the zone it may have meant or the styles there are.
bool read_shown_zone(const std::string& name, const std::string& style, shown_zone& shown, command_env& env,
                     std::string_view command) {
  if (style.empty()) {
    shown.style = label_style::as_written;
  } else if (const auto s = detail::find_value(detail::label_styles(), style)) {
    shown.style = *s;
  } else {
    usage(env, command, unknown_choice("label style", style, detail::as_choices(detail::label_styles())));
    return false;
  }
  if (name.empty()) return true;
  if (const zone z = find_zone(name)) {
    shown.tz = z;
    return true;
  }
  usage(env, command, "unknown time zone '" + name + "' for --tz; " + detail::zone_name_hint(name));
  return false;
}

// The files loaded and checked, every diagnostic on standard error. `status` says how
// the input fared; `usable` whether the command may still run on it.
struct checked_input {
  validation v;
  outcome status = outcome::ok;
  bool usable = true;
};

// `claims_may_fail`: wrong claims still let the command run (`gaps` exists to show the
// real gaps a wrong claim's author needs), though the run fails.
checked_input load_checked(const std::vector<std::string>& files, command_env& env, bool claims_may_fail) {
  checked_input in{validate(files, env.reader, env.load)};
  for (const diagnostic& d : in.v.diagnostics) env.err << format_text(d) << '\n';
  if (in.v.valid(false)) return in;
  in.status = in.v.loaded.io_failed ? outcome::usage_error : outcome::input_error;
  in.usable = claims_may_fail && !in.v.loaded.io_failed &&
              std::all_of(in.v.diagnostics.begin(), in.v.diagnostics.end(), [](const diagnostic& d) {
                return d.level != severity::error || d.code == "claim-mismatch";
              });
  return in;
}

// Dates on the command line (--from, --to) read against the first file, as its events are.
date_context first_file_context(const timeline& tl) {
  date_context context;
  if (!tl.files.empty()) {
    context.reference = tl.files.front().reference;
    context.timezone = tl.files.front().timezone;
  }
  return context;
}

}  // namespace

outcome out_of_memory(std::string_view command, std::ostream& err) {
  err << "annals " << command << ": error: out of memory: the input needs more memory than this process may use [too-large]\n";
  return outcome::input_error;
}

std::string usage_message(std::string_view command, std::string_view message) {
  std::string out = "annals ";
  out += command;
  out += ": ";
  out += display_text(message);
  out += "\n(see 'annals ";
  out += command;
  out += " --help')\n";
  return out;
}

bool wants_color(bool terminal, const char* no_color, const char* term) {
  const auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
  return terminal && !set(no_color) && set(term) && std::string_view(term) != "dumb";
}

outcome run_render(const render_args& args, command_env& env) try {
  const renderer_entry* format = find_renderer(args.format);
  if (!format) return usage(env, "render", unknown_choice("format", args.format, detail::render_format_choices()));
  const auto lanes = detail::find_value(detail::lane_keys(), args.lanes);
  if (!lanes) return usage(env, "render", unknown_choice("lane key", args.lanes, detail::as_choices(detail::lane_keys())));
  const auto layout = detail::find_value(detail::layouts(), args.layout);
  if (!layout) return usage(env, "render", unknown_choice("layout", args.layout, detail::as_choices(detail::layouts())));
  if (args.files.empty()) return usage(env, "render", "at least one FILE is needed");
  if (!args.media_root.empty() && !args.embed_media) return usage(env, "render", "--media-root goes with --embed-media");
  render_options options;
  if (!read_shown_zone(args.tz, args.style, options.shown, env, "render")) return outcome::usage_error;
  checked_input in = load_checked(args.files, env, false);
  if (!in.usable) return in.status;
  const timeline& tl = in.v.loaded.tl;
  if (format->missing) {
    if (const auto why = format->missing(tl)) {  // never an empty template
      env.err << "annals render: error: " << display_text(*why) << " [missing-milestone]\n";
      return outcome::input_error;
    }
  }
  if (format->unavailable) {  // checked once the input is read: loading them takes memory
    if (const auto why = format->unavailable()) {
      env.err << "annals render: error: " << display_text(*why) << " [missing-library]\n";
      return outcome::usage_error;
    }
  }
  const filter_result filter = make_filter(args.filter, first_file_context(tl));
  if (filter.error) return usage(env, "render", filter.error_option + ": " + filter.error->message);
  const chronology chron = apply_filter(tl, std::move(in.v.chron), filter.filter);

  options.lanes = *lanes;
  options.layout = *layout;
  options.from = filter.filter.from;
  options.to = filter.filter.to;
  std::vector<std::string> embed_warnings;
  if (args.embed_media) options.embedded = embed_media(tl, chron, env.reader, args.media_root, {}, embed_warnings);
  for (const std::string& warning : embed_warnings) env.err << "annals render: warning: " << display_text(warning) << '\n';
  options.color = args.color;
  options.width = args.width;
  render_report report;
  // Streamed either way: a million events are never one string.
  const auto write = [&](std::ostream& out) { render(*format, tl, chron, options, out, report); };
  if (args.output.empty()) {
    write(env.out);
  } else if (const write_result w = write_atomically(args.output, write, args.files); !w.ok()) {
    env.err << "annals render: " << display_text(*w.error) << '\n';
    return outcome::usage_error;
  }
  for (const std::string& warning : report.warnings) env.err << "annals render: warning: " << display_text(warning) << '\n';
  return outcome::ok;
} catch (const std::bad_alloc&) {
  return out_of_memory("render", env.err);
} catch (const render_error& e) {  // nothing was written: -o is atomic, a picture reaches stdout only when drawn
  env.err << "annals render: error: " << display_text(e.what()) << " [render-failed]\n";
  return outcome::usage_error;
}

outcome run_gaps(const gaps_args& args, command_env& env) try {
  const data_format_row* format = read_data_format(args.format, env, "gaps");
  if (!format) return outcome::usage_error;
  if (args.files.empty()) return usage(env, "gaps", "at least one FILE is needed");
  shown_zone shown;
  if (!read_shown_zone(args.tz, args.style, shown, env, "gaps")) return outcome::usage_error;
  gap_options o;
  for (auto [name, text, slot] : {std::tuple{"min", &args.min, &o.min}, std::tuple{"quiet", &args.quiet, &o.quiet}}) {
    if (text->empty()) continue;
    *slot = parse_duration(*text);
    if (!*slot) return usage(env, "gaps", "cannot read '" + *text + "' as a duration for --" + name);
  }
  // `--quiet` alone asks for quiet periods only.
  o.gaps = !(o.quiet && args.series.empty() && args.by.empty() && !o.min);
  if (!args.by.empty()) {
    const series_keys_result keys = parse_series_keys(args.by);
    if (!keys.ok()) return usage(env, "gaps", keys.error + (keys.hint.empty() ? "" : "; " + keys.hint));
    o.by = keys.value;
  }
  checked_input in = load_checked(args.files, env, true);
  if (!in.usable) return in.status;
  const timeline& tl = in.v.loaded.tl;
  if (!args.series.empty()) {
    const selector_result s = parse_selector(args.series, tl);
    if (!s.ok()) return usage(env, "gaps", s.error + (s.hint.empty() ? "" : "; " + s.hint));
    o.series = s.value;
  }
  const filter_result window = make_filter({args.from, args.to, {}, {}, {}, {}}, first_file_context(tl));
  if (window.error) return usage(env, "gaps", window.error_option + ": " + window.error->message);
  o.from = window.filter.from;
  o.to = window.filter.to;
  const gap_report report = find_gaps(tl, in.v.chron, o);
  env.out << (format->format == data_format::json ? format_gaps_json(report, tl) : format_gaps_text(report, tl, shown));
  return in.status;
} catch (const std::bad_alloc&) {
  return out_of_memory("gaps", env.err);
}

outcome run_metrics(const metrics_args& args, command_env& env) try {
  const data_format_row* format = read_data_format(args.format, env, "metrics");
  if (!format) return outcome::usage_error;
  const bool json = format->format == data_format::json;
  if (args.files.empty()) return usage(env, "metrics", "at least one FILE is needed");
  shown_zone shown;
  if (!read_shown_zone(args.tz, args.style, shown, env, "metrics")) return outcome::usage_error;
  checked_input in = load_checked(args.files, env, false);
  if (!in.usable) return in.status;
  const incident_metrics m = measure_incident(in.v.loaded.tl, in.v.chron, shown);
  if (!m.impact_start) {  // said as render's postmortem says it; JSON readers still get their document
    env.err << "annals metrics: error: metrics measure from impact start: no event is marked 'milestone: "
               "impact_start' [missing-milestone]\n";
    if (json) env.out << format_metrics_json(in.v.loaded.tl, m);
    return outcome::input_error;
  }
  env.out << (json ? format_metrics_json(in.v.loaded.tl, m) : format_metrics_text(in.v.loaded.tl, m));
  return in.status;
} catch (const std::bad_alloc&) {
  return out_of_memory("metrics", env.err);
}

outcome run_trace(const trace_args& args, command_env& env) try {
  const std::string_view name = args.direction == causal_direction::causes ? "why" : "effects";
  const data_format_row* format = read_data_format(args.format, env, name);
  if (!format) return outcome::usage_error;
  if (args.files.empty() || args.id.empty()) return usage(env, name, std::string(name) + " needs FILE... and an event ID");
  shown_zone shown;
  if (!read_shown_zone(args.tz, args.style, shown, env, name)) return outcome::usage_error;
  checked_input in = load_checked(args.files, env, false);
  if (!in.usable) return in.status;
  const timeline& tl = in.v.loaded.tl;
  const event_lookup found = lookup_event(tl, args.id);
  if (!found.index) return usage(env, name, found.error);
  const causal_tree tree = trace_causal(tl, *found.index, args.direction, in.v.chron);
  if (format->format == data_format::json) {
    write_causal_json(env.out, tl, tree);
  } else {
    write_causal_text(env.out, tl, tree, in.v.chron, shown);
  }
  return outcome::ok;
} catch (const std::bad_alloc&) {
  return out_of_memory(args.direction == causal_direction::causes ? "why" : "effects", env.err);
}

}  // namespace annals
