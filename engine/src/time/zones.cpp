#include "time/zones.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>

#include "annals/diagnostic.hpp"
#include "time/civil.hpp"
#include "time/spans.hpp"
#include "time/words.hpp"

#include <cstdio>

namespace annals {

zone find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::string_view zone_name(zone tz) { return tz ? std::string_view(tz->name()) : std::string_view(); }

namespace detail {
namespace {

// The tz database speaks of years the date library holds (±32767); instants beyond keep
// the offset in force at the nearest edge of this range (the zone's local mean time
// before history, its last rule after).
constexpr std::int64_t edge_seconds = 32000LL * 366 * civil::seconds_per_day;

std::int64_t clamp_seconds(std::int64_t s) { return s < -edge_seconds ? -edge_seconds : s > edge_seconds ? edge_seconds : s; }

date::sys_seconds sys(std::int64_t s) { return date::sys_seconds{std::chrono::seconds{clamp_seconds(s)}}; }

// The offset of the most recent sys_info per thread: a timeline's instants cluster, and a
// sys_info covers months, so almost every lookup is a hit.
struct offset_cache {
  zone tz = nullptr;
  std::int64_t begin = 0, end = 0;  // [begin, end) in seconds
  std::int64_t offset = 0;
};

std::int64_t offset_at(zone tz, std::int64_t seconds) {
  thread_local std::array<offset_cache, 4> cache{};
  thread_local std::size_t next = 0;
  const std::int64_t s = clamp_seconds(seconds);
  for (const offset_cache& c : cache) {
    if (c.tz == tz && s >= c.begin && s < c.end) return c.offset;
  }
  const date::sys_info info = tz->get_info(sys(s));
  offset_cache& c = cache[next++ % cache.size()];
  c = {tz, info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(), info.offset.count()};
  if (c.end <= c.begin) c.end = c.begin + 1;
  return c.offset;
}

}  // namespace

std::int64_t utc_offset(zone tz, instant t) {
  if (!tz || t == open_start || t == open_end) return 0;
  return offset_at(tz, t.time_since_epoch().count());
}

std::int64_t local_day(zone tz, instant t) {
  if (t == open_start || t == open_end) return civil::day_of(t);
  return civil::floor_div(local_seconds(tz, t), civil::seconds_per_day);
}

std::string abbreviation(zone tz, instant t) {
  if (!tz) return "UTC";
  return tz->get_info(sys(t.time_since_epoch().count())).abbrev;
}

instant local_day_start(zone tz, std::int64_t day) {
  const std::int64_t local = day * civil::seconds_per_day;
  if (!tz) return instant{std::chrono::seconds{local}};
  // Most days: one offset holds for a day either side, so local midnight is one instant.
  const std::int64_t offset = offset_at(tz, local - offset_at(tz, local));
  const std::int64_t guess = local - offset;
  if (offset_at(tz, guess - civil::seconds_per_day) == offset && offset_at(tz, guess + civil::seconds_per_day) == offset) {
    return instant{std::chrono::seconds{guess}};
  }
  const std::int64_t clamped = clamp_seconds(local);
  const date::local_info i = tz->get_info(date::local_seconds{std::chrono::seconds{clamped}});
  const std::int64_t shift = local - clamped;
  switch (i.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the first reading: the earlier instant
      return instant{std::chrono::seconds{local - i.first.offset.count()}};
    case date::local_info::nonexistent:  // the day begins when the clocks jump
      return instant{i.first.end.time_since_epoch() + std::chrono::seconds{shift}};
  }
  return instant{std::chrono::seconds{local}};
}

instant from_local(zone tz, std::int64_t local) {
  if (!tz) return instant{std::chrono::seconds{local}};
  if (civil::floor_mod(local, civil::seconds_per_day) == 0) return local_day_start(tz, local / civil::seconds_per_day);
  const std::int64_t guess = local - offset_at(tz, local - offset_at(tz, local));
  // The clocks skipped `local`: the gap's end, which is where the earlier offset runs out.
  if (offset_at(tz, guess) != local - guess) return instant{std::chrono::seconds{local - offset_at(tz, guess)}};
  return instant{std::chrono::seconds{guess}};
}

instant add_local(zone tz, instant t, const duration& d) {
  if (!tz || t == open_start || t == open_end) return add(t, d);
  const instant moved = add(instant{std::chrono::seconds{local_seconds(tz, t)}}, d);
  return from_local(tz, moved.time_since_epoch().count());
}

instant local_unit_start(zone tz, instant t, precision p) {
  if (t == open_start || t == open_end) return t;
  if (p < precision::day) {
    const std::int64_t local = local_seconds(tz, t);
    const std::int64_t unit = info(p).seconds;
    return t - std::chrono::seconds{civil::floor_mod(local, unit)};
  }
  const std::int64_t day = local_day(tz, t);
  if (p <= precision::week) return local_day_start(tz, day);
  const civil::ymd d = civil::civil_from_days(day);
  return local_day_start(tz, civil::days_from_civil(d.y, p <= precision::season ? d.m : 1, 1));
}

void zone_days(zone tz, instant& first, instant& last) {
  if (!tz) return;
  if (first != open_start) first = local_day_start(tz, civil::day_of(first));
  if (last != open_end) last = local_day_start(tz, civil::day_of(last) + 1) - std::chrono::seconds{1};
}

namespace {

// Zone abbreviations, derived from tzdata once, on first use: every abbreviation a zone
// has used in 2000-2037 (the present's abbreviations; "BST" was Bering time in Alaska before
// 1983), with the offsets it names and the zones that name each. Numeric abbreviations
// ("+0330") are offsets already and are not words.
using abbreviation_table = std::map<std::string, std::map<std::int32_t, std::vector<std::string>>, std::less<>>;

const abbreviation_table& abbreviations() {
  static const abbreviation_table table = [] {
    abbreviation_table t;
    const date::sys_seconds from = date::sys_days{date::year{2000} / 1 / 1};
    const date::sys_seconds to = date::sys_days{date::year{2038} / 1 / 1};
    for (const date::time_zone& z : date::get_tzdb().zones) {
      if (z.name().find('/') == std::string::npos) continue;  // EST5EDT and the like: legacy names
      for (date::sys_seconds at = from; at < to;) {
        const date::sys_info i = z.get_info(at);
        const std::string& a = i.abbrev;
        if (!a.empty() && a[0] != '+' && a[0] != '-' && (a[0] < '0' || a[0] > '9')) {
          std::string low(a);
          for (char& c : low) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
          auto& zones = t[low][static_cast<std::int32_t>(i.offset.count())];
          if (zones.empty() || zones.back() != z.name()) zones.push_back(z.name());
        }
        if (i.end <= at) break;
        at = i.end;
      }
    }
    for (auto& [abbrev, offsets] : t)
      for (auto& [offset, zones] : offsets) {
        std::sort(zones.begin(), zones.end());
        zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
      }
    return t;
  }();
  return table;
}

// The general names of North American zones, whose rule (standard or daylight time) applies by date.
constexpr struct {
  std::string_view word, zone;
} general_zones[] = {{"pt", "America/Los_Angeles"}, {"et", "America/New_York"}, {"ct", "America/Chicago"},
                     {"mt", "America/Denver"}};

std::string upper(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

std::string lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

// The zones named first where an abbreviation names several: the most populous that use
// it, then alphabetical.
constexpr std::string_view principal[] = {
    "America/New_York", "America/Chicago",  "America/Denver", "America/Los_Angeles", "America/Havana",
    "Asia/Shanghai",    "Asia/Kolkata",     "Asia/Jerusalem", "Europe/Dublin",       "Europe/London",
    "Europe/Paris",     "Australia/Sydney", "Asia/Tokyo"};

std::size_t principal_rank(std::string_view z) {
  const auto at = std::find(std::begin(principal), std::end(principal), z);
  return static_cast<std::size_t>(at - std::begin(principal));
}

// "UTC-06:00"
std::string offset_text(std::int32_t seconds) {
  const std::int32_t a = seconds < 0 ? -seconds : seconds;
  char buf[24];
  std::snprintf(buf, sizeof buf, "UTC%s%02d:%02d", seconds < 0 ? "-" : "+", a / 3600, a / 60 % 60);
  return buf;
}

}  // namespace

std::optional<zone_word> read_zone_word(std::string_view w, zone writer, std::string_view text) {
  for (const auto& g : general_zones)
    if (w == g.word) return zone_word{std::nullopt, find_zone(g.zone), std::nullopt};
  const abbreviation_table& table = abbreviations();
  const auto found = table.find(w);
  if (found == table.end()) return std::nullopt;
  const auto& offsets = found->second;
  if (offsets.size() == 1) return zone_word{offsets.begin()->first, nullptr, std::nullopt};
  if (writer) {
    for (const auto& [offset, zones] : offsets)
      if (std::binary_search(zones.begin(), zones.end(), writer->name())) return zone_word{offset, nullptr, std::nullopt};
  }
  const auto rank = [](const std::string& z) { return principal_rank(z); };
  std::string could;
  for (const auto& [offset, listed] : offsets) {
    std::vector<std::string> zones = listed;
    std::stable_sort(zones.begin(), zones.end(), [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    if (!could.empty()) could += "; ";
    could += offset_text(offset) + " (";
    constexpr std::size_t shown = 3;
    for (std::size_t k = 0; k < zones.size() && k < shown; ++k) could += (k ? ", " : "") + zones[k];
    if (zones.size() > shown) could += ", and " + std::to_string(zones.size() - shown) + " more";
    could += ")";
  }
  zone_word r;
  r.error = make_error("ambiguous-timezone",
                       "zone abbreviation " + quoted(upper(w)) + " in " + quoted(text) + " names several offsets: " + could,
                       "give the file a 'timezone' (or the event a 'tz') that uses " + upper(w) +
                           ", or write the offset, e.g. '" + offset_text(offsets.begin()->first).substr(3) + "'",
                       0);
  return r;
}

std::string zone_word_hint(std::string_view w) {
  if (read_zone_word(w, nullptr, {}) || w == "utc" || w == "gmt")
    return "a time takes one zone, written after it: '9:37AM " + upper(w) + "'";
  std::vector<std::string> near;
  for (const auto& [abbrev, offsets] : abbreviations())
    if (edit_distance(w, abbrev) <= 1) near.push_back(upper(abbrev));
  for (const auto& g : general_zones)
    if (edit_distance(w, g.word) <= 1 && w.size() <= 3) near.push_back(upper(g.word));
  const std::string other = "write an IANA zone (the file's 'timezone', the event's 'tz') or a UTC offset such as '-08:00'";
  if (near.empty()) return "not a zone abbreviation tzdata knows; " + other;
  std::string s = "zone abbreviations near it: ";
  for (std::size_t k = 0; k < near.size() && k < 6; ++k) s += (k ? ", " : "") + near[k];
  return s + "; or " + other;
}

std::string zone_name_hint(std::string_view name) {
  const date::tzdb& db = date::get_tzdb();
  std::vector<std::string_view> names;
  for (const date::time_zone& z : db.zones) names.push_back(z.name());
  const std::string low = lower(name);
  // Another case ("utc", "america/new_york"), or a city without its region ("Los_Angeles").
  // (With the system tzdata, links such as US/Pacific are zones too.)
  for (std::string_view n : names) {
    const std::string ln = lower(n);
    const std::size_t slash = ln.rfind('/');
    if (ln == low || (slash != std::string::npos && name.find('/') == std::string_view::npos && ln.substr(slash + 1) == low))
      return "did you mean '" + std::string(n) + "'?";
  }
  // An abbreviation (PST) or a general name (PT) names an offset or a rule, not a zone.
  std::vector<std::string> zones;
  for (const auto& g : general_zones)
    if (low == g.word) zones.emplace_back(g.zone);
  if (const auto found = abbreviations().find(low); found != abbreviations().end()) {
    for (const auto& [offset, listed] : found->second) zones.insert(zones.end(), listed.begin(), listed.end());
    std::stable_sort(zones.begin(), zones.end(), [](const std::string& a, const std::string& b) {
      return principal_rank(a) < principal_rank(b);
    });
  }
  if (!zones.empty()) {
    std::string s = "'" + upper(name) + "' is a zone abbreviation, not a zone; name the zone, e.g. ";
    // The principal zones alone when there are some (PST: Los Angeles, not Dawson); else the first three.
    const bool principal_first = principal_rank(zones.front()) < std::size(principal);
    for (std::size_t k = 0; k < zones.size() && k < 3; ++k) {
      if (k > 0 && principal_first && principal_rank(zones[k]) == std::size(principal)) break;
      if (k > 0 && zones[k] == zones[k - 1]) continue;
      s += (k ? " or '" : "'") + zones[k] + "'";
    }
    return s;
  }
  if (const std::string_view near = spellcheck(name, names); !near.empty()) return "did you mean '" + std::string(near) + "'?";
  return "use an IANA name such as 'America/Los_Angeles' or 'UTC'";
}

std::optional<date_error> zoned_span(zone tz, std::int64_t local_first, std::int64_t local_last,
                                     std::string_view text, instant& first, instant& last) {
  if (local_first < -edge_seconds || local_last > edge_seconds)
    return make_error("invalid-date", "date " + quoted(text) + " is too far from today for time zone rules",
                      "give the time with a UTC offset, e.g. '+03:30'", 0);
  const date::local_seconds lf{std::chrono::seconds{local_first}};
  const date::local_seconds ll{std::chrono::seconds{local_last}};
  const date::local_info a = tz->get_info(lf);
  const date::local_info b = tz->get_info(ll);
  if (a.result == date::local_info::nonexistent || b.result == date::local_info::nonexistent)
    return make_error("invalid-date",
                      "time " + quoted(text) + " does not exist in " + tz->name() +
                          ": the clocks skip it at a daylight-saving change",
                      "give the time with a UTC offset", 0);
  // Ambiguous: `first` holds the reading before the change (the earlier instant),
  // `second` the one after (the later instant).
  first = instant{std::chrono::seconds{local_first} - a.first.offset};
  const auto& b_info = b.result == date::local_info::ambiguous ? b.second : b.first;
  last = instant{std::chrono::seconds{local_last} - b_info.offset};
  return std::nullopt;
}

}  // namespace detail
}  // namespace annals
