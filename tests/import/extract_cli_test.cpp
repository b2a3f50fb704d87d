#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../cli_run.hpp"

using namespace annals::testing;
using json = nlohmann::json;

namespace {

std::string fixture(const std::string& name) {
  return cli_slurp(std::filesystem::path(ANNALS_SOURCE_DIR) / "tests/data/extract" / name);
}

// id -> [earliest, latest] of every event of a draft, as render resolves them.
std::map<std::string, std::pair<std::string, std::string>> intervals(const cli_dir& dir, const std::string& file) {
  const cli_result r = run_cli(dir, {"render", file, "--format", "json"});
  REQUIRE(r.status == 0);
  std::map<std::string, std::pair<std::string, std::string>> out;
  const json doc = json::parse(r.out);
  for (const auto& e : doc["events"]) {
    out[e["id"]] = {e["date"]["earliest"].get<std::string>(), e["date"]["latest"].get<std::string>()};
  }
  return out;
}

std::multiset<std::pair<std::string, std::string>> spans(const std::map<std::string, std::pair<std::string, std::string>>& m) {
  std::multiset<std::pair<std::string, std::string>> out;
  for (const auto& [id, span] : m) out.insert(span);
  return out;
}

}  // namespace

TEST_CASE("extract drafts the seed article: its dated events, the claim, nothing invented", "[extract][cli]") {
  cli_dir dir("extract-seed");
  dir.write("putin.txt", fixture("putin-visit-to-tehran.txt"));
  const cli_result r = run_cli(dir, {"extract", "putin.txt", "--reference", "2015-11-25", "--source-title",
                                     "Putin's visit to Tehran", "--source-url", "https://example.org/article", "-o",
                                     "draft.yaml"});
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  const std::string draft = cli_slurp(dir.path / "draft.yaml");
  // The draft validates alone (the claim stub is a warning: its series is to be filled in).
  const cli_result v = run_cli(dir, {"validate", "draft.yaml"});
  CHECK(v.status == 0);
  // 23 November (three times), the past week, 16 November, mid-December: nothing else.
  const auto got = spans(intervals(dir, "draft.yaml"));
  const std::multiset<std::pair<std::string, std::string>> want{
      {"2015-11-23", "2015-11-23"}, {"2015-11-23", "2015-11-23"}, {"2015-11-23", "2015-11-23"},
      {"2015-11-18", "2015-11-25"}, {"2015-11-16", "2015-11-16"}, {"2015-12-11", "2015-12-20"}};
  CHECK(got == want);
  // Dates as written, the sentence, the source, and where each phrase stood.
  CHECK(draft.find("date: November 23rd\n") != std::string::npos);
  CHECK(draft.find("date: the past week\n") != std::string::npos);
  CHECK(draft.find("date: mid-December\n") != std::string::npos);
  CHECK(draft.find("reference: 2015-11-25\n") != std::string::npos);
  CHECK(draft.find("url: https://example.org/article") != std::string::npos);
  CHECK(draft.find("# putin.txt:3:1: \"On November 23rd\", read against the document's date 2015-11-25") != std::string::npos);
  CHECK(draft.find("description: \"On November 23rd, the Russian President Vladimir Putin visited Tehran.\"") !=
        std::string::npos);
  // "his first in eight years": a claim on the visit, to be filled in; no event in 2023.
  CHECK(draft.find("first_in: eight years") != std::string::npos);
  CHECK(draft.find("the article says \"first in eight years\"") != std::string::npos);
  CHECK(draft.find("2023") == std::string::npos);
  // The same text and reference give the same draft.
  const cli_result again = run_cli(dir, {"extract", "putin.txt", "--reference", "2015-11-25", "--source-title",
                                         "Putin's visit to Tehran", "--source-url", "https://example.org/article"});
  CHECK(again.status == 0);
  CHECK(again.out == draft);
  // A --source-url annals would not link is a bad option (exit 2), not a fault of the article.
  const cli_result bad_url = run_cli(dir, {"extract", "putin.txt", "--reference", "2015-11-25", "--source-url", "ftp://x"});
  CHECK(bad_url.status == 2);
  CHECK(bad_url.out.empty());
}

