#pragma once

// The importers of `annals import FORMAT`: one import_<format>.cpp each, one row of the
// table in importers.cpp.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import/draft.hpp"

namespace annals {

/// What an importer is given besides the bytes.
struct import_options {
  std::string reference;  // --reference: what relative dates in the input are read against ("" none)
  std::vector<std::pair<std::string, std::string>> map;  // csv --map: field=Column, in order
  std::string group_as = "kind";  // timelinejs --group-as: a slide's group becomes its kind or its actor
};

struct importer {
  std::string_view name;
  std::string_view description;  // one line, for --help
  /// Reads one input's bytes into `in.document`, its problems into `d` (at their row and
  /// column, or field): an error stops the writing. Sets `in.columns` to cells when its
  /// positions are a sheet's rows and columns.
  void (*read)(std::string_view bytes, const import_options& options, draft::input& in, draft& d);
};

/// Every importer, in the order --help lists them.
std::span<const importer> importers();
const importer* find_importer(std::string_view name);

void import_timelinejs(std::string_view bytes, const import_options& options, draft::input& in, draft& d);
void import_csv(std::string_view bytes, const import_options& options, draft::input& in, draft& d);
void import_ics(std::string_view bytes, const import_options& options, draft::input& in, draft& d);
void import_wikidata(std::string_view bytes, const import_options& options, draft::input& in, draft& d);

}  // namespace annals
