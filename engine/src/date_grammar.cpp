#include "date_grammar.hpp"
#include "spans.hpp"
namespace annals::detail {
date_result parse_english(std::string_view text, const date_context&) {
  date_result r; r.error = make_error("unparsed-date", "todo " + quoted(text), "", 0); return r;
}
}