namespace {

// The [earliest, latest] of a draft's events, in the draft's order.
std::vector<std::pair<std::string, std::string>> in_order(const cli_dir& dir, const std::string& file) {
  const std::string draft = cli_slurp(dir.path / file);
  const auto got = intervals(dir, file);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t at = draft.find("  - id: "); at != std::string::npos; at = draft.find("  - id: ", at + 1)) {
    const std::size_t e = draft.find('\n', at);
    out.push_back(got.at(draft.substr(at + 8, e - at - 8)));
  }
  return out;
}

using span = std::pair<std::string, std::string>;

}  // namespace

TEST_CASE("extract reads a weekday by the tense of its verb", "[extract][cli]") {
  cli_dir dir("extract-tense");
  dir.write("a.txt", "Officials said on Friday that the levee held. Leaders will meet on Friday.\n");
  REQUIRE(run_cli(dir, {"extract", "a.txt", "--reference", "2015-11-25", "-o", "d.yaml"}).status == 0);
  const auto got = in_order(dir, "d.yaml");
  REQUIRE(got.size() == 2);
  CHECK(got[0] == span{"2015-11-20", "2015-11-20"});  // the Friday before
  CHECK(got[1] == span{"2015-11-27", "2015-11-27"});  // the Friday after
  // A phrase read otherwise than the header's reference would: its reading written out,
  // the phrase kept in the comment.
  const std::string draft = cli_slurp(dir.path / "d.yaml");
  CHECK(draft.find("date: 2015-11-20") != std::string::npos);
  CHECK(draft.find("\"on Friday\", read against the document's date 2015-11-25, looking back") != std::string::npos);
}

TEST_CASE("extract counts 'later' from the event dated before, and reads a history forward", "[extract][cli]") {
  cli_dir dir("extract-history");
  dir.write("b.txt", "The bridge opened on 4 May 1925. Two years later, it closed. In March, it reopened.\n");
  REQUIRE(run_cli(dir, {"extract", "b.txt", "--reference", "2015-11-25", "-o", "d.yaml"}).status == 0);
  const auto got = in_order(dir, "d.yaml");
  REQUIRE(got.size() == 3);
  CHECK(got[0] == span{"1925-05-04", "1925-05-04"});
  CHECK(got[1] == span{"1927-05-04", "1927-05-04"});
  // A month after them reads forward from the last date named, as a history does.
  CHECK(got[2] == span{"1928-03-01", "1928-03-31"});
  const std::string draft = cli_slurp(dir.path / "d.yaml");
  CHECK(draft.find("after: the-bridge-opened") != std::string::npos);
  CHECK(draft.find("by: two years") != std::string::npos);
  // In a news article (it speaks from its date: "yesterday"), a year named is an aside.
  dir.write("c.txt", "The firm went public on March 3, 1986. Yesterday it said its fiscal year ended June 30.\n");
  REQUIRE(run_cli(dir, {"extract", "c.txt", "--reference", "1989-10-24", "-o", "e.yaml"}).status == 0);
  const auto news = in_order(dir, "e.yaml");
  REQUIRE(news.size() == 3);
  CHECK(news[2] == span{"1989-06-30", "1989-06-30"});
}

