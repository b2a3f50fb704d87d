#include "annals/incidents.hpp"

#include <array>
#include <cstdio>

#include "annals/duration.hpp"
#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "output/json_writer.hpp"
#include "output/render_common.hpp"

namespace annals {
namespace {

// The first mark of each kind whose event exists, by kind.
std::array<const milestone_mark*, milestone_count> first_marks(const timeline& tl) {
  std::array<const milestone_mark*, milestone_count> first{};
  for (const milestone_mark& m : tl.milestones) {
    const auto k = static_cast<std::size_t>(m.kind);
    if (!first[k] && tl.find_event(m.event)) first[k] = &m;
  }
  return first;
}

// The starts event i can have, as the times it was written to (written_range): a time
// written to the minute (13:45, or readings 13:45 and 13:46) starts at one of its minutes.
std::pair<std::int64_t, std::int64_t> written_starts(const timeline& tl, const chronology& c, std::uint32_t i) {
  const temporal_value& v = tl.events[i].date;
  return written_range(c.bounds[i].start_min, c.bounds[i].start_max, v.prec, v.earliest);
}

}  // namespace

// Two times written to the minute are a whole number of minutes apart, also when one is
// a range or a set of readings.
std::optional<std::pair<std::int64_t, std::int64_t>> time_between(const timeline& tl, const chronology& c,
                                                                  std::uint32_t a, std::uint32_t b) {
  const event_bounds &from = c.bounds[a], &to = c.bounds[b];
  if (to.start_min == open_start || to.start_max == open_end || from.start_min == open_start ||
      from.start_max == open_end)
    return std::nullopt;
  if (a == b) return std::pair<std::int64_t, std::int64_t>{0, 0};
  const auto [from_first, from_last] = written_starts(tl, c, a);
  const auto [to_first, to_last] = written_starts(tl, c, b);
  std::int64_t lo = to_first - from_last, hi = to_last - from_first;
  // Two starts' bounds allow more than their links do: a response to the impact start
  // begins no earlier than it, whatever both were written as.
  if (a == c.impact && b < c.impact_side.size()) {
    if (c.impact_side[b] & side_no_earlier) lo = std::max<std::int64_t>(lo, 0);
    if (c.impact_side[b] & side_no_later) hi = std::min<std::int64_t>(hi, 0);
    hi = std::max(lo, hi);  // in a contradiction (reported as causal-order) the bounds are the stated ones
  }
  return std::pair{lo, hi};
}

std::optional<std::uint32_t> marked_event(const timeline& tl, milestone m) {
  for (const milestone_mark& mark : tl.milestones) {
    if (mark.kind != m) continue;
    if (const auto i = tl.find_event(mark.event)) return static_cast<std::uint32_t>(*i);
  }
  return std::nullopt;
}

namespace {

// Event i's date as presentation labels it (SPEC §7): a relative date at its resolved
// bounds, which date_label cannot know ("undated"); any other as written.
// `shown`: the zone times are shown in (--tz), else each in its writer's.
std::string shown_label(const timeline& tl, const chronology& c, std::uint32_t i, shown_zone shown = std::nullopt) {
  const temporal_value& v = tl.events[i].date;
  if (!tl.events[i].relative || i >= c.bounds.size()) return date_label(v, shown);
  return range_label(c.bounds[i].start_min, c.bounds[i].end_max, v.prec, v.tz, shown);
}

// A milestone's event in a message, its date on its writer's clock: "event 'typo', 28 Feb 2017 09:37 PST".
std::string event_text(const timeline& tl, const chronology& c, std::uint32_t i) {
  return "event '" + std::string(tl.names.name(tl.events[i].id)) + "', " + shown_label(tl, c, i);
}

}  // namespace

std::string clock_range(std::int64_t lo, std::int64_t hi) {
  if (lo == hi) return clock_span(lo);
  if (hi - lo >= 43200 && lo >= 86400) return std::to_string(lo / 86400) + "d\u2013" + std::to_string(hi / 86400) + "d";
  if (hi - lo >= 120) {  // to the minute, outward
    lo = civil::floor_div(lo, 60) * 60;
    hi = civil::floor_div(hi + 59, 60) * 60;
  }
  return clock_span(lo) + "\u2013" + clock_span(hi);
}

std::string clock_span(std::int64_t seconds) {
  const bool negative = seconds < 0;
  std::int64_t s = negative ? -seconds : seconds;
  const std::int64_t days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
  s %= 60;
  char buf[64];
  int n = days > 0 ? std::snprintf(buf, sizeof buf, "%s%lldd %02lld:%02lld", negative ? "-" : "", static_cast<long long>(days),
                                   static_cast<long long>(hours), static_cast<long long>(minutes))
                   : std::snprintf(buf, sizeof buf, "%s%lld:%02lld", negative ? "-" : "", static_cast<long long>(hours),
                                   static_cast<long long>(minutes));
  if (s != 0) n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ":%02lld", static_cast<long long>(s));
  return std::string(buf, static_cast<std::size_t>(n));
}

