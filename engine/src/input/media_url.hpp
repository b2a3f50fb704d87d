#pragma once

// What a url written in a timeline may be: one rule, read by validation (media and source
// urls, `unsafe-url`), by every renderer that writes a url, and by --embed-media. A local
// media path is a plain relative path that stays inside the timeline's folder and that a
// browser resolves to the same file the file system does.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// Whether `url` is an http or https url a page may link: the scheme, then no whitespace,
/// control, bidi or markup character (`<` `>` `"` backtick `\`).
bool is_web_url(std::string_view url);

/// Why a media url is refused (the whole message, `media path '…' leaves the timeline's
/// folder`), or nullopt for an http(s) url or a plain relative image path.
std::optional<std::string> media_url_problem(std::string_view url);

/// Whether `url` is a local media path media_url_problem accepts (not an http(s) url).
bool is_local_media_path(std::string_view url);

/// Why a source url (or another web link, named by `what`) is refused (only http and
/// https are linked), or nullopt.
std::optional<std::string> source_url_problem(std::string_view url, std::string_view what = "source url");

/// The names of `relative` to open one by one beneath a folder (`.` names dropped), or
/// nullopt when it is not plain: empty, absolute, with a `..` or empty name, a backslash
/// or a NUL. Readers check this themselves, whatever validation said.
std::optional<std::vector<std::string_view>> names_beneath(std::string_view relative);

/// The MIME type of an image path by its extension (`image/png`), or "" when annals does
/// not embed that extension. Case-insensitive.
std::string_view image_type_of(std::string_view path);

/// Whether `bytes` begin as a file of `mime` does (PNG, JPEG, GIF, WEBP signatures; SVG:
/// UTF-8 text whose first element, after a BOM, whitespace, an XML declaration, comments
/// and a doctype, is `<svg`).
bool has_image_signature(std::string_view mime, std::string_view bytes);

}  // namespace annals
