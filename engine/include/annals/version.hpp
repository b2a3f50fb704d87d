#pragma once

#include <string_view>

namespace annals {

/// The version of annals, "MAJOR.MINOR.PATCH", from the one place it is written: the
/// top CMakeLists.txt's project(VERSION). `annals --version`, the man page and the SARIF
/// report's tool.driver.version all read this.
std::string_view version();

/// The day the build was configured, YYYY-MM-DD (SOURCE_DATE_EPOCH's when set, so that a
/// reproducible build gives the same bytes): the man page's date.
std::string_view build_date();

}  // namespace annals
