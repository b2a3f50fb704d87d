#include "input/yaml_stream.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <memory>
#include <streambuf>
#include <unordered_map>

namespace annals {

namespace {

constexpr std::string_view str_tag = "tag:yaml.org,2002:str";

std::uint32_t to_column(const YAML::Mark& m) { return static_cast<std::uint32_t>(m.column + 1); }

// Lets yaml-cpp read a text in place: a piece of a file is not copied.
class view_buffer final : public std::streambuf {
 public:
  explicit view_buffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read only: nothing is ever put back
    setg(begin, begin, begin + text.size());
  }
};

// Thrown out of the event handler to stop yaml-cpp's recursive descent.
struct stop_reading {
  yaml_error error;
};

class tree_builder final : public YAML::EventHandler {
 public:
  tree_builder(std::string_view text, const yaml_limits& limits, const yaml_sink& sink, const yaml_piece& piece)
      : text_(text), limits_(limits), sink_(sink), piece_(piece) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    record n;
    place(mark, n);
    finish(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      fail("yaml-syntax", "alias '*" + anchor_name(anchor) + "' refers to a node that contains it", mark);
    }
    // Aliases are expanded as copies; bound the copying so that nested aliases
    // ("billion laughs") cannot exhaust memory or time.
    const anchored& a = it->second;
    alias_nodes_ += a.nodes;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      fail("too-large",
           "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) + " nodes", mark);
    }
    copy_for_alias(a.bytes, to_line(mark), to_column(mark));
    record n = a.node;
    n.line = to_line(mark);
    n.column = to_column(mark);
    check_root(n.kind, mark);
    charge(a.bytes, mark);
    finish(std::move(n), 0);
  }

  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_anchor_name_ = name; }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(tag, mark);
    check_closed(mark);
    if (value.size() > limits_.max_scalar_bytes) {
      fail("too-large",
           "scalar of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
               std::to_string(limits_.max_scalar_bytes),
           mark);
    }
    record n;
    n.kind = record::type::scalar;
    n.plain = tag == "?";
    n.text = value;
    place(mark, n);
    finish(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(record::type::sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(record::type::mapping, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct frame {
    record node;
    YAML::anchor_t anchor = 0;
    bool streams_events = false;  // the top-level `events:` sequence: items go to the sink
    // A big mapping's keys and their lines, made past `scanned_keys` keys; a small
    // one's keys are scanned in `node.children`.
    std::unique_ptr<std::unordered_map<std::string, std::uint32_t>> key_lines;
  };

  // An anchored node's copy, which its aliases copy again.
  struct anchored {
    record node;
    std::size_t nodes = 0;
    std::size_t bytes = 0;
  };

  // An event has about eight keys: scanning them beats hashing them (a heap table
  // per mapping); `actors:` may hold 100,000 entries, which a scan would make quadratic.
  static constexpr std::size_t scanned_keys = 16;
  // A big mapping (`actors:`) is no hint for its small siblings.
  static constexpr std::size_t max_reserved_children = 64;

  [[noreturn]] void fail(std::string code, std::string message, const YAML::Mark& mark) {
    throw stop_reading{{std::move(code), std::move(message), to_line(mark), to_column(mark)}};
  }

  std::string anchor_name(YAML::anchor_t anchor) const {
    auto it = anchor_names_.find(anchor);
    return it == anchor_names_.end() ? std::to_string(anchor) : it->second;
  }

  void check_tag(const std::string& tag, const YAML::Mark& mark) {
    // "?" plain, "!" quoted or non-specific; only !!str is understood beyond them.
    if (tag.empty() || tag == "?" || tag == "!" || tag == str_tag) return;
    std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
    fail("schema", "unsupported tag '" + shown + "'", mark);
  }

  // yaml-cpp accepts a quoted scalar left open at the end of a file that ends
  // with a newline; find its closing quote.
  void check_closed(const YAML::Mark& mark) {
    const auto start = static_cast<std::size_t>(mark.pos);
    if (start >= text_.size() || (text_[start] != '"' && text_[start] != '\'')) return;
    const char quote = text_[start];
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted scalar
        } else {
          return;
        }
      }
    }
    fail("yaml-syntax", std::string("unclosed quote: the scalar starting here has no closing ") + quote, mark);
  }

  std::uint32_t to_line(const YAML::Mark& m) const {
    return static_cast<std::uint32_t>(m.line + 1) + piece_.line_offset;
  }

  void check_root(record::type kind, const YAML::Mark& mark) {
    const auto root = piece_.events_root ? record::type::sequence : record::type::mapping;
    if (stack_.empty() && kind != root) {
      fail("schema", "expected a mapping of timeline fields at the top level", mark);
    }
  }

  void place(const YAML::Mark& mark, record& n) {
    n.line = to_line(mark);
    n.column = to_column(mark);
    check_root(n.kind, mark);
    charge(sizeof(record) + n.text.size(), mark);
  }

  // The memory budget: the nodes of the entry or event being built may take at most
  // max_tree_bytes (a multiple of the file's size), checked where each node is made,
  // so that no input can run the process out of memory.
  void charge(std::size_t bytes, const YAML::Mark& mark) {
    tree_bytes_ += bytes;
    if (tree_bytes_ > limits_.max_tree_bytes) {
      fail("too-large", "the YAML here needs more than " + std::to_string(limits_.max_tree_bytes >> 20) +
                            " MiB of memory (the limit for a file of this size)", mark);
    }
  }

  void open(record::type kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    check_tag(tag, mark);
    if (tag == str_tag) {  // the core schema's str is a scalar
      fail("schema", std::string("'!!str' tags a text, not a ") + (kind == record::type::sequence ? "list" : "mapping"),
           mark);
    }
    if (stack_.size() >= limits_.max_depth) {
      fail("too-deep", "nesting deeper than " + std::to_string(limits_.max_depth) + " levels", mark);
    }
    // The value of the root's `events` key, when it is a sequence, streams its items.
    const bool streams_events =
        kind == record::type::sequence &&
        (piece_.events_root ? stack_.empty()
                            : stack_.size() == 1 && expecting_value() && stack_[0].node.children.back().text == "events");
    check_root(kind, mark);
    if (anchor != 0) anchor_names_[anchor] = pending_anchor_name_;
    charge(sizeof(frame), mark);
    frame& f = stack_.emplace_back();
    f.node.kind = kind;
    f.node.line = to_line(mark);
    f.node.column = to_column(mark);
    f.anchor = anchor;
    f.streams_events = streams_events;
    // Siblings look alike (every event has about the same keys): room for as many
    // children as the last node closed at this depth had, and half as many again
    // for a sibling with a few more (a description, links).
    const std::size_t depth = stack_.size() - 1;
    if (!streams_events && depth < last_children_.size()) {
      const std::size_t last = last_children_[depth];
      f.node.children.reserve(std::min(last + last / 2, max_reserved_children));
    }
  }

  void close() {
    const std::size_t depth = stack_.size() - 1;
    if (depth >= last_children_.size()) last_children_.resize(depth + 1);
    last_children_[depth] = stack_.back().node.children.size();
    record n = std::move(stack_.back().node);
    const YAML::anchor_t anchor = stack_.back().anchor;
    stack_.pop_back();
    finish(std::move(n), anchor);
  }

  // The mapping at the top of the stack has a key without its value.
  bool expecting_value() const { return stack_.back().node.children.size() % 2 == 1; }

  // The run's budget for the bytes that anchors and aliases copy.
  void copy_for_alias(std::size_t bytes, std::uint32_t line, std::uint32_t column) {
    alias_bytes_ += bytes;
    if (alias_bytes_ > limits_.max_alias_bytes) {
      const std::size_t max = limits_.max_alias_bytes;
      throw stop_reading{{"too-large",
                          "aliases copy more than " +
                              (max < (1 << 20) ? std::to_string(max) + " bytes" : std::to_string(max >> 20) + " MiB") +
                              " (the limit for files of this size, all files together)",
                          line, column}};
    }
  }

  void finish(record&& n, YAML::anchor_t anchor) {
    if (anchor != 0) {
      anchor_names_.try_emplace(anchor, pending_anchor_name_);
      const std::size_t bytes = n.bytes();
      copy_for_alias(bytes, n.line, n.column);
      anchors_[anchor] = {n, n.size(), bytes};
    }
    if (stack_.empty()) return;  // the root mapping: its entries were handed over already
    frame& parent = stack_.back();
    if (parent.streams_events) {
      if (++events_ > limits_.max_events - std::min(limits_.events_before, limits_.max_events)) {
        throw stop_reading{{"too-large",
                            "more events than the limit of " + std::to_string(limits_.max_events) +
                                (limits_.events_before ? " (all files together)" : ""),
                            n.line, n.column}};
      }
      sink_.event(std::move(n));
      tree_bytes_ = 0;  // handed over: its nodes are the builder's now
      return;
    }
    record& p = parent.node;
    if (p.kind == record::type::mapping && !expecting_value()) {
      add_key(parent, n);
      p.children.push_back(std::move(n));
      return;
    }
    if (stack_.size() == 1) {  // a complete top-level entry
      record key = std::move(p.children.back());
      record& kept = p.children.back();  // the key's text and line, for duplicate checks
      kept.kind = record::type::null;
      kept.text = key.text;
      kept.line = key.line;
      p.children.push_back(record{});  // a placeholder value
      // A streamed `events:` arrives as an empty list: its items went to the sink.
      sink_.header(std::move(key), std::move(n));
      tree_bytes_ = 0;
      return;
    }
    p.children.push_back(std::move(n));
  }

  void add_key(frame& map, const record& key) {
    if (key.kind != record::type::scalar && key.kind != record::type::null) {
      throw stop_reading{{"schema", "a mapping key must be a plain value", key.line, key.column}};
    }
    // yaml-cpp accepts duplicate keys silently; a timeline must not.
    const std::vector<record>& children = map.node.children;  // keys at even indices
    if (!map.key_lines && children.size() / 2 < scanned_keys) {
      for (std::size_t i = 0; i < children.size(); i += 2) {
        if (children[i].text == key.text) duplicate_key(map, key, children[i].line);
      }
      return;
    }
    if (!map.key_lines) {
      map.key_lines = std::make_unique<std::unordered_map<std::string, std::uint32_t>>();
      for (std::size_t i = 0; i < children.size(); i += 2) map.key_lines->emplace(children[i].text, children[i].line);
    }
    if (auto [it, added] = map.key_lines->try_emplace(key.text, key.line); !added) duplicate_key(map, key, it->second);
  }

  [[noreturn]] static void duplicate_key(const frame& map, const record& key, std::uint32_t first_line) {
    // `{shd: 11:35 AM on February 28, 2017, cnn: 11:37 AM on February 28, 2017}`: each
    // plain value ends at ', ', so `2017` is a key twice. The key on the line of the
    // plain value before it is the rest of that value.
    const std::vector<record>& children = map.node.children;
    std::string hint;
    if (children.size() >= 2 && key.kind == record::type::scalar && key.plain) {
      const record& before_key = children[children.size() - 2];
      const record& before = children.back();
      if (before.kind == record::type::scalar && before.plain && before.line == key.line && before_key.line == key.line) {
        hint = "a value holding ', ' inside { } must be quoted: " + before_key.text + ": \"" + before.text + ", " +
               key.text + "\"";
      }
    }
    throw stop_reading{{"duplicate-key",
                        "duplicate key '" + key.text + "' (first at line " + std::to_string(first_line) + ")",
                        key.line, key.column, std::move(hint)}};
  }

  std::string_view text_;
  const yaml_limits& limits_;
  const yaml_sink& sink_;
  const yaml_piece& piece_;
  std::vector<frame> stack_;
  std::vector<std::size_t> last_children_;  // by depth: the children of the node last closed there
  std::unordered_map<YAML::anchor_t, anchored> anchors_;
  std::unordered_map<YAML::anchor_t, std::string> anchor_names_;
  std::string pending_anchor_name_;
  std::size_t alias_nodes_ = 0;
  std::size_t own_alias_bytes_ = 0;  // when the limits share no count
  std::size_t& alias_bytes_ = limits_.alias_bytes ? *limits_.alias_bytes : own_alias_bytes_;
  std::size_t events_ = 0;      // items of `events:` handed over
  std::size_t tree_bytes_ = 0;  // the nodes of the entry or event being built
};

