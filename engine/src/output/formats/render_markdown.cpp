// markdown: a document to paste into a report: year headings, an entry per event,
// sources as links.

#include <algorithm>
#include <ostream>

#include "model/link_table.hpp"
#include "output/citations.hpp"
#include "output/escape.hpp"
#include "output/render_formats.hpp"

namespace annals {

namespace {

// "  - sources: Browne 1910, p. 201[^1]; Kazemzadeh 1968[^2]": each citation's short form
// and its note's number (output/citations.hpp).
// Without notes (cites_with_notes): "  - sources: [Title](url), Title".
void write_cited(std::ostream& out, const event_view& v, note_numbers* notes) {
  out << "  - source" << (v.sources.size() > 1 ? "s" : "") << ": ";
  for (std::size_t i = 0; i < v.sources.size(); ++i) {
    const shown_source& s = v.sources[i];
    out << (i ? (notes ? "; " : ", ") : "") << markdown_link(s.cited, s.url);
    if (notes) out << "[^" << notes->number(s.src, s.id, s.at).first << ']';
  }
  out << '\n';
}

// The sources cited, by author (or title), then the notes, numbered.
void write_bibliography(std::ostream& out, const presentation& p, const std::vector<symbol>& cited,
                        const note_numbers& notes) {
  std::vector<std::pair<std::string, symbol>> sorted;  // by author or title; without notes, as first cited
  for (symbol s : cited)
    sorted.emplace_back(notes.notes().empty() ? std::string() : bibliography_key(p.find_source(s), p.name(s)), s);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out << "\n## Sources\n\n";
  for (const auto& [key, s] : sorted) {
    const source* src = p.find_source(s);
    const std::string_view url = src && is_safe_url(src->url) ? std::string_view(src->url) : "";
    if (notes.notes().empty()) {  // as before citations had pages: the title, linked, and its date
      out << "- " << markdown_link(src && !src->title.empty() ? std::string_view(src->title) : p.name(s), url);
      if (src && !src->date.empty()) out << " (" << escape_markdown(src->date) << ")";
      out << '\n';
      continue;
    }
    const bibliography_entry b = full_citation(src, p.name(s));
    // The tail's first '.' follows the title: no list marker to escape there.
    out << "- " << escape_markdown(b.lead) << markdown_link(b.title, url) << b.tail.front()
        << escape_markdown(std::string_view(b.tail).substr(1)) << '\n';
  }
  if (notes.notes().empty()) return;
  out << '\n';
  for (std::size_t k = 0; k < notes.notes().size(); ++k)
    out << "[^" << k + 1 << "]: " << escape_markdown(notes.notes()[k].second) << '\n';
}

}  // namespace

void write_markdown(const presentation& p, std::ostream& out) {
  note_numbers notes;
  const bool with_notes = cites_with_notes(p.tl);
  out << "# " << escape_markdown(p.title(" + ", "Chronology")) << "\n\n";
  if (p.size() == 0) {
    out << "No events.\n";
    return;
  }
  out << p.size() << (p.size() == 1 ? " event" : " events") << ", " << escape_markdown(p.span()) << ".\n";

  std::optional<std::string> year_heading;
  std::vector<symbol> cited;
  // Era sections (presentation::era_section): "## Era: …" names the eras in force and
  // holds its years as "###"; what no era holds has its years as "##", outside them all.
  const auto& sections = p.sections();
  std::size_t next_section = 0;
  bool in_era = false;
  const auto open_sections = [&](std::size_t k) {
    for (; next_section < sections.size() && sections[next_section].first == k; ++next_section) {
      const presentation::era_section& s = sections[next_section];
      in_era = !s.eras.empty();
      if (in_era) out << "\n## Era: " << escape_markdown(p.eras_heading(s.eras)) << "\n";
      if (in_era && s.first == s.last) out << "\nNo events.\n";
      year_heading.reset();
    }
  };
  for (std::size_t k = 0; k < p.size(); ++k) {
    open_sections(k);
    const event_view v = p.view(k);
    const event& e = *v.e;
    if (v.gap_before) out << "\n*" << *v.gap_before << "*\n";
    if (v.heading != year_heading) {
      out << (in_era ? "\n### " : "\n## ") << escape_markdown(v.heading) << "\n\n";
      year_heading = v.heading;
    }
    out << "- **" << escape_markdown(presentation::with_offset(v)) << "** — " << escape_markdown(e.title) << '\n';
    std::string who = p.who(v.index);
    if (e.place != no_symbol) who += (who.empty() ? "" : " · ") + p.place_name(e.place, v.index);
    if (!who.empty()) out << "  - *" << escape_markdown(who) << "*\n";
    if (!v.marks.empty()) out << "  - ⚑ **" << escape_markdown(v.marks) << "**\n";  // milestone, update, action item
    if (!v.relation.empty()) out << "  - as written: " << escape_markdown(v.relation) << '\n';
    if (const std::string r = p.readings(e); !r.empty()) out << "  - dated by source: " << escape_markdown(r) << '\n';
    if (!e.description.empty()) out << "  - " << escape_markdown(e.description) << '\n';
    if (const media_item* m = v.media) {
      out << "  - ";
      if (!m->url.empty()) out << '!' << markdown_link(m->alt, m->url) << ' ';
      if (!m->caption.empty()) out << '*' << escape_markdown(m->caption) << '*';
      if (!m->credit.empty()) out << " (" << escape_markdown(m->credit) << ')';
      out << '\n';
    }
    for (const shown_link& l : v.links) {
      out << "  - " << link_words(l.kind) << ' ' << escape_markdown(l.target_id) << '\n';
    }
    for (const shown_link& l : v.linked_by) {
      out << "  - " << link_words(l.kind, false) << ' ' << escape_markdown(l.target_id) << '\n';
    }
    if (!v.inferred.empty()) out << "  - inferred from links: " << escape_markdown(v.inferred) << '\n';
    if (v.order_uncertain) out << "  - order uncertain\n";
    if (!v.sources.empty()) write_cited(out, v, with_notes ? &notes : nullptr);
    for (symbol s : e.sources) {
      if (std::find(cited.begin(), cited.end(), s) == cited.end()) cited.push_back(s);
    }
  }
  open_sections(p.size());

  if (!cited.empty()) write_bibliography(out, p, cited, notes);
}

}  // namespace annals
