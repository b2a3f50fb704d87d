#include "input/schema.hpp"

// Why not valijson on the hot path: Debian's valijson 1.0 builds a std::regex for
// every value it checks against a `pattern` (ids: six or more per event) and needs a
// JSON copy of each event; measured on 20,000 events, checking took 1.4 s of the
// loader's 2.4 s. This compiles the same file once, for the keywords it uses, and
// refuses a schema with any other keyword, so the file and the check cannot drift.

#include <algorithm>
#include <charconv>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "annals/diagnostic.hpp"
#include "input/pattern.hpp"

namespace annals {

namespace {

using json = nlohmann::json;

// JSON types as a bit set.
enum type_bits : std::uint8_t {
  t_null = 1, t_boolean = 2, t_integer = 4, t_number = 8, t_string = 16, t_array = 32, t_object = 64,
  t_any = 127,
};

struct check {
  std::uint8_t types = t_any;
  std::vector<std::pair<std::string, const check*>> properties;
  const check* additional = nullptr;  // the schema of other properties, when allowed
  bool additional_allowed = true;
  std::vector<std::string> required;
  const check* items = nullptr;
  const check* property_names = nullptr;
  std::optional<schema_pattern> pattern;
  std::vector<std::string> enumeration;  // string values
  std::size_t min_properties = 0;
  std::vector<std::vector<std::string>> any_required;  // anyOf of {required: [...]} alternatives
  std::string description;
  const check* ref = nullptr;  // $ref: every other keyword is in the target

  const check* property(std::string_view name) const {
    for (const auto& [key, c] : properties) {
      if (key == name) return c;
    }
    return nullptr;
  }
};

// The compiled schema: every check node, owned here; $refs resolved.
class compiled_schema {
 public:
  compiled_schema() : doc_(json::parse(timeline_schema_text())) {
    root_ = compile(doc_, "#");
    event_ = compile(doc_["definitions"]["event"], "#/definitions/event");
  }
  const check* root() const { return root_; }
  const check* event() const { return event_; }

 private:
  const check* compile(const json& s, const std::string& path) {
    if (auto it = compiled_.find(path); it != compiled_.end()) return it->second;
    check& c = nodes_.emplace_back();
    compiled_[path] = &c;
    for (auto it = s.begin(); it != s.end(); ++it) {
      const std::string& k = it.key();
      const json& v = it.value();
      if (k == "$ref") {
        const std::string target = v.get<std::string>();
        c.ref = compile(doc_.at(json::json_pointer(target.substr(1))), target);
      } else if (k == "type") {
        c.types = 0;
        for (const json& t : v.is_array() ? v : json::array({v})) c.types |= type_bit(t.get<std::string>());
      } else if (k == "properties") {
        for (auto p = v.begin(); p != v.end(); ++p) {
          c.properties.emplace_back(p.key(), compile(p.value(), path + "/properties/" + p.key()));
        }
      } else if (k == "additionalProperties") {
        if (v.is_boolean()) {
          c.additional_allowed = v.get<bool>();
        } else {
          c.additional = compile(v, path + "/additionalProperties");
        }
      } else if (k == "required") {
        c.required = v.get<std::vector<std::string>>();
      } else if (k == "items") {
        c.items = compile(v, path + "/items");
      } else if (k == "propertyNames") {
        c.property_names = compile(v, path + "/propertyNames");
      } else if (k == "pattern") {
        c.pattern.emplace(v.get<std::string>());
      } else if (k == "enum") {
        c.enumeration = v.get<std::vector<std::string>>();
      } else if (k == "minProperties") {
        c.min_properties = v.get<std::size_t>();
      } else if (k == "anyOf") {  // only alternatives of required fields: {"anyOf": [{"required": [...]}, ...]}
        for (const auto& alternative : v) {
          if (alternative.size() != 1 || !alternative.contains("required"))
            throw std::logic_error("timeline.schema.json's anyOf may only list {required: [...]} alternatives");
          c.any_required.push_back(alternative["required"].get<std::vector<std::string>>());
        }
      } else if (k == "description") {
        c.description = v.get<std::string>();
      } else if (k != "$schema" && k != "$id" && k != "title" && k != "definitions") {
        throw std::logic_error("timeline.schema.json uses '" + k + "', which the loader does not check");
      }
    }
    return &c;
  }

  static std::uint8_t type_bit(const std::string& t) {
    if (t == "null") return t_null;
    if (t == "boolean") return t_boolean;
    if (t == "integer") return t_integer;
    if (t == "number") return t_number | t_integer;
    if (t == "string") return t_string;
    if (t == "array") return t_array;
    if (t == "object") return t_object;
    throw std::logic_error("unknown type '" + t + "' in timeline.schema.json");
  }

