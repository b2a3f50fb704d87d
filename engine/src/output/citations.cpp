#include "output/citations.hpp"

#include <algorithm>

#include "output/presentation.hpp"

namespace annals {

namespace {

// "Browne, E. G." -> "Browne"; "E. G. Browne" -> "Browne".
std::string surname(std::string_view author) {
  while (!author.empty() && author.front() == ' ') author.remove_prefix(1);
  while (!author.empty() && author.back() == ' ') author.remove_suffix(1);
  if (const auto comma = author.find(','); comma != std::string_view::npos) return std::string(author.substr(0, comma));
  if (const auto space = author.rfind(' '); space != std::string_view::npos) return std::string(author.substr(space + 1));
  return std::string(author);
}

std::vector<std::string_view> authors(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0;;) {
    const std::size_t next = text.find(" and ", at);
    out.push_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) break;
    at = next + 5;
  }
  return out;
}

std::string year_of(const source& s) { return !s.year.empty() ? s.year : s.date; }

}  // namespace

std::string locator_text(const citation& c) {
  if (!c.page.empty()) return "p. " + c.page;
  if (c.pages.empty()) return {};
  std::string range = c.pages;  // a hyphen between pages is an en dash in print
  if (const auto dash = range.find('-'); dash != std::string::npos) range.replace(dash, 1, "\u2013");
  return "pp. " + range;
}

std::string short_citation(const source* s, std::string_view id) {
  if (!s) return std::string(id);
  std::string out;
  if (!s->author.empty()) {
    const auto names = authors(s->author);
    out = surname(names.front());
    if (names.size() == 2) out += " and " + surname(names[1]);
    if (names.size() > 2) out += " et al.";
  } else {
    out = s->title.empty() ? std::string(id) : s->title;
  }
  if (const std::string y = year_of(*s); !y.empty()) out += " " + y;
  return out;
}

std::string cited_text(const source* s, std::string_view id, const citation* c) {
  std::string out = short_citation(s, id);
  if (!c) return out;
  if (const std::string at = locator_text(*c); !at.empty()) out += ", " + at;
  if (!c->note.empty()) out += "; " + c->note;
  return out;
}

bibliography_entry full_citation(const source* s, std::string_view id) {
  bibliography_entry b;
  if (!s) {
    b.title = std::string(id);
    b.tail = ".";
    return b;
  }
  const std::string year = year_of(*s);
  if (!s->author.empty()) {  // "Browne, E. G. (1910). ", "Browne, E. G. ", "Firuz Kazemzadeh (1968). "
    b.lead = s->author;
    if (year.empty()) {
      b.lead += b.lead.back() == '.' ? " " : ". ";
    } else {
      b.lead += " (" + year + "). ";
    }
  }
  b.title = s->title.empty() ? std::string(id) : s->title;
  b.tail = s->author.empty() && !year.empty() ? " (" + year + ")." : ".";
  if (!s->publisher.empty()) b.tail += " " + s->publisher + (s->publisher.back() == '.' ? "" : ".");
  return b;
}

std::string note_text(const source* s, std::string_view id, const citation* c) {
  const bibliography_entry b = full_citation(s, id);
  std::string out = b.lead + b.title + b.tail;
  if (!c) return out;
  if (const std::string at = locator_text(*c); !at.empty()) out += " " + at + ".";
  if (!c->note.empty()) out += " " + c->note;
  return out;
}

std::string bibliography_key(const source* s, std::string_view id) {
  std::string key = s && !s->author.empty() ? s->author : s && !s->title.empty() ? s->title : std::string(id);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

bool cites_with_notes(const presentation& p) {
  return p.cites_pages() || std::any_of(p.sources().begin(), p.sources().end(), [](const source& s) { return !s.author.empty(); });
}

std::pair<std::size_t, bool> note_numbers::number(const source* s, std::string_view id, const citation* c) {
  const std::string short_form = cited_text(s, id, c);
  std::string key(id);
  key += '\0';
  key += short_form;
  const auto [it, added] = index_.try_emplace(std::move(key), notes_.size() + 1);
  if (!added) return {it->second, false};
  const bool first = noted_.try_emplace(std::string(id), true).second;
  notes_.emplace_back(std::string(id), first ? note_text(s, id, c) : short_form + ".");
  return {it->second, true};
}

}  // namespace annals
