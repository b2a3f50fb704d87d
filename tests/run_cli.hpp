#pragma once

// Runs the annals command line through /bin/sh, for tests of what reaches its exit
// status and its output files: `$ANNALS` in the script is the binary under test.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace annals::test {

// ulimit -v would stop the sanitizers' runtime itself: sanitized, memory is not limited.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

/// The exit status of `script`, run by /bin/sh with $ANNALS set; 128 + N when the
/// shell itself died of signal N.
inline int run_sh(const std::string& script) {
  const std::string command = "ANNALS='" ANNALS_BIN "'; " + script;
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// A fresh directory under the build tree, removed at the end of the test.
struct cli_scratch {
  std::filesystem::path path;
  explicit cli_scratch(const std::string& name)
      : path(std::filesystem::path(ANNALS_BINARY_DIR) / "test-scratch" / name) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~cli_scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

/// The bytes of the file at `path`.
inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace annals::test
