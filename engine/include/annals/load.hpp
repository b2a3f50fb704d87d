#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// The bytes of a file, or why they could not be read.
struct read_result {
  std::string bytes;
  std::optional<std::string> error;  // "no such file", "is a directory", ...
  bool too_large = false;            // larger than the limit: refused, nothing kept
};

/// Where files come from: the disk (with "-" as standard input) or memory in tests.
class file_reader {
 public:
  virtual ~file_reader() = default;
  /// The bytes of `path`; a file of more than `max_bytes` is refused (too_large)
  /// without holding more than `max_bytes` + 1 of it in memory.
  virtual read_result read(const std::string& path, std::size_t max_bytes) = 0;
  /// The bytes of `relative` ('/'-separated names, none empty, `.` or `..`) inside the
  /// folder `root`, never leaving it: a name that is a symbolic link is refused (even
  /// one pointing inside), as is anything but a regular file with one link, or one of
  /// more than `max_bytes`. `root` itself is trusted and may be reached through links.
  virtual read_result read_beneath(const std::string& root, const std::string& relative, std::size_t max_bytes) = 0;
};

/// Reads regular files from the file system; "-" reads standard input. A FIFO, device
/// or socket is refused (it could block forever): pipe it to standard input instead.
std::unique_ptr<file_reader> make_disk_reader();

/// Options of a load.
struct load_options {
  std::optional<std::chrono::sys_days> reference;  // --reference: overrides each file's
  std::size_t max_depth = 64;                      // YAML nesting refused beyond this
  std::size_t max_scalar_bytes = 1 << 20;          // one scalar at most 1 MiB
  std::size_t max_line_bytes = 4 << 20;            // one line at most 4 MiB: refused before parsing
  std::size_t memory_per_byte = 16;                // the nodes of one entry or event: at most this many
  std::size_t memory_base = 64 << 20;              //   bytes per byte of the file, plus this
  std::size_t alias_memory_per_byte = 4;           // what anchors and aliases copy, all files together: at most
  std::size_t alias_memory_base = 64 << 20;        //   this many bytes per byte of the files, plus this
  std::size_t threads = 0;                         // parsing threads for big files; 0: every core
  /// Called now and then while a file is parsed, from any of the parsing threads,
  /// with the events read so far in all and about how many of the file's bytes.
  std::function<void(const std::string& path, std::size_t events, std::size_t bytes, std::size_t total)> progress;
  std::size_t max_file_bytes = std::size_t{1} << 30;  // one file read into memory at most 1 GiB
  std::size_t max_events = 10'000'000;             // events of all files together
};

/// A loaded timeline and every problem found while loading it.
struct load_result {
  timeline tl;
  std::vector<diagnostic> diagnostics;
  bool io_failed = false;  // a file could not be read: a usage error (exit 2)
  std::size_t pieces = 0;  // the pieces the files were parsed in, on several threads (0: each read whole)
  std::vector<diagnostic> stops;  // YAML errors that stopped reading a file: its header is unused
};

/// Loads, schema-checks and normalizes every file into one timeline, then checks
/// references across files (duplicate-id, unknown-reference).
load_result load(const std::vector<std::string>& paths, file_reader& reader, const load_options& options);

/// Gives each diagnostic of `file` that has a position but no end the range of the YAML
/// token at its position in `text` (the file's bytes): a plain scalar or key to its end on
/// the line, a quoted scalar to its closing quote, a flow collection to its closing bracket.
void add_ranges(std::vector<diagnostic>& ds, std::string_view file, std::string_view text);
/// The same for every file the diagnostics name, read again through `reader` (standard
/// input, "-", cannot be read twice: its diagnostics stay points).
void add_ranges(std::vector<diagnostic>& ds, file_reader& reader, const load_options& options);

}  // namespace annals
