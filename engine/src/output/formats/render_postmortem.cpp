// postmortem: an incident review in the shape of the Google SRE postmortem template
// (summary, impact, root causes, trigger, detection, resolution, status updates, action
// items, contributing factors, lessons learned, timeline), filled from the file: its
// `incident:` header and `factors:`, its milestones, causal links, `update:` and
// `action:` events. What the file cannot say is left as a prompt for the reviewer. The
// command refuses a file with no impact start (postmortem_missing) before it writes.

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <vector>

#include "annals/causes.hpp"
#include "annals/duration.hpp"
#include "annals/gaps.hpp"
#include "annals/incidents.hpp"
#include "time/date_label.hpp"
#include "output/escape.hpp"
#include "model/link_table.hpp"
#include "output/render_formats.hpp"

namespace annals {
namespace {

constexpr std::string_view to_write = "_To be written._";

constexpr std::size_t not_shown = SIZE_MAX;

constexpr std::string_view no_impact_start =
    "a postmortem measures from impact start: no event is marked 'milestone: impact_start'";

// By event index: its place in the rendered chronology, or not_shown.
std::vector<std::size_t> places(const presentation& p) {
  std::vector<std::size_t> at(p.events().size(), not_shown);
  for (std::size_t k = 0; k < p.size(); ++k) at[p.index(k)] = k;
  return at;
}

// Event i's date as shown, with its offset from impact start: "2 Jul 2019 13:45 UTC ·
// T+0:03"; an event outside the rendered range (--from, --to) by its date alone.
std::string date_of(const presentation& p, const std::vector<std::size_t>& at, std::uint32_t i) {
  return at[i] == not_shown ? date_label(p.shown_date(i), p.options.shown) : p.label_with_offset(at[i]);
}

// "**2 Jul 2019 13:45 UTC · T+0:03** — title. Description".
std::string line_of(const presentation& p, const std::vector<std::size_t>& at, std::uint32_t i) {
  const event& e = p.event_of(i);
  std::string out = "**" + escape_markdown(date_of(p, at, i)) + "** — " + escape_markdown(e.title);
  if (!e.description.empty()) out += ". " + escape_markdown(e.description);
  return out;
}

// A commander, role holder or owner: an actor by its name, anything else as written.
std::string person(const presentation& p, const person_ref& who) {
  if (who.is_actor) {
    if (const auto id = p.find_name(who.text)) {
      if (const actor* a = p.find_actor(*id); a && !a->name.empty()) return escape_markdown(a->name);
    }
  }
  return escape_markdown(who.text);
}

// The events that contribute to one of `effects` (an `enables` link, not a cause), in
// chronological order, none of them in `effects`: read each link once.
std::vector<std::uint32_t> contributing(const presentation& p, const std::vector<bool>& effects) {
  const std::span<const event> events = p.events();
  std::vector<bool> taken(events.size(), false);
  for (std::uint32_t h = 0; h < events.size(); ++h) {
    for (const link& l : events[h].links) {
      const link_info& k = info(l.kind);
      if (!k.contributes || k.is_cause) continue;
      const auto t = p.find_event(l.target);
      if (!t) continue;
      const auto [source, target] = ends(l.kind, h, *t);
      if (effects[target] && !effects[source]) taken[source] = true;
    }
  }
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (taken[p.index(k)]) out.push_back(p.index(k));
    taken[p.index(k)] = false;
  }
  for (std::uint32_t i = 0; i < events.size(); ++i) {  // an event outside the chronology, by index
    if (taken[i]) out.push_back(i);
  }
  return out;
}

// The events of `marks` (by event symbol) in chronological order, then those outside it.
template <typename Mark>
std::vector<const Mark*> in_order(const presentation& p, std::span<const Mark> marks) {
  std::vector<const Mark*> out;
  std::vector<std::size_t> by_event(p.events().size(), SIZE_MAX);
  for (std::size_t k = 0; k < marks.size(); ++k) {
    if (const auto i = p.find_event(marks[k].event); i && by_event[*i] == SIZE_MAX) by_event[*i] = k;
  }
  std::vector<bool> done(marks.size(), false);
  for (std::size_t n = 0; n < p.size(); ++n) {
    const std::uint32_t i = p.index(n);
    if (by_event[i] != SIZE_MAX) {
      out.push_back(&marks[by_event[i]]);
      done[by_event[i]] = true;
    }
  }
  for (std::size_t k = 0; k < marks.size(); ++k) {
    if (!done[k] && p.find_event(marks[k].event)) out.push_back(&marks[k]);
  }
  return out;
}

void write_summary(const presentation& p, const incident_metrics& m, std::ostream& out) {
  const incident_header& h = p.header();
  const std::string unset = "_not set_";
  out << "## Summary\n\n";
  out << "- **Severity:** " << (h.severity.empty() ? unset : escape_markdown(h.severity)) << '\n';
  out << "- **Incident commander:** " << (h.commander.text.empty() ? unset : person(p, h.commander)) << '\n';
  for (const auto& [role, who] : h.roles) out << "- **" << escape_markdown(role) << ":** " << person(p, who) << '\n';
  if (!h.status_page.empty()) out << "- **Status page:** " << markdown_link(h.status_page, h.status_page) << '\n';
  out << "- **Impact:** ";
  if (m.impact.marked) {
    out << compact_range(m.impact.min_seconds, m.impact.max_seconds) << ", from " << escape_markdown(m.impact_label)
        << " to " << escape_markdown(m.impact.label) << " (" << to_string(m.impact.to)
        << (m.impact.to == milestone::resolved ? "; no event is marked impact_end" : "") << ")\n";
  } else {
    out << "began " << escape_markdown(m.impact_label) << "; its end is not marked (impact_end or resolved)\n";
  }
  out << "\n| Metric | Duration | Marked by |\n|---|---|---|\n";
  for (const incident_metric& x : m.metrics) {
    const milestone_info& mi = info(x.to);
    std::string name(mi.metric);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    out << "| " << name << " (" << mi.abbreviation << ") | ";
    if (x.marked) {
      out << compact_range(x.min_seconds, x.max_seconds) << " | " << escape_markdown(x.label) << ": "
          << escape_markdown(p.event_of(x.event).title) << " |\n";
    } else {
      out << "not marked | no event is marked `" << mi.name << "` |\n";
    }
  }
  out << '\n';
}

void write_impact(const presentation& p, const incident_metrics& m, const std::vector<std::size_t>& at, std::ostream& out) {
  out << "## Impact\n\n";
  const std::uint32_t s = *m.impact_start;
  if (m.impact.marked) {
    out << "Impact lasted " << compact_range(m.impact.min_seconds, m.impact.max_seconds) << ", from "
        << escape_markdown(m.impact_label) << " to " << escape_markdown(m.impact.label) << ". In that window:\n\n";
  } else {  // an open window would hold the rest of the timeline: the timeline below has it
    out << "Impact began " << escape_markdown(m.impact_label)
        << "; no event marks its end (impact_end or resolved).\n\n";
  }
  // The events that start inside the window whatever their dates' readings: a date
  // only known to be before impact start, or a day that runs past its end, is not listed.
  const event_bounds& from = p.bounds(s);
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (!m.impact.marked) break;
    const std::uint32_t i = p.index(k);
    const event_bounds& b = p.bounds(i);
    if (b.start_min < from.start_min || b.start_min == open_start) continue;
    if (b.start_max > p.bounds(m.impact.event).start_max || b.start_max == open_end) continue;
    out << "- " << line_of(p, at, i) << '\n';
  }
  out << (m.impact.marked ? "\n" : "") << to_write << " (who and what was affected: users, requests, revenue)\n\n";
}

