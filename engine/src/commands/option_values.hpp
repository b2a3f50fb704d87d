#pragma once

// The fixed sets of values of the commands' options that no other table holds: render's
// --lanes and --layout, date's --reading, import's --group-as, --style's label styles and
// the shells of `annals completions`. One row each: the command table offers them (help,
// completions, the man page) and the commands read them back.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "annals/command_table.hpp"
#include "annals/render.hpp"

namespace annals::detail {

template <class E>
struct named_value {
  E value;
  std::string_view name, description;
};

std::span<const named_value<render_options::lane_key>> lane_keys();
std::span<const named_value<render_options::layout_kind>> layouts();
std::span<const named_value<reading>> readings();
std::span<const named_value<label_style>> label_styles();
std::span<const named_value<shell>> shells();
/// import --group-as: what a TimelineJS slide's group becomes (the importer reads the name).
std::span<const choice> group_roles();

/// The choices of the tables that live elsewhere (command_table.cpp reads them).
std::vector<choice> render_format_choices();
std::vector<choice> data_format_choices();
std::vector<choice> calendar_choices();

/// The row of `rows` named `name`, or nullopt.
template <class E>
std::optional<E> find_value(std::span<const named_value<E>> rows, std::string_view name) {
  for (const auto& r : rows) {
    if (r.name == name) return r.value;
  }
  return std::nullopt;
}

/// The rows as choices, for the command table.
template <class E>
std::vector<choice> as_choices(std::span<const named_value<E>> rows) {
  std::vector<choice> out;
  for (const auto& r : rows) out.push_back({r.name, r.description});
  return out;
}

}  // namespace annals::detail
