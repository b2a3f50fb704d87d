#pragma once

// The factories of the format table in render.cpp; one render_<format>.cpp each.

#include <memory>

#include "annals/render.hpp"

namespace annals {

std::unique_ptr<renderer> make_text_renderer();
std::unique_ptr<renderer> make_markdown_renderer();
std::unique_ptr<renderer> make_json_renderer();
std::unique_ptr<renderer> make_csv_renderer();
std::unique_ptr<renderer> make_dot_renderer();
std::unique_ptr<renderer> make_mermaid_renderer();
std::unique_ptr<renderer> make_ics_renderer();
std::unique_ptr<renderer> make_html_renderer();
std::unique_ptr<renderer> make_svg_renderer();
std::unique_ptr<renderer> make_timelinejs_renderer();

}  // namespace annals
