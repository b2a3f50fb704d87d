#pragma once
// Runs the built command line (ANNALS_BIN) as a user would: its exit status, standard
// output and standard error apart, in a scratch directory that holds the given files.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace annals::testing {

struct cli_result {
  int status = -1;
  std::string out, err;
};

/// A scratch directory under the build tree, removed with everything in it.
struct cli_dir {
  std::filesystem::path path;
  explicit cli_dir(const std::string& name)
      : path(std::filesystem::path(ANNALS_BINARY_DIR) / "test-scratch" / ("cli-" + name)) {
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

}  // namespace annals::testing
