#pragma once
// The facts of the machine a command runs on, read here at the edge and only here: the
// clock (what "today" is), the terminal (colour, width, a progress line on standard
// error) and the environment (NO_COLOR, TERM, ANNALS_THREADS). The engine is given them.

#include "annals/command_table.hpp"

namespace annals_tool {

class machine {
 public:
  machine();
  annals::command_context& context() { return context_; }
  /// The exit status of `o`, after clearing the progress line if one was shown.
  int finish(annals::outcome o) const;

 private:
  annals::command_env env_;
  annals::command_context context_;
};

/// 0, 1 and 2 for ok, input_error and usage_error.
int exit_status(annals::outcome o);

}  // namespace annals_tool
