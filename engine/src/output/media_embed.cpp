#include "output/media_embed.hpp"

#include <algorithm>
#include <map>

#include "output/escape.hpp"
#include "input/media_url.hpp"

namespace annals {

namespace {

std::string size_text(std::size_t bytes) {
  return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// The folder a timeline file's media paths are resolved in; "" for standard input.
std::string folder_of(const std::string& file) {
  if (file == "-") return {};
  const std::size_t slash = file.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : file.substr(0, slash);
}

// One distinct media file of the render.
struct wanted {
  std::vector<std::string> urls;  // as written: `a.png` and `./a.png` are one file
  std::string root;               // the folder it is read beneath
  std::size_t uses = 0;           // events shown with it: each writes its data: URI
  bool two_folders = false;       // named from timelines in different folders
};

}  // namespace

std::vector<std::pair<std::string, std::string>> embed_media(const timeline& tl, const chronology& chron,
                                                             file_reader& reader,
                                                             const std::string& media_root,
                                                             const embed_limits& limits,
                                                             std::vector<std::string>& warnings) {
  std::vector<bool> shown(tl.names.size(), false);  // by event symbol
  for (std::uint32_t k : chron.order)
    if (tl.events[k].id < shown.size()) shown[tl.events[k].id] = true;

  // The distinct paths in order of first use; each is read once however many events name it.
  std::vector<std::string> order;
  std::map<std::string, wanted> paths;
  for (const media_item& m : tl.media) {
    if (m.url.empty() || is_web_url(m.url) || m.event >= shown.size() || !shown[m.event]) continue;
    if (const auto problem = media_url_problem(m.url)) {  // validation refuses it; never read
      warnings.push_back("not embedded: " + *problem);
      continue;
    }
    const std::string root = media_root.empty() ? folder_of(tl.file_of(m.pos)) : media_root;
    std::string file;  // the names the reader opens, `.` left out
    for (std::string_view name : names_beneath(m.url).value_or(std::vector<std::string_view>{}))
      file.append(file.empty() ? "" : "/").append(name);
    auto [it, added] = paths.try_emplace(file, wanted{{}, root});
    if (added) order.push_back(file);
    wanted& w = it->second;
    if (std::find(w.urls.begin(), w.urls.end(), m.url) == w.urls.end()) w.urls.push_back(m.url);
    w.two_folders |= w.root != root;
    ++w.uses;
  }

  std::vector<std::pair<std::string, std::string>> out;
  std::size_t total = 0;  // encoded bytes written so far, counted once per use
  for (const std::string& url : order) {
    const wanted& w = paths[url];
    const std::string& shown_url = w.urls.front();  // made safe to show where the warning is printed
    const auto refuse = [&](const std::string& why) {
      warnings.push_back("cannot embed media '" + shown_url + "': " + why + "; it stays a link");
    };
    if (w.root.empty()) {
      refuse("its timeline was read from standard input, which has no folder: give --media-root");
      continue;
    }
    if (w.two_folders) {
      refuse("timelines in different folders name it, so it is more than one file; give --media-root");
      continue;
    }
    const std::string_view type = image_type_of(url);
    const std::size_t prefix = 5 + type.size() + 8;  // "data:" TYPE ";base64,"
    // The largest file whose data: URI, written at each use, still fits the budget.
    const std::size_t left = (limits.max_total_bytes - total) / w.uses;
    const std::size_t fits = left > prefix ? (left - prefix) / 4 * 3 : 0;
    const read_result r = reader.read_beneath(w.root, url, std::min(limits.max_file_bytes, fits));
    if (r.too_large && fits < limits.max_file_bytes) {
      refuse("embedding it at each of its " + std::to_string(w.uses) + " events would pass the budget of " +
             size_text(limits.max_total_bytes) + " of embedded media per render");
    } else if (r.too_large) {
      refuse("larger than " + size_text(limits.max_file_bytes));
    } else if (r.error) {
      refuse(*r.error);
    } else if (!has_image_signature(type, r.bytes)) {
      refuse("its content is not " + std::string(type) + " (its first bytes are not that format's)");
    } else {
      std::string uri = "data:" + std::string(type) + ";base64," + base64(r.bytes);
      total += uri.size() * w.uses;
      for (std::size_t i = 1; i < w.urls.size(); ++i) out.emplace_back(w.urls[i], uri);
      out.emplace_back(w.urls.front(), std::move(uri));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace annals