// Reports a second document; its content is not read.
class second_document final : public YAML::EventHandler {
 public:
  explicit second_document(std::uint32_t line_offset) : line_offset_(line_offset) {}
  void OnDocumentStart(const YAML::Mark& mark) override {
    throw stop_reading{{"yaml-syntax", "a timeline file holds one YAML document; a second one starts here",
                        static_cast<std::uint32_t>(mark.line + 1) + line_offset_, to_column(mark)}};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  std::uint32_t line_offset_;
};

// Valid YAML that yaml-cpp 0.7 refuses (its parser's bugs, from the YAML test suite):
// what to write instead, so that its author is not left with a wrong "error".
std::string workaround(std::string_view text, const std::string& message) {
  const auto has = [&](std::string_view s) { return text.find(s) != std::string_view::npos; };
  if (message == YAML::ErrorMsg::END_OF_MAP_FLOW && (has("\n:") || has("\n :") || has("\n  :"))) {
    return "yaml-cpp cannot read a flow mapping key whose ':' is on the next line: put the ':' right after the key";
  }
  if (message == YAML::ErrorMsg::UNKNOWN_TOKEN && has("?") && (has("[") || has("{"))) {
    return "yaml-cpp cannot read '?' in a flow collection: write the key without it";
  }
  if (message == YAML::ErrorMsg::TAB_IN_INDENTATION) {
    return "yaml-cpp cannot read a tab on a line of only whitespace here: remove the tab";
  }
  if (message == YAML::ErrorMsg::YAML_DIRECTIVE_ARGS) return "write one version: %YAML 1.2";
  return {};
}

}  // namespace

