#include <catch2/catch.hpp>

#include "import/csv_reader.hpp"

using namespace annals;

namespace {

std::vector<std::string> texts(const csv::row& r) {
  std::vector<std::string> out;
  for (const csv::cell& c : r) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("quoted cells hold delimiters, doubled quotes and line breaks, and keep their row and column", "[csv]") {
  const csv::table t = csv::read("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n2,,last\r\n");
  REQUIRE(!t.error);
  REQUIRE(t.rows.size() == 3);
  CHECK(texts(t.rows[1]) == std::vector<std::string>{"1", "x, \"y\"", "two\nlines"});
  CHECK(t.rows[1][2].row == 2);
  CHECK(t.rows[1][2].column == 3);
  CHECK(t.rows[1][2].line == 2);
  // the row after a cell of two lines is the sheet's row 3, on the file's line 4
  CHECK(t.rows[2][0].row == 3);
  CHECK(t.rows[2][0].line == 4);
  CHECK(texts(t.rows[2]) == std::vector<std::string>{"2", "", "last"});
}

TEST_CASE("a byte order mark, LF or CR line ends and a missing last line end are read alike", "[csv]") {
  for (const std::string_view bytes : {"\xEF\xBB\xBFh1,h2\n1,2", "h1,h2\r1,2\r", "h1,h2\n1,2\n"}) {
    const csv::table t = csv::read(bytes);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0].text == "h1");
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"1", "2"});
  }
  CHECK(csv::read("").rows.empty());
  CHECK(csv::read("a,b,\n").rows[0].size() == 3);
}

TEST_CASE("a quote never closed is an error at the cell it opens", "[csv]") {
  const csv::table t = csv::read("a,b\n1,2\n3,\"open\n4,5\n");
  REQUIRE(t.error);
  CHECK(t.error->row == 3);
  CHECK(t.error->column == 2);
  CHECK(t.error->line == 3);
}

TEST_CASE("the delimiter is the one the header uses most: comma, semicolon or tab", "[csv]") {
  CHECK(csv::detect_delimiter("a,b,c\n") == ',');
  CHECK(csv::detect_delimiter("Date;Title;\"x,y,z\"\n1;2;3") == ';');
  CHECK(csv::detect_delimiter("Date\tTitle\n") == '\t');
  CHECK(csv::detect_delimiter("Date\n") == ',');
  const csv::table t = csv::read("Date;Title\n2015;\"a;b\"\n");
  CHECK(texts(t.rows[1]) == std::vector<std::string>{"2015", "a;b"});
  CHECK(csv::blank(csv::read(" , \n").rows[0]));
}
