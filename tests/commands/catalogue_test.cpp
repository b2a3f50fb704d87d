// The bad-input catalogue: one row per kind of bad input, each run through the
// command line (build/bin/annals) and checked by its exit status and the text it
// prints. Every row is its own test case, named by the row.
//
// A row's arguments may use {in} (the row's input, written to a scratch directory
// as input.yaml) and {dir} (that directory). A row may prepare more of the directory
// (a FIFO, a directory without write permission, ...). Rows run under `timeout`, so
// a hang fails its row (status 124) instead of the suite.

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct row {
  const char* name;                // the test case name: what the row shows
  std::string input;               // the bytes of {in}
  std::vector<std::string> args;   // annals' arguments
  int status;                      // the exit status expected
  std::string expected;            // text expected on standard output or error ({dir} as above)
  void (*prepare)(const std::string& dir) = nullptr;  // more set-up in {dir}
  bool input_on_stdin = false;     // standard input reads {in} (else /dev/null)
  bool unprivileged = false;       // run as nobody (root reads and writes anything)
  void (*after)(const std::string& dir) = nullptr;  // more checks of {dir} after the run
};

// -- inputs ------------------------------------------------------------------------

const std::string valid =
    "timeline: t\ntitle: T\nreference: 2015-11-25\nevents:\n"
    "  - {id: a, title: A, date: 2015-11-23}\n";

std::string with_events(const std::string& events) {
  return "timeline: t\ntitle: T\nreference: 2015-11-25\nevents:\n" + events;
}

// An incident file whose one flow mapping holds plain values with ', ' inside: the
// duplicate key it makes stops the reading before the header is used.
const std::string cut_values =
    "timeline: s3\ntitle: S3 outage\ntimezone: America/Los_Angeles\n"
    "sources:\n  shd: {title: SHD}\n  cnn: {title: CNN}\nevents:\n"
    "  - {id: typo, title: Typo, date: 9:37 AM on February 28, sources: [shd]}\n"
    "  - {id: ack, title: Ack, date: 11:35 AM on February 28, sources: [cnn]}\n"
    "  - id: fix\n    title: Fixed\n"
    "    date: {sources: {shd: 1:54 PM on February 28, 2017, cnn: 1:49 PM on February 28, 2017}}\n";

const std::string cut_values_error =
    "input.yaml:12:86: error: duplicate key '2017' (first at line 12); a value holding ', ' inside { } must be "
    "quoted: cnn: \"1:49 PM on February 28, 2017\"; 4 more errors in this file are not listed: they may follow "
    "from this one, which stopped the reading of the file [duplicate-key]\n";

std::string alias_bomb() {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  return bomb;
}

std::string deep_nesting() {
  std::string deep = "events:\n";
  for (int i = 0; i < 70; ++i) deep += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
  return deep;
}

// -- preparations --------------------------------------------------------------------

void make_fifo(const std::string& dir) { REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0644) == 0); }

void make_unreadable(const std::string& dir) { fs::permissions(dir + "/input.yaml", fs::perms::none); }

// A file one byte over the 1 GiB limit that takes no disk: a hole.
void make_huge(const std::string& dir) {
  const int fd = ::open((dir + "/huge.yaml").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, (off_t{1} << 30) + 1) == 0);
  ::close(fd);
}

