#pragma once

// The end every drafting command shares (import, extract): the draft checked as annals
// would load it, its problems at their positions in the inputs, and only a draft with no
// error written — as a new YAML file, or merged into an existing one — atomically.

#include <string_view>

#include "annals/commands.hpp"
#include "import/draft.hpp"

namespace annals {

/// Checks `d` and writes it to `target`; `command` names the command in messages.
outcome finish_draft(draft& d, const draft_target& target, command_env& env, std::string_view command);

}  // namespace annals
