#pragma once

// The regular expressions of a JSON Schema `pattern`, matched without std::regex
// in the common case: a JSON Schema for ids and dates uses sequences of character
// classes with quantifiers, which match in linear time.

#include <bitset>
#include <cstdint>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// A compiled `pattern`: ECMA 262 semantics (a search, unless anchored by ^ and $).
class schema_pattern {
 public:
  explicit schema_pattern(const std::string& source);
  bool matches(std::string_view text) const;
  const std::string& source() const { return source_; }

 private:
  struct atom {
    std::bitset<256> set;
    std::uint32_t min = 1;
    std::uint32_t max = 1;
  };
  // The subset: [^]? (literal | . | \d | \w | \s | [class])(?|*|+|{n}|{n,}|{n,m})? ... [$]?
  bool compile_simple();
  bool match_simple(std::string_view text) const;
  bool match_simple(std::string_view text, char* reach, std::uint32_t* run, int* diff) const;
  bool greedy_is_exact() const;
  bool match_greedy(std::string_view text) const;

  std::string source_;
  bool simple_ = false;
  bool greedy_ = false;  // a simple pattern that one left-to-right pass decides
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  std::vector<atom> atoms_;
  std::shared_ptr<const std::regex> regex_;  // anything beyond the subset
};

}  // namespace annals
