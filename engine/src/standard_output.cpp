#include "annals/standard_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

namespace annals {

// A block buffer over a file descriptor that remembers the first failure.
class checked_output::buffer final : public std::streambuf {
 public:
  explicit buffer(int fd) : fd_(fd) { setp(block_, block_ + sizeof block_); }

  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (drain() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() == 0 ? 0 : -1; }

 private:
  // Writes out the buffered bytes (dropping them after a failure); 0 or the errno.
  int drain() {
    const char* p = pbase();
    while (error_ == 0 && p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n > 0) {
        p += n;
      } else if (n == 0) {
        error_ = EIO;  // a write that takes nothing would loop forever
      } else if (errno != EINTR) {
        error_ = errno;
      }
    }
    setp(pbase(), epptr());
    return error_;
  }

  int fd_;
  int error_ = 0;
  char block_[64 << 10];
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
