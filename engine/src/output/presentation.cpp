#include "output/presentation.hpp"

#include <algorithm>

#include "annals/causes.hpp"
#include "annals/duration.hpp"
#include "annals/gaps.hpp"
#include "annals/incidents.hpp"
#include "annals/lifespans.hpp"
#include "time/date_label.hpp"
#include "output/citations.hpp"
#include "output/escape.hpp"
#include "input/media_url.hpp"
#include "model/link_table.hpp"

namespace annals {

namespace {

constexpr std::uint32_t none = UINT32_MAX;

// symbol -> index + 1 of the first entity defining it (0: none).
template <typename Entity>
std::vector<std::uint32_t> index_of(const std::vector<Entity>& entities, std::size_t symbols) {
  std::vector<std::uint32_t> index(symbols, 0);
  for (std::size_t k = entities.size(); k-- > 0;) {
    if (entities[k].id < symbols) index[entities[k].id] = static_cast<std::uint32_t>(k + 1);
  }
  return index;
}

}  // namespace

presentation::presentation(const timeline& tl, const chronology& chron, const render_options& options,
                           render_report& report)
    : options(options),
      tl(tl),
      chron(chron),
      report_(report),
      actor_index_(index_of(tl.actors, tl.names.size())),
      place_index_(index_of(tl.places, tl.names.size())),
      source_index_(index_of(tl.sources, tl.names.size())) {
  if (options.shown.tz) {
    display_zone_ = *options.shown.tz;
  } else if (!tl.files.empty()) {
    display_zone_ = find_zone(tl.files.front().timezone);
  }
  // The gap before each event runs from the event before it that ends last, not merely
  // the one before (a long span can outlast the events after it).
  gap_from_.assign(chron.order.size(), none);
  std::uint32_t latest = none;
  for (std::size_t k = 0; k < chron.order.size(); ++k) {
    const std::uint32_t i = chron.order[k];
    gap_from_[k] = latest;
    if (latest == none || chron.bounds[i].end_max > chron.bounds[latest].end_max) latest = i;
  }
  // The links each event is the target of, so that it reads them from its side too.
  linked_by_.resize(tl.events.size());
  for (std::size_t i = 0; i < tl.events.size(); ++i) {
    for (const link& l : tl.events[i].links)
      if (const auto t = tl.find_event(l.target)) linked_by_[*t].emplace_back(static_cast<std::uint32_t>(i), l.kind);
  }
  if (!tl.citations.empty()) {  // an event's citations are adjacent rows, in its list's order
    citation_index_.assign(tl.names.size(), 0);
    for (std::size_t c = tl.citations.size(); c-- > 0;) {
      if (tl.citations[c].event < citation_index_.size())
        citation_index_[tl.citations[c].event] = static_cast<std::uint32_t>(c + 1);
    }
  }
  if (!tl.media.empty()) {
    media_index_.assign(tl.names.size(), 0);
    for (std::size_t m = 0; m < tl.media.size(); ++m) {
      // A url the media rule refuses is shown by no format, however the timeline was built.
      if (tl.media[m].event < media_index_.size() && !media_url_problem(tl.media[m].url))
        media_index_[tl.media[m].event] = static_cast<std::uint32_t>(m + 1);
    }
  }
  // What the incident's side tables mark each event as, read once.
  if (!tl.milestones.empty() || !tl.updates.empty() || !tl.actions.empty()) {
    marks_.assign(tl.events.size(), {});
    const auto mark = [&](symbol event, const std::string& what) {
      if (const auto i = tl.find_event(event); i && *i < marks_.size()) marks_[*i] += (marks_[*i].empty() ? "" : "; ") + what;
    };
    for (const milestone_mark& m : tl.milestones) mark(m.event, milestone_words(m.kind));
    for (const status_update& u : tl.updates) mark(u.event, std::string(to_string(u.to)) + " update");
    for (const action_item& a : tl.actions) {
      std::string detail(to_string(a.type));
      if (a.status != action_item::state::unspecified) detail += (detail.empty() ? "" : ", ") + std::string(to_string(a.status));
      mark(a.event, detail.empty() ? "action item" : "action item: " + detail);
    }
  }
  for (const era& e : tl.eras) {
    if (!e.date.value) continue;
    const temporal_value& d = *e.date.value;
    if ((options.to && d.earliest > *options.to) || (options.from && d.latest < *options.from)) continue;
    const auto first = std::partition_point(chron.order.begin(), chron.order.end(), [&](std::uint32_t i) {
      return chron.position[i] < d.earliest;
    });
    eras_.push_back({&e, static_cast<std::size_t>(first - chron.order.begin())});
  }
  std::stable_sort(eras_.begin(), eras_.end(), [](const shown_era& a, const shown_era& b) {
    return a.e->date.value->earliest < b.e->date.value->earliest;
  });
  make_sections();
  make_edges();
}

void presentation::make_edges() {
  std::vector<std::uint32_t> position(tl.events.size(), none);
  for (std::size_t k = 0; k < chron.order.size(); ++k) position[chron.order[k]] = static_cast<std::uint32_t>(k);
  for (std::uint32_t i : chron.order) {
    for (const link& l : tl.events[i].links) {
      const auto t = find_event(l.target);
      if (!t || position[*t] == none || *t == i) continue;
      const bool followed = is_followed(l.kind);
      // A followed link runs from cause to effect; any other from the earlier to the later.
      auto [from, to] = ends<std::uint32_t>(l.kind, i, *t);
      if (!followed && position[from] > position[to]) std::swap(from, to);
      edges_.push_back({from, to, l.kind, followed});
    }
  }
  // Each pair once: the first written wins, a followed link over any other.
  std::stable_sort(edges_.begin(), edges_.end(), [](const shown_edge& a, const shown_edge& b) {
    return std::minmax(a.from, a.to) < std::minmax(b.from, b.to) || (std::minmax(a.from, a.to) == std::minmax(b.from, b.to) && a.followed > b.followed);
  });
  edges_.erase(std::unique(edges_.begin(), edges_.end(),
                           [](const shown_edge& a, const shown_edge& b) { return std::minmax(a.from, a.to) == std::minmax(b.from, b.to); }),
               edges_.end());
  // In the order of their earlier ends, as the chronology shows them.
  std::stable_sort(edges_.begin(), edges_.end(), [&](const shown_edge& a, const shown_edge& b) {
    return std::pair(position[a.from], position[a.to]) < std::pair(position[b.from], position[b.to]);
  });
}

incident_metrics presentation::incident() const { return measure_incident(tl, chron, options.shown); }

std::optional<std::uint32_t> presentation::marked(milestone m) const { return marked_event(tl, m); }

causal_tree presentation::root_causes(std::uint32_t i) const {
  return trace_causal(tl, i, causal_direction::causes, chron, is_cause);
}

std::optional<std::pair<std::int64_t, std::int64_t>> presentation::time_between(std::uint32_t a, std::uint32_t b) const {
  return annals::time_between(tl, chron, a, b);
}

std::optional<std::uint32_t> presentation::find_event(symbol id) const {
  const auto i = tl.find_event(id);
  return i ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*i)) : std::nullopt;
}

