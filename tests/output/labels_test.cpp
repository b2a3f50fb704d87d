// Labels true in every output (issue 21), through the command line, on a historian's
// chronology of Russia and Persia written in four calendars (tests/data/persia-1905-1921.yaml,
// timezone Asia/Tehran): one label per date from time/date_label, in the writer's calendar
// with its Gregorian equivalent, in render, why, effects, gaps and validate's messages;
// lifespans and ages counted on the writer's clock; era sections by one rule in text,
// markdown, mermaid and html.

#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "cli_run.hpp"

using namespace annals::testing;

namespace {

const std::string persia = std::string(ANNALS_SOURCE_DIR) + "/tests/data/persia-1905-1921.yaml";

// The lines of `text` that contain `what`.
std::vector<std::string> lines_with(const std::string& text, const std::string& what) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (line.find(what) != std::string::npos) out.push_back(line);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return out;
}

// The position of `what` in `text`, failing the test when it is not there.
std::size_t at(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  INFO("looking for: " << what);
  REQUIRE(p != std::string::npos);
  return p;
}

}  // namespace

TEST_CASE("why, effects and gaps label each date as render does, in its calendar beside its Gregorian day",
          "[labels]") {
  const cli_dir dir("labels-why");
  const std::string text = run_cli_clean(dir, {"render", persia}).out;
  const std::string why = run_cli_clean(dir, {"why", persia, "shah-deposed"}).out;
  const std::string effects = run_cli_clean(dir, {"effects", persia, "bloody-sunday"}).out;
  const std::string gaps = run_cli_clean(dir, {"gaps", persia}).out;
  for (const std::string label : {"27 Jumada II 1327 (Islamic) = 16 Jul 1909", "13 Jul 1909", "29 Apr 1909"}) {
    CHECK(why.find("  " + label + "  ") != std::string::npos);
    CHECK(text.find(label) != std::string::npos);
  }
  CHECK(effects.find("bloody-sunday  9 Jan 1905 (Julian) = 22 Jan 1905  ") != std::string::npos);
  CHECK(effects.find("responded to by october-manifesto  17 Oct 1905 (Julian) = 30 Oct 1905  ") != std::string::npos);
  // A gap's ends in their events' calendars: a chain across calendars reads in order.
  CHECK(gaps.find("ultimatum → majlis-closed  29 Nov 1911 → 3 Muharram 1330 (Islamic) = 24 Dec 1911  25 days") !=
        std::string::npos);
  CHECK(gaps.find("ahmad-crowned → february-revolution  30 Tir 1293 (Solar Hijri) = 22 Jul 1914 → "
                  "23 Feb 1917 (Julian) = 8 Mar 1917") != std::string::npos);
  // Nothing as typed, nothing as an ISO day.
  for (const std::string& out : {why, effects, gaps}) {
    CHECK(out.find("(Islamic)\n") == std::string::npos);
    CHECK_FALSE(std::regex_search(out, std::regex(R"(\b1[0-9]{3}-[0-9]{2}-[0-9]{2}\b)")));
  }
}

TEST_CASE("a causal-order message labels both dates in their calendars", "[labels]") {
  const cli_dir dir("labels-message");
  dir.write("t.yaml",
            "timeline: t\ntimezone: Asia/Tehran\nevents:\n"
            "  - {id: decree, title: Decree, date: 1326-05-23 (Islamic), caused_by: [march]}\n"
            "  - {id: march, title: March, date: 9 January 1909 (Julian)}\n");
  const cli_result r = run_cli(dir, {"validate", "t.yaml"});
  CHECK(r.status == 1);
  const std::string all = r.out + r.err;
  INFO(all);
  CHECK(all.find("causal-order") != std::string::npos);
  CHECK(all.find("'decree' (23 Jumada I 1326 (Islamic) = 23 Jun 1908)") != std::string::npos);
  CHECK(all.find("'march' (9 Jan 1909 (Julian) = 22 Jan 1909)") != std::string::npos);
  CHECK(all.find("(1326-05-23 (Islamic))") == std::string::npos);
}

