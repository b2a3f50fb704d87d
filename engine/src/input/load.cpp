#include "annals/load.hpp"

#include <algorithm>
#include <cstring>
#include <atomic>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "input/builder.hpp"
#include "input/file_read.hpp"
#include "time/date_label.hpp"
#include "input/encoding.hpp"
#include "input/schema.hpp"
#include "input/split.hpp"
#include "input/yaml_lint.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

namespace {

constexpr std::size_t progress_every = 8192;  // events between two progress calls

}  // namespace

yaml_limits limits_of(const load_options& options, std::size_t file_bytes) {
  yaml_limits limits;
  limits.max_depth = options.max_depth;
  limits.max_scalar_bytes = options.max_scalar_bytes;
  limits.max_events = options.max_events;
  limits.max_tree_bytes = options.memory_base + options.memory_per_byte * file_bytes;
  limits.max_alias_bytes = 0;  // a file is cut into pieces only when it has no anchor or alias
  return limits;
}

// The limits of a file read as a whole (or its header), with the run's totals.
yaml_limits limits_of(const load_options& options, std::size_t file_bytes, run_totals& run) {
  yaml_limits limits = limits_of(options, file_bytes);
  limits.events_before = run.events;
  limits.max_alias_bytes = options.alias_memory_base + options.alias_memory_per_byte * run.bytes;
  limits.alias_bytes = &run.alias_bytes;
  return limits;
}

namespace {

// The first line longer than the limit: yaml-cpp would hold it whole before any check
// could see it (a 100 MB scalar on one line took 12 s and 400 MB), so it is refused first.
std::optional<std::uint32_t> overlong_line(std::string_view text, std::size_t limit) {
  std::uint32_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    const std::size_t end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    if (end - start > limit) return line;
    start = end + 1;
  }
  return std::nullopt;
}

// One item of `events:`: schema-checked, then built as far as it can be.
}  // namespace

void take_event(build_state& state, std::uint32_t file, const record& item, std::size_t index) {
  const auto issues = check_event(item, index);
  for (const schema_issue& i : issues) {
    state.report(severity::error, "schema", {file, i.line, i.column}, i.message, i.hint);
  }
  if (item.kind != record::type::mapping) return;
  // The fields the issues are in: /events/3/date/on is a problem of `date`.
  std::vector<std::string_view> broken;
  if (!issues.empty()) {
    const std::string prefix = "/events/" + std::to_string(index) + "/";
    for (const schema_issue& i : issues) {
      if (!i.pointer.starts_with(prefix)) continue;
      const std::string_view rest = std::string_view(i.pointer).substr(prefix.size());
      for (std::size_t k = 0; k + 1 < item.children.size(); k += 2) {
        const std::string& name = item.children[k].text;
        if (rest.starts_with(name) && (rest.size() == name.size() || rest[name.size()] == '/')) broken.push_back(name);
      }
    }
  }
  build_event(state, file, item, broken);
}

namespace {

bool is_entities(const record& key) { return key.text == "actors" || key.text == "places" || key.text == "sources"; }

// Which header entries have schema issues: on the entry itself (`/title`) or inside it
// (`/actors/putin/nme`). Made once, so that a header of many entries (100,000 unknown
// keys) costs its entries plus its issues, not their product.
struct header_issues {
  std::unordered_set<std::string> on, inside;

  explicit header_issues(const std::vector<schema_issue>& issues) {
    for (const schema_issue& i : issues) {
      if (i.pointer.empty()) continue;  // the header as a whole
      const std::size_t next = i.pointer.find('/', 1);
      if (next == std::string::npos) on.insert(i.pointer.substr(1));
      else inside.insert(i.pointer.substr(1, next - 1));
    }
  }

  // Whether an entry is built despite them: entities are built even when one of their
  // fields is wrong, so that references to them do not cascade into unknown-reference errors.
  bool builds(const record& key) const {
    return !on.contains(key.text) && (is_entities(key) || !inside.contains(key.text));
  }
};

}  // namespace

// Checks the header entries (kept as they came: they are small) and builds them.
void take_header(build_state& state, std::uint32_t file, const record& header) {
  const auto issues = check_header(header);
  for (const schema_issue& i : issues) {
    state.report(severity::error, "schema", {file, i.line, i.column}, i.message, i.hint);
  }
  const header_issues broken(issues);
  for (std::size_t i = 0; i + 1 < header.children.size(); i += 2) {
    if (broken.builds(header.children[i])) {
      build_header_entry(state, file, header.children[i], header.children[i + 1]);
    }
  }
}

