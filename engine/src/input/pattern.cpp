#include "input/pattern.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace annals {

namespace {

constexpr std::uint32_t unbounded = std::numeric_limits<std::uint32_t>::max();

void add_range(std::bitset<256>& set, unsigned char from, unsigned char to) {
  for (unsigned c = from; c <= to; ++c) set.set(c);
}

// An escape's class (\d \w \s) or escaped literal; false for escapes outside the subset.
bool escape_set(char c, std::bitset<256>& set) {
  switch (c) {
    case 'd': add_range(set, '0', '9'); return true;
    case 'w': add_range(set, '0', '9'); add_range(set, 'a', 'z'); add_range(set, 'A', 'Z'); set.set('_'); return true;
    case 's': for (char s : {' ', '\t', '\n', '\r', '\f', '\v'}) set.set(static_cast<unsigned char>(s)); return true;
    default:
      if (std::isalnum(static_cast<unsigned char>(c))) return false;  // \b, \n, ...: not in the subset
      set.set(static_cast<unsigned char>(c));
      return true;
  }
}

}  // namespace

schema_pattern::schema_pattern(const std::string& source) : source_(source) {
  simple_ = compile_simple();
  if (!simple_) regex_ = std::make_shared<const std::regex>(source, std::regex::ECMAScript);
  greedy_ = simple_ && anchored_start_ && greedy_is_exact();
}

// Taking as many characters as each atom may, left to right, finds a match when
// there is one, if no atom of variable length could have left a character to what
// follows it: its set shares nothing with the atoms that could come next (up to
// the first that must match something). The schema's ids and dates are such.
bool schema_pattern::greedy_is_exact() const {
  for (std::size_t i = 0; i < atoms_.size(); ++i) {
    if (atoms_[i].min == atoms_[i].max) continue;
    for (std::size_t j = i + 1; j < atoms_.size(); ++j) {
      if ((atoms_[i].set & atoms_[j].set).any()) return false;
      if (atoms_[j].min > 0) break;
    }
  }
  return true;
}

bool schema_pattern::match_greedy(std::string_view text) const {
  std::size_t p = 0;
  for (const atom& a : atoms_) {
    std::uint32_t taken = 0;
    while (taken < a.max && p < text.size() && a.set.test(static_cast<unsigned char>(text[p]))) ++taken, ++p;
    if (taken < a.min) return false;
  }
  return !anchored_end_ || p == text.size();
}

bool schema_pattern::compile_simple() {
  std::string_view p = source_;
  if (p.starts_with('^')) anchored_start_ = true, p.remove_prefix(1);
  if (p.ends_with('$') && !p.ends_with("\\$")) anchored_end_ = true, p.remove_suffix(1);
  std::size_t i = 0;
  while (i < p.size()) {
    atom a;
    const char c = p[i++];
    if (c == '[') {
      bool negate = i < p.size() && p[i] == '^';
      if (negate) ++i;
      bool closed = false;
      while (i < p.size()) {
        char x = p[i++];
        if (x == ']') { closed = true; break; }
        if (x == '\\') {
          if (i >= p.size() || !escape_set(p[i++], a.set)) return false;
          continue;
        }
        if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
          add_range(a.set, static_cast<unsigned char>(x), static_cast<unsigned char>(p[i + 1]));
          i += 2;
        } else {
          a.set.set(static_cast<unsigned char>(x));
        }
      }
      if (!closed) return false;
      if (negate) a.set.flip();
    } else if (c == '\\') {
      if (i >= p.size() || !escape_set(p[i++], a.set)) return false;
    } else if (c == '.') {
      a.set.set();
      a.set.reset('\n');
    } else if (std::string_view("()|^$*+?{}").find(c) != std::string_view::npos) {
      return false;  // groups, alternation, anchors inside: std::regex
    } else {
      a.set.set(static_cast<unsigned char>(c));
    }
    if (i < p.size()) {
      const char q = p[i];
      if (q == '?') a.min = 0, a.max = 1, ++i;
      else if (q == '*') a.min = 0, a.max = unbounded, ++i;
      else if (q == '+') a.min = 1, a.max = unbounded, ++i;
      else if (q == '{') {
        auto close = p.find('}', i);
        if (close == std::string_view::npos) return false;
        std::string_view body = p.substr(i + 1, close - i - 1);
        auto comma = body.find(',');
        auto number = [](std::string_view s, std::uint32_t& out) {
          auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
          return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
        };
        if (comma == std::string_view::npos) {
          if (!number(body, a.min)) return false;
          a.max = a.min;
        } else {
          if (!number(body.substr(0, comma), a.min)) return false;
          a.max = comma + 1 == body.size() ? unbounded : 0;
          if (a.max == 0 && !number(body.substr(comma + 1), a.max)) return false;
        }
        i = close + 1;
      }
      if (i < p.size() && (p[i] == '?' || p[i] == '+')) return false;  // lazy or possessive
    }
    atoms_.push_back(a);
  }
  return true;
}

// Reachable positions after each atom, as intervals marked with a difference
// array: O(atoms × length), no backtracking.
bool schema_pattern::match_simple(std::string_view text) const {
  const std::size_t n = text.size();
  // Ids and dates are short: their scratch lives on the stack, not the heap.
  constexpr std::size_t inline_length = 128;
  if (n <= inline_length) {
    std::array<char, inline_length + 1> reach;
    std::array<std::uint32_t, inline_length + 1> run;
    std::array<int, inline_length + 2> diff;
    return match_simple(text, reach.data(), run.data(), diff.data());
  }
  std::vector<char> reach(n + 1);
  std::vector<std::uint32_t> run(n + 1);
  std::vector<int> diff(n + 2);
  return match_simple(text, reach.data(), run.data(), diff.data());
}

// `reach` and `run` hold text.size() + 1 entries, `diff` one more.
bool schema_pattern::match_simple(std::string_view text, char* reach, std::uint32_t* run, int* diff) const {
  const std::size_t n = text.size();
  std::fill(reach, reach + n + 1, anchored_start_ ? 0 : 1);
  reach[0] = 1;
  for (const atom& a : atoms_) {
    run[n] = 0;
    for (std::size_t p = n; p-- > 0;) {
      run[p] = a.set.test(static_cast<unsigned char>(text[p])) ? run[p + 1] + 1 : 0;
    }
    std::fill(diff, diff + n + 2, 0);
    bool any = false;
    for (std::size_t p = 0; p <= n; ++p) {
      if (!reach[p] || run[p] < a.min) continue;
      const std::size_t lo = p + a.min;
      const std::size_t hi = p + std::min<std::size_t>(a.max, run[p]);
      ++diff[lo];
      --diff[hi + 1];
      any = true;
    }
    if (!any) return false;
    int level = 0;
    for (std::size_t p = 0; p <= n; ++p) {
      level += diff[p];
      reach[p] = level > 0;
    }
  }
  if (anchored_end_) return reach[n];
  return std::find(reach, reach + n + 1, 1) != reach + n + 1;
}

bool schema_pattern::matches(std::string_view text) const {
  if (greedy_) return match_greedy(text);
  if (simple_) return match_simple(text);
  return std::regex_search(text.begin(), text.end(), *regex_);
}

}  // namespace annals
