#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>
#include <nlohmann/json.hpp>

#include "annals/render.hpp"
#include "time/civil.hpp"
#include "output/render_common.hpp"
#include "render_fixture.hpp"

using namespace annals;
using annals::testing::make_fixture;

namespace {

instant day(std::int64_t y, unsigned m, unsigned d) { return civil::day_start(civil::days_from_civil(y, m, d)); }

std::string render(std::string_view format, const testing::fixture& f, render_options options = {}) {
  auto out = render_to_string(format, f.tl, f.chron, options);
  REQUIRE(out);
  return *out;
}

std::vector<std::string> ids(const timeline& tl, const chronology& c) {
  std::vector<std::string> v;
  for (auto i : c.order) v.emplace_back(tl.names.name(tl.events[i].id));
  return v;
}

}  // namespace

TEST_CASE("the format table lists each format once and finds it by name", "[render]") {
  std::vector<std::string_view> names;
  for (const renderer_entry& e : renderers()) {
    CHECK_FALSE(e.description.empty());
    CHECK(std::find(names.begin(), names.end(), e.name) == names.end());
    names.push_back(e.name);
  }
  for (std::string_view n : {"text", "markdown", "json", "csv", "ics", "dot", "mermaid"}) {
    REQUIRE(find_renderer(n) != nullptr);
    CHECK(find_renderer(n)->name == n);
  }
  CHECK(renderers().front().name == "text");  // the default comes first
  CHECK(find_renderer("gif") == nullptr);
  CHECK_FALSE(render_to_string("gif", {}, {}, {}));
}

TEST_CASE("filters keep the events that match every given field, in order", "[render][filter]") {
  const auto f = make_fixture();
  const auto all = ids(f.tl, f.chron);
  SECTION("no filter keeps everything") { CHECK(ids(f.tl, apply_filter(f.tl, f.chron, {})) == all); }
  SECTION("kind") {
    render_filter r;
    r.kinds = {"visit"};
    CHECK(ids(f.tl, apply_filter(f.tl, f.chron, r)) == std::vector<std::string>{"putin-tehran-2007", "putin-tehran-2015"});
  }
  SECTION("actor, place and tag") {
    render_filter r;
    r.actors = {"rouhani", "nobody"};
    CHECK(ids(f.tl, apply_filter(f.tl, f.chron, r)) == std::vector<std::string>{"putin-tehran-2015"});
    r = {};
    r.places = {"tehran"};
    r.tags = {"energy"};
    CHECK(ids(f.tl, apply_filter(f.tl, f.chron, r)) == std::vector<std::string>{"putin-tehran-2015"});
  }
  SECTION("from and to keep every event that can overlap the range") {
    render_filter r;
    r.from = day(2015, 11, 23);
    r.to = day(2015, 11, 24) - std::chrono::seconds{1};
    CHECK(ids(f.tl, apply_filter(f.tl, f.chron, r)) ==
          std::vector<std::string>{"years", "week", "putin-tehran-2015", "ban-lifted", "disputed", "talks", "deal", "december"});
    r = {};
    r.to = day(1600, 1, 1);
    CHECK(ids(f.tl, apply_filter(f.tl, f.chron, r)) ==
          std::vector<std::string>{"caesar-rises", "caesar", "ides", "script", "renaissance"});
  }
  SECTION("an unknown name selects nothing") {
    render_filter r;
    r.kinds = {"no-such-kind"};
    CHECK(apply_filter(f.tl, f.chron, r).order.empty());
  }
}

TEST_CASE("every format gives the same bytes for the same input", "[render]") {
  const auto f = make_fixture();
  for (const renderer_entry& e : renderers()) {
    INFO(e.name);
    CHECK(render(e.name, f) == render(e.name, make_fixture()));
  }
}

TEST_CASE("every format renders an empty selection without failing", "[render]") {
  auto f = make_fixture();
  f.chron.order.clear();
  for (const renderer_entry& e : renderers()) {
    INFO(e.name);
    CHECK_NOTHROW(render(e.name, f));
  }
}

TEST_CASE("text marks links, inferred bounds, uncertain order and long gaps", "[render][text]") {
  const std::string out = render("text", make_fixture());
  CHECK(out.find("← caused by putin-tehran-2015") != std::string::npos);
  CHECK(out.find("— about 1541 to 1544 years later —") != std::string::npos);
  CHECK(out.find("inferred from links: 23–30 Nov 2015") != std::string::npos);
  CHECK(out.find("order uncertain") != std::string::npos);
  CHECK(out.find("\n2015\n    c. 2015 – 2016") != std::string::npos);
  CHECK(out.find("\n  Nov\n    18–25 Nov 2015") != std::string::npos);
  CHECK(out.find("26 Nov 2015") != std::string::npos);  // the relative date, resolved
  CHECK(out.find("as written: 3 days after 'putin-tehran-2015'") != std::string::npos);
  CHECK(out.find("\x1b[") == std::string::npos);
}

