// The TimelineJS Google Sheets template saved as CSV: each row becomes the slide object
// TimelineJS itself makes of it (TimelineJS3 src/js/core/ConfigFactory.js
// extractEventFromCSVObject, handleRow; times by src/js/date/DateUtil.js parseTime), every
// value at its cell, so that import_timelinejs.cpp reads sheets and JSON alike.

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "import/csv_reader.hpp"
#include "import/import_timelinejs.hpp"
#include "input/encoding.hpp"

namespace annals {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The columns TimelineJS reads, by header name.
enum col : std::uint8_t {
  year, month, day, time, end_year, end_month, end_day, end_time, display_date, headline, text, media,
  media_credit, media_caption, media_thumbnail, alt_text, type, group, background, start_date, end_date, tag, count
};
constexpr std::array<std::string_view, count> header_names = {
    "year", "month", "day", "time", "end year", "end month", "end day", "end time", "display date", "headline",
    "text", "media", "media credit", "media caption", "media thumbnail", "alt text", "type", "group", "background",
    "start date", "end date", "tag"};

// ConfigFactory's clean_integer: spaces and thousands separators go ("1,000" is 1000).
std::string clean_integer(std::string_view s) {
  std::string r;
  for (const char c : s) {
    if (c != ',' && !std::isspace(static_cast<unsigned char>(c))) r += c;
  }
  return r;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// DateUtil.parseTime: "13:45", "1:45 PM", "1345", "13.45", "13:45:30.5"; its hour, minute,
// second and millisecond as numbers, or an error naming what is wrong.
struct time_parts {
  std::string hour, minute, second, millisecond;
  std::string error;
};
time_parts parse_time(std::string t) {
  time_parts p;
  // A trailing AM/PM ("a", "p.m.", any case).
  char period = 0;
  {
    std::string s = blank_trimmed(t);
    std::string tail;
    std::size_t k = s.size();
    std::string letters;
    while (k > 0 && (std::isalpha(static_cast<unsigned char>(s[k - 1])) || s[k - 1] == '.' || s[k - 1] == ' ')) --k;
    for (std::size_t j = k; j < s.size(); ++j) {
      if (s[j] != '.' && s[j] != ' ') letters += static_cast<char>(std::tolower(static_cast<unsigned char>(s[j])));
    }
    if (letters == "am" || letters == "pm") {
      period = letters[0];
      t = blank_trimmed(s.substr(0, k));
    } else {
      t = s;
    }
  }
  std::vector<std::string> parts;
  if (t.size() >= 3 && t.size() <= 4 && all_digits(t)) {
    parts = {t.substr(0, t.size() - 2), t.substr(t.size() - 2)};
  } else {
    const char sep = t.find(':') != std::string::npos ? ':' : '.';
    std::size_t from = 0;
    for (;;) {
      const std::size_t at = t.find(sep, from);
      parts.push_back(blank_trimmed(t.substr(from, at == std::string::npos ? std::string::npos : at - from)));
      if (at == std::string::npos) break;
      from = at + 1;
    }
    if (sep == ':' && parts.size() == 3) {  // fractional seconds: "13:45:30.5"
      if (const std::size_t dot = parts[2].find_first_of(".,"); dot != std::string::npos) {
        parts.push_back(parts[2].substr(dot + 1));
        parts[2].resize(dot);
      }
    }
  }
  if (parts.size() > 4) {
    p.error = "time '" + t + "' has too many parts";
    return p;
  }
  for (const std::string& part : parts) {
    if (!all_digits(part) || part.size() > 3) {
      p.error = "time '" + t + "' is not a time of day (13:45, 1:45 PM)";
      return p;
    }
  }
  int hour = std::stoi(parts[0]);
  if (period == 'p' && hour != 12) hour += 12;
  if (period == 'a' && hour == 12) hour = 0;
  if (hour > 23 || (period && std::stoi(parts[0]) > 12)) {
    p.error = "time '" + t + "' has no hour " + parts[0];
    return p;
  }
  p.hour = std::to_string(hour);
  if (parts.size() > 1) p.minute = std::to_string(std::stoi(parts[1]));
  if (parts.size() > 2) p.second = std::to_string(std::stoi(parts[2]));
  if (parts.size() > 3) p.millisecond = parts[3];
  return p;
}

// TLDate.parseDate, what the older sheets' Start Date and End Date hold: an ISO date
// ("1865", "-44", "1865-04-14", "1865-04-14T22:15"), "4/14/1865 22:15" or "4/1865".
struct date_parts {
  std::string year, month, day, hour, minute, second;
  bool ok = false;
};
date_parts parse_sheet_date(const std::string& text) {
  date_parts p;
  std::string s = blank_trimmed(text);
  std::string time;
  if (const std::size_t t = s.find_first_of("T "); t != std::string::npos && s.find(':') != std::string::npos) {
    time = blank_trimmed(s.substr(t + 1));
    s = blank_trimmed(s.substr(0, t));
  }
  const auto split = [](const std::string& v, char sep) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
      const std::size_t at = v.find(sep, from);
      out.push_back(v.substr(from, at == std::string::npos ? std::string::npos : at - from));
      if (at == std::string::npos) return out;
      from = at + 1;
    }
  };
  if (s.find('/') != std::string::npos) {
    const auto v = split(s, '/');
    if (v.size() == 3) {
      p.year = v[2];
      p.month = v[0];
      p.day = v[1];
    }
    if (v.size() == 2) {
      p.year = v[1];
      p.month = v[0];
    }
  } else {
    std::string body = s;
    std::string sign;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0] == '-' ? "-" : "";
      body.erase(0, 1);
    }
    const auto v = split(body, '-');
    if (v.size() <= 3) {
      p.year = sign + v[0];
      if (v.size() > 1) p.month = v[1];
      if (v.size() > 2) p.day = v[2];
    }
  }
  const auto number = [](const std::string& v) { return v.empty() || all_digits(v[0] == '-' ? v.substr(1) : v); };
  p.ok = !p.year.empty() && number(p.year) && number(p.month) && number(p.day);
  if (p.ok && !time.empty()) {
    const time_parts tp = parse_time(time);
    if (!tp.error.empty()) {
      p.ok = false;
    } else {
      p.hour = tp.hour;
      p.minute = tp.minute;
      p.second = tp.second;
    }
  }
  return p;
}

