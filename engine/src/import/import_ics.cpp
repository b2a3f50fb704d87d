// ics: an iCalendar file (RFC 5545), read by libical. Each VEVENT is one event: UID its id,
// SUMMARY its title, DTSTART with DTEND or DURATION its date (DTEND is exclusive), DESCRIPTION,
// LOCATION (a place), URL (a source) and CATEGORIES (tags). A time keeps its zone: a TZID
// that names an IANA zone becomes the date's `tz`, UTC stays `Z`, a floating time reads in
// the calendar's X-WR-TIMEZONE. A recurring event is its first occurrence, with a warning.
//
// libical gives no line numbers, so the text is scanned for its lines (ics_lines.hpp) beside
// it: the n-th BEGIN:VEVENT of the text is the n-th VEVENT libical returns, and each
// property's line is found among its event's lines. libical's own complaints (X-LIC-ERROR)
// are errors at the line they name.

#include <dlfcn.h>
#include <libical/ical.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "annals/temporal.hpp"
#include "import/entities.hpp"
#include "import/ics_lines.hpp"
#include "import/importers.hpp"
#include "input/encoding.hpp"

namespace annals {

namespace {

// The libical functions annals calls, found when a calendar is first imported (dlopen):
// linked, libical would bring ICU and its 30 MB of data into every run of annals.
#define ANNALS_ICAL_FUNCTIONS(X) \
  X(icalcomponent_free) \
  X(icalcomponent_get_first_component) \
  X(icalcomponent_get_first_property) \
  X(icalcomponent_get_next_component) \
  X(icalcomponent_get_next_property) \
  X(icalcomponent_get_timezone) \
  X(icalcomponent_isa) \
  X(icalerror_set_errors_are_fatal) \
  X(icalparameter_get_tzid) \
  X(icalparser_parse_string) \
  X(icalproperty_get_categories) \
  X(icalproperty_get_description) \
  X(icalproperty_get_dtend) \
  X(icalproperty_get_dtstart) \
  X(icalproperty_get_duration) \
  X(icalproperty_get_first_parameter) \
  X(icalproperty_get_location) \
  X(icalproperty_get_summary) \
  X(icalproperty_get_uid) \
  X(icalproperty_get_url) \
  X(icalproperty_get_value_as_string) \
  X(icalproperty_get_x_name) \
  X(icalproperty_get_xlicerror) \
  X(icalproperty_isa) \
  X(icaltime_add) \
  X(icaltime_adjust) \
  X(icaltime_convert_to_zone) \
  X(icaltime_is_null_time) \
  X(icaltime_is_utc) \
  X(icaltime_is_valid_time) \
  X(icaltime_set_timezone) \
  X(icaltimezone_get_location) \
  X(icaltimezone_get_utc_timezone)

struct ical_api {
#define ANNALS_ICAL_MEMBER(f) decltype(&::f) f = nullptr;
  ANNALS_ICAL_FUNCTIONS(ANNALS_ICAL_MEMBER)
#undef ANNALS_ICAL_MEMBER
};

// The library, or nullptr when it cannot be loaded (not installed).
const ical_api* load_ical() {
  static const ical_api* api = []() -> const ical_api* {
    void* lib = dlopen(ANNALS_LIBICAL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) return nullptr;
    static ical_api a;
    bool all = true;
#define ANNALS_ICAL_LOAD(f) \
  a.f = reinterpret_cast<decltype(a.f)>(dlsym(lib, #f)); \
  all = all && a.f != nullptr;
    ANNALS_ICAL_FUNCTIONS(ANNALS_ICAL_LOAD)
#undef ANNALS_ICAL_LOAD
    return all ? &a : nullptr;
  }();
  return api;
}

// Only called once import_ics has loaded the library.
const ical_api& ical() { return *load_ical(); }

struct component_deleter {
  void operator()(icalcomponent* c) const { ical().icalcomponent_free(c); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_deleter>;

// Every VEVENT under `c`, in the order of the text.
void collect_events(icalcomponent* c, std::vector<icalcomponent*>& out) {
  if (ical().icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) {
    out.push_back(c);
    return;
  }
  for (icalcomponent* k = ical().icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
       k = ical().icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
    collect_events(k, out);
  }
}

std::string text_of(icalproperty* p) {
  if (!p) return {};
  const char* v = nullptr;
  switch (ical().icalproperty_isa(p)) {
    case ICAL_SUMMARY_PROPERTY: v = ical().icalproperty_get_summary(p); break;
    case ICAL_DESCRIPTION_PROPERTY: v = ical().icalproperty_get_description(p); break;
    case ICAL_LOCATION_PROPERTY: v = ical().icalproperty_get_location(p); break;
    case ICAL_UID_PROPERTY: v = ical().icalproperty_get_uid(p); break;
    case ICAL_URL_PROPERTY: v = ical().icalproperty_get_url(p); break;
    case ICAL_CATEGORIES_PROPERTY: v = ical().icalproperty_get_categories(p); break;
    case ICAL_XLICERROR_PROPERTY: v = ical().icalproperty_get_xlicerror(p); break;
    default: v = ical().icalproperty_get_value_as_string(p); break;
  }
  return v ? std::string(trimmed(v)) : std::string();
}

std::string tzid_of(icalproperty* p) {
  icalparameter* tz = p ? ical().icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
  const char* s = tz ? ical().icalparameter_get_tzid(tz) : nullptr;
  return s ? s : "";
}

// Where a zone's times go: kept in an IANA zone, in UTC ('Z'), or floating.
struct zone_reading {
  enum class kind { floating, utc, iana, converted } how = kind::floating;
  std::string name;                  // the IANA zone
  icaltimezone* ical = nullptr;      // converted: the VTIMEZONE, to take the times to UTC
};

// A TZID as an IANA zone: itself, the VTIMEZONE's X-LIC-LOCATION (Google writes one), or
// its tail (Mozilla's "/mozilla.org/20050126_1/Europe/Berlin"); else the calendar's own
// VTIMEZONE, whose times libical takes to UTC (Outlook's "GMT Standard Time").
std::optional<zone_reading> read_zone(std::string_view tzid, icalcomponent* calendar) {
  if (find_zone(tzid)) return zone_reading{zone_reading::kind::iana, std::string(tzid), nullptr};
  icaltimezone* z = calendar ? ical().icalcomponent_get_timezone(calendar, std::string(tzid).c_str()) : nullptr;
  if (z) {
    if (const char* location = ical().icaltimezone_get_location(z); location && find_zone(location)) {
      return zone_reading{zone_reading::kind::iana, location, nullptr};
    }
  }
  for (std::size_t at = tzid.find('/'); at != std::string_view::npos; at = tzid.find('/', at + 1)) {
    const std::string_view tail = tzid.substr(at + 1);
    if (!tail.empty() && find_zone(tail)) return zone_reading{zone_reading::kind::iana, std::string(tail), nullptr};
  }
  if (z) return zone_reading{zone_reading::kind::converted, std::string(tzid), z};
  return std::nullopt;
}

// A time as the date grammar reads it: 2015-11-23, 2015-11-23T10:30, 2015-11-23T10:30:15.
std::string wall_text(const icaltimetype& t, bool seconds) {
  char buf[40];
  if (t.is_date) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  } else if (seconds) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  }
  return buf;
}

long long civil_key(const icaltimetype& t) {
  return ((((t.year * 13LL + t.month) * 32 + t.day) * 24 + t.hour) * 60 + t.minute) * 60 + t.second;
}

}  // namespace

void import_ics(std::string_view bytes, const import_options&, draft::input& in, draft& d) {
  if (!load_ical()) {
    d.error(in, 0, 0, "missing-library", "cannot load libical (" ANNALS_LIBICAL_SONAME "), which reads iCalendar files",
            "install it: apt-get install libical3");
    return;
  }
  ical().icalerror_set_errors_are_fatal(0);
  // RFC 5545 3.1.4: UTF-8.
  if (const auto bad = check_encoding(bytes)) {
    d.error(in, bad->line, bad->column, "encoding", bad->message);
    return;
  }
  const ics::scan_result text = ics::scan(bytes);
  // Where the property `name` of event `k` (text order) is: its line and its value's column.
  const auto where = [&](int k, std::string_view name) -> std::pair<std::uint32_t, std::uint32_t> {
    if (k >= 0 && static_cast<std::size_t>(k) < text.by_event.size()) {
      for (const std::size_t at : text.by_event[k]) {
        if (text.lines[at].name == name) return {text.lines[at].line, text.lines[at].value_column};
      }
    }
    return {k >= 0 && static_cast<std::size_t>(k) < text.events.size() ? text.events[k] : 1, 1};
  };
  if (text.too_deep) {
    d.error(in, text.too_deep->line, 1, "too-deep",
            "'" + text.too_deep->text + "' is nested more than " + std::to_string(ics::max_depth) + " components deep");
    return;
  }
  if (text.unclosed) {
    d.error(in, text.unclosed->line, 1, "ics-syntax",
            "'" + text.unclosed->text + "' is never ended", "add its END line");
    return;
  }
  const std::string owned(bytes);  // libical reads a NUL-terminated string
  const component_ptr root(ical().icalparser_parse_string(owned.c_str()));
  if (!root) {
    d.error(in, 1, 1, "ics-syntax", "not an iCalendar file: no BEGIN:VCALENDAR ... END:VCALENDAR that libical can read");
    return;
  }
  icalcomponent* calendar = ical().icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT
                                ? root.get()
                                : ical().icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
  std::vector<icalcomponent*> events;
  collect_events(root.get(), events);

  // libical's complaints, at the line they name: errors where they touch an event or the
  // calendar; an empty property (Outlook writes "LOCATION:") is only left out.
  constexpr std::size_t max_searches = 100;
  std::size_t searched = 0;
  const auto complaints = [&](icalcomponent* c, int k, bool fatal) {
    for (icalproperty* p = ical().icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = ical().icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
      const std::string message = text_of(p);
      std::uint32_t line = k >= 0 && static_cast<std::size_t>(k) < text.events.size() ? text.events[k] : 1, column = 1;
      // "... in DTSTART property ..." or "...: FOO BAR" (the line itself)
      const auto colon = message.rfind(": ");
      const std::string tail = colon == std::string::npos ? "" : std::string(trimmed(message.substr(colon + 2)));
      const auto names = [&](const ics::text_line& l) {
        if ((!tail.empty() && trimmed(l.text) == tail) || message.find(" " + l.name + " property") != std::string::npos) {
          line = l.line;
          column = l.value_column;
          return true;
        }
        return false;
      };
      if (k >= 0 && static_cast<std::size_t>(k) < text.by_event.size()) {
        for (const std::size_t at : text.by_event[k]) {
          if (names(text.lines[at])) break;
        }
      } else if (searched++ < max_searches) {  // the whole text: a few times, not once per complaint of a huge file
        for (const ics::text_line& l : text.lines) {
          if (names(l)) break;
        }
      }
      const bool empty_value = message.rfind("No value for", 0) == 0;
      if (fatal && !empty_value) {
        d.error(in, line, column, "ics-syntax", "libical cannot read this: " + message);
      } else {
        d.warning(in, line, column, "ics-syntax", "libical cannot read this, and it is left out: " + message);
      }
    }
  };
  if (calendar) complaints(calendar, -1, true);

  // The calendar's name and zone, as Google and Apple export them.
  std::string calendar_zone;
  if (calendar) {
    for (icalproperty* p = ical().icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY); p;
         p = ical().icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
      const std::string name = ics::upper(ical().icalproperty_get_x_name(p) ? ical().icalproperty_get_x_name(p) : "");
      const std::string value = text_of(p);
      if (!(name == "X-WR-CALNAME" && !in.document.get("title")) && !(name == "X-WR-TIMEZONE" && calendar_zone.empty())) {
        continue;  // only the first of each is read
      }
      std::uint32_t line = 1, column = 1;
      for (const ics::text_line& l : text.lines) {
        if (l.event < 0 && l.name == name) {
          line = l.line;
          column = l.value_column;
          break;
        }
      }
      if (name == "X-WR-CALNAME" && !value.empty() && !in.document.get("title")) {
        in.document.set("title", record::string(value, line, column));
      } else if (name == "X-WR-TIMEZONE" && !value.empty() && calendar_zone.empty()) {
        if (find_zone(value)) {
          calendar_zone = value;
          in.document.set("timezone", record::string(value, line, column));
        } else {
          d.warning(in, line, column, "unknown-timezone", "X-WR-TIMEZONE '" + value + "' is not a zone the tz database knows");
        }
      }
    }
  }
  if (events.empty()) {
    d.error(in, 1, 1, "no-events", "the calendar has no events (VEVENT)");
    return;
  }

  // The UIDs of series, so an occurrence changed on its own (RECURRENCE-ID) is known as one.
  std::set<std::string, std::less<>> series;
  for (icalcomponent* ev : events) {
    if (!ical().icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
      series.insert(text_of(ical().icalcomponent_get_first_property(ev, ICAL_UID_PROPERTY)));
    }
  }

  std::vector<record> made;
  for (std::size_t n = 0; n < events.size(); ++n) {
    icalcomponent* ev = events[n];
    const int k = n < text.events.size() ? static_cast<int>(n) : -1;
    const std::uint32_t at = k >= 0 ? text.events[k] : 1;
    const std::size_t errors_before = count(d.diagnostics, severity::error);
    complaints(ev, k, true);
    for (icalcomponent* sub = ical().icalcomponent_get_first_component(ev, ICAL_ANY_COMPONENT); sub;
         sub = ical().icalcomponent_get_next_component(ev, ICAL_ANY_COMPONENT)) {
      complaints(sub, -1, false);  // an alarm libical cannot read does not touch the event
    }

    const std::string uid = text_of(ical().icalcomponent_get_first_property(ev, ICAL_UID_PROPERTY));
    std::string title = text_of(ical().icalcomponent_get_first_property(ev, ICAL_SUMMARY_PROPERTY));
    if (ical().icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY) && !uid.empty() && series.contains(uid)) {
      const auto [l, c] = where(k, "RECURRENCE-ID");
      d.warning(in, l, c, "recurrence",
                "an occurrence of the recurring event '" + uid + "' changed on its own is left out: a recurring event is imported as its first occurrence");
      continue;
    }

    icalproperty* start_p = ical().icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!start_p) {
      if (count(d.diagnostics, severity::error) == errors_before) {
        d.error(in, at, 1, "missing-date", "the event '" + (title.empty() ? uid : title) + "' has no DTSTART",
                "an event needs DTSTART:YYYYMMDD or DTSTART:YYYYMMDDTHHMMSS");
      }
      continue;
    }
    const auto [start_line, start_column] = where(k, "DTSTART");
    icaltimetype start = ical().icalproperty_get_dtstart(start_p);
    if (ical().icaltime_is_null_time(start) || !ical().icaltime_is_valid_time(start)) {
      d.error(in, start_line, start_column, "invalid-date", "DTSTART '" + text_of(start_p) + "' is not a date or time");
      continue;
    }
    // The zone of the start; the end must be in the same.
    zone_reading zone;
    const std::string tzid = tzid_of(start_p);
    if (start.is_date) {
      zone.how = zone_reading::kind::floating;  // a day: the calendar's zone, if any
    } else if (ical().icaltime_is_utc(start)) {
      zone.how = zone_reading::kind::utc;
    } else if (!tzid.empty()) {
      const auto z = read_zone(tzid, calendar);
      if (!z) {
        d.error(in, start_line, start_column, "unknown-timezone",
                "TZID '" + tzid + "' is neither a zone of the tz database nor defined by a VTIMEZONE of the calendar");
        continue;
      }
      zone = *z;
      if (zone.how == zone_reading::kind::converted) {
        d.warning(in, start_line, start_column, "ics-zone",
                  "TZID '" + tzid + "' is not a zone of the tz database: the times are taken to UTC by the calendar's VTIMEZONE");
      }
    }

