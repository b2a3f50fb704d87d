// PNG and PDF: every bundled timeline drawn by librsvg and cairo, then read back: the PNG's
// size, ink where the text goes, Persian joined (shaped) rather than letters apart or boxes,
// hostile text drawn as text; the PDF's pages all A4, paged when long, its text kept as text.
// The pictures are kept in build/artifacts/raster, to be looked at.

#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/load.hpp"
#include "annals/order.hpp"
#include "annals/render.hpp"
#include "cli_run.hpp"
#include "output/presentation.hpp"
#include "output/raster.hpp"
#include "output/vertical_drawing.hpp"
#include "render_fixture.hpp"

using namespace annals;
namespace fs = std::filesystem;

namespace {

const fs::path artifacts = fs::path(ANNALS_BINARY_DIR) / "artifacts" / "raster";

std::vector<fs::path> timeline_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / "timelines")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

// Inflates a zlib stream: its bytes, and zlib's last status (Z_STREAM_END when it was whole).
std::pair<std::string, int> inflate_stream(std::string_view in) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return {{}, Z_STREAM_ERROR};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buffer[1 << 16];
  int r = Z_OK;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    r = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  } while (r == Z_OK);
  inflateEnd(&z);
  return {std::move(out), r};
}

std::string inflate_all(const std::string& in) {
  auto [out, r] = inflate_stream(in);
  CHECK(r == Z_STREAM_END);
  return out;
}

// An 8-bit RGB PNG read back: every chunk's CRC checked, the rows unfiltered.
raster::bitmap read_png(const std::string& png) {
  REQUIRE(png.size() > 33);
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  raster::bitmap b;
  std::string idat;
  bool ended = false;
  for (std::size_t at = 8; at + 12 <= png.size() && !ended;) {
    const std::uint32_t n = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    REQUIRE(at + 12 + n <= png.size());
    const auto* data = reinterpret_cast<const Bytef*>(png.data() + at + 4);
    CHECK(crc32(0, data, 4 + n) == be32(png, at + 8 + n));
    if (type == "IHDR") {
      b.width = static_cast<int>(be32(png, at + 8));
      b.height = static_cast<int>(be32(png, at + 12));
      REQUIRE(png[at + 16] == 8);  // bits
      REQUIRE(png[at + 17] == 2);  // RGB
    } else if (type == "IDAT") {
      idat += png.substr(at + 8, n);
    } else if (type == "IEND") {
      ended = true;
    }
    at += 12 + n;
  }
  CHECK(ended);
  const std::string raw = inflate_all(idat);
  const std::size_t stride = 3 * static_cast<std::size_t>(b.width);
  REQUIRE(raw.size() == (stride + 1) * static_cast<std::size_t>(b.height));
  std::vector<unsigned char> above(stride, 0), row(stride);
  b.pixels.reserve(static_cast<std::size_t>(b.width) * static_cast<std::size_t>(b.height));
  for (int y = 0; y < b.height; ++y) {
    const char* line = raw.data() + static_cast<std::size_t>(y) * (stride + 1);
    const int filter = line[0];
    for (std::size_t i = 0; i < stride; ++i) {
      const int x = static_cast<unsigned char>(line[1 + i]);
      const int a = i >= 3 ? row[i - 3] : 0, up = above[i], c = i >= 3 ? above[i - 3] : 0;
      int predicted = 0;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = a; break;
        case 2: predicted = up; break;
        case 3: predicted = (a + up) / 2; break;
        case 4: {
          const int p = a + up - c, pa = std::abs(p - a), pb = std::abs(p - up), pc = std::abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
          break;
        }
        default: FAIL("filter " << filter);
      }
      row[i] = static_cast<unsigned char>(x + predicted);
    }
    for (int x = 0; x < b.width; ++x) {
      const std::size_t i = 3 * static_cast<std::size_t>(x);
      b.pixels.push_back(static_cast<std::uint32_t>(row[i]) << 16 | static_cast<std::uint32_t>(row[i + 1]) << 8 | row[i + 2]);
    }
    above = row;
  }
  return b;
}

// Pixels darker than paper in the rectangle [x0, x1) × [y0, y1).
std::size_t ink(const raster::bitmap& b, int x0, int y0, int x1, int y1) {
  std::size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(b.height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(b.width, x1); ++x) {
      const std::uint32_t p = b.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(b.width) + static_cast<std::size_t>(x)];
      if (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 3 * 160) ++n;
    }
  }
  return n;
}