class sheet_reader {
 public:
  sheet_reader(draft::input& in, draft& d) : in_(in), d_(d) {}

  bool read(std::string_view bytes, timelinejs_config& out) {
    const csv::table t = csv::read(bytes);
    if (t.error) {
      d_.error(in_, t.error->row, t.error->column, "csv-syntax", t.error->message,
               "close the quote, or double each quote inside a quoted cell (\"\")");
      return false;
    }
    // UTF-8 only (a sheet saved as Latin-1 or UTF-16 is refused), at the first cell it fails in.
    if (const auto bad = check_encoding(bytes)) {
      std::uint32_t row = 1, column = 1;
      for (const csv::row& r : t.rows) {
        const auto c = std::find_if(r.begin(), r.end(), [](const csv::cell& x) { return check_encoding(x.text).has_value(); });
        if (c != r.end()) {
          row = c->row;
          column = c->column;
          break;
        }
      }
      d_.error(in_, row, column, "encoding", bad->message, "save the sheet as CSV in UTF-8");
      return false;
    }
    const std::vector<csv::row>& rows = t.rows;
    const auto header = std::find_if(rows.begin(), rows.end(), [](const csv::row& r) { return !csv::blank(r); });
    if (header == rows.end()) {
      d_.error(in_, 1, 1, "timelinejs-sheet", "the sheet is empty: it needs a header row (Year, Month, Day, Headline, ...)");
      return false;
    }
    where_.fill(0);
    for (const csv::cell& c : *header) {
      const std::string name = lower(blank_trimmed(c.text));
      const auto it = std::find(header_names.begin(), header_names.end(), name);
      if (it != header_names.end() && where_[it - header_names.begin()] == 0) where_[it - header_names.begin()] = c.column;
    }
    v1_ = where_[start_date] || where_[end_date];
    if (!v1_ && !where_[year]) {
      d_.error(in_, header->front().row, 1, "timelinejs-sheet", "no 'Year' column: not a TimelineJS sheet",
               "TimelineJS's template names its columns Year, Month, Day, Time, End Year, ..., Headline, Text");
      return false;
    }
    for (auto r = header + 1; r != rows.end(); ++r) row(*r, r->front().row, out);
    return true;  // a bad row is reported and left out; the others are still read, for their problems too
  }

 private:
  draft::input& in_;
  draft& d_;
  std::array<std::uint32_t, count> where_{};  // each column's 1-based index; 0 absent
  bool v1_ = false;

  // The trimmed cell of a column in this row, or "" (a short row leaves cells out).
  const csv::cell* at(const csv::row& r, col c) const {
    const std::uint32_t k = where_[c];
    return k && k <= r.size() ? &r[k - 1] : nullptr;
  }
  std::string cell_text(const csv::row& r, col c) const {
    const csv::cell* x = at(r, c);
    return x ? blank_trimmed(x->text) : std::string();
  }
  std::uint32_t column_of(col c) const { return where_[c] ? where_[c] : 1; }
  record value(const csv::row& r, col c, std::uint32_t row) const {
    const csv::cell* x = at(r, c);
    return record::string(x ? blank_trimmed(x->text) : std::string(), row, x ? x->column : column_of(c));
  }

  void put(record& m, std::string_view key, const csv::row& r, col c, std::uint32_t row) const {
    if (!cell_text(r, c).empty()) m.set(key, value(r, c, row));
  }

