#include "import/extract_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "import/html_entities.hpp"

namespace annals::extract {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i]) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Elements that make a block of their own: the text before and after them is not one sentence.
constexpr std::string_view block_tags[] = {
    "p",  "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table",
    "article", "section", "header", "footer", "title", "blockquote", "figcaption", "figure", "hr", "dt", "dd",
    "pre", "main", "aside", "nav", "body", "head", "html"};
// Elements whose content is not text read.
constexpr std::string_view hidden_tags[] = {"script", "style", "noscript", "template", "svg"};

clean_text clean_html(std::string_view s) {
  clean_text out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      if (s.substr(i, 4) == "<!--") {
        const std::size_t end = s.find("-->", i + 4);
        i = end == std::string_view::npos ? s.size() : end + 3;
        continue;
      }
      const std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) {
        out.add("<", static_cast<std::uint32_t>(i));
        ++i;
        continue;
      }
      std::size_t n = i + 1;
      if (n < close && s[n] == '/') ++n;
      std::size_t name_end = n;
      while (name_end < close && std::isalnum(static_cast<unsigned char>(s[name_end]))) ++name_end;
      const std::string name = lower(s.substr(n, name_end - n));
      if (name.empty() && s[i + 1] != '!' && s[i + 1] != '?' && s[i + 1] != '/') {  // "a < b": text
        out.add("<", static_cast<std::uint32_t>(i));
        ++i;
        continue;
      }
      i = close + 1;
      if (s[n - 1] != '/' && std::find(std::begin(hidden_tags), std::end(hidden_tags), name) != std::end(hidden_tags)) {
        const std::string end_tag = "</" + name;
        std::size_t j = i;
        while (j < s.size()) {
          const std::size_t k = s.find("</", j);
          if (k == std::string_view::npos) {
            j = s.size();
            break;
          }
          if (lower(s.substr(k, end_tag.size())) == end_tag) {
            const std::size_t gt = s.find('>', k);
            j = gt == std::string_view::npos ? s.size() : gt + 1;
            break;
          }
          j = k + 2;
        }
        i = j;
        continue;
      }
      if (std::find(std::begin(block_tags), std::end(block_tags), name) != std::end(block_tags)) {
        out.add("\n\n", static_cast<std::uint32_t>(close));
      }
      continue;
    }
    if (c == '&') {
      std::string decoded;
      if (const std::size_t len = decode_entity(s, i, decoded, entity_spaces::plain)) {
        out.add(decoded, static_cast<std::uint32_t>(i));
        i += len;
        continue;
      }
    }
    // Line breaks in HTML source are spaces; blocks come from the tags.
    out.add(c == '\n' || c == '\r' || c == '\t' ? std::string_view(" ") : s.substr(i, 1), static_cast<std::uint32_t>(i));
    ++i;
  }
  return out;
}

// One Markdown line without its marks: heading #s, list and quote markers, emphasis,
// code ticks, links and images (their text kept).
void clean_markdown_line(std::string_view line, std::uint32_t at, clean_text& out, bool& block_line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  block_line = false;
  const std::size_t hashes = line.find_first_not_of('#', i);
  if (hashes != std::string_view::npos && hashes > i && hashes < line.size() && line[hashes] == ' ') {
    i = hashes + 1;
    block_line = true;
  } else if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+' || line[i] == '>') &&
             line[i + 1] == ' ') {
    i += 2;
    block_line = true;
  } else {
    std::size_t d = i;
    while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > i && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
      i = d + 2;
      block_line = true;
    }
  }
  while (i < line.size()) {
    const char c = line[i];
    if ((c == '*' || c == '_' || c == '`' || c == '~') &&
        (c != '_' || i == 0 || !std::isalnum(static_cast<unsigned char>(line[i - 1])) || i + 1 >= line.size() ||
         !std::isalnum(static_cast<unsigned char>(line[i + 1])))) {
      ++i;  // an emphasis or code mark (an underscore inside a word is a letter)
      continue;
    }
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t close = line.find(']', i);
      if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '(') {
        const std::size_t paren = line.find(')', close);
        if (paren != std::string_view::npos) {
          for (std::size_t k = i + 1; k < close; ++k) {
            if (line[k] != '*' && line[k] != '_' && line[k] != '`') out.add(line.substr(k, 1), at + static_cast<std::uint32_t>(k));
          }
          i = paren + 1;
          continue;
        }
      }
    }
    if (c == '&') {
      std::string decoded;
      if (const std::size_t len = decode_entity(line, i, decoded, entity_spaces::plain)) {
        out.add(decoded, at + static_cast<std::uint32_t>(i));
        i += len;
        continue;
      }
    }
    out.add(line.substr(i, 1), at + static_cast<std::uint32_t>(i));
    ++i;
  }
}

