#include "time/words.hpp"

#include "time/calendars.hpp"
#include "time/date_words.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace annals::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view units[] = {"zero",    "one",     "two",       "three",    "four",
                                      "five",    "six",     "seven",     "eight",    "nine",
                                      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view unit_ordinals[] = {
    "",            "first",      "second",     "third",      "fourth",    "fifth",    "sixth",
    "seventh",     "eighth",     "ninth",      "tenth",      "eleventh",  "twelfth",  "thirteenth",
    "fourteenth",  "fifteenth",  "sixteenth",  "seventeenth", "eighteenth", "nineteenth"};
constexpr std::string_view tens_ordinals[] = {"",          "",          "twentieth", "thirtieth", "fortieth",
                                              "fiftieth",  "sixtieth",  "seventieth", "eightieth", "ninetieth"};

template <std::size_t N>
int index_of(const std::string_view (&table)[N], std::string_view w) {
  for (std::size_t i = 0; i < N; ++i)
    if (!table[i].empty() && table[i] == w) return static_cast<int>(i);
  return -1;
}

// The length of a hyphen or an en dash (U+2013) at text[i], else 0.
std::size_t dash_at(std::string_view text, std::size_t i) {
  if (text[i] == '-') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x93") return 3;
  return 0;
}

// Latin letters with diacritics, folded to their ASCII base ('_' for none): U+00C0..U+024F
// and U+1E00..U+1EFF (ā ī ū ḥ ḍ ṣ ṭ ẓ ş ğ ı â é ô ü ...), so that "Farvardīn", "Mayıs" and
// "Ḏū al-Ḥijja" read as their ASCII spellings.
constexpr std::string_view latin_folds =
    "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsb_______________________________oo_____________uu____________________________aaiioouuuuuuuuuu_aaaa____ggkkoooo__j___gg__nnaa____aaaaeeeeiiiioooorrrruuuusstt__hh______aaeeooooooooyy____________________________";
constexpr std::string_view latin_additional_folds =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy______aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy______";

// The character at text[i] when it is a non-ASCII letter with an ASCII base or a quote
// mark that separates like an apostrophe (’ ‘ ʿ ʾ ʻ ʼ): the base letter or '\'', with its
// length in bytes; 0 otherwise.
char fold_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  const unsigned b0 = byte(0);
  if (b0 >= 0xC3 && b0 <= 0xC9 && (byte(1) & 0xC0) == 0x80) {
    const unsigned cp = ((b0 & 0x1F) << 6) | (byte(1) & 0x3F);
    length = 2;
    if (cp >= 0xC0 && cp < 0x250 && latin_folds[cp - 0xC0] != '_') return latin_folds[cp - 0xC0];
    return 0;
  }
  if (b0 == 0xCA && (byte(1) == 0xBB || byte(1) == 0xBC || byte(1) == 0xBE || byte(1) == 0xBF)) {
    length = 2;
    return '\'';
  }
  if (b0 == 0xE2 && byte(1) == 0x80 && (byte(2) == 0x98 || byte(2) == 0x99)) {
    length = 3;
    return '\'';
  }
  if (b0 == 0xE1 && (byte(1) == 0xB8 || byte(1) == 0xB9 || byte(1) == 0xBA || byte(1) == 0xBB) &&
      (byte(2) & 0xC0) == 0x80) {
    const unsigned cp = 0x1E00 + ((byte(1) - 0xB8) << 6) + (byte(2) & 0x3F);
    length = 3;
    if (latin_additional_folds[cp - 0x1E00] != '_') return latin_additional_folds[cp - 0x1E00];
  }
  return 0;
}

// A letter at text[i], ASCII or folded: its lower-case ASCII base and length, else 0.
char letter_at(std::string_view text, std::size_t i, std::size_t& length) {
  length = 1;
  if (is_letter(text[i])) return lower(text[i]);
  if (static_cast<unsigned char>(text[i]) < 0x80) return 0;
  const char c = fold_at(text, i, length);
  return c == '\'' ? 0 : c;
}

bool only_spaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool ordinal_suffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

}  // namespace