    std::optional<icaltimetype> end;
    std::uint32_t end_line = start_line, end_column = start_column;
    if (icalproperty* end_p = ical().icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)) {
      std::tie(end_line, end_column) = where(k, "DTEND");
      const icaltimetype e = ical().icalproperty_get_dtend(end_p);
      if (ical().icaltime_is_null_time(e) || !ical().icaltime_is_valid_time(e)) {
        d.error(in, end_line, end_column, "invalid-date", "DTEND '" + text_of(end_p) + "' is not a date or time");
        continue;
      }
      if (e.is_date != start.is_date || ical().icaltime_is_utc(e) != ical().icaltime_is_utc(start) || tzid_of(end_p) != tzid) {
        d.warning(in, end_line, end_column, "ics-end",
                  "DTEND is not written as DTSTART is (a day and a time, or two zones): the event is read as its start alone");
      } else {
        end = e;
      }
    } else if (icalproperty* dur_p = ical().icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
      std::tie(end_line, end_column) = where(k, "DURATION");
      end = ical().icaltime_add(start, ical().icalproperty_get_duration(dur_p));
    }
    if (end && civil_key(*end) < civil_key(start)) {
      d.error(in, end_line, end_column, "invalid-date", "the event ends before it starts: DTSTART " +
              text_of(start_p) + ", end " + wall_text(*end, true));
      continue;
    }
    if (zone.how == zone_reading::kind::converted) {
      icaltimezone* utc = ical().icaltimezone_get_utc_timezone();
      ical().icaltime_set_timezone(&start, zone.ical);
      start = ical().icaltime_convert_to_zone(start, utc);
      if (end) {
        ical().icaltime_set_timezone(&*end, zone.ical);
        end = ical().icaltime_convert_to_zone(*end, utc);
      }
      zone.how = zone_reading::kind::utc;
    }

