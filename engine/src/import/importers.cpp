#include "import/importers.hpp"

#include <algorithm>
#include <vector>

namespace annals {

namespace {

// One row per format; import_<format>.cpp reads it.
const std::vector<importer>& table() {
  static const std::vector<importer> rows{
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