std::size_t tokenize(std::string_view text, token* out) {
  std::size_t n = 0;
  std::size_t i = 0;
  bool dash = false;  // a dash since the last token
  while (i < text.size()) {
    const char c = text[i];
    if (const std::size_t d = dash_at(text, i)) {
      // A sign, not a separator: first or last in the text, or spaced before and glued
      // to the digits after it.
      const bool first = n == 0, last = i + d >= text.size() || only_spaces(text.substr(i + d));
      const bool glued_sign = i > 0 && text[i - 1] == ' ' && i + d < text.size() && is_digit(text[i + d]);
      if (!(first || last || glued_sign)) {
        dash = true;
        i += d;
        continue;
      }
    } else if (c == ' ' || c == ',' || c == '\t' || c == '\'') {
      ++i;
      continue;
    } else if (std::size_t quote = 0; static_cast<unsigned char>(c) >= 0x80 && fold_at(text, i, quote) == '\'') {
      i += quote;  // ’ ʿ ʾ: apostrophes
      continue;
    }
    if (n == max_tokens) return max_tokens + 1;
    token& t = out[n++];
    t = token{};
    t.pos = static_cast<std::uint32_t>(i);
    t.dash_before = dash;
    dash = false;
    if (const std::size_t d = dash_at(text, i)) {  // a sign: read by nothing
      i += d;
      t.size = static_cast<std::uint32_t>(d);
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c)) {
      t.k = token::kind::number;
      while (i < text.size() && is_digit(text[i])) {
        if (t.digits < 18) t.value = t.value * 10 + (text[i] - '0');
        ++t.digits;
        ++i;
      }
      if (t.digits > 18) t.k = token::kind::other;
      // A suffix glued to the digits: 23rd, 1990s, 1990's.
      if (i < text.size() && text[i] == '\'' && i + 1 < text.size() && lower(text[i + 1]) == 's') ++i;
      while (i < text.size() && is_letter(text[i])) {
        if (t.len < sizeof t.low) t.low[t.len] = lower(text[i]);
        ++t.len;
        ++i;
      }
      if (t.len > sizeof t.low) t.k = token::kind::other;
    } else if (std::size_t length = 0; letter_at(text, i, length)) {
      t.k = token::kind::word;
      while (i < text.size()) {
        if (text[i] == '.') {
          ++i;
          continue;
        }
        const char l = letter_at(text, i, length);
        if (!l) break;
        if (t.len < sizeof t.low) t.low[t.len] = l;
        ++t.len;
        i += length;
      }
      if (t.len > sizeof t.low) t.len = 0;  // too long to be any word we know
    } else {
      t.k = token::kind::other;
      ++i;
      // Keep a run of non-ASCII bytes (one UTF-8 character or more) together.
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
    }
    t.size = static_cast<std::uint32_t>(i - start);
  }
  return n;
}

namespace {

// Month names are compared as keys: the words of a name, lower case, without the
// article between them ("al-", "ul-", "'l-", the izafet "-i"), I/II as 1/2 at the end;
// in calendars other than the Gregorian and Julian, a final h dropped and doubled letters
// single, so that "Dhu'l-Qa'da", "Dhu al-Qadah" and "Dhū al-Qaʿdah" are one key.
constexpr std::size_t max_key = 48;
constexpr std::size_t max_month_words = 5;

bool article(std::string_view w) {
  return w == "al" || w == "el" || w == "ul" || w == "l" || w == "ol" || w == "il" || w == "i" || w == "ash" ||
         w == "ath" || w == "us" || w == "as";
}

// The key of words[0..n) into out; false when it is no key (an article first, too long).
bool month_key(const std::string_view* words, std::size_t n, bool loose, std::string& out) {
  out.clear();
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view w = words[k];
    if (w.empty()) return false;
    const bool last = k + 1 == n;
    if (k > 0 && last && (w == "i" || w == "ii")) {
      out += w == "i" ? '1' : '2';
      continue;
    }
    if (article(w)) {
      if (k == 0 || last) return false;
      continue;
    }
    out += w;
  }
  if (out.empty() || out.size() > max_key) return false;
  if (!loose) return true;
  if (out.size() > 3 && out.back() == 'h') out.pop_back();
  std::string single;
  for (const char c : out)
    if (single.empty() || c != single.back() || (c >= '0' && c <= '9')) single += c;
  out = std::move(single);
  return true;
}

