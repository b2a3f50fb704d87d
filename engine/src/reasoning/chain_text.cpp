// The words of a causal-order message: which links and dates prove it.
#include <string>

#include "reasoning/constraints.hpp"
#include "model/link_table.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

// The verb of one step read from point `from` to point `to`.
std::string_view verb(const timeline& tl, const constraint& k, std::uint32_t from) {
  const bool forward = from == k.from;
  const event& holder = tl.events[k.holder];
  if (k.field == relative_anchor && k.by) return forward ? "is followed by" : "follows";
  const link_kind kind = k.field == relative_anchor ? relation_link(holder.relative->rel) : holder.links[k.field].kind;
  const link_info& row = info(kind);
  // A whole and its part: from the whole's start it contains the part; from the part's end it is part of it.
  if (row.relation == time_relation::within && k.from % 2 == 1) return "is part of";
  return row.verb;
}

// Appends `'id' (date)`.
void append_quoted(std::string& out, const timeline& tl, std::uint32_t index) {
  const event& e = tl.events[index];
  out += '\'';
  out += tl.names.name(e.id);
  out += "' (";
  out += date_label(e);
  out += ')';
}

}  // namespace

std::string date_label(const event& e) {
  // The label every output gives it (in its calendar, with the Gregorian day beside a
  // Julian or Hijri one), so that a chain mixing calendars reads in order; a relative
  // date has none of its own: its bounds as labels write them, on its writer's clock.
  if (!e.relative && e.date.ok()) return date_label(e.date);
  return range_label(e.date.earliest, e.date.latest, e.date.prec, e.date.tz);
}

std::string bound_label(const temporal_value& origin, instant t) {
  return instant_label(origin, t, origin.prec);
}

std::string describe_chain(const timeline& tl, const std::vector<constraint>& cs, const std::vector<chain_step>& steps) {
  std::string out;
  std::uint32_t last = UINT32_MAX;  // the event the text has reached
  for (const chain_step& s : steps) {
    const constraint& k = cs[s.index];
    if (k.field == own_span) continue;  // an event's own start-to-end is not a link
    const std::uint32_t from = s.from / 2, to = s.to / 2;
    if (from == last) {
      out += ", which ";
    } else {
      if (!out.empty()) out += ", and ";
      append_quoted(out, tl, from);
      out += ' ';
    }
    out += verb(tl, k, s.from);
    out += ' ';
    append_quoted(out, tl, to);
    last = to;
  }
  return out;
}

}  // namespace annals
