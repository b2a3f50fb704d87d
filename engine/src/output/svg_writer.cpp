#include "output/svg_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "model/link_table.hpp"
#include "output/bidi.hpp"
#include "output/escape.hpp"
#include "output/render_common.hpp"

namespace annals::svg {

namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// User text in svg: escaped, and isolated when it runs right to left.
std::string text(std::string_view s) { return escape_xml(isolate(s)); }

// Two slanted strokes across a range at x: it goes on past the window asked for.
std::string break_mark(double x, double y, std::string_view color) {
  std::string out;
  for (double dx : {-2.5, 2.5}) {
    out += "<path class=\"cut\" d=\"M" + num(x + dx - 3) + ',' + num(y + 6) + " L" + num(x + dx + 3) + ',' + num(y - 6) +
           "\" stroke=\"" + std::string(color) + "\" stroke-width=\"1.4\" fill=\"none\"/>";
  }
  return out;
}

// A whisker from x0 to x1 at y: end bars, or arrows at open ends.
void whisker(std::ostream& out, const stretch& s, double y, std::string_view stroke, std::string_view extra) {
  const std::string yc = num(y);
  out << "<line x1=\"" << num(s.x0) << "\" x2=\"" << num(s.x1) << "\" y1=\"" << yc << "\" y2=\"" << yc << "\" stroke=\""
      << stroke << "\" stroke-width=\"1.4\"" << extra << "/>";
  for (const auto& [x, open, cut, dir] : {std::tuple{s.x0, s.open0, s.cut0, 5.0}, std::tuple{s.x1, s.open1, s.cut1, -5.0}}) {
    if (open) {
      out << "<path d=\"M" << num(x + dir) << ',' << num(y - 4) << " L" << num(x) << ',' << yc << " L" << num(x + dir)
          << ',' << num(y + 4) << "\" fill=\"none\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
    } else if (!cut) {
      out << "<line x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(y - 5) << "\" y2=\"" << num(y + 5)
          << "\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
    }
  }
}

void write_stretch(std::ostream& out, const stretch& s, double y, std::string_view color) {
  switch (s.kind) {
    case stretch_kind::span:
      out << "<rect class=\"mark span\" x=\"" << num(s.x0) << "\" y=\"" << num(y - 4.5) << "\" width=\""
          << num(s.x1 - s.x0) << "\" height=\"9\" rx=\"2\" fill=\"" << color << "\" fill-opacity=\"0.85\"/>";
      break;
    case stretch_kind::possible:
      whisker(out, s, y, color, " stroke-opacity=\"0.7\"");
      break;
    case stretch_kind::widened:
      out << "<rect class=\"widened\" x=\"" << num(s.x0) << "\" y=\"" << num(y - 3.5) << "\" width=\""
          << num(s.x1 - s.x0) << "\" height=\"7\" rx=\"3\" fill=\"" << color << "\" fill-opacity=\"0.2\"/>";
      break;
    case stretch_kind::inferred:
      out << "<line class=\"inferred\" x1=\"" << num(s.x0) << "\" x2=\"" << num(s.x1) << "\" y1=\"" << num(y)
          << "\" y2=\"" << num(y) << "\" stroke=\"" << color << "\" stroke-width=\"3\" stroke-dasharray=\"4 3\"/>";
      break;
    case stretch_kind::superseded:
      whisker(out, s, y, "#b3b3b3", "");
      break;
  }
  for (const auto& [cut, x] : {std::pair{s.cut0, s.x0}, std::pair{s.cut1, s.x1}}) {
    if (cut) out << break_mark(x, y, color);  // the range goes on past the window
  }
}

// The tooltip of an event: title, date, what and who, how its date was read.
std::string tip_of(const presentation& p, const mark& m, const drawing& d) {
  const event& e = p.event_of(m.event);
  const event_view v = p.view(m.position);
  std::string tip = isolate(e.title) + "\n" + v.label;
  if (e.kind != no_symbol) tip += " · " + isolate(p.name(e.kind));
  for (symbol a : e.actors) tip += " · " + isolate(p.actor_name(a));
  if (e.place != no_symbol) tip += " · " + isolate(p.place_name(e.place, v.index));
  if (!v.relation.empty()) tip += "\nas written: " + v.relation;
  if (!v.inferred.empty()) tip += "\ninferred from links: " + v.inferred;
  if (v.order_uncertain) tip += "\norder uncertain";
  if (m.also) tip += "\nits own mark is in the lane of " + isolate(d.lanes.lanes[d.lanes.of_event[m.event]].label);
  return tip;
}

// The legend: each entry's icon, drawn as the marks draw it, and its words.
void write_legend(const drawing& d, std::ostream& out) {
  using icon = legend_entry::icon;
  constexpr std::string_view ink = "#56616b";
  out << "<g class=\"legend\">\n";
  for (const legend_entry& l : d.legend) {
    const double x = l.x, y = l.y;
    switch (l.shows) {
      case icon::dot:
        out << "<circle cx=\"" << num(x + 5) << "\" cy=\"" << num(y) << "\" r=\"5\" fill=\"" << ink << "\"/>";
        break;
      case icon::ring:
        out << "<circle cx=\"" << num(x + 5) << "\" cy=\"" << num(y) << "\" r=\"5\" fill=\"#fff\" stroke=\"" << ink
            << "\" stroke-width=\"2\"/>";
        break;
      case icon::also:
        out << "<circle cx=\"" << num(x + 5) << "\" cy=\"" << num(y) << "\" r=\"4\" fill=\"#fff\" stroke=\"" << ink
            << "\" stroke-width=\"2\" stroke-dasharray=\"2 1.5\"/>";
        break;
      case icon::span: write_stretch(out, {x, x + l.icon_w, stretch_kind::span}, y, ink); break;
      case icon::possible: write_stretch(out, {x, x + l.icon_w, stretch_kind::possible}, y, ink); break;
      case icon::widened: write_stretch(out, {x, x + l.icon_w, stretch_kind::widened}, y, ink); break;
      case icon::inferred: write_stretch(out, {x, x + l.icon_w, stretch_kind::inferred}, y, ink); break;
      case icon::arrow:
        out << "<path d=\"M" << num(x) << ',' << num(y) << " L" << num(x + 32) << ',' << num(y)
            << "\" stroke=\"#5a5a5a\" stroke-width=\"1.3\" marker-end=\"url(#annals-arrow)\"/>";
        break;
      case icon::gap:
        out << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 7) << "\" width=\"26\" height=\"14\" "
            << "fill=\"url(#annals-hatch)\" stroke=\"#e2dfd6\"/>";
        break;
      case icon::cut:
        out << "<line x1=\"" << num(x) << "\" x2=\"" << num(x + 30) << "\" y1=\"" << num(y) << "\" y2=\"" << num(y)
            << "\" stroke=\"" << ink << "\" stroke-width=\"1.4\"/>" << break_mark(x + 30, y, ink);
        break;
    }
    out << "<text x=\"" << num(x + l.icon_w + 8) << "\" y=\"" << num(y + 4) << "\">" << escape_xml(l.words) << "</text>\n";
  }
  if (!d.incident.empty()) draw_incident_legend(d.incident, 16, d.incident_legend_y + 4, out);
  out << "</g>\n";
}

}  // namespace

