#include "annals/lifespans.hpp"

#include "time/calendars.hpp"
#include "time/civil.hpp"
#include "time/date_label.hpp"

namespace annals {
namespace {

// Whole years from day `born` to day `on` (Gregorian day numbers, each on its writer's clock).
std::int64_t years_between(std::int64_t born, std::int64_t on) {
  const civil::ymd b = civil::civil_from_days(born), d = civil::civil_from_days(on);
  return d.y - b.y - ((d.m < b.m || (d.m == b.m && d.d < b.d)) ? 1 : 0);
}

std::string who(const timeline& tl, const actor& a) {
  std::string s = "actor '" + std::string(tl.names.name(a.id)) + "' (";
  if (!a.name.empty()) s += a.name + ", ";
  return s + lifespan_label(a) + ")";
}

}  // namespace

std::string lifespan_label(const actor& a) {
  const bool born = a.born.value.has_value(), died = a.died.value.has_value();
  if (born && died) return date_label(*a.born.value) + " – " + date_label(*a.died.value);
  if (born) return "b. " + date_label(*a.born.value);
  if (died) return "d. " + date_label(*a.died.value);
  return {};
}

std::string lifespan_years(const actor& a) {
  const auto year = [](const temporal_value& v) { return year_of(v); };
  const bool born = a.born.value.has_value(), died = a.died.value.has_value();
  if (born && died) return year(*a.born.value) + " \u2013 " + year(*a.died.value);
  if (born) return "b. " + year(*a.born.value);
  if (died) return "d. " + year(*a.died.value);
  return {};
}

std::optional<std::string> age_at(const actor& a, const event_bounds& b, const temporal_value& event_date) {
  const precision event_prec = event_date.prec;
  if (!a.born.value || b.start_min == open_start || b.start_max == open_end) return std::nullopt;
  if (a.died.value && b.start_min > a.died.value->latest) return std::nullopt;  // no age after death
  const temporal_value& born = *a.born.value;
  if (born.prec > precision::year || event_prec > precision::year || !born.bounded_start() || !born.bounded_end())
    return std::nullopt;
  // Days on each date's own clock: 31 Dec 1911 in Tehran begins on 30 Dec in UTC.
  const std::int64_t youngest = years_between(wall_day(born, born.latest), wall_day(event_date, b.start_min));
  const std::int64_t oldest = years_between(wall_day(born, born.earliest), wall_day(event_date, b.start_max));
  if (youngest < 0 || oldest - youngest > 1) return std::nullopt;
  if (oldest == youngest) return std::to_string(oldest);
  return std::to_string(youngest) + "\u2013" + std::to_string(oldest);
}

void check_lifespans(const timeline& tl, const chronology& c, std::vector<diagnostic>& out) {
  std::vector<const actor*> by_symbol(tl.names.size(), nullptr);
  bool any = false;
  for (const actor& a : tl.actors) {
    if (!a.born.value && !a.died.value) continue;
    if (a.id < by_symbol.size()) by_symbol[a.id] = &a;
    any = true;
    if (a.born.value && a.died.value && a.died.value->latest < a.born.value->earliest) {
      out.push_back(tl.finding(a.died.pos, severity::error, "invalid-lifespan",
                       "actor '" + std::string(tl.names.name(a.id)) + "' dies (" + date_label(*a.died.value) +
                           ") before being born (" + date_label(*a.born.value) + ")"));
    }
  }
  if (!any) return;
  for (std::size_t i = 0; i < tl.events.size(); ++i) {
    const event& e = tl.events[i];
    const event_bounds& b = c.bounds[i];
    for (const symbol id : e.actors) {
      const actor* a = id < by_symbol.size() ? by_symbol[id] : nullptr;
      if (!a) continue;
      const bool before_birth = a->born.value && b.end_max != open_end && b.end_max < a->born.value->earliest;
      const bool after_death = a->died.value && b.start_min != open_start && b.start_min > a->died.value->latest;
      if (!before_birth && !after_death) continue;
      const source_pos pos = e.date_pos.line != 0 ? e.date_pos : e.pos;
      out.push_back(tl.finding(pos, severity::warning, "outside-lifespan",
                       "event '" + std::string(tl.names.name(e.id)) + "' (" + date_label(e.date) + ") is " +
                           (before_birth ? "before the birth of " : "after the death of ") + who(tl, *a)));
    }
  }
}

}  // namespace annals
