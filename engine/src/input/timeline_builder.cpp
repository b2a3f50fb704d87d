#include "annals/timeline_builder.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "input/builder.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

// The precision a relative date resolves to: its anchor's (following a chain of relative
// dates to a stated one), or the finest unit of its `by` when that is finer.
precision resolved_precision(const timeline& tl, const event& e) {
  precision p = precision::day;
  const event* at = &e;
  for (int hop = 0; hop < 64 && at->relative; ++hop) {
    const auto anchor = tl.find_event(at->relative->anchor);
    if (!anchor) break;
    at = &tl.events[*anchor];
  }
  if (!at->relative) p = at->date.prec;
  if (const auto& by = e.relative->by) {
    // The coarsest precision of which `by` is a whole number of units.
    precision finest = precision::year;
    if (by->seconds != 0) {
      finest = precision::hour;
      while (finest > precision::second && by->seconds % info(finest).seconds != 0) {
        finest = static_cast<precision>(static_cast<int>(finest) - 1);
      }
    } else if (by->days != 0) {
      finest = by->days % 7 == 0 ? precision::week : precision::day;
    } else if (by->months != 0) {
      finest = precision::month;
    }
    p = std::min(p, finest);
  }
  return p;
}

// A disputed date: each source's reading, then the date that covers them all, uncertain;
// readings with no moment in common are the warning date-conflict.
void normalize_readings(build_state& state, event& e, const date_context& context) {
  bool all = true;
  for (date_reading& r : *e.readings) {
    date_result d = normalize_date(r.text, context);
    if (!d.ok()) {
      state.report(severity::error, d.error->code, state.within(r.pos, d.error->offset), d.error->message, d.error->hint);
      all = false;
      continue;
    }
    r.value = d.value;
  }
  if (!all || e.readings->empty()) return;
  const stored_list<date_reading>& rs = *e.readings;
  temporal_value v = rs.front().value;
  instant common_from = v.earliest, common_to = v.latest;
  for (const date_reading& r : rs) {
    const temporal_value& x = r.value;
    if (x.earliest < v.earliest) {
      v.earliest = x.earliest;
      v.stated_earliest = x.stated_earliest;
      v.start = x.start;
    }
    if (x.latest > v.latest) {
      v.latest = x.latest;
      v.stated_latest = x.stated_latest;
      v.end = x.end;
    }
    v.prec = std::max(v.prec, x.prec);
    v.has_time = v.has_time || x.has_time;
    common_from = std::max(common_from, x.earliest);
    common_to = std::min(common_to, x.latest);
  }
  v.uncertain = true;
  v.interval = false;
  // One reading that holds the others is the date; two apart are "23 or 24 Nov"; else a range.
  const bool one_holds_all = std::any_of(rs.begin(), rs.end(), [&](const date_reading& r) {
    return r.value.earliest == v.earliest && r.value.latest == v.latest;
  });
  v.form = one_holds_all ? date_form::single : rs.size() == 2 && common_from > common_to ? date_form::either : date_form::between;
  e.date = v;
  if (common_from > common_to) {
    std::string readings;
    for (const date_reading& r : rs)
      readings += (readings.empty() ? "" : ", ") + std::string(state.tl.names.name(r.source)) + " " + date_label(r.value);
    state.report(severity::warning, "date-conflict", e.date_pos,
                 "the sources disagree on the date of event '" + std::string(state.tl.names.name(e.id)) +
                     "': " + readings,
                 "the event covers every reading, uncertain which");
  }
}

// Dates are normalized once each file's header is known (a file may list its
// `reference` after its events).
void normalize_dates(build_state& state, const load_options& options) {
  std::vector<zone> file_zones;
  for (const file_header& f : state.tl.files) file_zones.push_back(find_zone(f.timezone));
  std::size_t zone_index = 0;
  auto& events = state.tl.events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    event& e = events[i];
    std::string_view zone_text = state.tl.files[e.pos.file].timezone;
    zone tz = file_zones[e.pos.file];
    while (zone_index < state.event_zones.size() && state.event_zones[zone_index].first < i) ++zone_index;
    if (zone_index < state.event_zones.size() && state.event_zones[zone_index].first == i) {
      zone_text = state.event_zones[zone_index].second;
      tz = find_zone(zone_text);
    }
    if (e.relative) {
      e.date.tz = tz;
      e.date.form = date_form::relative;
      continue;
    }
    if (e.date_pos.line == 0) continue;  // no date could be built: reported, the event stays undated
    date_context context;
    context.reference = options.reference ? options.reference : state.tl.files[e.pos.file].reference;
    context.timezone = zone_text;
    context.tz = tz;
    context.cal = e.date.cal;
    if (e.readings) {
      normalize_readings(state, e, context);
      continue;
    }
    date_result r = normalize_date(e.date_text, context);
    if (r.ok()) {
      e.date = r.value;
      continue;
    }
    // where reading stopped, when the text is on one line
    state.report(severity::error, r.error->code, state.within(e.date_pos, r.error->offset), r.error->message, r.error->hint);
  }
}

