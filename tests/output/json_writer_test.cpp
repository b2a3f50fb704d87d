// The one JSON writer: its three layouts are byte for byte those of the tools they name
// (nlohmann's dump for pretty and compact, Python's json.dumps for spaced), its strings
// read back as written, and a <script> document cannot be closed by its data.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "output/json_writer.hpp"

using namespace annals;

namespace {

// {"name": "x", "list": [1, true, null, {}, []], "empty": {}, "nested": {"a": ["b"]}}
void sample(json_writer& w, std::string_view name) {
  w.begin_object();
  w.field("name").string(name);
  w.field("list").begin_array();
  w.item().number(1);
  w.item().boolean(true);
  w.item().null();
  w.item().begin_object();
  w.end_object();
  w.item().begin_array();
  w.end_array();
  w.end_array();
  w.field("empty").begin_object();
  w.end_object();
  w.field("nested").begin_object();
  w.field("a").begin_array();
  w.item().string("b");
  w.end_array();
  w.end_object();
  w.end_object();
}

std::string written(json_layout layout, std::string_view name = "x") {
  std::string out;
  json_writer w(out, layout);
  sample(w, name);
  return out;
}

}  // namespace

TEST_CASE("the pretty and compact layouts are nlohmann's dump(2) and dump()", "[json_writer]") {
  const auto doc = nlohmann::ordered_json::parse(written(json_layout::compact));
  CHECK(written(json_layout::pretty) == doc.dump(2));
  CHECK(written(json_layout::compact) == doc.dump());
}

TEST_CASE("the spaced layout is one line with a space after each comma and colon", "[json_writer]") {
  CHECK(written(json_layout::spaced) ==
        R"({"name": "x", "list": [1, true, null, {}, []], "empty": {}, "nested": {"a": ["b"]}})");
}

TEST_CASE("a pretty writer deep in a document indents from its depth", "[json_writer]") {
  std::string out;
  json_writer w(out, json_layout::pretty, 2);
  w.begin_object();
  w.field("a").number(1);
  w.end_object();
  CHECK(out == "{\n      \"a\": 1\n    }");
}

TEST_CASE("a document streams: its text may be taken between items", "[json_writer]") {
  std::string text, taken;
  json_writer w(text, json_layout::pretty);
  w.begin_object();
  w.field("nodes").begin_array();
  for (int i = 0; i < 3; ++i) {
    w.item().number(i);
    taken += text;
    text.clear();
  }
  w.end_array();
  w.end_object();
  taken += text;
  CHECK(taken == nlohmann::ordered_json::parse(R"({"nodes": [0, 1, 2]})").dump(2));
}

TEST_CASE("plain strings are escaped as nlohmann escapes valid UTF-8", "[json_writer]") {
  // Every ASCII byte, and characters of two, three and four bytes.
  std::string all;
  for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
  all += "\xC3\xA9 \xE2\x80\xA8 \xF0\x9D\x84\x9E";
  std::string out;
  json_writer(out, json_layout::compact).string(all);
  CHECK(out == nlohmann::json(all).dump());

  std::mt19937 random(24);
  const std::string pieces[] = {"a", "\"", "\\", "\n", "\x1f", "\x7f", "<", "&", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\t"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int k = static_cast<int>(random() % 12); k > 0; --k) text += pieces[random() % std::size(pieces)];
    std::string one;
    json_writer(one, json_layout::compact).string(text);
    CHECK(one == nlohmann::json(text).dump());
    CHECK(nlohmann::json::parse(one).get<std::string>() == text);
  }
}

TEST_CASE("invalid UTF-8 in a string becomes U+FFFD, a byte at a time", "[json_writer]") {
  std::string out;
  json_writer(out, json_layout::compact).string("a\xE2\x82" "b\xFF");
  CHECK(out == "\"a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
}

TEST_CASE("script escaping keeps a document inside an HTML script element", "[json_writer]") {
  std::string out;
  json_writer w(out, json_layout::compact, 0, json_escaping::script);
  w.begin_array();
  w.item().string("</script><b>&\xE2\x80\xA8\x7f");
  w.end_array();
  CHECK(out == R"(["\u003c/script\u003e\u003cb\u003e\u0026\u2028\u007f"])");
  CHECK(nlohmann::json::parse(out)[0] == "</script><b>&\xE2\x80\xA8\x7f");
}
