#include "annals/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string_view>

#include "io/fd_buffer.hpp"

namespace annals {

namespace {

namespace fs = std::filesystem;

write_result failure(const std::string& path, std::string_view why) {
  return {"cannot write '" + path + "': " + std::string(why)};
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

// The temporary file being written, for the signal handler. A handler may only
// call async-signal-safe functions, so the path is kept in a fixed buffer (never a
// std::string, whose storage could be mid-change) and only unlink, signal and raise
// are called.
char temp_path[4096];
volatile std::sig_atomic_t temp_exists = 0;
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temp_and_die(int sig) {
  if (temp_exists) ::unlink(temp_path);
  // Die of the signal as if no handler were there, so the caller sees it.
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// While alive, SIGINT, SIGTERM and SIGHUP remove the temporary file before the process
// dies of them; the previous handlers come back afterwards.
class temp_guard {
 public:
  temp_guard() {
    struct sigaction sa {};
    sa.sa_handler = remove_temp_and_die;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
      ::sigaction(cleanup_signals[i], &sa, &previous_[i]);
    }
  }
  ~temp_guard() {
    for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) ::sigaction(cleanup_signals[i], &previous_[i], nullptr);
  }
  temp_guard(const temp_guard&) = delete;
  temp_guard& operator=(const temp_guard&) = delete;

  /// Runs `f` with the cleanup signals held back, so the handler never sees the
  /// buffer half-written or the file half-created.
  template <class F>
  auto blocked(F f) {
    sigset_t set, old;
    sigemptyset(&set);
    for (int sig : cleanup_signals) sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &old);
    auto result = f();
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    return result;
  }

 private:
  struct sigaction previous_[std::size(cleanup_signals)] {};
};

using producer = std::function<void(std::ostream&)>;

// Runs `produce` on a buffered stream over `fd` and flushes it; 0 or the errno of the
// failed write (EIO when `produce` failed the stream itself). Other exceptions pass.
int stream_to(int fd, const producer& produce) {
  // Blocks of 1 MiB: a million events rendered as JSON (~800 MB) take some 800 write calls.
  fd_buffer buffer(fd, std::size_t{1} << 20);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);  // a failed write stops the producer at once
  try {
    produce(out);
    out.flush();
  } catch (const std::ios_base::failure&) {
    if (buffer.error() == 0) throw;
  }
  if (buffer.error() != 0) return buffer.error();
  return out.fail() ? EIO : 0;
}

// A device or FIFO (`-o /dev/null`, `-o /dev/stdout`) cannot be replaced by a rename
// (as root that would put a regular file in place of the device): it is written to.
write_result write_in_place(const std::string& path, const producer& produce) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return failure(path, std::strerror(errno));
  int err = 0;
  try {
    err = stream_to(fd, produce);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0 && err == 0) return failure(path, std::strerror(errno));
  if (err != 0) return failure(path, std::strerror(err));
  return {};
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);  // umask can only be read by setting it
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

write_result write_atomically(const std::string& path, const producer& produce,
                              const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return failure(path, "not a file name");
  for (const std::string& input : inputs) {
    if (input != "-" && same_file(path, input)) return failure(path, "it is an input file");
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return failure(path, "is a directory");

  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) return write_in_place(path, produce);
  const mode_t mode = exists ? (existing.st_mode & 07777) : new_file_mode();

  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string name(1, '.');  // appended, not "." + ...: GCC 12 warns falsely on that
  name += target.filename().string();
  name += ".tmp-XXXXXX";
  std::string temp = (dir / name).string();
  if (temp.size() >= sizeof temp_path) return failure(path, std::strerror(ENAMETOOLONG));
  temp_guard guard;
  int open_error = 0;
  const int fd = guard.blocked([&] {
    const int f = ::mkstemp(temp.data());
    if (f >= 0) {
      std::memcpy(temp_path, temp.c_str(), temp.size() + 1);
      temp_exists = 1;
    } else {
      open_error = errno;
    }
    return f;
  });
  if (fd < 0) return failure(path, std::strerror(open_error));
  const auto forget_temp = [&] {
    guard.blocked([&] {
      ::unlink(temp.c_str());
      temp_exists = 0;
      return 0;
    });
  };
  const auto discard = [&] {
    ::close(fd);
    forget_temp();
  };
  const auto fail = [&](int err) {
    discard();
    return failure(path, std::strerror(err));
  };
  int write_error = 0;
  try {
    write_error = stream_to(fd, produce);
  } catch (...) {
    discard();
    throw;
  }
  if (write_error != 0) return fail(write_error);
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    forget_temp();
    return failure(path, std::strerror(err));
  }
  const int renamed = guard.blocked([&] {
    const int r = ::rename(temp.c_str(), path.c_str()) == 0 ? 0 : errno;
    if (r == 0) temp_exists = 0;  // the file is the output now: a signal must leave it
    return r;
  });
  if (renamed != 0) {
    forget_temp();
    return failure(path, std::strerror(renamed));
  }
  return {};
}

}  // namespace annals