  json doc_;
  std::deque<check> nodes_;  // a deque keeps the pointers stable
  std::unordered_map<std::string, const check*> compiled_;
  const check* root_ = nullptr;
  const check* event_ = nullptr;
};

const compiled_schema& schema() {
  static const compiled_schema compiled;
  return compiled;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

// The JSON type of a node; plain scalars are typed by the YAML 1.2 core schema.
std::uint8_t type_of(const record& n) {
  switch (n.kind) {
    case record::type::null: return t_null;
    case record::type::sequence: return t_array;
    case record::type::mapping: return t_object;
    case record::type::scalar: break;
  }
  const std::string& s = n.text;
  if (!n.plain) return t_string;
  if (s.empty()) return t_null;
  // Most values are words: decide on the first character before any parsing.
  const char c = s[0];
  if ((c >= 'a' && c <= 'z' && c != 'n' && c != 't' && c != 'f') || (c >= 'A' && c <= 'Z' && !is_one_of(s, {"Null", "NULL", "True", "TRUE", "False", "FALSE"}))) {
    return t_string;
  }
  if (is_one_of(s, {"~", "null", "Null", "NULL"})) return t_null;
  if (is_one_of(s, {"true", "True", "TRUE", "false", "False", "FALSE"})) return t_boolean;
  const char* first = s.data() + (c == '+' || c == '-' ? 1 : 0);
  const char* last = s.data() + s.size();
  if (first != last && std::all_of(first, last, [](char d) { return d >= '0' && d <= '9'; })) return t_integer;
  double d = 0;
  if (auto [p, ec] = std::from_chars(first, last, d, std::chars_format::general);
      ec == std::errc() && p == last && s.find_first_of("0123456789") != std::string::npos &&
      s.find_first_of("xXpP") == std::string::npos) {
    return t_number;
  }
  return t_string;
}

std::string describe_types(std::uint8_t types) {
  std::vector<std::string> names;
  // Numbers and true/false read as text where text is allowed: name text alone.
  if (types & t_string) names.push_back("text");
  else if (types & t_number) names.push_back("a number");
  else if (types & t_integer) names.push_back("a whole number");
  if ((types & t_boolean) && !(types & t_string)) names.push_back("true or false");
  if (types & t_array) names.push_back("a list");
  if (types & t_object) names.push_back("a mapping");
  if (types & t_null) names.push_back("empty");
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string describe_node(std::uint8_t type) {
  switch (type) {
    case t_null: return "empty";
    case t_boolean: return "true or false";
    case t_integer: return "a whole number";
    case t_number: return "a number";
    case t_string: return "text";
    case t_array: return "a list";
    case t_object: return "a mapping";
  }
  return "a value";
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

// One token of a JSON pointer: a mapping key or an item's index. The tokens of a
// path live on the stack of `checker::run`, each pointing to its parent, and are
// only joined when there is something to report.
struct path_token {
  const path_token* parent = nullptr;
  bool is_index = false;
  std::string_view key;   // when !is_index
  std::size_t index = 0;  // when is_index

  std::string text() const { return is_index ? std::to_string(index) : std::string(key); }
};

// One run of checks over one tree.
class checker {
 public:
  explicit checker(std::vector<schema_issue>& out) : out_(out) {}

  void run(const check* c, const record& n, const path_token* path) {
    while (c->ref) c = c->ref;
    const std::uint8_t type = type_of(n);
    if (!(c->types & type) && !(type == t_integer && (c->types & t_number))) {
      report(n, path, field(path) + " must be " + describe_types(c->types) + ", not " + describe_node(type));
      return;
    }
    if (!c->enumeration.empty() &&
        std::find(c->enumeration.begin(), c->enumeration.end(), n.text) == c->enumeration.end()) {
      std::string allowed;
      for (const auto& e : c->enumeration) allowed += (allowed.empty() ? "" : ", ") + e;
      report(n, path, field(path) + " must be one of " + allowed);
    }
    if (c->pattern && type == t_string && !c->pattern->matches(n.text)) {
      report(n, path, field(path) + " must be " +
                          (c->description.empty() ? "text matching '" + c->pattern->source() + "'" : c->description));
    }
    if (type == t_array && c->items) {
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        const path_token item{path, true, {}, i};
        run(c->items, n.children[i], &item);
      }
    }
    if (type == t_object) check_mapping(c, n, path);
  }

 private:
  void check_mapping(const check* c, const record& n, const path_token* path) {
    const std::size_t count = n.children.size() / 2;
    for (const std::string& name : c->required) {
      if (!n.get(name)) report(n, path, "missing required field '" + name + "'");
    }
    if (count < c->min_properties) report(n, path, field(path) + " must not be empty");
    if (!c->any_required.empty() && std::none_of(c->any_required.begin(), c->any_required.end(), [&](const auto& names) {
          return std::all_of(names.begin(), names.end(), [&](const std::string& name) { return n.get(name) != nullptr; });
        })) {
      std::string names;
      for (const auto& alternative : c->any_required) names += (names.empty() ? "'" : " or '") + alternative.front() + "'";
      report(n, path, field(path) + " needs " + names);
    }
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
      const record& key = n.children[i];
      const record& value = n.children[i + 1];
      const path_token field_path{path, false, key.text, 0};
      if (i >= 2 && cut_value(n.children[i - 2], n.children[i - 1], key, value) && !c->property(key.text)) {
        const record& before = n.children[i - 2];
        // A problem of the cut field's value (the builder leaves it out: a date cut at
        // ", 2017" would only add an error that follows from this one).
        const path_token cut_path{path, false, before.text, 0};
        report(key, &cut_path,
               "'" + key.text + "' reads as a key: the plain value of '" + before.text + "' ends at ', '",
               "a value holding ', ' inside { } must be quoted: " + quoted_whole(before, n.children[i - 1], key));
        continue;
      }
      if (c->property_names) run(c->property_names, key, &field_path);
      if (const check* p = c->property(key.text)) {
        run(p, value, &field_path);
      } else if (c->additional) {
        run(c->additional, value, &field_path);
      } else if (!c->additional_allowed) {
        std::string message = "unknown field '" + key.text + "'";
        std::vector<std::string_view> names;
        for (const auto& prop : c->properties) names.push_back(prop.first);
        if (auto near = spellcheck(key.text, names); !near.empty()) {
          message += ", did you mean '" + std::string(near) + "'?";
        }
        report(key, &field_path, message, misplaced_zone_hint(c, n, key, value));
      }
    }
  }

  // A key made of digits reads as an index too.
  static std::string field(const path_token* path) {
    if (!path) return "the file";
    const std::string last = path->text();
    const bool index = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
    return index ? "item " + last : "'" + last + "'";
  }

  // A key with no value on the line of a plain value, in a mapping that allows no such
  // key: in a flow mapping `{shd: 11:35 AM on February 28, 2017}` the value ends at
  // ', ' and `2017` is read as a key. A block mapping's keys start lines of their own.
  static bool cut_value(const record& before_key, const record& before, const record& key, const record& value) {
    return value.kind == record::type::null && key.kind == record::type::scalar && key.plain &&
           before.kind == record::type::scalar && before.plain && before.line == key.line &&
           before_key.line == key.line;
  }

  static std::string quoted_whole(const record& before_key, const record& before, const record& key) {
    return before_key.text + ": \"" + before.text + ", " + key.text + "\"";
  }

  // `tz` is a field of the date mapping; on the event it is a common slip (issue 20).
  static std::string misplaced_zone_hint(const check* c, const record& n, const record& key, const record& value) {
    const record* date = n.get("date");
    if (key.text != "tz" || !c->property("date") || !date || value.kind != record::type::scalar) return {};
    const std::string on = date->kind == record::type::scalar ? date->text : "...";
    return "an event's zone goes inside its date mapping: date: {on: " + on + ", tz: " + value.text + "}";
  }

  void report(const record& at, const path_token* path, std::string message, std::string hint = {}) {
    std::vector<const path_token*> tokens;
    for (; path; path = path->parent) tokens.push_back(path);
    std::string pointer;
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) pointer += '/' + escape_pointer_token((*t)->text());
    out_.push_back({std::move(pointer), std::move(message), at.line, at.column, std::move(hint)});
  }

  std::vector<schema_issue>& out_;
};

}  // namespace

std::vector<schema_issue> check_event(const record& item, std::size_t index) {
  std::vector<schema_issue> out;
  const path_token events{nullptr, false, "events", 0};
  const path_token at{&events, true, {}, index};
  checker(out).run(schema().event(), item, &at);
  return out;
}

std::vector<schema_issue> check_header(const record& header) {
  std::vector<schema_issue> out;
  checker(out).run(schema().root(), header, nullptr);
  return out;
}

}  // namespace annals
