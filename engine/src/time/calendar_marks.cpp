#include "time/calendar_marks.hpp"

namespace annals::detail {
namespace {

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The letters of `s`, lower case, without dots and spaces: "O. S." -> "os"; nullopt when
// anything else is in it, or it is too long to be a mark.
std::optional<std::string_view> letters(std::string_view s, char (&buf)[16]) {
  std::size_t n = 0;
  for (const char c : s) {
    if (c == '.' || c == ' ') continue;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter || n == sizeof buf) return std::nullopt;
    buf[n++] = static_cast<char>(c | 0x20);
  }
  return std::string_view(buf, n);
}

std::optional<calendar> style_of(std::string_view mark) {
  char buf[16];
  const auto w = letters(mark, buf);
  if (!w) return std::nullopt;
  if (*w == "os" || *w == "oldstyle") return calendar::julian;
  if (*w == "ns" || *w == "newstyle") return calendar::gregorian;
  return std::nullopt;
}

// "25 October 1917 O.S.", "... (Old Style)", "... Old Style": the style mark at the end.
std::optional<named_calendar> style_suffix(std::string_view text) {
  text = trim_end(text);
  if (!text.empty() && text.back() == ')') {
    const std::size_t open = text.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    const auto cal = style_of(text.substr(open + 1, text.size() - open - 2));
    if (!cal) return std::nullopt;
    return named_calendar{*cal, trim_end(text.substr(0, open))};
  }
  // The last word ("O.S.", "OS", "N.S.") or the last two ("Old Style", "O. S.").
  std::size_t cut = text.rfind(' ');
  for (int words = 1; words <= 2 && cut != std::string_view::npos && cut > 0; ++words) {
    if (const auto cal = style_of(text.substr(cut + 1))) return named_calendar{*cal, trim_end(text.substr(0, cut))};
    cut = text.rfind(' ', cut - 1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<named_calendar> calendar_mark(std::string_view text) {
  if (auto named = calendar_suffix(text)) return named;
  if (auto named = style_suffix(text); named && !named->rest.empty()) return named;
  return std::nullopt;
}

}  // namespace annals::detail
