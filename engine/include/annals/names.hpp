#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// An interned string: ids, kinds, actors, places, tags and sources are stored once.
using symbol = std::uint32_t;
inline constexpr symbol no_symbol = UINT32_MAX;

/// The table of interned strings of a timeline.
class name_table {
 public:
  name_table() = default;
  name_table(const name_table& other) = default;
  name_table& operator=(const name_table& other) = default;
  name_table(name_table&&) noexcept = default;
  name_table& operator=(name_table&&) noexcept = default;

  /// The symbol of `s`, adding it when new.
  symbol intern(std::string_view s);
  /// The symbol of `s` when it was interned.
  std::optional<symbol> find(std::string_view s) const;
  /// The text of a symbol; "" for no_symbol.
  std::string_view name(symbol s) const { return s == no_symbol ? std::string_view{} : std::string_view{strings_[s]}; }
  std::size_t size() const { return strings_.size(); }
  /// Makes room for `n` names in all, so that interning them does not rehash.
  void reserve(std::size_t n);

 private:
  // A slot of the index: a symbol and the high half of its name's hash, which
  // settles most mismatches without reading the name.
  struct slot {
    symbol id = no_symbol;  // no_symbol: empty
    std::uint32_t hash_high = 0;
  };
  std::size_t slot_of(std::string_view s, std::size_t hash) const;
  void rehash(std::size_t slot_count);

  std::deque<std::string> strings_;  // a deque keeps the views that name() returned stable
  // Open addressing with linear probing: one flat array, not a node per name. A
  // power of two of slots, at most half of them full; none before the first name.
  std::vector<slot> slots_;
};

}  // namespace annals
