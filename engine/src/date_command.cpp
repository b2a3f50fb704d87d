#include "annals/date_command.hpp"

#include "escape.hpp"

#include <cstdio>

namespace annals {
namespace {

std::string bound_json(instant t, precision p) {
  if (t == open_start || t == open_end) return "null";
  return '"' + format_bound(t, p) + '"';
}

// Names of precisions and calendars are identifiers: nothing in them needs escaping.
std::string identifier_json(std::string_view name) { return '"' + std::string(name) + '"'; }

std::string bool_json(bool b) { return b ? "true" : "false"; }

// The members of `date --format json` for one date, without braces.
void append_date_json_fields(std::string& out, const temporal_value& v) {
  bool first = true;
  for (const auto& [name, value] : date_json_fields(v)) {
    out += first ? "\"" : ",\"";
    out += name;
    out += "\":";
    out += value;
    first = false;
  }
}

void append_error_json(std::string& out, std::string_view input, const date_error& e) {
  out += "{\"input\":";
  out += json_string(input);
  out += ",\"error\":{\"code\":";
  out += json_string(e.code);
  out += ",\"message\":";
  out += json_string(e.message);
  out += ",\"offset\":";
  out += std::to_string(e.offset);
  if (!e.hint.empty()) {
    out += ",\"hint\":";
    out += json_string(e.hint);
  }
  out += "}}\n";
}

// "error: MESSAGE [CODE]", the text with a caret under where reading stopped, the hint.
void append_error_text(std::string& out, std::string_view input, const date_error& e) {
  out += "error: " + e.message + " [" + e.code + "]\n";
  out += "  ";
  out += input;
  out += "\n  " + std::string(std::min<std::size_t>(e.offset, input.size()), ' ') + "^\n";
  if (!e.hint.empty()) out += "  hint: " + e.hint + "\n";
}

command_output usage(std::string message) {
  command_output o;
  o.err = "annals date: " + std::move(message) + "\n";
  o.status = 2;
  return o;
}

}  // namespace

std::array<date_json_field, 7> date_json_fields(const temporal_value& v) {
  return {{{"earliest", bound_json(v.earliest, v.prec)},
           {"latest", bound_json(v.latest, v.prec)},
           {"precision", identifier_json(to_string(v.prec))},
           {"approximate", bool_json(v.approximate)},
           {"uncertain", bool_json(v.uncertain)},
           {"interval", bool_json(v.interval)},
           {"calendar", identifier_json(to_string(v.cal))}}};
}

std::string describe_date(const temporal_value& v) {
  std::string s;
  const std::string a = v.bounded_start() ? format_bound(v.earliest, v.prec) : std::string();
  const std::string b = v.bounded_end() ? format_bound(v.latest, v.prec) : std::string();
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
  return s;
}

command_output run_date_command(const std::vector<std::string>& texts, const date_options& options,
                                std::chrono::sys_days today) {
  if (options.format != "text" && options.format != "json")
    return usage("unknown format '" + options.format + "' (use text or json)");
  date_context context;
  if (!options.calendar.empty()) {
    const auto c = parse_calendar(options.calendar);
    if (!c) return usage("unknown calendar '" + options.calendar + "' (use gregorian, julian, solar_hijri or islamic)");
    context.cal = *c;
  }
  context.reference = today;
  if (!options.reference.empty()) {
    const date_result r = normalize_date(options.reference, date_context{});
    if (!r.ok()) return usage("invalid --reference '" + options.reference + "': " + r.error->message);
    if (!r.value.bounded_start()) return usage("--reference '" + options.reference + "' has no start");
    context.reference = std::chrono::floor<std::chrono::days>(r.value.earliest);
  }
  context.timezone = options.timezone;
  command_output o;
  for (const std::string& text : texts) {
    const date_result r = normalize_date(text, context);
    if (options.format == "json") {
      if (!r.ok()) {
        append_error_json(o.out, text, *r.error);
      } else {
        o.out += "{\"input\":";
        o.out += json_string(text);
        o.out += ',';
        append_date_json_fields(o.out, r.value);
        o.out += "}\n";
      }
    } else if (!r.ok()) {
      append_error_text(o.err, text, *r.error);
    } else {
      o.out += text + ": " + describe_date(r.value) + "\n";
    }
    if (!r.ok()) o.status = 1;
  }
  return o;
}

}  // namespace annals