void write(const drawing& d, const presentation& p, const drawing_options& how, std::ostream& out) {
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"annals-timeline\" viewBox=\"0 0 " << num(d.width) << ' '
      << num(d.height) << "\" width=\"" << num(d.width) << "\" height=\"" << num(d.height)
      // An image, unless its marks are links (html): an image's parts cannot be focused.
      << "\" role=\"" << (how.link_to_list ? "group" : "img") << "\" aria-label=\"Timeline\"";
  // The interactive page zooms the chart's x range; what moves with it says where it is at zoom 1.
  const bool zoom = how.interactive;
  if (zoom) out << " data-x0=\"" << num(d.chart_x0) << "\" data-x1=\"" << num(d.chart_x1) << '"';
  out << ">\n";
  // Attributes for the page script: x attributes it maps with the zoom, width ones it scales.
  auto zx = [&](std::string_view xs, std::string_view ws = {}) {
    if (!zoom) return std::string();
    std::string a = " data-zx=\"" + std::string(xs) + '"';
    if (!ws.empty()) a += " data-zw=\"" + std::string(ws) + '"';
    return a;
  };
  auto moves = [&](double x) { return zoom ? " class=\"zoom-move\" data-x=\"" + num(x) + '"' : std::string(); };
  const std::string clip_attr = zoom ? " clip-path=\"url(#annals-clip)\"" : "";
  if (!p.files().empty() && !p.files().front().title.empty()) out << "<title>" << text(p.files().front().title) << "</title>\n";
  out << "<style>\n"
         ".annals-timeline{font-family:\"Helvetica Neue\",Helvetica,Arial,\"Liberation Sans\",\"DejaVu Sans\",\"Noto Sans\",sans-serif}\n"
         ".annals-timeline text{fill:#1a1a1a}\n"
         ".annals-timeline .tick text{font-size:11px;fill:#6b6b6b}\n"
         ".annals-timeline .lane-name{font-size:12px;font-weight:700;letter-spacing:.02em}\n"
         ".annals-timeline .lane-life{font-size:10px;fill:#6b675f}\n"
         ".annals-timeline .era-name{font-size:11px;font-style:italic;fill:#6e5f36}\n"
         ".annals-timeline .event text,.annals-timeline .also text{font-size:12.5px}\n"
         ".annals-timeline .also text{fill:#4a4a4a;font-style:italic}\n"
         ".annals-timeline .event:hover text{text-decoration:underline}\n"
         ".annals-timeline .band text{font-size:11px;font-style:italic;fill:#555}\n"
         ".annals-timeline .legend text{font-size:11px;fill:#555}\n"
         ".annals-timeline .doc-title{font-family:Georgia,\"Times New Roman\",serif;font-size:22px;font-weight:700}\n";
  if (!d.incident.empty()) out << incident_css();
  out << "</style>\n"
         "<defs>\n"
         "<marker id=\"annals-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0.5 L8,4 L0,7.5 z\" fill=\"#5a5a5a\"/></marker>\n"
         "<pattern id=\"annals-hatch\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#f6f5f1\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#e2dfd6\" stroke-width=\"2\"/></pattern>\n";
  if (!d.incident.empty()) out << incident_defs();
  if (zoom) {  // zoomed, the chart stays right of the lane names
    out << "<clipPath id=\"annals-clip\"><rect x=\"" << num(lane_label_w - 4) << "\" y=\"0\" width=\""
        << num(d.width - lane_label_w + 4) << "\" height=\"" << num(d.height) << "\"/></clipPath>\n";
  }
  out << "</defs>\n";
  if (how.standalone) out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (d.title_h > 0) out << "<text class=\"doc-title\" x=\"16\" y=\"32\">" << text(d.title) << "</text>\n";

  // Lanes: alternate shading and names.
  out << "<g class=\"lanes\">\n";
  for (std::size_t l = 0; l < d.lanes.lanes.size(); ++l) {
    const lane& ln = d.lanes.lanes[l];
    const double top = d.lane_top[l], h = d.lane_top[l + 1] - top;
    if (l % 2 == 0) {
      out << "<rect x=\"0\" y=\"" << num(top) << "\" width=\"" << num(d.width) << "\" height=\"" << num(h)
          << "\" fill=\"#f9f8f5\"/>\n";
    }
    out << "<line x1=\"0\" x2=\"" << num(d.width) << "\" y1=\"" << num(top + h) << "\" y2=\"" << num(top + h)
        << "\" stroke=\"#e6e3dc\"/>\n";
    out << "<text class=\"lane-name\" x=\"16\" y=\"" << num(top + 26) << "\" style=\"fill:" << ln.color << "\">"
        << text(clip(ln.label, 22));
    if (display_width(ln.label) > 22) out << "<title>" << text(ln.label) << "</title>";
    out << "</text>\n";
    if (!ln.detail.empty()) {  // an actor's lifespan
      out << "<text class=\"lane-life\" x=\"16\" y=\"" << num(top + 41) << "\">" << text(clip(ln.detail, 26));
      if (display_width(ln.detail) > 26) out << "<title>" << text(ln.detail) << "</title>";
      out << "</text>\n";
    }
  }
  out << "</g>\n";

  for (const era_band& e : d.eras) {
    out << "<g class=\"era\"" << clip_attr << "><title>" << text(e.heading) << "</title><rect x=\"" << num(e.x0) << "\" y=\""
        << num(d.axis_y) << "\" width=\"" << num(e.x1 - e.x0) << "\" height=\"" << num(d.chart_bottom - d.axis_y)
        << "\" fill=\"#e8d9b5\" fill-opacity=\"0.35\"" << zx("x", "width") << "/>" << (zoom ? "<g" + moves(e.x0 + 4) + ">" : "")
        << "<text class=\"era-name\" x=\"" << num(e.x0 + 4) << "\" y=\""
        << num(d.chart_bottom - 6 - 14 * static_cast<double>(e.row)) << "\">" << text(e.name) << "</text>"
        << (zoom ? "</g>" : "") << "</g>\n";
  }

  draw_impact_band(d.incident, d.axis_y, d.chart_bottom, out);

  // Gap bands: time left out of the scale, labelled above the axis with its length.
  for (const gap_mark& g : d.gaps) {
    const auto& b = g.at;
    out << "<g class=\"band\"" << clip_attr << "><title>" << escape_xml(g.text) << " without events</title>";
    out << "<rect x=\"" << num(b.x0 + 8) << "\" y=\"" << num(d.axis_y - 2) << "\" width=\"" << num(b.x1 - b.x0 - 16)
        << "\" height=\"" << num(d.chart_bottom - d.axis_y + 2) << "\" fill=\"url(#annals-hatch)\"" << zx("x", "width") << "/>\n";
    const double cx = (b.x0 + b.x1) / 2;
    const double ty = d.axis_y - 24 - 13 * static_cast<double>(g.lines.size() - 1);
    out << "<text x=\"" << num(cx) << "\" y=\"" << num(ty) << "\" text-anchor=\"middle\"" << moves(cx) << ">";
    for (std::size_t j = 0; j < g.lines.size(); ++j) {
      out << "<tspan x=\"" << num(cx) << "\" dy=\"" << (j == 0 ? "0" : "13") << "\">" << escape_xml(g.lines[j]) << "</tspan>";
    }
    out << "</text>";
    // Break marks where the axis line stops and starts again.
    for (double x : {b.x0 + 4, b.x1 - 4}) {
      out << "<path d=\"M" << num(x - 3) << ',' << num(d.axis_y + 4) << " L" << num(x + 3) << ',' << num(d.axis_y - 4)
          << "\" stroke=\"#8a8a8a\" fill=\"none\"" << moves(x) << "/>";
    }
    out << "</g>\n";
  }

  // The axis: a line per segment, gridlines and tick labels.
  out << "<g class=\"axis\" data-from=\"" << format_bound(d.axis_first, precision::second) << "\" data-to=\""
      << format_bound(d.axis_last, precision::second) << '"' << clip_attr << ">\n";
  double seg_x0 = d.chart_x0;
  for (const gap_mark& g : d.gaps) {
    out << "<line x1=\"" << num(seg_x0) << "\" x2=\"" << num(g.at.x0) << "\" y1=\"" << num(d.axis_y) << "\" y2=\""
        << num(d.axis_y) << "\" stroke=\"#8a8a8a\"" << zx("x1 x2") << "/>\n";
    seg_x0 = g.at.x1;
  }
  out << "<line x1=\"" << num(seg_x0) << "\" x2=\"" << num(d.chart_x1) << "\" y1=\"" << num(d.axis_y) << "\" y2=\""
      << num(d.axis_y) << "\" stroke=\"#8a8a8a\"" << zx("x1 x2") << "/>\n";
  auto write_ticks = [&](const std::vector<tick_mark>& ticks) {
    for (const tick_mark& t : ticks) {
      out << "<g class=\"tick\"";
      if (zoom) out << " data-x=\"" << num(t.at.x) << '"';
      out << "><line x1=\"" << num(t.at.x) << "\" x2=\"" << num(t.at.x) << "\" y1=\"" << num(d.axis_y - 4) << "\" y2=\""
          << num(d.chart_bottom) << "\" stroke=\"" << (t.at.major ? "#d9d6cd" : "#ebe8e1") << "\"/>";
      if (t.labelled) {
        out << "<text x=\"" << num(t.at.x) << "\" y=\"" << num(d.axis_y - 9) << "\" text-anchor=\"middle\">"
            << escape_xml(t.at.label) << "</text>";
      }
      out << "</g>\n";
    }
  };
  if (!zoom) {
    write_ticks(d.ticks);
  } else {  // a set of ticks per zoom level; the script shows the one for its zoom
    out << "<g class=\"ticks\" data-zoom=\"1\">\n";
    write_ticks(d.ticks);
    out << "</g>\n";
    for (const auto& [k, ticks] : d.tick_levels) {
      out << "<g class=\"ticks\" data-zoom=\"" << k << "\" style=\"display:none\">\n";
      write_ticks(ticks);
      out << "</g>\n";
    }
  }
  out << "</g>\n";

  draw_milestone_flags(p, d.incident, d.strip_top, d.chart_bottom, out);

  // Causal arrows, beneath the marks.
  out << "<g class=\"links\"" << clip_attr << " fill=\"none\" stroke=\"#5a5a5a\" stroke-opacity=\"0.6\" stroke-width=\"1.3\">\n";
  for (const arrow& a : d.arrows) {
    const event& cause = p.event_of(d.marks[a.from].event);
    const event& effect = p.event_of(d.marks[a.to].event);
    out << "<path class=\"link\" d=\"M" << num(a.x0) << ',' << num(a.y0) << " C" << num(a.c1x) << ',' << num(a.c1y) << ' '
        << num(a.c2x) << ',' << num(a.c2y) << ' ' << num(a.x1) << ',' << num(a.y1) << '"';
    if (zoom) out << " data-from=\"" << escape_xml(p.name(cause.id)) << "\" data-to=\"" << escape_xml(p.name(effect.id)) << '"';
    out << " marker-end=\"url(#annals-arrow)\"><title>"
        << escape_xml(std::string(p.name(cause.id)) + ' ' + std::string(info(a.kind).source_words) + ' ' +
                      std::string(p.name(effect.id)))
        << "</title></path>\n";
  }
  out << "</g>\n";

  // The events: each its own mark, and a copy in each further lane of its actors.
  out << "<g class=\"events\"" << clip_attr << ">\n";
  for (const mark& m : d.marks) {
    const std::string id(p.name(p.event_of(m.event).id));
    const std::string_view color = d.lanes.lanes[m.lane].color;
    // A copy in a further lane is no second stop for the keyboard or a screen reader.
    if (how.link_to_list)
      out << "<a href=\"#event-" << escape_xml(id) << '"' << (m.also ? " tabindex=\"-1\" aria-hidden=\"true\"" : "") << '>';
    out << "<g class=\"" << (m.also ? "also" : "event") << "\" data-id=\"" << escape_xml(id) << '"';
    if (zoom) out << " data-x=\"" << num(m.x) << "\" data-y=\"" << num(m.y) << '"';
    out << "><title>" << escape_xml(tip_of(p, m, d)) << "</title>";
    if (zoom && !m.stretches.empty()) out << "<g class=\"range\">";  // stretched with the axis
    for (const stretch& s : m.stretches) write_stretch(out, s, m.y, color);
    if (zoom && !m.stretches.empty()) out << "</g>";
    if (m.has_dot) {
      const bool ring = m.hollow || m.also;
      out << "<circle class=\"mark" << (m.inferred ? " inferred" : m.hollow ? " hollow" : "") << "\" cx=\"" << num(m.x)
          << "\" cy=\"" << num(m.y) << "\" r=\"" << (m.also ? "4" : "5") << "\" fill=\"" << (ring ? "#ffffff" : color)
          << "\" stroke=\"" << color << "\" stroke-width=\"" << (ring ? "2" : "1") << '"'
          << (m.also ? " stroke-dasharray=\"2 1.5\"" : "") << "/>";
    }
    if (!m.label.empty()) {  // a lane past its rows of labels draws the mark alone
      out << "<text x=\"" << num(m.label_x) << "\" y=\"" << num(m.y - 10) << "\""
          << (m.label_end ? " text-anchor=\"end\"" : "") << ">" << text(m.label) << "</text>";
    }
    out << "</g>";
    if (how.link_to_list) out << "</a>";
    out << "\n";
  }
  out << "</g>\n";

  write_legend(d, out);
  out << "</svg>\n";
}

void draw(const presentation& p, const drawing_options& how, std::ostream& out) { write(lay_out(p, how), p, how, out); }

}  // namespace annals::svg
