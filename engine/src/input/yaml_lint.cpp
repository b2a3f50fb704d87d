#include "input/yaml_lint.hpp"

#include <array>
#include <string>
#include <vector>

namespace annals {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// The characters `scan` only steps over in block context: blanks, and those that go on
// with a plain scalar. Most of a file's bytes are these.
constexpr std::array<bool, 256> passive_chars = [] {
  std::array<bool, 256> passive{};
  passive.fill(true);
  for (const char c : std::string_view("#\"'[{,!|>")) passive[static_cast<unsigned char>(c)] = false;
  return passive;
}();
bool passive(char c) { return passive_chars[static_cast<unsigned char>(c)]; }

// What came last on a line, for the rule that a comment needs a space before '#'.
enum class last_token { start, space, plain, closing_quote, flow_close, comma, indicator };

enum class root_kind { none, map, seq, flow, scalar, other };

class linter {
 public:
  explicit linter(std::string_view text) : text_(text) {}

  std::vector<yaml_error> run() {
    for (std::size_t start = 0; start < text_.size() && errors_.size() < max_errors;) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view line = text_.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!recovering(line)) scan_line(line);
      if (error_) {
        errors_.push_back(std::move(*error_));
        error_.reset();
        recover_column_ = resync_column();
        quote_ = 0;
        flow_.clear();
        block_scalar_ = false;
      }
      start = end + 1;
      ++line_no_;
    }
    return std::move(errors_);
  }

 private:
  // After an error, reading starts again at the next item or key at the column of the
  // list item or mapping that held it, so that each event's problem is found in one run.
  bool recovering(std::string_view line) {
    if (recover_column_ == npos) return false;
    const std::size_t c = first_content(line);
    if (c == line.size() || c > recover_column_ || line[c] == '#') return true;
    recover_column_ = npos;
    return false;
  }

  std::size_t resync_column() const {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (it->second == root_kind::seq || it->second == root_kind::map) return it->first;
    }
    return root_indent_;
  }

  void fail(std::size_t column, std::string message) {
    if (!error_) error_ = yaml_error{"yaml-syntax", std::move(message), line_no_, static_cast<std::uint32_t>(column + 1)};
  }

  static std::size_t indent_of(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
  }
  static std::size_t first_content(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    return i;
  }
  // Whether the rest of a line, from `i`, holds a `key:` of a block mapping: a ':' followed by
  // a blank or the line's end, outside quotes and flow collections, before a comment.
  static bool implicit_key(std::string_view line, std::size_t i) {
    char quote = 0;
    int depth = 0;
    for (std::size_t k = i; k < line.size(); ++k) {
      const char c = line[k];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if ((c == '"' || c == '\'') && (k == i || blank(line[k - 1]))) quote = c;
      else if (c == '[' || c == '{') ++depth;
      else if ((c == ']' || c == '}') && depth > 0) --depth;
      else if (c == '#' && k > i && blank(line[k - 1])) return false;
      else if (c == ':' && depth == 0 && (k + 1 == line.size() || blank(line[k + 1]))) return true;
    }
    return false;
  }

  void scan_line(std::string_view line) {
    const std::size_t indent = indent_of(line);
    const std::size_t content = first_content(line);
    const bool empty = content == line.size();
    if (block_scalar_ && body_line(indent, empty)) return;
    if (quote_) {
      // A quoted scalar inside a block node goes on past its line's indentation, with spaces.
      if (quote_in_block_ && !empty && indent <= quote_indent_) {
        if (closes_after(line.data() - text_.data())) {
          fail(indent, "a quoted scalar's next line must be indented past the line it starts on, with spaces");
        } else {  // most often a closing quote left out: say so where the scalar starts
          line_no_ = quote_line_;
          fail(quote_column_, std::string("unclosed quote: the scalar starting here has no closing ") + quote_);
        }
        return;
      }
      scan(line, 0, indent);
      return;
    }
    if (!flow_.empty()) {
      if (flow_in_block_ && !empty && line[content] != '#' && indent <= flow_indent_) {
        fail(indent, "a flow collection's next line must be indented past the line it starts on, with spaces");
        return;
      }
      scan(line, 0, indent);
      return;
    }
    if (empty) return;
    if (line[content] == '#') {
      comment_after_root_ = root_ == root_kind::scalar;
      return;
    }
    if (line.starts_with("---") && (line.size() == 3 || blank(line[3]))) {
      const std::size_t rest = 3 + first_content(line.substr(3));
      if (rest < line.size() && line[rest] != '#') {
        if (implicit_key(line, rest)) {
          fail(rest, "a mapping cannot start on the '---' line; put it on the next line");
          return;
        }
        start_root(line, rest);
        scan(line, rest, 0);
      }
      return;
    }
    if (line.starts_with("...") && (line.size() == 3 || blank(line[3]))) return;
    if (line[0] == '%' && root_ == root_kind::none) return;  // a directive
    if (root_ == root_kind::none) {
      start_root(line, content);
    } else if (!top_level_line(line, indent, content)) {
      return;
    }
    if (!block_structure(line, content)) return;
    if (!tabbed_block_indicators(line, content)) return;
    scan(line, content, indent);
  }

  // Lines of a block scalar's body are its content: false once the body has ended.
  bool body_line(std::size_t indent, bool empty) {
    if (empty) {
      if (body_indent_ < 0) {
        if (indent > leading_empty_) {
          leading_empty_ = indent;
          leading_empty_line_ = line_no_;
        }
      }
      return true;
    }
    if (body_indent_ == -1) {  // the first non-empty line fixes the indentation
      if (indent <= block_parent_indent_) {
        block_scalar_ = false;
        return false;
      }
      if (leading_empty_ > indent) {
        const std::uint32_t at = line_no_;
        line_no_ = leading_empty_line_;
        fail(indent, "a block scalar's leading empty line holds more spaces than its first line's indentation");
        line_no_ = at;
        return true;
      }
      body_indent_ = static_cast<int>(indent);
      return true;
    }
    const std::size_t need = body_indent_ >= 0 ? static_cast<std::size_t>(body_indent_) : block_parent_indent_ + 1;
    if (indent >= need) return true;
    block_scalar_ = false;
    return false;
  }

  // The kind of the document's top-level node, from its first line.
  void start_root(std::string_view line, std::size_t at) {
    root_indent_ = at;
    // A tag's shorthand holds no flow indicator (`!<...>` is verbatim: anything goes there).
    if (line[at] == '!' && at + 1 < line.size() && line[at + 1] != '<') {
      for (std::size_t k = at; k < line.size() && !blank(line[k]); ++k) {
        if (flow_indicator(line[k])) {
          fail(k, "a tag cannot hold '" + std::string(1, line[k]) + "'");
          return;
        }
      }
    }
    std::size_t i = at;
    while (i < line.size() && (line[i] == '&' || line[i] == '!')) {  // node properties
      while (i < line.size() && !blank(line[i])) ++i;
      while (i < line.size() && blank(line[i])) ++i;
    }
    if (i >= line.size() || line[i] == '#') {
      root_ = root_kind::other;
      return;
    }
    const char c = line[i];
    if ((c == '-' || c == '?') && (i + 1 == line.size() || blank(line[i + 1]))) {
      root_ = c == '-' ? root_kind::seq : root_kind::map;
    } else if (implicit_key(line, i)) {
      root_ = root_kind::map;
    } else if (c == '[' || c == '{') {
      root_ = root_kind::flow;
    } else if (c == '|' || c == '>' || c == '"' || c == '\'' || c == '*') {
      root_ = root_kind::other;
    } else {
      root_ = root_kind::scalar;
    }
  }

  // A line at the top level's indentation (or less) belongs to the top-level node.
  bool top_level_line(std::string_view line, std::size_t indent, std::size_t content) {
    if (root_done_) {
      fail(content, "the document's top-level node has ended; nothing may follow it");
      return false;
    }
    if (indent > root_indent_) return true;
    switch (root_) {
      case root_kind::seq:
        if (line[content] == '-' && (content + 1 == line.size() || blank(line[content + 1]))) return true;
        fail(content, "the top level is a list: a line here must start with '- '");
        return false;
      case root_kind::map: {
        const char c = line[content];
        // '? key', ': value', and '- item' of a list that is a key's value at the key's indentation.
        if ((c == '?' || c == ':' || c == '-') && (content + 1 == line.size() || blank(line[content + 1]))) return true;
        if (c == '[' || c == '{' || c == '"' || c == '\'' || implicit_key(line, content)) return true;
        fail(content, "the top level is a mapping: a line here must hold a key and ':'");
        return false;
      }
      case root_kind::scalar:
        if (!comment_after_root_) return true;
        fail(content, "a comment ends a plain scalar: this line cannot go on with it");
        return false;
      case root_kind::none:
      case root_kind::flow:
      case root_kind::other: return true;
    }
    return true;
  }

  // Whether `i` follows a block indicator (`- `, `? `, `: `) on its line.
  static bool after_block_indicator(std::string_view line, std::size_t i) {
    std::size_t k = i;
    while (k > 0 && blank(line[k - 1])) --k;
    if (k == i || k == 0) return false;
    const char c = line[k - 1];
    return (c == '-' || c == '?' || c == ':') && (k == 1 || blank(line[k - 2]));
  }

  // Whether only node properties (`&anchor`, `!tag`) come before `i` on its line.
  static bool opens_line(std::string_view line, std::size_t i) {
    std::size_t k = first_content(line);
    while (k < i && (line[k] == '&' || line[k] == '!')) {
      while (k < i && !blank(line[k])) ++k;
      while (k < i && blank(line[k])) ++k;
    }
    return k == i;
  }

  static bool dash(std::string_view line, std::size_t i) {
    return line[i] == '-' && (i + 1 == line.size() || blank(line[i + 1]));
  }
  static bool key_line(std::string_view line, std::size_t i) {
    const char c = line[i];
    if ((c == '?' || c == ':') && (i + 1 == line.size() || blank(line[i + 1]))) return true;
    return implicit_key(line, i);
  }

  // The block collections open at each column: a line at a mapping's column holds a
  // key (or starts a list that is a key's value there); a line at a list's column an
  // item. Lines deeper are their content; a line between two columns fits neither.
  bool block_structure(std::string_view line, std::size_t c) {
    while (!open_.empty() && open_.back().first > c) open_.pop_back();
    // Past a list's column but short of where its last item's content began: in neither.
    if (!open_.empty() && open_.back().second == root_kind::seq && c > open_.back().first && c < item_content_) {
      fail(c, "this line is indented past the list's '-' but short of its item's content");
      return false;
    }
    if (!open_.empty() && open_.back().first == c) {
      if (open_.back().second == root_kind::seq && !dash(line, c)) {
        if (open_.size() > 1 && open_[open_.size() - 2].first == c && key_line(line, c)) {
          open_.pop_back();  // a list at its key's column ends; the mapping goes on
        } else {
          fail(c, "a line here, in a list, must start with '- '");
          return false;
        }
      } else if (open_.back().second == root_kind::map && !key_line(line, c)) {
        const char first = line[c];
        if (dash(line, c)) {
          open_.emplace_back(c, root_kind::seq);  // a list as the value of the key above
        } else if (first != '[' && first != '{' && first != '"' && first != '\'') {
          fail(c, "a line here, in a mapping, must hold a key and ':'");
          return false;
        }
      }
    }
    // What opens on this line: '- ' items and a `key:` after them.
    std::size_t i = c;
    bool after_dash = false;
    while (i < line.size()) {
      const bool is_dash = dash(line, i);
      if (!is_dash && !key_line(line, i)) break;
      if (open_.empty() || open_.back().first < i) open_.emplace_back(i, is_dash ? root_kind::seq : root_kind::map);
      // An item whose content is a mapping: its lines go at the mapping's column or deeper.
      if (!is_dash && after_dash) item_content_ = i;
      if (!is_dash) break;
      after_dash = true;
      item_content_ = 0;
      ++i;
      while (i < line.size() && blank(line[i])) ++i;
    }
    return true;
  }

  // A tab may separate a block indicator from a scalar, never from a block collection
  // ('-\t- a', ':\tkey: v'): tabs do not indent.
  bool tabbed_block_indicators(std::string_view line, std::size_t i) {
    while (i < line.size()) {
      const char c = line[i];
      if (!(c == '-' || c == '?' || c == ':') || (i + 1 < line.size() && !blank(line[i + 1]))) return true;
      std::size_t j = i + 1;
      bool tab = false;
      while (j < line.size() && blank(line[j])) tab |= line[j++] == '\t';
      if (j >= line.size()) return true;
      const bool sequence = line[j] == '-' && (j + 1 == line.size() || blank(line[j + 1]));
      if (tab && (sequence || implicit_key(line, j))) {
        fail(j, "a tab cannot indent a block collection; use spaces");
        return false;
      }
      i = j;
    }
    return true;
  }

  // Scans the characters of `line` from `i`: quoted scalars, flow collections, comments,
  // block scalar headers and tags. `indent`: the line's indentation.
  void scan(std::string_view line, std::size_t i, std::size_t indent) {
    last_token last = i == 0 ? last_token::start : last_token::space;
    while (i < line.size() && !error_) {
      if (quote_) {
        i = quoted(line, i);
        if (!quote_) last = last_token::closing_quote;
        continue;
      }
      if (flow_.empty() && passive(line[i])) {  // words and the blanks between them, at once
        while (++i < line.size() && passive(line[i])) {
        }
        last = blank(line[i - 1]) ? last_token::space : last_token::plain;
        continue;
      }
      const char c = line[i];
      const bool token_start = i == 0 || blank(line[i - 1]) || last == last_token::comma ||
                               (!flow_.empty() && (line[i - 1] == '[' || line[i - 1] == '{' || line[i - 1] == ':'));
      if (blank(c)) {
        last = last_token::space;
        ++i;
        continue;
      }
      if (c == '#') {
        if (last == last_token::start || last == last_token::space) {
          comment_after_root_ = root_ == root_kind::scalar;
          return;  // a comment: the rest of the line
        }
        if (last != last_token::plain) {
          fail(i, "a comment needs a space before '#'");
          return;
        }
        ++i;  // inside a plain scalar
        continue;
      }
      if ((c == '"' || c == '\'') && (token_start || last == last_token::start)) {
        quote_ = c;
        quote_line_ = line_no_;
        quote_column_ = i;
        // Its next lines go past the block node it belongs to: past its line's indentation
        // when it follows a key or '-' there; when it opens its line, past column 0 at least.
        quote_indent_ = opens_line(line, i) ? 0 : indent;
        quote_in_block_ = flow_.empty() && (root_ == root_kind::map || root_ == root_kind::seq || indent > 0);
        if (!flow_.empty()) {
          if (expect_entry_) entry_line_ = line_no_;
          expect_entry_ = after_open_ = false;
        }
        i = quoted(line, i + 1);
        if (!quote_) last = last_token::closing_quote;
        continue;
      }
      if (!flow_.empty()) {
        i = flow_char(line, i, token_start, last);
        continue;
      }
      // Block context.
      if ((c == '[' || c == '{') && token_start) {
        flow_.push_back(c);
        flow_indent_ = opens_line(line, i) ? 0 : indent;
        flow_in_block_ = root_ == root_kind::map || root_ == root_kind::seq || indent > 0;
        expect_entry_ = after_open_ = true;
        entry_line_ = line_no_;
        last = last_token::indicator;
        ++i;
        continue;
      }
      if (c == ',' && token_start) {
        fail(i, "',' cannot start a plain scalar; quote the text");
        return;
      }
      if (c == '!' && line.substr(i).starts_with("!<!>")) {
        fail(i, "'!<!>' is no tag: a verbatim tag cannot be '!'");
        return;
      }
      if (c == '!' && token_start && after_block_indicator(line, i)) {
        // A tag's shorthand holds no flow indicator: `- !!str, x` is no tag and no scalar.
        for (std::size_t k = i; k < line.size() && !blank(line[k]) && line[i + 1] != '<'; ++k) {
          if (flow_indicator(line[k])) {
            fail(k, "a tag cannot hold '" + std::string(1, line[k]) + "'");
            return;
          }
        }
      }
      if ((c == '|' || c == '>') && token_start) {
        block_header(line, i + 1, indent);
        return;
      }
      last = last_token::plain;
      ++i;
    }
  }

  // One character inside a flow collection.
  std::size_t flow_char(std::string_view line, std::size_t i, bool token_start, last_token& last) {
    const char c = line[i];
    if (c == '[' || c == '{') {
      flow_.push_back(c);
      expect_entry_ = after_open_ = true;
      entry_line_ = line_no_;
      last = last_token::indicator;
      return i + 1;
    }
    if (c == ']' || c == '}') {
      flow_.pop_back();
      expect_entry_ = false;
      last = last_token::flow_close;
      if (flow_.empty()) after_flow(line, i + 1);
      return i + 1;
    }
    if (c == ',') {
      if (expect_entry_ && !after_open_) {
        fail(i, "an empty entry in a flow collection: two ',' in a row");
      } else if (expect_entry_) {
        fail(i, "an empty entry in a flow collection: ',' right after its opening bracket");
      }
      expect_entry_ = true;
      after_open_ = false;
      entry_line_ = line_no_;
      last = last_token::comma;
      return i + 1;
    }
    if (c == '-' && token_start && (i + 1 == line.size() || blank(line[i + 1]) || flow_indicator(line[i + 1]))) {
      fail(i, "'-' cannot start an entry of a flow collection; quote it");
      return line.size();
    }
    // An implicit key in a flow sequence lies on one line: its ':' cannot open the next one.
    if (c == ':' && flow_.back() == '[' && i == first_content(line) && entry_line_ < line_no_ && !explicit_key_) {
      fail(i, "an implicit key in a flow sequence must be on one line; put ':' after it or write '? key'");
      return line.size();
    }
    if (expect_entry_) explicit_key_ = c == '?';
    if (expect_entry_ && c != ':') entry_line_ = line_no_;
    expect_entry_ = false;
    after_open_ = false;
    last = last_token::plain;
    return i + 1;
  }

  // After a flow collection closes at the top of the block: a comment, ':' (it is a key)
  // or nothing.
  void after_flow(std::string_view line, std::size_t i) {
    while (i < line.size() && blank(line[i])) ++i;
    if (i == line.size() || line[i] == '#') {
      if (root_ == root_kind::flow && flow_indent_ == root_indent_ && !flow_in_block_) root_done_ = true;
      return;
    }
    if (line[i] == ':') {
      if (root_ == root_kind::flow) root_ = root_kind::map;
      return;
    }
    fail(i, "nothing may follow a flow collection on its line but a comment or ':'");
  }

  // Whether the open quoted scalar closes somewhere from byte `from` on (only asked on an error).
  bool closes_after(std::size_t from) const {
    for (std::size_t i = from; i < text_.size(); ++i) {
      if (quote_ == '"' && text_[i] == '\\') ++i;
      else if (text_[i] == quote_) return true;
    }
    return false;
  }

  // Inside a quoted scalar from `i`: to its closing quote on this line, or to the line's end.
  std::size_t quoted(std::string_view line, std::size_t i) {
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (quote_ == '\'') {
        if (c != '\'') continue;
        if (i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' is a quote inside
          continue;
        }
        quote_ = 0;
        return i + 1;
      }
      if (c == '"') {
        quote_ = 0;
        return i + 1;
      }
      if (c != '\\') continue;
      if (i + 1 == line.size()) return line.size();  // an escaped line break
      const char e = line[i + 1];
      const std::string_view simple = "0abt\tnvfre \"/\\N_LP";
      std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (digits == 0 && simple.find(e) == std::string_view::npos) {
        fail(i, "'\\" + std::string(1, e) + "' is no escape of a double-quoted scalar");
        return line.size();
      }
      for (std::size_t k = 0; k < digits; ++k) {
        if (i + 2 + k >= line.size() || !hex(line[i + 2 + k])) {
          fail(i, "'\\" + std::string(1, e) + "' needs " + std::to_string(digits) + " hexadecimal digits");
          return line.size();
        }
      }
      i += 1 + digits;
    }
    return i;
  }

  // A block scalar's header after '|' or '>': indentation and chomping indicators, then a
  // comment or nothing. The body follows on the next lines.
  void block_header(std::string_view line, std::size_t i, std::size_t indent) {
    bool explicit_indent = false;
    for (int k = 0; k < 2 && i < line.size(); ++k) {
      if (line[i] >= '1' && line[i] <= '9' && !explicit_indent) {
        explicit_indent = true;
        ++i;
      } else if (line[i] == '+' || line[i] == '-') {
        ++i;
      }
    }
    const std::size_t after = i;
    while (i < line.size() && blank(line[i])) ++i;
    if (i < line.size() && (line[i] != '#' || i == after)) {
      fail(i, line[i] == '#' ? "a comment needs a space before '#'"
                             : "a block scalar's header holds only its indicators and a comment");
      return;
    }
    block_scalar_ = true;
    block_parent_indent_ = indent;
    body_indent_ = explicit_indent ? -2 : -1;
    leading_empty_ = 0;
  }

  std::string_view text_;
  std::uint32_t line_no_ = 1;
  std::optional<yaml_error> error_;  // the problem of the line being read
  std::vector<yaml_error> errors_;
  static constexpr std::size_t max_errors = 1000;
  static constexpr std::size_t npos = std::string_view::npos;
  std::size_t recover_column_ = npos;  // after an error: where reading starts again
  // A quoted scalar that goes on to the next line.
  char quote_ = 0;
  std::uint32_t quote_line_ = 0;
  std::size_t quote_column_ = 0;
  std::size_t quote_indent_ = 0;
  bool quote_in_block_ = false;
  // Open flow collections and the line the outermost began on.
  std::vector<char> flow_;
  std::size_t flow_indent_ = 0;
  bool flow_in_block_ = false;
  bool expect_entry_ = false;  // just after an opening bracket or ','
  bool after_open_ = true;     // ... an opening bracket
  bool explicit_key_ = false;  // the current entry began with '?'
  std::uint32_t entry_line_ = 0;
  // A block scalar's body.
  bool block_scalar_ = false;
  std::size_t block_parent_indent_ = 0;
  int body_indent_ = -1;  // -1: not yet known; -2: given by the header
  std::size_t leading_empty_ = 0;
  std::uint32_t leading_empty_line_ = 0;
  // The block collections open, by column, outermost first.
  std::vector<std::pair<std::size_t, root_kind>> open_;
  std::size_t item_content_ = 0;  // the column of the mapping the last list item holds; 0: none
  // The top-level node.
  root_kind root_ = root_kind::none;
  std::size_t root_indent_ = 0;
  bool root_done_ = false;
  bool comment_after_root_ = false;
};

}  // namespace

std::vector<yaml_error> lint_yaml(std::string_view text) { return linter(text).run(); }

}  // namespace annals
