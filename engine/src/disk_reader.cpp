#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>
#include <filesystem>

#include "annals/load.hpp"

namespace annals {

namespace {

class disk_reader final : public file_reader {
 public:
  read_result read(const std::string& path) override {
    if (path == "-") {
      std::ostringstream buf;
      buf << std::cin.rdbuf();
      return {buf.str(), std::nullopt};
    }
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return {{}, "no such file"};
    if (std::filesystem::is_directory(status)) return {{}, "is a directory, not a file"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {{}, std::string("cannot open: ") + std::strerror(errno)};
    std::string bytes;
    if (std::filesystem::is_regular_file(status)) {
      // One read of the known size; a stream of unknown size (a pipe) is read in blocks.
      bytes.resize(static_cast<std::size_t>(std::filesystem::file_size(path, ec)));
      in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      bytes.resize(static_cast<std::size_t>(in.gcount()));
    }
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0) bytes.append(block, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return {{}, std::string("read error: ") + std::strerror(errno)};
    return {std::move(bytes), std::nullopt};
  }
};

}  // namespace

std::unique_ptr<file_reader> make_disk_reader() { return std::make_unique<disk_reader>(); }

}  // namespace annals
