#pragma once

// render --embed-media: local image files made data: URIs, read only beneath the folder
// of the timeline that names them (or --media-root), each distinct file once, within a
// budget of embedded bytes per render.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "annals/load.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// The bounds of one render's embedding (the README's limits table).
struct embed_limits {
  std::size_t max_file_bytes = std::size_t{16} << 20;   // one image file
  std::size_t max_total_bytes = std::size_t{64} << 20;  // data: URIs written, once per event shown with one
};

/// Media url → data: URI for each local image file of the events `chron` shows that can
/// be embedded, sorted by url. `media_root` ("" = the folder of each timeline file) is the
/// folder paths are resolved in. Each file not embedded is a line in `warnings` (its path
/// escaped), and its media stays a link.
std::vector<std::pair<std::string, std::string>> embed_media(const timeline& tl, const chronology& chron,
                                                             file_reader& reader,
                                                             const std::string& media_root,
                                                             const embed_limits& limits,
                                                             std::vector<std::string>& warnings);

}  // namespace annals
