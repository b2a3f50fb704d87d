#pragma once

// `annals extract`: a chronology drafted from an article. Every date phrase the grammar
// reads becomes an event dated by it, with its sentence, the article as its source, and
// where it came from as a comment.

#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"
#include "annals/temporal.hpp"
#include "import/draft.hpp"

namespace annals {

/// An actor or a place of a --with file, and the names it goes by in prose.
struct known_entity {
  std::string kind;  // "actors" or "places"
  std::string id;
  std::vector<std::string> names;  // name, aliases, native name, a place's former names
  record definition;               // as the file wrote it: copied into the draft when it occurs
};

struct extract_options {
  temporal_value reference;   // --reference, read
  std::string reference_text; // as written: the draft's `reference:`
  std::string source_title, source_url;
  std::vector<known_entity> known;
};

/// The actors and places of an annals YAML text; a problem stops the reading (reported in d at its line).
std::vector<known_entity> known_entities(std::string_view yaml, const std::string& path, draft& d);

/// Sets the draft's header (timeline `id`, title, reference) from the first article.
void extract_header(const extract_options& options, std::string_view id, std::string_view first_title,
                    draft::input& in, draft& d);

/// Drafts the events of one article (`path` names it in provenance comments) into `in`.
void extract_article(std::string_view bytes, const std::string& path, const extract_options& options,
                     draft::input& in, draft& d);

}  // namespace annals
