// dot: the causal graph for Graphviz, drawn down the page in the chronology's order beside
// a time spine. Events the order puts one after the other are on ranks one after the
// other; events whose order is uncertain (they may have happened in either order, and no
// link joins them) share a rank. The spine is ticked at round values of time, each tick
// on the rank of the first event at or after it.

#include <algorithm>
#include <array>
#include <ostream>
#include <unordered_map>

#include "model/link_table.hpp"
#include "output/escape.hpp"
#include "output/render_common.hpp"
#include "output/render_formats.hpp"
#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

// Titles and labels wrap at this many columns, so that a node stays narrow.
constexpr std::size_t wrap_columns = 28;
// At most this many events of one order-uncertain group share a rank; more go on to the next.
constexpr std::size_t row_size = 3;

// A step of the spine: `n` units of a precision (its length read from the precision table).
struct step {
  precision unit;
  std::int64_t n;
};

// The steps the spine may be ticked at, finest first: round values of each unit.
constexpr std::array<step, 25> steps = {{
    {precision::minute, 1},     {precision::minute, 5},     {precision::minute, 10},  {precision::minute, 15},
    {precision::minute, 30},    {precision::hour, 1},       {precision::hour, 3},     {precision::hour, 6},
    {precision::hour, 12},      {precision::day, 1},        {precision::month, 1},    {precision::month, 3},
    {precision::month, 6},      {precision::year, 1},       {precision::year, 2},     {precision::year, 5},
    {precision::decade, 1},     {precision::decade, 2},     {precision::decade, 5},   {precision::century, 1},
    {precision::century, 2},    {precision::century, 5},    {precision::millennium, 1}, {precision::millennium, 10},
    {precision::millennium, 100},
}};

constexpr std::int64_t day_s = civil::seconds_per_day;

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -civil::floor_div(-a, b); }

// The number of the step-long stretch that wall time `wall` (local seconds) falls in,
// counted so that stretches begin at round values: 13:45, 1 Jul, 1990, 750 BC, AD 1.
std::int64_t stretch_of(std::int64_t wall, step s) {
  const precision_info& u = info(s.unit);
  if (u.months == 0) return civil::floor_div(wall, u.seconds * s.n);
  const civil::ymd d = civil::civil_from_days(civil::floor_div(wall, day_s));
  const std::int64_t months = u.months * s.n;
  if (months % 12 != 0) return civil::floor_div(d.y * 12 + d.m - 1, months);
  // Whole years run in the years as written: 750 BC to 701 BC, then 700 BC; AD 1 to AD 49, then AD 50.
  const std::int64_t years = months / 12;
  return d.y >= 1 ? civil::floor_div(d.y, years) : -ceil_div(1 - d.y, years);
}

// The wall time (local seconds) stretch `n` begins at.
std::int64_t stretch_start(std::int64_t n, step s) {
  const precision_info& u = info(s.unit);
  if (u.months == 0) return n * u.seconds * s.n;
  const std::int64_t months = u.months * s.n;
  if (months % 12 != 0) {
    const civil::ymd d = civil::month_of_index(n * months);
    return civil::days_from_civil(d.y, d.m, 1) * day_s;
  }
  const std::int64_t years = months / 12;
  const std::int64_t y = n >= 0 ? std::max<std::int64_t>(1, n * years) : 1 + n * years;
  return civil::days_from_civil(y, 1, 1) * day_s;
}

// The precision a tick at wall time `wall` of step `s` is labelled at: the step's own, or
// the coarsest unit the tick begins, as an axis names it: 13:45, 12 Jul 2019 (a midnight),
// Jul 2019 (its first day), 2015 (its first month).
precision label_precision(std::int64_t wall, step s) {
  if (civil::floor_mod(wall, day_s) != 0) return s.unit;  // a time of day
  const civil::ymd d = civil::civil_from_days(civil::floor_div(wall, day_s));
  const precision begins = d.d != 1 ? precision::day : d.m != 1 ? precision::month : precision::year;
  const precision_info& u = info(s.unit);
  const precision own = u.months == 0 ? std::min(s.unit, precision::day)
                        : u.months * s.n % 12 == 0 ? precision::year
                                                    : precision::month;
  return std::max(begins, own);
}

// One rank: the events on it (positions in the order), and what the spine says there.
struct rank {
  std::vector<std::size_t> events;
  bool undated = false;
  bool first_of_group = true;          // false: a further row of an order-uncertain group
  std::int64_t wall_timed = 0;         // its first event's position on the spine's clock
  std::int64_t wall_dated = 0;         // ... on its writer's calendar
};

// `text` wrapped to `wrap_columns` onto the lines of `label`. A date given in two calendars
// breaks between them first: "10 Jan 49 BC (Julian)", "= 8 Jan 49 BC".
void wrap_into(std::string& label, std::string_view text) {
  constexpr std::string_view equals = " = ";
  const std::size_t cut = text.find(equals);
  if (display_width(text) > wrap_columns && cut != std::string_view::npos) {
    wrap_into(label, text.substr(0, cut));
    wrap_into(label, text.substr(cut + 1));
    return;
  }
  for (const std::string& line : wrap(text, wrap_columns)) {
    if (!label.empty()) label += '\n';
    label += line;
  }
}

