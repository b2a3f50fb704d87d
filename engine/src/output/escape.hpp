#pragma once

// One escaping helper per output language; every renderer writes user text through these.
// Each takes arbitrary bytes: invalid UTF-8 becomes U+FFFD, so the output is always well formed.

#include <string>
#include <string_view>

namespace annals {

/// A code point read from UTF-8 and the bytes it took; size 0 when the bytes there are
/// not valid UTF-8 (overlong forms, surrogates, past U+10FFFF, cut short).
struct utf8_char {
  char32_t cp = 0;
  std::size_t size = 0;
};
/// The character at byte `i` of `text` (i < text.size()).
utf8_char decode_utf8(std::string_view text, std::size_t i);

/// The UTF-8 of `text` with every invalid sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

/// The inside of a JSON string (no quotes). Besides `"` `\` and control characters it
/// escapes `<`, `>`, `&`, U+2028 and U+2029, so the result is also safe inside an HTML
/// <script> element.
std::string escape_json(std::string_view text);
/// `text` as a quoted JSON string.
std::string json_string(std::string_view text);

/// Text for XML/HTML content and attribute values (double or single quoted):
/// `&` `<` `>` `"` `'` become references; control characters other than tab and
/// newline are dropped (XML 1.0 cannot hold them).
std::string escape_xml(std::string_view text);

/// One RFC 4180 CSV field: quoted when it holds `,` `"` CR or LF (quotes doubled), and
/// neutralized with a leading `'` when a spreadsheet would read it as a formula (it
/// starts with `=` `+` `-` `@`, tab or CR); control characters but tab, CR and LF, and
/// bidi embeddings, overrides and isolates, are dropped.
std::string csv_field(std::string_view text);

/// The inside of a double-quoted Graphviz DOT string (no quotes): `\` and `"` are
/// escaped, so no escString sequence (`\N`, `\l`, ...) survives; a newline becomes `\n`.
std::string escape_dot(std::string_view text);
/// `text` as a quoted DOT id or label.
std::string dot_string(std::string_view text);

/// RFC 5545 TEXT: `\` `;` `,` are backslash-escaped, a newline becomes `\n`, other
/// control characters are dropped.
std::string escape_ics_text(std::string_view text);
/// An RFC 5545 content line folded at 75 octets (never inside a UTF-8 sequence), each
/// line ended by CRLF.
std::string fold_ics_line(std::string_view line);

/// Markdown inline text: punctuation that CommonMark would read as markup is
/// backslash-escaped (including `<`, so no raw HTML passes), newlines become spaces.
std::string escape_markdown(std::string_view text);
/// RFC 4648 base64, padded: for data: URIs.
std::string base64(std::string_view bytes);

/// A source as markdown: `[title](url)` (the URL made safe as a link target; only safe
/// URLs get here), or the title alone when it has no URL.
std::string markdown_link(std::string_view title, std::string_view url);

/// Mermaid label text: characters with meaning to its parser (`:` `#` `;` `%` `<` `>`
/// `&` `"`) become entity codes (`#58;`), newlines become spaces.
std::string escape_mermaid(std::string_view text);

/// Text for a terminal: control characters (C0, DEL and C1, which start escape
/// sequences) and bidi embeddings, overrides and isolates (which reorder what follows)
/// are dropped, newlines and tabs become spaces.
std::string escape_terminal(std::string_view text);

/// Whether `url` is safe to emit as a link target: http, https or mailto only
/// (never `javascript:` or `data:`), with no whitespace or control characters.
bool is_safe_url(std::string_view url);

}  // namespace annals
