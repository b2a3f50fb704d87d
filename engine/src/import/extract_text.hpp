#pragma once

// An article as extract reads it: plain text, Markdown or HTML made plain (tags stripped,
// entities decoded, Markdown marks dropped), every character remembering where it stood
// in the article, and cut into sentences.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::extract {

enum class text_kind : std::uint8_t { plain, markdown, html };

/// HTML when the name ends .html/.htm or the text opens with a tag; Markdown for .md and
/// .markdown; plain otherwise.
text_kind guess_kind(std::string_view path, std::string_view bytes);

/// Plain text and, for each of its bytes, the byte offset in the article it came from.
struct clean_text {
  std::string text;
  std::vector<std::uint32_t> origin;
  void add(std::string_view s, std::uint32_t from);
};

/// The article's words without its markup; blocks (paragraphs, headings, list items, an
/// HTML block element) end with a blank line, so no sentence runs across them.
clean_text clean(std::string_view bytes, text_kind kind);

/// One sentence: its text on one line (line breaks made spaces) and, per byte, its offset
/// in the article.
struct sentence {
  std::string text;
  std::vector<std::uint32_t> origin;
};

/// The sentences of a clean text, in order: split at . ! ? before a capital, a digit or
/// a quote (not after an abbreviation or an initial), and at every block's end.
std::vector<sentence> sentences(const clean_text& t);

/// 1-based line and column (in characters) of byte `offset` of `bytes`.
struct position {
  std::uint32_t line = 1, column = 1;
};
position position_of(std::string_view bytes, std::uint32_t offset);

}  // namespace annals::extract
