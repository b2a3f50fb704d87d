#pragma once

#include <map>
#include <string>

#include "annals/load.hpp"

namespace annals {

/// Files held in memory: tests load inline YAML through it (ninja's VirtualFileSystem).
class memory_reader final : public file_reader {
 public:
  void add(std::string path, std::string bytes);
  read_result read(const std::string& path, std::size_t max_bytes) override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace annals
