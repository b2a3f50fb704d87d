#include "input/file_parts.hpp"

#include "input/builder.hpp"
#include "input/file_read.hpp"
#include "input/split.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

namespace {

void shift_lines(record& r, std::int64_t by) {
  if (r.line != 0) r.line = static_cast<std::uint32_t>(r.line + by);
  for (record& c : r.children) shift_lines(c, by);
}

// One item parsed alone, at its place in the file; nullopt when it does not read as one item.
std::optional<record> read_item(std::string_view item, std::uint32_t line, const yaml_limits& limits) {
  std::optional<record> read;
  bool more = false;
  yaml_sink sink;
  sink.header = [&](record, record) { more = true; };
  sink.event = [&](record r) {
    more = more || read.has_value();
    read = std::move(r);
  };
  if (!read_yaml(item, limits, sink, {line - 1, true}).empty() || more) return std::nullopt;
  return read;
}

}  // namespace

std::optional<file_parts> read_parts(std::string_view text, const load_options& options, file_parts* before,
                                     std::string_view before_text) {
  const auto split = split_events(text);
  if (!split) return std::nullopt;
  run_totals run;
  run.bytes = text.size();
  auto header = read_header(text, *split, options, run);
  if (!header) return std::nullopt;
  file_parts parts;
  parts.header = std::move(*header);
  const std::size_t n = split->items.size();
  parts.items.resize(n);
  parts.item_begin.resize(n);
  parts.item_end.resize(n);
  parts.item_lines = split->item_lines;
  for (std::size_t k = 0; k < n; ++k) {
    parts.item_begin[k] = split->items[k];
    parts.item_end[k] = k + 1 < n ? split->items[k + 1] : split->end;
  }
  const auto item = [&](std::size_t k) { return text.substr(parts.item_begin[k], parts.item_end[k] - parts.item_begin[k]); };
  // An edit changes a stretch of items: those before it and after it are the same texts,
  // kept (moved to their new lines); the stretch is parsed.
  const std::size_t m = before ? before->items.size() : 0;
  const auto old_item = [&](std::size_t j) {
    return before_text.substr(before->item_begin[j], before->item_end[j] - before->item_begin[j]);
  };
  std::size_t head = 0, tail = 0;
  while (head < std::min(n, m) && item(head) == old_item(head)) ++head;
  while (tail < std::min(n, m) - head && item(n - 1 - tail) == old_item(m - 1 - tail)) ++tail;
  const auto keep = [&](std::size_t k, std::size_t j) {
    parts.items[k] = std::move(before->items[j]);
    if (const std::int64_t by = std::int64_t{parts.item_lines[k]} - before->item_lines[j]; by != 0) {
      shift_lines(parts.items[k], by);
    }
  };
  for (std::size_t k = 0; k < head; ++k) keep(k, k);
  for (std::size_t t = 0; t < tail; ++t) keep(n - 1 - t, m - 1 - t);
  const yaml_limits limits = limits_of(options, text.size());
  for (std::size_t k = head; k < n - tail; ++k) {
    auto r = read_item(item(k), parts.item_lines[k], limits);
    if (!r) return std::nullopt;
    parts.items[k] = std::move(*r);
  }
  return parts;
}

}  // namespace annals
