#pragma once

// Every code a diagnostic or an error of annals can carry, with what it means and how to
// put it right: the one list of them. SARIF's rules, the language server's code
// descriptions and the README's list are read from it or checked against it
// (tests/model/diagnostic_codes_test.cpp scans the engine's sources for codes it lacks).

#include <span>
#include <string_view>

#include "annals/diagnostic.hpp"

namespace annals {

struct diagnostic_code {
  std::string_view code;         // "unparsed-date"
  severity level;                // as it is mostly reported (a few are warnings where an importer reports them)
  std::string_view commands;     // who reports it, space-separated; "validate" is every command that loads event files
  std::string_view description;  // what is wrong, one sentence
  std::string_view help;         // how to put it right; Markdown (`code` spans), readable as plain text
};

/// Every code, sorted by name.
std::span<const diagnostic_code> diagnostic_codes();
/// The row of `code`, or null.
const diagnostic_code* find_diagnostic_code(std::string_view code);

}  // namespace annals