void check_milestones(const timeline& tl, const chronology& c, std::vector<diagnostic>& out) {
  if (tl.milestones.empty()) return;
  const auto first = first_marks(tl);
  for (const milestone_mark& m : tl.milestones) {
    const milestone_mark* f = first[static_cast<std::size_t>(m.kind)];
    if (f && f != &m) {
      out.push_back(tl.finding(m.pos, severity::error, "duplicate-milestone",
                       "a second '" + std::string(to_string(m.kind)) + "' milestone, on event '" +
                           std::string(tl.names.name(m.event)) + "': the first is on event '" +
                           std::string(tl.names.name(f->event)) + "' (line " + std::to_string(f->pos.line) + ")"));
    }
  }
  // Each milestone starts no earlier than every one it follows in the milestone table.
  for (std::size_t later = 0; later < milestone_count; ++later) {
    if (!first[later]) continue;
    const std::uint32_t b = static_cast<std::uint32_t>(*tl.find_event(first[later]->event));
    for (std::size_t earlier = 0; earlier < milestone_count; ++earlier) {
      if (!first[earlier] || !(info(static_cast<milestone>(later)).follows & (1u << earlier))) continue;
      const std::uint32_t a = static_cast<std::uint32_t>(*tl.find_event(first[earlier]->event));
      if (c.bounds[b].start_max == open_end || c.bounds[a].start_min == open_start) continue;
      if (c.bounds[b].start_max < c.bounds[a].start_min) {
        std::string message(1, '\'');  // appended, not "'" + ...: GCC 12 warns falsely on that
        message += to_string(static_cast<milestone>(later));
        message += "' (" + event_text(tl, c, b) + ") comes before '";
        message += to_string(static_cast<milestone>(earlier));
        message += "' (" + event_text(tl, c, a) + ")";
        out.push_back(tl.finding(first[later]->pos, severity::error, "milestone-order", std::move(message)));
        break;
      }
    }
  }
}

incident_metrics measure_incident(const timeline& tl, const chronology& c, shown_zone shown) {
  incident_metrics m;
  const auto first = first_marks(tl);
  if (!first[0]) return m;
  const auto s = static_cast<std::uint32_t>(*tl.find_event(first[0]->event));
  m.impact_start = s;
  m.impact_label = shown_label(tl, c, s, shown);
  // From impact start to milestone k; nullopt when a start is unbounded.
  const auto measure = [&](std::size_t k) -> std::optional<incident_metric> {
    incident_metric x;
    x.to = static_cast<milestone>(k);
    if (!first[k]) {
      x.marked = false;
      return x;
    }
    const auto e = static_cast<std::uint32_t>(*tl.find_event(first[k]->event));
    const auto span = time_between(tl, c, s, e);
    if (!span) return std::nullopt;
    const std::int64_t lo = std::max<std::int64_t>(0, span->first), hi = std::max(lo, span->second);
    return incident_metric{x.to, true, e, shown_label(tl, c, e, shown), lo, hi};
  };
  for (std::size_t k = 1; k < milestone_count; ++k) {
    if (info(static_cast<milestone>(k)).metric.empty()) continue;
    if (auto x = measure(k)) m.metrics.push_back(std::move(*x));
  }
  const auto end = static_cast<std::size_t>(first[static_cast<std::size_t>(milestone::impact_end)] ? milestone::impact_end
                                                                                                   : milestone::resolved);
  m.impact.to = milestone::impact_end;
  m.impact.marked = false;
  if (auto x = measure(end)) m.impact = std::move(*x);
  return m;
}

