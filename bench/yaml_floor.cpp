// The reference floor of tools/bench.sh: a bare yaml-cpp event parse of a file,
// single-threaded, with a handler that only counts. annals cannot parse with
// yaml-cpp faster than this on one core.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <iostream>

namespace {

class counter final : public YAML::EventHandler {
 public:
  std::size_t nodes = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++nodes; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnMapEnd() override {}
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_floor FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  YAML::Parser parser(in);
  counter c;
  while (parser.HandleNextDocument(c)) {
  }
  std::cout << c.nodes << " nodes\n";
}
