#include "import/entities.hpp"

#include <vector>

namespace annals {

namespace {

// Every input's entries of `key`, `in` among them even when it is not in d.inputs yet.
std::vector<const record*> entries(const draft& d, const draft::input& in, std::string_view key) {
  std::vector<const record*> out;
  bool seen = false;
  for (const draft::input& other : d.inputs) {
    seen = seen || &other == &in;
    if (const record* r = other.document.get(key)) out.push_back(r);
  }
  if (!seen) {
    if (const record* r = in.document.get(key)) out.push_back(r);
  }
  return out;
}

// The id of the first entry of `key` whose `field` reads `value`, or "".
std::string find_entry(const draft& d, const draft::input& in, std::string_view key, std::string_view field,
                       std::string_view value) {
  for (const record* map : entries(d, in, key)) {
    for (std::size_t k = 0; k + 1 < map->children.size(); k += 2) {
      const record* v = map->children[k + 1].get(field);
      if (v && v->text == value) return map->children[k].text;
    }
  }
  return {};
}

}  // namespace

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::string named_entity(draft& d, draft::input& in, std::string_view key, std::string_view name,
                         std::uint32_t line, std::uint32_t column) {
  if (std::string id = find_entry(d, in, key, "name", name); !id.empty()) return id;
  std::string id = d.unique_id(name, key == "places" ? "place" : "actor");
  record entry = record::mapping(line, column);
  entry.set("name", record::string(std::string(name), line, column));
  in.entities(key).set(id, std::move(entry));
  return id;
}

std::string source_entity(draft& d, draft::input& in, std::string_view title, std::string_view url,
                          std::uint32_t line, std::uint32_t column) {
  std::string id = url.empty() ? find_entry(d, in, "sources", "title", title) : find_entry(d, in, "sources", "url", url);
  if (!id.empty()) return id;
  std::string_view wanted = title;
  if (wanted.empty()) {
    wanted = url;
    if (const auto scheme = wanted.find("://"); scheme != std::string_view::npos) wanted.remove_prefix(scheme + 3);
  }
  id = d.unique_id(wanted, "source");
  record entry = record::mapping(line, column);
  if (!title.empty()) entry.set("title", record::string(std::string(title), line, column));
  if (!url.empty()) entry.set("url", record::string(std::string(url), line, column));
  in.entities("sources").set(id, std::move(entry));
  return id;
}

}  // namespace annals