  // Year/Month/Day (+ Time) of a v3 row as a TimelineJS date object; null when Year is empty.
  record v3_date(const csv::row& r, std::uint32_t row, col y, col m, col dd, col t) {
    const std::string year_text = cell_text(r, y);
    if (year_text.empty()) {
      if (!cell_text(r, t).empty()) {
        d_.error(in_, row, column_of(t), "timelinejs-sheet", "a time without a year: '" + cell_text(r, t) + "'",
                 "fill in the row's " + std::string(y == year ? "Year" : "End Year"));
      }
      return {};
    }
    record date = record::mapping(row, column_of(y));
    for (const auto& [key, c] : {std::pair{"year", y}, std::pair{"month", m}, std::pair{"day", dd}}) {
      const std::string v = clean_integer(cell_text(r, c));
      if (!v.empty()) date.set(key, record::string(v, row, at(r, c)->column));
    }
    if (const std::string time_text = cell_text(r, t); !time_text.empty()) {
      const time_parts p = parse_time(time_text);
      if (!p.error.empty()) {
        d_.error(in_, row, at(r, t)->column, "timelinejs-sheet", p.error, "write it as 13:45 or 1:45 PM");
        return date;
      }
      const std::uint32_t column = at(r, t)->column;
      for (const auto& [key, v] : {std::pair{"hour", p.hour}, std::pair{"minute", p.minute},
                                   std::pair{"second", p.second}, std::pair{"millisecond", p.millisecond}}) {
        if (!v.empty()) date.set(key, record::string(v, row, column));
      }
    }
    return date;
  }

  // Start Date / End Date of an older sheet as a TimelineJS date object; null when empty.
  record v1_date(const csv::row& r, std::uint32_t row, col c) {
    const std::string t = cell_text(r, c);
    if (t.empty()) return {};
    const std::uint32_t column = at(r, c)->column;
    const date_parts p = parse_sheet_date(t);
    if (!p.ok) {
      d_.error(in_, row, column, "timelinejs-sheet", "cannot read the date '" + t + "'",
               "TimelineJS reads 1865, 1865-04-14, 4/14/1865 or 4/14/1865 22:15");
      return {};
    }
    record date = record::mapping(row, column);
    for (const auto& [key, v] : {std::pair{"year", p.year}, std::pair{"month", p.month}, std::pair{"day", p.day},
                                 std::pair{"hour", p.hour}, std::pair{"minute", p.minute}, std::pair{"second", p.second}}) {
      if (!v.empty()) date.set(key, record::string(v, row, column));
    }
    return date;
  }

  void row(const csv::row& r, std::uint32_t n, timelinejs_config& out) {
    if (csv::blank(r)) return;
    record slide = record::mapping(n, 1);
    record start = v1_ ? v1_date(r, n, start_date) : v3_date(r, n, year, month, day, time);
    record end = v1_ ? v1_date(r, n, end_date) : v3_date(r, n, end_year, end_month, end_day, end_time);
    const std::string kind = lower(cell_text(r, type));
    if (start.kind == record::type::mapping) {
      slide.set("start_date", std::move(start));
    } else if (kind != "title") {
      // ConfigFactory: "every date must have at least a year to be valid".
      const col c = v1_ ? start_date : year;
      if (cell_text(r, c).empty()) {
        d_.error(in_, n, column_of(c), "timelinejs-sheet",
                 std::string("the row has no ") + (v1_ ? "Start Date" : "Year") +
                     (cell_text(r, headline).empty() ? std::string() : " ('" + cell_text(r, headline) + "')"),
                 "every row but the title needs a year");
      }
      return;
    }
    if (end.kind == record::type::mapping) slide.set("end_date", std::move(end));
    record words = record::mapping(n, column_of(headline));
    put(words, "headline", r, headline, n);
    put(words, "text", r, text, n);
    if (!words.children.empty()) slide.set("text", std::move(words));
    record m = record::mapping(n, column_of(media));
    put(m, "url", r, media, n);
    put(m, "caption", r, media_caption, n);
    put(m, "credit", r, media_credit, n);
    put(m, "thumbnail", r, media_thumbnail, n);
    put(m, "alt", r, alt_text, n);
    if (!m.children.empty()) slide.set("media", std::move(m));
    put(slide, "display_date", r, display_date, n);
    put(slide, "group", r, cell_text(r, group).empty() ? tag : group, n);
    put(slide, "background", r, background, n);
    if (kind == "title") {
      if (out.title.kind == record::type::null) {
        out.title = std::move(slide);
        return;
      }
      d_.warning(in_, n, column_of(type), "timelinejs-sheet", "a second title row: imported as an event, as TimelineJS shows it");
      if (!slide.get("start_date")) return;
    }
    (kind == "era" ? out.eras : out.events).push(std::move(slide));
  }
};

}  // namespace

bool read_timelinejs_sheet(std::string_view bytes, draft::input& in, draft& d, timelinejs_config& out) {
  return sheet_reader(in, d).read(bytes, out);
}

}  // namespace annals
