// Golden tests: every timeline in timelines/ (and the in-memory render fixture) through
// every registered format, compared byte for byte with the approved output in
// tests/golden/<timeline>.<format>.
//
// A difference is written to <build>/golden-received/<timeline>.<format>; review it with
//   diff tests/golden/<timeline>.<format> build/golden-received/<timeline>.<format>
// and, when the change is right, approve every output at once with
//   ANNALS_APPROVE=1 build/bin/annals_tests '[golden]'
// then commit tests/golden/. Under CI (the variable `CI` set) ANNALS_APPROVE fails the
// test instead: an approval there would overwrite the goldens and pass whatever changed.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/load.hpp"
#include "annals/order.hpp"
#include "annals/render.hpp"
#include "render_fixture.hpp"

using namespace annals;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = ANNALS_SOURCE_DIR;
const fs::path golden_dir = source_dir / "tests" / "golden";
const fs::path received_dir = fs::path(ANNALS_BINARY_DIR) / "golden-received";

std::vector<std::string> timeline_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(source_dir / "timelines")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

void check_golden(const std::string& name, const timeline& tl, const chronology& chron) {
  const bool approve = std::getenv("ANNALS_APPROVE") != nullptr;
  if (approve && std::getenv("CI") != nullptr) {
    FAIL("ANNALS_APPROVE is set under CI (the variable CI is set): approving there would overwrite "
         "tests/golden and pass whatever changed; review and approve on a working copy instead");
  }
  render_options options;  // width 80, no colour: what a pipe gets
  for (const renderer_entry& format : renderers()) {
    const std::string file = name + "." + std::string(format.name);
    DYNAMIC_SECTION(file) {
      if (format.unavailable) continue;  // drawn by the machine's libraries and fonts: raster_test.cpp checks them
      if (format.missing && format.missing(tl)) {  // the command refuses it: no golden, and none left over
        if (approve) fs::remove(golden_dir / file);
        CHECK_FALSE(fs::exists(golden_dir / file));
        continue;
      }
      const auto out = render_to_string(format.name, tl, chron, options);
      REQUIRE(out);
      if (approve) {
        spit(golden_dir / file, *out);
        continue;
      }
      if (!fs::exists(golden_dir / file)) {
        spit(received_dir / file, *out);
        FAIL("no approved output tests/golden/" << file << "; review " << (received_dir / file).string()
                                                << ", then run with ANNALS_APPROVE=1");
      }
      const std::string approved = slurp(golden_dir / file);
      if (approved != *out) {
        spit(received_dir / file, *out);
        FAIL("output differs from tests/golden/" << file << ": diff tests/golden/" << file << ' '
                                                 << (received_dir / file).string()
                                                 << "; approve with ANNALS_APPROVE=1 once reviewed");
      }
      SUCCEED(file);
    }
  }
}

}  // namespace

TEST_CASE("the render fixture renders as approved in every format", "[golden]") {
  const auto f = testing::make_fixture();
  check_golden("render-fixture", f.tl, f.chron);
}

TEST_CASE("every bundled timeline renders as approved in every format", "[golden]") {
  const auto files = timeline_files();
  REQUIRE_FALSE(files.empty());
  auto reader = make_disk_reader();
  for (const std::string& path : files) {
    const std::string name = fs::path(path).stem().string();
    DYNAMIC_SECTION(name) {
      load_result loaded = load({path}, *reader, {});
      for (const diagnostic& d : loaded.diagnostics) {
        if (d.level == severity::error) FAIL(path << ": " << d.message << " [" << d.code << "]");
      }
      std::vector<diagnostic> problems;
      const chronology chron = order_events(loaded.tl, problems);
      for (const diagnostic& d : problems) {
        if (d.level == severity::error) FAIL(path << ": " << d.message << " [" << d.code << "]");
      }
      check_golden(name, loaded.tl, chron);
    }
  }
}
