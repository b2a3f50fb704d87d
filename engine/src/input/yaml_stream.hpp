#pragma once

// Reads one YAML document through yaml-cpp's event API, building a small tree for
// one header entry or one event at a time: the file is never held as one tree.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"

namespace annals {

/// A problem that stops the reading of a document.
struct yaml_error {
  std::string code;  // yaml-syntax, too-deep, too-large, schema
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string hint = {};  // what to write instead, when there is a known way
};

/// What the reader hands over, in document order.
struct yaml_sink {
  std::function<void(record key, record value)> header;  // a top-level entry; a streamed `events:` list comes empty
  std::function<void(record item)> event;               // one item of the top-level `events:` sequence
};

struct yaml_limits {
  std::size_t max_depth = 64;
  std::size_t max_scalar_bytes = 1 << 20;
  std::size_t max_alias_nodes = 100000;  // nodes copied by aliases, per document
  // Bytes copied by anchors and aliases (what an alias repeats, and the anchor's own
  // copy), in all documents sharing `alias_bytes`: one big scalar aliased a thousand
  // times stays within the node limit yet would take a thousand times its size.
  std::size_t max_alias_bytes = SIZE_MAX;
  std::size_t* alias_bytes = nullptr;     // the bytes so far, added to; null: this document's alone
  std::size_t max_tree_bytes = SIZE_MAX;  // the nodes of one top-level entry or event, in bytes
  std::size_t max_events = SIZE_MAX;      // events of all files, beyond which reading stops
  std::size_t events_before = 0;          // events of the files read before this one
};

/// Where a text sits in its file: a piece of a file's `events:` list is a
/// document of its own, whose root is the list.
struct yaml_piece {
  std::uint32_t line_offset = 0;  // lines before the text in its file
  bool events_root = false;       // the root is a sequence of events (its items go to sink.event)
};

/// The one-document rule, checked on the lines before parsing: a `---` or `...` at the
/// start of a line is always a document marker (YAML 1.2 9.1), so a second `---` after
/// content, or content after `...`, starts a second document; a directive (`%YAML`)
/// must be followed by `---`. Returns the problem, at its line.
std::optional<yaml_error> check_documents(std::string_view text);

/// Reads `text` (one YAML document holding a mapping, or a piece) into `sink`.
/// Returns the problems that stopped it; problems found before stopping were
/// already handed over.
std::vector<yaml_error> read_yaml(std::string_view text, const yaml_limits& limits, const yaml_sink& sink,
                                  const yaml_piece& piece = {});

}  // namespace annals
