#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "annals/load.hpp"
#include "input/encoding.hpp"
#include "input/media_url.hpp"

namespace annals {

namespace {

std::string why(const std::string& what, int err) { return what + ": " + std::strerror(err); }

// Faulting in a big buffer's 4 KB pages one by one costs more than reading into it
// (a 32 MB file: 8,000 faults, 0.15-0.3 s on a VM); where the system has them, ask
// for 2 MB pages over the whole 2 MB pages inside the buffer. Advice only: ignored
// when refused.
void advise_huge_pages([[maybe_unused]] char* begin, [[maybe_unused]] std::size_t size) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
  const auto b = reinterpret_cast<std::uintptr_t>(begin);
  const std::uintptr_t first = (b + huge - 1) & ~(huge - 1), last = (b + size) & ~(huge - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

// Room for `more` bytes in a stream's buffer, which holds at most `max_bytes`. Growing
// means a copy that briefly holds the old buffer and the new: left to std::string, a GiB
// of standard input grew into a 2 GiB buffer and peaked at 2.1 GB. So the buffer
// doubles while small, and once it holds an eighth of the limit it takes the limit at
// once: the bytes are never held twice past that eighth, and the address space needed
// stays under 1.125 times the limit (pages reserved but not yet read take no memory).
void reserve_for(std::string& bytes, std::size_t more, std::size_t max_bytes) {
  const std::size_t needed = bytes.size() + more;  // <= max_bytes: checked before
  if (needed <= bytes.capacity()) return;
  constexpr std::size_t first = std::size_t{1} << 20;
  const std::size_t doubled = std::max({needed, 2 * bytes.capacity(), first});
  bytes.reserve(doubled <= max_bytes / 8 ? doubled : max_bytes);
}

// Reads `fd` to its end, refusing more than `max_bytes` (the bytes read so far are
// dropped): at most max_bytes + 1 bytes are ever held. The first `size_hint` bytes
// (a regular file's size) are read straight into place; the rest (standard input,
// a file that grew) by chunks.
read_result read_all(int fd, std::size_t max_bytes, std::size_t size_hint) {
  read_result r;
  std::string& bytes = r.bytes;
  size_hint = std::min(size_hint, max_bytes);
  bytes.reserve(size_hint);
  advise_huge_pages(bytes.data(), bytes.capacity());
  bytes.resize(size_hint);
  std::size_t got = 0;
  while (got < size_hint) {
    const ssize_t n = ::read(fd, bytes.data() + got, size_hint - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return {{}, why("read error", errno)};
    }
    if (n == 0) break;  // the file shrank
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  if (got < size_hint) return r;
  char chunk[1 << 16];
  std::size_t checked = bytes.size();  // the bytes before this are valid text
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return {{}, why("read error", errno)};
    }
    if (n == 0) return r;
    if (static_cast<std::size_t>(n) > max_bytes - bytes.size()) return {{}, "too large", true};
    reserve_for(bytes, static_cast<std::size_t>(n), max_bytes);
    bytes.append(chunk, static_cast<std::size_t>(n));
    // A stream is checked as it arrives: reading stops at a NUL or an invalid byte, which
    // the loader then reports at its place, rather than after a GiB of /dev/zero.
    checked += valid_prefix(std::string_view(bytes).substr(checked));
    const std::size_t rest = bytes.size() - checked;
    const bool cut_character = rest < 4 && static_cast<unsigned char>(bytes[checked]) >= 0xC2;
    if (rest > 0 && !cut_character) return r;
  }
}

// Closes a descriptor when it goes out of scope.
struct descriptor {
  int fd = -1;
  explicit descriptor(int f) : fd(f) {}
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  ~descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Why opening `name` in `dir` with O_NOFOLLOW failed, in words.
std::string open_failure(int dir, const std::string& name, int err) {
  struct stat st {};
  if (err == ELOOP || (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)))
    return "'" + name + "' is a symbolic link, which annals does not follow";
  if (err == ENOENT) return "no such file";
  if (err == ENOTDIR) return "'" + name + "' is not a folder";
  return why("cannot open", err);
}

class disk_reader final : public file_reader {
 public:
  read_result read(const std::string& path, std::size_t max_bytes) override {
    if (path == "-") {
      // Standard input redirected from a file (`- < big.yaml`) is read as the file would be.
      struct stat st {};
      const off_t at = ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) ? ::lseek(STDIN_FILENO, 0, SEEK_CUR) : -1;
      return read_all(STDIN_FILENO, max_bytes, at >= 0 && st.st_size > at ? static_cast<std::size_t>(st.st_size - at) : 0);
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT || errno == ENOTDIR) return {{}, "no such file"};
      return {{}, why("cannot open", errno)};
    }
    read_result r = read_regular(fd, max_bytes, false);
    ::close(fd);
    return r;
  }

  // Name by name from the root, each opened relative to the last with O_NOFOLLOW: no
  // symbolic link is followed, so no path, link or rename race leads out of the root.
  // (openat2's RESOLVE_BENEATH would do the same in one call; this walk runs on every
  // kernel and is what the tests exercise.)
  read_result read_beneath(const std::string& root, const std::string& relative, std::size_t max_bytes) override {
    const auto names = names_beneath(relative);
    if (!names) return {{}, "not a plain path inside the folder"};
    descriptor dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd < 0) return {{}, why("cannot open the folder '" + root + "'", errno)};
    for (std::size_t i = 0; i + 1 < names->size(); ++i) {
      const std::string name((*names)[i]);
      descriptor next(::openat(dir.fd, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (next.fd < 0) return {{}, open_failure(dir.fd, name, errno)};
      std::swap(dir.fd, next.fd);
    }
    const std::string name(names->back());
    descriptor file(::openat(dir.fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (file.fd < 0) return {{}, open_failure(dir.fd, name, errno)};
    return read_regular(file.fd, max_bytes, true);
  }

 private:
  // `fd` read whole if it is a regular file of at most `max_bytes`. `single_link`: one
  // with other hard links is refused, as it may be a file of another folder.
  static read_result read_regular(int fd, std::size_t max_bytes, bool single_link) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return {{}, why("cannot open", errno)};
    if (S_ISDIR(st.st_mode)) return {{}, "is a directory, not a file"};
    if (!S_ISREG(st.st_mode) && single_link) return {{}, "not a regular file (a FIFO, device or socket)"};
    if (!S_ISREG(st.st_mode))
      return {{}, "not a regular file (a FIFO, device or socket); pipe it to '-' to read it from standard input"};
    if (single_link && st.st_nlink != 1) return {{}, "has other hard links, so it may belong to another folder"};
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return {{}, "too large", true};
    return read_all(fd, max_bytes, static_cast<std::size_t>(st.st_size));
  }
};

}  // namespace

std::unique_ptr<file_reader> make_disk_reader() { return std::make_unique<disk_reader>(); }

}  // namespace annals
