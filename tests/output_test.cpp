#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace

TEST_CASE("an output file is written whole and leaves no temporary file", "[output]") {
  scratch_dir dir("write");
  const fs::path out = dir.path / "out.txt";
  REQUIRE(write_atomically(out.string(), "first").ok());
  CHECK(slurp(out) == "first");
  REQUIRE(write_atomically(out.string(), "second, longer").ok());
  CHECK(slurp(out) == "second, longer");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a replaced output keeps its mode", "[output]") {
  scratch_dir dir("mode");
  const fs::path out = dir.path / "out.txt";
  spit(out, "old");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  REQUIRE(write_atomically(out.string(), "new").ok());
  CHECK(fs::status(out).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("an input file is never overwritten, however it is named", "[output]") {
  scratch_dir dir("input");
  const fs::path in = dir.path / "events.yaml";
  spit(in, "events: []\n");
  const std::string other_name = (dir.path / "." / "events.yaml").string();
  const write_result r = write_atomically(other_name, "rendered", {"-", in.string()});
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == "cannot write '" + other_name + "': it is an input file");
  CHECK(slurp(in) == "events: []\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a failed write leaves the previous output untouched and no temporary file", "[output]") {
  scratch_dir dir("fail");
  SECTION("the directory does not exist") {
    const std::string path = (dir.path / "missing" / "out.txt").string();
    const write_result r = write_atomically(path, "x");
    REQUIRE_FALSE(r.ok());
    CHECK(*r.error == "cannot write '" + path + "': No such file or directory");
  }
  SECTION("the path is a directory") {
    fs::create_directory(dir.path / "sub");
    const write_result r = write_atomically((dir.path / "sub").string(), "x");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->ends_with("is a directory"));
    CHECK(dir.entries() == 1);
  }
  SECTION("the directory is read-only") {
    if (::geteuid() == 0) return;  // root writes anyway; nothing to observe
    const fs::path out = dir.path / "out.txt";
    spit(out, "previous");
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    const write_result r = write_atomically(out.string(), "new");
    fs::permissions(dir.path, fs::perms::owner_all);
    REQUIRE_FALSE(r.ok());
    CHECK(slurp(out) == "previous");
    CHECK(dir.entries() == 1);
  }
  SECTION("standard output is not a file name") { CHECK_FALSE(write_atomically("-", "x").ok()); }
}
