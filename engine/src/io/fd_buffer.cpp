#include "io/fd_buffer.hpp"

#include <unistd.h>

#include <cerrno>

namespace annals {

int write_all(int fd, std::string_view bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

fd_buffer::fd_buffer(int fd, std::size_t block_size) : fd_(fd), block_(new char[block_size]) {
  setp(block_.get(), block_.get() + block_size);
}

fd_buffer::int_type fd_buffer::overflow(int_type c) {
  if (drain() != 0) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int fd_buffer::drain() {
  if (error_ == 0) error_ = write_all(fd_, {pbase(), static_cast<std::size_t>(pptr() - pbase())});
  setp(pbase(), epptr());
  return error_;
}

}  // namespace annals
