#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "annals/output.hpp"

using namespace annals;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the build tree, removed at the end of the test.
struct scratch_dir {
  fs::path path;
  explicit scratch_dir(const std::string& name) : path(fs::path(ANNALS_BINARY_DIR) / "test-scratch" / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~scratch_dir() { fs::remove_all(path); }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {})); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// write_atomically with a producer that writes `bytes`.
write_result write_bytes(const fs::path& p, const std::string& bytes,
                         const std::vector<std::string>& inputs = {}) {
  return write_atomically(p.string(), [&](std::ostream& out) { out << bytes; }, inputs);
}

enum class write_outcome { written, refused, cannot_reach, no_child };

std::ostream& operator<<(std::ostream& o, write_outcome w) {
  constexpr const char* names[] = {"written", "refused", "cannot reach the directory", "no unprivileged child"};
  return o << names[static_cast<int>(w)];
}

// write_bytes as a user that is not root: in this process when it is not root, else in a
// child that drops to nobody (65534) first. Whether the write was refused, or the child
// could not even reach the directory (which would prove nothing about the write).
write_outcome write_as_unprivileged(const fs::path& p, const std::string& bytes) {
  const auto attempt = [&] {
    if (::access(p.parent_path().c_str(), X_OK) != 0) return write_outcome::cannot_reach;
    return write_bytes(p, bytes).ok() ? write_outcome::written : write_outcome::refused;
  };
  if (::geteuid() != 0) return attempt();
  const pid_t pid = ::fork();
  if (pid < 0) return write_outcome::no_child;
  if (pid == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setresgid(65534, 65534, 65534) != 0 ||
        ::setresuid(65534, 65534, 65534) != 0 || ::geteuid() == 0) {
      ::_exit(static_cast<int>(write_outcome::no_child));
    }
    ::_exit(static_cast<int>(attempt()));
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return write_outcome::no_child;
  return static_cast<write_outcome>(WEXITSTATUS(status));
}

struct producer_failed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace

TEST_CASE("an output file is written whole and leaves no temporary file", "[output]") {
  scratch_dir dir("write");
  const fs::path out = dir.path / "out.txt";
  REQUIRE(write_bytes(out, "first").ok());
  CHECK(slurp(out) == "first");
  REQUIRE(write_bytes(out, "second, longer").ok());
  CHECK(slurp(out) == "second, longer");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a replaced output keeps its mode", "[output]") {
  scratch_dir dir("mode");
  const fs::path out = dir.path / "out.txt";
  spit(out, "old");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  REQUIRE(write_bytes(out, "new").ok());
  CHECK(fs::status(out).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("an input file is never overwritten, however it is named", "[output]") {
  scratch_dir dir("input");
  const fs::path in = dir.path / "events.yaml";
  spit(in, "events: []\n");
  const std::string other_name = (dir.path / "." / "events.yaml").string();
  const write_result r = write_bytes(other_name, "rendered", {"-", in.string()});
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == "cannot write '" + other_name + "': it is an input file");
  CHECK(slurp(in) == "events: []\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a failed write leaves the previous output untouched and no temporary file", "[output]") {
  scratch_dir dir("fail");
  SECTION("the directory does not exist") {
    const std::string path = (dir.path / "missing" / "out.txt").string();
    const write_result r = write_bytes(path, "x");
    REQUIRE_FALSE(r.ok());
    CHECK(*r.error == "cannot write '" + path + "': No such file or directory");
  }
  SECTION("the path is a directory") {
    fs::create_directory(dir.path / "sub");
    const write_result r = write_bytes(dir.path / "sub", "x");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->ends_with("is a directory"));
    CHECK(dir.entries() == 1);
  }
  SECTION("the path's parent is a regular file") {
    spit(dir.path / "file", "previous");
    const std::string path = (dir.path / "file" / "out.txt").string();
    const write_result r = write_bytes(path, "x");
    REQUIRE_FALSE(r.ok());
    CHECK(*r.error == "cannot write '" + path + "': Not a directory");
    CHECK(slurp(dir.path / "file") == "previous");
    CHECK(dir.entries() == 1);
  }
  SECTION("the directory is read-only") {
    // Root writes into a read-only directory anyway: as root the write runs in a child
    // that has become nobody, so the test asserts the same thing for every user.
    const fs::path out = dir.path / "out.txt";
    spit(out, "previous");
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    CHECK(write_as_unprivileged(out, "new") == write_outcome::refused);
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(slurp(out) == "previous");
    CHECK(dir.entries() == 1);
  }
  SECTION("standard output is not a file name") { CHECK_FALSE(write_bytes("-", "x").ok()); }
}

TEST_CASE("a device that cannot take the bytes is a reported failure, for root too", "[output]") {
  // /dev/full is written in place (a device is never replaced) and every write fails.
  REQUIRE(fs::exists("/dev/full"));
  const write_result r = write_bytes("/dev/full", "x");
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == "cannot write '/dev/full': No space left on device");
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("a streamed output holds every byte, across many buffer blocks", "[output]") {
  scratch_dir dir("stream");
  const fs::path out = dir.path / "out.txt";
  // Small pieces and pieces larger than the 1 MiB buffer, so writes straddle its blocks.
  const auto produce = [](std::ostream& o) {
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 100000; ++j) o << j << ',';
      o << std::string((std::size_t{3} << 20) + 7, static_cast<char>('a' + i));
      o.put('\n');
    }
  };
  std::ostringstream expected;
  produce(expected);
  REQUIRE(write_atomically(out.string(), produce).ok());
  CHECK(slurp(out) == expected.str());
  CHECK(dir.entries() == 1);
}

