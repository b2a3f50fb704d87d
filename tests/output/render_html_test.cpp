// html and svg: user text comes out inert, one mark per event, deterministic bytes.

#include <catch2/catch.hpp>
#include <sstream>

#include "annals/render.hpp"
#include "cli_run.hpp"
#include "output/escape.hpp"
#include "output/page_script.hpp"
#include "sample_timeline.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

std::string render(const sample& s, std::string_view format, render_options o = {}) {
  return *render_to_string(format, s.tl, s.chron, o);
}

// The page with its own two script elements (the page script, the filters' data) cut out.
std::string without_own_scripts(std::string page) {
  for (std::string_view open : {"<script type=\"application/json\" id=\"annals-facets\">", "<script>"}) {
    const auto at = page.rfind(open);
    if (at == std::string::npos) continue;
    const auto end = page.find("</script>", at);
    if (end != std::string::npos) page.erase(at, end + 9 - at);
  }
  return page;
}

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

sample hostile() {
  sample s("<script>alert(0)</script>");
  const symbol a = s.actor("a", "\"><img src=x onerror=alert(9)>");
  s.add("one", "<script>alert(1)</script>", day_value(2015, 11, 23), "k<b>", {a}).description = "</p><script>alert(2)</script>";
  s.add("two", "\"><img src=x onerror=alert(1)>", day_value(2015, 11, 24), "", {a});
  s.tl.sources.push_back({s.tl.names.intern("src"), "<i>src</i>", "javascript:alert(3)", "", {}});
  s.tl.events[0].sources = s.tl.store.store({s.tl.names.intern("src")});
  s.link_to("two", link_kind::caused_by, "one");
  s.finish();
  return s;
}

}  // namespace

