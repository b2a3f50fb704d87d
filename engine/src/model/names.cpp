#include "annals/names.hpp"

#include <bit>
#include <functional>

namespace annals {

namespace {

std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

std::uint32_t high_half(std::size_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

// The slot holding `s`, or the empty slot where it belongs. Slots are never all
// full, so the probe ends.
std::size_t name_table::slot_of(std::string_view s, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const slot& at = slots_[i];
    if (at.id == no_symbol || (at.hash_high == high_half(hash) && strings_[at.id] == s)) return i;
  }
}

void name_table::rehash(std::size_t slot_count) {
  slots_.assign(slot_count, slot{});
  for (symbol id = 0; id < strings_.size(); ++id) {
    const std::size_t hash = hash_of(strings_[id]);
    slots_[slot_of(strings_[id], hash)] = {id, high_half(hash)};
  }
}

void name_table::reserve(std::size_t n) {
  if (2 * n > slots_.size()) rehash(std::bit_ceil(2 * n));
}

symbol name_table::intern(std::string_view s) {
  reserve(strings_.size() + 1);
  const std::size_t hash = hash_of(s);
  slot& at = slots_[slot_of(s, hash)];
  if (at.id != no_symbol) return at.id;
  at = {static_cast<symbol>(strings_.size()), high_half(hash)};
  strings_.emplace_back(s);
  return at.id;
}

std::optional<symbol> name_table::find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  const slot& at = slots_[slot_of(s, hash_of(s))];
  if (at.id == no_symbol) return std::nullopt;
  return at.id;
}

}  // namespace annals
