#include "annals/load.hpp"

#include <algorithm>
#include <unordered_map>

#include "builder.hpp"
#include "encoding.hpp"
#include "schema.hpp"
#include "yaml_stream.hpp"

namespace annals {

namespace {

// Reads one file's YAML: each event is schema-checked and built as it arrives;
// the header entries are kept (they are small) and checked at the end.
// `events_read` counts the events of all files read so far (for the event limit).
void load_file(build_state& state, std::uint32_t file, const std::string& bytes, const load_options& options,
               std::size_t& events_read) {
  if (auto bad = check_encoding(bytes)) {
    state.report(severity::error, "yaml-syntax", {file, bad->line, bad->column}, bad->message);
    return;
  }
  ynode header;
  header.kind = ynode::type::mapping;
  header.line = header.column = 1;
  std::size_t event_number = 0;

  yaml_sink sink;
  sink.header = [&](ynode key, ynode value) {
    header.children.push_back(std::move(key));
    header.children.push_back(std::move(value));
  };
  sink.event = [&](ynode item) {
    ++events_read;
    auto issues = check_event(item, event_number++);
    if (issues.empty()) {
      build_event(state, file, item);
      return;
    }
    for (const schema_issue& i : issues) {
      state.report(severity::error, "schema", {file, i.line, i.column}, i.message);
    }
    if (const ynode* id = item.get("id"); id && id->kind == ynode::type::scalar) {
      state.broken_ids.push_back(state.tl.names.intern(id->text));
    }
  };
  yaml_limits limits;
  limits.max_depth = options.max_depth;
  limits.max_scalar_bytes = options.max_scalar_bytes;
  limits.max_events = options.max_events;
  limits.events_before = events_read;
  const auto errors = read_yaml(bytes, limits, sink);
  for (const yaml_error& e : errors) {
    state.report(severity::error, e.code, {file, e.line, e.column}, e.message);
  }
  // After a YAML error the header is incomplete: checking it would mislead.
  if (!errors.empty()) return;

  // An empty `events:` (null) reads as no events at all.
  const auto issues = check_header(header);
  for (const schema_issue& i : issues) {
    state.report(severity::error, "schema", {file, i.line, i.column}, i.message);
  }
  for (std::size_t i = 0; i + 1 < header.children.size(); i += 2) {
    const ynode& key = header.children[i];
    const ynode& value = header.children[i + 1];
    // Entities are built even when one of their fields is wrong, so that
    // references to them do not cascade into unknown-reference errors.
    const std::string prefix = '/' + key.text;
    const bool clean = std::none_of(issues.begin(), issues.end(), [&](const schema_issue& issue) {
      return issue.pointer == prefix;
    });
    const bool entities = key.text == "actors" || key.text == "places" || key.text == "sources";
    const bool partly_clean = std::none_of(issues.begin(), issues.end(), [&](const schema_issue& issue) {
      return issue.pointer.starts_with(prefix + '/');
    });
    if (clean && (entities || partly_clean)) build_header_entry(state, file, key, value);
  }
}

// Dates are normalized once each file's header is known (a file may list its
// `reference` after its events).
void normalize_dates(build_state& state, const load_options& options) {
  std::size_t zone_index = 0;
  auto& events = state.tl.events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    event& e = events[i];
    std::string_view zone = state.tl.files[e.pos.file].timezone;
    while (zone_index < state.event_zones.size() && state.event_zones[zone_index].first < i) ++zone_index;
    if (zone_index < state.event_zones.size() && state.event_zones[zone_index].first == i) {
      zone = state.event_zones[zone_index].second;
    }
    if (e.relative) continue;
    date_context context;
    context.reference = options.reference ? options.reference : state.tl.files[e.pos.file].reference;
    context.timezone = zone;
    context.cal = e.date.cal;
    date_result r = normalize_date(e.date_text, context);
    if (r.ok()) {
      e.date = r.value;
      continue;
    }
    source_pos pos = e.date_pos;
    pos.column += r.error->offset;  // where reading stopped, when the text is on one line
    state.report(severity::error, r.error->code, pos, r.error->message, r.error->hint);
  }
}

std::string_view target_name(reference::target t) {
  switch (t) {
    case reference::target::actor: return "actor";
    case reference::target::place: return "place";
    case reference::target::source: return "source";
    case reference::target::event: return "event";
  }
  return "";
}

// duplicate-id and unknown-reference, across every file loaded together.
void check_references(build_state& state) {
  timeline& tl = state.tl;
  const std::size_t n = tl.names.size();
  // For each symbol, what it names: bit per target kind.
  std::vector<std::uint8_t> defined(n, 0);
  auto bit = [](reference::target t) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(t)); };
  std::vector<source_pos> first(n);

  auto define = [&](reference::target t, symbol id, source_pos pos, std::string_view what) {
    if (defined[id] & bit(t)) {
      const source_pos f = first[id];
      state.report(severity::error, "duplicate-id", pos,
                   std::string(what) + " '" + std::string(tl.names.name(id)) + "' is already defined at " +
                       tl.file_of(f) + ":" + std::to_string(f.line) + ":" + std::to_string(f.column));
      return;
    }
    defined[id] |= bit(t);
    if (t == reference::target::event || first[id].line == 0) first[id] = pos;
  };
  for (const actor& a : tl.actors) define(reference::target::actor, a.id, a.pos, "actor");
  for (const place& p : tl.places) define(reference::target::place, p.id, p.pos, "place");
  for (const source& s : tl.sources) define(reference::target::source, s.id, s.pos, "source");
  for (const event& e : tl.events) define(reference::target::event, e.id, e.pos, "event");
  for (symbol id : state.broken_ids) defined[id] |= bit(reference::target::event);

  std::unordered_map<unsigned, std::vector<std::string_view>> candidates;
  auto names_of = [&](reference::target t) -> const std::vector<std::string_view>& {
    auto [it, added] = candidates.try_emplace(static_cast<unsigned>(t));
    if (added) {
      for (symbol s = 0; s < n; ++s) {
        if (defined[s] & bit(t)) it->second.push_back(tl.names.name(s));
      }
    }
    return it->second;
  };
  // A hint compares the unknown name with every defined one; past this many
  // comparisons in one load, unknown references get no hint, so that a file with a
  // million of them stays linear.
  constexpr std::size_t hint_budget = 2'000'000;
  std::size_t hint_work = 0;
  for (const reference& r : state.references) {
    if (r.id < n && (defined[r.id] & bit(r.to))) continue;
    const std::string name(tl.names.name(r.id));
    std::string hint;
    const std::vector<std::string_view>& known = names_of(r.to);
    hint_work += known.size();
    if (auto near = hint_work <= hint_budget ? spellcheck(name, known) : std::string_view(); !near.empty()) {
      hint = "did you mean '" + std::string(near) + "'?";
    }
    state.report(severity::error, "unknown-reference", r.pos,
                 "unknown " + std::string(target_name(r.to)) + " '" + name + "'", hint);
  }
}

}  // namespace

load_result load(const std::vector<std::string>& paths, file_reader& reader, const load_options& options) {
  load_result result;
  build_state state{result.tl, result.diagnostics, {}, {}, {}};
  std::size_t events_read = 0;
  for (const std::string& path : paths) {
    read_result r = reader.read(path, options.max_file_bytes);
    if (r.too_large || r.bytes.size() > options.max_file_bytes) {
      // An input error, not an unreadable file: the file is there, but annals will not hold it.
      result.diagnostics.push_back({severity::error, "too-large", path, 0, 0,
                                    "file larger than the limit of " + std::to_string(options.max_file_bytes) +
                                        " bytes",
                                    ""});
      continue;
    }
    if (r.error) {
      result.diagnostics.push_back({severity::error, "io-error", path, 0, 0, *r.error, ""});
      result.io_failed = true;
      continue;
    }
    const auto file = static_cast<std::uint32_t>(result.tl.files.size());
    result.tl.files.push_back({path, no_symbol, {}, {}, {}, {file, 1, 1}});
    load_file(state, file, r.bytes, options, events_read);
  }
  normalize_dates(state, options);
  check_references(state);
  result.tl.index_events();
  return result;
}

}  // namespace annals
