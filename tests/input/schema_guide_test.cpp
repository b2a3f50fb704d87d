// schemas/timeline.schema.json is an editor's guide as well as the loader's checks: every
// field says what it means (description, markdownDescription), the link kinds, milestones
// and calendars say what each value means in the words of the engine's tables, the date
// examples are dates annals reads, and the snippets an editor inserts are files annals
// accepts once filled in.

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "annals/memory_reader.hpp"
#include "annals/temporal.hpp"
#include "annals/validate.hpp"
#include "cli_run.hpp"
#include "input/schema.hpp"
#include "input/schema_oracle.hpp"
#include "model/link_table.hpp"
#include "time/calendars.hpp"

using namespace annals;
using namespace annals::testing;
using json = nlohmann::json;

namespace {

const json& timeline_schema() {
  static const json doc = schema_file("timeline.schema.json");
  return doc;
}

// Calls f(pointer, node) for every schema in `node`: the root, each property, definition,
// items and additionalProperties schema (not the instances in examples and snippets).
template <typename F>
void each_schema(const json& node, const std::string& pointer, F&& f) {
  if (!node.is_object()) return;
  f(pointer, node);
  for (const char* names : {"properties", "definitions"}) {
    if (!node.contains(names)) continue;
    for (const auto& [name, sub] : node[names].items()) each_schema(sub, pointer + "/" + names + "/" + name, f);
  }
  for (const char* sub : {"items", "additionalProperties", "propertyNames"}) {
    if (node.contains(sub)) each_schema(node[sub], pointer + "/" + sub, f);
  }
}

// Whether `text` names `word` as a whole identifier (not inside a longer one).
bool names(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const auto part = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    const bool before = at > 0 && part(text[at - 1]);
    const bool after = at + word.size() < text.size() && part(text[at + word.size()]);
    if (!before && !after) return true;
  }
  return false;
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A snippet filled in as the editor's user leaves it: each placeholder its default
// (`${1:text}` is text, `${1|a,b|}` is a), a bare `$1` nothing.
std::string filled(const std::string& s) {
  static const std::regex with_default(R"(\$\{[0-9]+:([^}]*)\})"), choice(R"(\$\{[0-9]+\|([^,|]*)[^}]*\})"),
      bare(R"(\$\{?[0-9]+\}?)");
  return std::regex_replace(std::regex_replace(std::regex_replace(s, with_default, "$1"), choice, "$1"), bare, "");
}

json filled(const json& body) {
  if (body.is_string()) return filled(body.get<std::string>());
  if (body.is_array()) {
    json out = json::array();
    for (const json& item : body) out.push_back(filled(item));
    return out;
  }
  if (body.is_object()) {
    json out = json::object();
    for (const auto& [key, value] : body.items()) out[filled(key)] = filled(value);
    return out;
  }
  return body;
}

// YAML as the yaml-language-server inserts a snippet: block style, plain scalars where
// YAML allows, so that YAML's own typing applies (an inserted `201` is a number).
std::string plain_or_quoted(const std::string& s) {
  static const std::regex needs_quotes(R"(^$|^[-?:,\[\]{}#&*!|>'"%@` ]|: | #|[:\s]$)");
  return std::regex_search(s, needs_quotes) ? json(s).dump() : s;
}

void emit(const json& v, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      out += pad + plain_or_quoted(key) + ":";
      if ((value.is_object() && !value.empty()) || (value.is_array() && !value.empty())) {
        out += "\n";
        emit(value, indent + 2, out);
      } else {
        out += value.is_object() ? " {}\n" : value.is_array() ? " []\n" : " " + (value.is_string() ? plain_or_quoted(value.get<std::string>()) : value.dump()) + "\n";
      }
    }
  } else if (v.is_array()) {
    for (const json& item : v) {
      std::string inner;
      emit(item, indent + 2, inner);
      if (!item.is_object() && !item.is_array()) {
        out += pad + "- " + (item.is_string() ? plain_or_quoted(item.get<std::string>()) : item.dump()) + "\n";
      } else {
        out += pad + "- " + inner.substr(static_cast<std::size_t>(indent) + 2);
      }
    }
  }
}

std::string to_yaml(const json& doc) {
  std::string out;
  emit(doc, 0, out);
  return out;
}

// Where in a file an instance of a definition stands, for the snippets of definitions.
const std::map<std::string, std::string> definition_home = {
    {"event", "/events/0"},         {"actor", "/actors/x"},           {"source", "/sources/x"},
    {"place", "/places/x"},         {"citation", "/events/0/sources/0"}, {"claim", "/events/0/claims/0"},
    {"date", "/events/0/date"},     {"life_date", "/actors/x/born"},  {"selector", "/events/0/claims/0/series"},
};

// The instance path of the schema at `pointer`: each property its name, each items the
// first item, each additionalProperties an entry named x.
std::string instance_path(const std::string& pointer) {
  std::string out;
  std::stringstream tokens(pointer.substr(1));
  std::vector<std::string> t;
  for (std::string s; std::getline(tokens, s, '/');) t.push_back(s);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == "definitions") out = definition_home.at(t[++i]);
    else if (t[i] == "properties") out += "/" + t[++i];
    else if (t[i] == "items") out += "/0";
    else if (t[i] == "additionalProperties") out += "/x";
  }
  return out;
}

// A whole file with `body` at `path`, beside one event (each path in a file is an object
// member or an array's first item).
json file_with(const std::string& path, const json& body) {
  json doc = {{"reference", "2015-11-25"},
              {"events", json::array({{{"id", "base"}, {"title", "Base"}, {"date", "2015-11-23"}}})}};
  doc[json::json_pointer(path)] = body;
  return doc;
}

std::vector<diagnostic> errors_of(const std::string& yaml) {
  memory_reader reader;
  reader.add("snippet.yaml", yaml);
  std::vector<diagnostic> out;
  for (const diagnostic& d : validate({"snippet.yaml"}, reader, {}).diagnostics) {
    if (d.level == severity::error) out.push_back(d);
  }
  return out;
}

std::string listed(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) out += "\n  " + d.code + ": " + d.message;
  return out;
}

// The annotations editors read, beside the draft-07 keywords.
const std::set<std::string> editor_keywords = {"markdownDescription", "enumDescriptions", "markdownEnumDescriptions",
                                               "defaultSnippets",     "doNotSuggest",     "deprecationMessage",
                                               "errorMessage",        "patternErrorMessage"};

// `node` without the annotations only editors read; `names`: node maps names to schemas.
json without_editor_words(const json& node, bool names = false) {
  static const std::set<std::string> words = {"markdownDescription", "enumDescriptions", "markdownEnumDescriptions",
                                              "examples", "defaultSnippets", "$comment"};
  if (node.is_array()) {
    json out = json::array();
    for (const json& item : node) out.push_back(without_editor_words(item));
    return out;
  }
  if (!node.is_object()) return node;
  json out = json::object();
  for (const auto& [key, value] : node.items()) {
    if (!names && words.count(key)) continue;
    out[key] = without_editor_words(value, !names && (key == "properties" || key == "definitions"));
  }
  return out;
}

}  // namespace

TEST_CASE("the loader compiles the schema file without the words only editors read", "[schema]") {
  const json compiled = json::parse(timeline_schema_text());
  CHECK(compiled == without_editor_words(timeline_schema()));
  CHECK(compiled != timeline_schema());
  CHECK(timeline_schema_text().find("markdownDescription") == std::string_view::npos);
}

TEST_CASE("every field and definition of the timeline schema says what it is, in text and in markdown", "[schema]") {
  std::size_t fields = 0;
  each_schema(timeline_schema(), "", [&](const std::string& pointer, const json& node) {
    const bool named = pointer.empty() || pointer.find("/properties/") != std::string::npos ||
                       pointer.find("/definitions/") != std::string::npos;
    const std::string last = pointer.substr(pointer.rfind('/') + 1);
    if (!named || last == "items" || last == "additionalProperties" || last == "propertyNames") return;
    ++fields;
    INFO(pointer);
    REQUIRE(node.contains("description"));
    REQUIRE(node.contains("markdownDescription"));
    CHECK(node["description"].get<std::string>().size() > 10);
    CHECK(node["markdownDescription"].get<std::string>().size() > 10);
  });
  CHECK(fields > 100);
}

TEST_CASE("the timeline schema uses only draft-07 keywords and those editors read", "[schema]") {
  const json meta = json::parse(read_text(std::filesystem::path(ANNALS_SOURCE_DIR) / "tests/data/json-schema-draft-07.json"));
  for (const char* name : {"timeline.schema.json", "render.schema.json"}) {
    INFO(name);
    CHECK(valijson_validates(meta, schema_file(name)));
  }
  std::set<std::string> draft07;
  for (const auto& [keyword, _] : meta["properties"].items()) draft07.insert(keyword);
  each_schema(timeline_schema(), "", [&](const std::string& pointer, const json& node) {
    for (const auto& [keyword, value] : node.items()) {
      INFO(pointer << " " << keyword);
      CHECK((draft07.count(keyword) || editor_keywords.count(keyword)));
    }
    if (node.contains("markdownDescription")) CHECK(node["markdownDescription"].is_string());
    for (const char* words : {"enumDescriptions", "markdownEnumDescriptions"}) {
      if (!node.contains(words)) continue;
      INFO(pointer << " " << words);
      REQUIRE(node.contains("enum"));
      CHECK(node[words].size() == node["enum"].size());
      for (const json& w : node[words]) CHECK((w.is_string() && !w.get<std::string>().empty()));
    }
    // VS Code's and yaml-language-server's form of a snippet: a label, a description, a body.
    for (const json& snippet : node.value("defaultSnippets", json::array())) {
      INFO(pointer << " " << snippet.dump());
      CHECK(snippet.size() == 3);
      CHECK(snippet.value("label", "") != "");
      CHECK(snippet.value("description", "") != "");
      CHECK(snippet.contains("body"));
    }
  });
}

TEST_CASE("the schema's milestones say what the milestone table says", "[schema][incident]") {
  const json& m = timeline_schema()["definitions"]["event"]["properties"]["milestone"];
  REQUIRE(m["enum"].size() == milestone_count);
  REQUIRE(m["enumDescriptions"].size() == milestone_count);
  REQUIRE(m["markdownEnumDescriptions"].size() == milestone_count);
  for (std::size_t k = 0; k < milestone_count; ++k) {
    const auto kind = static_cast<milestone>(k);
    const milestone_info& row = info(kind);
    const std::string text = m["enumDescriptions"][k], markdown = m["markdownEnumDescriptions"][k];
    INFO(row.name << "\n" << text << "\n" << markdown);
    CHECK(m["enum"][k] == std::string(row.name));
    CHECK(text.starts_with(capitalized(milestone_words(kind)) + ": "));
    CHECK(markdown.starts_with("**" + capitalized(milestone_words(kind)) + "**: "));
    if (!row.metric.empty()) {
      const std::string metric = std::string(row.metric) + " (" + std::string(row.abbreviation) + ")";
      CHECK(text.find(metric) != std::string::npos);
      CHECK(markdown.find(metric) != std::string::npos);
    }
    // The order they give is the table's: they name exactly the milestones this one follows.
    for (std::size_t j = 0; j < milestone_count; ++j) {
      if (j == k) continue;
      const std::string other(to_string(static_cast<milestone>(j)));
      const bool follows = row.follows & (1u << j);
      INFO(other);
      CHECK(names(text, other) == follows);
      CHECK((markdown.find("`" + other + "`") != std::string::npos) == follows);
    }
  }
}

TEST_CASE("the schemas' link kinds say what the link table says", "[schema][links]") {
  const json& event = timeline_schema()["definitions"]["event"]["properties"];
  const json render_kind = schema_file("render.schema.json")["definitions"]["link"]["properties"]["kind"];
  REQUIRE(render_kind["enumDescriptions"].size() == link_kinds().size());
  std::size_t i = 0;
  for (const link_info& k : link_kinds()) {
    const auto kind = *parse_link_kind(k.field);
    const std::string field(k.field);
    // How the holder reads its target and the target the holder: the words every output prints.
    const std::string holder_reads = "\"" + std::string(link_words(kind, true)) + "\"";
    const std::string target_reads = "\"" + std::string(link_words(kind, false)) + "\"";
    const std::vector<std::string> texts = {event[field]["description"], event[field]["markdownDescription"],
                                            render_kind["enumDescriptions"][i], render_kind["markdownEnumDescriptions"][i]};
    CHECK(render_kind["enum"][i] == field);
    for (const std::string& text : texts) {
      INFO(field << ": " << text);
      REQUIRE(text.find(holder_reads) != std::string::npos);
      REQUIRE(text.find(target_reads) != std::string::npos);
      CHECK(text.find(holder_reads) < text.find(target_reads));
      CHECK((text.find("A root cause") != std::string::npos) == k.is_cause);
      const bool says_not = text.find("does not follow it") != std::string::npos;
      const bool says_followed = !says_not && text.find("effects") != std::string::npos &&
                                 text.find(" follow it") != std::string::npos;
      CHECK(says_followed == k.followed);
      CHECK(says_not == !k.followed);
      switch (k.relation) {
        case time_relation::start_after_start:
          CHECK(std::regex_search(text, std::regex("no earlier than (this one|each of them|they) begins?")));
          break;
        case time_relation::start_after_end:
          CHECK(std::regex_search(text, std::regex("no earlier than (this one|each of them|they) ends?")));
          break;
        case time_relation::within:
          CHECK(text.find("lies within") != std::string::npos);
          break;
        case time_relation::none:
          break;
      }
    }
    ++i;
  }
}

TEST_CASE("the schema's calendars are the calendar table's, each described by its title", "[schema][calendar]") {
  const json& c = timeline_schema()["definitions"]["date"]["properties"]["calendar"];
  const auto rows = detail::calendar_rows();
  REQUIRE(c["enum"].size() == rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    INFO(rows[k]->id);
    CHECK(c["enum"][k] == std::string(rows[k]->id));
    CHECK(c["enumDescriptions"][k].get<std::string>().starts_with("The " + std::string(rows[k]->title)));
    CHECK(c["markdownEnumDescriptions"][k].get<std::string>().starts_with("The **" + std::string(rows[k]->title) + "**"));
  }
}

TEST_CASE("every date example of the schema is a date annals reads", "[schema][date]") {
  const json& s = timeline_schema();
  const std::vector<json> lists = {s["definitions"]["date"]["examples"], s["definitions"]["life_date"]["examples"],
                                   s["properties"]["eras"]["items"]["properties"]["date"]["examples"],
                                   s["definitions"]["place"]["properties"]["names"]["items"]["properties"]["date"]["examples"]};
  date_context context;
  context.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  std::vector<std::string> texts;
  std::size_t mappings = 0;
  for (const json& list : lists) {
    REQUIRE(list.size() >= 2);
    for (const json& example : list) {
      INFO(example.dump());
      if (example.is_string()) {
        const std::string text = example;
        const date_result r = normalize_date(text, context);
        CHECK(r.ok());
        if (!r.ok()) UNSCOPED_INFO(r.error->code + ": " + r.error->message);
        texts.push_back(text);
        continue;
      }
      // A mapping is an event's date in a file that has what it names: the event it is
      // relative to, the sources that read it.
      ++mappings;
      json doc = file_with("/events/0/date", example);
      for (const char* anchor : {"after", "before", "during"}) {
        if (example.contains(anchor)) doc["events"].push_back({{"id", example[anchor]}, {"title", "Anchor"}, {"date", "2015-11-20"}});
      }
      const json readings = example.value("sources", json::object());
      for (const auto& [source, _] : readings.items()) doc["sources"][source] = json{{"title", source}};
      const auto errors = errors_of(to_yaml(doc));
      INFO(to_yaml(doc) << listed(errors));
      CHECK(errors.empty());
    }
  }
  CHECK(mappings >= 5);
  // The command line reads them too, all in one run.
  const cli_dir dir("schema-dates");
  std::vector<std::string> args = {"date", "--reference", "2015-11-25"};
  args.insert(args.end(), texts.begin(), texts.end());
  const cli_result r = run_cli(dir, args);
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("error") == std::string::npos);
}

TEST_CASE("every snippet of the schema, filled in as written, is a file annals accepts", "[schema]") {
  std::size_t snippets = 0;
  std::set<std::string> homes;
  each_schema(timeline_schema(), "", [&](const std::string& pointer, const json& node) {
    for (const json& snippet : node.value("defaultSnippets", json::array())) {
      ++snippets;
      const std::string path = instance_path(pointer);
      homes.insert(path);
      const json doc = file_with(path, filled(snippet["body"]));
      const std::string yaml = to_yaml(doc);
      // Ids of other events, actors, places and sources are the writer's to fill in.
      auto errors = errors_of(yaml);
      std::erase_if(errors, [](const diagnostic& d) { return d.code == "unknown-reference"; });
      INFO(pointer << ": " << snippet["label"] << "\n" << yaml << listed(errors));
      CHECK(errors.empty());
      CHECK(valijson_validates(timeline_schema(), to_json(YAML::Load(yaml))));
    }
  });
  // An event, an actor, a source, a place and an era at least.
  for (const char* home : {"/events/0", "/actors/x", "/sources/x", "/places/x", "/eras/0", "/actors", "/sources"}) {
    INFO(home);
    CHECK(homes.count(home));
  }
  CHECK(snippets >= 15);
}
