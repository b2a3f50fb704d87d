#pragma once

// Every id written in the workspace's files, where it is defined and where it is used,
// read from the files' YAML trees (so a file broken past some point still offers what it
// read before it). Go-to-definition, find-references and completion read it.

#include <cstdint>
#include <string>
#include <vector>

#include "annals/workspace.hpp"
#include "lsp/context.hpp"

namespace annals::lsp {

struct occurrence {
  std::string file;
  std::uint32_t line = 0;    // 1-based, as the tree has it
  std::uint32_t column = 0;  // 1-based byte
  id_kind kind = id_kind::none;
  bool defines = false;
  std::string id;
  std::string detail;  // a definition's title or name
};

/// Every id of every file of `ws`, in file order.
std::vector<occurrence> occurrences(const workspace& ws);

}  // namespace annals::lsp
