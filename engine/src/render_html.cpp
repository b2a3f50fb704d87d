// html: one self-contained page that works offline — the timeline drawing (svg_drawing)
// and below it the event list. No scripts, fonts or images are fetched.

#include <algorithm>
#include <ostream>
#include <string>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"
#include "svg_drawing.hpp"
#include "time_axis.hpp"

namespace annals {

namespace {

constexpr std::string_view page_css = R"css(
:root{--ink:#1a1a1a;--muted:#666;--rule:#e6e3dc;--accent:#b0413e;--sans:"Helvetica Neue",Helvetica,Arial,"Liberation Sans",sans-serif}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:17px/1.55 Georgia,"Times New Roman","Liberation Serif",serif}
main{max-width:1240px;margin:0 auto;padding:32px 20px 56px}
header{border-top:4px solid var(--ink);padding-top:14px}
header>*{max-width:860px}
.kicker{font:700 12px/1.2 var(--sans);letter-spacing:.12em;text-transform:uppercase;color:var(--accent);margin:0 0 8px}
h1{font-size:36px;line-height:1.15;margin:0 0 10px}
.dek{font:15px/1.45 var(--sans);color:var(--muted);margin:0}
figure{margin:26px 0 0}
.chart{overflow-x:auto;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule)}
.chart svg{display:block;width:100%;min-width:900px;height:auto}
.chart a{cursor:pointer}
figcaption{font:12.5px/1.5 var(--sans);color:var(--muted);margin-top:8px}
.events{max-width:920px;margin-top:40px}
.events>h2{font:700 13px/1 var(--sans);letter-spacing:.12em;text-transform:uppercase;margin:0 0 4px;padding-bottom:10px;border-bottom:2px solid var(--ink)}
.year{font:700 24px/1.2 Georgia,"Times New Roman",serif;margin:30px 0 4px;color:#333}
.item{display:grid;grid-template-columns:180px 1fr;gap:0 24px;padding:14px 0;border-top:1px solid var(--rule)}
.when{font:600 13.5px/1.6 var(--sans);color:#444}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:8px;vertical-align:1px}
.item h3{font-size:20px;line-height:1.3;margin:0 0 4px}
.meta{font:13.5px/1.5 var(--sans);color:var(--muted);margin:0 0 6px}
.item p{margin:0 0 6px}
.note{font:13.5px/1.5 var(--sans);color:#555}
.note b{font-weight:600;color:#333}
.flag{white-space:nowrap;font:600 11px/1 var(--sans);text-transform:uppercase;letter-spacing:.06em;color:var(--accent);border:1px solid currentColor;border-radius:3px;padding:2px 5px;margin-left:8px;vertical-align:2px}
a{color:#1f4e79;text-decoration-thickness:1px;text-underline-offset:2px}
.item:target{background:#fff8e6}
footer{font:12.5px/1.5 var(--sans);color:var(--muted);margin-top:40px;border-top:1px solid var(--rule);padding-top:12px}
@media (max-width:720px){.item{grid-template-columns:1fr}h1{font-size:28px}}
)css";

// "Caused by": the shared link phrase, capitalized to open a line.
std::string link_heading(link_kind k) {
  std::string s(link_phrase(k));
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string page_title(const timeline& tl) {
  std::string t;
  for (const auto& f : tl.files) {
    if (f.title.empty()) continue;
    if (!t.empty()) t += " · ";
    t += f.title;
  }
  return t.empty() ? "Timeline" : t;
}

// The date of event `i` as the list shows it: an undated event narrowed by its links
// shows what they imply ("before 17 Nov 2015").
std::string when_label(const timeline& tl, const chronology& chron, std::size_t i) {
  const temporal_value& d = tl.events[i].date;
  if (!d.bounded_start() && !d.bounded_end() && i < chron.bounds.size()) {
    const event_bounds& b = chron.bounds[i];
    if (b.start_min != open_start || b.end_max != open_end) return range_label(b.start_min, b.end_max);
  }
  return date_label(d);
}

class html_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options& options,
              std::ostream& out) const override {
    const std::string title = page_title(tl);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"annals\">\n"
           // Nothing may be fetched: no scripts, no external styles, fonts or images.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">\n"
        << "<title>" << escape_xml(title) << "</title>\n<style>" << page_css << "</style>\n</head>\n<body>\n<main>\n";

    // Header: kicker, headline, dek.
    out << "<header>\n<p class=\"kicker\">Chronology</p>\n<h1>" << escape_xml(title) << "</h1>\n<p class=\"dek\">";
    const std::size_t n = chron.order.size();
    out << n << (n == 1 ? " event" : " events");
    if (n > 0) {
      out << " · " << escape_xml(when_label(tl, chron, chron.order.front())) << " to "
          << escape_xml(when_label(tl, chron, chron.order.back()));
    }
    if (!tl.files.empty() && tl.files.front().reference) {
      const auto ref = instant{std::chrono::duration_cast<std::chrono::seconds>(tl.files.front().reference->time_since_epoch())};
      temporal_value day{ref, ref + std::chrono::seconds{86399}};
      out << " · as of " << escape_xml(date_label(day));
    }
    out << "</p>\n</header>\n";

    // The drawing.
    out << "<figure>\n<div class=\"chart\">\n";
    svg::draw(tl, chron, options, {.standalone = false, .link_to_list = true}, out);
    out << "</div>\n<figcaption>One lane per " << (options.lanes == render_options::lane_key::kind ? "kind" : "actor")
        << " of event. Hover over an event for its details; select it to jump to its entry below. "
           "Times are UTC.</figcaption>\n</figure>\n";

    // The event list, with a year heading whenever the year changes.
    const svg::lane_assignment lanes = svg::assign_lanes(tl, chron, options);
    const auto edges = svg::causal_edges(tl, chron);
    auto title_link = [&](std::size_t i) {
      const std::string id(tl.names.name(tl.events[i].id));
      return "<a href=\"#event-" + escape_xml(id) + "\">" + escape_xml(tl.events[i].title) + "</a>";
    };
    out << "<section class=\"events\">\n<h2>The events</h2>\n";
    std::string last_year;
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      const std::string id(tl.names.name(e.id));
      const instant first = written_span(e.date).first;
      std::string year = first != open_start ? axis::year_label(axis::to_civil(first).year) : "";
      if (!year.empty() && year != last_year) {
        out << "<h3 class=\"year\">" << escape_xml(year) << "</h3>\n";
        last_year = year;
      }
      out << "<article class=\"item\" id=\"event-" << escape_xml(id) << "\">\n<div class=\"when\">";
      if (lanes.of_event[i] != svg::lane_assignment::npos) {
        out << "<span class=\"dot\" style=\"background:" << lanes.lanes[lanes.of_event[i]].color << "\"></span>";
      }
      out << escape_xml(when_label(tl, chron, i)) << "</div>\n<div class=\"what\">\n<h3>" << escape_xml(e.title);
      if (i < chron.order_uncertain.size() && chron.order_uncertain[i]) {
        out << "<span class=\"flag\" title=\"No link orders this event against its neighbour\">order uncertain</span>";
      }
      out << "</h3>\n";
      // What, who, where.
      std::string meta;
      auto add = [&](const std::string& s) { meta += (meta.empty() ? "" : " · ") + escape_xml(s); };
      if (e.kind != no_symbol) add(std::string(tl.names.name(e.kind)));
      std::string who;
      for (symbol a : e.actors) who += (who.empty() ? "" : ", ") + actor_name(tl, a);
      if (!who.empty()) add(who);
      if (e.place != no_symbol) {
        std::string where = place_name(tl, e.place);
        for (const auto& p : tl.places) {
          if (p.id == e.place && !p.country.empty() && p.country != where) where += ", " + p.country;
        }
        add(where);
      }
      for (symbol t : e.tags) add("#" + std::string(tl.names.name(t)));
      if (!meta.empty()) out << "<p class=\"meta\">" << meta << "</p>\n";
      if (!e.description.empty()) out << "<p>" << escape_xml(e.description) << "</p>\n";
      if (i < chron.narrowed.size() && chron.narrowed[i] && i < chron.bounds.size()) {
        out << "<p class=\"note\"><b>Inferred from links:</b> "
            << escape_xml(range_label(chron.bounds[i].start_min, chron.bounds[i].end_max))
            << " (stated: " << escape_xml(e.date_text.empty() ? date_label(e.date) : e.date_text) << ")</p>\n";
      }
      // Causes and effects (whichever side wrote the link), then the ordering links.
      std::string causes, effects;
      for (const auto& c : edges) {
        if (c.effect == i) causes += (causes.empty() ? "" : "; ") + title_link(c.cause);
        if (c.cause == i) effects += (effects.empty() ? "" : "; ") + title_link(c.effect);
      }
      if (!causes.empty()) out << "<p class=\"note\"><b>Caused by:</b> " << causes << "</p>\n";
      if (!effects.empty()) out << "<p class=\"note\"><b>Led to:</b> " << effects << "</p>\n";
      for (const link& l : e.links) {
        if (is_causal(l.kind)) continue;
        const auto t = tl.find_event(l.target);
        out << "<p class=\"note\"><b>" << link_heading(l.kind) << ":</b> "
            << (t ? title_link(*t) : escape_xml(tl.names.name(l.target))) << "</p>\n";
      }
      // Sources.
      std::string srcs;
      for (symbol s : e.sources) {
        const auto it = std::find_if(tl.sources.begin(), tl.sources.end(), [&](const source& x) { return x.id == s; });
        std::string name = it == tl.sources.end() || it->title.empty() ? std::string(tl.names.name(s)) : it->title;
        std::string item = it != tl.sources.end() && is_safe_url(it->url)
                               ? "<a href=\"" + escape_xml(it->url) + "\" rel=\"noopener noreferrer\">" + escape_xml(name) + "</a>"
                               : escape_xml(name);
        srcs += (srcs.empty() ? "" : "; ") + item;
      }
      if (!srcs.empty()) out << "<p class=\"note\"><b>Source:</b> " << srcs << "</p>\n";
      out << "</div>\n</article>\n";
    }
    out << "</section>\n<footer>Made with annals";
    if (!tl.files.empty()) {
      out << " from ";
      // The file's name alone: the page must not depend on where it was made.
      for (std::size_t k = 0; k < tl.files.size(); ++k) {
        const std::string& path = tl.files[k].path;
        out << (k ? ", " : "") << escape_xml(path.substr(path.find_last_of('/') + 1));
      }
    }
    out << ". Each date is drawn with the whole range it allows.</footer>\n</main>\n</body>\n</html>\n";
  }
};

}  // namespace

std::unique_ptr<renderer> make_html_renderer() { return std::make_unique<html_renderer>(); }

}  // namespace annals