TEST_CASE("html and svg write script and attribute-breaking titles as inert text", "[render][html][svg]") {
  const sample s = hostile();
  for (std::string_view format : {"html", "svg"}) {
    SECTION(std::string(format)) {
      const std::string out = format == "html" ? without_own_scripts(render(s, format)) : render(s, format);
      CHECK(out.find("<script") == std::string::npos);
      CHECK(out.find("<img") == std::string::npos);
      CHECK(out.find("<i>") == std::string::npos);
      CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
      CHECK(out.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
      CHECK((out.find("javascript:") == std::string::npos || format == "html"));
    }
  }
}

TEST_CASE("html links only web addresses, never a javascript: URL", "[render][html]") {
  const std::string out = render(hostile(), "html");
  CHECK(out.find("href=\"javascript:") == std::string::npos);
  CHECK(out.find("&lt;i&gt;src&lt;/i&gt;") != std::string::npos);  // the source, as text
}

TEST_CASE("html and svg draw one mark per event and the html lists each once", "[render][html][svg]") {
  const sample s = seed_sample();
  const std::string html = render(s, "html"), svg = render(s, "svg");
  CHECK(count(svg, "<g class=\"event\"") == s.tl.events.size());
  CHECK(count(html, "<g class=\"event\"") == s.tl.events.size());
  CHECK(count(html, "<article class=\"item\"") == s.tl.events.size());
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("the html page fetches nothing: one inline script, no external styles or images", "[render][html]") {
  const std::string page = render(seed_sample(), "html");
  CHECK(count(page, "<script") == 2);  // the page script and its filters' data
  const std::string out = without_own_scripts(page);
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("<link") == std::string::npos);
  CHECK(out.find("src=") == std::string::npos);
  CHECK(out.find("@import") == std::string::npos);
  CHECK(out.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("the drawing shows a long empty stretch as a gap band labelled with its length", "[render][svg]") {
  const std::string svg = render(seed_sample(), "svg");
  CHECK(count(svg, "<g class=\"band\">") == 1);
  CHECK(svg.find("8 years and 1 month without events") != std::string::npos);
}

TEST_CASE("the drawing marks causal links with arrows and inferred bounds distinctly", "[render][svg]") {
  const std::string svg = render(seed_sample(), "svg");
  CHECK(count(svg, "<path class=\"link\"") == 2);  // visit → decree, statement → bank
  CHECK(count(svg, "class=\"mark inferred\"") == 1);
  // Narrowed to the afternoon of its day: drawn as inferred, but the label "23 Nov 2015" already says it all.
  CHECK(svg.find("inferred from links") == std::string::npos);
}

TEST_CASE("lanes follow the option: one per actor or one per kind", "[render][svg]") {
  const sample s = seed_sample();
  render_options by_kind;
  by_kind.lanes = render_options::lane_key::kind;
  const std::string actors = render(s, "svg"), kinds = render(s, "svg", by_kind);
  CHECK(count(actors, "class=\"lane-name\"") == 5);
  CHECK(actors.find(">Vladimir Putin<") != std::string::npos);
  CHECK(count(kinds, "class=\"lane-name\"") == 4);  // visit, decree, military, statement
  CHECK(kinds.find(">Visit<") != std::string::npos);
}

TEST_CASE("html, svg and timelinejs give the same bytes for the same input", "[render][html][svg][timelinejs]") {
  for (std::string_view format : {"html", "svg", "timelinejs"}) {
    CHECK(render(seed_sample(), format) == render(seed_sample(), format));
  }
}

TEST_CASE("SHA-256 gives the digests of FIPS 180-4's examples", "[render][html]") {
  auto hex = [](const std::string& d) {
    std::string h;
    for (unsigned char c : d) h += "0123456789abcdef"[c >> 4], h += "0123456789abcdef"[c & 15];
    return h;
  };
  CHECK(hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex(sha256(std::string(1000000, 'a'))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the page's policy allows its one script by the hash of the script's bytes", "[render][html]") {
  const std::string page = render(seed_sample(), "html");
  const auto open = page.rfind("<script>"), close = page.find("</script>", open);
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  const std::string script = page.substr(open + 8, close - open - 8);
  CHECK(script == page_script());
  CHECK(script.find("</") == std::string::npos);  // nothing in it can end the element early
  const std::string csp = "default-src 'none'; script-src 'sha256-" + base64(sha256(script)) +
                          "'; style-src 'unsafe-inline'; img-src data:";
  CHECK(page.find("content=\"" + csp + "\"") != std::string::npos);
}

TEST_CASE("the page's filters know every actor, kind, tag, place and era of the events shown", "[render][html]") {
  const std::string page = render(seed_sample(), "html");
  const auto at = page.find("<script type=\"application/json\" id=\"annals-facets\">");
  REQUIRE(at != std::string::npos);
  const std::string data = page.substr(at, page.find("</script>", at) - at);
  CHECK(data.find("[\"putin\",\"Vladimir Putin\"]") != std::string::npos);
  CHECK(data.find("[\"tehran\",\"Tehran\"]") != std::string::npos);
  CHECK(data.find("[\"visit\",\"visit\"]") != std::string::npos);
  // The first event's actor and kind are the first of each: index 0.
  CHECK(page.find("id=\"event-putin-tehran-2007\" data-id=\"putin-tehran-2007\" data-actors=\"0\" data-kind=\"0\"") !=
        std::string::npos);
}

TEST_CASE("html isolates user text, so right-to-left names keep their places", "[render][html]") {
  sample s;
  const symbol a = s.actor("shah", "مظفرالدین شاه");
  s.tl.places.push_back({s.tl.names.intern("tehran"), "تهران", "ایران", {}});
  s.add("decree", "فرمان مشروطیت", day_value(1906, 8, 5), "decree", {a}).place = s.tl.names.intern("tehran");
  s.finish();
  const std::string page = render(s, "html");
  // Each part of the line under the title stands alone: the actor is not read into the place.
  CHECK(page.find("<bdi>decree</bdi> · <bdi>مظفرالدین شاه</bdi> · <bdi>تهران, ایران</bdi>") != std::string::npos);
  CHECK(page.find("<h3><bdi>فرمان مشروطیت</bdi>") != std::string::npos);
  // A long unbroken token may break anywhere rather than widen the page.
  CHECK(page.find("overflow-wrap:anywhere") != std::string::npos);
}

TEST_CASE("html with --layout vertical writes the list alone down a time spine, and every page has print styles", "[render][html]") {
  const sample s = seed_sample();
  render_options o;
  o.layout = render_options::layout_kind::vertical;
  const std::string vertical = render(s, "html", o), horizontal = render(s, "html");
  CHECK(vertical.find("<body class=\"vertical\">") != std::string::npos);
  CHECK(vertical.find("<svg") == std::string::npos);
  CHECK(count(vertical, "<article class=\"item\"") == s.tl.events.size());
  CHECK(horizontal.find("<svg") != std::string::npos);
  for (const std::string* page : {&vertical, &horizontal}) {
    const auto print = page->find("@media print{");
    REQUIRE(print != std::string::npos);
    CHECK(page->find(".controls,.zoom,#annals-details{display:none!important}", print) != std::string::npos);
    CHECK(page->find("h3.year{break-before:page", print) != std::string::npos);
  }
}

TEST_CASE("render --layout takes horizontal or vertical, and refuses anything else", "[render][html][cli]") {
  const cli_dir dir("layout");
  dir.write("t.yaml", "timeline: t\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  const cli_result ok = run_cli(dir, {"render", "t.yaml", "--format", "html", "--layout", "vertical"});
  CHECK(ok.status == 0);
  CHECK(ok.out.find("<body class=\"vertical\">") != std::string::npos);
  const cli_result bad = run_cli(dir, {"render", "t.yaml", "--format", "html", "--layout", "diagonal"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown layout 'diagonal' (use horizontal or vertical)") != std::string::npos);
  CHECK(bad.out.empty());
}
