// ics: an iCalendar file (RFC 5545): one VEVENT per event, escaped, folded, CRLF.
// Instants stay UTC; days are the writer's calendar days (DATE values); the label
// says in the description how the date was written.

#include <ostream>

#include "time/civil.hpp"
#include "output/escape.hpp"
#include "output/render_formats.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

std::string digits(std::int64_t v, int width) {
  std::string s = std::to_string(v);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

// YYYYMMDD, four-digit years (RFC 5545 holds 0001..9999 only: see writable()).
std::string ics_date(std::int64_t day) {
  const civil::ymd d = civil::civil_from_days(day);
  return digits(d.y, 4) + digits(d.m, 2) + digits(d.d, 2);
}

std::string ics_date_time(instant t) {
  const civil::date_time c = civil::to_date_time(t.time_since_epoch().count());
  return ics_date(civil::day_of(t)) + 'T' + digits(c.hour, 2) + digits(c.minute, 2) + digits(c.second, 2) + 'Z';
}

bool writable(std::int64_t day) {
  const std::int64_t y = civil::civil_from_days(day).y;
  return y >= 1 && y <= 9999;
}

}  // namespace

void write_ics(const presentation& p, std::ostream& out) {
  const std::span<const file_header> files = p.files();
  const auto line = [&](std::string_view name, std::string_view value) {
    out << fold_ics_line(std::string(name) + ':' + std::string(value));
  };
  // DTSTAMP must not come from the clock (same input, same bytes): it is the first
  // file's reference date at midnight UTC, or the Unix epoch when there is none.
  std::string stamp = "19700101T000000Z";
  if (!files.empty() && files.front().reference) stamp = ics_date_time(instant{*files.front().reference});
  line("BEGIN", "VCALENDAR");
  line("VERSION", "2.0");
  line("PRODID", "-//annals//annals timeline engine//EN");
  line("CALSCALE", "GREGORIAN");
  if (!files.empty() && !files.front().title.empty()) line("X-WR-CALNAME", escape_ics_text(files.front().title));
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    const event& e = *v.e;
    const temporal_value& d = v.date;
    // The stated bounds; an open end takes the bound that links inferred, if any.
    const event_bounds& b = p.bounds(v.index);
    instant first = d.earliest != open_start ? d.earliest : b.start_min;
    instant last = d.latest != open_end ? d.latest : b.end_max;
    if (first == open_start && last == open_end) {
      p.leave_out(v.index, "it has no date an iCalendar event can start on");
      continue;
    }
    // An open-ended event starts at its known end and runs no further (RFC 5545 3.6.1: no DTEND).
    const bool open = first == open_start || last == open_end;
    if (first == open_start) first = last;
    if (last == open_end) last = first;
    const bool days = d.prec >= precision::day && !d.has_time;
    const std::int64_t first_day = detail::local_day(d.tz, first), last_day = detail::local_day(d.tz, last);
    // A day is written as the writer's calendar day, a time in UTC: each must be in 1..9999.
    const bool in_range = days ? writable(first_day) && writable(last_day)
                               : writable(civil::day_of(first)) && writable(civil::day_of(last));
    if (!in_range) {
      p.leave_out(v.index, "iCalendar holds years 1 to 9999 only");
      continue;
    }

    const std::string id(p.name(e.id));
    const file_header* file = e.pos.file < files.size() ? &files[e.pos.file] : nullptr;
    const std::string domain = file && file->id != no_symbol ? std::string(p.name(file->id)) : "timeline";
    line("BEGIN", "VEVENT");
    line("UID", escape_ics_text(id + '@' + domain + ".annals"));
    line("DTSTAMP", stamp);
    // DTEND is exclusive: an event that ends with the year 9999 cannot write it (year
    // 10000), and says its DURATION instead (RFC 5545 3.6.1 allows either).
    const bool ends_9999 = days ? !writable(last_day + 1) : !writable(civil::day_of(last + std::chrono::seconds{1}));
    if (days) {
      line("DTSTART;VALUE=DATE", ics_date(first_day));
      if (!open && !ends_9999) line("DTEND;VALUE=DATE", ics_date(last_day + 1));
      if (!open && ends_9999) line("DURATION", "P" + std::to_string(last_day + 1 - first_day) + "D");
    } else {
      line("DTSTART", ics_date_time(first));
      if (!open && !ends_9999) line("DTEND", ics_date_time(last + std::chrono::seconds{1}));
      if (!open && ends_9999) line("DURATION", "PT" + std::to_string((last - first).count() + 1) + "S");
    }
    line("SUMMARY", escape_ics_text(e.title));

    std::string description = "When: " + v.label;
    if (open) {
      description += " (open-ended)";
    } else if (d.approximate || d.uncertain || d.prec > precision::day || !v.relation.empty()) {
      description += " (somewhere in this span)";
    }
    if (!v.relation.empty()) description += "\nAs written: " + v.relation;
    if (const std::string r = p.readings(e); !r.empty()) description += "\nDated by source: " + r;
    if (!e.description.empty()) (description += "\n\n") += e.description;
    for (const shown_link& l : v.links) {
      description += '\n';
      description += link_words(l.kind);
      description += ' ';
      description += l.target_id;
    }
    std::string url;
    for (const shown_source& s : v.sources) {
      description += "\nSource: " + s.cited;
      if (s.url.empty()) continue;
      description += " <" + std::string(s.url) + ">";
      if (url.empty()) url = s.url;
    }
    line("DESCRIPTION", escape_ics_text(description));
    if (e.place != no_symbol) line("LOCATION", escape_ics_text(p.place_name(e.place, v.index)));
    if (e.kind != no_symbol) line("CATEGORIES", escape_ics_text(p.name(e.kind)));
    if (!url.empty()) line("URL", url);  // a URI value, not TEXT: no escaping, only safe URLs
    line("END", "VEVENT");
  }
  line("END", "VCALENDAR");
}

}  // namespace annals
