#include "machine.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace annals_tool {

namespace {

// Progress on big inputs goes to standard error when it is a terminal.
std::atomic<bool> progress_shown{false};

void show_progress(const std::string& path, std::size_t events, std::size_t bytes, std::size_t total) {
  static const auto start = std::chrono::steady_clock::now();
  constexpr std::size_t big = 10 << 20;  // smaller files read too fast to need it
  if (total < big) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "\r%s: %zu of %zu MB, %zu events, %.1f MB/s\033[K", path.c_str(), bytes >> 20, total >> 20, events,
               seconds > 0 ? static_cast<double>(bytes) / (1 << 20) / seconds : 0.0);
  progress_shown = true;
}

annals::file_reader& disk() {
  static const auto reader = annals::make_disk_reader();
  return *reader;
}

}  // namespace

machine::machine()
    : env_{disk(), std::cout, std::cerr, {}},
      context_{env_, std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())} {
  // ANNALS_THREADS caps the parsing threads (benchmarks compare one thread with all).
  if (const char* t = std::getenv("ANNALS_THREADS")) env_.load.threads = std::strtoul(t, nullptr, 10);
  if (isatty(STDERR_FILENO)) env_.load.progress = show_progress;
  context_.stdout_terminal = isatty(STDOUT_FILENO);
  if (winsize w{}; context_.stdout_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0) context_.terminal_columns = w.ws_col;
  context_.no_color = std::getenv("NO_COLOR");
  context_.term = std::getenv("TERM");
  context_.in = &std::cin;
}

int machine::finish(annals::outcome o) const {
  if (progress_shown) std::fprintf(stderr, "\r\033[K");
  return exit_status(o);
}

int exit_status(annals::outcome o) {
  switch (o) {
    case annals::outcome::ok: return 0;
    case annals::outcome::input_error: return 1;
    case annals::outcome::usage_error: return 2;
  }
  return 2;
}

}  // namespace annals_tool
