#include "import/importers.hpp"

#include <algorithm>
#include <iterator>

namespace annals {

namespace {

// One row per format; import_<format>.cpp reads it.
constexpr importer table[] = {
    {"csv", "any CSV with a header row, its columns named by --map", import_csv},
    {"ics", "an iCalendar file (RFC 5545), as calendar programs export it", import_ics},
};

}  // namespace

std::span<const importer> importers() { return table; }

const importer* find_importer(std::string_view name) {
  const auto it = std::find_if(std::begin(table), std::end(table), [&](const importer& i) { return i.name == name; });
  return it == std::end(table) ? nullptr : &*it;
}

}  // namespace annals