// A directory nobody may write to, holding a previous output.
void make_read_only_dir(const std::string& dir) {
  fs::create_directory(dir + "/ro");
  std::ofstream(dir + "/ro/out.json") << "previous";
  fs::permissions(dir + "/ro", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
}

void make_previous_output(const std::string& dir) { std::ofstream(dir + "/out.json") << "previous"; }

std::string slurp(const std::string& path);

// The previous output is still there, unchanged, and no temporary file was left.
void previous_output_untouched_in(const std::string& dir) {
  CHECK(slurp(dir + "/out.json") == "previous");
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
}
void previous_output_untouched(const std::string& dir) { previous_output_untouched_in(dir); }
void previous_output_in_ro_untouched(const std::string& dir) { previous_output_untouched_in(dir + "/ro"); }

// -- the catalogue -------------------------------------------------------------------

const row rows[] = {
    // File system faults.
    {"catalogue: a missing file is a usage error", valid, {"validate", "{dir}/missing.yaml"}, 2,
     "missing.yaml: error: no such file [io-error]"},
    {"catalogue: a directory given as FILE is a usage error", valid, {"validate", "{dir}"}, 2,
     "is a directory, not a file [io-error]"},
    {"catalogue: an unreadable file is a usage error", valid, {"validate", "{in}"}, 2,
     "cannot open: Permission denied [io-error]", make_unreadable, false, true},
    {"catalogue: a file whose reading fails is a usage error", valid, {"validate", "/proc/self/mem"}, 2,
     "read error: Input/output error [io-error]"},
    {"catalogue: a FIFO is refused without waiting for a writer", valid, {"validate", "{dir}/fifo"}, 2,
     "not a regular file (a FIFO, device or socket); pipe it to '-' to read it from standard input [io-error]",
     make_fifo},
    {"catalogue: standard input is read with -", valid, {"validate", "-"}, 0, "no problems found", nullptr, true},
    {"catalogue: a file over 1 GiB is refused unread", valid, {"validate", "{dir}/huge.yaml"}, 1,
     "huge.yaml: error: file larger than the limit of 1073741824 bytes [too-large]", make_huge},

    // Output.
    {"catalogue: output into a missing directory is a usage error", valid,
     {"render", "{in}", "--format", "json", "-o", "{dir}/missing/out.json"}, 2,
     "cannot write '{dir}/missing/out.json': No such file or directory"},
    {"catalogue: output into a read-only directory is a usage error", valid,
     {"render", "{in}", "--format", "json", "-o", "{dir}/ro/out.json"}, 2,
     "cannot write '{dir}/ro/out.json': Permission denied", make_read_only_dir, false, true,
     previous_output_in_ro_untouched},
    {"catalogue: a full disk is a usage error", valid, {"render", "{in}", "--format", "json", "-o", "/dev/full"}, 2,
     "cannot write '/dev/full': No space left on device"},
    {"catalogue: an input with errors leaves the previous output untouched", "title: [1]\nevents: []\n",
     {"render", "{in}", "--format", "json", "-o", "{dir}/out.json"}, 1, "[schema]", make_previous_output, false,
     false, previous_output_untouched},
    {"catalogue: output over an input file is refused", valid, {"render", "{in}", "-o", "{in}"}, 2,
     "cannot write '{dir}/input.yaml': it is an input file"},

    // Encodings.
    {"catalogue: invalid UTF-8 is refused at its byte", "title: \xff\xfe\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:1:8: error: invalid UTF-8 (byte 0xFF) [yaml-syntax]"},
    {"catalogue: UTF-16 with a byte order mark is refused", std::string("\xff\xfe" "e\0v\0", 6),
     {"validate", "{in}"}, 1,
     "input.yaml:1:1: error: the file is UTF-16 LE; annals reads UTF-8 "
     "[yaml-syntax]"},
    {"catalogue: a NUL byte is refused at its position", std::string("events: []\ntitle: a\0b\n", 21),
     {"validate", "{in}"}, 1, "input.yaml:2:9: error: NUL byte in the file [yaml-syntax]"},
    {"catalogue: CRLF line ends work",
     "timeline: t\r\ntitle: T\r\nevents:\r\n  - id: a\r\n    title: A\r\n    date: 2015-11-23\r\n",
     {"validate", "{in}"}, 0, "no problems found"},
    {"catalogue: a UTF-8 byte order mark is accepted", "\xef\xbb\xbf" + valid, {"validate", "{in}"}, 0,
     "no problems found"},

    // YAML.
    {"catalogue: a YAML syntax error is reported at its position", "title: [a, b\n", {"validate", "{in}"}, 1,
     "input.yaml:2:1: error: end of sequence flow not found [yaml-syntax]"},
    {"catalogue: tab indentation is a syntax error", "events:\n\t- id: a\n", {"validate", "{in}"}, 1,
     "input.yaml:2:2: error: illegal block entry [yaml-syntax]"},
    {"catalogue: an unclosed quote is a syntax error", "title: \"abc\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:1:8: error: unclosed quote: the scalar starting here has no closing \" [yaml-syntax]"},
    {"catalogue: a duplicate key is an error", "title: a\ntitle: b\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:2:1: error: duplicate key 'title' (first at line 1) [duplicate-key]"},
    {"catalogue: a YAML error is listed alone, the problems it may cause counted", cut_values,
     {"validate", "{in}"}, 1, cut_values_error + "1 error, 0 warnings\n"},
    {"catalogue: a command on a file with a YAML error lists it alone too", cut_values, {"render", "{in}"}, 1,
     cut_values_error},
    {"catalogue: anchors and aliases within the limit work",
     "timeline: t\ntitle: T\nactors: {p: {name: P}}\nevents:\n"
     "  - {id: a, title: A, date: 2015-11-23, actors: &who [p]}\n"
     "  - {id: b, title: B, date: 2015-11-24, actors: *who}\n",
     {"validate", "{in}"}, 0, "no problems found"},
    {"catalogue: an alias bomb stops at the alias limit", alias_bomb(), {"validate", "{in}"}, 1,
     "input.yaml:5:36: error: aliases expand to more than 100000 nodes [too-large]"},
    {"catalogue: an alias inside its own anchor is refused", "x: &a [*a]\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:1:8: error: alias '*a' refers to a node that contains it [yaml-syntax]"},
    {"catalogue: a !!binary tag is refused", "title: !!binary aGVsbG8=\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:1:8: error: unsupported tag '!!binary' [schema]"},
    {"catalogue: a second YAML document is refused", "events: []\n---\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:2:1: error: a timeline file holds one YAML document; a second one starts here [yaml-syntax]"},
    {"catalogue: an empty file is an error", "", {"validate", "{in}"}, 1,
     "input.yaml:1:1: error: empty file: expected a mapping of timeline fields [schema]"},
    {"catalogue: a lone comma is an error, not a hang", ",", {"validate", "{in}"}, 1,
     "input.yaml:1:1: error: ',' cannot start a plain scalar; quote the text [yaml-syntax]"},
    {"catalogue: nesting deeper than 64 levels is refused", deep_nesting(), {"validate", "{in}"}, 1,
     "input.yaml:66:129: error: nesting deeper than 64 levels [too-deep]"},
    {"catalogue: deep flow nesting is refused before the stack overflows",
     "events: " + std::string(100000, '[') + "\n", {"validate", "{in}"}, 1, "[too-deep]"},
    {"catalogue: a scalar over 1 MiB is refused", "title: " + std::string(2'000'000, 'a') + "\nevents: []\n",
     {"validate", "{in}"}, 1, "input.yaml:1:8: error: scalar of 2000000 bytes exceeds the limit of 1048576 [too-large]"},
    {"catalogue: a line over 4 MiB is refused before it is parsed", "title: " + std::string(5'000'000, 'a') + "\nevents: []\n",
     {"validate", "{in}"}, 1, "input.yaml:1:1: error: line longer than the limit of 4194304 bytes [too-large]"},

    // Structure.
    {"catalogue: events that are not a list are a schema error", "events: {a: 1}\n", {"validate", "{in}"}, 1,
     "input.yaml:1:9: error: 'events' must be a list, not a mapping [schema]"},
    {"catalogue: an unknown field is an error with a hint", with_events("  - {id: a, titel: A, date: 2015}\n"),
     {"validate", "{in}"}, 1, "unknown field 'titel', did you mean 'title'? [schema]"},
    {"catalogue: a missing required field is an error", with_events("  - {id: a, date: 2015}\n"),
     {"validate", "{in}"}, 1, "missing required field 'title' [schema]"},
    {"catalogue: a field of the wrong type is an error", "title: [1]\nevents: []\n", {"validate", "{in}"}, 1,
     "input.yaml:1:8: error: 'title' must be text, not a list [schema]"},

    // Dates.
    {"catalogue: a date that cannot be read is unparsed-date", with_events("  - {id: a, title: A, date: someday}\n"),
     {"validate", "{in}"}, 1, "input.yaml:5:29: error: cannot read date 'someday': unexpected 'someday'; nearest accepted form: 'today' "
     "[unparsed-date]"},
    {"catalogue: an impossible date is invalid-date", with_events("  - {id: a, title: A, date: 2015-02-30}\n"),
     {"validate", "{in}"}, 1, "[invalid-date]"},
    {"catalogue: an unknown zone is unknown-timezone",
     with_events("  - {id: a, title: A, date: {on: 2015-11-23T14:00, tz: Mars/Olympus}}\n"), {"validate", "{in}"}, 1,
     "[unknown-timezone]"},
    {"catalogue: a time without a zone is missing-timezone",
     with_events("  - {id: a, title: A, date: 2015-11-23T14:00}\n"), {"validate", "{in}"}, 1, "[missing-timezone]"},
    {"catalogue: annals date reports an unparsed date with status 1", "", {"date", "someday"}, 1,
     "[unparsed-date]"},

    // References.
    {"catalogue: an unknown reference is an error with a hint",
     with_events("  - {id: putin-tehran-2015, title: A, date: 2015}\n"
                 "  - {id: b, title: B, date: 2016, caused_by: [putin-tehran-2051]}\n"),
     {"validate", "{in}"}, 1,
     "unknown event 'putin-tehran-2051'; did you mean 'putin-tehran-2015'? [unknown-reference]"},
    {"catalogue: a duplicate id is an error",
     with_events("  - {id: a, title: A, date: 2015}\n  - {id: a, title: B, date: 2016}\n"), {"validate", "{in}"}, 1,
     "input.yaml:6:5: error: event 'a' is already defined at {dir}/input.yaml:5:5 [duplicate-id]"},

    // Causality.
    {"catalogue: a cycle of causes is causal-cycle",
     with_events("  - {id: a, title: A, date: 2015, causes: [b]}\n  - {id: b, title: B, date: 2015, causes: [a]}\n"),
     {"validate", "{in}"}, 1, "cycle of links: 'a' → 'b' → 'a' [causal-cycle]"},
    {"catalogue: an effect before its cause is causal-order",
     with_events("  - {id: a, title: A, date: 2016, caused_by: [b]}\n  - {id: b, title: B, date: 2017}\n"),
     {"validate", "{in}"}, 1, "[causal-order]"},

    // Claims.
    {"catalogue: a claim that does not hold is claim-mismatch",
     with_events("  - {id: a, title: A, date: 2010, kind: visit}\n"
                 "  - {id: b, title: B, date: 2015, kind: visit, claims: [{first_in: 8 years}]}\n"),
     {"validate", "{in}"}, 1, "[claim-mismatch]"},
    {"catalogue: a claim without an earlier event is a warning",
     with_events("  - {id: b, title: B, date: 2015, kind: visit, claims: [{first_in: 8 years}]}\n"),
     {"validate", "{in}"}, 0, "[claim-unverifiable]"},
    {"catalogue: --strict makes a warning fail",
     with_events("  - {id: b, title: B, date: 2015, kind: visit, claims: [{first_in: 8 years}]}\n"),
     {"validate", "--strict", "{in}"}, 1, "[claim-unverifiable]"},

    // Usage.
    {"catalogue: an unknown option is a usage error", valid, {"validate", "--frobnicate", "{in}"}, 2,
     "unknown option '--frobnicate'"},
    {"catalogue: an unknown command is a usage error", valid, {"frobnicate"}, 2, "unknown command 'frobnicate'"},
};

// -- running a row ---------------------------------------------------------------------

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

struct run_result {
  int status = -1;
  std::string out;  // standard output and standard error
};

run_result run(const row& r, const std::string& dir) {
  std::vector<std::string> argv{"timeout", "-s", "KILL", "60"};
  if (r.unprivileged && ::geteuid() == 0) {
    for (const char* a : {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}) argv.emplace_back(a);
  }
  argv.emplace_back(ANNALS_BIN);
  for (const std::string& a : r.args) argv.push_back(replace_all(replace_all(a, "{in}", dir + "/input.yaml"), "{dir}", dir));
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string in = r.input_on_stdin ? dir + "/input.yaml" : "/dev/null";
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, (dir + "/.out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  run_result result;
  const int spawned = ::posix_spawnp(&pid, "timeout", &actions, nullptr, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(dir + "/.out");
  return result;
}

// A scratch directory, removed with everything in it.
struct scratch {
  std::string path;
  scratch() {
    std::string t = (fs::temp_directory_path() / "annals-catalogue-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);  // nobody may enter
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

template <std::size_t I>
void run_row() {
  const row& r = rows[I];
  // A missing tool fails the row: a skip would pass in CI without checking anything.
  if (r.unprivileged && ::geteuid() == 0 && !fs::exists("/usr/bin/setpriv")) {
    FAIL("running as root and /usr/bin/setpriv (util-linux) is missing, so this row cannot run unprivileged");
  }
  scratch dir;
  {
    std::ofstream(dir.path + "/input.yaml", std::ios::binary) << r.input;
  }
  if (r.prepare) r.prepare(dir.path);
  const run_result result = run(r, dir.path);
  INFO("output:\n" << result.out);
  CHECK(result.status == r.status);
  CHECK_THAT(result.out, Catch::Contains(replace_all(r.expected, "{dir}", dir.path)));
  if (r.after) r.after(dir.path);
}

template <std::size_t... I>
bool register_rows(std::index_sequence<I...>) {
  (Catch::AutoReg(Catch::makeTestInvoker(&run_row<I>), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                  Catch::NameAndTags{rows[I].name, "[catalogue]"}),
   ...);
  return true;
}

[[maybe_unused]] const bool registered = register_rows(std::make_index_sequence<std::size(rows)>());

}  // namespace
