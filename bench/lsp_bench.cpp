// The language server's re-check latency: a timeline (tools/generate.py 10000) opened,
// then one-line changes (didChange, incremental), each timed until the server has
// produced its publishDiagnostics. Prints the median and the largest, and what a whole
// `validate` of the same text takes, for comparison (where the time goes).
//
//   python3 tools/generate.py 10000 > /tmp/events-10k.yaml
//   build/bin/lsp_bench /tmp/events-10k.yaml [changes]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "annals/lsp.hpp"
#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"

namespace {

using json = nlohmann::json;
using clock_type = std::chrono::steady_clock;

double ms(clock_type::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// The process's CPU time (all threads): on a busy machine the wall time says more about the neighbours.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lsp_bench TIMELINE.yaml [changes]\n");
    return 2;
  }
  const int changes = argc > 2 ? std::atoi(argv[2]) : 20;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const std::string uri = "file:///bench/events.yaml";

  annals::lsp::server srv;
  int id = 0;
  srv.handle(json{{"jsonrpc", "2.0"}, {"id", ++id}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}}.dump());
  auto t0 = clock_type::now();
  srv.handle(json{{"jsonrpc", "2.0"},
                  {"method", "textDocument/didOpen"},
                  {"params", {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", text}}}}}}
                 .dump());
  const double open_ms = ms(clock_type::now() - t0);

  // The lines holding a title: each change rewrites one of them, spread over the file.
  std::vector<unsigned> title_lines;
  {
    unsigned line = 0;
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l); ++line)
      if (l.starts_with("    title: ")) title_lines.push_back(line);
  }
  if (title_lines.empty()) {
    std::fprintf(stderr, "lsp_bench: no '    title: ' line in %s\n", argv[1]);
    return 2;
  }
  std::vector<double> took, cpu;
  std::size_t published = 0;
  for (int k = 0; k < changes; ++k) {
    const unsigned line = title_lines[(title_lines.size() * (2 * k + 1)) / (2 * changes)];
    const json change = {{"range", {{"start", {{"line", line}, {"character", 11}}}, {"end", {{"line", line}, {"character", 11}}}}},
                         {"text", "Edited " + std::to_string(k) + ", "}};
    const std::string message = json{{"jsonrpc", "2.0"},
                                     {"method", "textDocument/didChange"},
                                     {"params", {{"textDocument", {{"uri", uri}, {"version", k + 2}}}, {"contentChanges", {change}}}}}
                                    .dump();
    t0 = clock_type::now();
    const double c0 = cpu_ms();
    const std::vector<std::string> out = srv.handle(message);
    took.push_back(ms(clock_type::now() - t0));
    cpu.push_back(cpu_ms() - c0);
    for (const std::string& o : out) published += o.find("publishDiagnostics") != std::string::npos;
  }
  if (published != static_cast<std::size_t>(changes)) {
    std::fprintf(stderr, "lsp_bench: %zu of %d changes published diagnostics\n", published, changes);
    return 1;
  }
  // A whole validate of the same text: what the server costs beyond it.
  annals::memory_reader reader;
  reader.add("events.yaml", text);
  t0 = clock_type::now();
  const double c0 = cpu_ms();
  const annals::validation v = annals::validate({"events.yaml"}, reader, annals::load_options{});
  const double validate_ms = ms(clock_type::now() - t0), validate_cpu = cpu_ms() - c0;

  std::printf("lsp re-check after a one-line change, %zu bytes, %zu events: median %.1f ms, max %.1f ms over %d changes\n",
              text.size(), v.loaded.tl.events.size(), median(took), *std::max_element(took.begin(), took.end()),
              changes);
  std::printf("  CPU time per change: median %.1f ms, max %.1f ms\n", median(cpu), *std::max_element(cpu.begin(), cpu.end()));
  std::printf("  (open: %.1f ms; one whole validate of the same text: %.1f ms, %.1f ms of CPU)\n", open_ms, validate_ms,
              validate_cpu);
  return 0;
}
