#include "output/diagnostic_json.hpp"

namespace annals {

std::pair<std::uint32_t, std::uint32_t> range_end(const diagnostic& d) {
  if (d.end_line == 0) return {d.line, d.column};
  return {d.end_line, d.end_column};
}

void write_diagnostic(json_writer& w, const diagnostic& d) {
  const auto [end_line, end_column] = range_end(d);
  w.begin_object();
  w.field("file").string(display_text(d.file));
  w.field("line").number(d.line);
  w.field("column").number(d.column);
  w.field("end_line").number(end_line);
  w.field("end_column").number(end_column);
  w.field("severity").string(to_string(d.level));
  w.field("code").string(d.code);
  w.field("message").string(display_text(d.message));
  w.field("hint").string(display_text(d.hint));
  w.end_object();
}

}  // namespace annals
