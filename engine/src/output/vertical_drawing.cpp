#include "output/vertical_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <tuple>

#include "output/bidi.hpp"
#include "output/escape.hpp"
#include "output/render_common.hpp"

namespace annals::vertical {

namespace {

constexpr double margin = 48;
constexpr double date_column = 150;  // from the margin to the spine
constexpr std::string_view ink = "#1f4e79";
constexpr std::string_view font_family = "'Noto Sans','DejaVu Sans',sans-serif";

// Each kind of line: its font size, its advance from the line before, and the width of one
// column of display width (an average advance; wide characters take two columns).
struct line_style {
  double size, advance;
  std::string_view css;  // its class
  double column() const { return size * 0.6; }
};
constexpr line_style date_style{12, 16, "date"};
constexpr line_style title_style{14, 19, "title"};
constexpr line_style who_style{12, 16, "who"};
constexpr line_style note_style{11.5, 15, "note"};
constexpr line_style heading_style{22, 28, "doc-title"};

constexpr double event_pad_top = 8, event_pad_bottom = 10;
constexpr double year_h = 46, gap_h = 30, era_h = 32, legend_h = 22;

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// User text, its right-to-left runs isolated (bidi.hpp). Each line is a <text> of its own:
// a direction override in a title ends with its line.
std::string text(std::string_view s) { return escape_xml(isolate(s)); }

// `s` in lines of at most `width` px of `style`; a word longer than a line is broken.
std::vector<std::string> lines(std::string_view s, const line_style& style, double width) {
  const auto columns = static_cast<std::size_t>(std::max(4.0, std::floor(width / style.column())));
  std::vector<std::string> out;
  for (std::string& line : wrap(s, columns)) {
    while (display_width(line) > columns) {
      std::string head = clip(line, columns - 1);
      head.resize(head.size() - std::string_view("…").size());  // clip's ellipsis: the line goes on below
      out.push_back(head + "-");
      line.erase(0, head.size());
    }
    out.push_back(std::move(line));
  }
  return out;
}

bool is_heading(row::kind k) { return k != row::kind::event; }

// The mark of a date, in the horizontal drawing's vocabulary.
struct mark {
  bool narrowed = false;  // its links narrowed it: a dash
  bool range = false;     // it says where the event can lie, not when it was: a whisker
  bool widened = false;   // what "c.", "about" or "?" adds around the stated dates: the whisker faded
  bool vague = false;     // approximate or uncertain: hollow
  bool span = false;      // it lasts: a bar
  bool open_lo = false, open_hi = false;
};

mark mark_of(const event_view& v) {
  const temporal_value& d = v.date;
  mark m;
  m.narrowed = !v.inferred.empty();
  m.open_lo = !d.bounded_start();
  m.open_hi = !d.bounded_end();
  m.widened = d.earliest < d.stated_earliest || d.latest > d.stated_latest;
  m.range = m.open_lo || m.open_hi || m.widened || d.form == date_form::between || d.form == date_form::before ||
            d.form == date_form::after || d.form == date_form::either;
  m.vague = d.approximate || d.uncertain;
  m.span = d.interval && !m.range && !m.narrowed;
  return m;
}

// An event's lines, wrapped to its columns: the one rule that both lays out and writes.
struct event_lines {
  std::vector<std::string> date, title, who, notes;
  double height() const {
    const double right = title_style.advance * static_cast<double>(title.size()) +
                         who_style.advance * static_cast<double>(who.size()) +
                         note_style.advance * static_cast<double>(notes.size());
    const double left = date_style.advance * static_cast<double>(date.size());
    return std::ceil(event_pad_top + std::max(left, right) + event_pad_bottom);
  }
};

event_lines lines_of(const presentation& p, const event_view& v, double width) {
  const columns c = columns_of(width);
  const double right = width - margin - c.text, left = c.spine - 16 - c.margin;
  event_lines out;
  out.date = lines(presentation::with_offset(v), date_style, left);
  out.title = lines(v.e->title, title_style, right);
  std::string who = isolate(p.who(v.index));
  if (v.e->place != no_symbol) who += (who.empty() ? "" : " · ") + isolate(p.place_name(v.e->place, v.index));
  std::string native;  // the actors' names in their own script
  for (symbol a : v.e->actors) {
    if (const actor* ac = p.find_actor(a); ac && !ac->native.empty()) {
      native += (native.empty() ? "" : " · ") + isolate(ac->native);
    }
  }
  for (const std::string* s : {&who, &native}) {
    if (s->empty()) continue;
    for (std::string& l : lines(*s, who_style, right)) out.who.push_back(std::move(l));
  }
  std::vector<std::string> notes;
  if (!v.marks.empty()) notes.push_back(v.marks);
  if (!v.relation.empty()) notes.push_back("as written: " + v.relation);
  if (!v.inferred.empty()) notes.push_back("inferred from links: " + v.inferred);
  if (v.order_uncertain) notes.push_back("order uncertain");
  for (const shown_source& s : v.sources) notes.push_back("source: " + (s.cited.empty() ? std::string(s.title) : s.cited));
  for (const std::string& n : notes) {
    for (std::string& l : lines(n, note_style, right)) out.notes.push_back(std::move(l));
  }
  return out;
}

// The legend's items: what each mark says.
constexpr std::string_view legend_items[] = {"date as stated", "approximate or uncertain", "possible range",
                                             "widened by c., about or ?", "narrowed by links (inferred)",
                                             "a span of time"};
constexpr double legend_gap = 22, legend_glyph = 26, legend_char = 11 * 0.6;

// The rows the legend takes at `width`, and where each item goes.
struct legend_place {
  double x;
  std::size_t row;
};
std::vector<legend_place> legend_places(double width) {
  std::vector<legend_place> out;
  double x = margin;
  std::size_t r = 0;
  for (std::string_view item : legend_items) {
    const double w = legend_glyph + static_cast<double>(item.size()) * legend_char;
    if (x > margin && x + w > width - margin) x = margin, ++r;
    out.push_back({x, r});
    x += w + legend_gap;
  }
  return out;
}

struct header_lines {
  std::vector<std::string> title;
  std::string span;
  std::size_t legend_rows;
  double height() const {
    return std::ceil(24 + heading_style.advance * static_cast<double>(title.size()) + 22 +
                     legend_h * static_cast<double>(legend_rows) + 14);
  }
};

header_lines header_of(const presentation& p, double width) {
  header_lines h;
  h.title = lines(p.title(" · ", "Timeline"), heading_style, width - 2 * margin);
  h.span = p.span();
  const std::size_t n = p.size();
  h.span += (h.span.empty() ? "" : " · ") + std::to_string(n) + (n == 1 ? " event" : " events");
  h.legend_rows = legend_places(width).back().row + 1;
  return h;
}

// The marks, drawn at (x, y).
void draw_mark(const mark& m, double x, double y, std::ostream& out) {
  const std::string c(ink);
  if (m.range || m.narrowed) {
    const double y0 = y - 11, y1 = y + 11;
    out << "<line x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(y0) << "\" y2=\"" << num(y1)
        << "\" stroke=\"" << c << "\" stroke-width=\"" << (m.narrowed ? "3.5\" stroke-dasharray=\"4 3" : "1.6")
        << (m.widened && !m.narrowed ? "\" stroke-opacity=\"0.45" : "") << "\"/>";
    if (m.range) {  // a cap at a known end, an arrowhead at an open one (earlier is up)
      for (const auto& [end_y, open, dir] : {std::tuple{y0, m.open_lo, -1.0}, std::tuple{y1, m.open_hi, 1.0}}) {
        if (open) {
          out << "<path d=\"M" << num(x - 4.5) << ',' << num(end_y - 5 * dir) << " L" << num(x) << ',' << num(end_y) << " L"
              << num(x + 4.5) << ',' << num(end_y - 5 * dir) << "\" fill=\"none\" stroke=\"" << c << "\" stroke-width=\"1.6\"/>";
        } else {
          out << "<line x1=\"" << num(x - 5) << "\" x2=\"" << num(x + 5) << "\" y1=\"" << num(end_y) << "\" y2=\""
              << num(end_y) << "\" stroke=\"" << c << "\" stroke-width=\"1.6\"/>";
        }
      }
    }
  }
  if (m.span) {
    out << "<rect class=\"mark span\" x=\"" << num(x - 4.5) << "\" y=\"" << num(y - 10) << "\" width=\"9\" height=\"20\" rx=\"3\" fill=\""
        << c << "\" fill-opacity=\"0.85\"/>";
    return;
  }
  const bool hollow = m.vague || m.narrowed;
  out << "<circle class=\"mark\" cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"5.5\" fill=\""
      << (hollow ? std::string("#ffffff") : c) << "\" stroke=\"" << c << "\" stroke-width=\"" << (hollow ? "2" : "1")
      << "\"/>";
}

void write_lines(const std::vector<std::string>& ls, const line_style& style, double x, double& baseline, bool end,
                 std::ostream& out) {
  for (const std::string& l : ls) {
    out << "<text class=\"" << style.css << "\" x=\"" << num(x) << "\" y=\"" << num(baseline) << '"'
        << (end ? " text-anchor=\"end\"" : "") << '>' << text(l) << "</text>\n";
    baseline += style.advance;
  }
}

void write_spine(double x, double y0, double y1, bool dashed, std::ostream& out) {
  out << "<line class=\"spine\" x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(y0) << "\" y2=\""
      << num(y1) << '"' << (dashed ? " stroke-dasharray=\"2 5\"" : "") << "/>\n";
}

}  // namespace

columns columns_of(double width) {
  (void)width;
  return {margin, margin + date_column, margin + date_column + 20};
}

double layout::height_of(std::size_t first, std::size_t last) const {
  if (first >= last) return 0;
  return rows[last - 1].y + rows[last - 1].height - rows[first].y;
}

layout lay_out(const presentation& p, double width) {
  layout l;
  l.width = width;
  double y = 0;
  const auto add = [&](row::kind k, std::size_t position, double h) {
    l.rows.push_back({k, position, y, h});
    y += h;
  };
  add(row::kind::header, 0, header_of(p, width).height());
  const auto& sections = p.sections();
  std::size_t s = 0;
  const auto eras_before = [&](std::size_t k) {  // the era headings of the sections that start here
    for (; s < sections.size() && sections[s].first <= k; ++s) {
      if (!sections[s].eras.empty()) add(row::kind::era, s, era_h);
    }
  };
  std::string heading;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    if (v.gap_before) add(row::kind::gap, k, gap_h);
    eras_before(k);
    if (k == 0 || v.heading != heading) add(row::kind::year, k, year_h);
    heading = v.heading;
    add(row::kind::event, k, lines_of(p, v, width).height());
  }
  eras_before(p.size());
  l.height = y;
  return l;
}

