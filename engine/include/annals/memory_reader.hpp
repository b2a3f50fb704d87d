#pragma once

#include <map>
#include <set>
#include <string>

#include "annals/load.hpp"

namespace annals {

/// Files held in memory: tests load inline YAML through it (ninja's VirtualFileSystem).
class memory_reader final : public file_reader {
 public:
  void add(std::string path, std::string bytes);
  /// A symbolic link at `path`: read_beneath refuses any path through it.
  void add_link(std::string path);
  read_result read(const std::string& path, std::size_t max_bytes) override;
  read_result read_beneath(const std::string& root, const std::string& relative, std::size_t max_bytes) override;
  /// How many times read_beneath has returned a file's bytes.
  std::size_t beneath_reads() const { return beneath_reads_; }

 private:
  std::map<std::string, std::string> files_;
  std::set<std::string> links_;
  std::size_t beneath_reads_ = 0;
};

}  // namespace annals
