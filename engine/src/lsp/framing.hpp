#pragma once

// The base protocol of LSP: a message is a header block (`Content-Length: N`, other
// headers ignored, each line ended by CRLF, the block by an empty line) and N bytes of
// JSON. A reader must survive any stream: a header without a length, a length that is
// not a number or is too large, the stream ending mid-message.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace annals::lsp {

/// The largest message body read; a longer one is skipped (64 MiB: a 10,000-event file
/// sent whole is about 1 MiB).
inline constexpr std::size_t max_message_bytes = std::size_t{64} << 20;

struct frame {
  enum class status : unsigned char {
    message,     // `body` holds one message
    bad_header,  // the header block had no usable Content-Length: skipped, read on
    too_large,   // the body was longer than the limit: skipped, read on
    end,         // the stream ended (mid-message or between messages)
  };
  status what = status::end;
  std::string body;
  std::string problem;  // for bad_header, too_large and an end mid-message: what was wrong
};

/// Reads the next message of `in`.
frame read_frame(std::istream& in, std::size_t max_bytes = max_message_bytes);

/// `body` with its header, ready to write.
std::string write_frame(std::string_view body);

}  // namespace annals::lsp
