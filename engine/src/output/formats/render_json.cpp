// json: SPEC §6 `render --format json`, described by schemas/render.schema.json. The bytes
// are those of the whole document dumped by nlohmann with an indent of 2, written one
// event at a time into one reused buffer.

#include <algorithm>
#include <ostream>
#include <span>

#include "annals/duration.hpp"
#include "output/date_json.hpp"
#include "time/date_label.hpp"
#include "output/render_formats.hpp"

namespace annals {

namespace {

void write_names(json_writer& w, const presentation& p, std::span<const symbol> symbols) {
  w.begin_array();
  for (symbol s : symbols) w.item().string(p.name(s));
  w.end_array();
}

// Places with their country and the names they had: each name's text, label and bounds.
void write_places(json_writer& w, const presentation& p) {
  w.field("places").begin_array();
  for (const place& pl : p.places()) {
    w.item().begin_object();
    w.field("id").string(p.name(pl.id));
    w.field("name").string(pl.name);
    if (!pl.country.empty()) w.field("country").string(pl.country);
    if (!pl.names.empty()) {
      w.field("names").begin_array();
      for (const dated_name& n : pl.names) {
        w.item().begin_object();
        w.field("name").string(n.name);
        w.field("text").string(n.date.text);
        if (n.date.value) {
          w.field("label").string(date_label(*n.date.value, p.options.shown));
          write_date_fields(w, *n.date.value);
        }
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

void write_bound(json_writer& w, instant t, precision p, zone tz) {
  const bool open = t == open_start || t == open_end;
  w.string_or_null(open ? std::string() : format_bound(t, p, tz), open);
}

void write_date(json_writer& w, const presentation& p, const event_view& v) {
  const event& e = *v.e;
  const temporal_value& d = v.date;
  w.begin_object();
  w.field("input").string(e.date_text);
  write_date_fields(w, d);
  w.field("text").string(e.date_text);
  w.field("label").string(v.label);
  if (e.relative) {
    w.field("relative").begin_object();
    w.field("relation").string(to_string(e.relative->rel));
    w.field("anchor").string(p.name(e.relative->anchor));
    w.field("by").string_or_null(e.relative->by ? to_iso(*e.relative->by) : std::string(), !e.relative->by);
    w.end_object();
  }
  if (e.readings) {  // a disputed date: each source's reading
    w.field("readings").begin_array();
    for (const date_reading& r : *e.readings) {
      w.item().begin_object();
      w.field("source").string(p.name(r.source));
      w.field("text").string(r.text);
      w.field("label").string(date_label(r.value, p.options.shown));
      write_bound(w.field("earliest"), r.value.earliest, r.value.prec, r.value.tz);
      write_bound(w.field("latest"), r.value.latest, r.value.prec, r.value.tz);
      w.end_object();
    }
    w.end_array();
  }
  if (p.narrowed(v.index)) {
    const event_bounds& b = p.bounds(v.index);
    w.field("inferred").begin_object();
    write_bound(w.field("earliest"), b.start_min, d.prec, d.tz);
    write_bound(w.field("latest"), b.end_max, d.prec, d.tz);
    w.end_object();
  }
  w.end_object();
}

// Where the event's sources say it, for an event one of whose citations has a page or a
// note: every citation, in order, with its locator.
void write_citations(json_writer& w, const event_view& v) {
  if (std::none_of(v.sources.begin(), v.sources.end(), [](const shown_source& s) { return s.at != nullptr; })) return;
  w.field("citations").begin_array();
  for (const shown_source& s : v.sources) {
    w.item().begin_object();
    w.field("source").string(s.id);
    if (s.at) {
      for (const auto& [key, value] : {std::pair{"page", &s.at->page}, std::pair{"pages", &s.at->pages},
                                       std::pair{"note", &s.at->note}}) {
        if (!value->empty()) w.field(key).string(*value);
      }
    }
    w.field("text").string(s.cited);
    w.end_object();
  }
  w.end_array();
}

void write_event(json_writer& w, const presentation& p, const event_view& v) {
  const event& e = *v.e;
  w.begin_object();
  w.field("id").string(p.name(e.id));
  w.field("title").string(e.title);
  if (!e.description.empty()) w.field("description").string(e.description);
  write_date(w.field("date"), p, v);
  if (e.kind != no_symbol) w.field("kind").string(p.name(e.kind));
  write_names(w.field("actors"), p, e.actors);
  if (e.place != no_symbol) w.field("place").string(p.name(e.place));
  if (const place* pl = p.find_place(e.place); pl && !pl->names.empty())  // the name in force then
    w.field("place_name").string(p.place_name(e.place, v.index));
  write_names(w.field("tags"), p, e.tags);
  write_names(w.field("sources"), p, e.sources);
  write_citations(w, v);
  if (v.media) {
    w.field("media").begin_object();
    for (const auto& [key, value] : {std::pair{"url", &v.media->url}, std::pair{"caption", &v.media->caption},
                                     std::pair{"credit", &v.media->credit}, std::pair{"alt", &v.media->alt}}) {
      if (!value->empty()) w.field(key).string(*value);
    }
    w.end_object();
  }
  w.field("links").begin_array();
  for (const shown_link& l : v.links) {
    w.item().begin_object();
    w.field("kind").string(to_string(l.kind));
    w.field("target").string(l.target_id);
    w.end_object();
  }
  w.end_array();
  w.field("heading").string(v.heading);
  w.field("order_uncertain").boolean(v.order_uncertain);
  w.end_object();
}

// The fields of a file header: its id, title, reference day and timezone.
void write_file_fields(json_writer& w, const presentation& p, const file_header& f) {
  w.field("id").string_or_null(p.name(f.id), f.id == no_symbol);
  w.field("title").string(f.title);
  w.field("reference")
      .string_or_null(f.reference ? format_bound(instant{*f.reference}, precision::day) : "", !f.reference);
  w.field("timezone").string_or_null(f.timezone, f.timezone.empty());
}

void write_header(json_writer& w, const presentation& p) {
  w.begin_object();
  if (!p.files().empty()) write_file_fields(w, p, p.files().front());
  w.field("files").begin_array();
  for (const file_header& f : p.files()) {
    w.item().begin_object();
    write_file_fields(w, p, f);
    w.end_object();
  }
  w.end_array();
  w.field("actors").begin_array();
  for (const actor& a : p.actors()) {
    w.item().begin_object();
    w.field("id").string(p.name(a.id));
    w.field("name").string(a.name);
    if (!a.description.empty()) w.field("description").string(a.description);
    if (!a.native.empty()) w.field("native").string(a.native);
    if (!a.aliases.empty()) {
      w.field("aliases").begin_array();
      for (const std::string& alias : a.aliases) w.item().string(alias);
      w.end_array();
    }
    for (const auto& [key, life] : {std::pair{"born", &a.born}, std::pair{"died", &a.died}}) {
      if (!life->value) continue;
      w.field(key).begin_object();
      w.field("text").string(life->text);
      w.field("label").string(date_label(*life->value, p.options.shown));
      write_date_fields(w, *life->value);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
  write_places(w, p);
  w.field("eras").begin_array();
  for (const presentation::shown_era& x : p.eras()) {
    w.item().begin_object();
    w.field("id").string(p.name(x.e->id));
    w.field("title").string(x.e->title);
    w.field("text").string(x.e->date.text);
    w.field("label").string(date_label(*x.e->date.value, p.options.shown));
    write_date_fields(w, *x.e->date.value);
    w.end_object();
  }
  w.end_array();
  w.field("sources").begin_array();
  for (const source& s : p.sources()) {
    w.item().begin_object();
    w.field("id").string(p.name(s.id));
    w.field("title").string(s.title);
    if (!s.url.empty()) w.field("url").string(s.url);
    if (!s.date.empty()) w.field("date").string(s.date);
    for (const auto& [key, value] : {std::pair{"author", &s.author}, std::pair{"year", &s.year},
                                     std::pair{"publisher", &s.publisher}}) {
      if (!value->empty()) w.field(key).string(*value);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_json(const presentation& p, std::ostream& out) {
  std::string text = "{\n  \"timeline\": ";
  json_writer header(text, true, 1);
  write_header(header, p);
  text += ",\n  \"events\": [";
  out << text;
  json_writer event(text, true, 2);
  for (std::size_t k = 0; k < p.size(); ++k) {
    text.assign(k == 0 ? "\n    " : ",\n    ");
    write_event(event, p, p.view(k));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  out << (p.size() == 0 ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace annals