// The header's dates (actors' `born` and `died`, eras), read as its file's events are
// (its reference and zone); a second era of an id is duplicate-id.
void normalize_header_dates(build_state& state, const load_options& options) {
  const auto normalize = [&](life_date& d) {
    if (d.text.empty()) return;
    const file_header& f = state.tl.files[d.pos.file];
    date_context context;
    context.reference = options.reference ? options.reference : f.reference;
    context.timezone = d.tz.empty() ? std::string_view(f.timezone) : std::string_view(d.tz);
    if (d.cal) context.cal = *d.cal;
    date_result r = normalize_date(d.text, context);
    if (r.ok()) {
      d.value = r.value;
      return;
    }
    state.report(severity::error, r.error->code, state.within(d.pos, r.error->offset), r.error->message, r.error->hint);
  };
  for (actor& a : state.tl.actors) {
    normalize(a.born);
    normalize(a.died);
  }
  for (place& p : state.tl.places) {
    for (dated_name& n : p.names) normalize(n.date);
  }
  std::unordered_set<symbol> era_ids;
  for (era& e : state.tl.eras) {
    normalize(e.date);
    if (!era_ids.insert(e.id).second)
      state.report(severity::error, "duplicate-id", e.date.pos,
                   "era '" + std::string(state.tl.names.name(e.id)) + "' is defined twice");
  }
}

// Relative dates take their precision once every stated one is known.
void resolve_relative_precisions(timeline& tl) {
  for (event& e : tl.events) {
    if (!e.relative) continue;
    e.date.prec = resolved_precision(tl, e);
    e.date.start.prec = e.date.end.prec = e.date.prec;
  }
}

std::string_view target_name(reference::target t) {
  switch (t) {
    case reference::target::actor: return "actor";
    case reference::target::place: return "place";
    case reference::target::source: return "source";
    case reference::target::event: return "event";
  }
  return "";
}

// An event's `actors` (and a series') may name an actor by its name, its native name or
// one of its aliases: such a reference becomes the actor's id. Nothing is done unless
// some actor reference names no actor id.
void resolve_actor_names(build_state& state) {
  timeline& tl = state.tl;
  std::unordered_set<symbol> ids;
  for (const actor& a : tl.actors) ids.insert(a.id);
  if (std::none_of(state.references.begin(), state.references.end(), [&](const reference& r) {
        return r.to == reference::target::actor && !ids.contains(r.id);
      })) {
    return;
  }
  // Each name written somewhere (interned) and not an actor id -> the actors it names.
  std::unordered_map<symbol, std::vector<symbol>> named;
  for (const actor& a : tl.actors) {
    const auto add = [&](const std::string& name) {
      const auto sym = name.empty() ? std::nullopt : tl.names.find(name);
      if (!sym || ids.contains(*sym)) return;
      auto& actors = named[*sym];
      if (std::find(actors.begin(), actors.end(), a.id) == actors.end()) actors.push_back(a.id);
    };
    add(a.name);
    add(a.native);
    for (const std::string& alias : a.aliases) add(alias);
  }
  std::unordered_map<symbol, symbol> to_id;
  for (reference& r : state.references) {
    if (r.to != reference::target::actor || ids.contains(r.id)) continue;
    const auto it = named.find(r.id);
    if (it == named.end()) continue;  // unknown-reference, reported by check_references
    if (it->second.size() > 1) {
      std::string which;
      for (symbol a : it->second) which += (which.empty() ? "'" : ", '") + std::string(tl.names.name(a)) + "'";
      state.report(severity::error, "ambiguous-reference", r.pos,
                   "'" + std::string(tl.names.name(r.id)) + "' names more than one actor: " + which,
                   "name the actor by its id");
    }
    to_id.emplace(r.id, it->second.front());
    r.id = it->second.front();
  }
  const auto rename = [&](auto& list) {
    for (symbol& s : list) {
      if (const auto it = to_id.find(s); it != to_id.end()) s = it->second;
    }
  };
  for (event& e : tl.events) {
    rename(e.actors);
    for (claim& c : e.claims) rename(c.series.actors);
  }
}

