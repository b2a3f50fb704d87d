#pragma once

// The one presentation of a timeline that every renderer reads: each shown event's
// label, heading, who and where, sources, links, inferred range and gap marker, made by
// one set of rules. A format is then only its syntax (render_<format>.cpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/order.hpp"
#include "annals/render.hpp"
#include "annals/timeline.hpp"

namespace annals {

struct incident_metrics;  // annals/incidents.hpp
struct causal_tree;       // annals/causes.hpp

/// A link as shown: its kind and the event it names.
struct shown_link {
  link_kind kind = link_kind::after;
  std::string_view target_id;
  std::optional<std::uint32_t> target;  // its event index, when it is loaded
};

/// A source as shown: its title (or id) and its URL when it is safe to link.
struct shown_source {
  std::string_view title;
  std::string_view url;  // "" unless http, https or mailto
  std::string_view id;
  const source* src = nullptr;    // none: an unknown id
  const citation* at = nullptr;   // its page, pages or note; none: a bare id
  std::string cited;              // "Browne 1910, p. 201" (output/citations.hpp)
};

/// A link between two events shown, carried once for the pair: from the earlier to the
/// later (a followed link from cause to effect; any other by their order).
struct shown_edge {
  std::uint32_t from = 0, to = 0;  // event indices
  link_kind kind = link_kind::after;
  bool followed = false;           // a cause, enabling or response: an arrow
};

/// One event as every format shows it.
struct event_view {
  std::uint32_t index = 0;  // in the timeline's events
  const event* e = nullptr;
  temporal_value date;      // as shown: the stated date; a relative one at its resolved bounds
  std::string label;        // the date as written: "20 Apr 2010 21:49 CDT", "c. 1500 – 1600"
  std::string relation;     // a relative date as written: "3 days after 'blowout'"; else ""
  std::string offset;       // in an incident timeline, from impact start: "T+0:42"; else ""
  std::string marks;        // what an incident marks it as: "detected", "customer update", "action item: prevent, open"
  const media_item* media = nullptr;  // its image or other media, if it has one
  std::string inferred;     // the range its links narrowed it to; "" when they did not, or the label says as much
  std::string heading;      // the year it falls in ("2015", "44 BC"); a coarse date its own ("5th century"); "Undated"
  std::string month;        // the month heading it falls under ("Nov"); "" for a date coarser than a month
  std::optional<std::string> gap_before;  // "— 8 years later —" from what came before it
  bool order_uncertain = false;
  std::vector<shown_link> links;      // the links it holds, read from it ("caused", "part of")
  std::vector<shown_link> linked_by;  // the links others hold to it, read from it ("caused by", "has part")
  std::vector<shown_source> sources;
};

/// A timeline's chronology as the formats show it. Views are made one at a time, so a
/// million events never become a million strings at once.
class presentation {
 public:
  presentation(const timeline& tl, const chronology& chron, const render_options& options, render_report& report);

  const render_options& options;

  /// The eras shown (those overlapping --from/--to), by start: each with the position
  /// in `order` of the first event at or after its start (size() when none is).
  struct shown_era {
    const era* e;
    std::size_t before;
  };
  const std::vector<shown_era>& eras() const { return eras_; }
  /// The data: URI --embed-media made of a media url, or "".
  std::string_view embedded(std::string_view url) const;

  /// The eras shown that hold where the `k`-th event falls (its position in the order,
  /// within the era's dates), by start: the one home of "which eras hold this event".
  std::vector<const era*> eras_at(std::size_t k) const;

  /// A section of the chronology under eras: the one rule text, markdown, mermaid and
  /// html follow. A section is a longest run of events held by the same eras, and names
  /// them all (overlapping eras are in force together); a run held by none stands outside
  /// every era, under no era heading. A section closes where an era ends or another
  /// begins, so an era still running after an interruption opens a section again. An era
  /// that holds no event shown is a section of no events at its place.
  struct era_section {
    std::size_t first = 0, last = 0;   // the events [first, last) in order
    std::vector<const era*> eras;      // in force, by start; empty: outside every era
    std::vector<const era*> ended;     // eras of the sections before that end here
  };
  const std::vector<era_section>& sections() const { return sections_; }
  /// "The Great War, 1914 – 1918": an era as a heading names it.
  std::string era_heading(const era& e) const;
  /// The eras of a section as its heading names them, joined by " · ".
  std::string eras_heading(const std::vector<const era*>& eras) const;

  /// The events shown, in order.
  std::size_t size() const { return chron.order.size(); }
  /// The `k`-th event shown.
  event_view view(std::size_t k) const;
  /// Its label alone (cheaper than its view).
  std::string label(std::size_t k) const;
  /// Its label with its offset from impact start beside it, as text, markdown and html
  /// show it: "20 Apr 2010 22:31 CDT · T+0:42".
  std::string label_with_offset(std::size_t k) const;
  static std::string with_offset(const event_view& v);

  /// The titles of the files, once each, joined by `separator`; `fallback` when none has one.
  std::string title(std::string_view separator, std::string_view fallback) const;
  /// "16 Nov 2015 to 2 Dec 2015": the labels of the first and last event shown; "" when none.
  std::string span() const;
  /// The zone the timeline is drawn in: --tz, else the first file's `timezone` (UTC when none).
  zone display_zone() const { return display_zone_; }

