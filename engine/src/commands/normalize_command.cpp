// `annals normalize`: JSON Lines in, JSON Lines out, a few records at a time. Each record
// is built through the public timeline_builder as an event of its own origin (the input,
// its line number its position), so that its date is read and checked exactly as a YAML
// file's would be; the line goes out as it came, its `date` replaced by the normalized
// date and its `diagnostics` added. Nothing of a record outlives its batch (64 records or
// 1 MiB of lines): memory is bounded, whatever the length of the stream.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <nlohmann/json.hpp>
#include <ostream>

#include "annals/commands.hpp"
#include "annals/duration.hpp"
#include "annals/output.hpp"
#include "annals/timeline_builder.hpp"
#include "input/schema.hpp"
#include "import/json_record.hpp"
#include "output/date_json.hpp"
#include "output/diagnostic_json.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

// A stream's references are not checkable a record at a time: an event's actors, place,
// sources and links name things defined elsewhere in the stream, or in no record at all.
// Nor are ids unique across it (a batch would see some duplicates and not others).
bool checkable(const diagnostic& d) { return d.code != "unknown-reference" && d.code != "duplicate-id"; }

void append_diagnostics(std::string& out, const std::vector<diagnostic>& ds, bool member) {
  if (member) out += "\"diagnostics\":";
  json_writer w(out, json_layout::compact);
  w.begin_array();
  for (const diagnostic& d : ds) write_diagnostic(w.item(), d);
  w.end_array();
}

// The date as render --format json writes an event's: what was written, the bounds, the label.
void append_date(std::string& out, const event& e, const name_table& names) {
  json_writer w(out, false);
  w.begin_object();
  w.field("input").string(e.date_text);
  write_date_fields(w, e.date);
  w.field("text").string(e.date_text);
  w.field("label").string(e.relative ? std::string() : date_label(e.date));
  if (e.relative) {
    w.field("relative").begin_object();
    w.field("relation").string(to_string(e.relative->rel));
    w.field("anchor").string(names.name(e.relative->anchor));
    w.field("by").string_or_null(e.relative->by ? to_iso(*e.relative->by) : std::string(), !e.relative->by);
    w.end_object();
  }
  w.end_object();
}

// The fields of an event, as the schema names them: the rest of a record is passed
// through, not checked (a stream carries its own columns: GDELT's, a pipeline's).
std::vector<std::string> event_fields() {
  std::vector<std::string> out;
  const auto schema = nlohmann::json::parse(timeline_schema_text());
  for (const auto& [name, value] : schema.at("definitions").at("event").at("properties").items()) out.push_back(name);
  return out;
}

// A record's own `reference` and `timezone` are its origin's, as a file's are its events'.
bool header_field(std::string_view key) { return key == "reference" || key == "timezone"; }

// A record's date names another event (`{after: ID, by: P3D}`): its precision follows its
// anchor's when the anchor is built beside it, so it is built alone.
bool relative_date(const record& r) {
  const record* date = r.get("date");
  return date && date->kind == record::type::mapping && (date->get("after") || date->get("before") || date->get("during"));
}

// Records are built a small batch at a time, each record its own origin (its reference and
// zone are its own): one builder's blocks serve many records, where a builder per record
// would take and give back its arena's first block for each one. A batch is at most this
// many records, or this many bytes of lines.
constexpr std::size_t batch_records = 64;
constexpr std::size_t batch_bytes = 1 << 20;

class normalizer {
 public:
  normalizer(const normalize_args& args, std::string origin, std::ostream& out)
      : args_(args), origin_(std::move(origin)), out_(out), fields_(event_fields()) {
    if (!args.reference.empty()) reference_ = record::string(args.reference, 0, 0);
    batch_.resize(batch_records);
  }

