#include "input/builder.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>

#include "input/media_url.hpp"
#include "time/zones.hpp"

namespace annals {

source_pos build_state::within(source_pos pos, std::size_t offset) const {
  if (pos.file >= cells.size() || !cells[pos.file]) pos.column += static_cast<std::uint32_t>(offset);
  return pos;
}

void build_state::report(severity level, std::string code, source_pos pos, std::string message,
                         std::string hint) {
  diagnostics.push_back({level, std::move(code), tl.file_of(pos), pos.line, pos.column, std::move(message),
                         std::move(hint)});
}

bool known_entities::has(reference::target t, std::string_view id) const {
  switch (t) {
    case reference::target::actor: return actors.contains(id);
    case reference::target::place: return places.contains(id);
    case reference::target::source: return sources.contains(id);
    case reference::target::event: return false;
  }
  return false;
}

namespace {

source_pos at(std::uint32_t file, const record& n) { return {file, n.line, n.column}; }

// Where a scalar's text begins: after its opening quote when it is quoted (a date read
// from it is reported at the character where reading stopped).
source_pos text_at(const build_state& s, std::uint32_t file, const record& n) {
  const bool quoted = n.kind == record::type::scalar && !n.plain;
  return s.within(at(file, n), quoted ? 1 : 0);
}

symbol add_reference(build_state& s, reference::target to, std::uint32_t file, const record& n) {
  const symbol id = s.tl.names.intern(n.text);
  if (!s.known || !s.known->has(to, n.text)) s.references.push_back({to, id, at(file, n)});
  return id;
}

std::vector<symbol> reference_list(build_state& s, reference::target to, std::uint32_t file, const record* list) {
  std::vector<symbol> out;
  if (!list) return out;
  out.reserve(list->children.size());
  for (const record& item : list->children) out.push_back(add_reference(s, to, file, item));
  return out;
}

std::vector<symbol> name_list(build_state& s, const record* list) {
  std::vector<symbol> out;
  if (!list) return out;
  for (const record& item : list->children) out.push_back(s.tl.names.intern(item.text));
  return out;
}

// An event's list, kept in the timeline's arena.
stored_list<symbol> store_list(build_state& s, const std::vector<symbol>& list) {
  return s.tl.store.store(std::span<const symbol>(list));
}

std::string text_of(const record* n) { return n ? n->text : std::string(); }

// A page range as books write it: "45-47", "45–47", "xii-xv"; the ends in order when both
// are numbers. Returns the problem, if any.
std::optional<std::string> page_range_problem(std::string_view text) {
  std::size_t dash = text.find('-');
  std::size_t width = 1;
  if (dash == std::string_view::npos) {
    dash = text.find("\u2013");  // en dash
    width = 3;
  }
  if (dash == std::string_view::npos || dash == 0 || dash + width >= text.size())
    return "'pages' must be a range of pages such as 45-47";
  const std::string_view a = text.substr(0, dash), b = text.substr(dash + width);
  const auto number = [](std::string_view x, long& n) {
    auto [p, ec] = std::from_chars(x.data(), x.data() + x.size(), n);
    return ec == std::errc() && p == x.data() + x.size();
  };
  long lo = 0, hi = 0;
  if (number(a, lo) && number(b, hi) && hi < lo)
    return "the page range '" + std::string(text) + "' ends before it begins";
  return std::nullopt;
}

// An event's `sources`: each a source id, or {id, page | pages, note}. The ids are the
// event's list; a locator or note goes to the timeline's citations, beside the events.
std::vector<symbol> build_citations(build_state& s, std::uint32_t file, const record* list, symbol event_id) {
  std::vector<symbol> out;
  if (!list) return out;
  for (const record& item : list->children) {
    if (item.kind != record::type::mapping) {
      out.push_back(add_reference(s, reference::target::source, file, item));
      continue;
    }
    const record* id = item.get("id");
    if (!id) continue;  // the schema reported it
    citation c;
    c.event = event_id;
    c.index = static_cast<std::uint32_t>(out.size());
    c.pos = at(file, item);
    out.push_back(add_reference(s, reference::target::source, file, *id));
    const record* page = item.get("page");
    const record* pages = item.get("pages");
    if (page && pages) {
      s.report(severity::error, "invalid-citation", at(file, *pages), "a citation takes 'page' or 'pages', not both",
               "one page: page: 201; a range: pages: 201-203");
      continue;
    }
    if (page) {
      const bool range = page->text.find_first_of("-,") != std::string::npos || page->text.find("\u2013") != std::string::npos;
      if (page->text.empty() || range) {
        s.report(severity::error, "invalid-citation", at(file, *page),
                 page->text.empty() ? "'page' must not be empty" : "'page' holds one page, not '" + page->text + "'",
                 "a range of pages goes in 'pages': pages: " + (page->text.empty() ? std::string("45-47") : page->text));
        continue;
      }
      c.page = page->text;
    }
    if (pages) {
      if (const auto problem = page_range_problem(pages->text)) {
        s.report(severity::error, "invalid-citation", at(file, *pages), *problem,
                 "write the first and last page: pages: 45-47; one page goes in 'page'");
        continue;
      }
      c.pages = pages->text;
    }
    c.note = text_of(item.get("note"));
    if (!c.page.empty() || !c.pages.empty() || !c.note.empty()) s.tl.citations.push_back(std::move(c));
  }
  return out;
}

// A zone is checked where it is named, whether or not a time of day uses it.
bool check_zone(build_state& s, std::uint32_t file, const record& zone) {
  if (find_zone(zone.text)) return true;
  s.report(severity::error, "unknown-timezone", at(file, zone), "unknown time zone '" + zone.text + "'",
           "use an IANA name such as 'Asia/Tehran' or 'UTC'");
  return false;
}

series_selector build_selector(build_state& s, std::uint32_t file, const record& n) {
  series_selector sel;
  if (const record* k = n.get("kind")) sel.kind = s.tl.names.intern(k->text);
  if (const record* p = n.get("place")) sel.place = add_reference(s, reference::target::place, file, *p);
  sel.actors = reference_list(s, reference::target::actor, file, n.get("actors"));
  sel.tags = name_list(s, n.get("tags"));
  return sel;
}

void build_claims(build_state& s, std::uint32_t file, const record* claims, event& e) {
  if (!claims) return;
  for (const record& c : claims->children) {
    claim cl;
    const record* first_in = c.get("first_in");
    const record* since = c.get("first_since");
    if (!first_in == !since) {
      s.report(severity::error, "schema", at(file, c), "a claim takes one of 'first_in' or 'first_since'");
      continue;
    }
    if (since) {
      cl.pos = at(file, *since);
      cl.since = add_reference(s, reference::target::event, file, *since);
    } else {
      const record* at_least = first_in->kind == record::type::mapping ? first_in->get("at_least") : nullptr;
      const record& d_node = at_least ? *at_least : *first_in;
      cl.pos = at(file, d_node);
      cl.first_in_text = (at_least ? "at least " : "") + d_node.text;
      std::optional<bounded_duration> d;
      if (!at_least) {
        d = parse_bounded_duration(d_node.text);
      } else if (const auto x = parse_duration(d_node.text)) {
        d = bounded_duration{duration_bound::at_least, *x};
      }
      if (d) {
        cl.first_in = d->value;
        cl.bound = d->bound;
      } else {
        s.report(severity::error, "unparsed-duration", cl.pos, "cannot read '" + d_node.text + "' as a duration",
                 at_least ? "write it as '8 years' or 'P8Y'"
                          : "write it as '8 years' or 'P8Y', or bounded: 'about 8 years', 'nearly 8 years', 'more "
                            "than 8 years', 'less than 8 years'");
        continue;
      }
    }
    if (const record* series = c.get("series")) {
      cl.series = build_selector(s, file, *series);
    } else {  // the event's own series: same kind, actors and place
      cl.series = {e.kind, e.place, {e.actors.begin(), e.actors.end()}, {}};
    }
    e.claims.push_back(std::move(cl));
  }
}

// The date field: a text, or a mapping {on, calendar, tz} / {after|before|during: ID, by}.
bool build_date(build_state& s, std::uint32_t file, const record& date, event& e) {
  e.date_pos = text_at(s, file, date);
  if (date.kind != record::type::mapping) {
    e.date_text = s.tl.store.store(date.text);
    return true;
  }
  const record* on = date.get("on");
  const record* relation = nullptr;
  if (const record* sources = date.get("sources")) {  // a date the sources dispute
    for (const char* other : {"on", "after", "before", "during", "by"}) {
      if (date.get(other)) {
        s.report(severity::error, "schema", at(file, *date.get(other)),
                 std::string("'") + other + "' does not go with 'sources': give each source's date there");
        return false;
      }
    }
    std::vector<date_reading> readings;
    std::string text;
    for (std::size_t i = 0; i + 1 < sources->children.size(); i += 2) {
      const record& id = sources->children[i];
      const record& value = sources->children[i + 1];
      date_reading r;
      r.source = add_reference(s, reference::target::source, file, id);
      r.text = s.tl.store.store(value.text);
      r.pos = text_at(s, file, value);
      readings.push_back(r);
      text += (text.empty() ? "" : " or ") + value.text + " (" + id.text + ")";
    }
    e.date_text = s.tl.store.store(text);
    if (const record* c = date.get("calendar")) e.date.cal = *parse_calendar(c->text);
    if (const record* tz = date.get("tz")) {
      if (!check_zone(s, file, *tz)) return false;
      s.event_zones.emplace_back(s.tl.events.size(), tz->text);
    }
    e.readings = s.tl.store.store_one(s.tl.store.store(std::span<const date_reading>(readings)));
    return true;
  }
  relative_date rel;
  for (auto [name, r] : {std::pair{"after", relative_date::relation::after},
                         std::pair{"before", relative_date::relation::before},
                         std::pair{"during", relative_date::relation::during}}) {
    if (const record* n = date.get(name)) {
      if (on || relation) {
        s.report(severity::error, "schema", at(file, *n),
                 "a date mapping takes one of 'on', 'after', 'before' or 'during'");
        return false;
      }
      relation = n;
      rel.rel = r;
    }
  }
  if (!on && !relation) {
    s.report(severity::error, "schema", e.date_pos, "a date mapping needs 'on', 'after', 'before' or 'during'");
    return false;
  }
  if (on) {
    for (const char* field : {"by"}) {
      if (const record* n = date.get(field)) {
        s.report(severity::error, "schema", at(file, *n), "'by' goes with 'after' or 'before', not 'on'");
        return false;
      }
    }
    e.date_text = s.tl.store.store(on->text);
    e.date_pos = text_at(s, file, *on);
    if (const record* c = date.get("calendar")) e.date.cal = *parse_calendar(c->text);
    if (const record* tz = date.get("tz")) {
      if (!check_zone(s, file, *tz)) return false;
      s.event_zones.emplace_back(s.tl.events.size(), tz->text);
    }
    return true;
  }
  for (const char* field : {"calendar", "tz"}) {
    if (const record* n = date.get(field)) {
      s.report(severity::error, "schema", at(file, *n), std::string("'") + field + "' goes with 'on'");
      return false;
    }
  }
  rel.anchor = add_reference(s, reference::target::event, file, *relation);
  std::string text = std::string(relation == date.get("during") ? "during "
                                 : relation == date.get("after") ? "after "
                                                                 : "before ") +
                     relation->text;
  if (const record* by = date.get("by")) {
    if (rel.rel == relative_date::relation::during) {
      s.report(severity::error, "schema", at(file, *by), "'by' goes with 'after' or 'before', not 'during'");
      return false;
    }
    rel.by = parse_duration(by->text);
    if (!rel.by) {
      s.report(severity::error, "unparsed-duration", at(file, *by), "cannot read '" + by->text + "' as a duration",
               "write it as '3 days' or 'P3D'");
      return false;
    }
    text += " by " + by->text;
  }
  e.date_text = s.tl.store.store(text);
  e.relative = s.tl.store.store_one(rel);
  return true;
}

// A commander, a role holder or an owner: a text written as an id names an actor (and is
// checked like every reference); any other text is a name as written.
person_ref build_person(build_state& s, std::uint32_t file, const record& n) {
  const bool id_like = !n.text.empty() && std::all_of(n.text.begin(), n.text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  }) && n.text.front() != '.' && n.text.front() != '_' && n.text.front() != '-';
  if (id_like) add_reference(s, reference::target::actor, file, n);
  return {n.text, id_like};
}

// An http(s) url of the incident fields, checked as sources' urls are; "" when refused.
std::string checked_url(build_state& s, std::uint32_t file, const record* n, std::string_view what, std::string_view hint) {
  if (!n) return {};
  if (const auto problem = source_url_problem(n->text, what)) {
    s.report(severity::error, "unsafe-url", at(file, *n), *problem, std::string(hint));
    return {};
  }
  return n->text;
}

void build_incident(build_state& s, std::uint32_t file, const record& value) {
  if (s.tl.incident.given) return;  // files loaded together: the first header's
  incident_header& h = s.tl.incident;
  h.given = true;
  h.pos = at(file, value);
  h.severity = text_of(value.get("severity"));
  if (const record* c = value.get("commander")) h.commander = build_person(s, file, *c);
  if (const record* roles = value.get("roles")) {
    for (std::size_t i = 0; i + 1 < roles->children.size(); i += 2)
      h.roles.emplace_back(roles->children[i].text, build_person(s, file, roles->children[i + 1]));
  }
  h.status_page = checked_url(s, file, value.get("status_page"), "status page url", "give the status page's https address");
}

void build_factors(build_state& s, std::uint32_t file, const record& value) {
  for (const record& item : value.children) {
    factor f;
    f.pos = at(file, item);
    if (item.kind == record::type::mapping) {
      if (const record* id = item.get("id")) f.id = s.tl.names.intern(id->text);
      f.text = text_of(item.get("text"));
      f.sources = reference_list(s, reference::target::source, file, item.get("sources"));
    } else {
      f.text = item.text;
    }
    s.tl.factors.push_back(std::move(f));
  }
}

std::vector<std::string> texts_of(const record* list) {
  std::vector<std::string> out;
  if (list) {
    for (const record& item : list->children) out.push_back(item.text);
  }
  return out;
}

// An actor's `born` or `died`: a date text, or the mapping {on, calendar, tz} an event's
// date takes; the schema checked its fields.
life_date build_life_date(build_state& s, std::uint32_t file, const record* n) {
  if (!n) return {};
  if (n->kind != record::type::mapping) return life_date{n->text, at(file, *n), std::nullopt, {}, {}};
  const record* on = n->get("on");
  if (!on) return {};  // the schema reported it
  life_date d{on->text, at(file, *on), std::nullopt, {}, {}};
  if (const record* c = n->get("calendar")) d.cal = parse_calendar(c->text);
  if (const record* tz = n->get("tz"); tz && check_zone(s, file, *tz)) d.tz = tz->text;
  return d;
}

// Files loaded together may each define the same actor, place or source: a
// definition equal to an earlier one (all but its position) is the same entity;
// a different one stays, for check_references to report as a duplicate.
template <typename Entity>
void add_entity(std::vector<Entity>& entities, std::unordered_map<symbol, std::size_t>& index, Entity e) {
  if (auto it = index.find(e.id); it != index.end()) {
    Entity earlier = entities[it->second];
    earlier.pos = e.pos;
    if (earlier == e) return;
  } else {
    index.emplace(e.id, entities.size());
  }
  entities.push_back(std::move(e));
}

}  // namespace