// The horizontal extent of the ink in a bitmap: [first, last] column holding any.
std::pair<int, int> ink_columns(const raster::bitmap& b) {
  int first = b.width, last = -1;
  for (int x = 0; x < b.width; ++x) {
    if (ink(b, x, 0, x + 1, b.height) > 0) first = std::min(first, x), last = std::max(last, x);
  }
  return {first, last};
}

struct loaded {
  timeline tl;
  chronology chron;
};

loaded load_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  memory_reader reader;
  reader.add(file.filename().string(), text.str());
  load_result r = load({file.filename().string()}, reader, {});
  for (const diagnostic& d : r.diagnostics) REQUIRE(d.level != severity::error);
  std::vector<diagnostic> problems;
  chronology chron = order_events(r.tl, problems);
  return {std::move(r.tl), std::move(chron)};
}

std::string render_as(std::string_view format, const timeline& tl, const chronology& chron, const render_options& o = {}) {
  const auto out = render_to_string(format, tl, chron, o);
  REQUIRE(out);
  return *out;
}

void keep(const std::string& name, const std::string& bytes) {
  fs::create_directories(artifacts);
  std::ofstream(artifacts / name, std::ios::binary) << bytes;
}

// The pages of a PDF as cairo writes them: their MediaBoxes, in order.
std::vector<std::pair<double, double>> pdf_pages(const std::string& pdf) {
  std::vector<std::pair<double, double>> out;
  static const std::regex page(R"(/Type /Page\b[^s][\s\S]*?/MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\])");
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), page); it != std::sregex_iterator(); ++it) {
    out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  return out;
}

// Every content stream of a PDF, inflated.
std::string pdf_contents(const std::string& pdf) {
  std::string out;
  for (std::size_t at = 0; (at = pdf.find("/FlateDecode", at)) != std::string::npos;) {
    const std::size_t begin = pdf.find("stream\n", at);
    const std::size_t end = pdf.find("endstream", begin);
    if (begin == std::string::npos || end == std::string::npos) break;
    out += inflate_stream(std::string_view(pdf).substr(begin + 7, end - begin - 7)).first;
    at = end;
  }
  return out;
}

bool is_a4(std::pair<double, double> page) {
  const auto near = [](double a, double b) { return std::abs(a - b) < 0.5; };
  return (near(page.first, 595.28) && near(page.second, 841.89)) || (near(page.first, 841.89) && near(page.second, 595.28));
}

// One word drawn alone, 48 units high.
raster::bitmap word(const std::string& text) {
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 80\"><text x=\"10\" y=\"55\" "
                          "font-size=\"40\" font-family=\"sans-serif\">" + text + "</text></svg>";
  return raster::rasterize({svg, 600, 80}, 1);
}

}  // namespace

TEST_CASE("the libraries that draw pictures are there, and annals does not link them", "[raster]") {
  REQUIRE_FALSE(raster::unavailable());
  // Linked, they would be mapped into every run (tests/memory_limits.sh): dlopen only.
  CHECK(testing::run_sh("ldd \"$ANNALS\" | grep -q -e rsvg -e cairo -e pango -e glib") == 1);
}

TEST_CASE("every bundled timeline becomes a PNG: 2400 px wide, as tall as the drawing and the list, text drawn",
          "[raster]") {
  for (const fs::path& file : timeline_files()) {
    const std::string name = file.stem().string();
    DYNAMIC_SECTION(name) {
      const loaded l = load_file(file);
      render_report report;
      const std::string png = render_as("png", l.tl, l.chron);
      keep(name + ".png", png);
      const raster::bitmap b = read_png(png);
      CHECK(b.width == 2400);
      // The drawing's height and the list's, at two pixels a unit.
      const std::string svg = render_as("svg", l.tl, l.chron);
      const auto drawing = raster::document(svg);
      REQUIRE(drawing);
      const render_options options;  // the presentation keeps a reference to it
      const presentation p(l.tl, l.chron, options, report);
      const vertical::layout list = vertical::lay_out(p, 1200);
      CHECK(b.height == static_cast<int>(std::ceil((drawing->height + list.height) * 2 - 1e-6)));
      // The drawing is drawn: ink in its top band.
      CHECK(ink(b, 0, 0, b.width, static_cast<int>(drawing->height * 2)) > 5000);
      // Every event's title: ink in the text column of its row, below the drawing.
      const vertical::columns c = vertical::columns_of(1200);
      const int offset = static_cast<int>(drawing->height * 2);
      for (const vertical::row& r : list.rows) {
        if (r.what != vertical::row::kind::event) continue;
        INFO("event at " << r.position);
        CHECK(ink(b, static_cast<int>(c.text * 2), offset + static_cast<int>(r.y * 2), b.width,
                  offset + static_cast<int>((r.y + 30) * 2)) > 200);
      }
    }
  }
}

