// libFuzzer target: every registered renderer on loaded timelines. The bytes are a
// timeline file; when it validates, each format renders it (twice, with both lane
// keys and with colour) and the output must be well formed: the same bytes twice,
// JSON formats parse (json laid out exactly as nlohmann would dump it), and no user text
// opens markup: HTML and SVG hold exactly the `<script` elements the page itself brings,
// and no attribute value is a `javascript:` URL.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>

#include "annals/memory_reader.hpp"
#include "annals/render.hpp"
#include "annals/validate.hpp"
#include "fuzz_check.hpp"

namespace {

std::size_t count_ci(std::string_view text, std::string_view needle) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t n = 0;
  for (auto at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) ++n;
  return n;
}

annals::validation load(std::string_view text) {
  annals::memory_reader reader;
  reader.add("input", std::string(text));
  annals::load_options options;
  options.reference = annals::fuzz::reference;
  return annals::validate({"input"}, reader, options);
}

std::string render(const annals::renderer_entry& format, const annals::validation& v,
                   const annals::render_options& options) {
  std::ostringstream out;
  annals::render_report report;
  annals::render(format, v.loaded.tl, v.chron, options, out, report);
  return out.str();
}

bool is_json(std::string_view name) { return name == "json" || name == "timelinejs"; }
bool is_markup(std::string_view name) { return name == "html" || name == "svg"; }

// How often a format writes `needle` for a plain timeline: its own markup, not the user's.
std::size_t own_count(const annals::renderer_entry& format, std::string_view needle) {
  static const annals::validation plain = load(
      "timeline: plain\ntitle: Plain\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  return count_ci(render(format, plain, {}), needle);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const annals::validation v = load(annals::fuzz::as_text(data, size));
  if (!v.valid(false)) return 0;  // the command line renders only valid timelines
  annals::render_options by_kind;
  by_kind.lanes = annals::render_options::lane_key::kind;
  by_kind.color = true;
  by_kind.width = 40;
  for (const annals::renderer_entry& format : annals::renderers()) {
    if (format.unavailable) continue;  // pictures: librsvg draws annals' own SVG, which is fuzzed here
    const std::string out = render(format, v, {});
    FUZZ_CHECK(render(format, v, {}) == out);  // deterministic
    const std::string other = render(format, v, by_kind);
    if (is_json(format.name)) {
      FUZZ_CHECK(!nlohmann::json::parse(out, nullptr, false).is_discarded());
      FUZZ_CHECK(!nlohmann::json::parse(other, nullptr, false).is_discarded());
    }
    if (format.name == "json") {  // written by hand, byte for byte as nlohmann dumps it
      const auto doc = nlohmann::ordered_json::parse(out, nullptr, false);
      FUZZ_CHECK(!doc.is_discarded() && doc.dump(2) + "\n" == out);
    }
    if (is_markup(format.name)) {
      for (const std::string* o : {&out, &other}) {
        FUZZ_CHECK(count_ci(*o, "<script") == own_count(format, "<script"));
        // A link target is an attribute value: text may say "javascript:", an attribute may not.
        FUZZ_CHECK(count_ci(*o, "=\"javascript:") == own_count(format, "=\"javascript:"));
        FUZZ_CHECK(count_ci(*o, "='javascript:") == own_count(format, "='javascript:"));
      }
    }
  }
  return 0;
}
