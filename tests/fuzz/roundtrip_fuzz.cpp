// libFuzzer target: `annals date` round trips. A text is normalized and printed as
// `annals date --format json` prints it; the printed bounds, joined as an EDTF
// interval `EARLIEST/LATEST` (`..` for an open end), must normalize to the same
// earliest and latest instants.
//
// "Print" is the JSON's `earliest` and `latest`: `format_bound` at the date's
// precision. That form is exact, and so asserted, when
//   - the precision is finer than a day (a UTC timestamp to the second), or
//   - the bounds fall on UTC day boundaries (earliest at 00:00:00, latest at 23:59:59),
//     which is every day-or-coarser date without a time of day;
// and at least one end is bounded (`../..` is no EDTF). A day-or-coarser date whose
// bounds are not on UTC days cannot occur from text today; such values are skipped,
// not asserted, since a bare date prints no time.

#include <nlohmann/json.hpp>

#include <string>

#include "annals/date_command.hpp"
#include "annals/temporal.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr std::int64_t seconds_per_day = 86400;

bool starts_day(annals::instant t) {
  const auto s = t.time_since_epoch().count();
  return ((s % seconds_per_day) + seconds_per_day) % seconds_per_day == 0;
}

bool ends_day(annals::instant t) { return starts_day(t + std::chrono::seconds{1}); }

// The bound as the JSON printed it: a string, or null for an open end.
std::string printed(const nlohmann::json& bound) { return bound.is_null() ? ".." : bound.get<std::string>(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string text(annals::fuzz::as_text(data, size));
  if (text.find('\n') != std::string::npos) return 0;  // one TEXT is one command-line word
  annals::date_options options;
  options.reference = "2015-11-25";
  options.timezone = "Asia/Tehran";
  options.format = "json";
  const annals::command_output out = annals::run_date_command({text}, options, annals::fuzz::reference);
  const auto json = nlohmann::json::parse(out.out, nullptr, false);
  FUZZ_CHECK(!json.is_discarded());
  if (json.contains("error")) {
    FUZZ_CHECK(out.status == 1);
    return 0;
  }
  FUZZ_CHECK(out.status == 0);

  // The value itself, to decide whether the printed form is exact.
  annals::date_context context;
  context.reference = annals::fuzz::reference;
  context.timezone = options.timezone;
  const annals::date_result r = annals::normalize_date(text, context);
  FUZZ_CHECK(r.ok());
  const annals::temporal_value& v = r.value;
  if (!v.bounded_start() && !v.bounded_end()) return 0;
  const bool fine = v.prec < annals::precision::day;
  const bool on_days = (!v.bounded_start() || starts_day(v.earliest)) && (!v.bounded_end() || ends_day(v.latest));
  if (!fine && !on_days) return 0;

  const std::string again_text = printed(json.at("earliest")) + "/" + printed(json.at("latest"));
  const annals::date_result again = annals::normalize_date(again_text, annals::date_context{});
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