// Root causes (every cause into impact start, as why shows them), the trigger (its
// direct causes), and the contributors (what enabled the impact or a cause).
std::vector<std::uint32_t> write_causes(const presentation& p, const incident_metrics& m,
                                        const std::vector<std::size_t>& at, std::ostream& out) {
  const std::uint32_t s = *m.impact_start;
  out << "## Root causes\n\n";
  const causal_tree causes = p.root_causes(s);
  std::vector<bool> caused(p.events().size(), false);
  caused[s] = true;
  // Nested lists as deep as why's indentation, then flat with the depth named: the
  // section stays linear in its causes however long their chain.
  for (const causal_node& n : causes.nodes) {
    out << std::string(2 * (indent_levels(n.depth) - 1), ' ') << "- " << depth_label(n.depth) << line_of(p, at, n.event)
        << '\n';
    caused[n.event] = true;
  }
  out << (causes.nodes.empty() ? std::string(to_write) + " (no event is linked as a cause of impact start)\n\n" : "\n");

  out << "## Trigger\n\n";
  bool any = false;
  for (const causal_node& n : causes.nodes) {
    if (n.depth != 1) continue;
    out << "- " << line_of(p, at, n.event) << '\n';
    any = true;
  }
  if (!any) out << "- " << line_of(p, at, s) << " (impact start: no event is linked as its cause)\n";
  out << '\n';
  return contributing(p, caused);
}