namespace {

// The entities that `header`, and the files read before it, define: what the
// events of its file may name without a later check.
known_entities known_before_events(const build_state& state, const record& header) {
  known_entities known;
  for (const actor& a : state.tl.actors) known.actors.insert(state.tl.names.name(a.id));
  for (const place& p : state.tl.places) known.places.insert(state.tl.names.name(p.id));
  for (const source& s : state.tl.sources) known.sources.insert(state.tl.names.name(s.id));
  const header_issues broken(check_header(header));
  for (std::size_t i = 0; i + 1 < header.children.size(); i += 2) {
    const record& key = header.children[i];
    const record& value = header.children[i + 1];
    if (!is_entities(key) || value.kind != record::type::mapping || !broken.builds(key)) continue;
    auto& ids = key.text == "actors" ? known.actors : key.text == "places" ? known.places : known.sources;
    for (std::size_t j = 0; j < value.children.size(); j += 2) ids.insert(value.children[j].text);
  }
  return known;
}

// Reads a whole file's YAML on this thread: each event is checked and built as it
// arrives; the header at the end. Returns the number of YAML errors, reported last.
std::size_t read_whole(build_state& state, std::uint32_t file, std::string_view text, const load_options& options,
                run_totals& run) {
  record header;
  header.kind = record::type::mapping;
  header.line = header.column = 1;
  std::size_t event_number = 0;
  yaml_sink sink;
  sink.header = [&](record key, record value) {
    header.children.push_back(std::move(key));
    header.children.push_back(std::move(value));
  };
  // Progress by lines: the share of the file's lines read, as a share of its bytes.
  const std::size_t lines = options.progress ? std::count(text.begin(), text.end(), '\n') + 1 : 1;
  sink.event = [&](record item) {
    if (options.progress && event_number % progress_every == 0) {
      options.progress(state.tl.files[file].path, event_number, text.size() * item.line / lines, text.size());
    }
    ++run.events;
    take_event(state, file, item, event_number++);
  };
  const auto errors = read_yaml(text, limits_of(options, text.size(), run), sink);
  for (const yaml_error& e : errors) {
    state.report(severity::error, e.code, {file, e.line, e.column}, e.message, e.hint);
  }
  // After a YAML error the header is incomplete: checking it would mislead.
  if (errors.empty()) take_header(state, file, header);
  return errors.size();
}

// A piece of a file's events, built on a thread of its own into a timeline of its
// own (its own name table: interning is not shared across threads).
struct piece {
  piece(std::size_t begin, std::size_t end, std::uint32_t line_offset, std::size_t first_item,
        std::size_t expected_items, const std::vector<file_header>& files)
      : begin(begin), end(end), line_offset(line_offset), first_item(first_item), expected_items(expected_items) {
    tl.files = files;
    tl.events.reserve(expected_items);  // exactly: growth would leave a doubled vector behind
  }
  piece(const piece&) = delete;  // `state` refers to the members: a piece stays where it was made