void build_event(build_state& s, std::uint32_t file, const record& item, const std::vector<std::string_view>& broken) {
  // A field with a schema problem is left out; everything else is built, so that the
  // event's other problems (its date, its id, its references) are found in the same run.
  const auto field = [&](std::string_view name) -> const record* {
    if (std::find(broken.begin(), broken.end(), name) != broken.end()) return nullptr;
    return item.get(name);
  };
  const auto scalar = [&](std::string_view name) -> const record* {
    const record* n = field(name);
    return n && n->kind == record::type::scalar ? n : nullptr;
  };
  event e;
  e.pos = at(file, item);
  // An id that breaks the pattern is still the event's id: its duplicates and references are checked.
  if (const record* id = item.get("id"); id && id->kind == record::type::scalar) e.id = s.tl.names.intern(id->text);
  if (const record* t = scalar("title")) e.title = s.tl.store.store(t->text);
  if (const record* d = scalar("description")) e.description = s.tl.store.store(d->text);
  if (const record* date = field("date")) {
    if (!build_date(s, file, *date, e)) {  // reported; the event stays, undated
      e.date_text = {};
      e.date_pos = {};
    }
  }
  if (const record* k = scalar("kind")) e.kind = s.tl.names.intern(k->text);
  if (const record* p = scalar("place")) e.place = add_reference(s, reference::target::place, file, *p);
  e.actors = store_list(s, reference_list(s, reference::target::actor, file, field("actors")));
  e.tags = store_list(s, name_list(s, field("tags")));
  e.sources = store_list(s, build_citations(s, file, field("sources"), e.id));
  std::vector<link> links;
  for (std::size_t i = 0; i + 1 < item.children.size(); i += 2) {
    const auto kind = parse_link_kind(item.children[i].text);
    if (!kind || !field(item.children[i].text)) continue;
    const record& value = item.children[i + 1];
    auto add_link = [&](const record& target) {
      links.push_back({*kind, add_reference(s, reference::target::event, file, target), at(file, target)});
    };
    if (value.kind == record::type::sequence) {
      for (const record& target : value.children) add_link(target);
    } else {
      add_link(value);  // part_of holds one id
    }
  }
  e.links = s.tl.store.store(std::span<const link>(links));
  build_claims(s, file, field("claims"), e);
  if (const record* m = field("media"); m && m->kind == record::type::mapping) {
    media_item media{e.id, text_of(m->get("url")), text_of(m->get("caption")), text_of(m->get("credit")),
                     text_of(m->get("alt")), at(file, *m)};
    bool keep = true;  // a refused media is kept by no output
    if (!media.url.empty() && media.alt.empty()) {
      s.report(severity::error, "missing-alt", media.pos, "media with a 'url' needs 'alt', the media in words",
               "add alt: 'what the image shows'");
      keep = false;
    }
    if (const auto problem = media_url_problem(media.url)) {
      s.report(severity::error, "unsafe-url", at(file, *m->get("url")), *problem,
               "link media over https, or name an image file inside the timeline's folder");
      keep = false;
    }
    if (keep) s.tl.media.push_back(std::move(media));
  }
  if (const record* a = field("action"); a && a->kind == record::type::mapping) {  // the schema checked its words
    action_item item;
    item.event = e.id;
    item.pos = at(file, *a);
    if (const record* owner = a->get("owner")) item.owner = build_person(s, file, *owner);
    item.url = checked_url(s, file, a->get("url"), "action item url", "link the action item's ticket over https");
    for (auto k : {action_item::kind::mitigate, action_item::kind::prevent, action_item::kind::process})
      if (text_of(a->get("type")) == to_string(k)) item.type = k;
    for (auto st : {action_item::state::open, action_item::state::in_progress, action_item::state::done})
      if (text_of(a->get("status")) == to_string(st)) item.status = st;
    s.tl.actions.push_back(std::move(item));
  }
  if (const record* u = scalar("update")) {
    for (auto to : {status_update::audience::customer, status_update::audience::internal})
      if (u->text == to_string(to)) s.tl.updates.push_back({e.id, to, at(file, *u)});
  }
  if (const record* m = scalar("milestone")) {  // the schema checked the name
    if (const auto kind = parse_milestone(m->text)) s.tl.milestones.push_back({*kind, e.id, at(file, *m)});
  }
  s.tl.events.push_back(std::move(e));
}