  /// The date of event `i` as shown (a relative date at its resolved bounds).
  temporal_value shown_date(std::uint32_t i) const;
  /// The bounds that place event `i` in a drawing: its shown date, narrowed by its links.
  std::pair<instant, instant> extent(std::uint32_t i) const;

  std::string actor_name(symbol id) const;
  const actor* find_actor(symbol id) const;
  std::string place_name(symbol id) const;
  /// The place's name in force at event `i`'s date (its `names`, the first listed whose
  /// span holds the event's start), else its name.
  std::string place_name(symbol id, std::uint32_t i) const;
  const place* find_place(symbol id) const;
  const source* find_source(symbol id) const;
  /// "Vladimir Putin, Hassan Rouhani"; an actor with a known birth date and its age at
  /// event `i` where the dates say it to the year: "Julius Caesar, 55; Pompey, 51".
  std::string who(std::uint32_t i) const;

  /// A disputed date's readings, "Reuters: 23 Nov 2015; TASS: 24 Nov 2015"; empty for others.
  std::string readings(const event& e) const;

  /// Says on standard error that the format cannot hold event `i`, and why.
  void leave_out(std::uint32_t i, std::string_view why) const;

  /// The index, among the timeline's events, of the `k`-th event shown.
  std::uint32_t index(std::size_t k) const { return chron.order[k]; }
  /// Event `i` of the timeline.
  const event& event_of(std::uint32_t i) const { return tl.events[i]; }
  /// Every event of the timeline, shown or not (a colour that must not change with a filter).
  std::span<const event> events() const { return tl.events; }
  /// An id, a kind or a tag as written ("" for no_symbol).
  std::string_view name(symbol s) const { return tl.names.name(s); }
  /// The event with id `id`, when the timeline has it.
  std::optional<std::uint32_t> find_event(symbol id) const;
  /// The files the timeline was read from, in order: their headers.
  std::span<const file_header> files() const { return tl.files; }
  std::span<const actor> actors() const { return tl.actors; }
  std::span<const place> places() const { return tl.places; }
  std::span<const source> sources() const { return tl.sources; }
  std::span<const milestone_mark> milestones() const { return tl.milestones; }
  /// The bounds event `i`'s links allow, propagated.
  const event_bounds& bounds(std::uint32_t i) const { return chron.bounds[i]; }
  /// Whether event `i`'s links narrowed its stated date (never for a relative date: its
  /// bounds are its date).
  bool narrowed(std::uint32_t i) const { return chron.narrowed[i] && !tl.events[i].relative; }
  /// The incident's figures (impact, detection, mitigation…), as annals metrics gives them.
  incident_metrics incident() const;
  /// The incident's header, updates, action items and factors, as the files give them.
  const incident_header& header() const { return tl.incident; }
  std::span<const status_update> updates() const { return tl.updates; }
  std::span<const action_item> actions() const { return tl.actions; }
  std::span<const factor> factors() const { return tl.factors; }
  /// The event marked with milestone `m`, when one is.
  std::optional<std::uint32_t> marked(milestone m) const;
  /// The root causes of event `i`, as annals why traces them.
  causal_tree root_causes(std::uint32_t i) const;
  /// Seconds from the start of event `a` to the start of `b`, as annals metrics measures them.
  std::optional<std::pair<std::int64_t, std::int64_t>> time_between(std::uint32_t a, std::uint32_t b) const;
  /// Whether some event cites a page, pages or a note of a source.
  bool cites_pages() const { return !tl.citations.empty(); }
  /// The symbol of an id, kind or tag written `name`, when the timeline has it.
  std::optional<symbol> find_name(std::string_view name) const { return tl.names.find(name); }
  /// The links between events shown, each pair once, from the earlier to the later.
  const std::vector<shown_edge>& edges() const { return edges_; }
  /// Where event `i` falls in time, what the order sorts it by; open_end when it is undated.
  instant position(std::uint32_t i) const { return chron.position[i]; }

 private:
  // Read through the accessors above: a renderer reads the presentation alone.
  const timeline& tl;
  const chronology& chron;
  void make_sections();
  void make_edges();
  std::string label_of(std::uint32_t i, const temporal_value& shown) const;

  zone display_zone_ = nullptr;
  render_report& report_;
  std::vector<std::uint32_t> actor_index_, place_index_, source_index_;  // symbol -> entity index + 1
  std::vector<shown_era> eras_;
  std::vector<era_section> sections_;
  std::vector<std::uint32_t> media_index_;  // by event symbol: media + 1; 0 = none
  std::vector<std::vector<std::pair<std::uint32_t, link_kind>>> linked_by_;  // by event: who holds a link to it
  std::vector<std::uint32_t> citation_index_;  // by event symbol: its first citation + 1; 0 = none
  std::vector<std::uint32_t> gap_from_;  // by position in order: the event the gap before it runs from
  std::vector<std::string> marks_;       // by event index, in an incident timeline: event_view::marks
  std::vector<shown_edge> edges_;
};

}  // namespace annals
