#include "annals/standard_output.hpp"

#include <cerrno>
#include <cstring>
#include <ostream>

#include "io/fd_buffer.hpp"

namespace annals {

// Standard output is written in blocks of 64 KiB.
class checked_output::buffer final : public fd_buffer {
 public:
  explicit buffer(int fd) : fd_buffer(fd, 64 << 10) {}
};

checked_output::checked_output(std::ostream& stream, int fd)
    : stream_(stream), buffer_(std::make_unique<buffer>(fd)), previous_(stream.rdbuf(buffer_.get())) {}

checked_output::~checked_output() {
  stream_.flush();
  stream_.rdbuf(previous_);
}

int checked_output::finish() {
  stream_.flush();
  if (buffer_->error() != 0) return buffer_->error();
  return stream_.good() ? 0 : EIO;
}

std::string cannot_write_output(std::string_view command, int error) {
  std::string out = "annals";
  if (!command.empty()) {
    out += ' ';
    out += command;
  }
  out += ": cannot write standard output: ";
  out += std::strerror(error);
  out += '\n';
  return out;
}

}  // namespace annals