TEST_CASE("extract puts the actors and places of --with files on the events that name them", "[extract][cli]") {
  cli_dir dir("extract-with");
  dir.write("people.yaml",
            "timeline: people\nactors:\n  putin: {name: Vladimir Putin, aliases: [Putin]}\n"
            "  novak: {name: Alexander Novak}\nplaces:\n  tehran: {name: Tehran, country: Iran}\n");
  dir.write("a.txt", "On November 23rd, Putin visited Tehran.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2015-11-25", "--with", "people.yaml", "-o", "d.yaml"});
  REQUIRE(r.status == 0);
  const std::string draft = cli_slurp(dir.path / "d.yaml");
  CHECK(draft.find("actors: [putin]") != std::string::npos);
  CHECK(draft.find("place: tehran") != std::string::npos);
  // Their definitions are copied, so that the draft validates alone; Novak is not named.
  CHECK(draft.find("name: Vladimir Putin") != std::string::npos);
  CHECK(draft.find("novak") == std::string::npos);
  CHECK(run_cli(dir, {"validate", "d.yaml"}).status == 0);
}

TEST_CASE("extract reads HTML and Markdown, and comments what it could not read", "[extract][cli]") {
  cli_dir dir("extract-markup");
  dir.write("a.html", "<p>Workers returned on <b>Monday</b> &amp; the strike that began on June&nbsp;22 ended.</p>"
                      "<p>The talks of November 31st failed.</p>");
  const cli_result r = run_cli(dir, {"extract", "a.html", "--reference", "2019-07-02"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("date: June 22\n") != std::string::npos);
  CHECK(r.out.find("date: Monday\n") != std::string::npos);
  CHECK(r.out.find("\"November 31st\" looks like a date but could not be read") != std::string::npos);
  // Quotes and possessives left where a phrase stood still write a file that loads.
  dir.write("q.txt", "Profits rose from last year's level. He called it 'exceptional' on Monday.\n");
  const cli_result q = run_cli(dir, {"extract", "q.txt", "--reference", "2019-07-02"});
  CHECK(q.status == 0);
  CHECK(q.out.find("date: last year\n") != std::string::npos);
  // A night is dated by the day it begins.
  dir.write("n.txt", "Officials met on Friday night.\n");
  const cli_result n = run_cli(dir, {"extract", "n.txt", "--reference", "2019-07-02"});
  CHECK(n.status == 0);
  CHECK(n.out.find("date: 2019-06-28\n") != std::string::npos);
  // A time of day without a zone: dated to its day, the zone not invented.
  dir.write("t.txt", "The talks of Nov. 5 ended at 5 p.m. with a deal.\n");
  const cli_result t = run_cli(dir, {"extract", "t.txt", "--reference", "2015-11-25"});
  CHECK(t.status == 0);
  CHECK(t.out.find("date: 2015-11-05\n") != std::string::npos);
  CHECK(t.out.find("\"at 5 p.m\", read against the last date named, 2015-11-05") != std::string::npos);
  dir.write("b.md", "# Plans\n\n- Ministers **will meet** on Monday.\n");
  const cli_result m = run_cli(dir, {"extract", "b.md", "--reference", "2017-06-14"});
  REQUIRE(m.status == 0);
  CHECK(m.out.find("date: 2017-06-19") != std::string::npos);
  CHECK(m.out.find("description: Ministers will meet on Monday.") != std::string::npos);
}

TEST_CASE("extract: bad usage is exit 2 and writes nothing", "[extract][cli]") {
  cli_dir dir("extract-usage");
  dir.write("a.txt", "On November 23rd, it rained.\n");
  CHECK(run_cli(dir, {"extract", "a.txt", "-o", "d.yaml"}).status == 2);  // no --reference
  const cli_result bad = run_cli(dir, {"extract", "a.txt", "--reference", "Novembr 2015", "-o", "d.yaml"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("invalid --reference") != std::string::npos);
  CHECK(run_cli(dir, {"extract", "missing.txt", "--reference", "2015-11-25", "-o", "d.yaml"}).status == 2);
  CHECK(run_cli(dir, {"extract", "--reference", "2015-11-25"}).status == 2);
  CHECK_FALSE(std::filesystem::exists(dir.path / "d.yaml"));
  // Not text: an error at its place, exit 1, nothing written.
  dir.write("bin.txt", std::string("On May 5\n it \xFC rained.\n"));
  const cli_result bin = run_cli(dir, {"extract", "bin.txt", "--reference", "2015-11-25", "-o", "d.yaml"});
  CHECK(bin.status == 1);
  CHECK(bin.err.find("bin.txt:2:5: error: the article is not UTF-8 text") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path / "d.yaml"));
}

TEST_CASE("extract reads news conventions: newswire quotes, last Oct. 23, the night of, a coming date, a time within a month",
          "[extract][cli]") {
  cli_dir dir("extract-news-rules");
  dir.write("a.txt",
            "He said: ``Today is a sad day for the town.''\n\n"
            "Slepian was killed last Oct. 23 in his home.\n\n"
            "The trial begins on Feb. 10, officials said.\n\n"
            "The mill closed in October 1998. Its manager left at 10 p.m., workers said.\n\n"
            "He was shot on the night of Friday, Oct. 16, 1998, and died the day after.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2000-01-07", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  const auto got = spans(intervals(dir, "draft.yaml"));
  // Today; the last 23 October; the coming 10 February (34 days ahead, a past verb);
  // October 1998, and a time alone after it, which in news is the article's day (a
  // history dates it by the month: below); 16 October and the day after.
  const std::multiset<std::pair<std::string, std::string>> want{
      {"2000-01-07", "2000-01-07"}, {"1999-10-23", "1999-10-23"}, {"2000-02-10", "2000-02-10"},
      {"1998-10-01", "1998-10-31"}, {"2000-01-07", "2000-01-07"}, {"1998-10-16", "1998-10-16"},
      {"1998-10-17", "1998-10-17"}};
  CHECK(got == want);
}

TEST_CASE("extract: in May is the month, an ordinal before a name is no date, a passive is present, a time alone in news is the day's",
          "[extract][cli]") {
  cli_dir dir("extract-news-rules-2");
  dir.write("a.txt",
            "The board met yesterday. The mill closed in 1998, workers said.\n\n"
            "The suspect was scheduled to appear at midday, according to a statement.\n\n"
            "The relatives signed nothing, and the case is heard in May in the 11th Circuit.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2000-03-29", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  // Yesterday; 1998; midday of the article's day (the year before is an aside); the
  // coming May ("is heard": present, not the past "heard"); "the 11th Circuit" is a court.
  const std::multiset<std::pair<std::string, std::string>> want{{"2000-03-28", "2000-03-28"},
                                                                {"1998-01-01", "1998-12-31"},
                                                                {"2000-03-29", "2000-03-29"},
                                                                {"2000-05-01", "2000-05-31"}};
  CHECK(spans(intervals(dir, "draft.yaml")) == want);
  // A history (no phrase speaks from the article's date): the time is within the year.
  dir.write("h.txt", "The mill closed in 1998. Its manager left at midday.\n");
  REQUIRE(run_cli(dir, {"extract", "h.txt", "--reference", "2000-03-29", "-o", "h.yaml"}).status == 0);
  const std::multiset<std::pair<std::string, std::string>> history{{"1998-01-01", "1998-12-31"},
                                                                   {"1998-01-01", "1998-12-31"}};
  CHECK(spans(intervals(dir, "h.yaml")) == history);
}

TEST_CASE("extract leaves out counts, levels, a lower-case march, and a count from an event it cannot date", "[extract][cli]") {
  cli_dir dir("extract-not-dates");
  dir.write("a.txt",
            "Officials said yesterday that 150 to 175 people came to this march.\n\n"
            "The index closed at 285, traders said.\n\n"
            "Forces struck 13 days after the embassy bombings, officials said.\n\n"
            "A 5th grade boy marked the 25th anniversary of the ruling, and the court ruled on the 5th of August.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "1998-08-20", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  // Yesterday; nothing for the count, the level, the march, the 5th grade, the 25th
  // anniversary; a comment, not a date 13 days after yesterday, for "13 days after the
  // embassy bombings"; "the 5th of August" is a date.
  const std::multiset<std::pair<std::string, std::string>> want{{"1998-08-19", "1998-08-19"},
                                                                {"1998-08-05", "1998-08-05"}};
  CHECK(spans(intervals(dir, "draft.yaml")) == want);
  const std::string draft = cli_slurp(dir.path / "draft.yaml");
  CHECK(draft.find("\"13 days after the\" counts from an event the text names") != std::string::npos);
}

TEST_CASE("extract drafts 'first ... since X' as a first_since claim on the event X's phrase dates", "[extract][cli]") {
  cli_dir dir("extract-first-since");
  dir.write("a.txt", "On November 23rd, Vladimir Putin visited Tehran, his first visit since 2007.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2015-11-25", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  const std::string draft = cli_slurp(dir.path / "draft.yaml");
  // The visit claims to be the first of its series since the event dated 2007.
  const std::size_t claim = draft.find("      - first_since: ");
  REQUIRE(claim != std::string::npos);
  const std::size_t id_at = claim + std::string("      - first_since: ").size();
  const std::string since_id = draft.substr(id_at, draft.find('\n', id_at) - id_at);
  CHECK(draft.find("  - id: " + since_id + "\n") != std::string::npos);
  CHECK(draft.find("  - id: " + since_id + "\n") > claim);  // the 2007 event is another one
  CHECK(draft.find("date: \"2007\"") != std::string::npos);
  CHECK(draft.find("the article says \"first since 2007\"") != std::string::npos);
  // The draft validates: the placeholder series has no event between the two.
  CHECK(run_cli(dir, {"validate", "draft.yaml"}).status == 0);
}

TEST_CASE("extract: 'around' before a possessive date is the verb's ('get around Wednesday's ruling')", "[extract][cli]") {
  cli_dir dir("extract-possessive");
  dir.write("a.txt", "Relatives vowed to get around Wednesday's ruling, lawyers said.\n\nThe vote came around Wednesday, he said.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2000-01-07", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  // The ruling of Wednesday 5 January; the vote about then (a day either side).
  const std::multiset<std::pair<std::string, std::string>> want{{"2000-01-05", "2000-01-05"},
                                                                {"2000-01-04", "2000-01-06"}};
  CHECK(spans(intervals(dir, "draft.yaml")) == want);
}

TEST_CASE("extract: a four-digit count before what it counts is no year, an impossible day is a comment, a sentence ends after 'the 1990s.'",
          "[extract][cli]") {
  cli_dir dir("extract-counts");
  dir.write("a.txt",
            "The company employs 2000 workers and built 2019 houses. The tower is 1990 metres from the square.\n\n"
            "In the 2019 elections the party won. 2019 was a hard year.\n\n"
            "The deal was signed on 30 February 2026.\n\n"
            "Police said the suspect was arrested at 3 p.m. on Sunday.\n\n"
            "Rainfall was the highest since the 1990s. The council met on December 3.\n");
  const cli_result r = run_cli(dir, {"extract", "a.txt", "--reference", "2026-12-10", "-o", "draft.yaml"});
  REQUIRE(r.status == 0);
  // 2019 twice (the elections, the hard year), last Sunday, the 1990s, 3 December: no 2000,
  // no 1990, no February 2026.
  const std::multiset<std::pair<std::string, std::string>> want{
      {"2019-01-01", "2019-12-31"}, {"2019-01-01", "2019-12-31"}, {"2026-12-06", "2026-12-06"},
      {"1990-01-01", "1999-12-31"}, {"2026-12-03", "2026-12-03"}};
  CHECK(spans(intervals(dir, "draft.yaml")) == want);
  const std::string draft = cli_slurp(dir.path / "draft.yaml");
  CHECK(draft.find("\"30 February 2026\" looks like a date but could not be read") != std::string::npos);
  CHECK(draft.find("title: The council met\n") != std::string::npos);
}