TEST_CASE("lanes give lifespans in the years of the writer's clock, a Hijri death in Gregorian years", "[labels]") {
  const cli_dir dir("labels-lanes");
  for (const std::string format : {"svg", "html"}) {
    const std::string out = run_cli_clean(dir, {"render", "--format", format, persia}).out;
    INFO(format);
    // Year-precision births and deaths east of UTC: not a year early.
    CHECK(out.find(">1868 – 1918<") != std::string::npos);
    CHECK(out.find(">c. 1868 – 1914<") != std::string::npos);
    CHECK(out.find(">1870 – 1924<") != std::string::npos);
    CHECK(out.find("1867") == std::string::npos);
    // 24 Dhu al-Qadah 1324 and 13 Rajab 1327 AH beside Gregorian births.
    CHECK(out.find(">1853 – 1907<") != std::string::npos);
    CHECK(out.find(">1843 – 1909<") != std::string::npos);
    CHECK(out.find("1327<") == std::string::npos);
  }
}

TEST_CASE("an age is counted on the writer's clock: a death on 31 December east of UTC keeps it", "[labels]") {
  const cli_dir dir("labels-age");
  const std::string text = run_cli_clean(dir, {"render", persia}).out;
  CHECK(text.find("Thiqat al-Islam, 50 · Tabriz") != std::string::npos);
  dir.write("utc.yaml",
            "timeline: utc\ntimezone: Asia/Tokyo\nactors:\n  t: {name: T, born: 1861, died: 31 December 1911}\n"
            "events:\n  - {id: e, title: E, date: 31 December 1911, actors: [t]}\n");
  CHECK(run_cli_clean(dir, {"render", "utc.yaml"}).out.find("T, 50") != std::string::npos);
}

TEST_CASE("a TimelineJS era keeps the month of an end written to the month", "[labels]") {
  const cli_dir dir("labels-tljs");
  const std::string out = run_cli_clean(dir, {"render", "--format", "timelinejs", persia}).out;
  const std::size_t era = at(out, "\"headline\": \"The Russian Civil War\"");
  const std::size_t start = out.rfind("\"start_date\"", era);
  REQUIRE(start != std::string::npos);
  const std::string band = out.substr(start, era - start);
  CHECK(band.find("\"start_date\": {\n        \"year\": 1917,\n        \"month\": 11\n      }") != std::string::npos);
  CHECK(band.find("\"end_date\": {\n        \"year\": 1922\n      }") != std::string::npos);
}

TEST_CASE("link words come from the link table: effects reads responds_to from its cause, html an enabling link",
          "[labels]") {
  const cli_dir dir("labels-links");
  const std::string json = run_cli_clean(dir, {"effects", "--format", "json", persia, "bloody-sunday"}).out;
  CHECK(json.find("\"via\": \"responds_to\",\n      \"words\": \"responded to by\"") != std::string::npos);
  const std::string why = run_cli_clean(dir, {"why", "--format", "json", persia, "october-manifesto"}).out;
  CHECK(why.find("\"words\": \"responds to\"") != std::string::npos);
  const std::string html = run_cli_clean(dir, {"render", "--format", "html", persia}).out;
  const std::string thiqat = html.substr(at(html, "id=\"event-thiqat-hanged\""));
  const std::string entry = thiqat.substr(0, at(thiqat, "</article>"));
  CHECK(entry.find("<b>Enabled by:</b>") != std::string::npos);
  CHECK(entry.find("<b>Caused by:</b>") == std::string::npos);
}

