#include "import/into.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "annals/timeline_builder.hpp"
#include "annals/yaml_writer.hpp"
#include "input/split.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

namespace {

// One change to the text: `remove` bytes at `at` replaced by `insert`.
struct edit {
  std::size_t at, remove;
  std::string insert;
};

std::size_t line_end(std::string_view text, std::size_t at) {
  const std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

bool blank_or_comment(std::string_view line) {
  const std::size_t i = line.find_first_not_of(" \r\n");
  return i == std::string_view::npos || line[i] == '#';
}

// [begin, end) moved back over the blank and comment lines it ends with: those belong
// to what follows (a comment above the next item stays above it).
std::size_t trim_trailing(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> starts;
  for (std::size_t at = begin; at < end; at = line_end(text, at)) starts.push_back(at);
  while (starts.size() > 1) {
    const std::size_t s = starts.back();
    if (!blank_or_comment(text.substr(s, line_end(text, s) - s))) break;
    end = s;
    starts.pop_back();
  }
  return end;
}

std::size_t indent_at(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - at;
}

// The byte offset of the start of 1-based `line`.
std::size_t offset_of_line(std::string_view text, std::uint32_t line) {
  std::size_t at = 0;
  for (std::uint32_t l = 1; l < line && at < text.size(); ++l) at = line_end(text, at);
  return at;
}

// The top-level block `key:` of the file: where its first line starts, and where its
// block ends (the next line at column 0 that is not blank or a comment).
struct block {
  std::size_t begin = 0, end = 0;
};

std::optional<block> top_level(std::string_view text, std::string_view key) {
  for (std::size_t at = 0; at < text.size(); at = line_end(text, at)) {
    const std::string_view line = text.substr(at, line_end(text, at) - at);
    if (!line.starts_with(key) || line.size() <= key.size() || line[key.size()] != ':') continue;
    std::size_t end = line_end(text, at);
    while (end < text.size()) {
      const std::string_view next = text.substr(end, line_end(text, end) - end);
      if (!blank_or_comment(next) && next.front() != ' ') break;
      end = line_end(text, end);
    }
    return block{at, trim_trailing(text, at, end)};
  }
  return std::nullopt;
}

const std::string* text_of(const record& header, std::string_view key) {
  const record* r = header.get(key);
  return r && r->kind == record::type::scalar ? &r->text : nullptr;
}

// Whether two dates mean the same interval, each read as its own file reads it (its
// `reference` and `timezone`): then the file's own words for it are kept.
bool same_interval(const record& header_a, const record& date_a, const record& header_b, const record& date_b) {
  if (date_a.kind != record::type::scalar || date_b.kind != record::type::scalar) return false;
  if (date_a.text == date_b.text && !text_of(header_a, "timezone") == !text_of(header_b, "timezone")) return true;
  timeline_builder builder;
  const auto add = [&](const record& header, const record& date) {
    const std::uint32_t origin = builder.add_origin("date");
    for (const std::string_view key : {"reference", "timezone"}) {
      if (const record* v = header.get(key)) builder.add_entry(origin, record::string(std::string(key)), *v);
    }
    record e = record::mapping(1, 1);
    e.set("id", record::string("e" + std::to_string(origin)));
    e.set("title", record::string("t"));
    e.set("date", date);
    builder.add_event(origin, e);
  };
  add(header_a, date_a);
  add(header_b, date_b);
  const load_result r = builder.finish();
  if (!r.diagnostics.empty() || r.tl.events.size() != 2) return false;
  const temporal_value& a = r.tl.events[0].date;
  const temporal_value& b = r.tl.events[1].date;
  return a.earliest == b.earliest && a.latest == b.latest;
}

std::string id_of(const record& event) {
  const record* id = event.get("id");
  return id && id->kind == record::type::scalar ? id->text : std::string();
}

}  // namespace

into_result merge_into(std::string_view original, const record& document, const std::vector<std::string>& notes) {
  into_result out;
  std::string_view existing = original;
  // What the file has: its header entries and its events, with their lines.
  record header = record::mapping(1, 1);
  std::vector<record> events;
  yaml_sink sink;
  sink.header = [&](record k, record v) {
    header.children.push_back(std::move(k));
    header.children.push_back(std::move(v));
  };
  sink.event = [&](record item) { events.push_back(std::move(item)); };
  if (const auto errors = read_yaml(existing, {}, sink); !errors.empty()) {
    out.error = "it does not read as YAML (line " + std::to_string(errors.front().line) + ": " + errors.front().message + ")";
    return out;
  }
  std::optional<events_split> split = split_events(existing);
  // A file with no events yet (`events: []`, or no `events:`): its list becomes a block
  // list, empty, which the import's events then fill.
  std::string emptied;
  if (!split && events.empty()) {
    emptied = existing;
    const auto list = top_level(emptied, "events");
    std::size_t at = emptied.size();
    if (list) {
      emptied.replace(list->begin, list->end - list->begin, "events:\n");
      at = list->begin;
    } else {
      if (!emptied.empty() && emptied.back() != '\n') emptied += '\n';
      at = emptied.size();
      emptied += "events:\n";
    }
    existing = emptied;
    split = events_split{};
    split->end = at + 8;
  }
  if (!split || split->items.size() != events.size()) {
    out.error = "its events are not a block list (`events:` then `- id: ...` items) that can be edited in place";
    return out;
  }
  std::map<std::string, std::size_t, std::less<>> index;  // id -> item
  for (std::size_t i = 0; i < events.size(); ++i) index.emplace(id_of(events[i]), i);

  // Relative dates would move under another reference: refused. Dates read in another
  // zone keep theirs, as the event's own (`{on, tz}`).
  const std::string* their_reference = text_of(header, "reference");
  const std::string* my_reference = text_of(document, "reference");
  if (my_reference && (!their_reference || *their_reference != *my_reference)) {
    out.error = "the import reads its dates against the reference " + *my_reference + ", the file against " +
                (their_reference ? *their_reference : std::string("none")) +
                ": give --reference " + (their_reference ? *their_reference : std::string("its date")) +
                (their_reference ? "" : " and add it to the file") + ", so that relative dates keep their days";
    return out;
  }
  const std::string* their_zone = text_of(header, "timezone");
  const std::string* my_zone = text_of(document, "timezone");
  const bool other_zone = my_zone && (!their_zone || *their_zone != *my_zone);

  std::vector<edit> edits;
  const std::size_t item_indent = split->items.empty() ? 2 : indent_at(existing, split->items.front());
  std::string appended;
  if (const record* list = document.get("events")) {
    for (const record& imported : list->children) {
      const auto it = index.find(id_of(imported));
      record e = imported;
      bool date_from_file = false;  // the file's own date text kept: in its zone already
      // Updated in place: the imported fields replace the file's, the others stay, and a
      // date that means the same interval keeps the file's words.
      if (it != index.end()) {
        const record& old = events[it->second];
        record merged = record::mapping();
        for (std::size_t i = 0; i + 1 < old.children.size(); i += 2) {
          const std::string& key = old.children[i].text;
          const record* mine = imported.get(key);
          const bool keep = !mine || (key == "date" && same_interval(header, old.children[i + 1], document, *mine));
          merged.children.push_back(old.children[i]);
          merged.children.push_back(keep ? old.children[i + 1] : *mine);
          if (keep && mine) merged.children.back().note = mine->note;
          if (keep && key == "date") date_from_file = true;
        }
        for (std::size_t i = 0; i + 1 < imported.children.size(); i += 2) {
          if (!old.get(imported.children[i].text)) {
            merged.children.push_back(imported.children[i]);
            merged.children.push_back(imported.children[i + 1]);
          }
        }
        merged.note = imported.note;
        e = std::move(merged);
      }
      if (record* date = e.get("date"); date && other_zone && !date_from_file && date->kind == record::type::scalar) {
        record on = record::mapping(date->line, date->column);
        on.note = date->note;
        date->note = 0;
        on.set("on", std::move(*date));
        on.set("tz", record::string(*my_zone));
        *date = std::move(on);
      }
      record one = record::sequence();
      one.push(e);
      const std::string text = write_yaml(one, notes, item_indent);
      if (it == index.end()) {
        appended += text;
        ++out.added;
        continue;
      }
      const std::size_t k = it->second;
      const std::size_t begin = split->items[k];
      const std::size_t end = trim_trailing(existing, begin, k + 1 < split->items.size() ? split->items[k + 1] : split->end);
      edits.push_back({begin, end - begin, text});
      ++out.updated;
    }
  }
  if (!appended.empty()) {
    const std::size_t at = split->items.empty() ? split->end : trim_trailing(existing, split->items.back(), split->end);
    edits.push_back({at, 0, appended});
  }
  // New actors, places and sources: at the end of the file's mapping of them, or a new one.
  std::string new_blocks;
  for (const std::string_view key : {"actors", "places", "sources"}) {
    const record* mine = document.get(key);
    if (!mine || mine->kind != record::type::mapping) continue;
    const record* theirs = header.get(key);
    record fresh = record::mapping();
    for (std::size_t i = 0; i + 1 < mine->children.size(); i += 2) {
      if (theirs && theirs->get(mine->children[i].text)) continue;
      fresh.children.push_back(mine->children[i]);
      fresh.children.push_back(mine->children[i + 1]);
    }
    if (fresh.children.empty()) continue;
    const auto where = top_level(existing, key);
    if (!where || !theirs || theirs->kind != record::type::mapping || theirs->children.empty()) {
      record wrapper = record::mapping();
      wrapper.set(key, std::move(fresh));
      if (where) {
        edits.push_back({where->begin, where->end - where->begin, write_yaml(wrapper, notes)});
      } else {
        new_blocks += write_yaml(wrapper, notes);
      }
      continue;
    }
    const std::size_t child_indent = indent_at(existing, offset_of_line(existing, theirs->children.front().line));
    edits.push_back({where->end, 0, write_yaml(fresh, notes, child_indent)});
  }
  std::sort(edits.begin(), edits.end(), [](const edit& a, const edit& b) { return a.at > b.at; });
  out.text = existing;
  if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
  if (!new_blocks.empty()) out.text += new_blocks;
  for (const edit& e : edits) out.text.replace(e.at, e.remove, e.insert);
  return out;
}

}  // namespace annals