struct month_key_row {
  std::string key;
  unsigned slot;
};

// Splits a spelling as the tokenizer does: spaces, hyphens, apostrophes; letters folded.
std::size_t spelling_words(std::string_view name, std::string* store, std::string_view* words) {
  std::array<token, max_tokens> t;
  const std::size_t n = std::min(tokenize(name, t.data()), max_month_words);
  for (std::size_t k = 0; k < n; ++k) {
    store[k] = t[k].k == token::kind::word ? std::string(t[k].word()) : std::string();
    words[k] = store[k];
  }
  return n;
}

// Every calendar's month keys, built once from the table.
struct month_keys {
  std::vector<month_key_row> rows;
  std::size_t longest = 1;  // words in the longest name
};

const month_keys& keys_of(calendar c) {
  static const auto all = [] {
    std::vector<month_keys> out;
    for (const calendar_row* r : calendar_rows()) {
      month_keys keys;
      const bool loose = !r->english_years;
      for (unsigned m = 1; m <= r->months.size(); ++m) {
        const month_name& name = r->months[m - 1];
        std::vector<std::string_view> forms{name.full, name.abbr, name.leap};
        for (std::size_t at = 0; at < name.spellings.size();) {
          const std::size_t end = std::min(name.spellings.find('|', at), name.spellings.size());
          forms.push_back(name.spellings.substr(at, end - at));
          at = end + 1;
        }
        for (const std::string_view form : forms) {
          if (form.empty()) continue;
          std::string store[max_month_words];
          std::string_view words[max_month_words];
          const std::size_t n = spelling_words(form, store, words);
          std::string key;
          if (n == 0 || !month_key(words, n, loose, key)) continue;
          keys.longest = std::max(keys.longest, n);
          keys.rows.push_back({key, m});
        }
      }
      out.push_back(std::move(keys));
    }
    return out;
  }();
  return all[static_cast<std::size_t>(c)];
}

std::optional<unsigned> find_key(calendar c, const std::string& key) {
  for (const month_key_row& r : keys_of(c).rows)
    if (r.key == key) return r.slot;
  return std::nullopt;
}

}  // namespace

std::optional<unsigned> month_word(std::string_view w, calendar c) {
  std::string key;
  if (!month_key(&w, 1, !row_of(c).english_years, key)) return std::nullopt;
  return find_key(c, key);
}

std::optional<unsigned> month_words(const token* t, std::size_t n, std::size_t& i, calendar c) {
  const month_keys& keys = keys_of(c);
  const bool loose = !row_of(c).english_years;
  std::string_view words[max_month_words];
  std::size_t count = 0;
  while (count < keys.longest && i + count < n && t[i + count].k == token::kind::word) {
    words[count] = t[i + count].word();
    ++count;
  }
  std::string key;
  for (std::size_t k = count; k >= 1; --k) {  // the longest name first: "Jumada II" before "Jumada"
    if (!month_key(words, k, loose, key)) continue;
    if (const auto m = find_key(c, key)) {
      i += k;
      return m;
    }
  }
  return std::nullopt;
}

