#pragma once

// Writes records as annals YAML: what `import`, `extract` and the `--into` merge write.

#include <string>
#include <vector>

#include "annals/record.hpp"

namespace annals {

/// `node` as YAML in block style, at `indent` spaces (a document when 0): strings quoted
/// only where they would not read back as the same string, short lists of scalars in
/// flow style, and before a node whose `note` is k the comment notes[k - 1] (one `# `
/// line per line of it). Read back, it gives the same tree.
std::string write_yaml(const record& node, const std::vector<std::string>& notes = {}, std::size_t indent = 0);

/// A scalar as YAML writes it on one line: plain when that reads back as `text` (a
/// string when `string`), else double-quoted with escapes.
std::string yaml_scalar(const std::string& text, bool string = true);

}  // namespace annals
