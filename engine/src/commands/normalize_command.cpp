// `annals normalize`: JSON Lines in, JSON Lines out, a record at a time. Each record is
// built through the public timeline_builder as an event of its own (its origin the input,
// its line number its position), so that its date is read and checked exactly as a YAML
// file's would be; the line goes out as it came, its `date` replaced by the normalized
// date and its `diagnostics` added. Nothing of a record outlives its line: memory is
// bounded by the longest line, whatever the length of the stream.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <new>
#include <nlohmann/json.hpp>
#include <ostream>

#include "annals/commands.hpp"
#include "annals/duration.hpp"
#include "annals/output.hpp"
#include "annals/timeline_builder.hpp"
#include "input/schema.hpp"
#include "import/jsonl_record.hpp"
#include "output/date_json.hpp"
#include "output/escape.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

// A stream's references are not checkable a record at a time: an event's actors, place,
// sources and links name things defined elsewhere in the stream, or in no record at all.
bool checkable(const diagnostic& d) { return d.code != "unknown-reference"; }

void append_diagnostic(std::string& out, const diagnostic& d) {
  out += "{\"file\":";
  out += json_string(display_text(d.file));
  out += ",\"line\":";
  out += std::to_string(d.line);
  out += ",\"column\":";
  out += std::to_string(d.column);
  out += ",\"severity\":";
  out += json_string(to_string(d.level));
  out += ",\"code\":";
  out += json_string(d.code);
  out += ",\"message\":";
  out += json_string(display_text(d.hint.empty() ? d.message : d.message + "; " + d.hint));
  out += '}';
}

void append_diagnostics(std::string& out, const std::vector<diagnostic>& ds, bool member) {
  if (member) out += "\"diagnostics\":";
  out += '[';
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (i) out += ',';
    append_diagnostic(out, ds[i]);
  }
  out += ']';
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

class normalizer {
 public:
  normalizer(const normalize_args& args, std::string origin, std::ostream& out)
      : args_(args), origin_(std::move(origin)), out_(out), fields_(event_fields()) {
    if (!args.reference.empty()) reference_ = record::string(args.reference, 0, 0);
  }

