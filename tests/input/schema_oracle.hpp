#pragma once
// What the schema tests share: the schema files, YAML read as JSON with the YAML 1.2 core
// schema's typing of plain scalars (what the loader's checks and the yaml-language-server
// see), and valijson, a full JSON Schema validator, as the oracle.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace annals::testing {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// schemas/NAME, parsed.
inline nlohmann::json schema_file(const std::string& name) {
  return nlohmann::json::parse(read_text(std::filesystem::path(ANNALS_SOURCE_DIR) / "schemas" / name));
}

/// YAML to JSON with the YAML 1.2 core schema's typing of plain scalars.
inline nlohmann::json to_json(const YAML::Node& n) {
  using json = nlohmann::json;
  switch (n.Type()) {
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : n) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : n) out[kv.first.Scalar()] = to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() != "?") return s;
      static const std::regex null_re("~|null|Null|NULL"), bool_re("true|True|TRUE|false|False|FALSE"),
          int_re("[-+]?[0-9]+"), float_re("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
      if (std::regex_match(s, null_re)) return nullptr;
      if (std::regex_match(s, bool_re)) return s[0] == 't' || s[0] == 'T';
      if (std::regex_match(s, int_re)) return std::stoll(s);
      if (std::regex_match(s, float_re)) return std::stod(s);
      return s;
    }
    default:
      return nullptr;
  }
}

/// What valijson finds wrong with `doc` against `schema_doc` (a schema of `draft`), one
/// line per error at its place in the document; empty when `doc` is valid.
inline std::string schema_problems(const nlohmann::json& schema_doc, const nlohmann::json& doc,
                                   valijson::SchemaParser::Version draft = valijson::SchemaParser::kDraft7) {
  valijson::Schema schema;
  valijson::SchemaParser parser(draft);
  parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(schema_doc), schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(schema, valijson::adapters::NlohmannJsonAdapter(doc), &results)) return {};
  std::string problems;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    for (const auto& c : e.context) problems += c;
    problems += ": " + e.description + "\n";
  }
  return problems.empty() ? "invalid\n" : problems;
}

/// Whether `doc` is valid against `schema`, by valijson.
inline bool valijson_validates(const nlohmann::json& schema_doc, const nlohmann::json& doc) {
  return schema_problems(schema_doc, doc).empty();
}

}  // namespace annals::testing