// A section listing the events marked with these milestones, each with its time from
// impact start, or a prompt when none is.
void write_milestones(const presentation& p, const incident_metrics& m, const std::vector<std::size_t>& at,
                      std::string_view heading, std::initializer_list<milestone> kinds, std::ostream& out) {
  out << "## " << heading << "\n\n";
  bool any = false;
  for (const milestone k : kinds) {
    const auto i = p.marked(k);
    if (!i) continue;
    out << "- " << to_string(k);
    const incident_metric* x = k == milestone::impact_end ? &m.impact : nullptr;
    for (const incident_metric& y : m.metrics)
      if (y.to == k) x = &y;
    if (x && x->marked && x->to == k) {
      out << " (" << (info(k).abbreviation.empty() ? "impact" : info(k).abbreviation) << " "
          << compact_range(x->min_seconds, x->max_seconds) << ")";
    }
    out << ": " << line_of(p, at, *i) << '\n';
    any = true;
  }
  out << (any ? "\n" : std::string(to_write) + "\n\n");
}

// The wait from the start of event a to the start of event b: between two times of day
// as metrics measure it (minute-exact), else in the calendar days of the gaps rule.
struct wait {
  std::int64_t lo = 0, hi = 0;  // seconds; whole days between dates
  std::string text;             // "55m", "3h10m", "10d", "the same day"
  std::uint32_t from = 0, to = 0;
};
std::optional<wait> wait_between(const presentation& p, std::uint32_t a, std::uint32_t b) {
  wait w{0, 0, {}, a, b};
  const temporal_value &da = p.event_of(a).date, &db = p.event_of(b).date;
  if (timed_between(da, db)) {
    const auto span = p.time_between(a, b);
    if (!span) return std::nullopt;
    w.lo = std::max<std::int64_t>(0, span->first);
    w.hi = std::max(w.lo, span->second);
    w.text = compact_range(w.lo, w.hi);
    return w;
  }
  const event_bounds &x = p.bounds(a), &y = p.bounds(b);
  const gap_span g = measure_span(x.start_min, x.start_max, y.start_min, y.start_max, false, da.tz, db.tz);
  if (!g.max_days) return std::nullopt;
  w.lo = g.min_days * 86400;
  w.hi = *g.max_days * 86400;
  w.text = w.hi == 0 ? "the same day" : compact_range(w.lo, w.hi);
  return w;
}

// The updates in order, the wait before each, and the cadence of each audience's.
void write_updates(const presentation& p, const incident_metrics& m, const std::vector<std::size_t>& at,
                   std::ostream& out) {
  out << "## Status updates\n\n";
  const std::vector<const status_update*> updates = in_order(p, p.updates());
  if (updates.empty()) {
    out << to_write << " (no event is marked `update: customer` or `update: internal`)\n\n";
    return;
  }
  out << "| Date/Time | Audience | Update | Since the previous one |\n|---|---|---|---|\n";
  // The wait before each update: since the previous one of its audience, the first since impact start.
  std::vector<wait> waits[2];
  std::optional<std::uint32_t> previous[2];
  for (const status_update* u : updates) {
    const auto i = *p.find_event(u->event);
    const auto a = static_cast<std::size_t>(u->to);
    const std::uint32_t from = previous[a].value_or(*m.impact_start);
    std::string since = "—";
    if (const auto w = wait_between(p, from, i)) {
      since = w->text;
      if (!previous[a]) since += w->hi == 0 ? " as impact start" : " after impact start";
      else waits[a].push_back(*w);
    }
    out << "| " << escape_markdown(date_of(p, at, i)) << " | " << to_string(u->to) << " | "
        << escape_markdown(p.event_of(i).title) << " | " << since << " |\n";
    previous[a] = i;
  }
  out << '\n';
  for (const auto audience : {status_update::audience::customer, status_update::audience::internal}) {
    const std::vector<wait>& w = waits[static_cast<std::size_t>(audience)];
    if (w.empty()) continue;
    const auto shortest = std::min_element(w.begin(), w.end(), [](const wait& a, const wait& b) { return a.lo < b.lo; });
    const auto longest = std::max_element(w.begin(), w.end(), [](const wait& a, const wait& b) { return a.hi < b.hi; });
    out << "Cadence of " << to_string(audience) << " updates: " << w.size() + 1 << " updates";
    if (w.size() == 1) {
      out << ", " << w.front().text << " apart.\n\n";
      continue;
    }
    out << "; the shortest wait between two " << shortest->text << ", the longest " << longest->text << ", from "
        << escape_markdown(date_of(p, at, longest->from)) << " to " << escape_markdown(date_of(p, at, longest->to))
        << ".\n\n";
  }
}

