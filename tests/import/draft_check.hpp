#pragma once
// An importer's draft through the builder, as `annals import` checks it: each input an
// origin (its columns counted as the importer said), its header entries and its events.

#include <string>
#include <string_view>
#include <vector>

#include "annals/timeline_builder.hpp"
#include "import/draft.hpp"
#include "import/importers.hpp"

namespace annals::testing {

inline load_result build_draft(const draft& d) {
  timeline_builder b;
  for (const draft::input& in : d.inputs) {
    const auto origin = b.add_origin(in.path, in.columns);
    const auto& c = in.document.children;
    for (std::size_t k = 0; k + 1 < c.size(); k += 2) {
      if (c[k].text == "events") {
        for (const record& e : c[k + 1].children) b.add_event(origin, e);
      } else {
        b.add_entry(origin, c[k], c[k + 1]);
      }
    }
  }
  return b.finish();
}

/// "FILE:LINE:COLUMN code" of each diagnostic, for comparing.
inline std::vector<std::string> positions(const std::vector<diagnostic>& ds) {
  std::vector<std::string> out;
  for (const diagnostic& d : ds) {
    out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code);
  }
  return out;
}

/// One input `path` read by `read` into a new draft.
inline draft import_one(void (*read)(std::string_view, const import_options&, draft::input&, draft&),
                        std::string_view bytes, const import_options& options = {}, std::string path = "input") {
  draft d;
  d.inputs.push_back({});
  d.inputs.back().path = std::move(path);
  read(bytes, options, d.inputs.back(), d);
  return d;
}

}  // namespace annals::testing
