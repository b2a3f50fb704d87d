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

/// How JSON strings are escaped. `plain`: `"`, `\` and control characters (U+0000-U+001F),
/// as nlohmann's dump writes them (`\n`, `\u001b`); everything else as it is. `script`:
/// also `<`, `>`, `&`, DEL, U+2028 and U+2029, so that the text is safe inside an HTML
/// <script> element and in JavaScript source.
enum class json_escaping : unsigned char { plain, script };
/// Appends the inside of a JSON string (no quotes) to `out`.
void append_json_escaped(std::string& out, std::string_view text, json_escaping escaping);

/// The inside of a JSON string (no quotes), escaped for a <script> element (json_escaping::script).
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

/// The message of a GitHub Actions workflow command (`::error file=F::MESSAGE`): `%` `CR`
/// `LF` become `%25` `%0D` `%0A`, so that no text ends the command or starts another.
std::string escape_workflow_data(std::string_view text);
/// A property value of a workflow command (`file=`, `title=`): as a message, and `:` `,`
/// become `%3A` `%2C`, which would end the value.
std::string escape_workflow_property(std::string_view text);

/// A path as an RFC 3986 URI path: every byte but the unreserved characters, `/` and the
/// sub-delimiters percent-encoded (`%20`); `:` is encoded too, so that a relative path
/// never reads as a scheme.
std::string uri_path(std::string_view path);

/// Whether `url` is safe to emit as a link target: http, https or mailto only
/// (never `javascript:` or `data:`), with no whitespace or control characters.
bool is_safe_url(std::string_view url);

}  // namespace annals