    // The last moment in the event: DTEND is exclusive, so a day, a minute or a second
    // before it, whichever unit its times are written to.
    const bool seconds = !start.is_date && (start.second != 0 || (end && end->second != 0));
    std::string on = wall_text(start, seconds);
    if (end && civil_key(*end) > civil_key(start)) {
      icaltimetype last = *end;
      if (start.is_date) {
        ical().icaltime_adjust(&last, -1, 0, 0, 0);
      } else {
        ical().icaltime_adjust(&last, 0, 0, seconds ? 0 : -1, seconds ? -1 : 0);
      }
      if (civil_key(last) > civil_key(start)) on += "/" + wall_text(last, seconds);
    }
    const bool utc = zone.how == zone_reading::kind::utc;
    if (utc) {
      // 2015-11-23T10:30Z, each end of a span in UTC
      std::string zoned;
      for (std::size_t from = 0; from <= on.size();) {
        const auto slash = on.find('/', from);
        zoned += on.substr(from, slash - from) + "Z";
        if (slash == std::string::npos) break;
        zoned += '/';
        from = slash + 1;
      }
      on = zoned;
    }

    record e = record::mapping(at, 1);
    std::string id;
    if (const auto sign = uid.rfind('@'); sign != std::string::npos && uid.ends_with(".annals")) {
      id = d.keep_id(uid.substr(0, sign), title);  // written by annals render: ID@TIMELINE.annals
    } else if (!uid.empty()) {
      id = d.keep_id(uid, title);
    } else {
      id = d.unique_id(title, "event");
    }
    const auto [uid_line, uid_column] = where(k, "UID");
    e.set("id", record::string(id, uid_line, uid_column));
    const auto [title_line, title_column] = where(k, "SUMMARY");
    if (title.empty()) {
      d.warning(in, at, 1, "missing-title", "the event '" + id + "' has no SUMMARY: its title is '(no title)'");
      title = "(no title)";
    }
    e.set("title", record::string(title, title_line, title_column));