std::optional<calendar> calendar_of_month(std::string_view w, calendar c) {
  for (const calendar_row* r : calendar_rows()) {
    if (r->cal == c || (row_of(c).english_years && r->english_years)) continue;  // Julian months are English
    std::string key;
    if (!month_key(&w, 1, !r->english_years, key)) continue;
    for (const month_name& m : r->months) {
      for (const std::string_view list : {m.full, m.abbr, m.spellings}) {
        for (std::size_t at = 0; at < list.size();) {
          const std::size_t end = std::min(list.find('|', at), list.size());
          std::string store[max_month_words];
          std::string_view words[max_month_words];
          std::string first;
          if (spelling_words(list.substr(at, end - at), store, words) > 0 &&
              month_key(words, 1, !r->english_years, first) && first == key)
            return r->cal;
          at = end + 1;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> number_words(const token* tokens, std::size_t n, std::size_t& i) {
  if (i >= n || tokens[i].k != token::kind::word) return std::nullopt;
  const std::string_view w = tokens[i].word();
  if (w == "a" || w == "an") {
    ++i;
    return 1;
  }
  if (const int u = index_of(units, w); u >= 0) {
    ++i;
    return u;
  }
  if (const int t = index_of(tens, w); t >= 0) {
    ++i;
    if (i < n && tokens[i].k == token::kind::word) {
      const int u = index_of(units, tokens[i].word());
      if (u >= 1 && u <= 9) {
        ++i;
        return t * 10 + u;
      }
    }
    return t * 10;
  }
  return std::nullopt;
}

std::optional<std::int64_t> ordinal(const token* tokens, std::size_t n, std::size_t& i, bool allow_bare) {
  if (i >= n) return std::nullopt;
  const token& t = tokens[i];
  if (t.k == token::kind::number) {
    if (t.len == 0 ? !allow_bare : !ordinal_suffix(t.suffix())) return std::nullopt;
    ++i;
    return t.value;
  }
  if (t.k != token::kind::word) return std::nullopt;
  if (const int u = index_of(unit_ordinals, t.word()); u >= 0) {
    ++i;
    return u;
  }
  if (const int d = index_of(tens_ordinals, t.word()); d >= 0) {
    ++i;
    return d * 10;
  }
  if (const int d = index_of(tens, t.word()); d >= 0 && i + 1 < n && tokens[i + 1].k == token::kind::word) {
    const int u = index_of(unit_ordinals, tokens[i + 1].word());
    if (u >= 1 && u <= 9) {
      i += 2;
      return d * 10 + u;
    }
  }
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein with adjacent transpositions counted once ("Mya" is one edit from "May").
  std::vector<std::size_t> before(b.size() + 1), row(b.size() + 1), next(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        next[j] = std::min(next[j], before[j - 2] + 1);
    }
    std::swap(before, row);
    std::swap(row, next);
  }
  return row[b.size()];
}

std::optional<std::string> nearest_word(std::string_view w, calendar c) {
  // Beside the date words: "fall" for autumn, and the units only durations read.
  static constexpr std::string_view more[] = {"fall", "hours", "minutes", "seconds", "fortnight"};
  std::optional<std::string> best;
  std::size_t best_distance = w.size() <= 4 ? 1 : 2;  // beyond this a "did you mean" misleads
  bool known = false;  // the word is one annals reads: the mistake is elsewhere, no "did you mean"
  const auto consider = [&](std::string_view v) {
    if (v.empty()) return;
    const std::size_t d = edit_distance(w, v);
    known = known || d == 0;
    if (d != 0 && d <= best_distance && (!best || d < best_distance)) {
      best = std::string(v);
      for (char& c : *best) c = lower(c);
      best_distance = d;
    }
  };
  // The calendar's own month names, each word of each spelling ("jumada", "thani").
  for (const month_name& m : row_of(c).months) {
    for (const std::string_view list : {m.full, m.abbr, m.spellings}) {
      std::string store[max_month_words];
      std::string_view words[max_month_words];
      for (std::size_t at = 0; at < list.size();) {
        const std::size_t end = std::min(list.find('|', at), list.size());
        const std::size_t n = spelling_words(list.substr(at, end - at), store, words);
        for (std::size_t k = 0; k < n; ++k)
          if (words[k].size() > 2 && !article(words[k])) consider(words[k]);
        at = end + 1;
      }
    }
  }
  for (const auto& names : weekday_names) consider(names[0]);
  for (const std::string_view v : season_names) consider(v);
  for (const part_word& v : part_words) consider(v.word);
  for (const std::string_view v : day_parts) consider(v);
  for (const std::string_view v : decade_words) consider(v);
  for (const holiday& h : holidays) {  // each word of a name
    for (std::size_t at = 0; at < h.words.size();) {
      const std::size_t end = std::min(h.words.find(' ', at), h.words.size());
      if (end - at > 2) consider(h.words.substr(at, end - at));
      at = end + 1;
    }
  }
  for (const std::string_view v : keywords) consider(v);
  for (const std::string_view v : more) consider(v);
  if (known) return std::nullopt;
  return best;
}

}  // namespace annals::detail
