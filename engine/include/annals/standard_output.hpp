#pragma once

// Standard output that knows whether it was written. An iostream keeps a failed write to
// itself until a flush and forgets its errno; a command that wrote a truncated page to a
// full disk must not exit 0.

#include <iosfwd>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace annals {

/// While alive, `stream` (std::cout) writes to the file descriptor `fd` through a buffer
/// that keeps the errno of the first failed or short write and drops what follows it, so
/// the stream fails from then on.
class checked_output {
 public:
  checked_output(std::ostream& stream, int fd);
  /// Flushes, then gives `stream` its own buffer back.
  ~checked_output();
  checked_output(const checked_output&) = delete;
  checked_output& operator=(const checked_output&) = delete;

  /// Flushes: 0 when every byte written so far reached `fd`, else the errno of the first
  /// failure (EIO when the stream failed without one).
  int finish();

 private:
  class buffer;
  std::ostream& stream_;
  std::unique_ptr<buffer> buffer_;
  std::streambuf* previous_;
};

/// `annals COMMAND: cannot write standard output: REASON` and a newline (`annals: ...`
/// when `command` is empty): how every command reports a failed write to standard output.
std::string cannot_write_output(std::string_view command, int error);

}  // namespace annals
