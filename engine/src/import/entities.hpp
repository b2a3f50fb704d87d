#pragma once

// The actors, places and sources an importer meets by name (a sheet's "Who" cell, a
// calendar's LOCATION): each name becomes one entry of the draft, made where it is first
// met and referred to by its id everywhere after, across every input of the draft.

#include <cstdint>
#include <string>
#include <string_view>

#include "import/draft.hpp"

namespace annals {

/// The id of the entry of `key` (`actors` or `places`) whose `name` is `name`, made in
/// `in` as `{name: NAME}` at the given position when no input of `d` has one yet.
std::string named_entity(draft& d, draft::input& in, std::string_view key, std::string_view name,
                         std::uint32_t line, std::uint32_t column);

/// The id of the source of `url` (or, without one, titled `title`), made in `in` as
/// `{title, url}` when no input of `d` has one yet.
std::string source_entity(draft& d, draft::input& in, std::string_view title, std::string_view url,
                          std::uint32_t line, std::uint32_t column);

/// `text` without the blanks around it.
std::string_view trimmed(std::string_view text);

}  // namespace annals