  std::size_t begin, end;         // byte offsets in the file
  std::uint32_t line_offset;      // lines before `begin`
  std::size_t first_item;         // the index of its first item in the list
  std::size_t expected_items;
  timeline tl;
  std::vector<diagnostic> diagnostics;
  build_state state{tl, diagnostics};
  std::size_t items = 0;
  bool failed = false;  // a YAML error, or not the items expected: read the file whole
};

void read_piece(piece& p, std::uint32_t file, std::string_view text, const load_options& options,
                std::atomic<std::size_t>& events_parsed, std::size_t events_total) {
  yaml_sink sink;
  sink.header = [&](record, record) { p.failed = true; };
  sink.event = [&](record item) {
    const std::size_t index = p.first_item + p.items++;
    if (options.progress && p.items % progress_every == 0) {
      const std::size_t read = events_parsed += progress_every;
      options.progress(p.tl.files[file].path, read, text.size() * read / events_total, text.size());
    }
    take_event(p.state, file, item, index);
  };
  const auto errors = read_yaml(text.substr(p.begin, p.end - p.begin), limits_of(options, text.size()), sink,
                                {p.line_offset, true});
  p.failed = p.failed || !errors.empty() || p.items != p.expected_items;
}

// Moves a piece's events and findings into the whole, renaming its symbols.
void merge_piece(build_state& whole, piece& p) {
  std::vector<symbol> rename(p.tl.names.size());
  for (symbol s = 0; s < rename.size(); ++s) rename[s] = whole.tl.names.intern(p.tl.names.name(s));
  auto re = [&](symbol& s) {
    if (s != no_symbol) s = rename[s];
  };
  auto re_all = [&](auto& list) {
    for (symbol& s : list) re(s);
  };
  const std::size_t offset = whole.tl.events.size();
  for (event& e : p.tl.events) {
    re(e.id);
    re(e.kind);
    re(e.place);
    re_all(e.actors);
    re_all(e.tags);
    re_all(e.sources);
    for (link& l : e.links) re(l.target);
    if (e.relative) re(e.relative->anchor);
    if (e.readings) {
      for (date_reading& r : *e.readings) re(r.source);
    }
    for (claim& c : e.claims) {
      re(c.since);
      re(c.series.kind);
      re(c.series.place);
      re_all(c.series.actors);
      re_all(c.series.tags);
    }
    whole.tl.events.push_back(std::move(e));
  }
  // The side tables of events (milestones, media, action items, status updates): each row
  // names its event, re-interned.
  const auto adopt_rows = [&](auto& rows, auto& into) {
    for (auto& row : rows) {
      re(row.event);
      into.push_back(std::move(row));
    }
  };
  adopt_rows(p.tl.milestones, whole.tl.milestones);
  adopt_rows(p.tl.media, whole.tl.media);
  adopt_rows(p.tl.actions, whole.tl.actions);
  adopt_rows(p.tl.updates, whole.tl.updates);
  adopt_rows(p.tl.citations, whole.tl.citations);
  for (reference& r : p.state.references) {
    re(r.id);
    whole.references.push_back(r);
  }
  whole.tl.store.adopt(std::move(p.tl.store));  // the events' texts and lists stay where they are
  for (auto& [index, zone] : p.state.event_zones) whole.event_zones.emplace_back(index + offset, std::move(zone));
  for (diagnostic& d : p.diagnostics) whole.diagnostics.push_back(std::move(d));
  // Give the piece's memory back now, not when every piece is merged.
  p.tl = timeline{};
  p.state.references = {};
}

std::size_t thread_count(const load_options& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Reads a big file's events on every core: the header (the file without the
// list) first, then the list cut at its items and each piece parsed alone.
// Returns false, having changed nothing, when the file must be read whole; else
// the file's bytes are freed as soon as they are read, before the pieces merge.
bool read_in_pieces(build_state& state, std::uint32_t file, std::string& bytes,
                    const std::optional<events_split>& split, const load_options& options, run_totals& run) {
  const std::size_t threads = thread_count(options);
  constexpr std::size_t min_piece_items = 1000;
  if (threads < 2) return false;
  // Past the events limit the file is read whole, which stops at the limit.
  if (!split || split->items.size() < 2 * min_piece_items ||
      run.events + split->items.size() > options.max_events) {
    return false;
  }
  const std::string_view text = bytes;
  // The header's copies count once the pieces are in: read whole, it is read again.
  run_totals header_run = run;
  const std::optional<record> header = read_header(text, *split, options, header_run);
  if (!header) return false;
  const known_entities known = known_before_events(state, *header);

  // A few pieces per thread, so that a slow piece does not leave a core idle.
  const std::size_t n = split->items.size();
  const std::size_t count = std::min(threads * 4, n / min_piece_items);
  std::deque<piece> pieces;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t first = n * k / count, last = n * (k + 1) / count;
    piece& p = pieces.emplace_back(split->items[first], last < n ? split->items[last] : split->end,
                                   split->item_lines[first] - 1, first, last - first, state.tl.files);
    p.state.known = &known;
  }
  std::atomic<std::size_t> next{0}, events_parsed{0};
  // Memory running out on a thread goes to this one, which says too-large: an
  // exception must not leave a thread (that would abort the process).
  std::mutex failure_lock;
  std::exception_ptr failure;
  auto work = [&] {
    try {
      for (std::size_t k; (k = next++) < pieces.size();) read_piece(pieces[k], file, text, options, events_parsed, n);
    } catch (...) {
      next = pieces.size();  // the other threads stop after their piece
      const std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
    }
  };
  std::vector<std::jthread> workers;
  try {
    for (std::size_t t = 1; t < std::min(threads, pieces.size()); ++t) workers.emplace_back(work);
  } catch (const std::system_error&) {
    // No room for another thread (`ulimit -v`, a process limit): the ones started do the work.
  }
  work();
  workers.clear();  // joins
  if (failure) std::rethrow_exception(failure);
  if (std::any_of(pieces.begin(), pieces.end(), [](const piece& p) { return p.failed; })) return false;
  run.alias_bytes = header_run.alias_bytes;
  std::string().swap(bytes);

  std::size_t names = state.tl.names.size(), events = state.tl.events.size();
  for (const piece& p : pieces) names += p.tl.names.size(), events += p.tl.events.size();
  state.tl.names.reserve(names);
  state.tl.events.reserve(events);
  for (piece& p : pieces) merge_piece(state, p);
  take_header(state, file, *header);
  state.pieces += pieces.size();
  run.events += split->items.size();
  return true;
}

// Reads one file into the timeline: on every core when it is big enough and its
// list can be cut, else whole. Returns the number of YAML errors that stopped its
// reading after some of it was built: they are the last diagnostics reported.
std::size_t load_file(build_state& state, std::uint32_t file, std::string& bytes, const load_options& options,
               run_totals& run) {
  run.bytes += bytes.size();
  normalize_line_breaks(bytes);
  if (const auto problems = text_problems(bytes, options); !problems.empty()) {
    for (const yaml_error& e : problems) state.report(severity::error, e.code, {file, e.line, e.column}, e.message);
    return 0;
  }
  const auto split = split_events(bytes);
  // Room for the events up front: a growing vector of events would briefly hold
  // them twice. Across many small files the room grows geometrically, else each file
  // would move every event read before it (20,000 files: quadratic).
  if (split) {
    auto& events = state.tl.events;
    const std::size_t needed = events.size() + split->items.size();
    if (needed > events.capacity()) events.reserve(std::max(needed, events.size() < 1024 ? needed : 2 * events.capacity()));
  }
  if (read_in_pieces(state, file, bytes, split, options, run)) return 0;
  return read_whole(state, file, bytes, options, run);
}

}  // namespace

