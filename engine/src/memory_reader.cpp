#include "annals/memory_reader.hpp"

namespace annals {

void memory_reader::add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }

read_result memory_reader::read(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) return {{}, "no such file"};
  return {it->second, std::nullopt};
}

}  // namespace annals
