// The table of diagnostic codes is the one list of them: every code the engine's sources
// report is in it, every code in it is reported somewhere, and the README's list of
// validate's codes is the table's.

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "model/diagnostic_codes.hpp"

using namespace annals;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool code_shaped(std::string_view s) { return std::regex_match(std::string(s), std::regex("[a-z][a-z0-9]*(-[a-z0-9]+)*")); }

struct literal {
  std::size_t at;  // of its opening quote
  std::string text;
};

// The string literals of a C++ source, and the source with their insides and the comments
// blanked out, so that brackets can be counted.
struct scanned {
  std::string skeleton;
  std::vector<literal> literals;
};

scanned scan(const std::string& src) {
  scanned out{src, {}};
  std::string& sk = out.skeleton;
  for (std::size_t i = 0; i < src.size();) {
    if (src.compare(i, 2, "//") == 0) {
      const std::size_t end = std::min(src.find('\n', i), src.size());
      std::fill(sk.begin() + i, sk.begin() + end, ' ');
      i = end;
    } else if (src.compare(i, 2, "/*") == 0) {
      const std::size_t end = std::min(src.find("*/", i) + 2, src.size());
      std::fill(sk.begin() + i, sk.begin() + end, ' ');
      i = end;
    } else if (src[i] == '\'') {  // a character literal: '"' is no string
      std::size_t j = i + 1;
      while (j < src.size() && src[j] != '\'') j += src[j] == '\\' ? 2 : 1;
      std::fill(sk.begin() + i + 1, sk.begin() + std::min(j, src.size()), ' ');
      i = j + 1;
    } else if (src.compare(i, 3, "R\"(") == 0 || (src[i] == 'R' && i + 1 < src.size() && src[i + 1] == '"')) {
      const std::size_t open = src.find('(', i);
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = src.find(close, open);
      std::fill(sk.begin() + open, sk.begin() + end, ' ');
      i = end + close.size();
    } else if (src[i] == '"') {
      std::size_t j = i + 1;
      std::string text;
      while (j < src.size() && src[j] != '"') {
        if (src[j] == '\\') text += src[j++];
        text += src[j++];
      }
      out.literals.push_back({i, text});
      std::fill(sk.begin() + i + 1, sk.begin() + j, ' ');
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// Whether the literal at `at` is the first string argument of a call to a function that
// reports a problem: error(...), warning(...), fail(...), report(...), finding(...),
// make_error(...).
bool first_argument_of_reporter(const std::string& sk, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i-- > 0;) {
    const char c = sk[i];
    if (c == '"') return false;  // an earlier string in the same call
    if (c == ')') ++depth;
    if (c == '(') {
      if (depth-- > 0) continue;
      std::size_t end = i;
      while (end > 0 && sk[end - 1] == ' ') --end;
      std::size_t begin = end;
      while (begin > 0 && (std::isalnum(static_cast<unsigned char>(sk[begin - 1])) || sk[begin - 1] == '_')) --begin;
      static const std::set<std::string> reporters{"error", "warning", "fail", "report", "finding", "make_error"};
      return reporters.count(sk.substr(begin, end - begin)) > 0;
    }
    if (depth == 0 && (c == ';' || c == '{' || c == '}')) return false;
  }
  return false;
}

// Every code the sources under `root` name where a code goes, with a file that names it.
std::map<std::string, std::string> codes_in_sources() {
  std::map<std::string, std::string> found;
  const fs::path source = ANNALS_SOURCE_DIR;
  static const std::regex before(R"((severity::(error|warning),|code\s*(=|==|!=)|(yaml_error|stop_reading|date_error)\{+)\s*$)");
  // "... [code]\n", after a message: not a literal that is only a bracketed word ("[options]\n")
  static const std::regex bracketed(R"( \[([a-z][a-z0-9]*(-[a-z0-9]+)*)\]\\n$)");
  for (const fs::path& root : {source / "engine", source / "tools"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      const std::string src = slurp(entry.path());
      const scanned s = scan(src);
      const std::string name = fs::relative(entry.path(), source).string();
      for (const literal& l : s.literals) {
        std::smatch m;
        if (std::regex_search(l.text, m, bracketed)) found.emplace(m[1], name);
        if (!code_shaped(l.text)) continue;
        const std::string lead = s.skeleton.substr(l.at >= 60 ? l.at - 60 : 0, std::min<std::size_t>(l.at, 60));
        if (std::regex_search(lead, before) || first_argument_of_reporter(s.skeleton, l.at)) found.emplace(l.text, name);
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("the diagnostic codes are sorted, unique, and each has a description and help", "[diagnostic_codes]") {
  const auto codes = diagnostic_codes();
  REQUIRE(codes.size() > 40);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const diagnostic_code& c = codes[i];
    INFO(c.code);
    CHECK(code_shaped(c.code));
    if (i > 0) CHECK(codes[i - 1].code < c.code);
    CHECK(!c.commands.empty());
    CHECK(c.description.ends_with('.'));
    CHECK(c.help.ends_with('.'));
    CHECK(find_diagnostic_code(c.code) == &c);
  }
  CHECK(find_diagnostic_code("no-such-code") == nullptr);
}

TEST_CASE("every code the engine reports is in the table, and every code in the table is reported", "[diagnostic_codes]") {
  const std::map<std::string, std::string> found = codes_in_sources();
  // The scan finds the codes it should: a sample from each way of reporting one.
  for (const char* c : {"schema", "unparsed-date", "causal-cycle", "yaml-syntax", "duplicate-key", "missing-milestone", "csv-syntax", "line-too-long"}) {
    INFO(c);
    CHECK(found.count(c) == 1);
  }
  for (const auto& [code, file] : found) {
    INFO(file << " reports '" << code << "': add it to engine/src/model/diagnostic_codes.cpp");
    CHECK(find_diagnostic_code(code) != nullptr);
  }
  for (const diagnostic_code& c : diagnostic_codes()) {
    INFO("'" << c.code << "' is in the table but no source reports it");
    CHECK(found.count(std::string(c.code)) == 1);
  }
}

TEST_CASE("the README lists validate's codes as the table does", "[diagnostic_codes][readme]") {
  const std::string readme = slurp(fs::path(ANNALS_SOURCE_DIR) / "README.md");
  const std::size_t from = readme.find("\nCodes: ");
  REQUIRE(from != std::string::npos);
  const std::string list = readme.substr(from, readme.find(';', from) - from);
  std::set<std::string> listed, table;
  const std::regex quoted("`([a-z][a-z0-9]*(-[a-z0-9]+)*)`");
  for (std::sregex_iterator it(list.begin(), list.end(), quoted), end; it != end; ++it) listed.insert((*it)[1]);
  for (const diagnostic_code& c : diagnostic_codes()) {
    if (std::string(" ") .append(c.commands).append(" ").find(" validate ") != std::string::npos) table.insert(std::string(c.code));
  }
  CHECK(listed == table);
}
