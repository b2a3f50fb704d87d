// Code actions: the fixes annals' diagnostics already suggest, each an edit of the text
// the diagnostic is about: a spelling hint ("did you mean 'x'?"), a value to quote, a
// claim's right duration.
#include <algorithm>
#include <optional>

#include "lsp/context.hpp"
#include "lsp/state.hpp"

namespace annals::lsp {
namespace {

// The text of the last "did you mean 'X'?" in `s`.
std::optional<std::string> suggestion(std::string_view s) {
  constexpr std::string_view lead = "did you mean '";
  const std::size_t at = s.rfind(lead);
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t from = at + lead.size();
  const std::size_t end = s.find("'?", from);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(s.substr(from, end - from));
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

struct edit {
  std::uint32_t line = 0;  // 0-based
  std::size_t from = 0, to = 0;  // bytes of the line
  std::string text;
  std::string title;
};

// The bytes [from, to) of 0-based `line` that diagnostic `d` is about (on its first line).
std::pair<std::size_t, std::size_t> span(const diagnostic& d, std::string_view line) {
  const std::size_t from = d.column == 0 ? 0 : std::min<std::size_t>(d.column - 1, line.size());
  std::size_t to = d.end_line == d.line && d.end_column > d.column ? d.end_column - 1 : scalar_end(line, from);
  if (d.end_line > d.line) to = line.size();
  return {from, std::max(from, std::min(to, line.size()))};
}

// "did you mean 'title'?": the word of the diagnostic's text nearest the suggestion.
std::optional<edit> spelling(const diagnostic& d, const line_index& lines, const std::string& want) {
  if (d.line == 0) return std::nullopt;
  const std::string_view line = lines.line(d.line - 1);
  const auto [from, to] = span(d, line);
  std::vector<std::string_view> words;
  std::vector<std::size_t> starts;
  for (std::size_t i = from; i < to;) {
    if (!word_char(line[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < to && word_char(line[j])) ++j;
    words.push_back(line.substr(i, j - i));
    starts.push_back(i);
    i = j;
  }
  if (words.empty()) return std::nullopt;
  std::size_t pick = 0;
  if (words.size() > 1) {
    const std::string_view near = spellcheck(want, words);
    if (near.empty()) return std::nullopt;
    pick = static_cast<std::size_t>(std::find(words.begin(), words.end(), near) - words.begin());
  }
  if (words[pick] == want) return std::nullopt;
  return edit{d.line - 1, starts[pick], starts[pick] + words[pick].size(), want,
              "Replace '" + std::string(words[pick]) + "' with '" + want + "'"};
}

// "did you mean 'first_in: 5 years'?": the value of the claim's first_in, at or below the
// diagnostic's line.
std::optional<edit> claim(const diagnostic& d, const line_index& lines, const std::string& value) {
  if (d.line == 0) return std::nullopt;
  for (std::uint32_t l = d.line - 1; l < lines.lines() && l < d.line + 8; ++l) {
    const std::string_view line = lines.line(l);
    const std::size_t key = line.find("first_in:");
    if (key == std::string_view::npos) continue;
    std::size_t from = key + 9;
    while (from < line.size() && line[from] == ' ') ++from;
    if (from < line.size() && line[from] == '{') return std::nullopt;  // {at_least: ...}: no single value
    return edit{l, from, scalar_end(line, from), value, "Claim first_in: " + value};
  }
  return std::nullopt;
}

// "a value holding ', ' inside { } must be quoted: on: "11 July, 2017"": the key's value and
// the key the comma cut off, written as the hint writes them.
std::optional<edit> quote(const diagnostic& d, const line_index& lines) {
  constexpr std::string_view lead = "must be quoted: ";
  const std::size_t at = d.hint.find(lead);
  if (at == std::string::npos || d.line == 0) return std::nullopt;
  const std::string whole = d.hint.substr(at + lead.size());  // KEY: "VALUE, CUT"
  const std::size_t colon = whole.find(": \"");
  const std::size_t comma = whole.find(", ", colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || comma == std::string::npos || whole.back() != '"') return std::nullopt;
  const std::string key = whole.substr(0, colon) + ":";
  const std::string cut = whole.substr(comma + 2, whole.size() - comma - 3);
  const std::string_view line = lines.line(d.line - 1);
  const std::size_t cut_at = d.column == 0 ? std::string_view::npos : d.column - 1;
  if (cut_at > line.size() || line.substr(cut_at, cut.size()) != cut) return std::nullopt;
  const std::size_t from = line.rfind(key, cut_at);
  if (from == std::string_view::npos) return std::nullopt;
  return edit{d.line - 1, from, cut_at + cut.size(), whole, "Quote the value: " + whole};
}

}  // namespace

json code_actions(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const json& range = params.at("range");
  const std::uint32_t first = range.at("start").at("line").get<std::uint32_t>();
  const std::uint32_t last = range.at("end").at("line").get<std::uint32_t>();
  json out = json::array();
  const std::string* text = s.ws.text(path);
  if (!text) return out;
  const line_index lines(*text);
  for (const diagnostic& d : s.ws.check().diagnostics) {
    if (d.file != path || d.line == 0) continue;
    const std::uint32_t end = std::max(d.line, d.end_line);
    if (end - 1 < first || d.line - 1 > last) continue;
    std::optional<edit> e;
    if (d.hint.find("must be quoted: ") != std::string::npos) {
      e = quote(d, lines);
    } else if (auto want = suggestion(d.hint) ? suggestion(d.hint) : suggestion(d.message)) {
      e = want->starts_with("first_in: ") ? claim(d, lines, want->substr(10)) : spelling(d, lines, *want);
    }
    if (!e) continue;
    json change = {{"range", line_range(lines, s.enc, e->line, e->from, e->to)}, {"newText", e->text}};
    out.push_back({{"title", e->title},
                   {"kind", "quickfix"},
                   {"isPreferred", true},
                   {"diagnostics", json::array({diagnostic_json(d, lines, s.enc)})},
                   {"edit", {{"changes", {{path_uri(path), json::array({change})}}}}}});
  }
  return out;
}

}  // namespace annals::lsp