TEST_CASE("text wraps to the width and colours only when asked", "[render][text]") {
  render_options o;
  o.width = 50;
  // Lines split by hand: clang 14 (the sanitizer build) cannot compile libstdc++ 12's views::split.
  const std::string text = render("text", make_fixture(), o);
  for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
    end = std::min(text.find('\n', start), text.size());
    const std::string_view line(text.data() + start, end - start);
    INFO(line);
    CHECK(display_width(line) <= 50);
  }
  o.color = true;
  CHECK(render("text", make_fixture(), o).find("\x1b[1m") != std::string::npos);
}

// Issue 23: at 80 columns CJK lines reached 117 columns and emoji lines 110.
TEST_CASE("text wraps CJK, emoji, combining marks and long tokens within the terminal's columns", "[render][text]") {
  auto f = make_fixture();
  REQUIRE(f.tl.events.size() >= 4);
  // The titles are views: the strings they view live as long as the fixture.
  std::string cjk, emoji, marks;
  const std::string token = "see https://example.org/" + std::string(200, 'x') + "/index.html";
  std::string mixed;
  for (int k = 0; k < 6; ++k) cjk += "普京总统抵达德黑兰，出席天然气输出国论坛峰会。";
  for (int k = 0; k < 12; ++k) emoji += "talks 🤝 deal 🇮🇷🇷🇺 ❤️ 👨‍👩‍👧 ";
  for (int k = 0; k < 30; ++k) marks += "Cafe\u0301 ";
  f.tl.events[0].title = cjk;
  f.tl.events[1].title = emoji;
  f.tl.events[2].title = marks;
  f.tl.events[3].title = token;
  mixed = "Mixed: Путин 普京 تهران 😀 e\u0301te\u0301 " + cjk;
  f.tl.events[3].description = mixed;
  for (std::size_t width : {80u, 41u}) {
    render_options o;
    o.width = width;
    const std::string text = render("text", f, o);
    std::size_t widest = 0;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
      end = std::min(text.find('\n', start), text.size());
      const std::string_view line(text.data() + start, end - start);
      INFO(line);
      CHECK(display_width(line) <= width);
      widest = std::max(widest, display_width(line));
    }
    CHECK(widest >= width - 2);  // the lines are filled, not cut short
    CHECK(text.find("普京总统") != std::string::npos);
    CHECK(text.find("👨‍👩‍👧") != std::string::npos);  // a ZWJ sequence is never split
  }
}

TEST_CASE("text drops terminal escape sequences from user text", "[render][text][escape]") {
  auto f = make_fixture();
  f.tl.events[0].title = "evil \x1b]0;pwned\x07 \xC2\x9B" "31m title";
  const std::string out = render("text", f);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("evil ]0;pwned 31m title") != std::string::npos);
}

TEST_CASE("json gives every event in order with its date, inferred bounds and links", "[render][json]") {
  const auto f = make_fixture();
  const auto doc = nlohmann::json::parse(render("json", f));
  REQUIRE(doc["events"].size() == f.chron.order.size());
  const auto event = [&](std::string_view id) {
    for (const auto& e : doc["events"]) {
      if (e["id"] == id) return e;
    }
    FAIL("no event " << id);
    return nlohmann::json{};
  };
  CHECK(doc["events"][0]["id"] == "caesar-rises");  // an open start falls at the start of the year it ends in
  CHECK(doc["events"][0]["date"]["earliest"].is_null());
  CHECK(doc["events"][0]["date"]["start"]["bound"] == "open");
  CHECK(event("caesar")["date"]["earliest"] == "-0043-01-01");
  const auto deal = event("deal");
  CHECK(deal["date"]["inferred"] == nlohmann::json{{"earliest", "2015-11-23"}, {"latest", "2015-11-30"}});
  CHECK(deal["links"] == nlohmann::json::parse(R"([{"kind": "after", "target": "putin-tehran-2015"}])"));
  CHECK(event("talks")["date"]["earliest"] == "2015-11-23T10:30:00Z");
  CHECK(event("talks")["date"]["label"] == "23 Nov 2015 14:00 +0330");
  SECTION("a relative date carries its relation and its resolved bounds") {
    const auto follow = event("follow-up")["date"];
    CHECK(follow["earliest"] == "2015-11-26");
    CHECK(follow["latest"] == "2015-11-26");
    CHECK(follow["label"] == "26 Nov 2015");
    CHECK(follow["relative"] == nlohmann::json{{"relation", "after"}, {"anchor", "putin-tehran-2015"}, {"by", "P3D"}});
  }
  SECTION("hostile titles survive as the same text") {
    CHECK(event("script")["title"] == "<script>alert(1)</script>");
    CHECK(event("ban-lifted")["title"] == "Decree lifts the ban, \"on goods\"; with a back\\slash");
  }
}