void write_actions(const presentation& p, std::ostream& out) {
  out << "## Action items\n\n";
  if (p.actions().empty()) {
    out << "| Item | Type | Owner | Status | Link |\n|---|---|---|---|---|\n| " << to_write
        << " | mitigate / prevent / process | | | |\n\n";
    return;
  }
  out << "| Item | Type | Owner | Status | Link |\n|---|---|---|---|---|\n";
  for (const action_item& a : p.actions()) {  // the author's order
    const auto i = p.find_event(a.event);
    if (!i) continue;
    out << "| " << escape_markdown(p.event_of(*i).title) << " | " << to_string(a.type) << " | " << person(p, a.owner)
        << " | " << to_string(a.status) << " | " << (a.url.empty() ? "" : markdown_link("link", a.url)) << " |\n";
  }
  out << '\n';
}

void write_factors(const presentation& p, const std::vector<std::size_t>& at, const std::vector<std::uint32_t>& enablers,
                   std::ostream& out) {
  out << "## Contributing factors\n\n";
  if (p.factors().empty() && enablers.empty()) {
    out << to_write << " (no `factors:` in the file, and no event enables the impact or a cause)\n\n";
    return;
  }
  for (const factor& f : p.factors()) {
    out << "- " << escape_markdown(f.text);
    std::string sources;  // by id: a list of factors often cites one long-titled source throughout
    for (symbol s : f.sources) {
      const source* src = p.find_source(s);
      sources += (sources.empty() ? "" : ", ") + markdown_link(p.name(s), src ? std::string_view(src->url) : "");
    }
    if (!sources.empty()) out << " (" << sources << ")";
    out << '\n';
  }
  for (std::uint32_t i : enablers) out << "- " << line_of(p, at, i) << " (enabled the impact or a cause)\n";
  out << '\n';
}

void write_timeline(const presentation& p, std::ostream& out) {
  out << "## Timeline\n\n| Date/Time | Who/What | Event |\n|---|---|---|\n";
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    out << "| " << escape_markdown(presentation::with_offset(v)) << " | " << escape_markdown(p.who(v.index)) << " | "
        << escape_markdown(v.e->title) << (v.marks.empty() ? "" : " *(" + escape_markdown(v.marks) + ")*") << " |\n";
  }
  out << '\n';
}

}  // namespace

std::optional<std::string> postmortem_missing(const timeline& tl) {
  if (marked_event(tl, milestone::impact_start)) return std::nullopt;
  return std::string(no_impact_start);
}

void write_postmortem(const presentation& p, std::ostream& out) {
  out << "# Postmortem: " << escape_markdown(p.title(" + ", "Incident")) << "\n\n";
  const incident_metrics m = p.incident();
  if (!m.impact_start) {  // the command refuses this (postmortem_missing); a library caller gets the reason
    out << escape_markdown(no_impact_start) << ".\n";
    return;
  }
  const std::vector<std::size_t> at = places(p);
  write_summary(p, m, out);
  write_impact(p, m, at, out);
  const std::vector<std::uint32_t> enablers = write_causes(p, m, at, out);
  write_milestones(p, m, at, "Detection", {milestone::detected, milestone::acknowledged}, out);
  write_milestones(p, m, at, "Resolution", {milestone::mitigated, milestone::impact_end, milestone::resolved}, out);
  write_updates(p, m, at, out);
  write_actions(p, out);
  write_factors(p, at, enablers, out);
  out << "## Lessons learned\n\n### What went well\n\n" << to_write << "\n\n### What went wrong\n\n" << to_write
      << "\n\n### Where we got lucky\n\n" << to_write << "\n\n";
  write_timeline(p, out);
  out << "## Supporting information\n\n";
  std::vector<std::string> seen;
  for (std::size_t k = 0; k < p.size(); ++k) {
    for (const shown_source& s : p.view(k).sources) {
      std::string link = markdown_link(s.title, s.url);
      if (std::find(seen.begin(), seen.end(), link) == seen.end()) seen.push_back(std::move(link));
    }
  }
  if (seen.empty()) out << to_write << '\n';
  for (const std::string& s : seen) out << "- " << s << '\n';
}

}  // namespace annals
