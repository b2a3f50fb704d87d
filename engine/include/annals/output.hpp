#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// Why an output file could not be written; none when it was.
struct write_result {
  std::optional<std::string> error;  // lower-case, names the path: "cannot write 'out.html': ..."

  bool ok() const { return !error; }
};

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory,
/// flushed to disk, then renamed over `path`. On any failure the temporary file is
/// removed and an existing `path` is untouched. Refuses to write over any of `inputs`
/// (compared by file identity, so `./a.yaml` and `a.yaml` are the same file).
/// A new file gets mode 0666 minus the umask; a replaced one keeps its mode.
write_result write_atomically(const std::string& path, std::string_view bytes,
                              const std::vector<std::string>& inputs = {});

}  // namespace annals
