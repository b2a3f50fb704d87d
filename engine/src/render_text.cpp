// text: the chronology for a terminal, under year and month headings.

#include <algorithm>
#include <ostream>

#include "escape.hpp"
#include "annals/gaps.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

constexpr std::string_view bold = "\x1b[1m", dim = "\x1b[2m", cyan = "\x1b[36m", yellow = "\x1b[33m",
                           magenta = "\x1b[35m", reset = "\x1b[0m";
constexpr std::size_t event_indent = 4;  // under "  Nov" month headings
constexpr std::size_t max_label_column = 26;
constexpr std::size_t min_body_width = 30;

class text_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options& options,
              std::ostream& out) const override {
    const auto paint = [&](std::string_view colour, const std::string& s) {
      return options.color ? std::string(colour) + s + std::string(reset) : s;
    };

    const std::string title = title_of(tl);
    if (!title.empty()) {
      out << paint(bold, title) << '\n' << std::string(display_width(title), '=') << "\n";
    }
    if (chron.order.empty()) {
      out << "\n(no events)\n";
      return;
    }

    std::vector<std::string> labels(tl.events.size());
    std::size_t column = 0;
    for (std::uint32_t i : chron.order) {
      labels[i] = date_label(tl.events[i].date);
      const std::size_t w = display_width(labels[i]);
      if (w <= max_label_column) column = std::max(column, w);
    }
    column += 2;
    // Narrow terminals: the label goes on its own line and the text below it.
    const bool stacked = options.width < event_indent + column + min_body_width;
    if (stacked) column = 2;
    const std::size_t body_width = std::max<std::size_t>(
        options.width > event_indent + column ? options.width - event_indent - column : 0, 8);
    const std::string pad(event_indent + column, ' ');

    std::optional<std::string> year_heading, month_heading;
    std::optional<std::uint32_t> latest_so_far;  // the shown event that ends last
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      const auto [first, last] = written_span(e.date);

      if (latest_so_far) {
        if (auto gap = gap_marker(tl, chron, *latest_so_far, i)) out << '\n' << paint(yellow, "  " + *gap) << '\n';
      }
      // The gap runs from the event that ends last, not merely the one before (a long
      // span can outlast the events after it).
      if (!latest_so_far || chron.bounds[i].end_max > chron.bounds[*latest_so_far].end_max) latest_so_far = i;

      // Headings: the year the event begins in (or ends, when only that is known), and its
      // month when the date lies within one month.
      const bool start_known = first != open_start;
      const civil_time c = to_civil(start_known ? first : last);
      const std::string year = heading_of(e.date);
      if (year != year_heading) {
        out << '\n' << paint(bold, year) << '\n';
        year_heading = year;
        month_heading.reset();
      }
      const civil_time end = to_civil(last);
      const bool within_month = start_known && last != open_end && end.year == c.year && end.month == c.month;
      if (within_month) {
        std::string month(month_abbr(c.month));
        if (month != month_heading) {
          out << "  " << paint(bold, month) << '\n';
          month_heading = month;
        }
      } else {
        month_heading.reset();
      }

      // The label, then the title wrapped beside it.
      const std::string& label = labels[i];
      const std::size_t label_width = display_width(label);
      std::vector<std::string> title_lines = wrap(escape_terminal(e.title), body_width);
      if (stacked || label_width + 2 > column) {
        out << std::string(event_indent, ' ') << paint(cyan, label) << '\n';
        for (const std::string& l : title_lines) out << pad << l << '\n';
      } else {
        out << std::string(event_indent, ' ') << paint(cyan, label) << std::string(column - label_width, ' ')
            << title_lines.front() << '\n';
        for (std::size_t k = 1; k < title_lines.size(); ++k) out << pad << title_lines[k] << '\n';
      }

      const auto detail = [&](std::string_view colour, const std::string& text) {
        for (const std::string& l : wrap(text, body_width)) out << pad << paint(colour, l) << '\n';
      };
      std::string who;
      for (symbol a : e.actors) who += (who.empty() ? "" : ", ") + actor_name(tl, a);
      if (e.place != no_symbol) who += (who.empty() ? "" : " · ") + place_name(tl, e.place);
      if (!who.empty()) detail(dim, escape_terminal(who));
      if (e.date.cal != calendar::gregorian) {
        detail(dim, "as written: " + escape_terminal(e.date_text) + " (" + std::string(calendar_title(e.date.cal)) + ")");
      }
      if (!e.description.empty()) detail({}, escape_terminal(e.description));
      for (const link& l : e.links) {
        const std::string arrow = link_points_back(l.kind) ? "← " : "→ ";
        detail(dim, arrow + std::string(link_phrase(l.kind)) + ' ' + escape_terminal(tl.names.name(l.target)));
      }
      const shown_bounds b = bounds_of(tl, chron, i);
      if (b.inferred) detail(magenta, "≈ inferred from links: " + range_label(b.inferred_earliest, b.inferred_latest));
      if (i < chron.order_uncertain.size() && chron.order_uncertain[i]) {
        detail(magenta, "~ order uncertain: no link orders it against its neighbour");
      }
      for (symbol s : e.sources) {
        const source* src = find_source(tl, s);
        const std::string name = src && !src->title.empty() ? src->title : std::string(tl.names.name(s));
        detail(dim, "source: " + escape_terminal(name));
      }
    }
  }

 private:
  static std::string title_of(const timeline& tl) {
    std::string title;
    for (const file_header& f : tl.files) {
      if (f.title.empty() || title.find(f.title) != std::string::npos) continue;
      title += (title.empty() ? "" : " + ") + escape_terminal(f.title);
    }
    return title;
  }
};

}  // namespace

std::unique_ptr<renderer> make_text_renderer() { return std::make_unique<text_renderer>(); }

}  // namespace annals
