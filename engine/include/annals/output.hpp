#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace annals {

/// Why an output file could not be written; none when it was.
struct write_result {
  std::optional<std::string> error;  // lower-case, names the path: "cannot write 'out.html': ..."

  bool ok() const { return !error; }
};

/// Writes what `produce` puts on its stream to `path` atomically: into a temporary file in
/// the same directory, through a 1 MiB buffer, flushed to disk, then renamed over `path`.
/// On any failure the temporary file is removed and an existing `path` is untouched. A
/// failed write stops `produce` (the stream throws) and is reported here; any other
/// exception from `produce` propagates, after the same clean-up. Refuses to write over
/// any of `inputs` (compared by file identity, so `./a.yaml` and `a.yaml` are the same
/// file) before `produce` runs. A new file gets mode 0666 minus the umask; a replaced one
/// keeps its mode.
write_result write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce,
                              const std::vector<std::string>& inputs = {});

}  // namespace annals
