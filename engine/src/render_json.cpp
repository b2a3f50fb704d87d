// json: SPEC §6 `render --format json`, described by schemas/render.schema.json.

#include <nlohmann/json.hpp>
#include <span>
#include <ostream>

#include "annals/date_command.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

using json = nlohmann::ordered_json;  // keys in the order written: stable, readable output

json bound(instant t, precision p, bool open) {
  if (open) return nullptr;
  // Bounds finer than a day are written as UTC timestamps (SPEC §3).
  return format_bound(t, p);
}

json names_of(const timeline& tl, std::span<const symbol> symbols) {
  json a = json::array();
  for (symbol s : symbols) a.push_back(std::string(tl.names.name(s)));
  return a;
}

json date_of(const timeline& tl, const chronology& chron, std::size_t i) {
  const event& e = tl.events[i];
  const temporal_value& d = e.date;
  // The fields of `annals date --format json`, then the original text and a label.
  // The fields of `annals date --format json`, from the very writer that command uses,
  // then the original text and a label.
  std::string fields = "{";
  append_date_json_fields(fields, d);
  fields += '}';
  json j;
  j["input"] = e.date_text;
  const json parsed = json::parse(fields);  // kept alive: items() only refers to it
  for (const auto& [key, value] : parsed.items()) j[key] = value;
  j["text"] = e.date_text;
  j["label"] = date_label(d);
  const shown_bounds b = bounds_of(tl, chron, i);
  if (b.inferred) {
    j["inferred"] = {{"earliest", bound(b.inferred_earliest, d.prec, b.inferred_earliest == open_start)},
                     {"latest", bound(b.inferred_latest, d.prec, b.inferred_latest == open_end)}};
  }
  return j;
}

json event_of(const timeline& tl, const chronology& chron, std::size_t i) {
  const event& e = tl.events[i];
  json j;
  j["id"] = tl.names.name(e.id);
  j["title"] = e.title;
  if (!e.description.empty()) j["description"] = e.description;
  j["date"] = date_of(tl, chron, i);
  if (e.kind != no_symbol) j["kind"] = tl.names.name(e.kind);
  j["actors"] = names_of(tl, e.actors);
  if (e.place != no_symbol) j["place"] = tl.names.name(e.place);
  j["tags"] = names_of(tl, e.tags);
  j["sources"] = names_of(tl, e.sources);
  json links = json::array();
  for (const link& l : e.links) links.push_back({{"kind", to_string(l.kind)}, {"target", tl.names.name(l.target)}});
  j["links"] = std::move(links);
  j["order_uncertain"] = i < chron.order_uncertain.size() && chron.order_uncertain[i];
  return j;
}

json header_of(const timeline& tl) {
  json j;
  const auto reference = [](const file_header& f) -> json {
    if (!f.reference) return nullptr;
    return format_bound(instant{*f.reference}, precision::day);
  };
  const auto optional_text = [](const std::string& s) -> json { return s.empty() ? json(nullptr) : json(s); };
  if (!tl.files.empty()) {
    const file_header& f = tl.files.front();
    j["id"] = f.id == no_symbol ? json(nullptr) : json(tl.names.name(f.id));
    j["title"] = f.title;
    j["reference"] = reference(f);
    j["timezone"] = optional_text(f.timezone);
  }
  json files = json::array();
  for (const file_header& f : tl.files) {
    files.push_back({{"id", f.id == no_symbol ? json(nullptr) : json(tl.names.name(f.id))},
                     {"title", f.title},
                     {"reference", reference(f)},
                     {"timezone", optional_text(f.timezone)}});
  }
  j["files"] = std::move(files);
  json actors = json::array(), places = json::array(), sources = json::array();
  for (const actor& a : tl.actors) {
    json x = {{"id", tl.names.name(a.id)}, {"name", a.name}};
    if (!a.description.empty()) x["description"] = a.description;
    actors.push_back(std::move(x));
  }
  for (const place& p : tl.places) {
    json x = {{"id", tl.names.name(p.id)}, {"name", p.name}};
    if (!p.country.empty()) x["country"] = p.country;
    places.push_back(std::move(x));
  }
  for (const source& s : tl.sources) {
    json x = {{"id", tl.names.name(s.id)}, {"title", s.title}};
    if (!s.url.empty()) x["url"] = s.url;
    if (!s.date.empty()) x["date"] = s.date;
    sources.push_back(std::move(x));
  }
  j["actors"] = std::move(actors);
  j["places"] = std::move(places);
  j["sources"] = std::move(sources);
  return j;
}

class json_renderer final : public renderer {
 public:
  // Streams: the header, then one event at a time, never a document of them all.
  // The bytes are those of the whole document dumped with an indent of 2.
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    out << "{\n  \"timeline\": " << indented(header_of(tl), 2) << ",\n  \"events\": [";
    bool first = true;
    for (std::uint32_t i : chron.order) {
      out << (first ? "\n    " : ",\n    ") << indented(event_of(tl, chron, i), 4);
      first = false;
    }
    out << (first ? "]\n}\n" : "\n  ]\n}\n");
  }

 private:
  // A value dumped with an indent of 2, as if nested `depth` spaces deep.
  static std::string indented(const json& j, std::size_t depth) {
    // Invalid UTF-8 in the input becomes U+FFFD rather than an exception.
    const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      out += c;
      if (c == '\n') out.append(depth, ' ');
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<renderer> make_json_renderer() { return std::make_unique<json_renderer>(); }

}  // namespace annals
