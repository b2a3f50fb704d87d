#pragma once

// An output stream's buffer over a file descriptor that keeps the first failure: the one
// writer under `-o` files (output.cpp) and checked standard output (standard_output.cpp).

#include <cstddef>
#include <memory>
#include <streambuf>
#include <string_view>

namespace annals {

/// Writes all of `bytes` to `fd`, again after EINTR; 0 or the errno of the failure (EIO
/// for a write that takes nothing, which would otherwise loop forever).
int write_all(int fd, std::string_view bytes);

/// Writes in blocks of `block_size` bytes. The errno of the first failed or short write is
/// kept; the stream then fails, and every later write is dropped.
class fd_buffer : public std::streambuf {
 public:
  fd_buffer(int fd, std::size_t block_size);

  /// 0, or the errno of the first failed write.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override { return drain() == 0 ? 0 : -1; }

 private:
  // Writes out the buffered bytes (dropping them after a failure); 0 or the errno.
  int drain();

  int fd_;
  std::unique_ptr<char[]> block_;
  int error_ = 0;
};

}  // namespace annals
