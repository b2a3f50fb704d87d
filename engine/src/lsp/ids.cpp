#include "lsp/ids.hpp"

namespace annals::lsp {
namespace {

std::string title_of(const record& r, std::string_view field) {
  const record* t = r.kind == record::type::mapping ? r.get(field) : nullptr;
  return t && t->kind == record::type::scalar ? t->text : std::string();
}

struct walker {
  const std::string& file;
  std::vector<occurrence>& out;
  yaml_path path;

  void add(const record& r, bool at_key, std::string detail = {}) {
    if (r.kind != record::type::scalar || r.text.empty() || r.line == 0) return;
    bool defines = false;
    const id_kind k = id_at(path, at_key, &defines);
    if (k == id_kind::none) return;
    out.push_back({file, r.line, r.column, k, defines, r.text, std::move(detail)});
  }

  void walk(const record& r) {
    switch (r.kind) {
      case record::type::scalar: add(r, false); break;
      case record::type::sequence:
        path.push_back("-");
        for (const record& item : r.children) walk(item);
        path.pop_back();
        break;
      case record::type::mapping:
        for (std::size_t i = 0; i + 1 < r.children.size(); i += 2) {
          const record& key = r.children[i];
          const record& value = r.children[i + 1];
          std::string detail;
          if (path.size() == 1) detail = title_of(value, path[0] == "sources" ? "title" : "name");
          add(key, true, std::move(detail));
          path.push_back(key.text);
          if (path.size() == 3 && path[0] == "events" && key.text == "id") {
            add(value, false, title_of(r, "title"));
          } else {
            walk(value);
          }
          path.pop_back();
        }
        break;
      case record::type::null: break;
    }
  }
};

}  // namespace

std::vector<occurrence> occurrences(const workspace& ws) {
  std::vector<occurrence> out;
  for (const std::string& file : ws.paths()) {
    const workspace::file_tree* tree = ws.tree(file);
    if (!tree) continue;
    walker w{file, out, {}};
    for (std::size_t i = 0; i + 1 < tree->header.size(); i += 2) {
      const record& key = tree->header[i];
      w.path = {key.text};
      if (key.text == "events") continue;  // its items come one by one
      w.walk(tree->header[i + 1]);
    }
    for (const record& e : tree->events) {
      w.path = {"events", "-"};
      if (e.kind == record::type::mapping) w.walk(e);
    }
  }
  return out;
}

}  // namespace annals::lsp