std::string_view presentation::embedded(std::string_view url) const {
  const auto& e = options.embedded;  // sorted by url
  const auto it = std::lower_bound(e.begin(), e.end(), url, [](const auto& p, std::string_view u) { return p.first < u; });
  return it != e.end() && it->first == url ? std::string_view(it->second) : std::string_view();
}

std::vector<const era*> presentation::eras_at(std::size_t k) const {
  std::vector<const era*> out;
  const instant at = chron.position[chron.order[k]];
  if (at == open_end) return out;  // undated: outside every era
  for (const shown_era& e : eras_) {
    const temporal_value& d = *e.e->date.value;
    if (d.earliest > at) break;  // eras_ is sorted by start
    if (at <= d.latest) out.push_back(e.e);
  }
  return out;
}

std::string presentation::era_heading(const era& e) const { return e.title + ", " + date_label(*e.date.value, options.shown); }

std::string presentation::eras_heading(const std::vector<const era*>& eras) const {
  std::string out;
  for (const era* e : eras) out += (out.empty() ? "" : " \u00b7 ") + era_heading(*e);
  return out;
}

void presentation::make_sections() {
  if (eras_.empty()) {
    sections_.push_back({0, size(), {}, {}});
    return;
  }
  // Runs of events held by the same eras.
  std::vector<era_section> runs;
  for (std::size_t k = 0; k < size(); ++k) {
    std::vector<const era*> in = eras_at(k);
    if (runs.empty() || runs.back().eras != in) runs.push_back({k, k, std::move(in), {}});
    runs.back().last = k + 1;
  }
  // An era that holds no event shown is a section of its own before the first event after
  // its start, cutting the run there (what runs on is named again after it).
  std::vector<bool> holds(tl.eras.size(), false);
  for (const era_section& r : runs)
    for (const era* e : r.eras) holds[static_cast<std::size_t>(e - tl.eras.data())] = true;
  std::size_t r = 0;
  for (const shown_era& e : eras_) {
    if (holds[static_cast<std::size_t>(e.e - tl.eras.data())]) continue;
    while (r < runs.size() && runs[r].last <= e.before) sections_.push_back(runs[r++]);
    if (r < runs.size() && runs[r].first < e.before) {  // cut the run at the era's place
      era_section head = runs[r];
      head.last = runs[r].first = e.before;
      sections_.push_back(std::move(head));
    }
    sections_.push_back({e.before, e.before, {e.e}, {}});
  }
  while (r < runs.size()) sections_.push_back(runs[r++]);
  // What each section closes: the eras of the one before it that are not in force in it.
  for (std::size_t k = 1; k < sections_.size(); ++k) {
    for (const era* e : sections_[k - 1].eras)
      if (std::find(sections_[k].eras.begin(), sections_[k].eras.end(), e) == sections_[k].eras.end())
        sections_[k].ended.push_back(e);
  }
}