TEST_CASE("every bundled timeline becomes an A4 PDF whose text stays text", "[raster]") {
  for (const fs::path& file : timeline_files()) {
    const std::string name = file.stem().string();
    DYNAMIC_SECTION(name) {
      const loaded l = load_file(file);
      const std::string pdf = render_as("pdf", l.tl, l.chron);
      keep(name + ".pdf", pdf);
      CHECK(pdf.compare(0, 5, "%PDF-") == 0);
      const auto pages = pdf_pages(pdf);
      REQUIRE(pages.size() >= 2);  // the drawing, then the list
      for (const auto& page : pages) CHECK(is_a4(page));
      CHECK(pages.front().first > pages.front().second);  // the drawing across a landscape page
      CHECK(pages.back().first < pages.back().second);    // the list down portrait ones
      // Glyphs shown as text (BT … Tj/TJ), from fonts that map back to Unicode.
      const std::string contents = pdf_contents(pdf);
      CHECK(contents.find("BT") != std::string::npos);
      CHECK((contents.find("Tj") != std::string::npos || contents.find("TJ") != std::string::npos));
      CHECK(pdf.find("/ToUnicode") != std::string::npos);
      CHECK(pdf.find("/CreationDate") == std::string::npos);  // same input, same bytes
    }
  }
}

TEST_CASE("a long chronology is paged: every event on some A4 page, a page per thousand units", "[raster]") {
  std::string yaml = "timeline: long\ntitle: A long chronology\nevents:\n";
  for (int i = 0; i < 400; ++i) {
    yaml += "  - {id: e" + std::to_string(i) + ", title: Event number " + std::to_string(i) +
            " of a long chronology, date: " + std::to_string(1600 + i) + "-03-01}\n";
  }
  memory_reader reader;
  reader.add("long.yaml", yaml);
  load_result r = load({"long.yaml"}, reader, {});
  std::vector<diagnostic> problems;
  const chronology chron = order_events(r.tl, problems);
  const std::string pdf = render_as("pdf", r.tl, chron);
  keep("long.pdf", pdf);
  const auto pages = pdf_pages(pdf);
  render_report report;
  const render_options options;  // the presentation keeps a reference to it
  const presentation p(r.tl, chron, options, report);
  const vertical::layout list = vertical::lay_out(p);
  const std::size_t list_pages = vertical::pages(list, 1123 - 96).size();
  CHECK(list_pages > 20);
  CHECK(pages.size() >= list_pages + 1);
  for (const auto& page : pages) CHECK(is_a4(page));
  SECTION("no page of the list ends with a heading") {
    const auto starts = vertical::pages(list, 1123 - 96);
    for (std::size_t i = 1; i < starts.size(); ++i) {
      CHECK(list.rows[starts[i] - 1].what == vertical::row::kind::event);
      CHECK(list.height_of(starts[i - 1], starts[i]) <= 1123 - 96);
    }
  }
  SECTION("the PNG holds the whole of it, far past cairo's 32,767 rows") {
    render_options vertical_only;
    vertical_only.layout = render_options::layout_kind::vertical;
    const raster::bitmap b = read_png(render_as("png", r.tl, chron, vertical_only));
    CHECK(b.width == 1588);
    CHECK(b.height == static_cast<int>(list.height * 2));
    CHECK(b.height > 32767);
    const vertical::row& last = list.rows.back();
    CHECK(ink(b, static_cast<int>(vertical::columns_of(794).text * 2), static_cast<int>(last.y * 2), b.width,
              static_cast<int>((last.y + 30) * 2)) > 200);
  }
}