TEST_CASE("era sections open where an era starts, close where it ends, and name every era in force", "[labels]") {
  const cli_dir dir("labels-eras");
  // Headings longer than the 80 columns are wrapped at spaces: read as one line, at the same positions.
  std::string text = run_cli_clean(dir, {"render", persia}).out;
  std::replace(text.begin(), text.end(), '\n', ' ');
  const std::string constitutional = "== The Constitutional Revolution, 1905 – 1911 ==";
  const std::string both =
      "== The Constitutional Revolution, 1905 – 1911 · The Minor Tyranny, 23 Jumada I 1326 – 27 Jumada II 1327 "
      "(Islamic) = 23 Jun 1908 – 16 Jul 1909 ==";
  const std::size_t opened = at(text, constitutional), nested = at(text, both);
  const std::size_t minor_ends = at(text, "== end of The Minor Tyranny ==");
  // Still running after the Minor Tyranny: the Constitutional Revolution is named again.
  const std::size_t reopened = text.find(constitutional, minor_ends);
  const std::size_t ends = at(text, "== end of The Constitutional Revolution ==");
  CHECK(opened < at(text, "Troops fire on the workers"));
  CHECK(nested < at(text, "Liakhov's Cossacks shell the Majlis"));
  CHECK(at(text, "Mohammad Ali Shah is deposed") < minor_ends);
  CHECK(reopened < at(text, "Sheikh Fazlollah Nuri is hanged"));
  CHECK(at(text, "Thiqat al-Islam in Tabriz") < ends);
  // Between the eras: the coronation stands outside every era.
  const std::size_t crowned = at(text, "Ahmad Shah is crowned");
  CHECK(ends < crowned);
  CHECK(crowned < at(text, "== The First World War, 28 Jul 1914 – 11 Nov 1918 =="));
  // Overlapping eras are in force together.
  CHECK(at(text, "== The First World War, 28 Jul 1914 – 11 Nov 1918 · The Russian Civil War, Nov 1917 – 1922 ==") <
        at(text, "The Bolsheviks seize power"));

  // Markdown: years inside an era are its subsections; outside, they stand on their own.
  const std::string md = run_cli_clean(dir, {"render", "--format", "markdown", persia}).out;
  CHECK(at(md, "\n## Era: The Constitutional Revolution, 1905 – 1911\n") < at(md, "\n### 1905\n"));
  CHECK(at(md, "\n## 1914\n") < at(md, "**30 Tir 1293 (Solar Hijri) = 22 Jul 1914**"));
  CHECK(lines_with(md, "## Era: The Constitutional Revolution, 1905 – 1911").size() == 3);

  // Mermaid: the same sections, named alike.
  const std::string mermaid = run_cli_clean(dir, {"render", "--format", "mermaid", persia}).out;
  CHECK(lines_with(mermaid, "section The Constitutional Revolution, 1905 – 1911").size() == 3);
  CHECK(at(mermaid, "    section 1914\n") < at(mermaid, "Ahmad Shah is crowned"));
  CHECK(lines_with(mermaid, "section The First World War, 28 Jul 1914 – 11 Nov 1918 · The Russian Civil War").size() == 1);

  // Html: the event list in the same sections; the coronation in none.
  const std::string html = run_cli_clean(dir, {"render", "--format", "html", persia}).out;
  const std::size_t list = at(html, "<h2>The events</h2>");
  const std::string events = html.substr(list);
  CHECK(lines_with(events, "<h3 class=\"era\">Era: The Constitutional Revolution, 1905 – 1911").size() == 3);
  const std::size_t coronation = at(events, "id=\"event-ahmad-crowned\"");
  const std::size_t open_before = events.rfind("<section class=\"era\">", coronation);
  const std::size_t close_before = events.rfind("</section>", coronation);
  CHECK(close_before > open_before);
}

