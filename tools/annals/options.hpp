#pragma once
// The command table's rows as boost::program_options: a command's words parsed into the
// engine's command_line, or its --help.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "annals/command_table.hpp"

namespace annals_tool {

/// A command line the parser refused; the message says why (with a spelling hint).
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct parsed {
  std::optional<annals::command_line> line;  // none: --help was asked for
  std::string help;                          // what --help prints
};

/// Parses `args` (the words after the command's name) by `command`'s row; throws usage_error.
parsed parse(const annals::command_row& command, const std::vector<std::string>& args);

}  // namespace annals_tool
