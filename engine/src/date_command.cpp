#include "annals/date_command.hpp"

#include <cstdio>

namespace annals {
namespace {

void append_bound(std::string& out, instant t, precision p) {
  if (t == open_start || t == open_end) {
    out += "null";
    return;
  }
  out += '"';
  out += format_bound(t, p);
  out += '"';
}

void append_bool(std::string& out, std::string_view name, bool b) {
  out += ",\"";
  out += name;
  out += "\":";
  out += b ? "true" : "false";
}

void append_error_json(std::string& out, std::string_view input, const date_error& e) {
  out += "{\"input\":";
  append_json_string(out, input);
  out += ",\"error\":{\"code\":";
  append_json_string(out, e.code);
  out += ",\"message\":";
  append_json_string(out, e.message);
  out += ",\"offset\":";
  out += std::to_string(e.offset);
  if (!e.hint.empty()) {
    out += ",\"hint\":";
    append_json_string(out, e.hint);
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

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_date_json_fields(std::string& out, const temporal_value& v) {
  out += "\"earliest\":";
  append_bound(out, v.earliest, v.prec);
  out += ",\"latest\":";
  append_bound(out, v.latest, v.prec);
  out += ",\"precision\":\"";
  out += to_string(v.prec);
  out += '"';
  append_bool(out, "approximate", v.approximate);
  append_bool(out, "uncertain", v.uncertain);
  append_bool(out, "interval", v.interval);
  out += ",\"calendar\":\"";
  out += to_string(v.cal);
  out += '"';
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
        append_json_string(o.out, text);
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
