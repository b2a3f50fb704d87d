// libFuzzer target: `annals date` round trips. A text is normalized and printed as
// `annals date --format json` prints it; the printed bounds, joined as an EDTF
// interval `EARLIEST/LATEST` (`..` for an open end), must normalize to the same
// earliest and latest instants.
//
// "Print" is the JSON's `earliest` and `latest`: `format_bound` at the date's
// precision. That form is exact, and so asserted, when
//   - the precision is finer than a day (a UTC timestamp to the second), or
//   - the bounds fall where the days they print begin and end in the date's zone
//     (a calendar day is that day where its writer is), which is every day-or-coarser
//     date without a time of day;
// and at least one end is bounded (`../..` is no EDTF). The printed form is read back
// in the same zone. A day-or-coarser date whose bounds are not on its zone's days
// cannot occur from text today; such values are skipped, not asserted, since a bare
// date prints no time.

#include <nlohmann/json.hpp>

#include <string>

#include <sstream>

#include "annals/commands.hpp"
#include "annals/temporal.hpp"
#include "fuzz_check.hpp"

namespace {

// Whether `t` is where the day it falls on begins (or, `end`, ends) in the value's zone.
bool on_day_edge(annals::instant t, const annals::temporal_value& v, const annals::date_context& context, bool end) {
  const annals::date_result day = annals::normalize_date(annals::format_bound(t, annals::precision::day, v.tz), context);
  return day.ok() && (end ? day.value.latest : day.value.earliest) == t;
}

// The bound as the JSON printed it: a string, or null for an open end.
std::string printed(const nlohmann::json& bound) { return bound.is_null() ? ".." : bound.get<std::string>(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string text(annals::fuzz::as_text(data, size));
  if (text.find('\n') != std::string::npos) return 0;  // one TEXT is one command-line word
  annals::date_args args;
  args.texts = {text};
  args.reference = "2015-11-25";
  args.timezone = "Asia/Tehran";
  args.format = "json";
  std::ostringstream out, err;
  const annals::outcome status = annals::run_date(args, annals::fuzz::reference, out, err);
  const auto json = nlohmann::json::parse(out.str(), nullptr, false);
  FUZZ_CHECK(!json.is_discarded());
  if (json.contains("error")) {
    FUZZ_CHECK(status == annals::outcome::input_error);
    return 0;
  }
  FUZZ_CHECK(status == annals::outcome::ok);

  // The value itself, to decide whether the printed form is exact.
  annals::date_context context;
  context.reference = annals::fuzz::reference;
  context.timezone = args.timezone;
  const annals::date_result r = annals::normalize_date(text, context);
  FUZZ_CHECK(r.ok());
  const annals::temporal_value& v = r.value;
  if (!v.bounded_start() && !v.bounded_end()) return 0;
  const bool fine = v.prec < annals::precision::day;
  const bool on_days = (!v.bounded_start() || on_day_edge(v.earliest, v, context, false)) &&
                       (!v.bounded_end() || on_day_edge(v.latest, v, context, true));
  if (!fine && !on_days) return 0;

  const std::string again_text = printed(json.at("earliest")) + "/" + printed(json.at("latest"));
  // Read back where it was written: dates are calendar days in the zone, times UTC.
  const annals::date_result again = annals::normalize_date(again_text, context);
  if (!again.ok()) {
    std::fprintf(stderr, "'%s' printed as '%s', which does not read back: %s\n", text.c_str(), again_text.c_str(),
                 again.error->message.c_str());
  }
  FUZZ_CHECK(again.ok());
  if (again.value.earliest != v.earliest || again.value.latest != v.latest) {
    std::fprintf(stderr, "'%s' printed as '%s' reads back as '%s/%s'\n", text.c_str(), again_text.c_str(),
                 annals::format_bound(again.value.earliest, annals::precision::second).c_str(),
                 annals::format_bound(again.value.latest, annals::precision::second).c_str());
  }
  FUZZ_CHECK(again.value.earliest == v.earliest);
  FUZZ_CHECK(again.value.latest == v.latest);
  return 0;
}
