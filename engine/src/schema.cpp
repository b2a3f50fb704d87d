#include "schema.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <tuple>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "annals/diagnostic.hpp"

namespace annals {

namespace {

using json = nlohmann::json;

// A node's position by JSON pointer; `key` positions are those of mapping keys.
struct position_table {
  struct entry {
    std::string pointer;
    std::uint32_t line, column, key_line, key_column;
  };
  std::vector<entry> entries;

  /// The first entry at `pointer`. Call once every entry is in: the index is built
  /// on the first call (a linear scan per issue made 100,000 bad actors quadratic).
  const entry* find(std::string_view pointer) const {
    if (index.empty()) {
      for (std::size_t i = 0; i < entries.size(); ++i) index.try_emplace(entries[i].pointer, i);
    }
    auto it = index.find(pointer);
    return it == index.end() ? nullptr : &entries[it->second];
  }

 private:
  mutable std::unordered_map<std::string_view, std::size_t> index;
};

// valijson matches patterns with std::regex, which recurses once per character and
// overflows the stack on a long string (an id of 100,000 characters). Longer strings
// are checked as their first `max_checked_text` characters and a NUL, which no
// pattern or enum of the schema accepts: a field with a pattern cannot be that long.
constexpr std::size_t max_checked_text = 4096;

std::string checked_text(const std::string& s) {
  if (s.size() <= max_checked_text) return s;
  return s.substr(0, max_checked_text) + '\0';
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

// YAML 1.2 core schema typing of a plain scalar; quoted scalars stay strings.
json scalar_value(const ynode& n) {
  const std::string& s = n.text;
  if (!n.plain) return checked_text(s);
  if (is_one_of(s, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (is_one_of(s, {"true", "True", "TRUE"})) return true;
  if (is_one_of(s, {"false", "False", "FALSE"})) return false;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  const char* last = s.data() + s.size();
  std::int64_t i = 0;
  if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc() && p == last) return i;
  double d = 0;
  if (auto [p, ec] = std::from_chars(first, last, d, std::chars_format::general);
      ec == std::errc() && p == last && s.find_first_of("0123456789") != std::string::npos &&
      s.find_first_of("xXpP") == std::string::npos) {
    return d;
  }
  return checked_text(s);
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

json to_json(const ynode& n, const std::string& pointer, position_table& table,
             std::uint32_t key_line = 0, std::uint32_t key_column = 0) {
  table.entries.push_back({pointer, n.line, n.column, key_line ? key_line : n.line,
                           key_column ? key_column : n.column});
  switch (n.kind) {
    case ynode::type::null:
      return nullptr;
    case ynode::type::scalar:
      return scalar_value(n);
    case ynode::type::sequence: {
      json out = json::array();
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        out.push_back(to_json(n.children[i], pointer + '/' + std::to_string(i), table));
      }
      return out;
    }
    case ynode::type::mapping: {
      json out = json::object();
      for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
        const ynode& key = n.children[i];
        const std::string name = checked_text(key.text);
        out[name] = to_json(n.children[i + 1], pointer + '/' + escape_pointer_token(name), table, key.line,
                            key.column);
      }
      return out;
    }
  }
  return nullptr;
}

struct compiled_schema {
  valijson::Schema timeline;
  valijson::Schema event;  // the same file, rooted at #/definitions/event

  compiled_schema() {
    json doc = json::parse(timeline_schema_text());
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter root(doc);
    parser.populateSchema(root, timeline);
    json event_doc = doc;
    event_doc.erase("properties");
    event_doc.erase("required");
    event_doc.erase("additionalProperties");
    event_doc["$ref"] = "#/definitions/event";
    valijson::adapters::NlohmannJsonAdapter event_root(event_doc);
    parser.populateSchema(event_root, event);
  }
};

const compiled_schema& schemas() {
  static const compiled_schema compiled;
  return compiled;
}

// valijson's context ["<root>", "[events]", "[0]"] as a JSON pointer under `base`.
std::string context_pointer(const std::vector<std::string>& context, const std::string& base) {
  std::string out = base;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& c = context[i];
    std::string token = c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c;
    out += '/' + escape_pointer_token(token);
  }
  return out;
}

std::string last_token(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

std::string field_name(const std::string& pointer) {
  std::string token = last_token(pointer);
  return token.empty() || std::isdigit(static_cast<unsigned char>(token[0])) ? "item " + token
                                                                                : "'" + token + "'";
}

std::string quoted_between(const std::string& text, char open, char close) {
  auto a = text.find(open);
  auto b = a == std::string::npos ? a : text.find(close, a + 1);
  return b == std::string::npos ? "" : text.substr(a + 1, b - a - 1);
}

// The names a mapping's schema allows, for "did you mean".
std::vector<std::string> allowed_fields(const std::string& pointer) {
  static const json doc = json::parse(timeline_schema_text());
  const json& defs = doc["definitions"];
  const json* props = nullptr;
  const int depth = static_cast<int>(std::count(pointer.begin(), pointer.end(), '/'));
  if (pointer.empty()) props = &doc["properties"];
  else if (pointer.starts_with("/events/") && depth == 2) props = &defs["event"]["properties"];
  else if (pointer.ends_with("/date")) props = &defs["date"]["properties"];
  else if (pointer.ends_with("/series")) props = &defs["selector"]["properties"];
  else if (pointer.find("/claims/") != std::string::npos) props = &defs["claim"]["properties"];
  else if (pointer.starts_with("/actors/")) props = &defs["actor"]["properties"];
  else if (pointer.starts_with("/places/")) props = &defs["place"]["properties"];
  else if (pointer.starts_with("/sources/")) props = &defs["source"]["properties"];
  std::vector<std::string> out;
  if (props) {
    for (auto it = props->begin(); it != props->end(); ++it) out.push_back(it.key());
  }
  return out;
}

schema_issue describe(const std::string& pointer, const std::string& description, const position_table& table) {
  schema_issue issue;
  issue.pointer = pointer;
  const auto* at = table.find(pointer);
  // Map valijson's wording to annals' own: lower-case, naming the field.
  if (description.find("could not be validated using 'properties' or 'additionalProperties'") !=
      std::string::npos) {
    const std::string field = quoted_between(description, '\'', '\'').empty()
                                  ? ""
                                  : description.substr(description.rfind(": '") + 3);
    std::string name = field.empty() ? "" : field.substr(0, field.size() - 2);
    const std::string child = pointer + '/' + escape_pointer_token(name);
    if (const auto* c = table.find(child)) at = c, issue.pointer = child;
    issue.message = "unknown field '" + name + "'";
    std::vector<std::string> allowed = allowed_fields(pointer);
    std::vector<std::string_view> views(allowed.begin(), allowed.end());
    if (auto near = spellcheck(name, views); !near.empty()) {
      issue.message += ", did you mean '" + std::string(near) + "'?";
    }
    if (at) issue.line = at->key_line, issue.column = at->key_column;
    return issue;
  }
  if (description.starts_with("Missing required property")) {
    issue.message = "missing required field '" + quoted_between(description, '\'', '\'') + "'";
  } else if (description.find("regex") != std::string::npos) {
    issue.message = field_name(pointer) + " must be an id: lower-case letters, digits, '.', '_' or '-'";
  } else if (description.starts_with("Value type not permitted")) {
    issue.message = field_name(pointer) + " has the wrong type";
  } else if (description.find("not match any of the values") != std::string::npos ||
             description.find("Failed to match against any enum") != std::string::npos) {
    issue.message = field_name(pointer) + " is not one of the allowed values";
  } else {
    std::string d = description;
    if (!d.empty()) d[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(d[0])));
    if (!d.empty() && d.back() == '.') d.pop_back();
    issue.message = field_name(pointer) + ": " + d;
  }
  if (at) issue.line = at->line, issue.column = at->column;
  return issue;
}

std::vector<schema_issue> validate(const valijson::Schema& schema, const json& doc, const std::string& base,
                                   const position_table& table) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return {};
  // valijson reports every enclosing node too ("failed to validate item #0"):
  // keep the innermost errors only, one per node.
  std::vector<std::pair<std::string, std::string>> errors;
  for (const auto& e : results) errors.emplace_back(context_pointer(e.context, base), e.description);
  // Sorted by pointer, a node's own errors sit together and the errors below it
  // start at its pointer + '/': each lookup is a binary search, so a header of
  // 100,000 bad actors costs O(E log E), not O(E^2).
  std::vector<std::pair<std::string, std::string>> sorted = errors;
  std::sort(sorted.begin(), sorted.end());
  auto is_wrapper = [](const std::string& d) {
    return d.starts_with("Failed to validate") || d.starts_with("Failed to match");
  };
  std::vector<schema_issue> out;
  std::set<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>> seen;
  for (const auto& [pointer, description] : errors) {
    const std::string below = pointer + '/';
    const auto deeper = std::lower_bound(sorted.begin(), sorted.end(), std::pair(below, std::string()));
    if (deeper != sorted.end() && deeper->first.starts_with(below)) continue;
    if (is_wrapper(description)) {
      const auto same = std::equal_range(sorted.begin(), sorted.end(), std::pair(pointer, std::string()),
                                         [](const auto& a, const auto& b) { return a.first < b.first; });
      if (std::any_of(same.first, same.second, [&](const auto& o) { return !is_wrapper(o.second); })) continue;
    }
    schema_issue issue = describe(pointer, description, table);
    if (seen.emplace(issue.pointer, issue.message, issue.line, issue.column).second) out.push_back(std::move(issue));
  }
  return out;
}

}  // namespace

std::vector<schema_issue> check_event(const ynode& item, const std::string& pointer) {
  position_table table;
  json doc = to_json(item, pointer, table);
  return validate(schemas().event, doc, pointer, table);
}

std::vector<schema_issue> check_header(const ynode& header, bool events_streamed) {
  position_table table;
  json doc = to_json(header, "", table);
  if (events_streamed) doc["events"] = json::array();
  return validate(schemas().timeline, doc, "", table);
}

}  // namespace annals
