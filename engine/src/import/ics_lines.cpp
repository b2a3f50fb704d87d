#include "import/ics_lines.hpp"

#include <cctype>

#include "import/entities.hpp"  // trimmed

namespace annals::ics {

namespace {

constexpr std::size_t kept_chars = 300;  // of a line, kept to find it by its text: enough for a property and its value

}  // namespace

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The lines of `bytes` as RFC 5545 3.1 folds them: a line that starts with a space or a
// tab goes on the one before.
scan_result scan(std::string_view bytes) {
  scan_result out;
  std::vector<text_line> open;  // the BEGINs not yet ended
  int event = -1;
  std::size_t event_depth = 0;
  std::optional<text_line> current;
  const auto finish = [&] {
    if (!current) return;
    text_line& l = *current;
    // The name ends at the first ';' or ':'; the value after the first ':' outside quotes.
    const auto name_end = l.text.find_first_of(";:");
    l.name = upper(l.text.substr(0, name_end));
    bool quoted = false;
    std::uint32_t column = 1;
    for (std::size_t k = 0; k < l.text.size(); ++k) {
      const auto u = static_cast<unsigned char>(l.text[k]);
      if ((u & 0xC0) != 0x80) ++column;  // characters, not bytes
      if (l.text[k] == '"') quoted = !quoted;
      if (l.text[k] == ':' && !quoted) {
        l.value_column = column;
        break;
      }
    }
    const std::string value = l.name == "BEGIN" || l.name == "END" ? upper(trimmed(l.text.substr(l.text.find(':') + 1))) : "";
    if (l.name == "BEGIN") {
      open.push_back(l);
      if (open.size() > max_depth && !out.too_deep) out.too_deep = l;
      if (value == "VEVENT" && event_depth == 0) {
        out.events.push_back(l.line);
        out.by_event.emplace_back();
        event = static_cast<int>(out.events.size()) - 1;
        event_depth = open.size();
      }
    } else if (l.name == "END") {
      // END:X closes the innermost BEGIN:X; a BEGIN above it was never ended.
      for (std::size_t k = open.size(); k-- > 0;) {
        const text_line& b = open[k];
        if (upper(trimmed(b.text.substr(b.text.find(':') + 1))) != value) continue;
        if (k + 1 < open.size() && !out.unclosed) out.unclosed = open[k + 1];
        open.resize(k);
        break;
      }
      if (event_depth && open.size() < event_depth) event_depth = 0;
    } else if (event_depth && open.size() == event_depth) {
      l.event = event;
      out.by_event[event].push_back(out.lines.size());
    }
    out.lines.push_back(std::move(l));
    current.reset();
  };
  std::uint32_t line = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view text = bytes.substr(i, end - i);
    ++line;
    if (end < bytes.size()) end += bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? 2 : 1;
    i = end;
    if (!text.empty() && (text[0] == ' ' || text[0] == '\t') && current) {
      if (current->text.size() < kept_chars) current->text += text.substr(1, kept_chars);
      continue;
    }
    finish();
    if (trimmed(text).empty()) continue;
    current = text_line{"", std::string(text.substr(0, kept_chars)), line, 1, -1};
  }
  finish();
  if (!open.empty() && !out.unclosed) out.unclosed = open.back();
  return out;
}

}  // namespace annals::ics
