// postmortem: a markdown skeleton in the shape of the Google SRE postmortem template
// (summary, impact, root causes, trigger, resolution, detection, action items, lessons
// learned, timeline), filled from the file's milestones, causes and events; what the file
// cannot say is left as a prompt for the reviewer.

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>
#include <vector>

#include "annals/causes.hpp"
#include "annals/duration.hpp"
#include "annals/incidents.hpp"
#include "time/date_label.hpp"
#include "output/escape.hpp"
#include "model/link_table.hpp"
#include "output/render_formats.hpp"

namespace annals {
namespace {

constexpr std::string_view to_write = "_To be written._";

// The event marked `m`, if any.
std::optional<std::uint32_t> marked(const timeline& tl, milestone m) {
  for (const milestone_mark& mark : tl.milestones) {
    if (mark.kind == m) {
      if (const auto i = tl.find_event(mark.event)) return static_cast<std::uint32_t>(*i);
    }
  }
  return std::nullopt;
}

constexpr std::size_t not_shown = SIZE_MAX;

// By event index: its place in the rendered chronology, or not_shown.
std::vector<std::size_t> places(const presentation& p) {
  std::vector<std::size_t> at(p.tl.events.size(), not_shown);
  for (std::size_t k = 0; k < p.chron.order.size(); ++k) at[p.chron.order[k]] = k;
  return at;
}

// "**2 Jul 2019 13:45 UTC · T+0:03** — title. Description": an event outside the
// rendered range (--from, --to) by its date alone. `at`: places(p).
std::string line_of(const presentation& p, const std::vector<std::size_t>& at, std::uint32_t i) {
  const event& e = p.tl.events[i];
  const std::string label = at[i] == not_shown ? date_label(e.date) : p.label_with_offset(at[i]);
  std::string out = "**" + escape_markdown(label) + "** — " + escape_markdown(e.title);
  if (!e.description.empty()) out += ". " + escape_markdown(e.description);
  return out;
}

// The events that contribute to one of `effects` (an `enables` link, not a cause), in
// chronological order, none of them in `effects`: read each link once.
std::vector<std::uint32_t> contributing(const presentation& p, const std::vector<bool>& effects) {
  const timeline& tl = p.tl;
  std::vector<bool> taken(tl.events.size(), false);
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    for (const link& l : tl.events[h].links) {
      const link_info& k = info(l.kind);
      if (!k.contributes || k.is_cause) continue;
      const auto t = tl.find_event(l.target);
      if (!t) continue;
      const auto [source, target] = ends(l.kind, h, static_cast<std::uint32_t>(*t));
      if (effects[target] && !effects[source]) taken[source] = true;
    }
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t i : p.chron.order) {
    if (taken[i]) out.push_back(i);
    taken[i] = false;
  }
  for (std::uint32_t i = 0; i < tl.events.size(); ++i) {  // an event outside the chronology, by index
    if (taken[i]) out.push_back(i);
  }
  return out;
}

}  // namespace

void write_postmortem(const presentation& p, std::ostream& out) {
  const timeline& tl = p.tl;
  const std::vector<std::size_t> at = places(p);
  out << "# Postmortem: " << escape_markdown(p.title(" + ", "Incident")) << "\n\n";
  const incident_metrics m = measure_incident(tl, p.chron);
  out << "## Summary\n\n";
  if (m.impact_start) {
    out << escape_markdown(tl.events[*m.impact_start].title) << ": impact began "
        << escape_markdown(date_label(tl.events[*m.impact_start].date)) << ".";
    static constexpr std::array<std::string_view, milestone_count> names = {"", "detected", "acknowledged",
                                                                            "mitigated", "resolved"};
    std::vector<const incident_metric*> marked;
    for (const incident_metric& x : m.metrics)
      if (x.marked) marked.push_back(&x);
    for (const incident_metric* x : marked) {
      out << " " << (x == marked.front() ? "It was " : "") << names[static_cast<std::size_t>(x->to)] << " after "
          << compact_range(x->min_seconds, x->max_seconds) << (x == marked.back() ? "." : ",");
    }
    out << "\n\n";
  } else {
    out << "No event is marked `milestone: impact_start`: mark one to measure the incident. " << to_write << "\n\n";
  }

  out << "## Impact\n\n";
  if (m.impact_start) out << "- " << line_of(p, at, *m.impact_start) << "\n\n";
  out << to_write << " (who and what was affected, for how long)\n\n";

  out << "## Root causes\n\n";
  bool any_cause = false;
  std::vector<std::uint32_t> contributors;
  if (m.impact_start) {
    // Root causes only: an event that enabled the impact or a cause is contributing, listed below.
    const causal_tree causes = trace_causal(tl, *m.impact_start, causal_direction::causes, p.chron, is_cause);
    std::vector<bool> caused(tl.events.size(), false);
    caused[*m.impact_start] = true;
    // Nested lists as deep as why's indentation, then flat with the depth named: the
    // section stays linear in its causes however long their chain.
    for (const causal_node& n : causes.nodes) {
      out << std::string(2 * (indent_levels(n.depth) - 1), ' ') << "- " << depth_label(n.depth)
          << line_of(p, at, n.event) << '\n';
      caused[n.event] = true;
      any_cause = true;
    }
    contributors = contributing(p, caused);
  }
  out << (any_cause ? "\n" : std::string(to_write) + " (no event is linked as a cause of impact start)\n\n");
  if (!contributors.empty()) {
    out << "### Contributing\n\nEnabled the impact or a root cause, without causing it:\n\n";
    for (std::uint32_t i : contributors) out << "- " << line_of(p, at, i) << '\n';
    out << '\n';
  }

  out << "## Trigger\n\n";
  out << (m.impact_start ? "- " + line_of(p, at, *m.impact_start) + "\n\n" : std::string(to_write) + "\n\n");

  // A section listing the events marked with these milestones, or a prompt when none is.
  const auto milestones_section = [&](std::string_view heading, std::initializer_list<milestone> kinds) {
    out << "## " << heading << "\n\n";
    bool any = false;
    for (const milestone k : kinds) {
      if (const auto i = marked(tl, k)) {
        out << "- " << to_string(k) << ": " << line_of(p, at, *i) << '\n';
        any = true;
      }
    }
    out << (any ? "\n" : std::string(to_write) + "\n\n");
  };
  milestones_section("Resolution", {milestone::mitigated, milestone::resolved});
  milestones_section("Detection", {milestone::detected, milestone::acknowledged});

  out << "## Action items\n\n| Action item | Type | Owner | Bug |\n|---|---|---|---|\n| " << to_write
      << " | mitigate / prevent / process | | |\n\n";
  out << "## Lessons learned\n\n### What went well\n\n" << to_write << "\n\n### What went wrong\n\n" << to_write
      << "\n\n### Where we got lucky\n\n" << to_write << "\n\n";

  out << "## Timeline\n\n";
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    std::string mark;
    for (const milestone_mark& mm : tl.milestones) {
      if (mm.event == v.e->id) mark = " *(" + std::string(to_string(mm.kind)) + ")*";
    }
    out << "- **" << escape_markdown(presentation::with_offset(v)) << "** — " << escape_markdown(v.e->title) << mark
        << '\n';
  }
  out << "\n## Supporting information\n\n";
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
