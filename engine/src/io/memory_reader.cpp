#include "annals/memory_reader.hpp"

#include "input/media_url.hpp"

namespace annals {

void memory_reader::add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }

void memory_reader::add_link(std::string path) { links_.insert(std::move(path)); }

read_result memory_reader::read(const std::string& path, std::size_t max_bytes) {
  auto it = files_.find(path);
  if (it == files_.end()) return {{}, "no such file"};
  if (it->second.size() > max_bytes) return {{}, "too large", true};
  return {it->second, std::nullopt};
}

// As the disk reader walks: name by name from `root`, refusing a link at any step.
read_result memory_reader::read_beneath(const std::string& root, const std::string& relative, std::size_t max_bytes) {
  const auto names = names_beneath(relative);
  if (!names) return {{}, "not a plain path inside the folder"};
  std::string path = root == "." ? "" : root;  // "a.png" beneath "." is "a.png"
  for (std::string_view name : *names) {
    if (!path.empty()) path += '/';
    path += name;
    if (links_.contains(path)) return {{}, "'" + path + "' is a symbolic link, which annals does not follow"};
  }
  read_result r = read(path, max_bytes);
  if (!r.error) ++beneath_reads_;
  return r;
}

}  // namespace annals
