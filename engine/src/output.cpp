#include "annals/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

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

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);  // umask can only be read by setting it
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

write_result write_atomically(const std::string& path, std::string_view bytes, const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return failure(path, "not a file name");
  for (const std::string& input : inputs) {
    if (input != "-" && same_file(path, input)) return failure(path, "it is an input file");
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return failure(path, "is a directory");

  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return failure(path, std::strerror(errno));

  struct stat existing {};
  const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : new_file_mode();
  const auto fail = [&](int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    return failure(path, std::strerror(err));
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return failure(path, std::strerror(err));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return failure(path, std::strerror(err));
  }
  return {};
}

}  // namespace annals
