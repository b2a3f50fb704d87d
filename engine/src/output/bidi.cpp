#include "output/bidi.hpp"

#include <cstdint>

namespace annals {

bool has_rtl(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0 && i + 3 < text.size()) {
      cp = (c & 0x07u) << 18 | (text[i + 1] & 0x3Fu) << 12 | (text[i + 2] & 0x3Fu) << 6 | (text[i + 3] & 0x3Fu), n = 4;
    } else if (c >= 0xE0 && i + 2 < text.size()) {
      cp = (c & 0x0Fu) << 12 | (text[i + 1] & 0x3Fu) << 6 | (text[i + 2] & 0x3Fu), n = 3;
    } else if (c >= 0xC0 && i + 1 < text.size()) {
      cp = (c & 0x1Fu) << 6 | (text[i + 1] & 0x3Fu), n = 2;
    }
    // Hebrew to N'Ko and the Arabic extensions; the presentation forms; RTL supplementary scripts.
    if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
        (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF)) {
      return true;
    }
    i += n;
  }
  return false;
}

std::string isolate(std::string_view text) {
  if (!has_rtl(text)) return std::string(text);
  return "\u2068" + std::string(text) + "\u2069";
}

}  // namespace annals