void write(const presentation& p, const layout& l, std::size_t first, std::size_t last, std::ostream& out) {
  last = std::min(last, l.rows.size());
  const double top = first < last ? l.rows[first].y : 0, height = l.height_of(first, last);
  const double w = l.width;
  const columns c = columns_of(w);
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"annals-vertical\" viewBox=\"0 0 " << num(w) << ' '
      << num(height) << "\" width=\"" << num(w) << "\" height=\"" << num(height) << "\" font-family=\"" << font_family
      << "\">\n"
      << "<title>" << escape_xml(p.title(" · ", "Timeline")) << "</title>\n"
      << "<style>\n"
         "text{fill:#1a1a1a}\n"
         ".doc-title{font-family:'Noto Serif','DejaVu Serif',serif;font-size:22px;font-weight:700}\n"
         ".span{font-size:12px;fill:#555}\n"
         ".legend{font-size:11px;fill:#555}\n"
         ".year{font-size:18px;font-weight:700}\n"
         ".era{font-size:12.5px;font-style:italic;fill:#6e5d2f}\n"
         ".gap{font-size:12px;font-style:italic;fill:#666}\n"
         ".date{font-size:12px;fill:#444}\n"
         ".title{font-size:14px}\n"
         ".who{font-size:12px;fill:#555}\n"
         ".note{font-size:11.5px;font-style:italic;fill:#666}\n"
         ".spine{stroke:#b9b4a8;stroke-width:2}\n"
         "</style>\n"
      << "<rect width=\"" << num(w) << "\" height=\"" << num(height) << "\" fill=\"#ffffff\"/>\n"
      << "<g transform=\"translate(0," << num(-top) << ")\">\n";
  for (std::size_t r = first; r < last; ++r) {
    const row& rw = l.rows[r];
    const double y = rw.y;
    switch (rw.what) {
      case row::kind::header: {
        const header_lines h = header_of(p, w);
        double base = y + 24 + heading_style.size;
        write_lines(h.title, heading_style, margin, base, false, out);
        out << "<text class=\"span\" x=\"" << num(margin) << "\" y=\"" << num(base) << "\">" << text(h.span) << "</text>\n";
        const double legend_y = base + 24;
        const std::vector<legend_place> places = legend_places(w);
        const mark samples[] = {{},
                                {.vague = true},
                                {.range = true},
                                {.range = true, .widened = true, .vague = true},
                                {.narrowed = true},
                                {.span = true}};
        out << "<g class=\"legend-items\">\n";
        for (std::size_t i = 0; i < places.size(); ++i) {
          const double ly = legend_y + legend_h * static_cast<double>(places[i].row);
          draw_mark(samples[i], places[i].x + 8, ly - 4, out);
          out << "<text class=\"legend\" x=\"" << num(places[i].x + legend_glyph) << "\" y=\"" << num(ly) << "\">"
              << legend_items[i] << "</text>\n";
        }
        out << "</g>\n";
        break;
      }
      case row::kind::era:
        write_spine(c.spine, y, y + rw.height, false, out);
        out << "<rect x=\"" << num(margin) << "\" y=\"" << num(y + 6) << "\" width=\"" << num(w - 2 * margin)
            << "\" height=\"" << num(rw.height - 10) << "\" fill=\"#e8d9b5\" fill-opacity=\"0.45\"/>\n"
            << "<text class=\"era\" x=\"" << num(c.text) << "\" y=\"" << num(y + 24) << "\">"
            << text(clip(p.eras_heading(p.sections()[rw.position].eras), 90)) << "</text>\n";
        break;
      case row::kind::gap:
        write_spine(c.spine, y, y + rw.height, true, out);
        out << "<text class=\"gap\" x=\"" << num(c.text) << "\" y=\"" << num(y + 19) << "\">"
            << escape_xml(*p.view(rw.position).gap_before) << "</text>\n";
        break;
      case row::kind::year:
        write_spine(c.spine, y, y + rw.height, false, out);
        out << "<text class=\"year\" x=\"" << num(margin) << "\" y=\"" << num(y + 32) << "\">"
            << text(p.view(rw.position).heading) << "</text>\n"
            << "<line x1=\"" << num(margin) << "\" x2=\"" << num(w - margin) << "\" y1=\"" << num(y + 39)
            << "\" y2=\"" << num(y + 39) << "\" stroke=\"#d9d6cd\"/>\n";
        break;
      case row::kind::event: {
        const event_view v = p.view(rw.position);
        const event_lines ls = lines_of(p, v, w);
        write_spine(c.spine, y, y + rw.height, false, out);
        out << "<g class=\"event\">\n";
        double left = y + event_pad_top + 13, right = y + event_pad_top + 14;
        write_lines(ls.date, date_style, c.spine - 16, left, true, out);
        write_lines(ls.title, title_style, c.text, right, false, out);
        write_lines(ls.who, who_style, c.text, right, false, out);
        write_lines(ls.notes, note_style, c.text, right, false, out);
        draw_mark(mark_of(v), c.spine, y + event_pad_top + 9, out);
        out << "</g>\n";
        break;
      }
    }
  }
  out << "</g>\n</svg>\n";
}

std::vector<std::size_t> pages(const layout& l, double height) {
  std::vector<std::size_t> starts;
  if (l.rows.empty()) return starts;
  starts.push_back(0);
  double used = 0;
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    if (used > 0 && used + l.rows[i].height > height) {
      std::size_t start = i;  // the headings just before go with the row they head
      while (start - 1 > starts.back() && is_heading(l.rows[start - 1].what)) --start;
      starts.push_back(start);
      used = l.height_of(start, i);
    }
    used += l.rows[i].height;
  }
  return starts;
}

}  // namespace annals::vertical
