#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "annals/load.hpp"

namespace annals {

namespace {

std::string why(const char* what, int err) { return std::string(what) + ": " + std::strerror(err); }

// Reads `fd` to its end, refusing more than `max_bytes` (the bytes read so far are
// dropped): at most max_bytes + 1 bytes are ever held.
read_result read_all(int fd, std::size_t max_bytes, std::size_t size_hint) {
  read_result r;
  r.bytes.reserve(std::min(size_hint, max_bytes));
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return {{}, why("read error", errno)};
    }
    if (n == 0) return r;
    if (static_cast<std::size_t>(n) > max_bytes - r.bytes.size()) return {{}, "too large", true};
    r.bytes.append(chunk, static_cast<std::size_t>(n));
  }
}

class disk_reader final : public file_reader {
 public:
  read_result read(const std::string& path, std::size_t max_bytes) override {
    if (path == "-") return read_all(STDIN_FILENO, max_bytes, 0);
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT || errno == ENOTDIR) return {{}, "no such file"};
      return {{}, why("cannot open", errno)};
    }
    struct stat st {};
    read_result r;
    if (::fstat(fd, &st) != 0) {
      r = {{}, why("cannot open", errno)};
    } else if (S_ISDIR(st.st_mode)) {
      r = {{}, "is a directory, not a file"};
    } else if (!S_ISREG(st.st_mode)) {
      r = {{}, "not a regular file (a FIFO, device or socket); pipe it to '-' to read it from standard input"};
    } else if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
      r = {{}, "too large", true};
    } else {
      r = read_all(fd, max_bytes, static_cast<std::size_t>(st.st_size));
    }
    ::close(fd);
    return r;
  }
};

}  // namespace

std::unique_ptr<file_reader> make_disk_reader() { return std::make_unique<disk_reader>(); }

}  // namespace annals