temporal_value presentation::shown_date(std::uint32_t i) const {
  const event& e = tl.events[i];
  if (!e.relative || i >= chron.bounds.size()) return e.date;
  temporal_value v = e.date;
  v.earliest = v.stated_earliest = chron.bounds[i].start_min;
  v.latest = v.stated_latest = chron.bounds[i].end_max;
  return v;
}

std::pair<instant, instant> presentation::extent(std::uint32_t i) const {
  const temporal_value d = shown_date(i);
  instant lo = d.earliest, hi = d.latest;
  if (i < chron.narrowed.size() && chron.narrowed[i]) {
    lo = std::max(lo, chron.bounds[i].start_min);
    hi = std::min(hi, chron.bounds[i].end_max);
  }
  return {lo, hi};
}

std::string presentation::label_of(std::uint32_t i, const temporal_value& shown) const {
  if (tl.events[i].relative) return range_label(shown.earliest, shown.latest, shown.prec, shown.tz, options.shown);
  return date_label(shown, options.shown);
}

std::string presentation::readings(const event& e) const {
  std::string each;
  if (!e.readings) return each;
  for (const date_reading& r : *e.readings) {
    const source* s = find_source(r.source);
    // Each source as citations name it: "Kazemzadeh 1968", else its title, else its id.
    each += (each.empty() ? "" : "; ") + short_citation(s, tl.names.name(r.source)) + ": " +
            date_label(r.value, options.shown);
  }
  return each;
}

std::string presentation::label(std::size_t k) const {
  const std::uint32_t i = chron.order[k];
  return label_of(i, shown_date(i));
}

std::string presentation::with_offset(const event_view& v) {
  return v.offset.empty() ? v.label : v.label + " \u00b7 " + v.offset;
}

std::string presentation::label_with_offset(std::size_t k) const {
  const std::uint32_t i = chron.order[k];
  std::string label = label_of(i, shown_date(i));
  if (!tl.milestones.empty()) {
    if (const auto o = offset_from_impact(tl, chron, i)) label += " \u00b7 " + *o;
  }
  return label;
}

event_view presentation::view(std::size_t k) const {
  event_view v;
  v.index = chron.order[k];
  v.e = &tl.events[v.index];
  const event& e = *v.e;
  v.date = shown_date(v.index);
  v.label = label_of(v.index, v.date);
  if (!tl.milestones.empty()) v.offset = offset_from_impact(tl, chron, v.index).value_or("");
  if (v.index < marks_.size()) v.marks = marks_[v.index];
  if (e.id < media_index_.size() && media_index_[e.id] != 0) v.media = &tl.media[media_index_[e.id] - 1];
  if (e.relative) {
    v.relation = std::string(to_string(e.relative->rel)) + " '" + std::string(tl.names.name(e.relative->anchor)) + "'";
    if (e.relative->by) v.relation = to_english(*e.relative->by) + ' ' + v.relation;
  } else if (v.index < chron.narrowed.size() && chron.narrowed[v.index]) {
    v.inferred = range_label(chron.bounds[v.index].start_min, chron.bounds[v.index].end_max, e.date.prec, e.date.tz,
                             options.shown);
    if (v.inferred == v.label) v.inferred.clear();  // narrowed within what the label already says
  }
  // Headings follow the position the order is sorted by, in the writer's zone (a time of day in --tz's).
  const instant at = chron.position[v.index];
  if (at == open_end) {
    v.heading = "Undated";
  } else {
    const year_month ym = wall_year_month(v.date, at, options.shown);
    // The year it falls in; a single date known only to the decade or coarser heads itself ("5th century").
    const bool coarse = v.date.prec >= precision::decade && v.date.form == date_form::single && !e.relative &&
                        v.date.stated_earliest != open_start && v.date.stated_latest != open_end;
    v.heading = coarse ? span_heading(v.date) : year_label(ym.year);
    // A date known to the month or finer sits under the month it falls in; so does a year
    // or season of another calendar, which begins inside a Gregorian year (1333 AH on 19
    // November 1914), lest it read as part of the month before it.
    if (v.date.prec <= precision::month || (v.date.cal != calendar::gregorian && !coarse))
      v.month = std::string(month_abbr(ym.month));
  }
  if (gap_from_[k] != none) v.gap_before = gap_marker(tl, chron, gap_from_[k], v.index);
  v.order_uncertain = v.index < chron.order_uncertain.size() && chron.order_uncertain[v.index];
  v.links.reserve(e.links.size());
  for (const link& l : e.links) {
    shown_link s{l.kind, tl.names.name(l.target), std::nullopt};
    if (const auto t = tl.find_event(l.target)) s.target = static_cast<std::uint32_t>(*t);
    v.links.push_back(s);
  }
  for (const auto& [holder, kind] : linked_by_[v.index])
    v.linked_by.push_back(shown_link{kind, tl.names.name(tl.events[holder].id), holder});
  v.sources.reserve(e.sources.size());
  std::size_t row = e.id < citation_index_.size() && citation_index_[e.id] ? citation_index_[e.id] - 1 : tl.citations.size();
  for (std::uint32_t k = 0; k < e.sources.size(); ++k) {
    const symbol s = e.sources[k];
    const source* src = find_source(s);
    shown_source out{tl.names.name(s), {}, tl.names.name(s), src, nullptr, {}};
    if (src && !src->title.empty()) out.title = src->title;
    if (src && is_safe_url(src->url)) out.url = src->url;  // never a javascript: or data: link
    while (row < tl.citations.size() && tl.citations[row].event == e.id && tl.citations[row].index < k) ++row;
    if (row < tl.citations.size() && tl.citations[row].event == e.id && tl.citations[row].index == k)
      out.at = &tl.citations[row];
    // The short form when there is an author or a locator to give; else the title, as written.
    out.cited = (src && !src->author.empty()) || out.at ? cited_text(src, out.id, out.at) : std::string(out.title);
    v.sources.push_back(std::move(out));
  }
  return v;
}