void build_header_entry(build_state& s, std::uint32_t file, const record& key, const record& value) {
  file_header& h = s.tl.files[file];
  const std::string& k = key.text;
  if (k == "timeline") {
    h.id = s.tl.names.intern(value.text);
  } else if (k == "title") {
    h.title = value.text;
  } else if (k == "timezone") {
    if (check_zone(s, file, value)) h.timezone = value.text;
  } else if (k == "reference") {
    const std::string& t = value.text;  // the schema checked YYYY-MM-DD
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(t.data(), t.data() + 4, y);
    std::from_chars(t.data() + 5, t.data() + 7, m);
    std::from_chars(t.data() + 8, t.data() + 10, d);
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) {
      s.report(severity::error, "invalid-date", at(file, value), "'" + t + "' is not a calendar date");
    } else {
      h.reference = std::chrono::sys_days{ymd};
    }
  } else if (k == "incident") {
    build_incident(s, file, value);
  } else if (k == "factors") {
    build_factors(s, file, value);
  } else if (k == "eras") {
    for (const record& item : value.children) {
      const record* id = item.get("id");
      const record* date = item.get("date");
      if (!id || !date) continue;  // the schema reported it
      s.tl.eras.push_back({s.tl.names.intern(id->text), text_of(item.get("title")),
                           life_date{date->text, at(file, *date), std::nullopt, {}, {}}});
    }
  } else if (k == "actors" || k == "places" || k == "sources") {
    for (std::size_t i = 0; i + 1 < value.children.size(); i += 2) {
      const record& id = value.children[i];
      const record& v = value.children[i + 1];
      const symbol sym = s.tl.names.intern(id.text);
      const source_pos pos = at(file, id);
      if (k == "actors") {
        const auto life = [&](const char* field) { return build_life_date(s, file, v.get(field)); };
        actor a{sym, text_of(v.get("name")), text_of(v.get("description")), pos, life("born"), life("died"), {}, {}};
        a.aliases = texts_of(v.get("aliases"));
        a.native = text_of(v.get("native"));
        if (const record* script = v.get("script")) {
          if (v.get("native")) {
            s.report(severity::error, "schema", at(file, *script), "'script' and 'native' name the same thing: give one",
                     "native: the name in its own language and script");
          } else {
            a.native = script->text;
          }
        }
        add_entity(s.tl.actors, s.actor_index, std::move(a));
      } else if (k == "places") {
        place pl{sym, text_of(v.get("name")), text_of(v.get("country")), pos, {}};
        if (const record* names = v.get("names")) {
          for (const record& n : names->children) {
            const record* date = n.get("date");
            if (!date || !n.get("name")) continue;  // the schema reported it
            pl.names.push_back({n.get("name")->text, life_date{date->text, at(file, *date), std::nullopt, {}, {}}});
          }
        }
        add_entity(s.tl.places, s.place_index, std::move(pl));
      } else {
        std::string url = text_of(v.get("url"));
        if (const auto problem = source_url_problem(url)) {  // reported, and kept from every output
          s.report(severity::error, "unsafe-url", at(file, *v.get("url")), *problem, "link sources over https");
          url.clear();
        }
        add_entity(s.tl.sources, s.source_index,
                   {sym, text_of(v.get("title")), std::move(url), text_of(v.get("date")), pos, text_of(v.get("author")),
                    text_of(v.get("year")), text_of(v.get("publisher"))});
      }
    }
  }
}

}  // namespace annals
