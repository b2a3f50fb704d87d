#include "annals/arena.hpp"

#include <cstdint>
#include <cstring>

namespace annals {

namespace {

// Big enough that the block headers are noise, small enough that the unused end
// of a piece's last block is too.
constexpr std::size_t block_bytes = 256 * 1024;

}  // namespace

std::string_view arena::store(std::string_view text) {
  if (text.empty()) return {};
  char* out = static_cast<char*>(allocate(text.size(), 1));
  std::memcpy(out, text.data(), text.size());
  return {out, text.size()};
}

void* arena::allocate(std::size_t bytes, std::size_t align) {
  const std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
  if (next_ && pad + bytes <= left_) {
    std::byte* out = next_ + pad;
    next_ = out + bytes;
    left_ -= pad + bytes;
    return out;
  }
  // A large item gets a block of its own; the current block stays open.
  if (bytes > block_bytes / 4) {
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(bytes));
    reserved_ += bytes;
    return blocks_.back().get();
  }
  blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block_bytes));
  reserved_ += block_bytes;
  next_ = blocks_.back().get() + bytes;  // new[] aligns for any fundamental type
  left_ = block_bytes - bytes;
  return blocks_.back().get();
}

void arena::adopt(arena&& other) {
  blocks_.reserve(blocks_.size() + other.blocks_.size());
  for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
  reserved_ += other.reserved_;
  other = arena{};
}

}  // namespace annals
