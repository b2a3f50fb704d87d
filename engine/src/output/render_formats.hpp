#pragma once

// The writers of the format table in render.cpp; one render_<format>.cpp each.

#include <iosfwd>

#include "output/presentation.hpp"

namespace annals {

void write_text(const presentation& p, std::ostream& out);
void write_markdown(const presentation& p, std::ostream& out);
void write_json(const presentation& p, std::ostream& out);
void write_csv(const presentation& p, std::ostream& out);
void write_html(const presentation& p, std::ostream& out);
void write_svg(const presentation& p, std::ostream& out);
void write_dot(const presentation& p, std::ostream& out);
void write_mermaid(const presentation& p, std::ostream& out);
void write_ics(const presentation& p, std::ostream& out);
void write_timelinejs(const presentation& p, std::ostream& out);
void write_postmortem(const presentation& p, std::ostream& out);
void write_png(const presentation& p, std::ostream& out);
void write_pdf(const presentation& p, std::ostream& out);
/// Why a timeline has no postmortem (no impact start), or nullopt.
std::optional<std::string> postmortem_missing(const timeline& tl);

}  // namespace annals
