#pragma once

// How labels are shown: the options every command that prints dates takes (--tz, --style).

#include <cstdint>
#include <optional>
#include <string_view>

#include "annals/temporal.hpp"

namespace annals {

/// The style Julian dates are labelled in. `as_written`: "25 Oct 1917 (Julian) = 7 Nov 1917";
/// `old_new_style` (`--style os-ns`), as English histories write them: "25 Oct 1917 O.S. =
/// 7 Nov 1917 N.S.". Dates of every other calendar read the same in both.
enum class label_style : std::uint8_t { as_written, old_new_style };

/// `--style NAME` ("as-written", "os-ns"), or nullopt for a name that is none.
inline std::optional<label_style> find_label_style(std::string_view name) {
  if (name.empty() || name == "as-written") return label_style::as_written;
  if (name == "os-ns") return label_style::old_new_style;
  return std::nullopt;
}

/// How labels are shown. `tz`: the zone times of day are shown in; none keeps each date's
/// writer's clock (its zone, or the UTC offset written with it); a zone (`--tz`; UTC is
/// the zone "UTC") shows every timed date there. Dates of a day or coarser never move: a
/// day is a day in its writer's calendar. `style`: how Julian dates are labelled.
struct shown_zone {
  std::optional<zone> tz;
  label_style style = label_style::as_written;

  shown_zone() = default;
  shown_zone(std::nullopt_t) {}
  shown_zone(std::optional<zone> z, label_style s = label_style::as_written) : tz(z), style(s) {}
  shown_zone(zone z) : tz(z) {}
};

}  // namespace annals