std::optional<std::string> offset_from_impact(const timeline& tl, const chronology& c, std::uint32_t i) {
  const auto first = first_marks(tl);
  if (!first[0]) return std::nullopt;
  const auto span = time_between(tl, c, static_cast<std::uint32_t>(*tl.find_event(first[0]->event)), i);
  if (!span) return std::nullopt;
  const auto [lo, hi] = *span;
  const auto signed_offset = [](std::int64_t s) { return (s < 0 ? "T\u2212" : "T+") + clock_span(s < 0 ? -s : s); };
  if (lo == hi) return signed_offset(lo);
  if (lo < 0 && hi >= 0) return signed_offset(civil::floor_div(lo, 60) * 60) + " to " + signed_offset((hi + 59) / 60 * 60);
  if (hi < 0) return "T\u2212" + clock_range(-hi, -lo);
  return "T+" + clock_range(lo, hi);
}

std::string format_metrics_text(const timeline& tl, const incident_metrics& m) {
  if (!m.impact_start) return "";  // the command says why, on standard error
  std::string out =
      "impact start         " + m.impact_label + "  (" + std::string(tl.names.name(tl.events[*m.impact_start].id)) + ")\n";
  const auto line = [&](std::string name, const incident_metric& x, std::string_view note) {
    name.resize(21, ' ');
    if (!x.marked) {
      out += name + "not marked" + std::string(note) + "\n";
      return;
    }
    std::string span = compact_range(x.min_seconds, x.max_seconds);
    span += std::string(display_width(span) < 12 ? 12 - display_width(span) : 0, ' ');
    out += name + span + "  " + std::string(to_string(x.to)) + ": " + x.label + " (" +
           std::string(tl.names.name(tl.events[x.event].id)) + ")" + std::string(note) + "\n";
  };
  for (const incident_metric& x : m.metrics) line(std::string(info(x.to).metric), x, "");
  line("impact duration", m.impact,
       !m.impact.marked ? " (impact_end, or resolved)" : m.impact.to == milestone::resolved ? ", no impact_end marked" : "");
  return out;
}

std::string format_metrics_json(const timeline& tl, const incident_metrics& m) {
  std::string out;
  json_writer w(out, true);
  w.begin_object();
  if (m.impact_start) {
    w.field("impact_start").begin_object();
    w.field("event").string(tl.names.name(tl.events[*m.impact_start].id));
    w.field("label").string(m.impact_label);
    w.end_object();
  } else {
    w.field("impact_start").null();
  }
  w.field("metrics").begin_array();
  for (const incident_metric& x : m.metrics) {
    w.item().begin_object();
    w.field("milestone").string(to_string(x.to));
    w.field("marked").boolean(x.marked);
    if (x.marked) {
      w.field("event").string(tl.names.name(tl.events[x.event].id));
      w.field("label").string(x.label);
      w.field("min_seconds").number(x.min_seconds);
      w.field("max_seconds").number(x.max_seconds);
      w.field("text").string(compact_range(x.min_seconds, x.max_seconds));
    }
    w.end_object();
  }
  w.end_array();
  w.field("impact");
  if (m.impact.marked) {
    w.begin_object();
    w.field("to").string(to_string(m.impact.to));
    w.field("event").string(tl.names.name(tl.events[m.impact.event].id));
    w.field("label").string(m.impact.label);
    w.field("min_seconds").number(m.impact.min_seconds);
    w.field("max_seconds").number(m.impact.max_seconds);
    w.field("text").string(compact_range(m.impact.min_seconds, m.impact.max_seconds));
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace annals