    if (zone.how == zone_reading::kind::iana || (zone.how == zone_reading::kind::floating && !start.is_date && calendar_zone.empty())) {
      // A time in its zone; a floating time with no calendar zone is read in UTC.
      if (zone.how == zone_reading::kind::floating) {
        d.warning(in, start_line, start_column, "floating-time",
                  "DTSTART has no zone and the calendar names none (X-WR-TIMEZONE): the time is read in UTC");
      }
      record& m = e.set("date", record::mapping(start_line, start_column));
      m.set("on", record::string(on, start_line, start_column));
      m.set("tz", record::string(zone.how == zone_reading::kind::iana ? zone.name : "UTC", start_line, start_column));
    } else {
      e.set("date", record::string(on, start_line, start_column));
    }

    if (const std::string text = text_of(ical().icalcomponent_get_first_property(ev, ICAL_DESCRIPTION_PROPERTY)); !text.empty()) {
      const auto [l, c] = where(k, "DESCRIPTION");
      e.set("description", record::string(text, l, c));
    }
    if (const std::string place = text_of(ical().icalcomponent_get_first_property(ev, ICAL_LOCATION_PROPERTY)); !place.empty()) {
      const auto [l, c] = where(k, "LOCATION");
      e.set("place", record::string(named_entity(d, in, "places", place, l, c), l, c));
    }
    record tags = record::sequence();
    for (icalproperty* p = ical().icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
         p = ical().icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
      const auto [l, c] = where(k, "CATEGORIES");
      if (tags.children.empty()) std::tie(tags.line, tags.column) = std::pair{l, c};
      if (const std::string tag = text_of(p); !tag.empty()) tags.push(record::string(tag, l, c));
    }
    if (!tags.children.empty()) e.set("tags", std::move(tags));
    if (const std::string url = text_of(ical().icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY)); !url.empty()) {
      const auto [l, c] = where(k, "URL");
      if (url.starts_with("https://") || url.starts_with("http://")) {
        record& list = e.set("sources", record::sequence(l, c));
        list.push(record::string(source_entity(d, in, "", url, l, c), l, c));
      } else {
        d.warning(in, l, c, "ics-url", "URL '" + url + "' is not http or https: it is left out");
      }
    }
    if (ical().icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) || ical().icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY)) {
      auto [l, c] = where(k, "RRULE");
      if (!ical().icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) std::tie(l, c) = where(k, "RDATE");
      d.warning(in, l, c, "recurrence",
                "the event '" + id + "' recurs: only its first occurrence (DTSTART) is imported");
    }
    if (count(d.diagnostics, severity::error) == errors_before) made.push_back(std::move(e));
  }
  record& list = in.events();
  if (!text.events.empty()) list.line = text.events.front();
  for (record& e : made) list.push(std::move(e));
}

}  // namespace annals
