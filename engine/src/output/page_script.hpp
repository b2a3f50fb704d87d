#pragma once

// The html page's one inline script (page_script.js, embedded at build time) and the
// Content-Security-Policy source that allows exactly it: its SHA-256, computed from its bytes.

#include <string>
#include <string_view>

namespace annals {

/// The script's text, byte for byte as the page carries it between <script> and </script>.
std::string_view page_script();
/// "sha256-…": the CSP hash source of `page_script()` (base64 of its SHA-256).
const std::string& page_script_hash();
/// The SHA-256 digest of `bytes`, 32 raw bytes (FIPS 180-4).
std::string sha256(std::string_view bytes);

}  // namespace annals