TEST_CASE("the names of overlapping eras stand in rows on the chart", "[labels]") {
  const cli_dir dir("labels-era-rows");
  const std::string svg = run_cli_clean(dir, {"render", "--format", "svg", persia}).out;
  const std::regex name(R"re(<text class="era-name" x="([0-9.]+)" y="([0-9.]+)">([^<]*)</text>)re");
  struct placed {
    std::string title;
    double x, y;
  };
  std::vector<placed> names;
  for (auto m = std::sregex_iterator(svg.begin(), svg.end(), name); m != std::sregex_iterator(); ++m)
    names.push_back({(*m)[3], std::stod((*m)[1]), std::stod((*m)[2])});
  REQUIRE(names.size() == 4);
  // The Russian Civil War begins where the First World War's name is written.
  CHECK(names[2].title == "The First World War");
  CHECK(names[3].title.rfind("The Russian Civil", 0) == 0);
  // No two names in one row cross, at the drawing's measure of its labels (6.7 px a
  // character): here the Civil War's name begins inside the World War's, a row up.
  constexpr double advance = 6.7;
  CHECK(names[3].x < names[2].x + advance * 19);
  CHECK(names[2].y != names[3].y);
  for (std::size_t a = 0; a < names.size(); ++a)
    for (std::size_t b = a + 1; b < names.size(); ++b)
      if (names[a].y == names[b].y) CHECK(names[a].x + advance * static_cast<double>(names[a].title.size()) < names[b].x);
}

TEST_CASE("an era that holds no event is a section of its own at its place, cutting the era around it",
          "[labels]") {
  const cli_dir dir("labels-empty-era");
  dir.write("e.yaml",
            "timeline: e\ntimezone: Asia/Tehran\neras:\n"
            "  - {id: a, title: Long, date: from 1900 to 1950}\n"
            "  - {id: b, title: Empty, date: 1920}\n"
            "  - {id: c, title: Open, date: 1940/..}\n"
            "events:\n  - {id: x, title: X, date: 1910}\n  - {id: y, title: Y, date: 1930}\n"
            "  - {id: z, title: Z, date: 1945}\n");
  const std::string text = run_cli_clean(dir, {"render", "e.yaml"}).out;
  const std::size_t empty = at(text, "== Empty, 1920 ==\n    (no events)\n");
  CHECK(at(text, " X\n") < empty);
  CHECK(empty < text.find("== Long, 1900 – 1950 ==", empty));
  CHECK(at(text, "== Long, 1900 – 1950 · Open, from 1940 ==") < at(text, " Z\n"));
  const std::string md = run_cli_clean(dir, {"render", "--format", "markdown", "e.yaml"}).out;
  CHECK(md.find("## Era: Empty, 1920\n\nNo events.\n") != std::string::npos);
  // Mermaid has no empty section: the era around it stays one section.
  const std::string mermaid = run_cli_clean(dir, {"render", "--format", "mermaid", "e.yaml"}).out;
  CHECK(mermaid ==
        "timeline\n    section Long, 1900 – 1950\n        1910 : X\n        1930 : Y\n"
        "    section Long, 1900 – 1950 · Open, from 1940\n        1945 : Z\n");
}

TEST_CASE("html says every followed link in its own words, two kinds joining one pair included", "[labels]") {
  const cli_dir dir("labels-two-kinds");
  dir.write("t.yaml",
            "timeline: t\nevents:\n"
            "  - {id: a, title: Loan, date: 1911-05-12, causes: [b]}\n"
            "  - {id: b, title: Ultimatum, date: 1911-11-29, enabled_by: [a], responds_to: [a]}\n");
  const std::string html = run_cli_clean(dir, {"render", "--format", "html", "t.yaml"}).out;
  const std::string b = html.substr(at(html, "id=\"event-b\""));
  const std::string entry = b.substr(0, at(b, "</article>"));
  CHECK(entry.find("<b>Caused by:</b>") != std::string::npos);
  CHECK(entry.find("<b>Enabled by:</b>") != std::string::npos);
  CHECK(entry.find("<b>Responds to:</b>") != std::string::npos);
  const std::string a = html.substr(at(html, "id=\"event-a\""));
  const std::string a_entry = a.substr(0, at(a, "</article>"));
  CHECK(a_entry.find("<b>Enabled:</b>") != std::string::npos);
  CHECK(a_entry.find("<b>Responded to by:</b>") != std::string::npos);
}