  // One input line (without its newline) at line `number`.
  void line(std::string_view text, std::uint32_t number) {
    // A UTF-8 byte order mark before the first record, as editors save them, is no part of it.
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
      // JSON Lines has none, but one is kept (empty), so that output line N is input line N.
      next(number).blank = true;
      if (count_ == batch_records) flush();
      return;
    }
    pending& p = next(number);
    p.text_at = text_.size();
    p.text_size = text.size();
    text_.append(text);
    read_json(text, number, p.parsed, json_text::line_record);
    if (!p.parsed.ok()) {
      p.ds.push_back({severity::error, p.parsed.error_code, origin_, number, p.parsed.error_column, p.parsed.error, ""});
    } else {
      for (const json_member& m : p.parsed.members) {
        if (m.key == "date") p.date_at = m.begin, p.date_end = m.end;
        if (m.key == "diagnostics") p.old_at = m.begin, p.old_end = m.end;
        if (header_field(m.key)) p.header_spans.emplace_back(m.begin, m.end);
      }
      p.alone = relative_date(p.parsed.value);
    }
    if (count_ == batch_records || text_.size() >= batch_bytes) flush();
  }

  // A line longer than the limit: said, never read.
  void overlong(std::uint32_t number) {
    pending& p = next(number);
    p.overlong = true;
    p.ds.push_back({severity::error, "line-too-long", origin_, number, 1,
                    "the record is longer than " + std::to_string(args_.max_line_bytes) + " bytes", "split it, or raise --max-line"});
    if (count_ == batch_records) flush();
  }

  // Builds and writes what is pending, in order.
  void flush() {
    for (std::size_t i = 0; i < count_;) {
      std::size_t j = i + 1;
      if (!batch_[i].alone) {
        while (j < count_ && !batch_[j].alone) ++j;
      }
      build(i, j);
      for (std::size_t k = i; k < j; ++k) write(batch_[k]);
      i = j;
    }
    count_ = 0;
    text_.clear();
  }

  bool clean() const { return with_diagnostics_ == 0; }

 private:
  struct pending {
    std::uint32_t number = 0;
    std::size_t text_at = 0, text_size = 0;  // the line, in text_
    json_read parsed;
    std::size_t date_at = 0, date_end = 0, old_at = 0, old_end = 0;  // spans of its `date` and `diagnostics`
    std::vector<std::pair<std::size_t, std::size_t>> header_spans;  // of its `reference` and `timezone`
    std::vector<diagnostic> ds;
    const event* built = nullptr;  // its event, once built
    bool overlong = false, alone = false;
    bool blank = false;  // an empty line, given back empty
  };

  pending& next(std::uint32_t number) {
    pending& p = batch_[count_++];
    p.number = number;
    p.text_at = p.text_size = 0;
    p.date_at = p.old_at = std::string_view::npos;
    p.ds.clear();
    p.header_spans.clear();
    p.built = nullptr;
    p.overlong = p.alone = p.blank = false;
    p.parsed.value = record{};
    p.parsed.members.clear();
    p.parsed.error_line = p.parsed.error_column = 0;
    return p;
  }

  // Records [i, j) through one builder, each its own origin.
  void build(std::size_t i, std::size_t j) {
    timeline_builder builder;
    std::vector<std::size_t>& of_origin = of_origin_;
    of_origin.clear();
    for (std::size_t k = i; k < j; ++k) {
      pending& p = batch_[k];
      if (p.overlong || p.blank || !p.parsed.ok()) continue;
      record& r = p.parsed.value;
      const record *own = nullptr, *zone = nullptr;
      for (std::size_t c = 0; c + 1 < r.children.size(); c += 2) {
        if (r.children[c].text == "reference") own = &r.children[c + 1];
        if (r.children[c].text == "timezone") zone = &r.children[c + 1];
      }
      const record* reference = own ? own : (reference_.kind == record::type::null ? nullptr : &reference_);
      if (!reference) {
        p.ds.push_back({severity::error, "no-reference", origin_, p.number, 1,
                        "the record has no 'reference' and there is no --reference: nothing to read its date against",
                        "give each record a reference date, or all of them --reference DATE"});
        continue;
      }
      event_record_.children.clear();
      event_record_.kind = record::type::mapping;
      event_record_.line = r.line;
      event_record_.column = r.column;
      for (std::size_t c = 0; c + 1 < r.children.size(); c += 2) {
        const std::string& key = r.children[c].text;
        if (header_field(key) || std::find(fields_.begin(), fields_.end(), key) == fields_.end()) continue;
        event_record_.children.push_back(std::move(r.children[c]));
        event_record_.children.push_back(std::move(r.children[c + 1]));
      }
      // The record's own reference is its origin's, as a file's `reference:` is its events'.
      const std::uint32_t origin = builder.add_origin(origin_);
      of_origin.push_back(k);
      record at = *reference;
      if (at.line == 0) at.line = p.number, at.column = 1;  // --reference: the record's line
      builder.add_entry(origin, record::string("reference", at.line, at.column), at);
      if (zone) builder.add_entry(origin, record::string("timezone", zone->line, zone->column), *zone);
      builder.add_event(origin, event_record_);
    }
    if (of_origin.empty()) return;
    result_ = builder.finish();
    // Each diagnostic is at its record's line: line numbers rise through the batch.
    for (diagnostic& d : result_.diagnostics) {
      if (!checkable(d)) continue;
      const auto at = std::lower_bound(batch_.begin() + static_cast<std::ptrdiff_t>(i), batch_.begin() + static_cast<std::ptrdiff_t>(j),
                                       d.line, [](const pending& p, std::uint32_t line) { return p.number < line; });
      if (at != batch_.begin() + static_cast<std::ptrdiff_t>(j) && at->number == d.line) at->ds.push_back(std::move(d));
    }
    for (const event& e : result_.tl.events) {
      if (e.date_pos.line != 0 || e.relative) batch_[of_origin.at(e.pos.file)].built = &e;
    }
  }

  // The line as it came, its `date` normalized and its `diagnostics` in it: in place of
  // a `diagnostics` the record had, else as its last member. An unreadable line: what it
  // held, as a string, and why; an overlong one: why.
  void write(const pending& p) {
    if (p.blank) {
      out_ << '\n';
      return;
    }
    const std::string_view text = std::string_view(text_).substr(p.text_at, p.text_size);
    buffer_.clear();
    if (p.overlong || !p.parsed.ok()) {
      json_writer w(buffer_, json_layout::compact);
      w.begin_object();
      if (!p.overlong) w.field("input").string(text);
      w.field("diagnostics").begin_array();
      for (const diagnostic& d : p.ds) write_diagnostic(w.item(), d);
      w.end_array();
      w.end_object();
      send(p);
      return;
    }
    std::size_t from = 0;
    const auto copy_to = [&](std::size_t to) {
      buffer_.append(text.substr(from, to - from));
      from = to;
    };
    const bool date_first = p.date_at < p.old_at;
    for (int pass = 0; pass < 2; ++pass) {
      const bool is_date = (pass == 0) == date_first;
      const std::size_t at = is_date ? p.date_at : p.old_at, end = is_date ? p.date_end : p.old_end;
      if (at == std::string_view::npos) continue;
      copy_to(at);
      if (!is_date) append_diagnostics(buffer_, p.ds, false);
      else if (p.built && !date_failed(p, text)) append_date(buffer_, *p.built, result_.tl.names);
      else buffer_.append(text.substr(at, end - at));
      from = end;
    }
    copy_to(text.find_last_of('}'));  // the record's own brace: only space follows it
    if (p.old_at == std::string_view::npos) {
      if (!p.parsed.members.empty()) buffer_ += ',';
      append_diagnostics(buffer_, p.ds, true);
    }
    buffer_ += '}';
    send(p);
  }

  // Whether an error points into the date, or into the reference or zone it is read
  // against: the date stays as written.
  static bool date_failed(const pending& p, std::string_view text) {
    const auto column = [&](std::size_t byte) {
      return static_cast<std::uint32_t>(1 + std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), [](char c) {
                                          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                        }));
    };
    const auto in = [&](std::size_t begin, std::size_t end) {
      const std::uint32_t from = column(begin), to = column(end);
      return std::any_of(p.ds.begin(), p.ds.end(), [&](const diagnostic& d) {
        return d.level == severity::error && d.column >= from && d.column < to;
      });
    };
    return in(p.date_at, p.date_end) ||
           std::any_of(p.header_spans.begin(), p.header_spans.end(), [&](const auto& s) { return in(s.first, s.second); });
  }

  // Writes the line in buffer_.
  void send(const pending& p) {
    buffer_ += '\n';
    if (!p.ds.empty()) ++with_diagnostics_;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  const normalize_args& args_;
  std::string origin_;
  std::ostream& out_;
  record reference_;
  std::vector<std::string> fields_;
  std::vector<pending> batch_;  // batch_records slots, reused
  std::size_t count_ = 0;       // of them in use
  std::string text_;            // the batch's lines
  std::vector<std::size_t> of_origin_;
  record event_record_;
  load_result result_;
  std::string buffer_;
  std::size_t with_diagnostics_ = 0;
};

}  // namespace

