// Hover: on an event's date, its interval, its label and what its links inferred; on an
// id, the event, actor, place or source it names.
#include "annals/commands.hpp"
#include "lsp/context.hpp"
#include "lsp/ids.hpp"
#include "lsp/schema_path.hpp"
#include "lsp/state.hpp"
#include "model/link_table.hpp"
#include "time/date_label.hpp"

namespace annals::lsp {
namespace {

// Markdown's inline code, wide enough for backticks inside.
std::string code(std::string_view text) {
  std::string fence = "`";
  while (text.find(fence) != std::string_view::npos) fence += '`';
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string event_title(const timeline& tl, symbol id) {
  const auto i = tl.find_event(id);
  return i ? std::string(tl.events[*i].title) : std::string();
}

// The date of event `i`: as written, its interval, its label, and what links did to it.
std::string date_text(const validation& v, std::size_t i) {
  const timeline& tl = v.loaded.tl;
  const event& e = tl.events[i];
  std::string out;
  if (!e.date_text.empty()) out += "date " + code(e.date_text) + "\n\n";
  const bool bounds = i < v.chron.bounds.size();
  if (e.relative) {
    if (bounds) {
      const event_bounds& b = v.chron.bounds[i];
      out += "resolved: " + range_label(b.start_min, b.end_max, e.date.prec, e.date.tz) + "\n\n";
    }
  } else {
    out += describe_date(e.date) + "\n\n";
    if (bounds && i < v.chron.narrowed.size() && v.chron.narrowed[i]) {
      const event_bounds& b = v.chron.bounds[i];
      out += "inferred from its links: " + range_label(b.start_min, b.end_max, e.date.prec, e.date.tz) + "\n\n";
    }
  }
  // What holds it in time: its own links, and the links of others to it.
  std::string links;
  for (const link& l : e.links) {
    links += "- " + std::string(link_words(l.kind, true)) + " " + in_quotes(tl.names.name(l.target));
    if (const std::string t = event_title(tl, l.target); !t.empty()) links += ": " + t;
    links += "\n";
  }
  for (std::size_t j = 0; j < tl.events.size(); ++j) {
    for (const link& l : tl.events[j].links) {
      if (l.target != e.id) continue;
      links += "- " + std::string(link_words(l.kind, false)) + " " + in_quotes(tl.names.name(tl.events[j].id)) + ": " +
               std::string(tl.events[j].title) + "\n";
    }
  }
  if (!links.empty()) out += "links:\n" + links;
  return out;
}

std::string event_text(const validation& v, std::size_t i) {
  const timeline& tl = v.loaded.tl;
  const event& e = tl.events[i];
  std::string out = "**" + std::string(e.title) + "** (event " + in_quotes(tl.names.name(e.id)) + ")\n\n";
  if (e.kind != no_symbol) out += "kind: " + std::string(tl.names.name(e.kind)) + "\n\n";
  if (!e.actors.empty()) {
    out += "actors:";
    for (const symbol a : e.actors) out += " " + std::string(tl.names.name(a));
    out += "\n\n";
  }
  if (e.place != no_symbol) out += "place: " + std::string(tl.names.name(e.place)) + "\n\n";
  out += date_text(v, i);
  if (!e.description.empty()) out += "\n" + std::string(e.description) + "\n";
  return out;
}

std::string life(const life_date& d) { return d.text.empty() ? "?" : d.text; }

std::string entity_text(const validation& v, id_kind k, std::string_view id) {
  const timeline& tl = v.loaded.tl;
  const auto named = [&](symbol s) { return tl.names.name(s) == id; };
  switch (k) {
    case id_kind::event:
      if (const auto i = tl.find_event(id)) return event_text(v, *i);
      break;
    case id_kind::actor:
      for (const actor& a : tl.actors) {
        if (!named(a.id)) continue;
        std::string out = "**" + (a.name.empty() ? std::string(id) : a.name) + "** (actor " + in_quotes(id) + ")\n\n";
        if (!a.native.empty()) out += a.native + "\n\n";
        if (!a.born.text.empty() || !a.died.text.empty()) out += "lived: " + life(a.born) + " – " + life(a.died) + "\n\n";
        if (!a.aliases.empty()) {
          out += "also:";
          for (const std::string& n : a.aliases) out += " " + n;
          out += "\n\n";
        }
        if (!a.description.empty()) out += a.description + "\n";
        return out;
      }
      break;
    case id_kind::place:
      for (const place& p : tl.places) {
        if (!named(p.id)) continue;
        std::string out = "**" + (p.name.empty() ? std::string(id) : p.name) + "** (place " + in_quotes(id) + ")\n\n";
        if (!p.country.empty()) out += "country: " + p.country + "\n\n";
        for (const dated_name& n : p.names) out += "- " + n.name + " (" + n.date.text + ")\n";
        return out;
      }
      break;
    case id_kind::source:
      for (const source& src : tl.sources) {
        if (!named(src.id)) continue;
        std::string out = "**" + (src.title.empty() ? std::string(id) : src.title) + "** (source " + in_quotes(id) + ")\n\n";
        if (!src.author.empty()) out += "author: " + src.author + "\n\n";
        if (!src.year.empty()) out += "year: " + src.year + "\n\n";
        if (!src.publisher.empty()) out += "publisher: " + src.publisher + "\n\n";
        if (!src.date.empty()) out += "date: " + src.date + "\n\n";
        if (!src.url.empty()) out += src.url + "\n";
        return out;
      }
      break;
    case id_kind::none: break;
  }
  return {};
}

// The id of the event whose item holds 0-based line `line` of `path`.
std::string event_at_line(const workspace& ws, const std::string& path, std::uint32_t line) {
  const workspace::file_tree* tree = ws.tree(path);
  if (!tree) return {};
  const record* holder = nullptr;
  for (const record& e : tree->events) {
    if (e.line == 0 || e.line > line + 1) break;
    holder = &e;
  }
  if (!holder || holder->kind != record::type::mapping) return {};
  const record* id = holder->get("id");
  return id && id->kind == record::type::scalar ? id->text : std::string();
}

}  // namespace

json hover(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const text_position at = document_position(s, path, params);
  const std::string* text = s.ws.text(path);
  if (!text) return nullptr;
  const line_index lines(*text);
  const context cx = context_at(lines, at.line, at.column);
  const validation& v = s.ws.check();
  std::string markdown;
  json range;
  if (const id_kind k = id_at(cx.path, cx.at_key); k != id_kind::none && !cx.word.empty()) {
    markdown = entity_text(v, k, cx.word);
    if (markdown.empty()) {
      // Not in the checked timeline (its file stopped reading early): what the trees hold.
      for (const occurrence& o : occurrences(s.ws)) {
        if (o.defines && o.kind == k && o.id == cx.word) {
          markdown = "**" + (o.detail.empty() ? o.id : o.detail) + "** (" + std::string(to_string(k)) + " " +
                     in_quotes(o.id) + ")\n";
          break;
        }
      }
    }
    if (markdown.empty()) markdown = "no " + std::string(to_string(k)) + " " + in_quotes(cx.word) + " is defined";
    range = line_range(lines, s.enc, cx.line, cx.word_start, cx.word_end);
  } else if (cx.at_key && !cx.word.empty()) {
    // A field: what the schema says of it.
    yaml_path field = cx.path;
    field.push_back(cx.word);
    const json* node = schema_at(field);
    if (!node) return nullptr;
    markdown = "**" + cx.word + "**";
    if (const auto k = parse_link_kind(cx.word); k && cx.path.size() == 2 && cx.path[0] == "events")
      markdown += ": a link, read from this event as '" + std::string(link_words(*k, true)) + "', from the other as '" +
                  std::string(link_words(*k, false)) + "'";
    // The description beside the field's $ref, else its target's.
    const json* parent = schema_at(cx.path);
    const json* own = parent && parent->contains("properties") && (*parent)["properties"].contains(cx.word)
                          ? &(*parent)["properties"][cx.word]
                          : node;
    if (const std::string d = schema_description(*own); !d.empty()) markdown += "\n\n" + d;
    range = line_range(lines, s.enc, cx.line, cx.word_start, cx.word_end);
  } else {
    // A date: an event's `date` (or the `on` of its mapping).
    const yaml_path& p = cx.path;
    const bool date = !cx.at_key && p.size() >= 3 && p[0] == "events" && p[1] == "-" && p[2] == "date" &&
                      (p.size() == 3 || (p.size() == 4 && p[3] == "on"));
    if (!date) return nullptr;
    const std::string id = event_at_line(s.ws, path, at.line);
    const auto i = id.empty() ? std::nullopt : v.loaded.tl.find_event(id);
    if (!i) return nullptr;
    const event& e = v.loaded.tl.events[*i];
    markdown = "**" + std::string(e.title) + "** (event " + in_quotes(id) + ")\n\n" + date_text(v, *i);
  }
  json out = {{"contents", {{"kind", "markdown"}, {"value", markdown}}}};
  if (!range.is_null()) out["range"] = range;
  return out;
}

}  // namespace annals::lsp
