#include "output/raster.hpp"

#include "output/render_formats.hpp"

#include <cairo-pdf.h>
#include <dlfcn.h>
#include <librsvg/rsvg.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <ostream>
#include <sstream>

namespace annals::raster {

namespace {

// The libraries' functions annals calls, each with the library that holds it, found when a
// picture is first asked for (dlopen). The SONAMEs come from CMake.
#define ANNALS_RASTER_FUNCTIONS(X) \
  X(glib, g_error_free) \
  X(gobject, g_object_unref) \
  X(rsvg, rsvg_handle_new_from_data) \
  X(rsvg, rsvg_handle_render_document) \
  X(cairo, cairo_create) \
  X(cairo, cairo_destroy) \
  X(cairo, cairo_status) \
  X(cairo, cairo_save) \
  X(cairo, cairo_restore) \
  X(cairo, cairo_translate) \
  X(cairo, cairo_scale) \
  X(cairo, cairo_rectangle) \
  X(cairo, cairo_clip) \
  X(cairo, cairo_set_source_rgb) \
  X(cairo, cairo_paint) \
  X(cairo, cairo_show_page) \
  X(cairo, cairo_image_surface_create) \
  X(cairo, cairo_image_surface_get_data) \
  X(cairo, cairo_image_surface_get_stride) \
  X(cairo, cairo_surface_flush) \
  X(cairo, cairo_surface_finish) \
  X(cairo, cairo_surface_status) \
  X(cairo, cairo_surface_destroy) \
  X(cairo, cairo_pdf_surface_create_for_stream) \
  X(cairo, cairo_pdf_surface_set_size) \
  X(cairo, cairo_pdf_surface_set_metadata) \
  X(zlib, deflateInit_) \
  X(zlib, deflate) \
  X(zlib, deflateEnd) \
  X(zlib, crc32)

// librsvg first: it needs all the others, and the loader names the one that is missing.
enum library { rsvg, cairo, gobject, glib, zlib, library_count };
constexpr const char* sonames[library_count] = {ANNALS_RSVG_SONAME, ANNALS_CAIRO_SONAME, ANNALS_GOBJECT_SONAME,
                                                ANNALS_GLIB_SONAME, ANNALS_ZLIB_SONAME};

struct raster_api {
#define ANNALS_RASTER_MEMBER(lib, f) decltype(&::f) f = nullptr;
  ANNALS_RASTER_FUNCTIONS(ANNALS_RASTER_MEMBER)
#undef ANNALS_RASTER_MEMBER
};

struct loaded {
  const raster_api* api = nullptr;
  std::string error;  // why not, when api is null
};

const loaded& load() {
  static const loaded result = [] {
    loaded out;
    void* libs[library_count] = {};
    for (int l = 0; l < library_count; ++l) {
      libs[l] = dlopen(sonames[l], RTLD_NOW | RTLD_LOCAL);
      if (!libs[l]) {
        const char* why = dlerror();
        out.error = std::string("cannot load ") + sonames[l] + (why ? std::string(" (") + why + ")" : std::string());
        return out;
      }
    }
    static raster_api a;
#define ANNALS_RASTER_LOAD(lib, f)                                     \
  a.f = reinterpret_cast<decltype(a.f)>(dlsym(libs[lib], #f));         \
  if (!a.f) {                                                          \
    out.error = std::string("cannot find ") + #f + " in " + sonames[lib]; \
    return out;                                                        \
  }
    ANNALS_RASTER_FUNCTIONS(ANNALS_RASTER_LOAD)
#undef ANNALS_RASTER_LOAD
    out.api = &a;
    return out;
  }();
  return result;
}

// Only called once `unavailable` said the libraries are there.
const raster_api& api() { return *load().api; }

void check(cairo_status_t s, const char* what) {
  if (s == CAIRO_STATUS_SUCCESS) return;
  if (s == CAIRO_STATUS_NO_MEMORY) throw std::bad_alloc();
  throw failure(std::string("cairo cannot ") + what + " (status " + std::to_string(static_cast<int>(s)) + ")");
}

struct handle_deleter {
  void operator()(RsvgHandle* h) const { api().g_object_unref(h); }
};
using handle_ptr = std::unique_ptr<RsvgHandle, handle_deleter>;
struct surface_deleter {
  void operator()(cairo_surface_t* s) const { api().cairo_surface_destroy(s); }
};
using surface_ptr = std::unique_ptr<cairo_surface_t, surface_deleter>;
struct context_deleter {
  void operator()(cairo_t* c) const { api().cairo_destroy(c); }
};
using context_ptr = std::unique_ptr<cairo_t, context_deleter>;

std::string take_error(GError* e) {
  std::string out = e ? e->message : "unknown error";
  if (e) api().g_error_free(e);
  return out;
}

handle_ptr parse(const svg_document& d) {
  GError* e = nullptr;
  RsvgHandle* h = api().rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(d.text.data()), d.text.size(), &e);
  if (!h) throw failure("librsvg cannot read the drawing: " + take_error(e));
  return handle_ptr(h);
}

void render(RsvgHandle* h, cairo_t* cr, const svg_document& d) {
  const RsvgRectangle viewport{0, 0, d.width, d.height};
  GError* e = nullptr;
  if (!api().rsvg_handle_render_document(h, cr, &viewport, &e)) throw failure("librsvg cannot draw: " + take_error(e));
  check(api().cairo_status(cr), "draw");
}

// The rows a document of `height` units takes at `scale` pixels per unit.
int rows_of(double height, double scale) { return static_cast<int>(std::ceil(height * scale - 1e-6)); }

// Draws `d` at `scale` onto white, `width` pixels wide, in strips of at most 1024 rows (cairo's
// surfaces stop at 32,767 rows, a chronology does not); `emit` gets each row, top to bottom.
template <class Emit>
void draw_rows(const svg_document& d, double scale, int width, Emit emit) {
  const int rows = rows_of(d.height, scale);
  if (rows <= 0 || width <= 0) return;
  const handle_ptr h = parse(d);
  const int strip = std::min(rows, 1024);
  const surface_ptr s(api().cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, strip));
  check(api().cairo_surface_status(s.get()), "make an image");
  for (int y0 = 0; y0 < rows; y0 += strip) {
    {
      const context_ptr cr(api().cairo_create(s.get()));
      api().cairo_set_source_rgb(cr.get(), 1, 1, 1);
      api().cairo_paint(cr.get());
      api().cairo_translate(cr.get(), 0, -y0);
      api().cairo_scale(cr.get(), scale, scale);
      render(h.get(), cr.get(), d);
    }
    api().cairo_surface_flush(s.get());
    const unsigned char* data = api().cairo_image_surface_get_data(s.get());
    const int stride = api().cairo_image_surface_get_stride(s.get());
    for (int r = 0; r < strip && y0 + r < rows; ++r) emit(reinterpret_cast<const std::uint32_t*>(data + r * stride));
  }
}

// A PNG (RFC 2083) of 8-bit RGB rows, deflated as they come: the image need never be whole
// in memory.
class png_encoder {
 public:
  png_encoder(std::FILE* f, int width, int height, int ppi) : f_(f), width_(width), height_(height) {
    if (api().deflateInit_(&z_, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK) {
      throw std::bad_alloc();
    }
    put("\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[13] = {};
    be32(ihdr, static_cast<std::uint32_t>(width));
    be32(ihdr + 4, static_cast<std::uint32_t>(height));
    ihdr[8] = 8;  // bits per sample
    ihdr[9] = 2;  // RGB
    chunk("IHDR", ihdr, sizeof ihdr);
    unsigned char phys[9] = {};
    const auto per_metre = static_cast<std::uint32_t>(std::lround(ppi / 0.0254));
    be32(phys, per_metre);
    be32(phys + 4, per_metre);
    phys[8] = 1;  // the unit is the metre
    chunk("pHYs", phys, sizeof phys);
    row_.assign(1 + 3 * static_cast<std::size_t>(width), 0);
    out_.resize(1 << 16);
  }
  ~png_encoder() { api().deflateEnd(&z_); }
  png_encoder(const png_encoder&) = delete;
  png_encoder& operator=(const png_encoder&) = delete;

  int rows() const { return rows_; }

  // One row of 0x00RRGGBB pixels (cairo's RGB24); rows past the height are dropped.
  void row(const std::uint32_t* px) {
    if (rows_ == height_) return;
    ++rows_;
    row_[0] = 0;  // no filter: on text and flat colour deflate alone does best (Up and Paeth cost 15 % more)
    for (int x = 0; x < width_; ++x) {
      const std::uint32_t p = px[x];
      unsigned char* rgb = row_.data() + 1 + 3 * static_cast<std::size_t>(x);
      rgb[0] = static_cast<unsigned char>(p >> 16);
      rgb[1] = static_cast<unsigned char>(p >> 8);
      rgb[2] = static_cast<unsigned char>(p);
    }
    compress(Z_NO_FLUSH);
  }

  // White rows up to the height, the end of the stream and IEND.
  void finish() {
    const std::vector<std::uint32_t> white(static_cast<std::size_t>(width_), 0xffffffu);
    while (rows_ < height_) row(white.data());
    compress(Z_FINISH);
    chunk("IEND", nullptr, 0);
  }

 private:
  static void be32(unsigned char* p, std::uint32_t v) {
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
  }
  void put(const void* p, std::size_t n) {
    if (n > 0 && std::fwrite(p, 1, n, f_) != n) throw failure(std::string("cannot write the image: ") + std::strerror(errno));
  }
  void chunk(const char* type, const unsigned char* data, std::size_t n) {
    unsigned char head[8];
    be32(head, static_cast<std::uint32_t>(n));
    std::memcpy(head + 4, type, 4);
    put(head, 8);
    put(data, n);
    uLong crc = api().crc32(0, reinterpret_cast<const Bytef*>(type), 4);
    if (n > 0) crc = api().crc32(crc, data, static_cast<uInt>(n));
    unsigned char tail[4];
    be32(tail, static_cast<std::uint32_t>(crc));
    put(tail, 4);
  }
  void compress(int flush) {
    z_.next_in = flush == Z_FINISH ? nullptr : row_.data();
    z_.avail_in = flush == Z_FINISH ? 0 : static_cast<uInt>(row_.size());
    for (;;) {
      z_.next_out = out_.data() + pending_;
      z_.avail_out = static_cast<uInt>(out_.size() - pending_);
      const int r = api().deflate(&z_, flush);
      if (r == Z_STREAM_ERROR) throw failure("zlib cannot compress the image");
      pending_ = out_.size() - z_.avail_out;
      if (pending_ == out_.size() || (flush == Z_FINISH && pending_ > 0)) {
        chunk("IDAT", out_.data(), pending_);
        pending_ = 0;
      }
      if (flush == Z_FINISH ? r == Z_STREAM_END : z_.avail_in == 0 && z_.avail_out > 0) break;
    }
  }

  std::FILE* f_;
  int width_, height_, rows_ = 0;
  z_stream z_{};
  std::vector<unsigned char> row_, out_;
  std::size_t pending_ = 0;
};

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  return std::fwrite(data, 1, length, static_cast<std::FILE*>(closure)) == length ? CAIRO_STATUS_SUCCESS
                                                                                 : CAIRO_STATUS_WRITE_ERROR;
}

struct file_closer {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

std::string read_all(std::FILE* f, std::size_t limit) {
  std::string text;
  std::rewind(f);
  char buffer[4096];
  for (std::size_t n; text.size() < limit && (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  return text;
}

// Child exit statuses.
constexpr int out_of_memory = 3, failed = 4;

// Runs `draw` in a child process writing to a temporary file, then copies the file to `out`.
// The child's standard error is kept: glib and Rust say there why they aborted.
template <class Draw>
void isolated(std::ostream& out, Draw draw) {
  file_ptr data(std::tmpfile()), err(std::tmpfile());
  if (!data || !err) throw failure(std::string("cannot make a temporary file: ") + std::strerror(errno));
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) {
    if (errno == ENOMEM || errno == EAGAIN) throw std::bad_alloc();
    throw failure(std::string("cannot start the drawing: ") + std::strerror(errno));
  }
  if (child == 0) {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, SIG_DFL);  // the parent's handlers clean up its files
    ::dup2(::fileno(err.get()), STDERR_FILENO);
    int status = 0;
    try {
      draw(data.get());
      if (std::fflush(data.get()) != 0) throw failure(std::string("cannot write: ") + std::strerror(errno));
    } catch (const std::bad_alloc&) {
      status = out_of_memory;
    } catch (const std::exception& e) {
      std::fputs(e.what(), stderr);
      status = failed;
    }
    std::fflush(stderr);
    ::_exit(status);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw failure(std::string("cannot wait for the drawing: ") + std::strerror(errno));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    std::rewind(data.get());
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, data.get())) > 0;) {
      out.write(buffer, static_cast<std::streamsize>(n));
    }
    if (std::ferror(data.get())) throw failure(std::string("cannot read the drawing back: ") + std::strerror(errno));
    return;
  }
  std::string said = read_all(err.get(), 2000);
  if (WIFEXITED(status) && WEXITSTATUS(status) == out_of_memory) throw std::bad_alloc();
  // GLib: "failed to allocate N bytes"; Rust: "memory allocation of N bytes failed".
  if (said.find("alloc") != std::string::npos) throw std::bad_alloc();
  if (WIFEXITED(status) && WEXITSTATUS(status) == failed) throw failure(said);
  while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
  const auto line = said.find_last_of('\n');
  throw failure("the drawing stopped (" +
                (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                     : "exit status " + std::to_string(WEXITSTATUS(status))) +
                ")" + (said.empty() ? "" : ": " + said.substr(line == std::string::npos ? 0 : line + 1)));
}

}  // namespace