// Words a heading does not end with: a line ending so runs on.
constexpr std::string_view function_words[] = {"a", "an", "the", "of", "on", "in", "at", "to", "by", "for", "with",
                                               "from", "and", "or", "but", "that", "since", "until", "as"};

// Plain text and Markdown, line by line. A line is a block of its own when it is a
// heading or list item (Markdown), or short and unpunctuated with a capital after it (a
// plain text's heading); other lines of a paragraph are joined (hard-wrapped text).
clean_text clean_lines(std::string_view s, bool markdown) {
  clean_text out;
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // [begin, end)
  for (std::size_t b = 0; b <= s.size();) {
    std::size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::size_t te = e;
    if (te > b && s[te - 1] == '\r') --te;
    lines.emplace_back(b, te);
    b = e + 1;
    if (e == s.size()) break;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto [b, e] = lines[k];
    const std::string_view line = s.substr(b, e - b);
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank) {
      out.add("\n\n", static_cast<std::uint32_t>(b));
      continue;
    }
    bool block_line = false;
    const std::size_t before = out.text.size();
    if (markdown) {
      if (line.find_first_not_of("-=*_ ") == std::string_view::npos) {  // a rule or a setext underline
        out.add("\n\n", static_cast<std::uint32_t>(b));
        continue;
      }
      clean_markdown_line(line, static_cast<std::uint32_t>(b), out, block_line);
    } else {
      for (std::size_t i = 0; i < line.size(); ++i) out.add(line.substr(i, 1), static_cast<std::uint32_t>(b + i));
    }
    (void)before;
    // Does this line end a block?
    bool ends = block_line;
    const std::string_view trimmed = line.substr(0, line.find_last_not_of(" \t") + 1);
    const char last = trimmed.empty() ? ' ' : trimmed.back();
    if (k + 1 < lines.size()) {
      const std::string_view next = s.substr(lines[k + 1].first, lines[k + 1].second - lines[k + 1].first);
      const std::size_t first = next.find_first_not_of(" \t");
      const bool next_capital = first != std::string_view::npos && std::isupper(static_cast<unsigned char>(next[first]));
      const bool next_item = markdown && first != std::string_view::npos &&
                             (next[first] == '#' || next[first] == '-' || next[first] == '*' || next[first] == '>');
      if (next_item) ends = true;
      // A plain text's heading: a short line, a capital after it, not ending mid-phrase.
      const std::size_t space = trimmed.find_last_of(' ');
      const std::string last_word = lower(space == std::string_view::npos ? trimmed : trimmed.substr(space + 1));
      const bool mid_phrase = std::find(std::begin(function_words), std::end(function_words), last_word) != std::end(function_words);
      if (!markdown && trimmed.size() < 60 && next_capital && last != ',' && !mid_phrase &&
          !std::isdigit(static_cast<unsigned char>(last)))
        ends = true;
      if (!markdown && (last == '.' || last == '!' || last == '?' || last == ':')) ends = ends || trimmed.size() < 60;
    }
    out.add(ends ? "\n\n" : " ", static_cast<std::uint32_t>(e));
  }
  return out;
}

// Words after which a period does not end a sentence.
constexpr std::string_view abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "pres", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "c", "ca", "cf", "e.g", "i.e", "u.s", "u.k",
    "u.n", "a.m", "p.m", "mt", "ft", "fig", "vol", "pp", "ed", "est"};

bool abbreviation_before(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
  if (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1]))) return false;  // "the 1990s.", "the 21st."
  const std::string word = lower(text.substr(b, dot - b));
  if (word.size() == 1) return true;  // an initial: "J. Smith", "U.S."
  return std::find(std::begin(abbreviations), std::end(abbreviations), word) != std::end(abbreviations);
}

}  // namespace

