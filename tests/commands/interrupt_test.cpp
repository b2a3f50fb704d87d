// `-o` under SIGINT, SIGTERM and SIGHUP: a child process writes a large output with
// write_atomically; as soon as its temporary file appears (inotify, no sleeps) the
// test signals it. The child must die of the signal, leaving no temporary file and
// the previous output as it was.

#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "annals/output.hpp"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Blocks until a file whose name holds ".tmp-" is created in the watched directory.
void wait_for_temp_file(int inotify) {
  alignas(inotify_event) char buf[4096];
  for (;;) {
    const ssize_t n = ::read(inotify, buf, sizeof buf);
    REQUIRE(n > 0);
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
      if (e->len > 0 && std::string(e->name).find(".tmp-") != std::string::npos) return;
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  }
}

void check_interrupted_write(int sig) {
  std::string t = (fs::temp_directory_path() / "annals-interrupt-XXXXXX").string();
  REQUIRE(::mkdtemp(t.data()) != nullptr);
  const fs::path dir = t;
  const fs::path out = dir / "out.html";
  std::ofstream(out) << "previous";

  const int inotify = ::inotify_init1(IN_CLOEXEC);
  REQUIRE(inotify >= 0);
  REQUIRE(::inotify_add_watch(inotify, dir.c_str(), IN_CREATE) >= 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // 256 MiB, written and flushed to disk: far longer than the signal takes to arrive.
    const std::string bytes(std::size_t{256} << 20, 'x');
    const auto result = annals::write_atomically(out.string(), [&](std::ostream& o) { o << bytes; });
    ::_exit(result.ok() ? 0 : 3);
  }
  wait_for_temp_file(inotify);
  REQUIRE(::kill(child, sig) == 0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  ::close(inotify);

  CHECK(WIFSIGNALED(status));
  CHECK((WIFSIGNALED(status) && WTERMSIG(status) == sig));
  CHECK(slurp(out) == "previous");
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK(entry.path().filename() == "out.html");  // no temporary file left behind
  }
  fs::remove_all(dir);
}

}  // namespace

TEST_CASE("an output interrupted by SIGINT leaves no temporary file and the previous output", "[output][signal]") {
  check_interrupted_write(SIGINT);
}

TEST_CASE("an output interrupted by SIGTERM leaves no temporary file and the previous output", "[output][signal]") {
  check_interrupted_write(SIGTERM);
}

TEST_CASE("an output interrupted by SIGHUP leaves no temporary file and the previous output", "[output][signal]") {
  check_interrupted_write(SIGHUP);
}

TEST_CASE("output to a device is written to it, not renamed over it", "[output]") {
  // As root a rename would replace /dev/null with a regular file.
  const auto bytes = [](std::ostream& o) { o << "bytes"; };
  CHECK(annals::write_atomically("/dev/null", bytes).ok());
  CHECK(fs::is_character_file("/dev/null"));
  const auto full = annals::write_atomically("/dev/full", bytes);
  REQUIRE_FALSE(full.ok());
  CHECK(*full.error == "cannot write '/dev/full': No space left on device");
  CHECK(fs::is_character_file("/dev/full"));
}