std::string presentation::title(std::string_view separator, std::string_view fallback) const {
  std::string t;
  std::vector<std::string_view> seen;
  for (const file_header& f : tl.files) {
    if (f.title.empty() || std::find(seen.begin(), seen.end(), f.title) != seen.end()) continue;
    seen.push_back(f.title);
    if (!t.empty()) t += separator;
    t += f.title;
  }
  return t.empty() ? std::string(fallback) : t;
}

std::string presentation::span() const {
  if (chron.order.empty()) return {};
  const std::uint32_t first = chron.order.front(), last = chron.order.back();
  const std::string a = label_of(first, shown_date(first));
  if (chron.order.size() == 1) return a;
  return a + " to " + label_of(last, shown_date(last));
}

const actor* presentation::find_actor(symbol id) const {
  return id < actor_index_.size() && actor_index_[id] != 0 ? &tl.actors[actor_index_[id] - 1] : nullptr;
}

std::string presentation::actor_name(symbol id) const {
  if (const actor* a = find_actor(id); a && !a->name.empty()) return a->name;
  return std::string(tl.names.name(id));
}

const place* presentation::find_place(symbol id) const {
  return id < place_index_.size() && place_index_[id] != 0 ? &tl.places[place_index_[id] - 1] : nullptr;
}

std::string presentation::place_name(symbol id) const {
  if (const place* p = find_place(id); p && !p->name.empty()) return p->name;
  return std::string(tl.names.name(id));
}

std::string presentation::place_name(symbol id, std::uint32_t i) const {
  if (const place* p = find_place(id); p && !p->names.empty()) {
    const temporal_value d = shown_date(i);
    const instant at = d.earliest != open_start ? d.earliest : d.latest;
    for (const dated_name& n : p->names) {
      if (n.date.value && at != open_end && n.date.value->earliest <= at && at <= n.date.value->latest) return n.name;
    }
  }
  return place_name(id);
}

const source* presentation::find_source(symbol id) const {
  return id < source_index_.size() && source_index_[id] != 0 ? &tl.sources[source_index_[id] - 1] : nullptr;
}

std::string presentation::who(std::uint32_t i) const {
  const event& e = tl.events[i];
  std::string out;
  const auto age = [&](symbol a) -> std::optional<std::string> {
    const actor* found = find_actor(a);
    return found ? age_at(*found, chron.bounds[i], shown_date(i)) : std::nullopt;
  };
  const bool aged = std::any_of(e.actors.begin(), e.actors.end(), [&](symbol a) { return age(a).has_value(); });
  for (symbol a : e.actors) {
    if (!out.empty()) out += aged ? "; " : ", ";
    out += actor_name(a);
    if (const auto years = age(a)) out += ", " + *years;
  }
  return out;
}

void presentation::leave_out(std::uint32_t i, std::string_view why) const {
  report_.warnings.push_back("event '" + std::string(tl.names.name(tl.events[i].id)) + "' is left out: " +
                             std::string(why));
}

}  // namespace annals
