#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "annals/yaml_writer.hpp"
#include "input/yaml_stream.hpp"

using namespace annals;

namespace {

// `doc` written, then read back as a header: the values the reader sees, by key.
record read_back(const std::string& text) {
  record root = record::mapping(1, 1);
  yaml_sink sink;
  sink.header = [&](record k, record v) {
    if (k.text == "events") return;  // its items come one by one
    root.children.push_back(std::move(k));
    root.children.push_back(std::move(v));
  };
  sink.event = [&](record item) {
    record* events = root.get("events");
    if (!events) events = &root.set("events", record::sequence());
    events->push(std::move(item));
  };
  const auto errors = read_yaml(text, {}, sink);
  INFO(text);
  REQUIRE(errors.empty());
  return root;
}

bool same(const record& a, const record& b) {
  if (a.kind != b.kind || a.children.size() != b.children.size()) return false;
  if (a.kind == record::type::scalar && a.text != b.text) return false;  // typing: yaml_scalar's test
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same(a.children[i], b.children[i])) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("strings that YAML would type or misread are quoted, the rest are plain", "[yaml-writer]") {
  CHECK(yaml_scalar("Putin visits Tehran") == "Putin visits Tehran");
  CHECK(yaml_scalar("2015-11-23") == "2015-11-23");
  CHECK(yaml_scalar("2015") == "\"2015\"");
  CHECK(yaml_scalar("2015", false) == "2015");
  CHECK(yaml_scalar("true") == "\"true\"");
  CHECK(yaml_scalar("null") == "\"null\"");
  CHECK(yaml_scalar("1e3") == "\"1e3\"");
  CHECK(yaml_scalar("a: b") == "\"a: b\"");
  CHECK(yaml_scalar("x #y") == "\"x #y\"");
  CHECK(yaml_scalar("- item") == "\"- item\"");
  CHECK(yaml_scalar("he said \"no\"\n") == "\"he said \\\"no\\\"\\n\"");
  CHECK(yaml_scalar("") == "\"\"");
}

TEST_CASE("a written document reads back as the same tree, its notes as comments", "[yaml-writer]") {
  std::vector<std::string> notes{"from sheet row 2", "two lines\nof note"};
  record doc = record::mapping();
  doc.set("title", record::string("A: chronology"));
  record& events = doc.set("events", record::sequence());
  record e = record::mapping();
  e.note = 1;
  e.set("id", record::string("visit"));
  e.set("date", record::string("2015-11-23"));
  e.set("actors", record::sequence()).push(record::string("putin"));
  e.get("actors")->push(record::string("khamenei"));
  record& after = e.set("after", record::mapping());
  after.set("event", record::string("summit"));
  after.set("by", record::string("P1D"));
  after.note = 2;
  events.push(std::move(e));
  events.push(record::mapping()).set("id", record::string("year")).plain = true;
  events.children.back().set("count", record::scalar("2015"));
  const std::string text = write_yaml(doc, notes);
  CHECK(text.find("# from sheet row 2\n  - id: visit") != std::string::npos);
  CHECK(text.find("    # two lines\n    # of note\n    after:") != std::string::npos);
  CHECK(text.find("actors: [putin, khamenei]") != std::string::npos);
  CHECK(same(read_back(text), doc));
}

TEST_CASE("any string survives writing and reading", "[yaml-writer]") {
  std::mt19937 rng(7);
  const std::string alphabet = "ab :#-?,[]{}&*!|>'\"%@`\\\n\t\x01.0123456789eE+~\xc3\xa9\xe2\x80\xa8 ";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      const std::size_t k = rng() % alphabet.size();
      // keep multi-byte characters whole
      if (static_cast<unsigned char>(alphabet[k]) >= 0x80) continue;
      s += alphabet[k];
    }
    if (rng() % 4 == 0) s += "\xc3\xa9";
    record doc = record::mapping();
    doc.set("v", record::string(s));
    doc.set("l", record::sequence()).push(record::string(s));
    CHECK(same(read_back(write_yaml(doc)), doc));
  }
}
