// text: the chronology for a terminal, under year and month headings.

#include <algorithm>
#include <ostream>

#include "output/escape.hpp"
#include "model/link_table.hpp"
#include "output/render_common.hpp"
#include "output/render_formats.hpp"

namespace annals {

namespace {

constexpr std::string_view bold = "\x1b[1m", dim = "\x1b[2m", cyan = "\x1b[36m", yellow = "\x1b[33m",
                           magenta = "\x1b[35m", reset = "\x1b[0m";
constexpr std::size_t event_indent = 4;  // under "  Nov" month headings
constexpr std::size_t max_label_column = 26;
constexpr std::size_t min_body_width = 30;

}  // namespace

void write_text(const presentation& p, std::ostream& out) {
  const render_options& options = p.options;
  const auto paint = [&](std::string_view colour, const std::string& s) {
    return options.color ? std::string(colour) + s + std::string(reset) : s;
  };
  // A heading or label wrapped to the width, each line painted, after `indent` spaces.
  const auto lines = [&](std::size_t indent, std::string_view colour, const std::string& text) {
    for (const std::string& l : wrap(text, options.width > indent ? options.width - indent : 1))
      out << std::string(indent, ' ') << paint(colour, l) << '\n';
  };
  const std::string title = escape_terminal(p.title(" + ", ""));
  if (!title.empty()) {
    std::size_t underline = 0;
    for (const std::string& l : wrap(title, options.width)) {
      out << paint(bold, l) << '\n';
      underline = std::max(underline, display_width(l));
    }
    out << std::string(underline, '=') << "\n";
  }
  if (p.size() == 0) {
    out << "\n(no events)\n";
    return;
  }
  // The label column: as wide as the widest label that fits it.
  std::size_t column = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::size_t w = display_width(p.label_with_offset(k));
    if (w <= max_label_column) column = std::max(column, w);
  }
  column += 2;
  // Narrow terminals: the label goes on its own line and the text below it.
  const bool stacked = options.width < event_indent + column + min_body_width;
  if (stacked) column = 2;
  const std::size_t body_width =
      std::max<std::size_t>(options.width > event_indent + column ? options.width - event_indent - column : 0, 8);
  const std::string pad(event_indent + column, ' ');

  std::optional<std::string> year_heading, month_heading;
  // Era sections (presentation::era_section): an era's end is said, a section names the
  // eras in force, and what no era holds stands under no era heading.
  const auto& sections = p.sections();
  std::size_t next_section = 0;
  const auto open_sections = [&](std::size_t k) {
    for (; next_section < sections.size() && sections[next_section].first == k; ++next_section) {
      const presentation::era_section& s = sections[next_section];
      for (const era* x : s.ended) {
        out << '\n';
        lines(0, bold, "== end of " + escape_terminal(x->title) + " ==");
      }
      if (!s.eras.empty()) {
        out << '\n';
        lines(0, bold, "== " + escape_terminal(p.eras_heading(s.eras)) + " ==");
      }
      if (!s.eras.empty() && s.first == s.last) out << "    (no events)\n";
      year_heading.reset();
      month_heading.reset();
    }
  };
  for (std::size_t k = 0; k < p.size(); ++k) {
    open_sections(k);
    const event_view v = p.view(k);
    const event& e = *v.e;
    if (v.gap_before) {
      out << '\n';
      lines(2, yellow, *v.gap_before);
    }
    if (v.heading != year_heading) {
      out << '\n';
      lines(0, bold, v.heading);
      year_heading = v.heading;
      month_heading.reset();
    }
    if (v.month.empty()) {
      month_heading.reset();
    } else if (v.month != month_heading) {
      out << "  " << paint(bold, v.month) << '\n';
      month_heading = v.month;
    }

    // The label, then the title wrapped beside it.
    const std::string label = presentation::with_offset(v);
    const std::size_t label_width = display_width(label);
    const std::vector<std::string> title_lines = wrap(escape_terminal(e.title), body_width);
    if (stacked || label_width + 2 > column) {
      lines(event_indent, cyan, label);
      for (const std::string& l : title_lines) out << pad << l << '\n';
    } else {
      out << std::string(event_indent, ' ') << paint(cyan, label) << std::string(column - label_width, ' ')
          << title_lines.front() << '\n';
      for (std::size_t i = 1; i < title_lines.size(); ++i) out << pad << title_lines[i] << '\n';
    }

    const auto detail = [&](std::string_view colour, const std::string& text) {
      for (const std::string& l : wrap(text, body_width)) out << pad << paint(colour, l) << '\n';
    };
    std::string who = p.who(v.index);
    if (e.place != no_symbol) who += (who.empty() ? "" : " · ") + p.place_name(e.place, v.index);
    if (!who.empty()) detail(dim, escape_terminal(who));
    if (!v.marks.empty()) detail(bold, "⚑ " + v.marks);  // an incident's milestone, update, action item
    if (!v.relation.empty()) detail(dim, "as written: " + escape_terminal(v.relation));
    if (const std::string r = p.readings(e); !r.empty()) detail(dim, "dated by source: " + escape_terminal(r));
    if (!e.description.empty()) detail({}, escape_terminal(e.description));
    if (const media_item* m = v.media) {
      std::string line = "media: " + (m->caption.empty() ? m->alt : m->caption);
      if (!m->credit.empty()) line += " (" + m->credit + ")";
      if (!m->url.empty()) line += " <" + m->url + ">";
      detail(dim, escape_terminal(line));
    }
    for (const shown_link& l : v.links) {
      const std::string arrow = info(l.kind).holder_is_source ? "→ " : "← ";
      detail(dim, arrow + std::string(link_words(l.kind)) + ' ' + escape_terminal(l.target_id));
    }
    for (const shown_link& l : v.linked_by) {  // read from this side: "← caused by", "→ has part"
      const std::string arrow = info(l.kind).holder_is_source ? "← " : "→ ";
      detail(dim, arrow + std::string(link_words(l.kind, false)) + ' ' + escape_terminal(l.target_id));
    }
    if (!v.inferred.empty()) detail(magenta, "≈ inferred from links: " + v.inferred);
    if (v.order_uncertain) detail(magenta, "~ order uncertain: no link orders it against its neighbour");
    for (const shown_source& s : v.sources) detail(dim, "source: " + escape_terminal(s.cited));
  }
  open_sections(p.size());
}

}  // namespace annals
