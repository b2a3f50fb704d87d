#include "import/draft.hpp"

#include <cctype>
#include <utility>

namespace annals {

namespace {

bool valid_id(std::string_view s) {
  if (s.empty() || !(std::islower(static_cast<unsigned char>(s[0])) || std::isdigit(static_cast<unsigned char>(s[0])))) {
    return false;
  }
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::islower(u) || std::isdigit(u) || c == '.' || c == '_' || c == '-')) return false;
  }
  return true;
}

constexpr std::size_t title_chars = 40;  // an id made of a title: a few words
constexpr std::size_t kept_chars = 100;  // a producer's id (a UID) made valid: kept whole, or nearly

// Lower-case ASCII letters and digits of `text`, runs of anything else one '-', cut at a
// word end near `max_chars`.
std::string slug(std::string_view text, std::size_t max_chars) {
  std::string out;
  bool dash = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(u));
    } else if (c == '\'' || c == 0x27) {
      continue;  // "Putin's" -> putins
    } else {
      dash = true;
    }
    if (out.size() >= max_chars) break;
  }
  // Cut at a word end when it ran long.
  if (out.size() >= max_chars) {
    if (const auto cut = out.rfind('-'); cut != std::string::npos && cut > max_chars / 2) out.resize(cut);
  }
  return out;
}

}  // namespace

record& draft::input::events() {
  if (record* e = document.get("events")) return *e;
  return document.set("events", record::sequence(1, 1));
}

record& draft::input::entities(std::string_view key) {
  if (record* e = document.get(key)) return *e;
  return document.set(key, record::mapping(1, 1));
}

std::uint32_t draft::note(std::string text) {
  notes.push_back(std::move(text));
  return static_cast<std::uint32_t>(notes.size());
}

void draft::error(const input& in, std::uint32_t line, std::uint32_t column, std::string code, std::string message,
                  std::string hint) {
  diagnostics.push_back({severity::error, std::move(code), in.path, line, column, std::move(message), std::move(hint)});
}

void draft::warning(const input& in, std::uint32_t line, std::uint32_t column, std::string code, std::string message,
                    std::string hint) {
  diagnostics.push_back({severity::warning, std::move(code), in.path, line, column, std::move(message), std::move(hint)});
}

std::string draft::unique_id(std::string_view wanted, std::string_view fallback) {
  return unique_slug(slug(wanted, title_chars), fallback);
}

std::string draft::unique_slug(std::string base, std::string_view fallback) {
  if (base.empty()) base = slug(fallback, title_chars);
  if (base.empty()) base = "event";
  std::string id = base;
  for (int n = 2; ids.contains(id); ++n) id = base + "-" + std::to_string(n);
  ids.insert(id);
  return id;
}

std::string draft::keep_id(std::string_view wanted, std::string_view fallback) {
  if (valid_id(wanted) && !ids.contains(wanted)) {
    ids.emplace(wanted);
    return std::string(wanted);
  }
  return unique_slug(slug(wanted, kept_chars), fallback);
}

}  // namespace annals