// duplicate-id and unknown-reference, across every file loaded together.
void check_references(build_state& state) {
  timeline& tl = state.tl;
  const std::size_t n = tl.names.size();
  // For each symbol, what it names: bit per target kind.
  std::vector<std::uint8_t> defined(n, 0);
  auto bit = [](reference::target t) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(t)); };
  std::vector<source_pos> first(n);

  auto define = [&](reference::target t, symbol id, source_pos pos, std::string_view what) {
    if (defined[id] & bit(t)) {
      const source_pos f = first[id];
      state.report(severity::error, "duplicate-id", pos,
                   std::string(what) + " '" + std::string(tl.names.name(id)) + "' is already defined at " +
                       tl.file_of(f) + ":" + std::to_string(f.line) + ":" + std::to_string(f.column));
      return;
    }
    defined[id] |= bit(t);
    if (t == reference::target::event || first[id].line == 0) first[id] = pos;
  };
  for (const actor& a : tl.actors) define(reference::target::actor, a.id, a.pos, "actor");
  for (const place& p : tl.places) define(reference::target::place, p.id, p.pos, "place");
  for (const source& s : tl.sources) define(reference::target::source, s.id, s.pos, "source");
  for (const event& e : tl.events) {
    if (e.id != no_symbol) define(reference::target::event, e.id, e.pos, "event");
  }

  std::unordered_map<unsigned, std::vector<std::string_view>> candidates;
  auto names_of = [&](reference::target t) -> const std::vector<std::string_view>& {
    auto [it, added] = candidates.try_emplace(static_cast<unsigned>(t));
    if (added) {
      for (symbol s = 0; s < n; ++s) {
        if (defined[s] & bit(t)) it->second.push_back(tl.names.name(s));
      }
    }
    return it->second;
  };
  // Past this many comparisons in one load, unknown references get no hint, so that a
  // file of many misspelt references costs its references, not their product with the ids.
  constexpr std::size_t hint_budget = 2'000'000;
  std::size_t hint_work = 0;
  for (const reference& r : state.references) {
    if (r.id < n && (defined[r.id] & bit(r.to))) continue;
    const std::string name(tl.names.name(r.id));
    std::string hint;
    const std::vector<std::string_view>& known = names_of(r.to);
    hint_work += known.size();
    if (auto near = hint_work <= hint_budget ? spellcheck(name, known) : std::string_view(); !near.empty()) {
      hint = "did you mean '" + std::string(near) + "'?";
    }
    state.report(severity::error, "unknown-reference", r.pos,
                 "unknown " + std::string(target_name(r.to)) + " '" + name + "'", hint);
  }
}

// Whether any node of `r` has no position.
bool unplaced(const record& r) {
  if (r.line == 0) return true;
  for (const record& c : r.children) {
    if (unplaced(c)) return true;
  }
  return false;
}

// Nodes made in code without a position take their parent's (the root, line 1): the model
// reads a position of line 0 as "nothing was built here".
void give_positions(record& r, std::uint32_t line, std::uint32_t column) {
  if (r.line == 0) {
    r.line = line;
    r.column = column;
  }
  for (record& c : r.children) give_positions(c, r.line, r.column);
}

}  // namespace

timeline_builder::timeline_builder(load_options options) : state_(std::make_unique<state>(std::move(options))) {}

timeline_builder::~timeline_builder() = default;

timeline_builder::state& timeline_builder::internal() { return *state_; }

std::uint32_t timeline_builder::add_origin(std::string path, columns counted) {
  timeline& tl = state_->result.tl;
  const auto file = static_cast<std::uint32_t>(tl.files.size());
  tl.files.push_back({std::move(path), no_symbol, {}, {}, {}, {file, 1, 1}});
  state_->headers.push_back(record::mapping(1, 1));
  state_->events_of.push_back(0);
  state_->build.cells.push_back(counted == columns::cells);
  return file;
}

void timeline_builder::add_entry(std::uint32_t origin, record key, record value) {
  give_positions(key, 1, 1);
  give_positions(value, key.line, key.column);
  record& header = state_->headers.at(origin);
  header.children.push_back(std::move(key));
  header.children.push_back(std::move(value));
}

void timeline_builder::add_event(std::uint32_t origin, const record& event) {
  ++state_->run.events;
  if (unplaced(event)) {
    record placed = event;
    give_positions(placed, 1, 1);
    take_event(state_->build, origin, placed, state_->events_of.at(origin)++);
    return;
  }
  take_event(state_->build, origin, event, state_->events_of.at(origin)++);
}

void timeline_builder::report(diagnostic d) { state_->result.diagnostics.push_back(std::move(d)); }

load_result timeline_builder::finish() {
  state& st = *state_;
  // The entries of origins built from code (a file's were taken as it was read), with the
  // `events:` every file has: theirs came one by one.
  for (std::uint32_t file = 0; file < st.headers.size(); ++file) {
    record& header = st.headers[file];
    if (header.children.empty()) continue;
    if (!header.get("events")) header.set("events", record::sequence(1, 1));
    take_header(st.build, file, header);
  }
  st.headers.clear();
  normalize_dates(st.build, st.options);
  normalize_header_dates(st.build, st.options);
  resolve_actor_names(st.build);
  check_references(st.build);
  st.result.tl.index_events();
  resolve_relative_precisions(st.result.tl);
  return std::move(st.result);
}

}  // namespace annals