outcome normalize_lines(std::istream& in, const std::string& origin, const normalize_args& args, std::ostream& out) {
  normalizer n(args, origin, out);
  std::string line;
  std::vector<char> chunk(1 << 16);
  std::uint32_t number = 1;
  bool too_long = false;
  std::streambuf& buf = *in.rdbuf();
  for (;;) {
    const std::streamsize got = buf.sgetn(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (got <= 0) break;
    std::string_view rest(chunk.data(), static_cast<std::size_t>(got));
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view piece = rest.substr(0, nl);
      if (!too_long) {
        if (line.size() + piece.size() > args.max_line_bytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(piece);
        }
      }
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
      if (too_long) n.overlong(number);
      else n.line(line, number);
      line.clear();
      too_long = false;
      ++number;
    }
  }
  if (too_long) n.overlong(number);
  else if (!line.empty()) n.line(line, number);  // a last line without its newline
  n.flush();
  out.flush();
  return n.clean() ? outcome::ok : outcome::input_error;
}

outcome run_normalize(const normalize_args& args, command_env& env) try {
  const auto usage = [&](const std::string& message) {
    env.err << usage_message("normalize", message);
    return outcome::usage_error;
  };
  if (!args.reference.empty()) {
    const date_result r = normalize_date(args.reference, date_context{});
    if (!r.ok()) return usage("invalid --reference '" + args.reference + "': " + r.error->message);
  }
  if (args.max_line_bytes == 0) return usage("--max-line must be at least 1 byte");
  std::ifstream file;
  std::istream* in = &file;
  const std::string path = args.input.empty() ? "-" : args.input;
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) return usage("cannot read '" + path + "': is a directory");
  file.open(path == "-" ? "/dev/stdin" : path, std::ios::binary);
  if (!file) return usage("cannot read '" + path + "'");
  const std::string origin = path == "-" ? "<stdin>" : path;
  if (args.output.empty()) {
    const outcome o = normalize_lines(*in, origin, args, env.out);
    if (in->bad()) return usage("cannot read '" + path + "'");
    return o;
  }
  outcome o = outcome::ok;
  const write_result w = write_atomically(args.output, [&](std::ostream& os) { o = normalize_lines(*in, origin, args, os); },
                                          {path});
  if (!w.ok()) {
    env.err << "annals normalize: " << display_text(*w.error) << '\n';
    return outcome::usage_error;
  }
  if (in->bad()) return usage("cannot read '" + path + "'");
  return o;
} catch (const std::ios_base::failure& e) {  // the input failed while it was read
  env.err << usage_message("normalize", "cannot read '" + args.input + "': " + e.what());
  return outcome::usage_error;
} catch (const std::bad_alloc&) {
  return out_of_memory("normalize", env.err);
}

}  // namespace annals
