// `validate --format sarif`: SARIF 2.1.0 (OASIS), the format code scanning reads.
//
// - One run of the tool "annals", its rules every diagnostic code (model/diagnostic_codes),
//   each with its description and help; a result names its rule by id and index.
// - A location's URI is the path as given, percent-encoded (a leading "./" dropped):
//   relative to %SRCROOT%, the folder the check ran in; an absolute path is a file: URI.
// - Columns count UTF-16 code units, SARIF's default (`columnKind` says so), as the
//   readers of SARIF (GitHub, editors) count them: annals' byte columns are converted
//   through the line's text. A file whose text is not at hand gets lines only.
// - A region with no known end is the point line:column (an empty region).
// - `partialFingerprints["annals/v1"]`: FNV-1a (64 bits, in hex) of the code, the URI, the
//   text of the offending line with its surrounding blanks trimmed, and how many results
//   before it in the file share those three; the message when there is no line. Lines
//   added or removed above a problem do not change it, nor do edits elsewhere in its line's
//   neighbourhood; editing the line itself does.

#include <cstdint>
#include <map>
#include <tuple>

#include "annals/version.hpp"
#include "model/diagnostic_codes.hpp"
#include "output/diagnostic_json.hpp"
#include "output/escape.hpp"
#include "output/reports.hpp"

