// The fuzz dictionaries (tests/fuzz/*.dict) cannot go stale: load.dict names every field
// and enum value of schemas/timeline.schema.json and every row of the engine's link,
// milestone and calendar tables, and every dictionary is one libFuzzer would read (a
// malformed line stops the fuzzer before it starts, which only a fuzz run would show).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "annals/event.hpp"
#include "model/link_table.hpp"
#include "annals/temporal.hpp"
#include "time/calendars.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path fuzz_dir = fs::path(ANNALS_SOURCE_DIR) / "tests" / "fuzz";

struct dictionary {
  std::set<std::string> entries;
  std::vector<std::string> bad_lines;  // "line N: text", lines libFuzzer would refuse
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The entry a line of a libFuzzer dictionary holds: `"text"` or `name="text"`, with the
// escapes \\, \" and \xAB; false when the line is none (libFuzzer's ParseOneDictionaryEntry).
bool parse_entry(const std::string& line, std::string& out) {
  const auto open = line.find('"');
  if (open == std::string::npos || line.size() < open + 2 || line.back() != '"') return false;
  for (std::size_t i = 0; i < open; ++i) {
    const char c = line[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c == '=' && i + 1 == open))) return false;
  }
  out.clear();
  for (std::size_t i = open + 1; i + 1 < line.size(); ++i) {
    if (line[i] != '\\') {
      out += line[i];
      continue;
    }
    if (i + 2 >= line.size()) return false;
    const char next = line[i + 1];
    if (next == '\\' || next == '"') {
      out += next;
      ++i;
    } else if (next == 'x' && i + 3 < line.size() && hex_digit(line[i + 2]) >= 0 && hex_digit(line[i + 3]) >= 0) {
      out += static_cast<char>(hex_digit(line[i + 2]) * 16 + hex_digit(line[i + 3]));
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

dictionary read_dictionary(const std::string& name) {
  std::ifstream in(fuzz_dir / name);
  REQUIRE(in);
  dictionary d;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t\r");
    std::string entry;
    if (parse_entry(line.substr(first, last - first + 1), entry)) {
      d.entries.insert(entry);
    } else {
      d.bad_lines.push_back("line " + std::to_string(n) + ": " + line);
    }
  }
  return d;
}

// Every property name and every enum value anywhere in the schema.
void schema_words(const nlohmann::json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "properties" && value.is_object()) {
        for (const auto& [field, _] : value.items()) out.insert(field);
      }
      if (key == "enum" && value.is_array()) {
        for (const auto& v : value) {
          if (v.is_string()) out.insert(v.get<std::string>());
        }
      }
      schema_words(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& v : node) schema_words(v, out);
  }
}

std::string missing_from(const dictionary& d, const std::set<std::string>& words) {
  std::string missing;
  for (const std::string& w : words) {
    if (!d.entries.count(w)) missing += " \"" + w + "\"";
  }
  return missing;
}

}  // namespace

TEST_CASE("every fuzz dictionary is one libFuzzer reads", "[fuzz]") {
  for (const char* name : {"dates.dict", "load.dict", "render.dict"}) {
    DYNAMIC_SECTION(name) {
      const dictionary d = read_dictionary(name);
      std::string bad;
      for (const std::string& l : d.bad_lines) bad += "\n  " + l;
      INFO("lines libFuzzer would refuse:" << bad);
      CHECK(d.bad_lines.empty());
      CHECK(d.entries.size() > 20);
    }
  }
}

TEST_CASE("the load dictionary names every field and value of the timeline schema", "[fuzz]") {
  std::ifstream in(fs::path(ANNALS_SOURCE_DIR) / "schemas" / "timeline.schema.json");
  REQUIRE(in);
  std::set<std::string> words;
  schema_words(nlohmann::json::parse(in), words);
  REQUIRE(words.count("events"));  // the walk found the schema's fields
  const std::string missing = missing_from(read_dictionary("load.dict"), words);
  INFO("add to tests/fuzz/load.dict:" << missing);
  CHECK(missing.empty());
}

TEST_CASE("the load dictionary names every link kind, milestone and calendar of the engine", "[fuzz]") {
  std::set<std::string> words;
  for (const annals::link_info& l : annals::link_kinds()) words.emplace(l.field);
  for (std::size_t m = 0; m < annals::milestone_count; ++m) {
    words.emplace(annals::to_string(static_cast<annals::milestone>(m)));
  }
  for (const annals::detail::calendar_row* c : annals::detail::calendar_rows()) words.emplace(c->id);
  const std::string missing = missing_from(read_dictionary("load.dict"), words);
  INFO("add to tests/fuzz/load.dict:" << missing);
  CHECK(missing.empty());
}
