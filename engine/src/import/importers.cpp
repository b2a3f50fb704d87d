#include "import/importers.hpp"

#include <algorithm>
#include <vector>

namespace annals {

namespace {

// One row per format; import_<format>.cpp reads it.
const std::vector<importer>& table() {
  static const std::vector<importer> rows{
      {"timelinejs", "TimelineJS3 JSON, or its Google Sheets template saved as CSV", import_timelinejs},
      {"csv", "any CSV with a header row, its columns named by --map", import_csv},
      {"ics", "an iCalendar file (RFC 5545), as calendar programs export it", import_ics},
  };
  return rows;
}

}  // namespace

std::span<const importer> importers() { return table(); }

const importer* find_importer(std::string_view name) {
  const auto& rows = table();
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const importer& i) { return i.name == name; });
  return it == rows.end() ? nullptr : &*it;
}

}  // namespace annals
