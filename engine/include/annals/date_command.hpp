#pragma once

// The engine side of `annals date TEXT... [--reference] [--calendar] [--tz] [--format]`
// (SPEC §6), and the JSON form of a date that renderers reuse.

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "annals/temporal.hpp"

namespace annals {

/// The options of `annals date`, as given on the command line.
struct date_options {
  std::string reference;        // --reference DATE; "" = `today`
  std::string calendar;         // --calendar gregorian|julian|solar_hijri|islamic; "" = gregorian
  std::string timezone;         // --tz ZONE; "" = none
  std::string format = "text";  // --format text|json
};

/// What a command prints and its exit status.
struct command_output {
  std::string out;  // standard output
  std::string err;  // standard error
  int status = 0;   // 0 every text read, 1 some text failed, 2 usage error (bad option value)
};

/// `annals date`: normalizes each text against the options. `today` anchors relative
/// phrases when there is no --reference (the engine reads no clock).
command_output run_date_command(const std::vector<std::string>& texts, const date_options& options,
                                std::chrono::sys_days today);

/// One member of a date's JSON form: its name and its value as JSON text (`"2015-11-23"`,
/// `null`, `false`).
struct date_json_field {
  std::string_view name;
  std::string value;
};

/// The members of `date --format json` for one date, in order: `"earliest":"2015-11-23",
/// "latest":"2015-11-23","precision":"day","approximate":false,"uncertain":false,
/// "interval":false,"calendar":"gregorian"`; open ends are null.
std::array<date_json_field, 7> date_json_fields(const temporal_value& v);

/// A date in words for terminals: "from 2015-12-11 to 2015-12-20, to the day".
std::string describe_date(const temporal_value& v);


}  // namespace annals
