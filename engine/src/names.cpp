#include "annals/names.hpp"

namespace annals {

name_table::name_table(const name_table& other) : strings_(other.strings_) {
  index_.reserve(strings_.size());
  for (symbol s = 0; s < strings_.size(); ++s) index_.emplace(strings_[s], s);
}

name_table& name_table::operator=(const name_table& other) {
  if (this != &other) *this = name_table(other);
  return *this;
}

symbol name_table::intern(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto id = static_cast<symbol>(strings_.size());
  strings_.emplace_back(s);
  index_.emplace(strings_.back(), id);
  return id;
}

std::optional<symbol> name_table::find(std::string_view s) const {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  return std::nullopt;
}

}  // namespace annals
