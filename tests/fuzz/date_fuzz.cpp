// libFuzzer target: the date normalizer (EDTF and English) and the duration reader on
// arbitrary text, in every calendar, with and without a reference and a zone. A date
// either normalizes to a non-empty interval or fails with a coded error at an offset
// inside the text; whatever normalizes prints (bounds, words, JSON) without trouble.

#include <nlohmann/json.hpp>

#include <string>

#include "annals/commands.hpp"
#include "annals/duration.hpp"
#include "annals/temporal.hpp"
#include "fuzz_check.hpp"

namespace {

void check_date(std::string_view text, const annals::date_context& context) {
  const annals::date_result r = annals::normalize_date(text, context);
  if (!r.ok()) {
    FUZZ_CHECK(!r.error->code.empty() && !r.error->message.empty());
    FUZZ_CHECK(r.error->offset <= text.size());
    return;
  }
  const annals::temporal_value& v = r.value;
  FUZZ_CHECK(v.ok());
  // The calendar the text names ("(Julian)", "AH", "O.S.", one per end of a range), else
  // the context's: always one annals knows.
  FUZZ_CHECK(!annals::to_string(v.cal).empty());
  const std::string first = annals::format_bound(v.earliest, v.prec, v.tz);
  const std::string last = annals::format_bound(v.latest, v.prec, v.tz);
  FUZZ_CHECK(!first.empty() && !last.empty());
  FUZZ_CHECK(!annals::describe_date(v).empty());  // the words and the label
}

void check_duration(std::string_view text) {
  const auto d = annals::parse_duration(text);
  if (!d) return;
  // ISO 8601 is the exact form: reading it back gives the same duration.
  const std::string iso = annals::to_iso(*d);
  const auto again = annals::parse_duration(iso);
  FUZZ_CHECK(again && *again == *d);
  FUZZ_CHECK(!annals::to_english(*d).empty());
  const annals::instant t{std::chrono::sys_days{std::chrono::year{2015} / 11 / 23}};
  (void)annals::add(t, *d);
  (void)annals::subtract(t, *d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string_view text = annals::fuzz::as_text(data, size);
  annals::date_context context;
  context.reference = annals::fuzz::reference;
  context.timezone = "Asia/Tehran";
  for (const auto cal : {annals::calendar::gregorian, annals::calendar::julian, annals::calendar::solar_hijri,
                         annals::calendar::islamic}) {
    context.cal = cal;
    check_date(text, context);
  }
  check_date(text, annals::date_context{});  // no reference, no zone
  annals::date_context narrative;  // history prose against a year-only reference: 489 BC
  narrative.mode = annals::reading::narrative;
  narrative.reference = std::chrono::sys_days{std::chrono::year{-488} / 1 / 1};
  narrative.reference_last = std::chrono::sys_days{std::chrono::year{-488} / 12 / 31};
  narrative.reference_prec = annals::precision::year;
  check_date(text, narrative);
  check_duration(text);
  return 0;
}