TEST_CASE("Persian is shaped: its letters join, and it is no row of boxes", "[raster]") {
  // مظفرالدین, once joined and once with a zero-width non-joiner after each letter: shaped
  // text draws the joined word narrower than its letters apart; boxes (a missing font) or
  // unshaped text draw both alike.
  const std::string joined = "مظفرالدین";
  std::string apart;
  for (std::size_t i = 0; i < joined.size();) {
    const std::size_t n = (static_cast<unsigned char>(joined[i]) & 0xE0) == 0xC0 ? 2 : 1;
    apart += joined.substr(i, n) + "\u200c";
    i += n;
  }
  const raster::bitmap a = word(joined), b = word(apart);
  const auto [a0, a1] = ink_columns(a);
  const auto [b0, b1] = ink_columns(b);
  REQUIRE(a1 > a0);
  CHECK(a1 - a0 < (b1 - b0) * 9 / 10);
  CHECK(a.pixels != b.pixels);
  // Right to left: the first letter (mim) is at the right end of the joined word.
  const raster::bitmap mim = word("م");
  CHECK(ink(mim, 0, 0, mim.width, mim.height) > 50);

  SECTION("persia-1906 shows the Shahs' names in Persian") {
    const loaded l = load_file(fs::path(ANNALS_SOURCE_DIR) / "timelines" / "persia-1906.yaml");
    render_options o;
    o.layout = render_options::layout_kind::vertical;
    CHECK(render_as("svg", l.tl, l.chron, o).find("\u2068مظفرالدین شاه\u2069") != std::string::npos);
  }
}

TEST_CASE("hostile text is drawn as text, and its direction overrides stop at its end", "[raster]") {
  const auto f = testing::make_fixture();
  render_options o;
  o.layout = render_options::layout_kind::vertical;
  const std::string svg = render_as("svg", f.tl, f.chron, o);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  keep("fixture.vertical.svg", svg);
  const std::string png = render_as("png", f.tl, f.chron, o);
  keep("fixture.vertical.png", png);
  const raster::bitmap b = read_png(png);
  CHECK(b.width == 1588);
  CHECK(ink(b, 0, 0, b.width, b.height) > 20000);

  SECTION("a title's right-to-left override ends with the title") {
    memory_reader reader;
    reader.add("rlo.yaml", "timeline: rlo\ntitle: T\nevents:\n  - {id: a, title: \"abc\u202Edef ]]> & <x>\", "
                           "date: 2015-11-23, place: tehran}\nplaces:\n  tehran: {name: Tehran}\n");
    load_result r = load({"rlo.yaml"}, reader, {});
    std::vector<diagnostic> problems;
    const chronology chron = order_events(r.tl, problems);
    const std::string v = render_as("svg", r.tl, chron, o);
    // A line is a text element of its own: the override ends with it.
    CHECK(v.find(">abc\u202Edef ]]&gt; &amp; &lt;x&gt;</text>") != std::string::npos);
    // An isolated override ends with the isolate: what follows it draws as it would
    // without one (the who line isolates each name that runs right to left).
    const raster::bitmap overridden = word("\u2068\u202Eabc\u2069 after"), reversed = word("\u2068cba\u2069 after");
    CHECK(overridden.pixels == reversed.pixels);
    CHECK(word("\u202Eabc after").pixels != reversed.pixels);  // not isolated, it would reach on
  }
}

TEST_CASE("render --format png and --layout: the command line", "[raster][cli]") {
  testing::cli_dir dir("raster");
  dir.write("t.yaml", "timeline: t\ntitle: T\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  SECTION("an unknown layout is a usage error") {
    const auto r = testing::run_cli(dir, {"render", "t.yaml", "--format", "svg", "--layout", "diagonal"});
    CHECK(r.status == 2);
    CHECK(r.err.find("unknown layout 'diagonal' (use horizontal or vertical)") != std::string::npos);
  }
  SECTION("-o writes the picture whole, standard output gets the same bytes") {
    const auto r = testing::run_cli_clean(dir, {"render", "t.yaml", "--format", "png", "-o", "t.png"});
    CHECK(r.out.empty());
    const std::string file = testing::cli_slurp(dir.path / "t.png");
    CHECK(read_png(file).width == 2400);
    CHECK(testing::run_cli_clean(dir, {"render", "t.yaml", "--format", "png"}).out == file);
  }
  SECTION("--layout vertical draws the list alone") {
    const auto r = testing::run_cli_clean(dir, {"render", "t.yaml", "--format", "svg", "--layout", "vertical"});
    CHECK(r.out.find("class=\"annals-vertical\"") != std::string::npos);
    CHECK(r.out.find("class=\"annals-timeline\"") == std::string::npos);
  }
}
