#include "model/link_table.hpp"

#include <iterator>

namespace annals {

namespace {

using enum link_kind;
using enum time_relation;

// One row per kind, in the enum's order; a link kind is a row here and its tests.
//  field          converse    holder src  cause  contrib follow relation           source reads       target reads   verb              dot style
constexpr link_info rows[] = {
    {"causes", caused_by, true, true, true, true, start_after_start, "caused", "caused by", "causes", "color=\"#b03a2e\""},
    {"caused_by", causes, false, true, true, true, start_after_start, "caused", "caused by", "causes", "color=\"#b03a2e\""},
    {"enables", enabled_by, true, false, true, true, start_after_start, "enabled", "enabled by", "enables",
     "color=\"#1f618d\""},
    {"enabled_by", enables, false, false, true, true, start_after_start, "enabled", "enabled by", "enables",
     "color=\"#1f618d\""},
    {"responds_to", responds_to, false, false, false, true, start_after_start, "responded to by", "responds to",
     "is answered by", "color=\"#7d3c98\""},
    // The part's diamond is drawn at the whole, the source: an edge whole -> part, its arrow at the tail.
    {"part_of", part_of, false, false, false, false, within, "has part", "part of", "contains",
     "style=dotted, dir=back, arrowtail=odiamond"},
    {"after", before, false, false, false, false, start_after_end, "before", "after", "precedes",
     "style=dashed, color=gray40"},
    {"before", after, true, false, false, false, start_after_end, "before", "after", "precedes",
     "style=dashed, color=gray40"},
};
static_assert(std::size(rows) == static_cast<std::size_t>(before) + 1);

}  // namespace

const link_info& info(link_kind k) { return rows[static_cast<std::size_t>(k)]; }

std::span<const link_info> link_kinds() { return rows; }

std::string_view link_words(link_kind k, bool from_holder) {
  const link_info& r = info(k);
  return from_holder == r.holder_is_source ? r.source_words : r.target_words;
}

std::string_view to_string(link_kind k) { return info(k).field; }

std::optional<link_kind> parse_link_kind(std::string_view field) {
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    if (rows[i].field == field) return static_cast<link_kind>(i);
  }
  return std::nullopt;
}

bool is_cause(link_kind k) { return info(k).is_cause; }
bool is_followed(link_kind k) { return info(k).followed; }
std::string_view link_words(link_kind k) { return link_words(k, true); }

}  // namespace annals