std::optional<yaml_error> check_documents(std::string_view text) {
  const auto marker = [](std::string_view line, std::string_view m) {
    return line.starts_with(m) && (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
  };
  // What follows a marker on its line: nothing but a comment, or content.
  const auto has_content = [](std::string_view rest) {
    const std::size_t at = rest.find_first_not_of(" \t");
    return at != std::string_view::npos && rest[at] != '#';
  };
  bool content = false, ended = false, directive = false, started = false;
  std::uint32_t line_no = 0, directive_line = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    ++line_no;
    const auto second = [&] {
      return yaml_error{"yaml-syntax", "a timeline file holds one YAML document; a second one starts here", line_no, 1};
    };
    if (marker(line, "---")) {
      if (content || ended || started) return second();
      started = true;
      content = has_content(line.substr(3));
      continue;
    }
    if (marker(line, "...")) {
      if (has_content(line.substr(3))) return second();
      ended = true;
      continue;
    }
    if (!has_content(line)) continue;  // blank or a comment
    if (line[0] == '%' && !content && !ended) {
      directive = true;  // allowed before the document, which `---` must then open
      if (!directive_line) directive_line = line_no;
      continue;
    }
    if (ended) return second();
    if (directive && !started) {
      return yaml_error{"yaml-syntax", "a directive must be followed by '---' before the document", directive_line, 1};
    }
    content = true;
  }
  if (directive && !started) {
    return yaml_error{"yaml-syntax", "a directive must be followed by '---' before the document", directive_line, 1};
  }
  return std::nullopt;
}

std::vector<yaml_error> read_yaml(std::string_view text, const yaml_limits& limits, const yaml_sink& sink,
                                  const yaml_piece& piece) {
  view_buffer buffer(text);
  std::istream in(&buffer);
  try {
    YAML::Parser parser(in);
    tree_builder builder(text, limits, sink, piece);
    if (!parser.HandleNextDocument(builder)) {
      return {{"schema", "empty file: expected a mapping of timeline fields", 1, 1}};
    }
    second_document next(piece.line_offset);
    parser.HandleNextDocument(next);
  } catch (const stop_reading& stop) {
    return {stop.error};
  } catch (const std::bad_alloc&) {
    // The budget keeps the nodes in bounds; this is yaml-cpp's own memory running out
    // (under `ulimit -v`): an input too large for this machine, never a crash.
    return {{"too-large", "out of memory while reading the YAML", 1 + piece.line_offset, 1}};
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    return {{"yaml-syntax", msg, static_cast<std::uint32_t>(e.mark.line + 1) + piece.line_offset,
             static_cast<std::uint32_t>(e.mark.column + 1), workaround(text, e.msg)}};
  }
  return {};
}

}  // namespace annals