namespace annals {

namespace {

constexpr std::string_view sarif_schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// The project's address, as its JSON Schemas' $id name it.
constexpr std::string_view information_uri = "https://annals.invalid/";

// The first sentence of a description: a rule's short description.
std::string_view first_sentence(std::string_view text) {
  const std::size_t end = text.find(". ");
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

// Markdown help as plain text: code spans lose their backticks.
std::string plain(std::string_view markdown) {
  std::string out;
  for (const char c : markdown) {
    if (c != '`') out += c;
  }
  return out;
}

// The lines of a file: where each starts (YAML's line breaks: LF, CRLF and CR).
struct line_index {
  const std::string* text = nullptr;
  std::vector<std::size_t> starts;

  explicit line_index(const std::string* t) : text(t) {
    if (!text) return;
    starts.push_back(0);
    for (std::size_t i = 0; i < text->size(); ++i) {
      const char c = (*text)[i];
      if (c == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
      if (c == '\n' || c == '\r') starts.push_back(i + 1);
    }
  }
  // Line `n` (1-based) without its line break; nullopt past the end.
  std::optional<std::string_view> line(std::uint32_t n) const {
    if (!text || n == 0 || n > starts.size()) return std::nullopt;
    std::size_t end = n < starts.size() ? starts[n] : text->size();
    while (end > starts[n - 1] && ((*text)[end - 1] == '\n' || (*text)[end - 1] == '\r')) --end;
    return std::string_view(*text).substr(starts[n - 1], end - starts[n - 1]);
  }
};

// The UTF-16 column of the 1-based byte column `column` of `line`: a character of four
// UTF-8 bytes is two code units, any other one; a byte that is not UTF-8 one (as U+FFFD),
// and so is each byte past the line's end.
std::uint32_t utf16_column(std::string_view line, std::uint32_t column) {
  const std::size_t bytes = column - 1;
  std::uint32_t units = 1;
  std::size_t i = 0;
  while (i < bytes && i < line.size()) {
    const utf8_char c = decode_utf8(line, i);
    const std::size_t size = c.size == 0 ? 1 : c.size;
    if (i + size > bytes) break;  // a column inside a character: at its start
    units += c.cp >= 0x10000 ? 2 : 1;
    i += size;
  }
  if (bytes > line.size()) units += static_cast<std::uint32_t>(bytes - line.size());
  return units;
}

std::string_view trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// FNV-1a, 64 bits: small, and the same on every machine and in every run.
std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex64(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return out;
}

// The artifact location of a file as given: {"uri", "uriBaseId"}.
void write_artifact(json_writer& w, std::string_view file) {
  w.begin_object();
  if (file.starts_with('/')) {
    w.field("uri").string("file://" + uri_path(file));
  } else {
    while (file.starts_with("./")) file.remove_prefix(2);
    w.field("uri").string(uri_path(file));
    w.field("uriBaseId").string("%SRCROOT%");
  }
  w.end_object();
}

void write_rules(json_writer& w) {
  w.field("rules").begin_array();
  for (const diagnostic_code& c : diagnostic_codes()) {
    w.item().begin_object();
    w.field("id").string(c.code);
    w.field("shortDescription").begin_object();
    w.field("text").string(first_sentence(c.description));
    w.end_object();
    w.field("fullDescription").begin_object();
    w.field("text").string(c.description);
    w.end_object();
    w.field("help").begin_object();
    w.field("text").string(plain(c.help));
    w.field("markdown").string(c.help);
    w.end_object();
    w.field("defaultConfiguration").begin_object();
    w.field("level").string(to_string(c.level));
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

class result_writer {
 public:
  explicit result_writer(const report_context& context) : context_(context) {}

  void write(json_writer& w, const diagnostic& d) {
    const line_index& lines = index_of(d.file);
    w.begin_object();
    w.field("ruleId").string(d.code);
    const auto codes = diagnostic_codes();
    if (const diagnostic_code* row = find_diagnostic_code(d.code)) w.field("ruleIndex").number(row - codes.data());
    w.field("level").string(to_string(d.level));
    w.field("message").begin_object();
    w.field("text").string(display_text(d.hint.empty() ? d.message : d.message + "; " + d.hint));
    w.end_object();
    if (!d.file.empty()) {
      w.field("locations").begin_array();
      w.item().begin_object();
      w.field("physicalLocation").begin_object();
      w.field("artifactLocation");
      write_artifact(w, d.file);
      if (d.line > 0) write_region(w, d, lines);
      w.end_object();
      w.end_object();
      w.end_array();
    }
    w.field("partialFingerprints").begin_object();
    w.field("annals/v1").string(fingerprint(d, lines));
    w.end_object();
    w.end_object();
  }

 private:
  const line_index& index_of(const std::string& file) {
    auto at = files_.find(file);
    if (at == files_.end()) at = files_.emplace(file, line_index(context_.text ? context_.text(file) : nullptr)).first;
    return at->second;
  }

  static void write_region(json_writer& w, const diagnostic& d, const line_index& lines) {
    const auto [end_line, end_column] = range_end(d);
    const auto start_text = lines.line(d.line), end_text = lines.line(end_line);
    w.field("region").begin_object();
    w.field("startLine").number(d.line);
    // Columns only where the line's text converts them (and the end after the start).
    const bool columns = d.column > 0 && end_column > 0 && start_text && end_text;
    if (columns) w.field("startColumn").number(utf16_column(*start_text, d.column));
    w.field("endLine").number(std::max(end_line, d.line));
    if (columns) {
      const std::uint32_t end = utf16_column(*end_text, end_column);
      w.field("endColumn").number(end_line > d.line ? end : std::max(end, utf16_column(*start_text, d.column)));
    }
    w.end_object();
  }

  std::string fingerprint(const diagnostic& d, const line_index& lines) {
    const auto line = lines.line(d.line);
    const std::string what = line ? std::string(trim(*line)) : display_text(d.message);
    const std::size_t seen = seen_[std::tuple(d.code, d.file, what)]++;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const std::string_view part : {std::string_view(d.code), std::string_view(d.file), std::string_view(what)}) {
      h = fnv1a(fnv1a(h, part), std::string_view("\0", 1));
    }
    return hex64(fnv1a(h, std::to_string(seen)));
  }

  const report_context& context_;
  std::map<std::string, line_index> files_;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen_;
};

}  // namespace

std::string write_sarif_report(const std::vector<diagnostic>& ds, const report_context& context) {
  std::string out;
  json_writer w(out, json_layout::pretty);
  w.begin_object();
  w.field("$schema").string(sarif_schema);
  w.field("version").string("2.1.0");
  w.field("runs").begin_array();
  w.item().begin_object();
  w.field("tool").begin_object();
  w.field("driver").begin_object();
  w.field("name").string("annals");
  w.field("version").string(version());
  w.field("informationUri").string(information_uri);
  write_rules(w);
  w.end_object();
  w.end_object();
  w.field("automationDetails").begin_object();
  w.field("id").string("annals/validate/");
  w.end_object();
  w.field("columnKind").string("utf16CodeUnits");
  w.field("results").begin_array();
  result_writer results(context);
  for (const diagnostic& d : ds) results.write(w.item(), d);
  w.end_array();
  w.end_object();
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace annals
