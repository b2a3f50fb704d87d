// Media confined to the timeline's tree (issue 19): the url rule validation applies, and
// render --embed-media reading only beneath the timeline's folder, once per file, within
// its budget, and only files whose bytes are the image their name says.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/diagnostic.hpp"
#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"
#include "output/escape.hpp"
#include "output/media_embed.hpp"
#include "input/media_url.hpp"

using namespace annals;
namespace fs = std::filesystem;

namespace {

const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "png body";

struct run_result {
  outcome status;
  std::string out, err;
};

template <typename Args, typename Run>
run_result run(file_reader& reader, Args args, Run command) {
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  const outcome status = command(args, env);
  return {status, out.str(), err.str()};
}

// One event whose media url is `url` as written in YAML (quoted as needed).
std::string with_media(const std::string& url) {
  return "events:\n  - id: a\n    title: A\n    date: 2015\n    media:\n      url: " + url +
         "\n      alt: An image\n";
}

run_result validate_media(const std::string& url) {
  memory_reader reader;
  reader.add("dir/rome.yaml", with_media(url));
  validate_args a;
  a.files = {"dir/rome.yaml"};
  return run(reader, a, run_validate);
}

// A scratch folder: `tree/` holds the timeline, `outside/` what it must not reach.
struct scratch {
  fs::path path;
  scratch() {
    std::string t = (fs::temp_directory_path() / "annals-media-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
    fs::create_directories(path / "tree");
    fs::create_directories(path / "outside");
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const fs::path& relative, const std::string& bytes) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << bytes;
  }
  std::string tree() const { return (path / "tree").string(); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct cli_result {
  int status = -1;
  std::string out, err;
};

// The real command line, in `dir`; arguments are ours, never user text.
cli_result annals_cli(const scratch& s, const std::string& args) {
  const fs::path out = s.path / ".out", err = s.path / ".err";
  const std::string command = "cd '" + s.tree() + "' && '" + ANNALS_BIN + "' " + args + " >'" + out.string() +
                              "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// The secret every outside file holds; no output may carry it, plain or encoded.
const std::string secret = "TOPSECRET-annals-media-test-token";

void check_no_leak(const std::string& text) {
  CHECK(text.find(secret) == std::string::npos);
  CHECK(text.find(base64(secret).substr(0, 20)) == std::string::npos);
  CHECK(text.find(";base64,") == std::string::npos);  // the html page's policy names "img-src data:"
}

// `render --format FORMAT FILE`, with --embed-media when `embed`.
render_args rendering(std::string file, std::string format, bool embed = false) {
  render_args r;
  r.files = {std::move(file)};
  r.format = std::move(format);
  r.embed_media = embed;
  return r;
}

}  // namespace

TEST_CASE("a local media path is a plain relative image path, anything else is unsafe-url, said why",
          "[media][validate]") {
  const std::pair<std::string, std::string> refused[] = {
      {"../secret.png", "media path '../secret.png' leaves the timeline's folder ('..')"},
      {"img/../../secret.png", "media path 'img/../../secret.png' leaves the timeline's folder ('..')"},
      {"/etc/passwd.png", "media path '/etc/passwd.png' is absolute: it leaves the timeline's folder"},
      {"//evil.example/x.png",
       "media path '//evil.example/x.png' names another host, not a file in the timeline's folder"},
      {R"('\\evil.example\x.png')", R"(media path '\\evil.example\x.png' names another host)"},
      {R"('/\evil.png')", R"(media path '/\evil.png' names another host)"},
      {R"('img\a.png')", R"(media path 'img\a.png' has a backslash, which browsers read as '/')"},
      {"\"\\ta.png\"", "media path '\\ta.png' has whitespace"},
      {"' a.png'", "media path ' a.png' has whitespace"},
      {"'a b.png'", "media path 'a b.png' has whitespace"},
      {"\"a\\u202e.png\"",
       "media path 'a\\u202e.png' has an invisible or direction-changing character (U+202E)"},
      {"\"<blockquote><img src=//host/pixel.gif>\"", "has markup ('<')"},
      {"'a\"b.png'", "has markup ('\"')"},
      {"\"a'b.png\"", "has ''', which a plain file path does not hold"},
      {"'a%2e.png'", "has '%', which a plain file path does not hold"},
      {"'a.png?x=1'", "has '?'"},
      {"'a.png#x'", "has '#'"},
      {"img//a.png", "media path 'img//a.png' has an empty folder name"},
      {"notes.txt",
       "media path 'notes.txt' is not an image file annals knows (png, jpg, jpeg, gif, webp, svg)"},
      {"'javascript:alert(1)'", "media url 'javascript:alert(1)' is not http, https or a file path"},
      {"'data:image/png;base64,AAAA'", "is not http, https or a file path"},
      {"'C:\\x.png'", "is not http, https or a file path"},
      {"'https://a.org/<b>.png'", "media url 'https://a.org/<b>.png' has markup ('<')"},
  };
  for (const auto& [url, message] : refused) {
    INFO(url);
    const run_result r = validate_media(url);
    CHECK(r.status == outcome::input_error);
    CHECK(r.out.find("dir/rome.yaml:6:12: error: ") != std::string::npos);
    CHECK(r.out.find(message) != std::string::npos);
    CHECK(r.out.find("[unsafe-url]") != std::string::npos);
  }
  for (const char* url : {"a.png", "img/a.PNG", "./img/photo-1_(2).jpeg", "x.gif", "x.webp", "x.svg",
                          "é/x.jpg", "https://example.org/a.jpg", "HTTP://example.org/x"}) {
    INFO(url);
    CHECK(validate_media(url).status == outcome::ok);
  }
}

TEST_CASE("a media url without alt is checked too", "[media][validate]") {
  memory_reader reader;
  reader.add("rome.yaml", "events:\n  - {id: a, title: A, date: 2015, media: {url: ../secret.png}}\n");
  validate_args a;
  a.files = {"rome.yaml"};
  const run_result r = run(reader, a, run_validate);
  CHECK(r.out.find("[missing-alt]") != std::string::npos);
  CHECK(r.out.find("rome.yaml:2:48: error: media path '../secret.png' leaves the timeline's folder") !=
        std::string::npos);
}

TEST_CASE("a quoted url is escaped and cut in its message", "[media][validate]") {
  const diagnostic d{severity::error, "unsafe-url", "input", 1, 1, media_url_problem(std::string(5000, '/')).value(), ""};
  CHECK(format_text(d).size() < 400);
  const diagnostic e{severity::error, "unsafe-url", "input", 1, 1, media_url_problem("a\x1b[2J\u202e.png").value(), ""};
  CHECK(format_text(e).find("a\\x1b[2J\\u202e.png") != std::string::npos);
}

TEST_CASE("a source url is http or https: javascript: and data: are unsafe-url", "[media][validate]") {
  const auto check = [](const std::string& url) {
    memory_reader reader;
    reader.add("rome.yaml", "sources:\n  s:\n    title: S\n    url: " + url +
                                "\nevents:\n  - {id: a, title: A, date: 2015, sources: [s]}\n");
    validate_args a;
    a.files = {"rome.yaml"};
    return run(reader, a, run_validate);
  };
  const run_result js = check("'javascript:alert(1)'");
  CHECK(js.status == outcome::input_error);
  CHECK(js.out.find(
            "rome.yaml:4:10: error: source url 'javascript:alert(1)' is not http or https; link sources over "
            "https [unsafe-url]") != std::string::npos);
  CHECK(check("'data:text/html,<script>alert(1)</script>'").out.find("[unsafe-url]") != std::string::npos);
  CHECK(check("'mailto:a@b.c'").status == outcome::input_error);
  CHECK(check("'https://a b'").out.find("source url 'https://a b' has whitespace") != std::string::npos);
  CHECK(check("https://example.org/report").status == outcome::ok);

  // render refuses the file, so no format writes the url.
  memory_reader reader;
  reader.add("rome.yaml",
             "sources:\n  s: {title: S, url: 'javascript:alert(1)'}\nevents:\n  - {id: a, title: A, date: "
             "2015, sources: [s]}\n");
  render_args r = rendering("rome.yaml", "json");
  const run_result rendered = run(reader, r, run_render);
  CHECK(rendered.status == outcome::input_error);
  CHECK(rendered.out.empty());
}

TEST_CASE("no format writes a media url the rule refuses, however the timeline was built",
          "[media][render]") {
  // The builder keeps no refused media: render refuses the file; the presentation drops it too.
  memory_reader reader;
  reader.add("rome.yaml", with_media("\"<blockquote><img src=//host/pixel.gif>\""));
  render_args r = rendering("rome.yaml", "timelinejs");
  const run_result tjs = run(reader, r, run_render);
  CHECK(tjs.status == outcome::input_error);
  CHECK(tjs.out.empty());
  CHECK(tjs.err.find("<blockquote>") != std::string::npos);  // named in the diagnostic, not written as a page

  CHECK(load({"rome.yaml"}, reader, {}).tl.media.empty());
  reader.add("plain.yaml", "events:\n  - {id: a, title: A, date: 2015}\n");
  validation v = validate({"plain.yaml"}, reader, {});
  REQUIRE(v.valid(true));
  timeline& tl = v.loaded.tl;
  tl.media.push_back({tl.events[0].id, "<blockquote><img src=//host/pixel.gif>", "c", "", "alt", {}});
  for (const char* format : {"timelinejs", "html", "markdown", "text", "json"}) {
    INFO(format);
    const auto out = render_to_string(format, tl, v.chron, {});
    REQUIRE(out);
    CHECK(out->find("blockquote") == std::string::npos);
    CHECK(out->find("pixel.gif") == std::string::npos);
  }
}

TEST_CASE("embedding media reads each distinct file once and shares one data URI", "[media][embed]") {
  memory_reader reader;
  std::string yaml = "events:\n";
  for (int i = 0; i < 30; ++i)  // `./img/a.png` is the same file
    yaml += "  - {id: e" + std::to_string(i) + ", title: E, date: " + std::to_string(2000 + i) +
            ", media: {url: " + (i % 2 ? "img/a.png" : "./img/a.png") + ", alt: An image}}\n";
  reader.add("dir/rome.yaml", yaml);
  reader.add("dir/img/a.png", png);
  render_args r;
  r.files = {"dir/rome.yaml"};
  r.format = "timelinejs";
  r.embed_media = true;
  const run_result tjs = run(reader, r, run_render);
  CHECK(tjs.status == outcome::ok);
  CHECK(tjs.err.empty());
  CHECK(reader.beneath_reads() == 1);
  const auto doc = nlohmann::json::parse(tjs.out);
  REQUIRE(doc["events"].size() == 30);
  for (const auto& e : doc["events"]) CHECK(e["media"]["url"] == "data:image/png;base64," + base64(png));
}

TEST_CASE("embedding media has a budget per render, counted at each event that shows the image",
          "[media][embed]") {
  memory_reader reader;
  reader.add("dir/rome.yaml",
             "events:\n"
             "  - {id: a, title: A, date: 2001, media: {url: a.png, alt: A}}\n"
             "  - {id: b, title: B, date: 2002, media: {url: b.png, alt: B}}\n"
             "  - {id: c, title: C, date: 2003, media: {url: b.png, alt: B}}\n");
  reader.add("dir/a.png", png + std::string(600, 'a'));
  reader.add("dir/b.png", png + std::string(600, 'b'));
  const load_result loaded = load({"dir/rome.yaml"}, reader, {});
  REQUIRE(loaded.diagnostics.empty());
  chronology chron;
  chron.order = {0, 1, 2};
  std::vector<std::string> warnings;
  const auto out = embed_media(loaded.tl, chron, reader, "", {1 << 20, 2000}, warnings);
  REQUIRE(out.size() == 1);  // a.png: ~850 bytes; b.png twice would pass 2000
  CHECK(out[0].first == "a.png");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "cannot embed media 'b.png': embedding it at each of its 2 events would pass the budget of 2000 "
        "bytes of embedded media per render; it stays a link");
  CHECK(reader.beneath_reads() == 1);  // b.png was refused by its size, not read

  warnings.clear();
  CHECK(embed_media(loaded.tl, chron, reader, "", {100, 1 << 20}, warnings).empty());
  CHECK(warnings[0] == "cannot embed media 'a.png': larger than 100 bytes; it stays a link");
}

TEST_CASE("embedding media takes only bytes that are the image their name says", "[media][embed]") {
  const auto embeds = [](const std::string& name, const std::string& bytes) {
    memory_reader reader;
    reader.add("rome.yaml", with_media(name));
    reader.add(name, bytes);
    render_args r;
    r.files = {"rome.yaml"};
    r.format = "html";
    r.embed_media = true;
    const run_result out = run(reader, r, run_render);
    CHECK(out.status == outcome::ok);
    return out.err.empty() && out.out.find("data:image/") != std::string::npos;
  };
  CHECK(embeds("a.png", png));
  CHECK_FALSE(embeds("a.png", "PATH=/usr/bin\nTOKEN=" + secret));
  CHECK(embeds("a.jpg", "\xFF\xD8\xFF\xE0 jfif"));
  CHECK_FALSE(embeds("a.jpg", png));
  CHECK(embeds("a.gif", "GIF89a..."));
  CHECK(embeds("a.webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)));
  CHECK_FALSE(embeds("a.webp", std::string("RIFF\x10\0\0\0AVI LIST", 16)));
  CHECK(embeds(
      "a.svg",
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- drawn -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
  CHECK_FALSE(embeds("a.svg", "TOKEN=x <svg>"));
  CHECK_FALSE(embeds("a.svg", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>"));
  CHECK_FALSE(embeds("a.svg", std::string("<svg>\0</svg>", 12)));

  memory_reader reader;
  reader.add("rome.yaml", with_media("a.png"));
  reader.add("a.png", "TOKEN=" + secret);
  render_args r = rendering("rome.yaml", "html", true);
  const run_result out = run(reader, r, run_render);
  CHECK(out.err ==
        "annals render: warning: cannot embed media 'a.png': its content is not image/png (its first bytes "
        "are not that format's); it stays a link\n");
  check_no_leak(out.out);
}

TEST_CASE("embedding media refuses a path through a symbolic link, in memory as on disk", "[media][embed]") {
  memory_reader reader;
  reader.add("dir/rome.yaml", with_media("img/a.png"));
  reader.add("dir/img/a.png", png);
  reader.add_link("dir/img");
  render_args r = rendering("dir/rome.yaml", "html", true);
  const run_result out = run(reader, r, run_render);
  CHECK(out.status == outcome::ok);
  CHECK(out.err ==
        "annals render: warning: cannot embed media 'img/a.png': 'dir/img' is a symbolic link, which annals "
        "does not follow; it stays a link\n");
  CHECK(out.out.find(";base64,") == std::string::npos);
  CHECK(out.out.find("<a href=\"img/a.png\">") != std::string::npos);
}

TEST_CASE("embedding media on disk reaches no file outside the timeline's folder", "[media][embed][cli]") {
  scratch s;
  s.write("outside/secret.png", png + secret);
  s.write("outside/pics/secret.png", png + secret);
  s.write("tree/real.png", png);
  s.write("tree/img/ok.png", png);
  fs::create_symlink("/proc/self/environ", s.path / "tree/env.png");
  fs::create_symlink(s.path / "outside/secret.png", s.path / "tree/out.png");
  fs::create_symlink("../outside/secret.png", s.path / "tree/rel.png");
  fs::create_symlink(s.path / "outside/pics", s.path / "tree/pics");
  fs::create_symlink("real.png", s.path / "tree/inside.png");  // inside, yet refused: no link is followed
  fs::create_hard_link(s.path / "outside/secret.png", s.path / "tree/hard.png");
  REQUIRE(::mkfifo((s.path / "tree/fifo.png").c_str(), 0600) == 0);
  fs::create_directories(s.path / "tree/dir.png");
  const std::pair<std::string, std::string> cases[] = {
      {"env.png", "'env.png' is a symbolic link, which annals does not follow"},
      {"out.png", "'out.png' is a symbolic link"},
      {"rel.png", "'rel.png' is a symbolic link"},
      {"pics/secret.png", "'pics' is a symbolic link"},
      {"inside.png", "'inside.png' is a symbolic link"},
      {"hard.png", "has other hard links, so it may belong to another folder"},
      {"fifo.png", "not a regular file (a FIFO, device or socket)"},
      {"dir.png", "is a directory, not a file"},
      {"missing.png", "no such file"},
  };
  std::string yaml = "events:\n";
  for (int n = 0; const auto& c : cases) {
    yaml += "  - {id: e" + std::to_string(n) + ", title: E, date: " + std::to_string(2000 + n) +
            ", media: {url: " + c.first + ", alt: A}}\n";
    ++n;
  }
  yaml += "  - {id: good, title: Good, date: 2050, media: {url: img/ok.png, alt: Fine}}\n";
  s.write("tree/rome.yaml", yaml);

  SECTION("through the engine and the disk reader") {
    const auto reader = make_disk_reader();
    render_args r;
    r.files = {s.tree() + "/rome.yaml"};
    r.format = "html";
    r.embed_media = true;
    const run_result out = run(*reader, r, run_render);
    CHECK(out.status == outcome::ok);
    for (const auto& [url, why] : cases) {
      INFO(url);
      CHECK(out.err.find("cannot embed media '" + url + "': " + why) != std::string::npos);
    }
    CHECK(out.out.find("data:image/png;base64," + base64(png) + "\"") != std::string::npos);  // img/ok.png
    const std::string without_good = out.out.substr(0, out.out.find("data:image/"));
    CHECK(out.out.find(secret) == std::string::npos);
    CHECK(out.out.find(base64(png + secret).substr(0, 24)) == std::string::npos);
    check_no_leak(out.err);
    check_no_leak(without_good);
  }
  SECTION("through the command line, html and timelinejs") {
    ::setenv("ANNALS_MEDIA_TEST_SECRET", secret.c_str(), 1);  // what /proc/self/environ would give away
    for (const char* format : {"html", "timelinejs"}) {
      INFO(format);
      const cli_result out = annals_cli(s, std::string("render rome.yaml --embed-media --format ") + format);
      CHECK(out.status == 0);
      CHECK(out.err.find("cannot embed media 'env.png': 'env.png' is a symbolic link") != std::string::npos);
      CHECK(out.err.find("cannot embed media 'pics/secret.png': 'pics' is a symbolic link") !=
            std::string::npos);
      CHECK(out.out.find(secret) == std::string::npos);
      CHECK(out.out.find(base64(png + secret).substr(0, 24)) == std::string::npos);
      CHECK(out.out.find("data:image/png;base64,") != std::string::npos);  // only img/ok.png
      CHECK(out.out.find("data:image/png;base64,") == out.out.rfind("data:image/png;base64,"));
      check_no_leak(out.err);
    }
    ::unsetenv("ANNALS_MEDIA_TEST_SECRET");
  }
  SECTION("--media-root reads beneath the folder given instead") {
    s.write("media/img/ok.png", png);
    const cli_result out =
        annals_cli(s, "render rome.yaml --embed-media --media-root ../media --format html");
    CHECK(out.status == 0);
    CHECK(out.err.find("cannot embed media 'env.png': no such file") != std::string::npos);
    CHECK(out.out.find("data:image/png;base64,") != std::string::npos);
    CHECK(annals_cli(s, "render rome.yaml --media-root ../media").status == 2);
  }
}

TEST_CASE("paths that leave the folder are refused before render reads anything", "[media][cli]") {
  scratch s;
  s.write("outside/secret.png", png + secret);
  s.write("tree/img/ok.png", png);
  for (const std::string& url :
       {std::string("../outside/secret.png"), s.path.string() + "/outside/secret.png",
        std::string("/etc/passwd.png"), std::string("//evil.example/x.png"),
        std::string("'\\\\evil.example\\x.png'"), std::string("'/\\evil.png'"), std::string("' img/ok.png'"),
        std::string("\"\\timg/ok.png\""),
        std::string(
            "\"<blockquote><img src=//host/pixel.gif><a href=//evil.example/login>x</a></blockquote>\"")}) {
    INFO(url);
    s.write("tree/rome.yaml", with_media(url));
    const cli_result v = annals_cli(s, "validate rome.yaml");
    CHECK(v.status == 1);
    CHECK(v.out.find("rome.yaml:6:12: error: ") != std::string::npos);
    CHECK(v.out.find("[unsafe-url]") != std::string::npos);
    for (const char* format : {"html", "timelinejs"}) {
      const cli_result r = annals_cli(s, std::string("render rome.yaml --embed-media --format ") + format);
      CHECK(r.status == 1);
      CHECK(r.out.empty());
      check_no_leak(r.err);
    }
  }
}

TEST_CASE("an embedding warning cannot forge a terminal line", "[media][embed]") {
  memory_reader reader;
  std::vector<std::string> warnings;
  timeline tl;
  tl.files.push_back({});
  tl.files[0].path = "rome.yaml";
  const symbol a = tl.names.intern("a");
  tl.events.push_back({});
  tl.events[0].id = a;
  tl.media.push_back({a, "x\x1b[2K\r\nannals: ok\u202e.png", "", "", "alt", {}});
  chronology chron;
  chron.order = {0};
  embed_media(tl, chron, reader, "", {}, warnings);
  REQUIRE(warnings.size() == 1);
  // Warnings are shown through display_text, as every diagnostic is.
  const std::string shown = display_text(warnings[0]);
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK(shown.find('\n') == std::string::npos);
  CHECK(shown.find("\u202e") == std::string::npos);
  CHECK(shown.find("x\\x1b[2K\\r\\nannals: ok\\u202e.png") != std::string::npos);
}

TEST_CASE("embedding media needs a folder: standard input and two folders naming one path are refused",
          "[media][embed]") {
  memory_reader reader;
  reader.add("-", with_media("a.png"));
  reader.add("a.png", png);
  render_args r = rendering("-", "html", true);
  const run_result piped = run(reader, r, run_render);
  CHECK(piped.status == outcome::ok);
  CHECK(piped.err ==
        "annals render: warning: cannot embed media 'a.png': its timeline was read from standard input, "
        "which has no folder: give --media-root; it stays a link\n");
  r.media_root = ".";
  CHECK(run(reader, r, run_render).out.find("data:image/png;base64,") != std::string::npos);

  reader.add("one/a.yaml", "events:\n  - {id: a, title: A, date: 2015, media: {url: a.png, alt: A}}\n");
  reader.add("two/b.yaml", "events:\n  - {id: b, title: B, date: 2016, media: {url: a.png, alt: B}}\n");
  reader.add("one/a.png", png);
  reader.add("two/a.png", png + "other");
  r.files = {"one/a.yaml", "two/b.yaml"};
  r.media_root.clear();
  const run_result two = run(reader, r, run_render);
  CHECK(two.err.find("cannot embed media 'a.png': timelines in different folders name it") !=
        std::string::npos);
  CHECK(two.out.find(";base64,") == std::string::npos);
}

TEST_CASE("the command line holds embedded media to 64 MiB per render", "[media][embed][cli]") {
  scratch s;
  s.write("tree/big.png", png + std::string(3 << 20, '\0'));  // 4 MiB encoded: 30 uses are 120 MiB
  std::string yaml = "events:\n";
  for (int i = 0; i < 30; ++i)
    yaml += "  - {id: e" + std::to_string(i) + ", title: E, date: " + std::to_string(2000 + i) +
            ", media: {url: big.png, alt: A}}\n";
  s.write("tree/rome.yaml", yaml);
  const cli_result out = annals_cli(s, "render rome.yaml --embed-media --format timelinejs");
  CHECK(out.status == 0);
  CHECK(out.err ==
        "annals render: warning: cannot embed media 'big.png': embedding it at each of its 30 events would "
        "pass the budget of 64 MiB of embedded media per render; it stays a link\n");
  CHECK(out.out.size() < 100'000);
  CHECK(out.out.find(";base64,") == std::string::npos);
}