void clean_text::add(std::string_view s, std::uint32_t from) {
  text += s;
  origin.insert(origin.end(), s.size(), from);
  if (!s.empty() && s.size() > 1 && s.find('\n') == std::string_view::npos) {
    // Decoded text (an entity) maps to its first byte; plain copies map byte by byte.
  }
}

text_kind guess_kind(std::string_view path, std::string_view bytes) {
  if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml")) return text_kind::html;
  if (ends_with(path, ".md") || ends_with(path, ".markdown")) return text_kind::markdown;
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<') {
    const std::string head = lower(bytes.substr(first, 20));
    if (head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<p") ||
        head.starts_with("<h") || head.starts_with("<div") || head.starts_with("<article") || head.starts_with("<body"))
      return text_kind::html;
  }
  return text_kind::plain;
}

clean_text clean(std::string_view bytes, text_kind kind) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {  // a byte order mark
    clean_text t = clean(bytes.substr(3), kind);
    for (auto& o : t.origin) o += 3;
    return t;
  }
  switch (kind) {
    case text_kind::html: return clean_html(bytes);
    case text_kind::markdown: return clean_lines(bytes, true);
    case text_kind::plain: return clean_lines(bytes, false);
  }
  return clean_lines(bytes, false);
}

std::vector<sentence> sentences(const clean_text& t) {
  std::vector<sentence> out;
  sentence cur;
  auto flush = [&] {
    // Trim spaces at both ends.
    std::size_t b = 0, e = cur.text.size();
    while (b < e && (cur.text[b] == ' ')) ++b;
    while (e > b && (cur.text[e - 1] == ' ')) --e;
    if (e > b) {
      sentence s;
      s.text = cur.text.substr(b, e - b);
      s.origin.assign(cur.origin.begin() + static_cast<std::ptrdiff_t>(b), cur.origin.begin() + static_cast<std::ptrdiff_t>(e));
      out.push_back(std::move(s));
    }
    cur = {};
  };
  const std::string& s = t.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n') {
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        flush();
        while (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        continue;
      }
      cur.text += ' ';
      cur.origin.push_back(t.origin[i]);
      continue;
    }
    // Spaces collapse to one.
    if ((c == ' ' || c == '\t' || c == '\r') && !cur.text.empty() && cur.text.back() == ' ') continue;
    cur.text += (c == '\t' || c == '\r') ? ' ' : c;
    cur.origin.push_back(t.origin[i]);
    if (c == '.' || c == '!' || c == '?') {
      std::size_t j = i + 1;
      while (j < s.size() && (s[j] == '"' || s[j] == ')' || s[j] == '\'' ||
                              (static_cast<unsigned char>(s[j]) == 0xE2 && j + 2 < s.size() &&
                               static_cast<unsigned char>(s[j + 1]) == 0x80 &&
                               (static_cast<unsigned char>(s[j + 2]) == 0x9D || static_cast<unsigned char>(s[j + 2]) == 0x99)))) {
        j += static_cast<unsigned char>(s[j]) == 0xE2 ? 3 : 1;
      }
      if (j >= s.size() || (s[j] != ' ' && s[j] != '\n')) continue;
      std::size_t k = j;
      while (k < s.size() && (s[k] == ' ' || s[k] == '\n')) ++k;
      if (k >= s.size()) continue;
      const auto next = static_cast<unsigned char>(s[k]);
      const bool opens = std::isupper(next) || std::isdigit(next) || next == '"' || next == '\'' || next == 0xE2;
      if (!opens) continue;
      if (c == '.' && abbreviation_before(s, i) && !std::isupper(next)) continue;
      if (c == '.' && abbreviation_before(s, i) && std::isupper(next)) {
        // "U.S. President" goes on; "in the U.S. The next day" cannot be told apart: go on
        // after an initial or a title, end after a month or another abbreviation.
        std::size_t b = i;
        while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) --b;
        const std::string word = lower(s.substr(b, i - b));
        if (word.size() <= 4 && word != "etc") continue;
      }
      for (std::size_t q = i + 1; q < j; ++q) {
        cur.text += s[q];
        cur.origin.push_back(t.origin[q]);
      }
      i = j - 1;
      flush();
    }
  }
  flush();
  return out;
}

position position_of(std::string_view bytes, std::uint32_t offset) {
  position p;
  for (std::uint32_t i = 0; i < offset && i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace annals::extract
