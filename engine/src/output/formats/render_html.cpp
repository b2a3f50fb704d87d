// html: one self-contained page that works offline — the timeline drawing (svg_writer)
// and below it the event list; with --layout vertical, the list alone down a time spine.
// One inline script (output/page_script.js, allowed by its hash) adds zoom, filters, search
// and details; without it the page is complete. Nothing is fetched.

#include <algorithm>
#include <ostream>
#include <string>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "output/citations.hpp"
#include "output/escape.hpp"
#include "output/json_writer.hpp"
#include "output/page_script.hpp"
#include "model/link_table.hpp"
#include "time/date_label.hpp"
#include "output/render_formats.hpp"
#include "output/svg_writer.hpp"

namespace annals {

namespace {

constexpr std::string_view page_css = R"css(
:root{--ink:#1a1a1a;--muted:#666;--rule:#e6e3dc;--accent:#b0413e;--sans:"Helvetica Neue",Helvetica,Arial,"Liberation Sans",sans-serif}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:17px/1.55 Georgia,"Times New Roman","Liberation Serif",serif}
main{max-width:1240px;margin:0 auto;padding:32px 20px 56px;overflow-wrap:anywhere}
[hidden]{display:none!important}
header{border-top:4px solid var(--ink);padding-top:14px}
header>*{max-width:860px}
.kicker{font:700 12px/1.2 var(--sans);letter-spacing:.12em;text-transform:uppercase;color:var(--accent);margin:0 0 8px}
h1{font-size:36px;line-height:1.15;margin:0 0 10px}
.dek{font:15px/1.45 var(--sans);color:var(--muted);margin:0}
figure{margin:26px 0 0}
.chart{overflow-x:auto;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule)}
.chart:focus-visible{outline:3px solid #1f4e79;outline-offset:2px}
.chart a:focus{outline:none}
.chart a:focus-visible .mark,.chart a.selected .mark{stroke:#1a1a1a;stroke-width:3}
.chart a:focus-visible text{text-decoration:underline}
.chart svg{display:block;width:100%;min-width:900px;height:auto}
.chart a{cursor:pointer}
figcaption{font:12.5px/1.5 var(--sans);color:var(--muted);margin-top:8px}
.events{max-width:920px;margin-top:40px}
.events>h2{font:700 13px/1 var(--sans);letter-spacing:.12em;text-transform:uppercase;margin:0 0 4px;padding-bottom:10px;border-bottom:2px solid var(--ink)}
.year{font:700 24px/1.2 Georgia,"Times New Roman",serif;margin:30px 0 4px;color:#333}
.item{display:grid;grid-template-columns:180px minmax(0,1fr);gap:0 24px;padding:14px 0;border-top:1px solid var(--rule)}
.when{font:600 13.5px/1.6 var(--sans);color:#444}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:8px;vertical-align:1px}
.item h3{font-size:20px;line-height:1.3;margin:0 0 4px}
.meta{font:13.5px/1.5 var(--sans);color:var(--muted);margin:0 0 6px}
.item p{margin:0 0 6px}
.note{font:13.5px/1.5 var(--sans);color:#555}
.note b{font-weight:600;color:#333}
.flag{white-space:nowrap;font:600 11px/1 var(--sans);text-transform:uppercase;letter-spacing:.06em;color:var(--accent);border:1px solid currentColor;border-radius:3px;padding:2px 5px;margin-left:8px;vertical-align:2px}
a{color:#1f4e79;text-decoration-thickness:1px;text-underline-offset:2px}
.notes{max-width:920px;margin-top:40px;font:14px/1.5 var(--sans)}
.notes>h2{font:700 13px/1 var(--sans);letter-spacing:.12em;text-transform:uppercase;margin:24px 0 4px;padding-bottom:10px;border-bottom:2px solid var(--ink)}
.notes li{margin:4px 0}
.notes li:target{background:#fff8e6}
.item:target{background:#fff8e6}
.item{content-visibility:auto;contain-intrinsic-size:auto 140px}
footer{font:12.5px/1.5 var(--sans);color:var(--muted);margin-top:40px;border-top:1px solid var(--rule);padding-top:12px}
@media (max-width:720px){.item{grid-template-columns:1fr}h1{font-size:28px}}
.controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:flex-end;margin:18px 0 0;padding:10px 12px;background:#f6f5f1;border:1px solid var(--rule);font:13.5px/1.3 var(--sans)}
.controls .field{display:flex;flex-direction:column;gap:3px}
.controls label{font-weight:600;color:#333}
.controls input,.controls select,.controls button,.zoom button{font:inherit;padding:4px 8px;border:1px solid #767676;border-radius:3px;background:#fff;color:var(--ink)}
.controls input{min-width:14em}
.controls select{max-width:14em}
.controls .status{margin:0 0 0 auto;color:#444;align-self:center}
.zoom{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:14px 0 6px;font:13.5px/1.3 var(--sans)}
.zoom button{min-width:2.4em;cursor:pointer}
.zoom button:disabled{color:#6b6b6b;border-color:#c8c8c8;cursor:default}
.zoom-level{color:#444;margin-left:6px}
.chart.interactive{touch-action:pan-y}
svg .filtered,svg .culled{display:none}
.annals-timeline .range *{vector-effect:non-scaling-stroke}
svg.lod g.event text{display:none}
#annals-details{position:fixed;right:16px;bottom:16px;width:min(460px,calc(100vw - 32px));max-height:70vh;overflow:auto;background:#fff;border:1px solid #bbb;border-top:4px solid var(--accent);box-shadow:0 6px 24px rgba(0,0,0,.18);padding:14px 18px;z-index:10;font-size:15px}
#annals-details h2{font-size:20px;line-height:1.3;margin:0 34px 6px 0}
#annals-details .detail{display:block;padding:0;border:0}
#annals-details .close{position:absolute;top:8px;right:8px;font:22px/1 var(--sans);background:none;border:1px solid transparent;border-radius:3px;cursor:pointer;padding:2px 8px;color:var(--ink)}
#annals-details>a{font:13.5px/1.5 var(--sans)}
.vertical .events{margin-top:28px}
.vertical .item{grid-template-columns:170px minmax(0,1fr);gap:0 40px;position:relative;border-top:0;padding:10px 0}
.vertical .item::before{content:"";position:absolute;left:189px;top:0;bottom:0;border-left:2px solid #d9d6cd}
.vertical .when{text-align:right}
.vertical .item .dot{position:absolute;left:183px;top:17px;width:14px;height:14px;margin:0;border:2px solid #fff}
@media (max-width:720px){.vertical .item{grid-template-columns:1fr;padding-left:24px}.vertical .item::before{left:6px}.vertical .item .dot{left:0}.vertical .when{text-align:left}}
@media print{
.controls,.zoom,#annals-details{display:none!important}
body{font-size:11pt;line-height:1.45}
main{max-width:none;padding:0}
.chart{overflow:visible;border:0}
.chart svg{min-width:0;width:100%;height:auto}
.item{break-inside:avoid}
h3.year{break-before:page;break-after:avoid}
.events>h2+h3.year,h3.era+h3.year,section.era>p.note+h3.year{break-before:auto}
section.era{break-before:page}
.events>h2+section.era{break-before:auto}
h3.era{break-after:avoid}
a{color:inherit}
.item a[href^="http"]::after{content:" <" attr(href) ">";font:9pt var(--sans);color:#444}
}
)css";

// The event list's era sections, on pages that have eras.
constexpr std::string_view era_css = R"css(section.era{border-left:3px solid #e8d9b5;padding-left:14px;margin-top:30px}
h3.era{font:700 13px/1.4 var(--sans);letter-spacing:.08em;text-transform:uppercase;color:#6b5a2e;margin:0 0 4px}
)css";

// "Caused by": a link's words, capitalized to open a line.
std::string link_heading(std::string_view words) {
  std::string s(words);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// "Source: <a>Browne 1910, p. 201</a><sup>[1]</sup>": each citation's short form (a link
// when the source has a url) and the number of its note (output/citations.hpp).
void write_cited(std::ostream& out, const event_view& v, note_numbers* notes) {
  if (v.sources.empty()) return;
  std::string srcs;
  for (const shown_source& s : v.sources) {
    srcs += srcs.empty() ? "" : "; ";
    const std::string cited = "<bdi>" + escape_xml(s.cited) + "</bdi>";
    srcs += s.url.empty() ? cited : "<a href=\"" + escape_xml(s.url) + "\" rel=\"noopener noreferrer\">" + cited + "</a>";
    if (!notes) continue;
    const std::string n = std::to_string(notes->number(s.src, s.id, s.at).first);
    srcs += "<sup><a href=\"#note-" + n + "\">[" + n + "]</a></sup>";
  }
  out << "<p class=\"note\"><b>Source:</b> " << srcs << "</p>\n";
}

// The notes, numbered as cited, then the bibliography: the sources cited, by author or title.
void write_notes(std::ostream& out, const presentation& p, const note_numbers& notes) {
  if (notes.notes().empty()) return;
  out << "<section class=\"notes\">\n<h2>Notes</h2>\n<ol>\n";
  std::vector<std::pair<std::string, std::string_view>> cited;  // (sort key, id)
  std::unordered_set<std::string_view> seen;
  for (std::size_t k = 0; k < notes.notes().size(); ++k) {
    const auto& [id, text] = notes.notes()[k];
    out << "<li id=\"note-" << k + 1 << "\"><bdi>" << escape_xml(text) << "</bdi></li>\n";
    if (seen.insert(id).second)
      cited.emplace_back(bibliography_key(p.find_source(p.find_name(id).value_or(no_symbol)), id), id);
  }
  std::stable_sort(cited.begin(), cited.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out << "</ol>\n<h2>Sources</h2>\n<ul>\n";
  for (const auto& [key, id] : cited) {
    const source* src = p.find_source(p.find_name(id).value_or(no_symbol));
    const bibliography_entry b = full_citation(src, id);
    out << "<li dir=\"auto\">" << escape_xml(b.lead);
    if (src && is_safe_url(src->url))
      out << "<a href=\"" << escape_xml(src->url) << "\" rel=\"noopener noreferrer\"><bdi>" << escape_xml(b.title) << "</bdi></a>";
    else
      out << "<cite><bdi>" << escape_xml(b.title) << "</bdi></cite>";
    out << escape_xml(b.tail) << "</li>\n";
  }
  out << "</ul>\n</section>\n";
}

// The values the page's filters offer: each actor, kind, tag, place and era the events
// shown have, in order of first use; an event's data-* attributes hold their indexes.
struct facet {
  std::vector<std::pair<std::string, std::string>> options;  // (id, name)
  std::unordered_map<std::string, std::size_t> index;
  std::size_t add(std::string_view id, const std::string& name) {
    const auto [at, fresh] = index.try_emplace(std::string(id), options.size());
    if (fresh) options.emplace_back(id, name);
    return at->second;
  }
};

// `<script type="application/json">`: data, not code (the policy's hash covers the one script).
void write_facets(std::ostream& out, const std::array<std::pair<std::string_view, const facet*>, 5>& facets) {
  std::string json;
  json_writer w(json, json_layout::compact, 0, json_escaping::script);
  w.begin_object();
  for (const auto& [name, f] : facets) {
    w.field(name).begin_array();
    for (const auto& [id, label] : f->options) {
      w.item().begin_array();
      w.item().string(id);
      w.item().string(label);
      w.end_array();
    }
    w.end_array();
  }
  w.end_object();
  out << "<script type=\"application/json\" id=\"annals-facets\">" << json << "</script>\n";
}

}  // namespace

void write_html(const presentation& p, std::ostream& out) {
  const std::string title = p.title(" · ", "Timeline");
  const bool vertical = p.options.layout == render_options::layout_kind::vertical;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"annals\">\n"
         // Nothing may be fetched: no scripts, no external styles, fonts or images.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '"
      << page_script_hash() << "'; style-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>" << escape_xml(title) << "</title>\n<style>" << page_css << (p.eras().empty() ? "" : era_css)
      << "</style>\n</head>\n<body" << (vertical ? " class=\"vertical\"" : "") << ">\n<main>\n";

  // Header: kicker, headline, dek.
  out << "<header>\n<p class=\"kicker\">Chronology</p>\n<h1><bdi>" << escape_xml(title) << "</bdi></h1>\n<p class=\"dek\">";
  out << p.size() << (p.size() == 1 ? " event" : " events");
  if (p.size() > 0) out << " · " << escape_xml(p.span());
  if (!p.files().empty() && p.files().front().reference) {
    out << " · as of " << escape_xml(day_label(p.files().front().reference->time_since_epoch().count()));
  }
  out << "</p>\n</header>\n";

  // The drawing (a vertical page has the list alone, down its time spine). The chart is a
  // region the keyboard reaches: it scrolls on a narrow screen, and the script zooms it.
  const zone tz = p.display_zone();
  if (!vertical) {
    out << "<figure>\n<div class=\"chart\" tabindex=\"0\" role=\"region\" aria-label=\"Timeline drawing\">\n";
    svg::draw(p, {.standalone = false, .link_to_list = true, .interactive = true}, out);
    out << "</div>\n<figcaption>One lane per " << (p.options.lanes == render_options::lane_key::kind ? "kind" : "actor")
        << " of event. Hover over an event for its details; select it to jump to its entry below. "
        << "Dates are as their writers gave them; the axis is drawn in "
        << (tz ? escape_xml(zone_name(tz)) + " time" : std::string("UTC")) << ".</figcaption>\n</figure>\n";
  }

  // The event list, with a year heading whenever the year changes.
  const svg::lane_assignment lanes = svg::assign_lanes(p);
  // By event, the events its followed links reach (whichever side wrote the link), grouped
  // under the words it reads them with: "Caused by", "Enabled by", "Responded to by".
  struct link_group {
    std::string_view words;
    bool to_source;  // the event is the link's target: what led to it comes first
    std::vector<std::size_t> events;
  };
  std::vector<std::vector<link_group>> linked(p.events().size());
  auto group = [&](std::size_t at, std::string_view words, bool to_source, std::size_t other) {
    auto g = std::find_if(linked[at].begin(), linked[at].end(), [&](const link_group& x) { return x.words == words; });
    if (g == linked[at].end()) g = linked[at].insert(linked[at].end(), link_group{words, to_source, {}});
    if (std::find(g->events.begin(), g->events.end(), other) == g->events.end()) g->events.push_back(other);
  };
  // Every followed link in its own words, even where two kinds join one pair (`causes`
  // on one side, `enabled_by` on the other): the drawing's one arrow per pair would say
  // only the first.
  std::vector<bool> shown(p.events().size(), false);
  for (std::size_t k = 0; k < p.size(); ++k) shown[p.index(k)] = true;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::uint32_t i = p.index(k);
    for (const link& l : p.event_of(i).links) {
      if (!is_followed(l.kind)) continue;
      const auto t = p.find_event(l.target);
      if (!t || !shown[*t] || *t == i) continue;
      const auto [cause, effect] = ends<std::size_t>(l.kind, i, *t);
      group(effect, info(l.kind).target_words, true, cause);
      group(cause, info(l.kind).source_words, false, effect);
    }
  }
  for (auto& groups : linked) {
    std::stable_partition(groups.begin(), groups.end(), [](const link_group& g) { return g.to_source; });
  }
  auto title_link = [&](std::size_t i) {
    const std::string id(p.name(p.event_of(i).id));
    return "<a href=\"#event-" + escape_xml(id) + "\"><bdi>" + escape_xml(p.event_of(i).title) + "</bdi></a>";
  };
  auto joined_links = [&](const std::vector<std::size_t>& events) {
    std::string s;
    for (std::size_t i : events) s += (s.empty() ? "" : "; ") + title_link(i);
    return s;
  };
  out << "<section class=\"events\">\n<h2>The events</h2>\n";
  std::string last_heading;
  // Era sections as text and markdown have them (presentation::era_section): a section of
  // the page names the eras in force; events no era holds stand outside every section.
  const auto& sections = p.sections();
  std::size_t next_section = 0;
  bool in_era = false;
  note_numbers notes;
  const bool with_notes = cites_with_notes(p);
  facet actors, kinds, tags, places, eras;
  // An event's facet indexes, space-separated, for its data-* attribute.
  auto indexes = [](std::string& attr, std::size_t k) { attr += (attr.empty() ? "" : " ") + std::to_string(k); };
  for (std::size_t k = 0; k < p.size() || next_section < sections.size(); ++k) {
    while (next_section < sections.size() && sections[next_section].first == k) {
      const presentation::era_section& s = sections[next_section++];
      if (in_era) out << "</section>\n";
      in_era = !s.eras.empty();
      last_heading.clear();
      if (!in_era) continue;
      out << "<section class=\"era\">\n<h3 class=\"era\">Era: " << escape_xml(p.eras_heading(s.eras))
          << "</h3>\n";
      if (s.first == s.last) out << "<p class=\"note\">No events.</p>\n";
    }
    if (k >= p.size()) break;
    const event_view v = p.view(k);
    const event& e = *v.e;
    const std::string id(p.name(e.id));
    if (v.heading != last_heading) {
      out << "<h3 class=\"year\">" << escape_xml(v.heading) << "</h3>\n";
      last_heading = v.heading;
    }
    std::string a_actors, a_kind, a_tags, a_place, a_eras;
    for (symbol a : e.actors) indexes(a_actors, actors.add(p.name(a), p.actor_name(a)));
    if (e.kind != no_symbol) indexes(a_kind, kinds.add(p.name(e.kind), std::string(p.name(e.kind))));
    for (symbol t : e.tags) indexes(a_tags, tags.add(p.name(t), "#" + std::string(p.name(t))));
    if (e.place != no_symbol) indexes(a_place, places.add(p.name(e.place), p.place_name(e.place)));
    for (const era* x : p.eras_at(k)) indexes(a_eras, eras.add(p.name(x->id), x->title));
    out << "<article class=\"item\" id=\"event-" << escape_xml(id) << "\" data-id=\"" << escape_xml(id) << '"';
    for (const auto& [name, value] : {std::pair{"actors", &a_actors}, {"kind", &a_kind}, {"tags", &a_tags},
                                      {"place", &a_place}, {"eras", &a_eras}}) {
      if (!value->empty()) out << " data-" << name << "=\"" << *value << '"';
    }
    out << ">\n<div class=\"when\">";
    if (lanes.of_event[v.index] != svg::lane_assignment::npos) {
      out << "<span class=\"dot\" style=\"background:" << lanes.lanes[lanes.of_event[v.index]].color << "\"></span>";
    }
    out << escape_xml(presentation::with_offset(v)) << "</div>\n<div class=\"what\">\n<h3><bdi>" << escape_xml(e.title) << "</bdi>";
    if (v.order_uncertain) {
      out << "<span class=\"flag\" title=\"No link orders this event against its neighbour\">order uncertain</span>";
    }
    out << "</h3>\n";
    // What, who, where.
    std::string meta;
    // Each part isolated: a right-to-left actor beside a right-to-left place keeps its side.
    auto add = [&](const std::string& s) { meta += (meta.empty() ? "" : " · ") + ("<bdi>" + escape_xml(s) + "</bdi>"); };
    if (e.kind != no_symbol) add(std::string(p.name(e.kind)));
    if (const std::string who = p.who(v.index); !who.empty()) add(who);
    if (e.place != no_symbol) {
      std::string where = p.place_name(e.place, v.index);
      if (const place* pl = p.find_place(e.place); pl && !pl->country.empty() && pl->country != where) {
        where += ", " + pl->country;
      }
      add(where);
    }
    for (symbol t : e.tags) add(std::string(1, '#').append(p.name(t)));
    if (!meta.empty()) out << "<p class=\"meta\">" << meta << "</p>\n";
    if (!e.description.empty()) out << "<p dir=\"auto\">" << escape_xml(e.description) << "</p>\n";
    if (const media_item* m = v.media) {  // fetched by nothing: an embedded image, else a link
      out << "<figure class=\"media\">";
      if (const std::string_view uri = p.embedded(m->url); !uri.empty())
        out << "<img src=\"" << escape_xml(uri) << "\" alt=\"" << escape_xml(m->alt) << "\">";
      out << "<figcaption>";
      if (!m->caption.empty()) out << "<bdi>" << escape_xml(m->caption) << "</bdi>";
      if (!m->credit.empty()) out << " <span class=\"credit\">" << escape_xml(m->credit) << "</span>";
      if (!m->url.empty() && (is_safe_url(m->url) || m->url.find(':') == std::string::npos))
        out << " <a href=\"" << escape_xml(m->url) << "\">" << escape_xml(m->alt.empty() ? m->url : m->alt) << "</a>";
      out << "</figcaption></figure>\n";
    }
    if (!v.relation.empty()) out << "<p class=\"note\"><b>As written:</b> <bdi>" << escape_xml(v.relation) << "</bdi></p>\n";
    if (const std::string r = p.readings(e); !r.empty())
      out << "<p class=\"note\"><b>Dated by source:</b> " << escape_xml(r) << "</p>\n";
    if (!v.inferred.empty()) {
      out << "<p class=\"note\"><b>Inferred from links:</b> " << escape_xml(v.inferred)
          << " (stated: " << escape_xml(v.label) << ")</p>\n";
    }
    // Causes, effects and responses (whichever side wrote the link), then the ordering links.
    for (const link_group& g : linked[v.index])
      out << "<p class=\"note\"><b>" << link_heading(g.words) << ":</b> " << joined_links(g.events) << "</p>\n";
    for (const shown_link& l : v.links) {
      if (is_followed(l.kind)) continue;
      out << "<p class=\"note\"><b>" << link_heading(link_words(l.kind)) << ":</b> "
          << (l.target ? title_link(*l.target) : escape_xml(l.target_id)) << "</p>\n";
    }
    for (const shown_link& l : v.linked_by) {  // "Has part", "Before": ordering links read from this side
      if (is_followed(l.kind)) continue;
      out << "<p class=\"note\"><b>" << link_heading(link_words(l.kind, false)) << ":</b> " << title_link(*l.target)
          << "</p>\n";
    }
    write_cited(out, v, with_notes ? &notes : nullptr);
    out << "</div>\n</article>\n";
  }
  if (in_era) out << "</section>\n";
  out << "</section>\n";
  write_notes(out, p, notes);
  out << "<footer>Made with annals";
  if (!p.files().empty()) {
    out << " from ";
    // The file's name alone: the page must not depend on where it was made.
    for (std::size_t k = 0; k < p.files().size(); ++k) {
      const std::string& path = p.files()[k].path;
      out << (k ? ", " : "") << escape_xml(path.substr(path.find_last_of('/') + 1));
    }
  }
  out << ". Each date is drawn with the whole range it allows.</footer>\n</main>\n";
  write_facets(out, {{{"actor", &actors}, {"kind", &kinds}, {"tag", &tags}, {"place", &places}, {"era", &eras}}});
  out << "<script>" << page_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace annals
