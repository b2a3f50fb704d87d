// json: SPEC §6 `render --format json`, described by schemas/render.schema.json.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/date_command.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

// `text` as a JSON string, escaped as nlohmann's dump escapes it (ensure_ascii off;
// invalid UTF-8 becomes U+FFFD rather than an exception): the approved outputs were
// written so. This is not escape_json, which also escapes `<` `>` `&` for HTML.
void append_string(std::string& out, std::string_view text) {
  // Printable ASCII other than `"` and `\` is written as it is; the rest is left to nlohmann.
  const bool plain = std::all_of(text.begin(), text.end(),
                                 [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

// Writes JSON text laid out exactly as nlohmann's dump with an indent of 2 lays out a
// document, one member at a time, so that no event becomes a json value: each member
// or element on its own line, two spaces deeper than its container; an empty object or
// array is `{}` or `[]`.
class pretty_json {
 public:
  /// Appends to `out` a value that sits `depth` levels deep in its document.
  pretty_json(std::string& out, std::size_t depth) : out_(out), depth_(depth) {}

  void begin_object() { begin('{'); }
  void end_object() { end('}'); }
  void begin_array() { begin('['); }
  void end_array() { end(']'); }

  /// Starts the next member of the open object; its value follows.
  pretty_json& field(std::string_view name) {
    item();
    append_string(out_, name);
    out_ += ": ";
    return *this;
  }
  /// Starts the next element of the open array; its value follows.
  pretty_json& item() {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
    return *this;
  }

  void string(std::string_view s) { append_string(out_, s); }
  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  /// A value that is already JSON text.
  void raw(std::string_view json_text) { out_ += json_text; }
  /// A string, or null when there is none.
  void string_or_null(std::string_view s, bool none) { none ? null() : string(s); }

 private:
  void begin(char bracket) {
    out_ += bracket;
    empty_.push_back(true);
  }
  void end(char bracket) {
    const bool empty = empty_.back();
    empty_.pop_back();
    if (!empty) newline();
    out_ += bracket;
  }
  // Starts a line at the depth of the innermost open container's contents.
  void newline() {
    out_ += '\n';
    out_.append(2 * (depth_ + empty_.size()), ' ');
  }

  std::string& out_;
  std::size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
};

void write_bound(pretty_json& w, instant t, precision p, bool open) {
  // Bounds finer than a day are written as UTC timestamps (SPEC §3).
  w.string_or_null(open ? std::string() : format_bound(t, p), open);
}

void write_names(pretty_json& w, const timeline& tl, std::span<const symbol> symbols) {
  w.begin_array();
  for (symbol s : symbols) w.item().string(tl.names.name(s));
  w.end_array();
}

// `key`: the actors or places, each its id, name and `extra` field when it has one.
template <typename Entity>
void write_named(pretty_json& w, const timeline& tl, std::string_view key, const std::vector<Entity>& entities,
                 std::string_view extra, std::string Entity::*extra_field) {
  w.field(key).begin_array();
  for (const Entity& e : entities) {
    w.item().begin_object();
    w.field("id").string(tl.names.name(e.id));
    w.field("name").string(e.name);
    if (!(e.*extra_field).empty()) w.field(extra).string(e.*extra_field);
    w.end_object();
  }
  w.end_array();
}

void write_date(pretty_json& w, const timeline& tl, const chronology& chron, std::size_t i) {
  const event& e = tl.events[i];
  const temporal_value& d = e.date;
  // The fields of `annals date --format json`, from the very writer that command uses,
  // between the original text and a label.
  w.begin_object();
  w.field("input").string(e.date_text);
  for (const auto& [name, value] : date_json_fields(d)) w.field(name).raw(value);
  w.field("text").string(e.date_text);
  w.field("label").string(date_label(d));
  const shown_bounds b = bounds_of(tl, chron, i);
  if (b.inferred) {
    w.field("inferred").begin_object();
    write_bound(w.field("earliest"), b.inferred_earliest, d.prec, b.inferred_earliest == open_start);
    write_bound(w.field("latest"), b.inferred_latest, d.prec, b.inferred_latest == open_end);
    w.end_object();
  }
  w.end_object();
}

void write_event(pretty_json& w, const timeline& tl, const chronology& chron, std::size_t i) {
  const event& e = tl.events[i];
  w.begin_object();
  w.field("id").string(tl.names.name(e.id));
  w.field("title").string(e.title);
  if (!e.description.empty()) w.field("description").string(e.description);
  write_date(w.field("date"), tl, chron, i);
  if (e.kind != no_symbol) w.field("kind").string(tl.names.name(e.kind));
  write_names(w.field("actors"), tl, e.actors);
  if (e.place != no_symbol) w.field("place").string(tl.names.name(e.place));
  write_names(w.field("tags"), tl, e.tags);
  write_names(w.field("sources"), tl, e.sources);
  w.field("links").begin_array();
  for (const link& l : e.links) {
    w.item().begin_object();
    w.field("kind").string(to_string(l.kind));
    w.field("target").string(tl.names.name(l.target));
    w.end_object();
  }
  w.end_array();
  w.field("order_uncertain").boolean(i < chron.order_uncertain.size() && chron.order_uncertain[i]);
  w.end_object();
}

// The fields of a file header: its id, title, reference day and timezone.
void write_file_fields(pretty_json& w, const timeline& tl, const file_header& f) {
  w.field("id").string_or_null(tl.names.name(f.id), f.id == no_symbol);
  w.field("title").string(f.title);
  w.field("reference")
      .string_or_null(f.reference ? format_bound(instant{*f.reference}, precision::day) : "", !f.reference);
  w.field("timezone").string_or_null(f.timezone, f.timezone.empty());
}

void write_header(pretty_json& w, const timeline& tl) {
  w.begin_object();
  if (!tl.files.empty()) write_file_fields(w, tl, tl.files.front());
  w.field("files").begin_array();
  for (const file_header& f : tl.files) {
    w.item().begin_object();
    write_file_fields(w, tl, f);
    w.end_object();
  }
  w.end_array();
  write_named(w, tl, "actors", tl.actors, "description", &actor::description);
  write_named(w, tl, "places", tl.places, "country", &place::country);
  w.field("sources").begin_array();
  for (const source& s : tl.sources) {
    w.item().begin_object();
    w.field("id").string(tl.names.name(s.id));
    w.field("title").string(s.title);
    if (!s.url.empty()) w.field("url").string(s.url);
    if (!s.date.empty()) w.field("date").string(s.date);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

class json_renderer final : public renderer {
 public:
  // Streams: the header, then one event at a time, each written into one reused buffer.
  // The bytes are those of the whole document dumped by nlohmann with an indent of 2.
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    std::string text = "{\n  \"timeline\": ";
    pretty_json header(text, 1);
    write_header(header, tl);
    text += ",\n  \"events\": [";
    out << text;
    pretty_json event(text, 2);
    bool first = true;
    for (std::uint32_t i : chron.order) {
      text.assign(first ? "\n    " : ",\n    ");
      write_event(event, tl, chron, i);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      first = false;
    }
    out << (first ? "]\n}\n" : "\n  ]\n}\n");
  }
};

}  // namespace

std::unique_ptr<renderer> make_json_renderer() { return std::make_unique<json_renderer>(); }

}  // namespace annals
