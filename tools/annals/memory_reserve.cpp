#include "memory_reserve.hpp"

#include <array>
#include <atomic>
#include <cstddef>
#include <new>

namespace annals_tool {

namespace {

constexpr std::size_t reserve_blocks = 8;
std::array<std::atomic<char*>, reserve_blocks> unwinding_reserve{};

void release_reserve() {
  for (auto& block : unwinding_reserve) {
    if (char* b = block.exchange(nullptr)) {
      delete[] b;
      break;
    }
  }
  throw std::bad_alloc();
}

}  // namespace

void hold_memory_reserve() {
  for (auto& block : unwinding_reserve) block = new (std::nothrow) char[2 << 20];
  std::set_new_handler(release_reserve);
}

}  // namespace annals_tool