std::vector<yaml_error> text_problems(std::string_view bytes, const load_options& options) {
  if (auto bad = check_encoding(bytes)) return {{"yaml-syntax", bad->message, bad->line, bad->column}};
  if (const auto line = overlong_line(bytes, options.max_line_bytes)) {
    return {{"too-large", "line longer than the limit of " + std::to_string(options.max_line_bytes) + " bytes", *line, 1}};
  }
  if (auto e = check_documents(bytes)) return {std::move(*e)};
  return lint_yaml(bytes);
}

std::optional<record> read_header(std::string_view text, const events_split& split, const load_options& options,
                                 run_totals& run) {
  std::string header_text(text.substr(0, split.key_end));
  header_text += " []";
  const std::string_view tail = text.substr(split.end);
  if (tail.find_first_not_of(" \r\n") != std::string_view::npos) {
    header_text.append(std::count(text.begin() + split.key_end, text.begin() + split.end, '\n'), '\n');
    header_text += tail;
  }
  record header;
  header.kind = record::type::mapping;
  header.line = header.column = 1;
  yaml_sink sink;
  sink.header = [&](record key, record value) {
    header.children.push_back(std::move(key));
    header.children.push_back(std::move(value));
  };
  bool stray_events = false;
  sink.event = [&](record) { stray_events = true; };
  if (!read_yaml(header_text, limits_of(options, text.size(), run), sink).empty() || stray_events) return std::nullopt;
  return header;
}

void read_file(timeline_builder& builder, std::uint32_t origin, std::string bytes) {
  timeline_builder::state& st = builder.internal();
  if (const std::size_t stops = load_file(st.build, origin, bytes, st.options, st.run)) {
    auto& d = st.result.diagnostics;
    st.result.stops.insert(st.result.stops.end(), d.end() - stops, d.end());
  }
}

load_result load(const std::vector<std::string>& paths, file_reader& reader, const load_options& options) {
  timeline_builder builder(options);
  timeline_builder::state& st = builder.internal();
  for (const std::string& path : paths) {
    read_result r = reader.read(path, options.max_file_bytes);
    if (r.too_large || r.bytes.size() > options.max_file_bytes) {
      // An input error, not an unreadable file: the file is there, but annals will not hold it.
      builder.report({severity::error, "too-large", path, 0, 0,
                      "file larger than the limit of " + std::to_string(options.max_file_bytes) + " bytes", ""});
      continue;
    }
    if (r.error) {
      builder.report({severity::error, "io-error", path, 0, 0, *r.error, ""});
      st.result.io_failed = true;
      continue;
    }
    read_file(builder, builder.add_origin(path), std::move(r.bytes));
  }
  st.result.pieces = st.build.pieces;
  return builder.finish();
}

}  // namespace annals