TEST_CASE("a gap names each end by the date written, never by a bound of a vague one", "[labels]") {
  const cli_dir dir("labels-gap-ends");
  dir.write("g.yaml", R"(timeline: g
title: Gap ends
timezone: Asia/Tehran
events:
  - {id: bast, title: The sit-in, date: between July 1906 and August 1906, kind: k}
  - {id: decree, title: The decree, date: 14 Jumada al-Thani 1324 AH, kind: k}
  - {id: siege, title: The siege, date: from June 1908 to April 1909, kind: k}
  - {id: majlis, title: The second Majlis, date: "Dhu'l-Qa'da 1327 AH", kind: k}
)");
  const std::string gaps = run_cli_clean(dir, {"gaps", "g.yaml", "--series", "kind=k"}).out;
  // Overlapping: the decree keeps its own day, not the latest end of the sit-in.
  CHECK(gaps.find("bast → decree  Jul – Aug 1906 → 14 Jumada II 1324 (Islamic) = 5 Aug 1906  ") !=
        std::string::npos);
  // A span ends where it was written to end; a month is the month.
  CHECK(gaps.find("siege → majlis  Apr 1909 → Dhu al-Qadah 1327 (Islamic) = 14 Nov – 13 Dec 1909  ") !=
        std::string::npos);
  const std::string json = run_cli_clean(dir, {"gaps", "g.yaml", "--series", "kind=k", "--format", "json"}).out;
  CHECK(json.find(R"("to_date": "1906-08-05")") != std::string::npos);
}

TEST_CASE("TimelineJS gives a year or month of another calendar to the day, both ends", "[labels]") {
  const cli_dir dir("labels-tjs-calendar");
  dir.write("t.yaml", R"(timeline: t
title: Calendars in TimelineJS
timezone: Asia/Tehran
events:
  - {id: jangal, title: The Jangali movement, date: 1333 AH}
  - {id: famine, title: The famine, date: 1296–1297 (Solar Hijri)}
)");
  const std::string out = run_cli_clean(dir, {"render", "t.yaml", "--format", "timelinejs"}).out;
  const auto compact = [](std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
    return s;
  };
  const std::string json = compact(out);
  // 1333 AH is 19 Nov 1914 – 8 Nov 1915: no Gregorian year holds it.
  CHECK(json.find(R"("start_date":{"year":1914,"month":11,"day":19,)") != std::string::npos);
  CHECK(json.find(R"("end_date":{"year":1915,"month":11,"day":8})") != std::string::npos);
  CHECK(json.find(R"("end_date":{"year":1919,"month":3,"day":21})") != std::string::npos);
}

TEST_CASE("a year of another calendar sits under the Gregorian month it begins in, not the one before", "[labels]") {
  const cli_dir dir("labels-month-heading");
  dir.write("m.yaml", R"(timeline: m
title: Months
timezone: Asia/Tehran
events:
  - {id: renamed, title: St Petersburg renamed Petrograd, date: 18 August 1914 (Julian)}
  - {id: jangal, title: The Jangali movement, date: 1333 AH}
)");
  const std::string text = run_cli_clean(dir, {"render", "m.yaml"}).out;
  CHECK(text.find("  Aug\n    18 Aug 1914 (Julian) = 31 Aug 1914\n") != std::string::npos);
  CHECK(text.find("  Nov\n    1333 (Islamic) = 19 Nov 1914 – 8 Nov 1915\n") != std::string::npos);
}

TEST_CASE("a disputed date names each source as citations do: author and year, else its title", "[labels]") {
  const cli_dir dir("labels-readings");
  dir.write("r.yaml", R"(timeline: r
title: Readings
sources:
  kazemzadeh: {title: "Russia and Britain in Persia", author: Firuz Kazemzadeh, year: 1968}
  tass: {title: TASS}
events:
  - {id: agreement, title: The agreement, date: {sources: {kazemzadeh: 9 August 1919, tass: 10 August 1919}}}
)");
  const std::string text = run_cli(dir, {"render", "r.yaml", "--format", "markdown"}).out;
  CHECK(text.find("dated by source: Kazemzadeh 1968: 9 Aug 1919; TASS: 10 Aug 1919") != std::string::npos);
}
