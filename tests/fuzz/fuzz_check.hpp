#pragma once

// What every fuzz target shares: a check that aborts (so libFuzzer keeps the input)
// and the fixed context the targets read dates against.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// Aborts with the failed condition when `cond` is false; libFuzzer then saves the input.
#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace annals::fuzz {

/// The reference date of the seed article: relative dates are read against it.
inline constexpr std::chrono::sys_days reference{std::chrono::year{2015} / 11 / 25};

/// The input bytes as text.
inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace annals::fuzz
