#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace annals {

/// A list kept in an arena: a view that compares by content, so that events
/// holding lists stay `==`-comparable values.
template <typename T>
class stored_list {
 public:
  stored_list() = default;
  explicit stored_list(std::span<T> items) : data_(items.data()), size_(static_cast<std::uint32_t>(items.size())) {}

  T* begin() const { return data_; }
  T* end() const { return data_ + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) const { return data_[i]; }
  T& front() const { return data_[0]; }

  friend bool operator==(const stored_list& a, const stored_list& b) {
    if (a.size_ != b.size_) return false;
    for (std::uint32_t i = 0; i < a.size_; ++i) {
      if (!(a.data_[i] == b.data_[i])) return false;
    }
    return true;
  }

 private:
  T* data_ = nullptr;
  std::uint32_t size_ = 0;
};

/// An optional value kept in an arena: a pointer that compares by content.
template <typename T>
class stored_ref {
 public:
  stored_ref() = default;
  explicit stored_ref(T* value) : value_(value) {}

  explicit operator bool() const { return value_ != nullptr; }
  T& operator*() const { return *value_; }
  T* operator->() const { return value_; }

  friend bool operator==(const stored_ref& a, const stored_ref& b) {
    return a.value_ == b.value_ || (a.value_ && b.value_ && *a.value_ == *b.value_);
  }

 private:
  T* value_ = nullptr;
};

/// Append-only storage for the texts and lists of a timeline's events. What is
/// stored keeps its address for the arena's life (moving the arena included),
/// so events hold views into it instead of strings and vectors of their own: at
/// a million events, a heap block per title, description and list would cost
/// more in headers and pointers than the text itself.
class arena {
 public:
  arena() = default;
  arena(arena&&) noexcept = default;
  arena& operator=(arena&&) noexcept = default;

  /// A copy of `text` that lives as long as the arena.
  std::string_view store(std::string_view text);

  /// A copy of `items` that lives as long as the arena.
  template <typename T>
  stored_list<T> store(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    T* out = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), out);
    return stored_list<T>({out, items.size()});
  }

  template <typename T>
  stored_list<T> store(std::initializer_list<T> items) {
    return store(std::span<const T>(items.begin(), items.size()));
  }

  /// `list` with `item` at its end: a new copy, for building events in code
  /// (stored lists do not grow in place; the old copy stays until the arena goes).
  template <typename T>
  stored_list<T> append(stored_list<T> list, const T& item) {
    std::vector<T> items(list.begin(), list.end());
    items.push_back(item);
    return store(std::span<const T>(items));
  }

  /// A copy of `value` that lives as long as the arena.
  template <typename T>
  stored_ref<T> store_one(const T& value) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    return stored_ref<T>(::new (allocate(sizeof(T), alignof(T))) T(value));
  }

  /// Takes over everything `other` stored; its views stay valid, now owned here.
  void adopt(arena&& other);

  /// Bytes reserved from the system.
  std::size_t reserved() const { return reserved_; }

 private:
  void* allocate(std::size_t bytes, std::size_t align);

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;  // free space in the newest block
  std::size_t left_ = 0;
  std::size_t reserved_ = 0;
};

}  // namespace annals
