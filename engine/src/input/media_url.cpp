#include "input/media_url.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "input/encoding.hpp"

namespace annals {

namespace {


char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) { return p == lower(t); });
}

// The code point at `i` and its length; an invalid sequence is one byte, code point -1.
std::pair<std::int32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || b > 0xF4 || i + n > s.size()) return {-1, 1};
  std::int32_t cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return {-1, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {-1, 1};
  return {cp, n};
}

bool is_control(std::int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Characters a reader cannot see or that reorder the text around them: Unicode spaces,
// zero-width characters, bidi marks, embeddings, overrides and isolates.
bool is_invisible(std::int32_t cp) {
  return cp == 0xA0 || cp == 0xAD || cp == 0x061C || cp == 0x1680 || cp == 0x180E ||
         (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
         cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// ASCII a plain relative path may hold besides letters and digits: nothing a browser
// reads otherwise (`%` decodes, `?` and `#` end the path, `\` is `/`, `:` is a scheme)
// and no markup.
bool path_punctuation(char c) {
  return std::string_view("-_.~/+,=@()[]!&;$").find(c) != std::string_view::npos;
}

std::string quoted(std::string_view what, std::string_view url) {
  return std::string(what) + " '" + std::string(url) + "'";  // shown safely by display_text
}

std::string hex4(std::int32_t cp) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += static_cast<char>(std::toupper(hex[(cp >> shift) & 15]));
  return out;
}

// A character no url annals links may hold, described for a message; "" when allowed.
std::string bad_character(std::string_view url, bool path) {
  for (std::size_t i = 0; i < url.size();) {
    const auto [cp, n] = decode(url, i);
    i += n;
    if (cp < 0) return "a byte that is not UTF-8";
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return "whitespace";
    if (is_control(cp)) return "a control character";
    if (is_invisible(cp)) return "an invisible or direction-changing character (" + hex4(cp) + ")";
    if (cp >= 0x80) continue;
    const char c = static_cast<char>(cp);
    if (c == '\\') return "a backslash, which browsers read as '/'";
    if (c == '<' || c == '>' || c == '"' || c == '`') return std::string("markup ('") + c + "')";
    if (path && !std::isalnum(static_cast<unsigned char>(c)) && !path_punctuation(c))
      return std::string("'") + c + "', which a plain file path does not hold";
  }
  return {};
}

}  // namespace

bool is_web_url(std::string_view url) {
  const std::size_t scheme = starts_with_nocase(url, "https://")  ? 8
                             : starts_with_nocase(url, "http://") ? 7
                                                                  : 0;
  return scheme != 0 && url.size() > scheme && bad_character(url, false).empty();
}

std::optional<std::string> media_url_problem(std::string_view url) {
  if (url.empty() || is_web_url(url)) return std::nullopt;
  if (starts_with_nocase(url, "http://") || starts_with_nocase(url, "https://"))
    return quoted("media url", url) + " has " + bad_character(url, false);
  const auto slash = [](char c) { return c == '/' || c == '\\'; };
  // `//host/x`, `\\host\x`, `/\host`: a browser fetches these from another host.
  if (url.size() >= 2 && slash(url[0]) && slash(url[1]))
    return quoted("media path", url) + " names another host, not a file in the timeline's folder";
  if (url.find(':') != std::string_view::npos)
    return quoted("media url", url) + " is not http, https or a file path";
  if (slash(url[0])) return quoted("media path", url) + " is absolute: it leaves the timeline's folder";
  if (std::string bad = bad_character(url, true); !bad.empty())
    return quoted("media path", url) + " has " + bad;
  for (std::size_t begin = 0; begin <= url.size();) {
    const std::size_t end = std::min(url.find('/', begin), url.size());
    const std::string_view segment = url.substr(begin, end - begin);
    if (segment == "..") return quoted("media path", url) + " leaves the timeline's folder ('..')";
    if (segment.empty()) return quoted("media path", url) + " has an empty folder name";
    begin = end + 1;
  }
  if (image_type_of(url).empty())
    return quoted("media path", url) + " is not an image file annals knows (png, jpg, jpeg, gif, webp, svg)";
  return std::nullopt;
}

bool is_local_media_path(std::string_view url) {
  return !url.empty() && !is_web_url(url) && !media_url_problem(url);
}

std::optional<std::string> source_url_problem(std::string_view url, std::string_view what) {
  if (url.empty() || is_web_url(url)) return std::nullopt;
  if (starts_with_nocase(url, "http://") || starts_with_nocase(url, "https://"))
    return quoted(what, url) + " has " + bad_character(url, false);
  return quoted(what, url) + " is not http or https";
}

std::optional<std::vector<std::string_view>> names_beneath(std::string_view relative) {
  if (relative.empty() || relative[0] == '/' || relative.find('\\') != std::string_view::npos ||
      relative.find('\0') != std::string_view::npos)
    return std::nullopt;
  std::vector<std::string_view> names;
  for (std::size_t begin = 0; begin <= relative.size();) {
    const std::size_t end = std::min(relative.find('/', begin), relative.size());
    const std::string_view name = relative.substr(begin, end - begin);
    if (name.empty() || name == "..") return std::nullopt;
    if (name != ".") names.push_back(name);
    begin = end + 1;
  }
  if (names.empty()) return std::nullopt;
  return names;
}

std::string_view image_type_of(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> types[] = {
      {".png", "image/png"}, {".jpg", "image/jpeg"},  {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".svg", "image/svg+xml"}};
  for (const auto& [ext, mime] : types) {
    if (path.size() > ext.size() && starts_with_nocase(path.substr(path.size() - ext.size()), ext))
      return mime;
  }
  return {};
}

bool has_image_signature(std::string_view mime, std::string_view bytes) {
  const auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (mime == "image/png") return starts(std::string_view("\x89PNG\r\n\x1a\n", 8));
  if (mime == "image/jpeg") return starts("\xFF\xD8\xFF");
  if (mime == "image/gif") return starts("GIF87a") || starts("GIF89a");
  if (mime == "image/webp") return starts("RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP";
  if (mime != "image/svg+xml") return false;
  // SVG is text: UTF-8 without NUL throughout, and its first element is <svg>.
  if (valid_prefix(bytes) != bytes.size()) return false;
  std::string_view rest = bytes;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  const auto skip_space = [&] {
    while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'))
      rest.remove_prefix(1);
  };
  const auto skip_past = [&](std::string_view end) {
    const std::size_t at = rest.find(end);
    if (at == std::string_view::npos) return false;
    rest.remove_prefix(at + end.size());
    return true;
  };
  for (skip_space();; skip_space()) {
    if (rest.starts_with("<?xml")) {
      if (!skip_past("?>")) return false;
    } else if (rest.starts_with("<!--")) {
      if (!skip_past("-->")) return false;
    } else if (rest.starts_with("<!DOCTYPE")) {
      const std::size_t close = rest.find('>');
      if (close == std::string_view::npos || rest.substr(0, close).find('[') != std::string_view::npos)
        return false;  // an internal subset (entities) is no plain image
      rest.remove_prefix(close + 1);
    } else {
      break;
    }
  }
  return rest.starts_with("<svg") && rest.size() > 4 &&
         std::string_view(" \t\r\n>/").find(rest[4]) != std::string_view::npos;
}


}  // namespace annals
