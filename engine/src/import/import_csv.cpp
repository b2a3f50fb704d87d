// csv: any sheet saved as CSV with a header row. `--map field=Column` names the column of
// each event field; a field left out is read from a column of its own name, if any (a
// header "Date" or "date" is the date). Each row is one event, each field at its cell, so
// every problem the checks find is at FILE:ROW:COLUMN. Dates are kept as written: the date
// grammar reads them when the draft is checked, against --reference.

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "import/csv_reader.hpp"
#include "input/encoding.hpp"
#include "import/entities.hpp"
#include "import/importers.hpp"

namespace annals {

namespace {

// The fields a column can fill, in the order --help and the README list them.
struct field {
  std::string_view name;
  bool list = false;  // several values in a cell, split at ';' (or ',' when there is no ';')
};
constexpr std::array<field, 12> fields = {{
    {"date"}, {"title"}, {"id"}, {"description"}, {"kind"}, {"actors", true},
    {"place"}, {"tags", true}, {"source"}, {"url"}, {"tz"}, {"calendar"},
}};

constexpr std::size_t field_index(std::string_view name) {
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (fields[k].name == name) return k;
  }
  return fields.size();
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The header's column named `name` (exactly, else ignoring case), 0-based.
std::optional<std::size_t> find_column(const csv::row& header, std::string_view name) {
  for (std::size_t k = 0; k < header.size(); ++k) {
    if (trimmed(header[k].text) == name) return k;
  }
  for (std::size_t k = 0; k < header.size(); ++k) {
    if (same_name(trimmed(header[k].text), name)) return k;
  }
  return std::nullopt;
}

std::string column_list(const csv::row& header) {
  std::string out;
  for (const csv::cell& c : header) {
    if (trimmed(c.text).empty()) continue;
    if (!out.empty()) out += ", ";
    out += '\'';
    out += trimmed(c.text);
    out += '\'';
  }
  return out.empty() ? "none" : out;
}

std::string field_list() {
  std::string out;
  for (const field& f : fields) (out += out.empty() ? "" : ", ") += f.name;
  return out;
}

std::vector<std::string_view> split_list(std::string_view text) {
  const char at = text.find(';') != std::string_view::npos ? ';' : ',';
  std::vector<std::string_view> out;
  while (true) {
    const auto cut = text.find(at);
    if (const std::string_view item = trimmed(text.substr(0, cut)); !item.empty()) out.push_back(item);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void import_csv(std::string_view bytes, const import_options& options, draft::input& in, draft& d) {
  in.columns = timeline_builder::columns::cells;
  const csv::table t = csv::read(bytes);
  if (t.error) {
    d.error(in, t.error->row, t.error->column, "csv-syntax", t.error->message,
            "close the quote, or double each quote inside a quoted cell (\"\")");
    return;
  }
  // UTF-8 only (a sheet saved as Latin-1 or UTF-16 is refused), at the first cell it fails in.
  if (const auto bad = check_encoding(bytes)) {
    std::uint32_t row = 1, column = 1;
    for (const csv::row& r : t.rows) {
      const auto cell = std::find_if(r.begin(), r.end(), [](const csv::cell& c) { return check_encoding(c.text).has_value(); });
      if (cell != r.end()) {
        row = cell->row;
        column = cell->column;
        break;
      }
    }
    d.error(in, row, column, "encoding", bad->message, "save the sheet as CSV in UTF-8");
    return;
  }
  const auto header_at = std::find_if(t.rows.begin(), t.rows.end(), [](const csv::row& r) { return !csv::blank(r); });
  if (header_at == t.rows.end()) {
    d.error(in, 1, 1, "empty-input", "the file is empty: a CSV to import needs a header row naming its columns, then a row per event");
    return;
  }
  const csv::row& header = *header_at;
  const std::uint32_t header_row = header.front().row;

  // Which column fills each field: --map first, then a column of the field's own name.
  std::array<std::optional<std::size_t>, fields.size()> column_of;
  bool usable = true;
  std::vector<std::string_view> field_names;
  for (const field& f : fields) field_names.push_back(f.name);
  for (const auto& [name, column] : options.map) {
    const std::size_t k = field_index(name);
    if (k == fields.size()) {
      const std::string_view near = spellcheck(name, field_names);
      d.error(in, header_row, 1, "unknown-field", "--map names the field '" + name + "', which events do not have",
              near.empty() ? "the fields are: " + field_list() : "did you mean '" + std::string(near) + "'?");
      usable = false;
      continue;
    }
    column_of[k] = find_column(header, column);
    if (!column_of[k]) {
      d.error(in, header_row, 1, "unknown-column",
              "--map " + name + "=" + column + " names the column '" + column + "', which the header lacks",
              "its columns are: " + column_list(header));
      usable = false;
    }
  }
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const bool mapped = std::any_of(options.map.begin(), options.map.end(), [&](const auto& m) { return m.first == fields[k].name; });
    if (!mapped) column_of[k] = find_column(header, fields[k].name);
  }
  const bool mapped_well = usable;
  for (const std::string_view required : {"date", "title"}) {
    if (column_of[field_index(required)] || !mapped_well) continue;
    d.error(in, header_row, 1, "missing-column",
            "no column gives the events' " + std::string(required) + ": the header has " + column_list(header),
            "name it with --map " + std::string(required) + "=COLUMN");
    usable = false;
  }
  if (!usable) return;

  if (!options.reference.empty()) in.document.set("reference", record::scalar(options.reference, header_row, 1));
  std::vector<record> events;

  // The cell of field `name` in row `r`, or nullptr (no column, or a short row).
  const auto cell_of = [&](const csv::row& r, std::string_view name) -> const csv::cell* {
    const auto& k = column_of[field_index(name)];
    return k && *k < r.size() ? &r[*k] : nullptr;
  };
  const auto text_of = [&](const csv::row& r, std::string_view name) -> std::string_view {
    const csv::cell* c = cell_of(r, name);
    return c ? trimmed(c->text) : std::string_view{};
  };
  // Where a field's column is, for a row too short to have the cell.
  const auto position = [&](const csv::row& r, std::string_view name) -> std::pair<std::uint32_t, std::uint32_t> {
    const auto& k = column_of[field_index(name)];
    return {r.front().row, static_cast<std::uint32_t>(k ? *k + 1 : 1)};
  };

  std::size_t made = 0;
  for (auto it = header_at + 1; it != t.rows.end(); ++it) {
    const csv::row& r = *it;
    if (csv::blank(r)) continue;  // a sheet's empty rows
    const std::uint32_t row = r.front().row;
    // Cells past the header's columns have no name to be read by: said, not lost silently.
    for (std::size_t k = header_at->size(); k < r.size(); ++k) {
      if (trimmed(r[k].text).empty()) continue;
      d.warning(in, r[k].row, r[k].column, "extra-cell",
                "row " + std::to_string(row) + " has a cell past the header's " + std::to_string(header_at->size()) +
                    " columns; it is not imported",
                "give its column a name in the header");
      break;
    }
    const std::string_view date = text_of(r, "date"), title = text_of(r, "title");
    bool ok = true;
    if (date.empty()) {
      const auto [l, c] = position(r, "date");
      d.error(in, l, c, "missing-date", "row " + std::to_string(row) + " has no date", "every event needs a date");
      ok = false;
    }
    if (title.empty()) {
      const auto [l, c] = position(r, "title");
      d.error(in, l, c, "missing-title", "row " + std::to_string(row) + " has no title", "every event needs a title");
      ok = false;
    }
    if (!ok) continue;

    record e = record::mapping(row, 1);
    const csv::cell& title_cell = *cell_of(r, "title");
    if (const std::string_view id = text_of(r, "id"); !id.empty()) {
      // The sheet's own id, as written: a bad or repeated one is reported at its cell.
      const csv::cell& c = *cell_of(r, "id");
      d.ids.emplace(id);
      e.set("id", record::string(std::string(id), c.row, c.column));
    } else {
      e.set("id", record::string(d.unique_id(title), title_cell.row, title_cell.column));
    }
    e.set("title", record::string(std::string(title), title_cell.row, title_cell.column));

    const csv::cell& date_cell = *cell_of(r, "date");
    const std::string_view tz = text_of(r, "tz"), calendar = text_of(r, "calendar");
    if (tz.empty() && calendar.empty()) {
      e.set("date", record::string(std::string(date), date_cell.row, date_cell.column));
    } else {
      record& m = e.set("date", record::mapping(date_cell.row, date_cell.column));
      m.set("on", record::string(std::string(date), date_cell.row, date_cell.column));
      if (!calendar.empty()) {
        const csv::cell& c = *cell_of(r, "calendar");
        m.set("calendar", record::string(lower(calendar), c.row, c.column));
      }
      if (!tz.empty()) {
        const csv::cell& c = *cell_of(r, "tz");
        m.set("tz", record::string(std::string(tz), c.row, c.column));
      }
    }
    if (const std::string_view text = text_of(r, "description"); !text.empty()) {
      const csv::cell& c = *cell_of(r, "description");
      e.set("description", record::string(std::string(text), c.row, c.column));
    }
    if (const std::string_view kind = text_of(r, "kind"); !kind.empty()) {
      const csv::cell& c = *cell_of(r, "kind");
      // "State Visit" is the kind state-visit; anything else an id cannot hold is reported at the cell
      std::string id = lower(kind);
      std::replace(id.begin(), id.end(), ' ', '-');
      e.set("kind", record::string(std::move(id), c.row, c.column));
    }
    if (const std::string_view actors = text_of(r, "actors"); !actors.empty()) {
      const csv::cell& c = *cell_of(r, "actors");
      record& list = e.set("actors", record::sequence(c.row, c.column));
      for (const std::string_view name : split_list(actors)) {
        list.push(record::string(named_entity(d, in, "actors", name, c.row, c.column), c.row, c.column));
      }
    }
    if (const std::string_view place = text_of(r, "place"); !place.empty()) {
      const csv::cell& c = *cell_of(r, "place");
      e.set("place", record::string(named_entity(d, in, "places", place, c.row, c.column), c.row, c.column));
    }
    if (const std::string_view tags = text_of(r, "tags"); !tags.empty()) {
      const csv::cell& c = *cell_of(r, "tags");
      record& list = e.set("tags", record::sequence(c.row, c.column));
      for (const std::string_view tag : split_list(tags)) list.push(record::string(std::string(tag), c.row, c.column));
    }
    const std::string_view source = text_of(r, "source"), url = text_of(r, "url");
    if (!source.empty() || !url.empty()) {
      const csv::cell& c = *cell_of(r, url.empty() ? "source" : "url");
      record& list = e.set("sources", record::sequence(c.row, c.column));
      list.push(record::string(source_entity(d, in, source, url, c.row, c.column), c.row, c.column));
    }
    events.push_back(std::move(e));
    ++made;
  }
  // The events after the actors, places and sources they name, as a file lists them.
  record& list = in.events();
  list.line = header_row + 1;
  for (record& e : events) list.push(std::move(e));
  if (made == 0 && std::none_of(d.diagnostics.begin(), d.diagnostics.end(),
                                [&](const diagnostic& x) { return x.level == severity::error && x.file == in.path; })) {
    d.error(in, header_row, 1, "no-events", "the file has a header but no rows of events below it");
  }
}

}  // namespace annals
