#pragma once

// A CSV reader (RFC 4180, read as spreadsheets write it): quoted cells with doubled quotes,
// line breaks inside quotes, CRLF, LF or CR line ends, a UTF-8 byte order mark, and a
// delimiter that may be ',' ';' or a tab. Every cell keeps where it is: its row (the
// record's number, as a spreadsheet counts rows: a cell holding line breaks is still one
// row), its column, and the line of the file it starts on.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::csv {

struct cell {
  std::string text;
  std::uint32_t row = 0;     // 1-based: the header is row 1
  std::uint32_t column = 0;  // 1-based
  std::uint32_t line = 0;    // 1-based line of the file where the cell starts
};

using row = std::vector<cell>;

/// Why a file could not be read, at the cell where the trouble starts.
struct error {
  std::uint32_t row = 0, column = 0, line = 0;
  std::string message;
};

struct table {
  std::vector<row> rows;  // every record, the header first; a blank line is a row of one empty cell
  char delimiter = ',';
  std::optional<csv::error> error;  // set: the rows are not to be used
};

/// The delimiter of the first record of `bytes`: the one of ',' ';' '\t' that occurs most
/// often outside quotes (',' on a tie or when none occurs).
char detect_delimiter(std::string_view bytes);

/// Reads every record of `bytes`. A quote that is never closed is an error at the cell it
/// opens; a quote inside an unquoted cell, or text after a closing quote, is kept as text
/// (spreadsheets write both).
table read(std::string_view bytes, char delimiter);
inline table read(std::string_view bytes) { return read(bytes, detect_delimiter(bytes)); }

/// True when every cell of `r` is empty or blank.
bool blank(const row& r);

}  // namespace annals::csv
