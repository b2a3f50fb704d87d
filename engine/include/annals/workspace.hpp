#pragma once

// The event files an editor has open, checked together as `annals validate` checks them:
// the per-file step (read, build and check a file alone) is kept for each file and re-run
// only for a file that changed, and only for the parts of it that changed; the cross-file
// step (ids, links, order, claims) runs over all of them. The language server (`annals
// lsp`) holds one.

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "annals/load.hpp"
#include "annals/record.hpp"
#include "annals/validate.hpp"

namespace annals {

class workspace {
 public:
  explicit workspace(load_options options = {});
  ~workspace();
  workspace(const workspace&) = delete;
  workspace& operator=(const workspace&) = delete;

  /// Sets a file's text (an editor's buffer, or the disk's), adding the file if it is new.
  void set(const std::string& path, std::string text);
  /// Forgets a file.
  void remove(const std::string& path);
  /// The files, in the order they were first set.
  const std::vector<std::string>& paths() const;
  /// A file's text, or null.
  const std::string* text(const std::string& path) const;
  /// A file's YAML as read: its top-level entries (keys and values alternating) and its
  /// events, each node at its line and column. Null for an unknown file; after a YAML error
  /// the file's trees hold what was read before it. Valid until the file changes.
  struct file_tree {
    std::span<const record> header;  // key, value, key, value...
    std::span<const record> events;  // the items of `events:`
  };
  const file_tree* tree(const std::string& path) const;

  /// Every check over every file together, as `annals validate` runs them; every
  /// diagnostic with its range. Re-run only after a change; valid until the next one.
  const validation& check();

  struct state;

 private:
  std::unique_ptr<state> state_;
};

}  // namespace annals