std::optional<std::string> unavailable() {
  const loaded& l = load();
  if (l.api) return std::nullopt;
  // Under a memory limit (ulimit -v) the loader cannot map them: that is memory, not a missing library.
  if (l.error.find("failed to map segment") != std::string::npos ||
      l.error.find("Cannot allocate memory") != std::string::npos) {
    throw std::bad_alloc();
  }
  return l.error + ", which draws PNG and PDF; install it: apt-get install librsvg2-2 libcairo2";
}

void write_png(const png_plan& plan, const document_source& next, std::ostream& out) {
  isolated(out, [&](std::FILE* f) {
    const int width = static_cast<int>(std::lround(plan.unit_width * plan.scale));
    png_encoder png(f, width, std::max(1, rows_of(plan.height_units, plan.scale)), 96 * plan.scale);
    while (const std::optional<svg_document> d = next()) {
      // A narrower or wider document is scaled to the image's width.
      const double scale = d->width > 0 ? width / d->width : plan.scale;
      draw_rows(*d, scale, width, [&](const std::uint32_t* row) { png.row(row); });
    }
    png.finish();
  });
}

void write_pdf(const std::string& title, const page_source& next, std::ostream& out) {
  isolated(out, [&](std::FILE* f) {
    const surface_ptr s(api().cairo_pdf_surface_create_for_stream(write_to_file, f, 595.28, 841.89));
    check(api().cairo_surface_status(s.get()), "make a PDF");
    api().cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    api().cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "annals");
    // Same input, same bytes: no clock in the file.
    api().cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
    {
      const context_ptr cr(api().cairo_create(s.get()));
      // A drawing cut across pages is read once; each page draws it through a clip (cairo
      // writes only what the clip shows).
      std::string parsed;
      handle_ptr h;
      while (std::optional<pdf_page> page = next()) {
        api().cairo_pdf_surface_set_size(s.get(), page->width_pt, page->height_pt);
        const svg_document& d = page->svg;
        if (!h || d.text != parsed) {
          h = parse(d);
          parsed = d.text;
        }
        api().cairo_save(cr.get());
        api().cairo_translate(cr.get(), page->x_pt, page->y_pt);
        api().cairo_scale(cr.get(), page->scale, page->scale);
        if (page->clip_height > 0) {
          api().cairo_translate(cr.get(), 0, -page->clip_top);
          api().cairo_rectangle(cr.get(), 0, page->clip_top, d.width, page->clip_height);
          api().cairo_clip(cr.get());
        }
        render(h.get(), cr.get(), d);
        api().cairo_restore(cr.get());
        api().cairo_show_page(cr.get());
      }
      check(api().cairo_status(cr.get()), "draw the pages");
    }
    api().cairo_surface_finish(s.get());
    check(api().cairo_surface_status(s.get()), "write the PDF");
  });
}

