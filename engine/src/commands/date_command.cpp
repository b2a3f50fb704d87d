#include "annals/commands.hpp"

#include <algorithm>
#include <new>
#include <ostream>

#include "annals/command_table.hpp"
#include "annals/diagnostic.hpp"
#include "commands/option_values.hpp"
#include "output/date_json.hpp"
#include "time/date_label.hpp"
#include "time/zones.hpp"
#include "output/escape.hpp"

#include <cstdio>

namespace annals {
namespace {

// {"input", "error": {"code", "message", "offset", "hint"}}: `hint` only when there is one.
void append_error_json(std::string& out, std::string_view input, const date_error& e) {
  json_writer w(out, json_layout::compact);
  w.begin_object();
  w.field("input").string(input);
  w.field("error").begin_object();
  w.field("code").string(e.code);
  w.field("message").string(e.message);
  w.field("offset").number(e.offset);
  if (!e.hint.empty()) w.field("hint").string(e.hint);
  w.end_object();
  w.end_object();
  out += '\n';
}

// "error: MESSAGE [CODE]", the text with a caret under where reading stopped, the hint.
// The error, then the input with a caret under the fault. A long input shows the stretch
// around the fault; control and bidi characters show as escapes, so the caret stays true.
void append_error_text(std::string& out, std::string_view input, const date_error& e) {
  constexpr std::size_t context = 60;  // bytes shown on each side of the fault
  const std::size_t at = std::min<std::size_t>(e.offset, input.size());
  std::size_t from = at > context ? at - context : 0, to = std::min(input.size(), at + context);
  while (from > 0 && (static_cast<unsigned char>(input[from]) & 0xC0) == 0x80) --from;  // whole characters
  while (to < input.size() && (static_cast<unsigned char>(input[to]) & 0xC0) == 0x80) ++to;
  const std::string before = (from > 0 ? "\u2026" : "") + display_text(input.substr(from, at - from));
  const std::size_t caret = static_cast<std::size_t>(
      std::count_if(before.begin(), before.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  out += "error: " + display_text(e.message) + " [" + e.code + "]\n";
  out += "  " + before + display_text(input.substr(at, to - at)) + (to < input.size() ? "\u2026" : "");
  out += "\n  " + std::string(caret, ' ') + "^\n";
  if (!e.hint.empty()) out += "  hint: " + display_text(e.hint) + "\n";
}

}  // namespace

std::string describe_date(const temporal_value& v) {
  std::string s;
  const std::string a = v.bounded_start() ? format_bound(v.earliest, v.prec, v.tz) : std::string();
  const std::string b = v.bounded_end() ? format_bound(v.latest, v.prec, v.tz) : std::string();
  if (!v.bounded_start() && !v.bounded_end()) s = "any time";
  else if (!v.bounded_start()) s = "until " + b + " (open start)";
  else if (!v.bounded_end()) s = "from " + a + " (open end)";
  else if (a == b) s = a;
  else s = "from " + a + " to " + b;
  s += ", to the ";
  s += to_string(v.prec);
  if (v.interval) s += ", a span";
  if (v.approximate) s += ", approximate";
  if (v.uncertain) s += ", uncertain";
  if (v.cal != calendar::gregorian) {
    s += ", read in the ";
    s += to_string(v.cal);
    s += " calendar";
  }
  if (v.tz) {
    s += ", in ";
    s += zone_name(v.tz);
  }
  s += ": ";
  s += date_label(v);
  return s;
}

outcome run_date(const date_args& args, std::chrono::sys_days today, std::ostream& out, std::ostream& err) try {
  const auto usage = [&](const std::string& message) {
    err << usage_message("date", message);
    return outcome::usage_error;
  };
  const data_format_row* format = find_data_format(args.format);
  if (!format) return usage(unknown_choice("format", args.format, detail::data_format_choices()));
  const bool json = format->format == data_format::json;
  if (args.texts.empty()) return usage("date needs at least one TEXT");
  date_context context;
  if (!args.calendar.empty()) {
    const auto c = parse_calendar(args.calendar);
    if (!c) return usage(unknown_choice("calendar", args.calendar, detail::calendar_choices()));
    context.cal = *c;
  }
  if (!args.reading.empty()) {
    const auto mode = detail::find_value(detail::readings(), args.reading);
    if (!mode) return usage(unknown_choice("reading", args.reading, detail::as_choices(detail::readings())));
    context.mode = *mode;
  }
  context.reference = today;
  if (!args.reference.empty()) {
    // The reference keeps its precision: "1862" is all of 1862, and "the next day" after it
    // no day the text did not name. Its bounds as written (not widened by c. or ?).
    const date_result r = normalize_date(args.reference, date_context{});
    if (!r.ok()) return usage("invalid --reference '" + args.reference + "': " + r.error->message);
    if (!r.value.bounded_start()) return usage("--reference '" + args.reference + "' has no start");
    context.reference = std::chrono::floor<std::chrono::days>(r.value.stated_earliest);
    // A narrative goes on in the calendar of its last date: after 14 Jumada II 1324 AH,
    // "in Shawwal" and "the following month" are Islamic (a phrase that names another
    // calendar's month, "in March", is read in the Gregorian one).
    if (args.calendar.empty()) context.cal = r.value.cal;
    if (r.value.bounded_end()) {
      context.reference_last = std::chrono::floor<std::chrono::days>(r.value.stated_latest);
      context.reference_prec = std::max(r.value.prec, precision::day);
    }
  }
  if (!args.timezone.empty() && !find_zone(args.timezone)) {
    return usage("unknown time zone '" + args.timezone + "' for --tz; " + detail::zone_name_hint(args.timezone));
  }
  context.timezone = args.timezone;
  outcome status = outcome::ok;
  std::string text_out, text_err;
  for (const std::string& text : args.texts) {
    date_result r = normalize_date(text, context);
    if (!r.ok() && args.calendar.empty() && context.cal != calendar::gregorian) {
      date_context gregorian = context;
      gregorian.cal = calendar::gregorian;
      if (date_result g = normalize_date(text, gregorian); g.ok()) r = std::move(g);
    }
    if (json) {
      if (!r.ok()) {
        append_error_json(text_out, text, *r.error);
      } else {
        json_writer w(text_out, false);
        w.begin_object();
        w.field("input").string(text);
        write_date_fields(w, r.value);
        w.field("label").string(date_label(r.value));
        w.end_object();
        text_out += '\n';
      }
    } else if (!r.ok()) {
      append_error_text(text_err, text, *r.error);
    } else {
      text_out += text + ": " + describe_date(r.value) + "\n";
    }
    if (!r.ok()) status = outcome::input_error;
  }
  out << text_out;
  err << text_err;
  return status;
} catch (const std::bad_alloc&) {
  return out_of_memory("date", err);
}

}  // namespace annals
