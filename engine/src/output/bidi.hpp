#pragma once

// Right-to-left text among left-to-right: a Persian actor beside an English place must not
// swap places with it ("Tehran, Iran" read as "Iran, Tehran").

#include <string>
#include <string_view>

namespace annals {

/// Whether `text` holds a strong right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
bool has_rtl(std::string_view text);

/// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds right-to-left
/// letters, so its direction is its own and nothing around it moves; else `text` as it is.
std::string isolate(std::string_view text);

}  // namespace annals