std::string node_id(const presentation& p, std::uint32_t i) { return dot_string(p.name(p.event_of(i).id)); }

// Whether edge `e` runs from its link's target to its source: the order put the target
// first (a part before its whole, in a contradiction).
bool turned(const presentation& p, const shown_edge& e) {
  const symbol to = p.event_of(e.to).id;
  const auto& held = p.event_of(e.from).links;
  const bool from_holds =
      std::any_of(held.begin(), held.end(), [&](const link& l) { return l.kind == e.kind && l.target == to; });
  return from_holds != info(e.kind).holder_is_source;
}

// The Graphviz attributes of a link's arrow for an edge drawn from its target to its
// source: the same arrow, at the other end.
std::string turned_attrs(std::string_view attrs) {
  std::string a(attrs);
  const std::size_t back = a.find("dir=back");
  if (back == std::string::npos) return a + ", dir=back";
  a.replace(back, 8, "dir=forward");
  if (const std::size_t tail = a.find("arrowtail"); tail != std::string::npos) a.replace(tail, 9, "arrowhead");
  return a;
}
std::string tick_id(std::size_t r) { return "\"tick:" + std::to_string(r) + '"'; }

}  // namespace

void write_dot(const presentation& p, std::ostream& out) {
  std::unordered_map<std::uint32_t, std::size_t> at;  // event index -> its position in the order
  for (std::size_t k = 0; k < p.size(); ++k) at.emplace(p.index(k), k);

  // The ranks: the order cut where it is certain. An event shares the rank of the events
  // before it only when it may start before each of them and no link joins it to any.
  std::vector<rank> ranks;
  {
    std::vector<std::size_t> group;  // the current group's events, by position in the order
    bool undated = false;            // ... are undated (they come last)
    instant latest_start = open_end;  // the earliest any of them can start at the latest
    std::vector<std::size_t> group_of(p.size(), SIZE_MAX);  // by position in the order: its group's number
    std::size_t groups = 0;
    const auto close = [&] {
      for (std::size_t first = 0; first < group.size(); first += row_size) {
        rank r;
        r.events.assign(group.begin() + static_cast<std::ptrdiff_t>(first),
                        group.begin() + static_cast<std::ptrdiff_t>(std::min(group.size(), first + row_size)));
        r.first_of_group = first == 0;
        r.undated = undated;
        ranks.push_back(std::move(r));
      }
      group.clear();
    };
    for (std::size_t k = 0; k < p.size(); ++k) {
      const std::uint32_t i = p.index(k);
      const bool without_date = p.position(i) == open_end;
      const instant start_min = p.bounds(i).start_min, start_max = p.bounds(i).start_max;
      bool joins = !group.empty() && without_date == undated && start_min <= latest_start;
      if (joins) {
        const event_view v = p.view(k);
        const auto in_group = [&](const shown_link& l) {
          const auto it = l.target ? at.find(*l.target) : at.end();
          return it != at.end() && group_of[it->second] == groups;
        };
        joins = std::none_of(v.links.begin(), v.links.end(), in_group) &&
                std::none_of(v.linked_by.begin(), v.linked_by.end(), in_group);
      }
      if (!joins) {
        close();
        ++groups;
        undated = without_date;
        latest_start = open_end;
      }
      group.push_back(k);
      group_of[k] = groups;
      latest_start = std::min(latest_start, start_max);
    }
    close();
  }

  // The spine's clocks: times of day in --tz's zone, else the timeline's; days and
  // coarser as each event's writer reads them (a day is a day where it was written).
  const zone display = p.display_zone();
  const zone timed_zone = p.options.shown.tz.value_or(display);
  precision finest = precision::millennium;  // the finest precision a date is written to
  for (rank& r : ranks) {
    if (r.undated) continue;
    const std::uint32_t i = p.index(r.events.front());
    const instant at_pos = p.position(i);
    const temporal_value date = p.shown_date(i);
    r.wall_timed = detail::local_seconds(timed_zone, at_pos);
    r.wall_dated = wall_seconds(date, at_pos, p.options.shown);
    finest = std::min(finest, date.prec);
  }
  // The step: the finest whose ticks, one where a group begins a new stretch, are at most
  // about one for every two ranks (five in a short chronology), and coarser than the dates
  // themselves, so that a tick does not merely repeat its event's date.
  const std::size_t most = std::max<std::size_t>(5, (ranks.size() + 1) / 2);
  const auto wall_of = [](const rank& r, step s) { return s.unit < precision::day ? r.wall_timed : r.wall_dated; };
  step chosen = steps.back();
  for (const step& s : steps) {
    if (info(s.unit).max_seconds * s.n <= info(finest).max_seconds) continue;
    std::size_t ticks = 0;
    std::optional<std::int64_t> last;
    for (const rank& r : ranks) {
      if (!r.first_of_group || r.undated) continue;
      const std::int64_t n = stretch_of(wall_of(r, s), s);
      if (last != n) ++ticks;
      last = n;
    }
    if (ticks <= most) {
      chosen = s;
      break;
    }
  }
  const std::string title = p.title(" \u00b7 ", "");
  const std::string_view name = p.files().empty() ? std::string_view() : p.name(p.files().front().id);
  out << "digraph " << dot_string(name.empty() ? "timeline" : name) << " {\n";
  out << "  graph [rankdir=TB, newrank=true, nodesep=0.15, ranksep=0.3, fontname=\"Helvetica\", labelloc=t";
  if (!title.empty()) {
    std::string wrapped;
    for (const std::string& line : wrap(title, 3 * wrap_columns)) wrapped += (wrapped.empty() ? "" : "\n") + line;
    out << ", label=" << dot_string(wrapped);
  }
  out << "];\n";
  out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#fdfefe\", fontname=\"Helvetica\", fontsize=11];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=9];\n\n";

  // The spine: one node per rank, chained down the page; a tick where a rank begins a new
  // stretch of time, dashed where stretches with no event are left out.
  if (!ranks.empty()) {
    out << "  subgraph spine {\n";
    out << "    node [shape=plaintext, style=\"\", fontcolor=gray30, fontsize=10];\n";
    out << "    edge [color=gray70, arrowhead=none, weight=10];\n";
    std::optional<std::int64_t> last;
    bool left_out = false;  // time with no event lies between the last tick and this rank
    bool last_undated = false;  // the spine has said "Undated"
    for (std::size_t r = 0; r < ranks.size(); ++r) {
      const rank& k = ranks[r];
      std::string label;
      if (k.undated) {
        if (!last_undated) label = p.view(k.events.front()).heading;  // "Undated", once
        last_undated = true;
      } else if (k.first_of_group) {
        const std::int64_t n = stretch_of(wall_of(k, chosen), chosen);
        if (last != n) {
          left_out = last && n > *last + 1;
          const std::int64_t wall = stretch_start(n, chosen);
          const precision shown_at = label_precision(wall, chosen);
          const zone clock = chosen.unit < precision::day ? timed_zone : display;
          temporal_value tick;
          tick.prec = shown_at;
          tick.tz = display;
          label = instant_label(tick, detail::from_local(clock, wall), shown_at, p.options.shown);
        }
        last = n;
      }
      out << "    " << tick_id(r);
      if (label.empty()) {
        out << " [label=\"\", shape=point, width=0.03, color=gray70]";
      } else {
        out << " [label=" << dot_string(label) << ']';
      }
      out << ";\n";
      if (r > 0) {
        out << "    " << tick_id(r - 1) << " -> " << tick_id(r);
        if ((left_out && !label.empty()) || k.undated) out << " [style=dashed]";
        out << ";\n";
      }
    }
    out << "  }\n\n";
  }

  // The events, rank by rank.
  std::string rank_lines;  // a group's ranks, written after its cluster
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    // A group of several rows is boxed, so that its rows read as one time, in no order.
    const bool last_row = r + 1 == ranks.size() || ranks[r + 1].first_of_group;
    const bool boxed = !(ranks[r].first_of_group && last_row);
    if (boxed && ranks[r].first_of_group)
      out << "  subgraph \"cluster:" << r << "\" {\n    graph [style=\"dashed,rounded\", color=gray60, label=\"order uncertain\", labeljust=r, fontsize=9, fontcolor=gray40];\n";
    for (std::size_t k : ranks[r].events) {
      const event_view v = p.view(k);
      std::string label;
      wrap_into(label, v.e->title);
      wrap_into(label, v.label);
      if (!v.inferred.empty()) wrap_into(label, "inferred: " + v.inferred);
      out << (boxed ? "    " : "  ") << node_id(p, v.index) << " [label=" << dot_string(label);
      if (!v.inferred.empty()) out << ", style=\"rounded,filled,dashed\"";
      if (v.order_uncertain) out << ", color=\"#ca6f1e\"";
      out << "];\n";
    }
    rank_lines += "  { rank=same; " + tick_id(r) + ';';
    for (std::size_t k : ranks[r].events) rank_lines += ' ' + node_id(p, p.index(k)) + ';';
    rank_lines += " }\n";
    // Held beside the spine, so that chains of links do not drift across the page.
    rank_lines += "  " + tick_id(r) + " -> " + node_id(p, p.index(ranks[r].events.front())) + " [style=invis, weight=2];\n";
    if (last_row) {
      if (boxed) out << "  }\n";
      out << rank_lines;
      rank_lines.clear();
    }
  }
  // Each link once, from the earlier event to the later, with the arrow of its kind.
  out << '\n';
  for (const shown_edge& e : p.edges()) {
    const link_info& kind = info(e.kind);
    out << "  " << node_id(p, e.from) << " -> " << node_id(p, e.to) << " ["
        << (turned(p, e) ? turned_attrs(kind.dot_attrs) : std::string(kind.dot_attrs))
        << ", label=" << dot_string(kind.source_words) << "];\n";
  }
  out << "}\n";
}

}  // namespace annals
