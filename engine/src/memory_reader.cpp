#include "annals/memory_reader.hpp"

namespace annals {

void memory_reader::add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }

read_result memory_reader::read(const std::string& path, std::size_t max_bytes) {
  auto it = files_.find(path);
  if (it == files_.end()) return {{}, "no such file"};
  if (it->second.size() > max_bytes) return {{}, "too large", true};
  return {it->second, std::nullopt};
}

}  // namespace annals