TEST_CASE("json is laid out byte for byte as nlohmann dumps the same document", "[render][json]") {
  // The renderer writes the text itself; the approved outputs were nlohmann's dump(2).
  const auto same_as_dump = [](const std::string& out) {
    CHECK(out == nlohmann::ordered_json::parse(out).dump(2) + "\n");
  };
  SECTION("the fixture") { same_as_dump(render("json", make_fixture())); }
  SECTION("hostile text, missing fields and open inferred bounds") {
    auto f = make_fixture();
    name_table& n = f.tl.names;
    f.tl.files.push_back({"second.yaml", no_symbol, "Second \x01\x1f\x7f\b\f\r\t", std::nullopt, "", {}});
    f.tl.actors.push_back({n.intern("quote\"d"), "caf\xC3\xA9 \xE2\x80\xA8 \xF0\x9F\x98\x80", "a\\b\n", {}});
    f.tl.places.push_back({n.intern("nowhere"), "Nowhere", "", {}});
    f.tl.sources.push_back({n.intern("dated"), "Dated", "", "2015-11-24", {}});
    f.tl.events[0].title = "broken \xff\xc3 UTF-8";
    const std::size_t deal = *f.tl.find_event("deal");
    f.chron.bounds[deal].start_min = open_start;
    const std::string out = render("json", f);
    same_as_dump(out);
    CHECK(out.find("\"broken \xEF\xBF\xBD\xEF\xBF\xBD UTF-8\"") != std::string::npos);
    CHECK(out.find("\"id\": null") != std::string::npos);
    CHECK(out.find("\"earliest\": null") != std::string::npos);
  }
  SECTION("an empty timeline") {
    const std::string out = render("json", {});
    same_as_dump(out);
    CHECK(out == "{\n  \"timeline\": {\n    \"files\": [],\n    \"actors\": [],\n    \"places\": [],\n"
                 "    \"eras\": [],\n    \"sources\": []\n  },\n  \"events\": []\n}\n");
  }
}

TEST_CASE("markdown lets no raw HTML or unsafe link through", "[render][markdown][escape]") {
  const std::string out = render("markdown", make_fixture());
  for (std::size_t at = out.find('<'); at != std::string::npos; at = out.find('<', at + 1)) {
    INFO(out.substr(at, 20));
    CHECK(at > 0);
    CHECK(out[at - 1] == '\\');  // every < is escaped: no tag can open
  }
  CHECK(out.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
  CHECK(out.find("javascript:") == std::string::npos);
  CHECK(out.find("[Putin's visit to Tehran](https://example.org/article?a=1&b=%282%29)") != std::string::npos);
}

TEST_CASE("csv neutralizes formulas and quotes per RFC 4180", "[render][csv][escape]") {
  const std::string out = render("csv", make_fixture());
  CHECK(out.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  CHECK(out.find(",=") == std::string::npos);
  CHECK(out.find("\"Decree lifts the ban, \"\"on goods\"\"; with a back\\slash\"") != std::string::npos);
  CHECK(out.find("\r\n") != std::string::npos);
  CHECK(out.rfind("\r\n") == out.size() - 2);
}

TEST_CASE("ics escapes text, folds lines and gives each event a stable UID", "[render][ics][escape]") {
  const std::string out = render("ics", make_fixture());
  CHECK(out.find("SUMMARY:Decree lifts the ban\\, \"on goods\"\\; with a back\\\\slash\r\n") != std::string::npos);
  CHECK(out.find("Commas\\, semicolons\\; and\\nn") != std::string::npos);
  CHECK(out.find("UID:ban-lifted@fixture.annals\r\n") != std::string::npos);
  CHECK(out.find("DTSTART;VALUE=DATE:20151123\r\nDTEND;VALUE=DATE:20151124\r\n") != std::string::npos);
  CHECK(out.find("DTSTART:20151123T103000Z\r\nDTEND:20151123T103100Z\r\n") != std::string::npos);
  CHECK(out.find("DTSTAMP:20151125T000000Z") != std::string::npos);
  CHECK(out.find("javascript:") == std::string::npos);
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    CHECK(out.substr(start, end - start).find('\n') == std::string::npos);
    start = end + 2;
  }
}

TEST_CASE("dot escapes quotes and backslashes in labels and links causes to effects", "[render][dot][escape]") {
  const std::string out = render("dot", make_fixture());
  CHECK(out.find("label=\"Decree lifts the ban, \\\"on\\ngoods\\\"; with a back\\\\slash\\n23 Nov 2015\"") !=
        std::string::npos);
  CHECK(out.find("\"putin-tehran-2015\" -> \"ban-lifted\"") != std::string::npos);
  CHECK(std::regex_search(out, std::regex(R"(\{ rank=same; "tick:[0-9]+"; "putin-tehran-2007"; \})")));
}

TEST_CASE("mermaid turns its syntax in titles into entity codes", "[render][mermaid][escape]") {
  const std::string out = render("mermaid", make_fixture());
  CHECK(out.rfind("timeline\n", 0) == 0);
  CHECK(out.find("#60;script#62;alert(1)#60;/script#62;") != std::string::npos);
  CHECK(out.find("<script>") == std::string::npos);
  CHECK(out.find("        23 Nov 2015 : Putin visits Tehran for the GECF summit : Decree lifts") != std::string::npos);
}