  // One input line (without its newline) at line `number`.
  void line(std::string_view text, std::uint32_t number) {
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) return;  // JSON Lines allows none; skipped
    ++records_;
    ds_.clear();
    read_jsonl_record(text, number, parsed_);
    if (!parsed_.ok()) {
      ds_.push_back({severity::error, parsed_.error_code, origin_, number, parsed_.error_column, parsed_.error, ""});
      buffer_.clear();
      buffer_ += "{\"input\":";
      buffer_ += json_string(text);
      buffer_ += ',';
      finish_line();
      return;
    }
    date_at_ = old_at_ = std::string_view::npos;
    for (const jsonl_member& m : parsed_.members) {
      if (m.key == "date") date_at_ = m.begin, date_end_ = m.end;
      if (m.key == "diagnostics") old_at_ = m.begin, old_end_ = m.end;
    }
    build(number);
    write(text);
  }

  // A line longer than the limit: said, never read.
  void overlong(std::uint32_t number) {
    ++records_;
    ds_.clear();
    ds_.push_back({severity::error, "line-too-long", origin_, number, 1,
                   "the record is longer than " + std::to_string(args_.max_line_bytes) + " bytes", "split it, or raise --max-line"});
    buffer_ = "{";
    finish_line();
  }

  bool clean() const { return with_diagnostics_ == 0; }
  std::size_t records() const { return records_; }

 private:
  void build(std::uint32_t number) {
    record& r = parsed_.value;
    const record *own = nullptr, *zone = nullptr;
    for (std::size_t k = 0; k + 1 < r.children.size(); k += 2) {
      if (r.children[k].text == "reference") own = &r.children[k + 1];
      if (r.children[k].text == "timezone") zone = &r.children[k + 1];
    }
    const record* reference = own ? own : (reference_.kind == record::type::null ? nullptr : &reference_);
    event_ = nullptr;
    if (!reference) {
      ds_.push_back({severity::error, "no-reference", origin_, number, 1,
                     "the record has no 'reference' and there is no --reference: nothing to read its date against",
                     "give each record a reference date, or all of them --reference DATE"});
      return;
    }
    // The record's own reference is its origin's, as a file's `reference:` is its events'.
    event_record_.children.clear();
    event_record_.kind = record::type::mapping;
    event_record_.line = r.line;
    event_record_.column = r.column;
    for (std::size_t k = 0; k + 1 < r.children.size(); k += 2) {
      const std::string& key = r.children[k].text;
      if (header_field(key) || std::find(fields_.begin(), fields_.end(), key) == fields_.end()) continue;
      event_record_.children.push_back(std::move(r.children[k]));
      event_record_.children.push_back(std::move(r.children[k + 1]));
    }
    builder_.emplace();
    const std::uint32_t origin = builder_->add_origin(origin_);
    record at = *reference;
    if (at.line == 0) at.line = number, at.column = 1;  // --reference: the record's line
    builder_->add_entry(origin, record::string("reference", at.line, at.column), at);
    if (zone) builder_->add_entry(origin, record::string("timezone", zone->line, zone->column), *zone);
    builder_->add_event(origin, event_record_);
    result_ = builder_->finish();
    for (diagnostic& d : result_.diagnostics) {
      if (checkable(d)) ds_.push_back(std::move(d));
    }
    if (!result_.tl.events.empty() && (result_.tl.events[0].date_pos.line != 0 || result_.tl.events[0].relative))
      event_ = &result_.tl.events[0];
  }

  // The line as it came, its `date` normalized and its `diagnostics` in it: in place of
  // a `diagnostics` the record had, else as its last member.
  void write(std::string_view text) {
    const std::size_t date_at = date_at_, date_end = date_end_, old_at = old_at_, old_end = old_end_;
    buffer_.clear();
    std::size_t from = 0;
    const auto copy_to = [&](std::size_t to) {
      buffer_.append(text.substr(from, to - from));
      from = to;
    };
    const bool date_first = date_at < old_at;
    for (int pass = 0; pass < 2; ++pass) {
      const bool is_date = (pass == 0) == date_first;
      const std::size_t at = is_date ? date_at : old_at, end = is_date ? date_end : old_end;
      if (at == std::string_view::npos) continue;
      copy_to(at);
      if (!is_date) append_diagnostics(buffer_, ds_, false);
      else if (event_ && !date_failed(text)) append_date(buffer_, *event_, result_.tl.names);
      else buffer_.append(text.substr(at, end - at));
      from = end;
    }
    copy_to(text.find_last_of('}'));  // the record's own brace: only space follows it
    if (old_at == std::string_view::npos) {
      if (!parsed_.members.empty()) buffer_ += ',';
      append_diagnostics(buffer_, ds_, true);
    }
    end_line();
  }

  // Whether an error points into the date: it could not be read, and stays as written.
  bool date_failed(std::string_view text) const {
    const auto column = [&](std::size_t byte) {
      return static_cast<std::uint32_t>(1 + std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), [](char c) {
                                          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                        }));
    };
    const std::uint32_t from = column(date_at_), to = column(date_end_);
    return std::any_of(ds_.begin(), ds_.end(), [&](const diagnostic& d) {
      return d.level == severity::error && d.column >= from && d.column < to;
    });
  }

  // An unreadable line: what it held, as a string, and why.
  void finish_line() {
    append_diagnostics(buffer_, ds_, true);
    end_line();
  }

  void end_line() {
    buffer_ += "}\n";
    if (!ds_.empty()) ++with_diagnostics_;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  const normalize_args& args_;
  std::string origin_;
  std::ostream& out_;
  record reference_;
  std::vector<std::string> fields_;
  record event_record_;
  std::size_t date_at_ = 0, date_end_ = 0, old_at_ = 0, old_end_ = 0;  // spans of the line's `date` and `diagnostics`
  jsonl_result parsed_;
  std::optional<timeline_builder> builder_;
  load_result result_;
  const event* event_ = nullptr;
  std::vector<diagnostic> ds_;
  std::string buffer_;
  std::size_t records_ = 0, with_diagnostics_ = 0;
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
} catch (const std::bad_alloc&) {
  return out_of_memory("normalize", env.err);
}

}  // namespace annals