std::optional<svg_document> document(std::string text) {
  const auto root = text.find("<svg");
  const auto end = root == std::string::npos ? root : text.find('>', root);
  const auto box = root == std::string::npos ? root : text.find("viewBox=\"", root);
  if (box == std::string::npos || box > end) return std::nullopt;
  double x = 0, y = 0, w = 0, h = 0;
  if (std::sscanf(text.c_str() + box + 9, "%lf %lf %lf %lf", &x, &y, &w, &h) != 4 || x != 0 || y != 0 || !(w > 0) ||
      !(h > 0)) {
    return std::nullopt;
  }
  return svg_document{std::move(text), w, h};
}

std::optional<svg_document> horizontal_drawing(const presentation& p) {
  if (p.options.layout != render_options::layout_kind::horizontal) return std::nullopt;
  std::ostringstream svg;
  write_svg(p, svg);
  auto drawing = document(std::move(svg).str());
  if (!drawing) throw render_error("the drawing has no size (viewBox)");
  return drawing;
}

bitmap rasterize(const svg_document& svg, double scale) {
  if (const auto why = unavailable()) throw failure(*why);
  bitmap b;
  b.width = static_cast<int>(std::lround(svg.width * scale));
  draw_rows(svg, scale, b.width, [&](const std::uint32_t* row) {
    b.pixels.insert(b.pixels.end(), row, row + b.width);
    ++b.height;
  });
  for (std::uint32_t& p : b.pixels) p &= 0xffffffu;
  return b;
}

}  // namespace annals::raster
