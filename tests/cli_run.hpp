#pragma once
// Runs the built command line (ANNALS_BIN) as a user would: its exit status, standard
// output and standard error apart, in a scratch directory that holds the given files
// (run_cli); or through /bin/sh, for what reaches its exit status and output files under
// redirections and limits (run_sh, where `$ANNALS` is the binary under test).

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace annals::testing {

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

struct cli_result {
  int status = -1;
  std::string out, err;
};

/// A scratch directory under the build tree, removed with everything in it.
struct cli_dir {
  std::filesystem::path path;
  // The process id keeps two test processes (ctest -j) apart when their names agree.
  explicit cli_dir(const std::string& name)
      : path(std::filesystem::path(ANNALS_BINARY_DIR) / "test-scratch" /
             ("cli-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~cli_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
  /// The path of `name` in the directory, as text for a shell script.
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline std::string cli_slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// `annals ARGS...` run in `dir` (file arguments relative to it), with NO_COLOR set and
/// standard input from /dev/null.
inline cli_result run_cli(const cli_dir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), ANNALS_BIN);
  std::vector<std::string> env_text{"NO_COLOR=1"};
  for (char** e = environ; *e; ++e) env_text.emplace_back(*e);
  std::vector<char*> env;
  for (std::string& e : env_text) env.push_back(e.data());
  env.push_back(nullptr);

  const std::string out = (dir.path / ".stdout").string(), err = (dir.path / ".stderr").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  // The command runs in the scratch directory (the parent's is left as it is).
  const std::string cd = dir.path.string();
  std::vector<std::string> sh_args{"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", cd};
  for (const std::string& a : args) sh_args.push_back(a);
  std::vector<char*> sh_argv;
  for (std::string& a : sh_args) sh_argv.push_back(a.data());
  sh_argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, "/bin/sh", &actions, nullptr, sh_argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  cli_result r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = cli_slurp(out);
  r.err = cli_slurp(err);
  return r;
}

/// run_cli for a run that must succeed quietly: exit status 0, nothing on standard error.
inline cli_result run_cli_clean(const cli_dir& dir, std::vector<std::string> args) {
  cli_result r = run_cli(dir, std::move(args));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  return r;
}

/// The exit status of `script`, run by /bin/sh with $ANNALS set; 128 + N when the
/// shell itself died of signal N.
inline int run_sh(const std::string& script) {
  const std::string command = "ANNALS='" ANNALS_BIN "'; " + script;
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace annals::testing