TEST_CASE("a producer that throws leaves no temporary file and the target untouched", "[output]") {
  scratch_dir dir("throw");
  const fs::path out = dir.path / "out.txt";
  // Past one buffer block, so part of the output has reached the temporary file.
  const auto produce = [](std::ostream& o) {
    o << std::string((std::size_t{2} << 20) + 1, 'x');
    throw producer_failed("renderer failed");
  };
  SECTION("a previous output stays as it was") {
    spit(out, "previous");
    CHECK_THROWS_AS(write_atomically(out.string(), produce), producer_failed);
    CHECK(slurp(out) == "previous");
    CHECK(dir.entries() == 1);
  }
  SECTION("no output appears where there was none") {
    CHECK_THROWS_AS(write_atomically(out.string(), produce), producer_failed);
    CHECK(dir.entries() == 0);
  }
}

TEST_CASE("an input file is refused before the producer runs", "[output]") {
  scratch_dir dir("input-first");
  const fs::path in = dir.path / "events.yaml";
  spit(in, "events: []\n");
  bool ran = false;
  const write_result r = write_atomically(in.string(), [&](std::ostream&) { ran = true; }, {in.string()});
  CHECK_FALSE(r.ok());
  CHECK_FALSE(ran);
}

TEST_CASE("a failed write stops the producer and is reported, leaving the target untouched", "[output]") {
  scratch_dir dir("too-large");
  const fs::path out = dir.path / "out.txt";
  spit(out, "previous");
  // Files of this process may not grow past 1 MiB: the write past it fails with EFBIG
  // (SIGXFSZ, which would kill the process, is ignored meanwhile).
  rlimit before{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = before;
  small.rlim_cur = 1 << 20;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::size_t pieces = 0;
  const write_result r = write_atomically(out.string(), [&](std::ostream& o) {
    // Far more than fits; the stream must throw long before the end.
    for (; pieces < 100000; ++pieces) o << std::string(1024, 'x');
  });
  ::setrlimit(RLIMIT_FSIZE, &before);
  std::signal(SIGXFSZ, previous_handler);

  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == "cannot write '" + out.string() + "': File too large");
  CHECK(pieces < 4096);  // stopped within a few buffer blocks of the limit
  CHECK(slurp(out) == "previous");
  CHECK(dir.entries() == 1);
}
