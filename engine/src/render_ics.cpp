// ics: an iCalendar file (RFC 5545): one VEVENT per event, escaped, folded, CRLF.

#include <ostream>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

std::string two(unsigned v) { return std::string(1, static_cast<char>('0' + v / 10 % 10)) + static_cast<char>('0' + v % 10); }

std::string ics_date(const civil_time& c) {
  // Four digits, zero-padded: AD 79 is 00790101 (years 1..9999 only: see representable()).
  return two(static_cast<unsigned>(c.year / 100)) + two(static_cast<unsigned>(c.year % 100)) + two(c.month) +
         two(c.day);
}

std::string ics_date_time(const civil_time& c) {
  return ics_date(c) + 'T' + two(c.hour) + two(c.minute) + two(c.second) + 'Z';
}

// RFC 5545 dates have four-digit years (0001..9999); earlier or later events, and
// open ends, cannot be written.
bool representable(instant first, instant end) {
  if (first == open_start || end == open_end) return false;
  return to_civil(first).year >= 1 && to_civil(end).year <= 9999;
}

bool midnight(const civil_time& c) { return c.hour == 0 && c.minute == 0 && c.second == 0; }

class ics_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    const auto line = [&](std::string_view name, std::string_view value) {
      out << fold_ics_line(std::string(name) + ':' + std::string(value));
    };
    // DTSTAMP must not come from the clock (same input, same bytes): it is the first
    // file's reference date at midnight UTC, or the Unix epoch when there is none.
    std::string stamp = "19700101T000000Z";
    if (!tl.files.empty() && tl.files.front().reference) {
      stamp = ics_date_time(to_civil(instant{*tl.files.front().reference}));
    }
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//annals//annals timeline engine//EN");
    line("CALSCALE", "GREGORIAN");
    if (!tl.files.empty() && !tl.files.front().title.empty()) {
      line("X-WR-CALNAME", escape_ics_text(tl.files.front().title));
    }
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      // The stated bounds; an open end takes the bound that links inferred, if any.
      instant first = e.date.earliest, last = e.date.latest;
      if (i < chron.bounds.size()) {
        if (first == open_start) first = chron.bounds[i].start_min;
        if (last == open_end) last = chron.bounds[i].end_max;
      }
      if (first == open_start || last == open_end) continue;
      const instant end = last + std::chrono::seconds{1};  // DTEND is exclusive
      if (!representable(first, end)) continue;
      const civil_time s = to_civil(first), t = to_civil(end);

      const std::string id(tl.names.name(e.id));
      const file_header* file = e.pos.file < tl.files.size() ? &tl.files[e.pos.file] : nullptr;
      const std::string domain = file && file->id != no_symbol ? std::string(tl.names.name(file->id)) : "timeline";
      line("BEGIN", "VEVENT");
      line("UID", escape_ics_text(id + '@' + domain + ".annals"));
      line("DTSTAMP", stamp);
      if (e.date.prec >= precision::day && midnight(s) && midnight(t)) {
        line("DTSTART;VALUE=DATE", ics_date(s));
        line("DTEND;VALUE=DATE", ics_date(t));
      } else {
        line("DTSTART", ics_date_time(s));
        line("DTEND", ics_date_time(t));
      }
      line("SUMMARY", escape_ics_text(e.title));

      std::string description = "When: " + date_label(e.date);
      if (e.date.approximate || e.date.uncertain || e.date.prec > precision::day) {
        description += " (somewhere in this span)";
      }
      if (!e.description.empty()) (description += "\n\n") += e.description;
      for (const link& l : e.links) {
        description += '\n';
        description += link_phrase(l.kind);
        description += ' ';
        description += tl.names.name(l.target);
      }
      std::string url;
      for (symbol sid : e.sources) {
        const source* src = find_source(tl, sid);
        if (src == nullptr) continue;
        description += "\nSource: " + (src->title.empty() ? std::string(tl.names.name(sid)) : src->title);
        if (!is_safe_url(src->url)) continue;  // never a javascript: or data: link
        description += " <" + src->url + ">";
        if (url.empty()) url = src->url;
      }
      line("DESCRIPTION", escape_ics_text(description));
      if (e.place != no_symbol) line("LOCATION", escape_ics_text(place_name(tl, e.place)));
      if (e.kind != no_symbol) line("CATEGORIES", escape_ics_text(tl.names.name(e.kind)));
      if (!url.empty()) line("URL", url);  // a URI value, not TEXT: no escaping, only safe URLs
      line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
  }
};

}  // namespace

std::unique_ptr<renderer> make_ics_renderer() { return std::make_unique<ics_renderer>(); }

}  // namespace annals
