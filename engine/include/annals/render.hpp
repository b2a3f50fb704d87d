#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/shown.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// How a timeline is drawn; one struct for every format (bloaty's OutputOptions).
struct render_options {
  enum class lane_key : std::uint8_t { actor, kind };
  lane_key lanes = lane_key::actor;  // html/svg: one lane per actor or per kind
  enum class layout_kind : std::uint8_t { horizontal, vertical };
  layout_kind layout = layout_kind::horizontal;  // html, png, pdf: a time axis across, or one column down the page
  bool color = false;                // text: ANSI colour (a terminal without NO_COLOR)
  std::size_t width = 80;            // text: wrap column
  std::optional<instant> from, to;   // the window --from/--to asked for: the eras shown overlap it
  shown_zone shown;                  // --tz: every time of day shown in this zone (UTC is the zone "UTC"),
                                     // none: each in its writer's; days never move; machine bounds stay UTC.
                                     // --style: how Julian dates are labelled
  std::vector<std::pair<std::string, std::string>> embedded;  // html: media url → data: URI (--embed-media), sorted by url
};

/// Which events a render shows; every given field must match.
struct render_filter {
  std::optional<instant> from;  // events that can end at or after this
  std::optional<instant> to;    // events that can begin at or before this
  std::vector<std::string> kinds, actors, places, tags;
};

/// What a render could not show: a line per event that the format cannot hold, for
/// standard error (every event is in every output, or named here).
struct render_report {
  std::vector<std::string> warnings;
};

class presentation;  // the events as every format shows them (engine/src/output/presentation.hpp)

/// A row of the format table that feeds `--format` and its help.
struct renderer_entry {
  std::string_view name;
  std::string_view description;
  void (*write)(const presentation& p, std::ostream& out);  // the format's syntax
  /// What the format needs that the timeline lacks, as an error message; nullptr or
  /// nullopt: it can render any timeline. `render` refuses to write then (exit 1).
  std::optional<std::string> (*missing)(const timeline& tl) = nullptr;
};

/// Every format, in the order `--help` lists them.
std::span<const renderer_entry> renderers();

/// The format named `name`, or nullptr.
const renderer_entry* find_renderer(std::string_view name);

/// `chron` restricted to the events `filter` selects (order kept). Within one field the
/// names are alternatives (`--actor a --actor b`: either); fields combine with "and".
/// `from`/`to` compare with the inferred bounds when ordering gave them.
chronology apply_filter(const timeline& tl, chronology chron, const render_filter& filter);

/// The filter options as the command line gives them.
struct filter_args {
  std::string from, to;  // date texts; "" = not given
  std::vector<std::string> kinds, actors, places, tags;
};

/// A filter built from its command-line texts, or why a date could not be read.
struct filter_result {
  render_filter filter;
  std::optional<date_error> error;  // of the date in `error_option`
  std::string error_option;         // "--from" or "--to"
};

/// Reads `--from` (its earliest instant) and `--to` (its latest) like event dates,
/// against `context` (reference, timezone); copies the id lists.
filter_result make_filter(const filter_args& args, const date_context& context);

/// Writes the events of `chron.order` (already filtered) in `format` to `out`; the
/// events the format cannot hold go to `report`.
void render(const renderer_entry& format, const timeline& tl, const chronology& chron, const render_options& options,
            std::ostream& out, render_report& report);

/// Renders with the format `name` into a string; an unknown name gives nullopt.
std::optional<std::string> render_to_string(std::string_view name, const timeline& tl, const chronology& chron,
                                            const render_options& options, render_report* report = nullptr);

}  // namespace annals
